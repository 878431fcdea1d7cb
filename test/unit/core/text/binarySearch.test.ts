import * as assert from 'assert';
import { firstAbove, partitionPoint } from '../../../../src/core/text/binarySearch';

describe('partitionPoint', () => {
  it('returns the first index where the predicate turns false, or the count', () => {
    const sorted = [1, 3, 3, 5, 8];
    assert.strictEqual(partitionPoint(sorted.length, (i) => sorted[i] < 3), 1);
    assert.strictEqual(partitionPoint(sorted.length, (i) => sorted[i] <= 3), 3);
    assert.strictEqual(partitionPoint(sorted.length, (i) => sorted[i] < 0), 0);
    assert.strictEqual(partitionPoint(sorted.length, (i) => sorted[i] < 100), sorted.length);
    assert.strictEqual(partitionPoint(0, () => true), 0);
  });

  it('agrees with a linear scan on every prefix length', () => {
    for (let count = 0; count < 40; count++) {
      for (let cut = 0; cut <= count; cut++) assert.strictEqual(partitionPoint(count, (i) => i < cut), cut);
    }
  });
});

describe('firstAbove', () => {
  it('finds the first value above the given one in an ascending typed array, within the count', () => {
    const values = Int32Array.from([1, 3, 3, 5, 8, 0, 0]);
    const count = 5; // the tail beyond the count is not looked at
    for (let value = -1; value <= 9; value++) {
      assert.strictEqual(firstAbove(values, count, value), partitionPoint(count, (i) => values[i] <= value), `value ${value}`);
    }
    assert.strictEqual(firstAbove(values, count, 3), 3);
    assert.strictEqual(firstAbove(values, 0, 3), 0);
  });
});
