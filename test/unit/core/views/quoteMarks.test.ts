import * as assert from 'assert';
import { planQuoteMarks, quoteStatuses } from '../../../../src/core/views/quoteMarks';
import { fixtureComparison, TEXT_A, TEXT_B } from '../../comparisonFixture';

describe('quoteMarks.planQuoteMarks', () => {
  const comparison = fixtureComparison();

  it('marks each quote once: by its strongest match, or as a conflict, which outranks the match', () => {
    const marks = planQuoteMarks(comparison, 'a', { onlyHere: false });
    assert.deepStrictEqual(marks.map((mark) => [mark.kind, TEXT_A.slice(...mark.range)]), [
      ['altered', 'we will rebuild the pier by spring'],
      ['conflict', 'nobody asked us'],
    ]);
  });

  it('marks the quotes only one article has only when asked', () => {
    assert.ok(!planQuoteMarks(comparison, 'a', { onlyHere: false }).some((mark) => mark.kind === 'onlyHere'));
    const unmatched = planQuoteMarks(comparison, 'a', { onlyHere: true }).filter((mark) => mark.kind === 'onlyHere');
    assert.deepStrictEqual(unmatched.map((mark) => TEXT_A.slice(...mark.range)), ['a stunt']);
  });

  it('works from side B with B offsets', () => {
    const marks = planQuoteMarks(comparison, 'b', { onlyHere: true });
    assert.deepStrictEqual(marks.map((mark) => [mark.kind, TEXT_B.slice(...mark.range)]), [
      ['altered', 'We will rebuild the pier by summer,'],
      ['conflict', 'nobody asked us'],
    ]);
  });

  it('prefers the strongest match when a quote has several', () => {
    const extra = { ...comparison, quoteMatches: [...comparison.quoteMatches, { a: 0, b: 1, kind: 'contained' as const, container: 'b' as const, conflict: false, differences: [] }] };
    assert.strictEqual(planQuoteMarks(extra, 'a', { onlyHere: false })[0].kind, 'contained');
  });
});

describe('quoteMarks.quoteStatuses', () => {
  const comparison = fixtureComparison();

  it('gives every quote of a side, in text order, its strongest kind and whether any match conflicts', () => {
    assert.deepStrictEqual(quoteStatuses(comparison, 'a').map(({ quote, kind, conflict, mark }) => [quote.id, kind, conflict, mark]), [
      [0, 'altered', false, 'altered'],
      [1, 'identical', true, 'conflict'],
      [2, 'unmatched', false, 'onlyHere'],
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
