import * as assert from 'assert';
import { buildSegments, type Mark } from '../../../media/src/segments';

const mark = (range: [number, number], name: string, extra: Partial<Mark> = {}): Mark => ({ range, classes: [name], data: {}, ...extra });

describe('webview segments', () => {
  it('cuts overlapping marks into flat runs that keep the text whole', () => {
    const text = 'abcdefghij';
    const segments = buildSegments(text, [mark([2, 8], 'passage'), mark([5, 10], 'quote', { tag: 'Ann' })]);
    assert.strictEqual(segments.map((segment) => segment.text).join(''), text);
    assert.deepStrictEqual(segments.map((segment) => [segment.text, segment.marks.map((m) => m.classes[0]), segment.tag]), [
      ['ab', [], undefined], ['cde', ['passage'], undefined], ['fgh', ['passage', 'quote'], 'Ann'], ['ij', ['quote'], undefined],
    ]);
    assert.deepStrictEqual(segments.map((segment) => segment.start), [0, 2, 5, 8]);
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
