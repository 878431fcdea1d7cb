import * as assert from 'assert';
import fc from 'fast-check';
import { quotedWordCount } from '../../../../src/core/quotes/nonSpeech';
import { countWords } from '../../../../src/core/text/tokenize';

describe('quotedWordCount', () => {
  it('counts as countWords does, whatever was counted before', () => {
    const contents = ['', 'We will win.', 'we will win', 'Go', 'so-called', 'two  words', 'état d’urgence', '1,200 people'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...contents), { minLength: 1, maxLength: 12 }), (asked) => {
      for (const content of asked) assert.strictEqual(quotedWordCount(content), countWords(content), JSON.stringify(content));
    }), { numRuns: 300, seed: 29 });
  });
});
