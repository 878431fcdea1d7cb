import * as assert from 'assert';
import * as fc from 'fast-check';
import { byScoreDescending, chainMatches } from '../../../../src/core/passages/chain';
import { MatchList } from '../../../../src/core/passages/seeds';

const OPTIONS = { maxGap: 8, maxSkew: 3 };

/** Matches of 5 words one changed word apart on the main diagonal: one edited passage. */
const editedPassage = (blocks: number): MatchList => MatchList.from(Array.from({ length: blocks }, (_, k) => ({ i: 6 * k, j: 6 * k, length: 5 })));

/** `count` matches of 4 words that all end near each other in B: every match a candidate of every later one. */
const crowd = (count: number): MatchList => MatchList.from(Array.from({ length: count }, (_, k) => ({ i: 1000 + 7 * k, j: 10 + (k % 5), length: 4 })).sort((x, y) => x.j - y.j || x.i - y.i));

describe('chainMatches', () => {
  it('chains matches across single changed words into one chain', () => {
    const chains = chainMatches(editedPassage(20), { ...OPTIONS, maxCandidates: Infinity });
    assert.strictEqual(chains.count, 1);
    assert.strictEqual(chains.chain(0).length, 20);
    assert.strictEqual(chains.truncated, false);
  });

  it('still chains an edited passage when the candidate budget is spent: each match keeps a few candidates', () => {
    assert.strictEqual(chainMatches(editedPassage(20), { ...OPTIONS, maxCandidates: 0 }).chain(0).length, 20);
  });

  it('says so when the budget left a match fewer candidates than it had, and not otherwise', () => {
    assert.strictEqual(chainMatches(crowd(300), { ...OPTIONS, maxCandidates: Infinity }).truncated, false);
    assert.strictEqual(chainMatches(crowd(300), { ...OPTIONS, maxCandidates: 300 }).truncated, true);
  });
});

describe('byScoreDescending', () => {
  it('orders as a stable sort by descending score does, for scores in quarters', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 4, max: 400_000 }), { maxLength: 300 }), (quarters) => {
      const score = Float64Array.from(quarters, (q) => q / 4);
      const expected = Array.from(score, (_, m) => m).sort((x, y) => score[y] - score[x]);
      assert.deepStrictEqual(Array.from(byScoreDescending(score)), expected);
    }), { numRuns: 300 });
  });

  it('keeps ties in index order across both passes (scores past 2^16 quarters)', () => {
    const score = Float64Array.from([20000.25, 3, 20000.25, 16384, 3, 16384.5]);
    assert.deepStrictEqual(Array.from(byScoreDescending(score)), [0, 2, 5, 3, 1, 4]);
  });
});
