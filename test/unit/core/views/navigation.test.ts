import * as assert from 'assert';
import { passageStops, quoteDifferenceStops, step, stopFrom } from '../../../../src/core/views/navigation';
import { quoteStatuses } from '../../../../src/core/views/quoteMarks';
import { fixtureComparison } from '../../comparisonFixture';

describe('navigation', () => {
  it('steps forward and back with wrap-around, and starts at an end', () => {
    assert.deepStrictEqual([step(-1, 3, 1), step(0, 3, 1), step(2, 3, 1), step(-1, 3, -1), step(0, 3, -1), step(5, 3, 1)], [0, 1, 0, 2, 2, 0]);
    assert.strictEqual(step(0, 0, 1), -1);
  });

  it('goes from a cursor to the first stop after it, or the last before it', () => {
    const starts = [10, 50, 90];
    assert.deepStrictEqual([stopFrom(starts, 0, 1), stopFrom(starts, 10, 1), stopFrom(starts, 60, 1), stopFrom(starts, 95, 1)], [0, 1, 2, 0]);
    assert.deepStrictEqual([stopFrom(starts, 60, -1), stopFrom(starts, 10, -1), stopFrom(starts, 0, -1)], [1, 2, 2]);
    assert.strictEqual(stopFrom([], 3, 1), -1);
  });

  it('orders passages by the side they are asked from', () => {
    const comparison = fixtureComparison();
    comparison.passages.push({ id: 1, a: [0, 5], b: [200, 205], identical: true, words: { a: 1, b: 1 }, differences: [] });
    assert.deepStrictEqual(passageStops(comparison, 'a').map((stop) => stop.index), [1, 0]);
    assert.deepStrictEqual(passageStops(comparison, 'b').map((stop) => stop.index), [0, 1]);
  });

  it('stops at altered, partial and conflicting quotes with their partner, not at identical or lone ones', () => {
    const comparison = fixtureComparison();
    // A's quotes: 0 altered, 1 in conflict, 2 only in A.
    const stops = quoteDifferenceStops(comparison, 'a', quoteStatuses(comparison, 'a'));
    assert.deepStrictEqual(stops.map((stop) => [stop.index, stop.quotes, stop.b]), [[0, { a: 0, b: 0 }, comparison.b.quotes[0].range], [1, { a: 1, b: 1 }, comparison.b.quotes[1].range]]);
    comparison.quoteMatches[1].conflict = false;
    assert.deepStrictEqual(quoteDifferenceStops(comparison, 'b', quoteStatuses(comparison, 'b')).map((stop) => stop.quotes), [{ b: 0, a: 0 }], 'an identical quote is no difference');
  });
});
