import * as assert from 'assert';
import { planQuoteMarks, quoteStatuses } from '../../../../src/core/views/quoteMarks';
import { fixtureComparison, TEXT_A, TEXT_B } from '../../comparisonFixture';

describe('quoteMarks.planQuoteMarks', () => {
  const comparison = fixtureComparison();

  it('marks matched quotes by kind and adds a conflict mark on the same range', () => {
    const marks = planQuoteMarks(comparison, 'a', { unmatched: false });
    assert.deepStrictEqual(marks.map((mark) => [mark.kind, TEXT_A.slice(...mark.range)]), [
      ['altered', 'we will rebuild the pier by spring'],
      ['identical', 'nobody asked us'],
      ['conflict', 'nobody asked us'],
    ]);
  });

  it('marks unmatched quotes only when asked', () => {
    assert.ok(!planQuoteMarks(comparison, 'a', { unmatched: false }).some((mark) => mark.kind === 'unmatched'));
    const unmatched = planQuoteMarks(comparison, 'a', { unmatched: true }).filter((mark) => mark.kind === 'unmatched');
    assert.deepStrictEqual(unmatched.map((mark) => TEXT_A.slice(...mark.range)), ['a stunt']);
  });

  it('works from side B with B offsets', () => {
    const marks = planQuoteMarks(comparison, 'b', { unmatched: true });
    assert.deepStrictEqual(marks.map((mark) => [mark.kind, TEXT_B.slice(...mark.range)]), [
      ['altered', 'We will rebuild the pier by summer,'],
      ['identical', 'nobody asked us'],
      ['conflict', 'nobody asked us'],
    ]);
  });

  it('prefers the strongest match when a quote has several', () => {
    const extra = { ...comparison, quoteMatches: [...comparison.quoteMatches, { a: 0, b: 1, kind: 'contained' as const, container: 'b' as const, conflict: false, differences: [] }] };
    assert.strictEqual(planQuoteMarks(extra, 'a', { unmatched: false })[0].kind, 'contained');
  });
});

describe('quoteMarks.quoteStatuses', () => {
  const comparison = fixtureComparison();

  it('gives every quote of a side, in text order, its strongest kind and whether any match conflicts', () => {
    assert.deepStrictEqual(quoteStatuses(comparison, 'a').map(({ quote, kind, conflict }) => [quote.id, kind, conflict]), [
      [0, 'altered', false],
      [1, 'identical', true],
      [2, 'unmatched', false],
    ]);
  });

  it('flags a conflict found on a weaker match too, and lists the matches strongest first', () => {
    const extra = { ...comparison, quoteMatches: [...comparison.quoteMatches, { a: 0, b: 1, kind: 'contained' as const, container: 'b' as const, conflict: true, differences: [] }] };
    const [first] = quoteStatuses(extra, 'a');
    assert.strictEqual(first.kind, 'contained');
    assert.strictEqual(first.conflict, true);
    assert.deepStrictEqual(first.matches.map((match) => match.kind), ['contained', 'altered']);
  });
});
