import * as assert from 'assert';
import { buildSegments, splitBlocks, type Mark } from '../../../media/src/segments';

const mark = (range: [number, number], name: string, extra: Partial<Mark> = {}): Mark => ({ range, classes: [name], data: {}, ...extra });

describe('webview segments', () => {
  it('cuts overlapping marks into flat runs that keep the text whole', () => {
    const text = 'abcdefghij';
    const segments = buildSegments(text, [mark([2, 8], 'passage'), mark([5, 10], 'quote')], [{ offset: 4, text: 'Ann' }]);
    assert.strictEqual(segments.map((segment) => segment.text).join(''), text);
    assert.deepStrictEqual(segments.map((segment) => [segment.text, segment.marks.map((m) => m.classes[0]), segment.tag]), [
      ['ab', [], undefined], ['cd', ['passage'], undefined], ['e', ['passage'], 'Ann'], ['fgh', ['passage', 'quote'], undefined], ['ij', ['quote'], undefined],
    ]);
    assert.deepStrictEqual(segments.map((segment) => segment.start), [0, 2, 4, 5, 8]);
  });

  it('puts a label at its offset, outside any mark that starts there, and drops labels past the end', () => {
    const segments = buildSegments('say “hi”', [mark([5, 7], 'quote')], [{ offset: 4, text: 'Ann' }, { offset: 99, text: 'Bo' }]);
    assert.deepStrictEqual(segments.map((segment) => [segment.text, segment.tag]), [['say ', undefined], ['“', 'Ann'], ['hi', undefined], ['”', undefined]]);
  });

  it('ignores empty marks and clamps marks that run past the text', () => {
    const segments = buildSegments('hello', [mark([1, 1], 'empty'), mark([3, 99], 'tail')]);
    assert.deepStrictEqual(segments.map((segment) => [segment.text, segment.marks.length]), [['hel', 0], ['lo', 1]]);
  });

  it('keeps markup characters as plain text (they become text nodes)', () => {
    const text = '<script>alert(1)</script><img onerror=x>';
    assert.strictEqual(buildSegments(text, [mark([0, 8], 'q')]).map((segment) => segment.text).join(''), text);
  });
});

describe('webview blocks', () => {
  it('cuts segments after each line feed, keeping marks, the first piece\'s tag and exact offsets', () => {
    const text = 'one\r\ntwo “q\nuote”\n\nend';
    const segments = buildSegments(text, [mark([9, 17], 'quote')], [{ offset: 9, text: 'Ann' }]);
    const blocks = splitBlocks(segments, 1);
    assert.strictEqual(blocks.flat().map((piece) => piece.text).join(''), text);
    assert.deepStrictEqual(blocks.map((block) => block.map((piece) => piece.text)), [['one\r\n'], ['two ', '“q\n'], ['uote”', '\n'], ['\n'], ['end']]);
    for (const piece of blocks.flat()) assert.strictEqual(text.slice(piece.start, piece.start + piece.text.length), piece.text);
    assert.deepStrictEqual(blocks.flat().map((piece) => [piece.marks.length, piece.tag]), [[0, undefined], [0, undefined], [1, 'Ann'], [1, undefined], [0, undefined], [0, undefined], [0, undefined]]);
  });

  it('gathers whole lines into blocks of at least the given size', () => {
    const text = 'aaaa\nbb\ncccccc\nd\ne';
    const blocks = splitBlocks(buildSegments(text, [mark([2, 11], 'passage')]), 6);
    assert.deepStrictEqual(blocks.map((block) => block.map((piece) => piece.text).join('')), ['aaaa\nbb\n', 'cccccc\n', 'd\ne']);
    assert.strictEqual(blocks.flat().map((piece) => piece.text).join(''), text);
  });

  it('gives an empty text one empty block and ends at a final line feed', () => {
    assert.deepStrictEqual(splitBlocks(buildSegments('', []), 1), [[]]);
    assert.deepStrictEqual(splitBlocks(buildSegments('a\n', []), 1).map((block) => block.map((piece) => piece.text)), [['a\n']]);
  });
});
