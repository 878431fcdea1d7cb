import * as assert from 'assert';
import fc from 'fast-check';
import { normalizeWord, tokenAtOrAfter, tokenize, Vocabulary, WORD, wordAt, wordsOf } from '../../../../src/core/text/tokenize';

const words = (text: string) => wordsOf(tokenize(text));

describe('tokenize', () => {
  it('maps every token back to its exact place in the text', () => {
    const text = 'Mr\u00a0Raab’s “pull-out”\r\n\tplan 😀 costs 1,000 U.S. dollars — e\u0301te\u0301.';
    const tokens = tokenize(text);
    for (let k = 0; k < tokens.count; k++) {
      const original = text.slice(tokens.start[k], tokens.end[k]);
      assert.strictEqual(normalizeWord(original), wordAt(tokens, k));
    }
    assert.deepStrictEqual(wordsOf(tokens), ['mr', "raab's", 'pull-out', 'plan', 'costs', '1,000', 'u.s', 'dollars', 'e\u0301te\u0301']);
  });

  it('ignores quote style, dashes, spacing, line breaks and case', () => {
    const curly = 'She said: “It’s a well‐known plan”\u00a0– and\r\nleft.';
    const straight = "she said \"it's a well-known plan\" - and left";
    assert.deepStrictEqual(words(curly), words(straight));
  });

  it('reads Mr and Mr. as the same word', () => {
    assert.deepStrictEqual(words('Mr. Smith'), words('Mr Smith'));
  });

  it('keeps inner connectors but not trailing ones', () => {
    assert.deepStrictEqual(words("the U.S. isn't 3.5% - it's rock'n'roll..."), ['the', 'u.s', "isn't", '3.5', "it's", "rock'n'roll"]);
  });

  it('never splits a surrogate pair, and reads astral letters as letters', () => {
    const text = '𝐀𝐁c 😀x \ud835 y';
    const tokens = tokenize(text);
    assert.deepStrictEqual(wordsOf(tokens), ['𝐀𝐁c', 'x', 'y']);
    assert.strictEqual(tokens.start[0], 0);
    assert.strictEqual(tokens.end[0], 5);
  });

  it('lower-cases a capital sigma the same inside the text as alone', () => {
    assert.deepStrictEqual(words('ΟΔΟΣ ΟΔΟΣ.'), [normalizeWord('ΟΔΟΣ'), normalizeWord('ΟΔΟΣ')]);
  });

  it('keeps offsets when lower-casing would change the length (İ)', () => {
    const text = 'İstanbul and Ankara';
    const tokens = tokenize(text);
    assert.deepStrictEqual([...tokens.start], [0, 9, 13]);
    assert.strictEqual(wordAt(tokens, 1), 'and');
  });

  it('finds the same words as the WORD regular expression on any text (property)', () => {
    const pieces = ['a', 'B', 'é', 'e\u0301', '7', ' ', '\n', '\r\n', '\t', '\u00a0', '.', ',', "'", '’', 'ʼ', '-', '–', '—', '“', '”',
      '😀', '𝐀', 'İ', 'Σ', '\ud835', '\udc00', '·', '‐'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      const tokens = tokenize(text);
      const expected = [...text.matchAll(WORD)];
      assert.strictEqual(tokens.count, expected.length);
      expected.forEach((match, k) => {
        assert.strictEqual(tokens.start[k], match.index);
        assert.strictEqual(tokens.end[k], match.index + match[0].length);
        assert.strictEqual(wordAt(tokens, k), normalizeWord(match[0]));
      });
    }), { numRuns: 3000 });
  });

  it('round-trips: token text is the text slice, tokens are ordered and disjoint (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
      const tokens = tokenize(text);
      let previousEnd = 0;
      for (let k = 0; k < tokens.count; k++) {
        assert.ok(tokens.start[k] >= previousEnd && tokens.end[k] > tokens.start[k]);
        assert.strictEqual(wordAt(tokens, k), normalizeWord(text.slice(tokens.start[k], tokens.end[k])));
        previousEnd = tokens.end[k];
      }
    }), { numRuns: 2000 });
  });

  it('numbers each normalised word once across the texts that share a vocabulary', () => {
    const vocabulary = new Vocabulary();
    const a = tokenize('Don’t STOP: the Ödön plan, don\'t stop.', vocabulary);
    const b = tokenize("don't stop ödön PLAN", vocabulary);
    assert.deepStrictEqual([...a.ids], [0, 1, 2, 3, 4, 0, 1]);
    assert.deepStrictEqual([...b.ids], [0, 1, 3, 4]);
    assert.deepStrictEqual(vocabulary.words, ["don't", 'stop', 'the', 'ödön', 'plan']);
    assert.deepStrictEqual(wordsOf(b), ["don't", 'stop', 'ödön', 'plan']);
    assert.deepStrictEqual(wordsOf(a, 2, 4), ['the', 'ödön']);
  });

  it('keeps ids and words consistent past thousands of distinct words (property)', () => {
    fc.assert(fc.property(fc.array(fc.stringMatching(/^[A-Za-zé’'-]{1,6}$/), { minLength: 1, maxLength: 3000 }), (list) => {
      const vocabulary = new Vocabulary();
      const tokens = tokenize(list.join(' '), vocabulary);
      const firstId = new Map<string, number>();
      for (let k = 0; k < tokens.count; k++) {
        const word = wordAt(tokens, k);
        assert.strictEqual(word, normalizeWord(tokens.text.slice(tokens.start[k], tokens.end[k])));
        if (!firstId.has(word)) firstId.set(word, firstId.size);
        assert.strictEqual(tokens.ids[k], firstId.get(word));
      }
      assert.strictEqual(vocabulary.words.length, firstId.size);
    }), { numRuns: 60 });
  });

  it('hashes a word found in the text as idOf hashes it alone: same id, same stored hash (property)', () => {
    // Plain ASCII words are hashed while the scanner reads them; a hash that differed from idOf's
    // would enter the word twice and give Find Sources' fingerprints another value.
    const pieces = ['a', 'Q', 'z', 'Z', '0', '9', ' ', '.', ',', "'", '-', '’', 'é', '@', '[', '`', '{'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 50 }), (parts) => {
      const vocabulary = new Vocabulary();
      const tokens = tokenize(parts.join(''), vocabulary);
      const alone = new Vocabulary();
      for (let k = 0; k < tokens.count; k++) {
        const word = wordAt(tokens, k);
        assert.strictEqual(vocabulary.idOf(word), tokens.ids[k]);
        assert.strictEqual(vocabulary.hashOf(tokens.ids[k]), alone.hashOf(alone.idOf(word)));
      }
    }), { numRuns: 3000 });
  });

  it('marks the gaps that hold a sentence-final mark or a line break, as a scan of each gap finds them (property)', () => {
    const pieces = ['a', 'Word', ' ', '  ', '.', '!', '?', '…', '\n', '\r\n', '\r', ',', '"', '”', '’', "'", '-', 'U.S', '😀', 'é', '\u00a0'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      const tokens = tokenize(text);
      assert.strictEqual(tokens.mayEndBefore.length, tokens.count);
      for (let k = 0; k < tokens.count; k++) {
        const gap = text.slice(k === 0 ? 0 : tokens.end[k - 1], tokens.start[k]);
        assert.strictEqual(tokens.mayEndBefore[k], /[.!?…\n\r]/.test(gap) ? 1 : 0, `gap ${JSON.stringify(gap)} before token ${k}`);
      }
    }), { numRuns: 3000 });
  });

  it('finds the token at or after an offset', () => {
    const tokens = tokenize('one two  three');
    assert.strictEqual(tokenAtOrAfter(tokens, 0), 0);
    assert.strictEqual(tokenAtOrAfter(tokens, 3), 1);
    assert.strictEqual(tokenAtOrAfter(tokens, 8), 2);
    assert.strictEqual(tokenAtOrAfter(tokens, 14), 3);
  });
});
