import * as assert from 'assert';
import { groupsOf, onlySide, speakerBelongs, statementGroups } from '../../../../src/core/views/statementGroups';
import { fixtureComparison } from '../../comparisonFixture';

describe('statementGroups', () => {
  it('puts matched quotes in one group with the most telling status, and lone quotes in their own', () => {
    const comparison = fixtureComparison();
    const groups = statementGroups(comparison);
    assert.deepStrictEqual(groups.map((group) => [group.quotes, group.status]), [
      [{ a: [0], b: [0] }, 'altered'],
      [{ a: [1], b: [1] }, 'conflict'],
      [{ a: [2], b: [] }, 'onlyHere'],
    ]);
    assert.strictEqual(onlySide(groups[2]), 'a');
  });

  it('joins a quote that the other article splits in two, through either half', () => {
    const comparison = fixtureComparison();
    // B's quote 1 also stands inside A's quote 0, and A's quote 2 inside B's quote 1: one chain of four quotes.
    comparison.quoteMatches.push({ a: 0, b: 1, kind: 'contained', container: 'a', conflict: false, differences: [] });
    comparison.quoteMatches.push({ a: 2, b: 1, kind: 'contained', container: 'b', conflict: false, differences: [] });
    const groups = statementGroups(comparison);
    assert.deepStrictEqual(groups.map((group) => [group.quotes, group.status]), [[{ a: [0, 1, 2], b: [0, 1] }, 'conflict']]);
  });

  it('lists a group under each speaker one of its quotes is given to, and under "no speaker"', () => {
    const comparison = fixtureComparison();
    const groups = statementGroups(comparison);
    // The conflicting pair: A gives it to "A resident" (2), B to Jo Park (1): it shows under both.
    assert.strictEqual(groupsOf(groups, speakerBelongs(comparison, 1)).length, 1);
    assert.strictEqual(groupsOf(groups, speakerBelongs(comparison, 2))[0], groupsOf(groups, speakerBelongs(comparison, 1))[0]);
    assert.deepStrictEqual(groupsOf(groups, speakerBelongs(comparison, null)).map((group) => group.quotes), [{ a: [2], b: [] }]);
  });
});
