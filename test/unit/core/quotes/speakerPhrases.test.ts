import * as assert from 'assert';
import fc from 'fast-check';
import { cueTokens } from '../../../../src/core/quotes/cueTokens';
import { bareName, readSpeakerPhrase } from '../../../../src/core/quotes/speakerPhrases';

/** What `bareName` stands for: the one-word phrase's name when it names a person with no title, honorific or gender. */
function bareNameByPhrase(text: string, word: Parameters<typeof bareName>[0]): string | null {
  const phrase = readSpeakerPhrase(text, [word]);
  const bare = phrase !== null && !phrase.description && !phrase.pronoun && phrase.kind === 'person' && !phrase.gender && phrase.titles.length === 0 && !phrase.name.includes(' ');
  return bare ? phrase.name : null;
}

// Names, pronouns, titles, honorifics, dates, numbers, acronyms, organisations' words, possessives and plain words.
const WORDS = [
  'Raab', 'Raab’s', "Raab's", 'Ministers’', 'Leeds', 'He', 'he', 'She', 'It', 'It’s', 'They', 'I', 'We', 'Another', 'Some', 'The', 'the', 'A',
  'Minister', 'President', 'Mr', 'Mr.', 'Mrs', 'Dr.', 'Sir', 'Monday', 'Tuesday’s', 'Today', 'tomorrow', '1200', '2016', 'G7', 'NATO', 'U.S', 'UK',
  'Ministry', 'Department', 'Council', 'Police', 'Government', 'O’Brien', 'Anti-war', 'Under-pressure', 'Café', 'Élan', 'élan', 'said', 'spokesman',
  'Spokesman', 'Others', 'Many', 'ÉCOLE', 'X', 'A1',
];

describe('bareName', () => {
  it('answers as reading the word as a phrase would', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 20 }), (words) => {
      const text = words.join(' ');
      for (const token of cueTokens(text, [0, text.length], [])) {
        if (token.kind !== 'word') continue;
        assert.strictEqual(bareName(token), bareNameByPhrase(text, token), `${token.text} in ${JSON.stringify(text)}`);
      }
    }), { numRuns: 500, seed: 29 });
  });

  it('gives a surname its name and a title word, a pronoun or a date none', () => {
    const text = 'Raab’s Minister He Monday NATO Leeds';
    const names = cueTokens(text, [0, text.length], []).map((t) => bareName(t));
    assert.deepStrictEqual(names, ['Raab', null, null, null, null, 'Leeds']);
  });
});
