import * as assert from 'assert';
import fc from 'fast-check';
import { applyEdits, editBetween, mapOffset, type TextEdit } from '../../../../src/core/text/liveRanges';
import type { Range } from '../../../../src/core/model';

function edit(text: string, { start, end, insertedLength }: TextEdit): string {
  return text.slice(0, start) + '#'.repeat(insertedLength) + text.slice(end);
}

describe('liveRanges.applyEdits', () => {
  const items = [{ id: 0, range: [2, 5] as Range }, { id: 1, range: [10, 14] as Range }];

  it('keeps ranges before an edit, shifts ranges after it', () => {
    assert.deepStrictEqual(applyEdits(items, [{ start: 7, end: 8, insertedLength: 3 }]), [{ id: 0, range: [2, 5] }, { id: 1, range: [12, 16] }]);
  });

  it('drops a range the edit overlaps or touches at either edge', () => {
    assert.deepStrictEqual(applyEdits(items, [{ start: 4, end: 4, insertedLength: 1 }]).map((item) => item.id), [1]);
    assert.deepStrictEqual(applyEdits(items, [{ start: 5, end: 5, insertedLength: 1 }]).map((item) => item.id), [1]);
    assert.deepStrictEqual(applyEdits(items, [{ start: 9, end: 10, insertedLength: 0 }]).map((item) => item.id), [0]);
    assert.deepStrictEqual(applyEdits(items, [{ start: 0, end: 20, insertedLength: 0 }]), []);
  });

  it('applies successive edits in order', () => {
    const result = applyEdits(items, [{ start: 12, end: 13, insertedLength: 0 }, { start: 0, end: 1, insertedLength: 0 }]);
    assert.deepStrictEqual(result, [{ id: 0, range: [1, 4] }]);
  });

  it('never leaves a range on different words than it had (property)', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz0123456789';
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length)).map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as Range), { maxLength: 6 }),
      fc.array(fc.record({ start: fc.nat(40), length: fc.nat(5), insertedLength: fc.nat(5) }), { maxLength: 4 }),
      (ranges, rawEdits) => {
        let current = text;
        const edits: TextEdit[] = [];
        for (const raw of rawEdits) {
          const start = Math.min(raw.start, current.length);
          const editItem = { start, end: Math.min(current.length, start + raw.length), insertedLength: raw.insertedLength };
          edits.push(editItem);
          current = edit(current, editItem);
        }
        const tagged = ranges.map((range, id) => ({ id, range }));
        for (const item of applyEdits(tagged, edits)) {
          const original = ranges[item.id];
          assert.strictEqual(current.slice(item.range[0], item.range[1]), text.slice(original[0], original[1]));
        }
      },
    ));
  });
});

describe('liveRanges.editBetween and mapOffset', () => {
  it('finds a typed insertion, deletion and replacement as one edit', () => {
    assert.deepStrictEqual(editBetween('Part 1. The harbour', 'Update: Part 1. The harbour'), { start: 0, end: 0, insertedLength: 8 });
    assert.deepStrictEqual(editBetween('the harbour master', 'the master'), { start: 4, end: 12, insertedLength: 0 });
    assert.deepStrictEqual(editBetween('said Ruth', 'told Ruth'), { start: 0, end: 3, insertedLength: 3 }, 'the common "d" stays');
    assert.deepStrictEqual(editBetween('same', 'same'), { start: 4, end: 4, insertedLength: 0 });
    // Common start and end never overlap, whatever repeats.
    assert.deepStrictEqual(editBetween('aaa', 'aaaa'), { start: 3, end: 3, insertedLength: 1 });
  });

  it('keeps an offset before the edit, moves one after it, and puts one inside it at its start', () => {
    const typed = editBetween('Part 1. The harbour', 'Update: Part 1. The harbour');
    assert.strictEqual(mapOffset(8, typed), 16);
    assert.strictEqual(mapOffset(0, typed), 8, 'the character typed before moves on');
    const cut = { start: 4, end: 12, insertedLength: 0 };
    assert.strictEqual(mapOffset(3, cut), 3);
    assert.strictEqual(mapOffset(7, cut), 4);
    assert.strictEqual(mapOffset(13, cut), 5);
  });

  it('lands on the same character whenever the edit left it (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), fc.nat(30), fc.nat(5), fc.string({ maxLength: 5 }), fc.nat(30), (before, rawStart, length, inserted, rawOffset) => {
      const start = Math.min(rawStart, before.length);
      const end = Math.min(before.length, start + length);
      const after = before.slice(0, start) + inserted + before.slice(end);
      const found = editBetween(before, after);
      assert.strictEqual(before.slice(0, found.start) + after.slice(found.start, found.start + found.insertedLength) + before.slice(found.end), after);
      if (before.length === 0) return;
      const offset = rawOffset % before.length;
      const mapped = mapOffset(offset, found);
      assert.ok(mapped >= 0 && mapped <= after.length);
      if (offset < found.start || offset >= found.end) assert.strictEqual(after[mapped], before[offset]);
    }));
  });
});
