import * as assert from 'assert';
import { chainMatches } from '../../../../src/core/passages/chain';
import type { ExactMatch } from '../../../../src/core/passages/seeds';

const OPTIONS = { maxGap: 8, maxSkew: 3 };

/** Matches of 5 words one changed word apart on the main diagonal: one edited passage. */
const editedPassage = (blocks: number): ExactMatch[] => Array.from({ length: blocks }, (_, k) => ({ i: 6 * k, j: 6 * k, length: 5 }));

/** `count` matches of 4 words that all end near each other in B: every match a candidate of every later one. */
const crowd = (count: number): ExactMatch[] => Array.from({ length: count }, (_, k) => ({ i: 1000 + 7 * k, j: 10 + (k % 5), length: 4 })).sort((x, y) => x.j - y.j || x.i - y.i);

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
