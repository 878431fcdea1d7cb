import * as assert from 'assert';
import { documentStats, mergeRanges } from '../../../src/core/stats';
import { tokenize } from '../../../src/core/tokenize';

describe('documentStats', () => {
  it('counts shared characters once where ranges overlap, and only whole words', () => {
    const text = 'one two three four five six seven eight';
    const tokens = tokenize(text);
    const stats = documentStats(tokens, [[0, 13], [8, 18], [28, 33], [35, 37]]);
    assert.deepStrictEqual(stats, { characters: text.length, words: 8, sharedCharacters: 18 + 5 + 2, sharedWords: 5, share: 5 / 8 });
  });

  it('gives an empty text a share of 0', () => {
    assert.deepStrictEqual(documentStats(tokenize(''), []), { characters: 0, words: 0, sharedCharacters: 0, sharedWords: 0, share: 0 });
  });

  it('merges touching and overlapping ranges, dropping empty ones', () => {
    assert.deepStrictEqual(mergeRanges([[5, 7], [0, 2], [2, 3], [6, 9], [4, 4]]), [[0, 3], [5, 9]]);
  });
});
