import * as assert from 'assert';
import * as fc from 'fast-check';
import { findExactMatches, type ExactMatches, type SeedOptions } from '../../../../src/core/passages/seeds';
import { findExactMatchesOfMany } from '../../../../src/core/passages/seedIndex';

/** Texts of word ids drawn from a small vocabulary, so that k-grams recur within and across texts. */
const texts = fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 120 }), { minLength: 2, maxLength: 6 });

const UNBOUNDED = { maxPairs: Infinity, maxWalk: Infinity, maxMatches: Infinity };

/** Matches as plain objects, for comparison. */
const plain = (found: ExactMatches): { matches: Array<{ i: number; j: number; length: number }>; truncated: boolean } => ({ matches: found.matches.toArray(), truncated: found.truncated });

describe('findExactMatchesOfMany', () => {
  it('finds, for every pair, exactly the matches findExactMatches finds for those two texts', () => {
    fc.assert(fc.property(texts, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), (words, k, maxOccurrences) => {
      const ids = words.map((w) => Int32Array.from(w));
      const options: SeedOptions = { k, maxOccurrences, ...UNBOUNDED };
      const many = findExactMatchesOfMany(ids, () => options);
      const byPair = new Map(many.map((pair) => [`${pair.x},${pair.y}`, plain(pair)]));
      for (let x = 0; x < ids.length; x++) {
        for (let y = x + 1; y < ids.length; y++) {
          assert.deepStrictEqual(byPair.get(`${x},${y}`) ?? { matches: [], truncated: false }, plain(findExactMatches(ids[x], ids[y], options)), `pair ${x},${y}`);
        }
      }
      // Pairs in order, none listed empty.
      assert.deepStrictEqual(many.map((p) => [p.x, p.y]), [...many].sort((p, q) => p.x - q.x || p.y - q.y).map((p) => [p.x, p.y]));
      assert.ok(many.every((p) => p.matches.count > 0 && p.x < p.y));
    }), { numRuns: 300 });
  });

  it('keeps each pair within the budgets of those two texts, cut exactly where findExactMatches cuts them', () => {
    // Budgets proportional to each pair's words, small enough that the pairs, walk and match budgets all bite.
    fc.assert(fc.property(texts, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 8 }), fc.double({ min: 0.05, max: 2, noNaN: true }), fc.double({ min: 0.02, max: 0.5, noNaN: true }), fc.double({ min: 0.5, max: 8, noNaN: true }), (words, k, maxOccurrences, pairsPerWord, matchesPerWord, walkPerWord) => {
      const ids = words.map((w) => Int32Array.from(w));
      const optionsOf = (x: number, y: number): SeedOptions => {
        const total = ids[x].length + ids[y].length;
        return { k, maxOccurrences, maxPairs: pairsPerWord * total, maxMatches: Math.floor(matchesPerWord * total), maxWalk: walkPerWord * total };
      };
      const many = findExactMatchesOfMany(ids, optionsOf);
      const byPair = new Map(many.map((pair) => [`${pair.x},${pair.y}`, plain(pair)]));
      for (let x = 0; x < ids.length; x++) {
        for (let y = x + 1; y < ids.length; y++) {
          const alone = findExactMatches(ids[x], ids[y], optionsOf(x, y));
          const expected = alone.matches.count > 0 || alone.truncated ? plain(alone) : { matches: [], truncated: false };
          assert.deepStrictEqual(byPair.get(`${x},${y}`) ?? { matches: [], truncated: false }, expected, `pair ${x},${y}`);
        }
      }
    }), { numRuns: 300 });
  });

  it('pairs a frequent k-gram in order, one hit per occurrence, as the pairwise matcher does', () => {
    const repeated = Int32Array.from({ length: 400 }, (_, t) => t % 4);
    const shifted = Int32Array.from({ length: 300 }, (_, t) => (t + 1) % 4);
    const other = Int32Array.from([9, 9, 9, 9, 0, 1, 2, 3, 9]);
    const options: SeedOptions = { k: 4, maxOccurrences: 5, ...UNBOUNDED };
    const many = findExactMatchesOfMany([repeated, other, shifted], () => options);
    assert.deepStrictEqual(many.find((p) => p.x === 0 && p.y === 2)?.matches.toArray(), findExactMatches(repeated, shifted, options).matches.toArray());
    assert.deepStrictEqual(many.find((p) => p.x === 0 && p.y === 1)?.matches.toArray(), findExactMatches(repeated, other, options).matches.toArray());
  });
});
