import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { findExactMatches, GramTable, MatchList, type SeedOptions } from '../../../../src/core/passages/seeds';
import { tokenize, Vocabulary } from '../../../../src/core/text/tokenize';
import { smallVocabularyText } from '../../fuzz/hostileText';

const ids = (a: string, b: string): { a: Int32Array; b: Int32Array } => {
  const vocabulary = new Vocabulary();
  return { a: tokenize(a, vocabulary).ids, b: tokenize(b, vocabulary).ids };
};

/** The seed options of a comparison of `words` words with the default budgets per word. */
const options = (words: number): SeedOptions => ({ k: 4, maxOccurrences: 50, maxPairs: 4 * words, maxWalk: 32 * words, maxMatches: 0.5 * words });

describe('findExactMatches: work bounded by the texts', () => {
  it('keeps the matches within their budget on texts over a handful of words, and says so', () => {
    // Six words: every 4-word run recurs about 15 times a side, under the occurrence cap, so that
    // pairing every occurrence with every other made over 200,000 matches of these 20,000 words.
    const { a, b } = ids(smallVocabularyText(6, 20000, 1), smallVocabularyText(6, 20000, 2));
    const found = findExactMatches(a, b, options(40000));
    assert.ok(found.matches.count <= 0.5 * 40000 + 1, `${found.matches.count} matches`);
    assert.strictEqual(found.truncated, true);
    for (const m of found.matches.toArray()) {
      for (let k = 0; k < m.length; k++) assert.strictEqual(a[m.i + k], b[m.j + k], 'a match is exact');
    }
  });

  it('finds the same matches as with no budget on ordinary articles, and says nothing was cut', () => {
    const read = (name: string): string => fs.readFileSync(path.join(__dirname, '../../../../examples', name), 'utf8');
    const { a, b } = ids(read('harbour-herald.txt'), read('harbour-wire.txt'));
    const words = a.length + b.length;
    const bounded = findExactMatches(a, b, options(Math.max(words, 1000)));
    const unbounded = findExactMatches(a, b, { k: 4, maxOccurrences: 50, maxPairs: Infinity, maxWalk: Infinity, maxMatches: Infinity });
    assert.strictEqual(bounded.truncated, false);
    assert.deepStrictEqual(bounded.matches.toArray(), unbounded.matches.toArray());
    assert.ok(bounded.matches.count > 0);
  });

  it('pairs the rarest 4-word runs in full first: a text copied whole is still one match when its budget is tiny', () => {
    const text = smallVocabularyText(8, 6000, 3);
    const { a, b } = ids(text, text);
    const found = findExactMatches(a, b, { k: 4, maxOccurrences: 50, maxPairs: 100, maxWalk: 100000, maxMatches: 100 });
    // Runs past the budget are paired in order, first with first: the copy lies on one diagonal.
    assert.ok(found.matches.toArray().some((m) => m.i === 0 && m.j === 0 && m.length === a.length), JSON.stringify(found.matches.toArray().slice(0, 3)));
    assert.strictEqual(found.truncated, true);
  });
});

describe('MatchList', () => {
  const match = fc.record({ i: fc.nat(60), j: fc.nat(60), length: fc.integer({ min: 1, max: 9 }) }).map((m) => ({ ...m }));

  it('sorts by j, then i, as a stable comparison sort of the objects does', () => {
    fc.assert(fc.property(fc.array(match, { maxLength: 200 }), (matches) => {
      const sorted = MatchList.from(matches).sortedByBThenA(61, 61);
      assert.strictEqual(sorted.count, matches.length);
      assert.deepStrictEqual(sorted.toArray(), [...matches].sort((x, y) => x.j - y.j || x.i - y.i));
    }), { numRuns: 300 });
  });

  it('keeps every match pushed as it grows', () => {
    fc.assert(fc.property(fc.array(match, { maxLength: 200 }), (matches) => {
      const list = new MatchList(1);
      for (const m of matches) list.push(m.i, m.j, m.length);
      assert.deepStrictEqual(list.toArray(), matches);
    }), { numRuns: 100 });
  });
});

describe('GramTable', () => {
  it('finds every key with its counts after growing from one entry, as a table made large enough does', () => {
    // Hashes from a small range, so that keys repeat and collide in the probe sequences.
    fc.assert(fc.property(fc.array(fc.integer({ min: -50, max: 50 }).map((h) => h * 0x10001), { maxLength: 400 }), (hashes) => {
      const small = new GramTable(1);
      const large = new GramTable(hashes.length);
      for (const table of [small, large]) {
        hashes.forEach((hash, p) => {
          const slot = table.slot(hash, true);
          table.head[slot] = p;
          table.countA[slot]++;
        });
      }
      for (const hash of [...hashes, 7, -7]) {
        const s = small.slot(hash, false);
        const l = large.slot(hash, false);
        assert.strictEqual(s === -1, l === -1);
        if (s !== -1) assert.deepStrictEqual([small.head[s], small.countA[s]], [large.head[l], large.countA[l]]);
      }
    }), { numRuns: 200 });
  });
});
