import * as assert from 'assert';
import { lineBoxes, outlinePath } from '../../../media/src/outlineShape';

const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });

describe('outlineShape', () => {
  it('merges the fragments of one line and keeps lines apart', () => {
    const lines = lineBoxes([box(50, 0, 80, 20), box(80, 1, 200, 19), box(0, 20, 190, 40), box(0, 40, 30, 60), box(5, 5, 5, 10)]);
    assert.deepStrictEqual(lines, [box(50, 0, 200, 20), box(0, 20, 190, 40), box(0, 40, 30, 60)]);
  });

  it('draws one line as a rectangle and several lines as one selection-like shape', () => {
    assert.strictEqual(outlinePath([box(10, 0, 60, 20)], 0), 'M10 0 L60 0 L60 20 L10 20 Z');
    // From x=50 on the first line, full lines, to x=30 on the last: eight corners, one path.
    assert.strictEqual(outlinePath([box(50, 0, 200, 20), box(0, 20, 190, 40), box(0, 40, 30, 60)], 0),
      'M50 0 L200 0 L200 40 L30 40 L30 60 L0 60 L0 20 L50 20 Z');
    assert.strictEqual(outlinePath([]), '');
  });
});
