import * as assert from 'assert';
import { diffArrays } from 'diff';
import fc from 'fast-check';
import { diffSequences } from '../../../../src/core/text/sequenceDiff';

/** jsdiff's changes without their values, as `diffSequences` gives them. */
function reference(a: number[], b: number[], maxEdits?: number) {
  const changes = maxEdits === undefined ? diffArrays(a, b) : diffArrays(a, b, { maxEditLength: maxEdits });
  return changes?.map((c) => ({ count: c.count, added: c.added, removed: c.removed }));
}

describe('diffSequences', () => {
  it('gives the common runs, additions and removals in order', () => {
    assert.deepStrictEqual(diffSequences([1, 2, 3, 4], [1, 3, 4, 5]), [
      { count: 1, added: false, removed: false },
      { count: 1, added: false, removed: true },
      { count: 2, added: false, removed: false },
      { count: 1, added: true, removed: false },
    ]);
    assert.deepStrictEqual(diffSequences([], []), []);
    assert.deepStrictEqual(diffSequences([7, 7], [7, 7]), [{ count: 2, added: false, removed: false }]);
    assert.deepStrictEqual(diffSequences([], [1, 2]), [{ count: 2, added: true, removed: false }]);
    assert.deepStrictEqual(diffSequences(new Int32Array([1, 2]), new Int32Array([])), [{ count: 2, added: false, removed: true }]);
  });

  it('gives up past its bound on edits', () => {
    assert.strictEqual(diffSequences([1, 2, 3], [4, 5, 6], 5), undefined);
    assert.strictEqual(diffSequences([1, 2, 3], [1, 2, 4], 0), undefined);
    assert.deepStrictEqual(diffSequences([1, 2, 3], [1, 2, 4], 2)?.length, 3);
  });

  it('makes the same changes as jsdiff, bounded or not', () => {
    // Small alphabets give many equal items, so many ties between paths to break alike.
    const sequence = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 40 });
    fc.assert(
      fc.property(sequence, sequence, fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }), (a, b, maxEdits) => {
        assert.deepStrictEqual(diffSequences(a, b, maxEdits), reference(a, b, maxEdits));
      }),
      { numRuns: 3000 },
    );
  });

  it('makes the same changes as jsdiff on near copies', () => {
    const nearCopy = fc
      .array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 120 })
      .chain((a) => fc.tuple(fc.constant(a), fc.array(fc.tuple(fc.nat(a.length), fc.integer({ min: -1, max: 30 })), { maxLength: 12 })))
      .map(([a, edits]) => {
        const b = a.slice();
        for (const [at, value] of edits) {
          if (value < 0) b.splice(Math.min(at, b.length), 1);
          else if (value % 2 === 0) b.splice(at, 0, value);
          else b[Math.min(at, b.length - 1)] = value;
        }
        return [a, b] as const;
      });
    fc.assert(
      fc.property(nearCopy, fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }), ([a, b], maxEdits) => {
        assert.deepStrictEqual(diffSequences(a, b, maxEdits), reference(a, b, maxEdits));
      }),
      { numRuns: 1000 },
    );
  });
});
