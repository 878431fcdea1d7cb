import * as assert from 'assert';
import { isSentenceBoundary } from '../../../../src/core/text/sentences';
import { tokenize } from '../../../../src/core/text/tokenize';

/** Indices t where a boundary lies before token t (0 and count excluded). */
function boundaries(text: string): number[] {
  const tokens = tokenize(text);
  const found = [];
  for (let t = 1; t < tokens.count; t++) if (isSentenceBoundary(tokens, t)) found.push(t);
  return found;
}

describe('isSentenceBoundary', () => {
  it('finds full stops, question marks and closing quotes before a capital', () => {
    assert.deepStrictEqual(boundaries('It rained. Then “Why?” He left!” She stayed'), [2, 4, 6]);
  });

  it('ignores abbreviations, initials and a lower-case continuation', () => {
    assert.deepStrictEqual(boundaries('Mr. Lee met Dr. Sato and J. Smith in St. Ives at 3 p.m. today.'), []);
  });

  it('treats a blank line as a boundary even without punctuation', () => {
    assert.deepStrictEqual(boundaries('A headline here\r\n\r\nthe story starts'), [3]);
    assert.deepStrictEqual(boundaries('A headline here\r\rthe story starts'), [3]);
    assert.deepStrictEqual(boundaries('one line\nwrapped here'), []);
    assert.deepStrictEqual(boundaries('one line\rwrapped here'), []);
    assert.deepStrictEqual(boundaries('one line\r\nwrapped here'), []);
  });

  it('counts the start and end of the text as boundaries', () => {
    const tokens = tokenize('two words');
    assert.ok(isSentenceBoundary(tokens, 0));
    assert.ok(isSentenceBoundary(tokens, 2));
  });
});
