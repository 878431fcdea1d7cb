import * as assert from 'assert';
import { planPassageMarks } from '../../../../src/core/views/passageMarks';
import { find, fixtureComparison, TEXT_A, TEXT_B } from '../../comparisonFixture';

describe('passageMarks.planPassageMarks', () => {
  it('marks each passage by its kind and the words that differ in edited passages and altered quotes', () => {
    const comparison = fixtureComparison();
    comparison.passages.push({ id: 1, a: find(TEXT_A, 'rebuild the pier by spring'), b: find(TEXT_B, 'rebuild the pier by summer'), identical: false, words: { a: 5, b: 5 },
      differences: [{ a: find(TEXT_A, 'spring'), b: find(TEXT_B, 'summer') }] });
    const text = (side: 'a' | 'b') => planPassageMarks(comparison, side).map((mark) => [mark.kind, (side === 'a' ? TEXT_A : TEXT_B).slice(...mark.range)]);
    assert.deepStrictEqual(text('a'), [
      ['identicalPassage', 'The ferry runs again from June'],
      ['editedPassage', 'rebuild the pier by spring'],
      ['changedWords', 'spring'],
      ['changedWords', 'spring'], // the altered quote's difference too: the editors draw it once over the other
    ]);
    assert.deepStrictEqual(text('b').map(([kind]) => kind), ['identicalPassage', 'editedPassage', 'changedWords', 'changedWords']);
  });

  it('leaves out empty ranges (a word one side does not have)', () => {
    const comparison = fixtureComparison();
    comparison.quoteMatches[0].differences.push({ a: [3, 3], b: find(TEXT_B, 'by') });
    assert.ok(planPassageMarks(comparison, 'a').every((mark) => mark.range[1] > mark.range[0]));
    assert.strictEqual(planPassageMarks(comparison, 'b').filter((mark) => mark.kind === 'changedWords').length, 2);
  });
});
