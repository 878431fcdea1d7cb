import * as assert from 'assert';
import fc from 'fast-check';
import { documentStats, mergeRanges } from '../../../../src/core/passages/stats';
import { tokenize } from '../../../../src/core/text/tokenize';

describe('documentStats', () => {
  it('counts shared characters once where ranges overlap, and only whole words', () => {
    const text = 'one two three four five six seven eight';
    const tokens = tokenize(text);
    const stats = documentStats(tokens, [[0, 13], [8, 18], [28, 33], [35, 37]]);
    assert.deepStrictEqual(stats, { characters: text.length, words: 8, sharedCharacters: 18 + 5 + 2, sharedWords: 5, share: 5 / 8 });
  });

  it('counts as shared exactly the words that lie wholly inside a range (property)', () => {
    const text = 'Ab cd, ef-gh\r\n\r\n“ij” kl. Mn op qr st uv wx yz 12 34.';
    const tokens = tokenize(text);
    const range = fc.tuple(fc.nat(text.length), fc.nat(text.length)).map(([x, y]): [number, number] => [Math.min(x, y), Math.max(x, y)]);
    fc.assert(fc.property(fc.array(range, { maxLength: 6 }), (ranges) => {
      const merged = mergeRanges(ranges);
      let inside = 0;
      for (let k = 0; k < tokens.count; k++) if (merged.some(([start, end]) => tokens.start[k] >= start && tokens.end[k] <= end)) inside++;
      assert.strictEqual(documentStats(tokens, ranges).sharedWords, inside);
    }), { numRuns: 2000 });
  });

  it('gives an empty text a share of 0', () => {
    assert.deepStrictEqual(documentStats(tokenize(''), []), { characters: 0, words: 0, sharedCharacters: 0, sharedWords: 0, share: 0 });
  });

  it('merges touching and overlapping ranges, dropping empty ones', () => {
    assert.deepStrictEqual(mergeRanges([[5, 7], [0, 2], [2, 3], [6, 9], [4, 4]]), [[0, 3], [5, 9]]);
  });
});
