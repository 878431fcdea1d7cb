import * as assert from 'assert';
import fc from 'fast-check';
import { wordsUpTo } from '../../../../src/core/quotes/nonSpeech';
import { countWords } from '../../../../src/core/text/tokenize';

describe('wordsUpTo', () => {
  it('counts the words countWords finds, up to its bound, on any text (property)', () => {
    const pieces = ['a', 'B', 'é', 'e\u0301', '7', ' ', '\n', '.', ',', "'", '’', '-', '–', '“', '😀', '𝐀', '\ud835', 'U.S', '1,000', 'so-called'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.integer({ min: 0, max: 8 }), (parts, bound) => {
      const content = parts.join('');
      assert.strictEqual(wordsUpTo(content, bound), Math.min(countWords(content), bound), JSON.stringify(content));
      assert.strictEqual(wordsUpTo(content, Infinity), countWords(content), JSON.stringify(content));
    }), { numRuns: 500, seed: 29 });
  });
});
