import * as assert from 'assert';
import { comparisonSummary, summaryCounts } from '../../../../src/core/views/summary';
import { fixtureComparison } from '../../comparisonFixture';

describe('summary', () => {
  it('counts passages, pairs, altered quotes and conflicts', () => {
    assert.deepStrictEqual(summaryCounts(fixtureComparison()), { passages: 1, editedPassages: 0, quotePairs: 2, alteredQuotes: 1, conflicts: 1 });
  });

  it('says the view\'s header figures, flagging conflicts', () => {
    const comparison = fixtureComparison();
    comparison.a.stats.share = 0.004;
    assert.deepStrictEqual(comparisonSummary(comparison).map((item) => [item.key, item.text, item.alert]), [
      ['share-a', '0.4% of a.txt is found in b.txt', false],
      ['share-b', '25% of b.txt is found in a.txt', false],
      ['passages', '1 shared passage (identical)', false],
      ['quotes', '2 quotes in both articles, 1 altered', false],
      ['conflicts', '1 attribution conflict', true],
    ]);
    comparison.quoteMatches = [];
    assert.deepStrictEqual(comparisonSummary(comparison).slice(3).map((item) => [item.text, item.alert]), [['No quote in both articles', false], ['No attribution conflict', false]]);
  });

  it('adds what a comparison cut short by a work budget may lack, flagged', () => {
    const comparison = { ...fixtureComparison(), truncated: true, truncatedParts: ['passages' as const] };
    assert.deepStrictEqual(comparisonSummary(comparison).slice(5).map((item) => [item.key, item.text, item.alert]), [
      ['truncated', 'Cut short: some shared passages may be missing or shorter', true],
    ]);
  });
});
