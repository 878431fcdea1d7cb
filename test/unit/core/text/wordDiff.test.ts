import * as assert from 'assert';
import { tokenize } from '../../../../src/core/text/tokenize';
import { wordDifferences } from '../../../../src/core/text/wordDiff';

function diff(a: string, b: string) {
  const ta = tokenize(a);
  const tb = tokenize(b);
  return wordDifferences(ta, 0, ta.count, tb, 0, tb.count).map((d) => [a.slice(...d.a), b.slice(...d.b), d.a, d.b]);
}

describe('wordDifferences', () => {
  it('reports nothing for the same words in another style', () => {
    assert.deepStrictEqual(diff('“It’s Mr. Lee,” she said', '"it\'s Mr Lee" She said'), []);
  });

  it('reports a drop, an insertion and a change with their ranges', () => {
    assert.deepStrictEqual(diff('we are very tired now', 'we are tired now'), [['very', '', [7, 11], [6, 6]]]);
    assert.deepStrictEqual(diff('we are tired now', 'we are so tired now'), [['', 'so', [6, 6], [7, 9]]]);
    assert.deepStrictEqual(diff('it cost 11 pounds', 'it cost 19 pounds'), [['11', '19', [8, 10], [8, 10]]]);
  });

  it('groups neighbouring changed words into one difference', () => {
    assert.deepStrictEqual(diff('the old red car stopped', 'the new blue car stopped'), [['old red', 'new blue', [4, 11], [4, 12]]]);
  });

  it('counts positions over its own tokens when jsdiff reports the other text’s wording', () => {
    const result = diff('One TWO three four five', 'one two three FIVE');
    assert.deepStrictEqual(result, [['four', '', [14, 18], [13, 13]]]);
  });

  it('puts an insertion at the very start before the first word', () => {
    assert.deepStrictEqual(diff('quiet day', 'a quiet day'), [['', 'a', [0, 0], [0, 1]]]);
  });
});
