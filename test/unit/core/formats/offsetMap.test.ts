import * as assert from 'assert';
import fc from 'fast-check';
import { OffsetMap, OffsetMapBuilder } from '../../../../src/core/formats/offsetMap';

describe('formats/offsetMap', () => {
  it('maps every offset of an identity map to itself, with one piece', () => {
    const map = OffsetMap.identity(10);
    assert.ok(map.isIdentity);
    assert.strictEqual(map.pieceCount, 1);
    assert.deepStrictEqual([0, 3, 10].map((offset) => map.sourceStart(offset)), [0, 3, 10]);
    assert.deepStrictEqual(map.toSource([2, 7]), [2, 7]);
    assert.deepStrictEqual(map.toSource([4, 4]), [4, 4]);
  });

  it('maps a range over a decoded reference to the whole reference, from either end', () => {
    // "a & b" read from "a &amp; b"
    const builder = new OffsetMapBuilder();
    builder.add(2, 0, 2);
    builder.add(1, 2, 7);
    builder.add(2, 7, 9);
    const map = builder.finish();
    assert.deepStrictEqual(map.toSource([2, 3]), [2, 7]);
    assert.deepStrictEqual(map.toSource([0, 3]), [0, 7]);
    assert.deepStrictEqual(map.toSource([2, 5]), [2, 9]);
    assert.deepStrictEqual(map.toSource([3, 5]), [7, 9]);
    assert.deepStrictEqual(map.toSource([3, 3]), [7, 7], 'a point after the reference');
    assert.strictEqual(map.isIdentity, false);
  });

  it('stops a range at the last word before a tag and starts it at the first word after', () => {
    // "said the" read from "said <em>the</em>": the space and "the" are two copies with a gap between
    const builder = new OffsetMapBuilder();
    builder.add(5, 0, 5);
    builder.add(3, 9, 12);
    const map = builder.finish();
    assert.deepStrictEqual(map.toSource([0, 4]), [0, 4]);
    assert.deepStrictEqual(map.toSource([0, 8]), [0, 12]);
    assert.deepStrictEqual(map.toSource([5, 8]), [9, 12]);
    assert.deepStrictEqual(map.toSource([0, 5]), [0, 5], 'ends before the tag');
  });

  it('merges copies of contiguous source into one piece', () => {
    const builder = new OffsetMapBuilder();
    for (let i = 0; i < 100; i++) builder.add(1, i, i + 1);
    const map = builder.finish();
    assert.strictEqual(map.pieceCount, 1);
    assert.ok(map.isIdentity);
  });

  it('agrees with a character-by-character table (property)', () => {
    const piece = fc.record({ articleLength: fc.integer({ min: 1, max: 5 }), sourceLength: fc.integer({ min: 0, max: 7 }), gap: fc.integer({ min: 0, max: 4 }) });
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), (pieces, x, y) => {
      const builder = new OffsetMapBuilder();
      const starts: number[] = [];
      const ends: number[] = [];
      let source = 0;
      for (const { articleLength, sourceLength, gap } of pieces) {
        source += gap;
        builder.add(articleLength, source, source + sourceLength);
        for (let i = 0; i < articleLength; i++) {
          const copy = articleLength === sourceLength;
          starts.push(copy ? source + i : source);
          ends.push(copy ? source + i + 1 : source + sourceLength);
        }
        source += sourceLength;
      }
      const map = builder.finish();
      const length = starts.length;
      assert.strictEqual(map.length, length);
      const start = x % (length + 1);
      const end = start + (y % (length - start + 1));
      const expected = start === end ? (start < length ? [starts[start], starts[start]] : [ends[length - 1], ends[length - 1]]) : [starts[start], ends[end - 1]];
      assert.deepStrictEqual(map.toSource([start, end]), expected);
    }));
  });
});

describe('formats/offsetMap.toArticle', () => {
  it('inverts toSource on every range it makes, and puts a range in markup on the words around it', () => {
    // "said the & end" read from "said <em>the</em> &amp; end"
    const builder = new OffsetMapBuilder();
    builder.add(5, 0, 5);
    builder.add(3, 9, 12);
    builder.add(1, 17, 18);
    builder.add(1, 18, 23);
    builder.add(4, 23, 27);
    const map = builder.finish();
    for (let start = 0; start <= map.length; start++) {
      for (let end = start + 1; end <= map.length; end++) assert.deepStrictEqual(map.toArticle(map.toSource([start, end])), [start, end], `${start}..${end}`);
    }
    assert.deepStrictEqual(map.toArticle([5, 9]), [5, 5], 'the <em> tag alone holds no article text');
    assert.deepStrictEqual(map.toArticle([6, 14]), [5, 8]);
    assert.deepStrictEqual(map.toArticle([19, 20]), [9, 10], 'inside a reference: the whole reference');
    assert.deepStrictEqual(OffsetMap.identity(9).toArticle([2, 7]), [2, 7]);
  });
});
