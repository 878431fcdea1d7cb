import * as assert from 'assert';
import fc from 'fast-check';
import { classAt, isLetterOrDigitAt, LETTER_OR_DIGIT, MARK, OTHER, SPACE, widthAt } from '../../../../src/core/text/charClass';

describe('charClass', () => {
  it('classifies as the Unicode property regexes do, surrogate pairs as one code point (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), (text) => {
      const codePoint = String.fromCodePoint(text.codePointAt(0)!);
      const expected = /^[\p{L}\p{N}]$/u.test(codePoint) ? LETTER_OR_DIGIT : /^\p{M}$/u.test(codePoint) ? MARK : /^\s$/u.test(codePoint) ? SPACE : OTHER;
      assert.strictEqual(classAt(text, 0), expected);
      assert.strictEqual(widthAt(text, 0), codePoint.length);
    }), { numRuns: 3000 });
  });

  it('reads a surrogate pair cut by the limit as a lone surrogate', () => {
    const text = '𝐀x'; // U+1D400, a letter outside the BMP
    assert.strictEqual(classAt(text, 0), LETTER_OR_DIGIT);
    assert.strictEqual(widthAt(text, 0), 2);
    assert.strictEqual(classAt(text, 0, 1), OTHER);
    assert.strictEqual(widthAt(text, 0, 1), 1);
    assert.ok(isLetterOrDigitAt('é\u0301', 0) && !isLetterOrDigitAt('é\u0301', 1) && classAt('\u00a0', 0) === SPACE);
  });
});
