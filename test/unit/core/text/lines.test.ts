import * as assert from 'assert';
import { LineIndex } from '../../../../src/core/text/lines';

describe('LineIndex', () => {
  it('gives 1-based lines and UTF-16 columns for LF, CRLF and CR breaks', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const index = new LineIndex(text);
    assert.strictEqual(index.lineCount, 4);
    assert.deepStrictEqual(index.positionAt(0), { line: 1, column: 1 });
    assert.deepStrictEqual(index.positionAt(text.indexOf('d')), { line: 2, column: 2 });
    assert.deepStrictEqual(index.positionAt(text.indexOf('e')), { line: 3, column: 1 });
    assert.deepStrictEqual(index.positionAt(text.indexOf('h')), { line: 4, column: 2 });
    assert.deepStrictEqual(index.positionAt(text.length), { line: 4, column: 3 });
  });

  it('counts a surrogate pair as two columns, as VS Code does', () => {
    assert.deepStrictEqual(new LineIndex('😀x').positionAt(2), { line: 1, column: 3 });
  });

  it('handles an empty text', () => {
    assert.deepStrictEqual(new LineIndex('').positionAt(0), { line: 1, column: 1 });
  });
});
