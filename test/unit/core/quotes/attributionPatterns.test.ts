import * as assert from 'assert';
import fc from 'fast-check';
import { commonWord } from '../../../../src/core/quotes/attributionPatterns';
import { cueTokens, type CueToken } from '../../../../src/core/quotes/cueTokens';
import { DETERMINER_START, PRONOUNS } from '../../../../src/core/quotes/wordLists';
import { isLetterOrDigitAt } from '../../../../src/core/text/charClass';

/** `commonWord` as a search of the whole text, with no index of the text's words. */
function searchCommonWord(text: string, word: CueToken): boolean {
  if (!word.capital || word.text.length < 2 || word.text.toUpperCase() === word.text || word.text.includes('.') || PRONOUNS.has(word.lower) || DETERMINER_START.has(word.lower)) return false;
  const lower = word.text.toLowerCase();
  let at = text.indexOf(lower);
  for (let seen = 0; at >= 0 && seen < 64; seen++, at = text.indexOf(lower, at + 1)) {
    if (!isLetterOrDigitAt(text, at - 1) && !isLetterOrDigitAt(text, at + lower.length)) return true;
  }
  return false;
}

// Words that come capitalised and in lower case, inside other words, with apostrophes, hyphens,
// slashes, combining marks, astral letters, and longer than the words the index hashes.
const PIECES = [
  'Minutes', 'minutes', 'Late', 'late', 'latest', 'Anti-war', 'Anti-War', 'anti-war', 'war', 'O’Brien', 'o’brien', 'Trump’s', 'trump’s', 'trump',
  'Ministers’', 'ministers’', "ministers'", 'Café', 'café', 'cafe\u0301', 'Cafe\u0301', '𝐀b', 'x𝐀b', 'Ab', 'ab', 'Xab', 'Élan', 'élan',
  'A/b', 'a/b', 'LATE', 'Late2', 'late2', 'Sunday', 'sundays', 'Un', 'un', 'run', 'Oversized', 'oversized',
  `Long${'word'.repeat(12)}`, `long${'word'.repeat(12)}`, `Long${'word'.repeat(11)}`, `long${'word'.repeat(11)}`,
  ' ', ' ', '  ', ', ', '. ', '-', '’', "'", '/', '\u00a0', '\n\n', '😀',
];

describe('commonWord', () => {
  it('answers as a search of the whole text would', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 10, maxLength: 80, size: 'max' }), (pieces) => {
      const text = pieces.join('');
      for (const token of cueTokens(text, [0, text.length], [])) {
        if (token.kind !== 'word') continue;
        assert.strictEqual(commonWord(text, token), searchCommonWord(text, token), `${token.text} in ${JSON.stringify(text)}`);
      }
    }), { numRuns: 3000, seed: 29 });
  });

  it('tells a capitalised common word from a name', () => {
    const text = 'Minutes later Raab spoke. It took minutes. Raab left.';
    const words = cueTokens(text, [0, text.length], []).filter((t) => t.kind === 'word');
    const answer = (w: string): boolean => commonWord(text, words.find((t) => t.text === w) as CueToken);
    assert.strictEqual(answer('Minutes'), true);
    assert.strictEqual(answer('Raab'), false);
  });
});
