/**
 * The shortest edit script between two sequences, bounded in its number of edits: Myers' O(ND)
 * algorithm exactly as jsdiff's `diffArrays` runs it (the same tie-breaking, so the same changes),
 * on typed arrays. jsdiff keeps each partial path as objects, a few per step; on quotes over a few
 * words, whose diffs run to dozens of edits, that made the diffs most of a comparison's time. Here
 * the paths and their changes live in typed arrays that every call reuses, so a step is a few
 * array reads and writes. (Unit tests check the changes against jsdiff's on random sequences.)
 */

/** A run of the edit script: `count` items common to both (neither flag), added by B, or removed from A. */
export interface SequenceChange {
  count: number;
  added: boolean;
  removed: boolean;
}

const COMMON = 0;
const ADDED = 1;
const REMOVED = 2;

/** Growable columns of changes: each partial path ends in one, linked back to the one before. */
class ChangeList {
  count = new Int32Array(1024);
  kind = new Uint8Array(1024);
  previous = new Int32Array(1024);
  size = 0;

  push(count: number, kind: number, previous: number): number {
    if (this.size === this.count.length) {
      this.count = grow(this.count, this.size * 2);
      this.kind = grow(this.kind, this.size * 2);
      this.previous = grow(this.previous, this.size * 2);
    }
    this.count[this.size] = count;
    this.kind[this.size] = kind;
    this.previous[this.size] = previous;
    return this.size++;
  }
}

function grow<T extends Int32Array | Uint8Array>(array: T, length: number): T {
  const larger = new (array.constructor as new (length: number) => T)(length);
  larger.set(array);
  return larger;
}

/**
 * The working memory, kept from one call to the next (a diff runs to its end synchronously): most
 * diffs are of a few words, and allocating for each was most of their cost.
 */
const changes = new ChangeList();
let oldPosScratch = new Int32Array(64);
let lastScratch = new Int32Array(64);
let validScratch = new Uint8Array(64);

/**
 * The changes turning `a` into `b` (items compared with `===`), in order, or undefined when that
 * takes more than `maxEdits` items added or removed.
 */
export function diffSequences<T>(a: ArrayLike<T>, b: ArrayLike<T>, maxEdits = Infinity): SequenceChange[] | undefined {
  const oldLength = a.length;
  const newLength = b.length;
  const limit = Math.min(maxEdits, oldLength + newLength);
  changes.size = 0;
  // The best path on each diagonal (old position minus new position), offset by `limit + 1`;
  // `valid` 0 where there is none. As in jsdiff, diagonals of edit length e have e's parity.
  const offset = limit + 1;
  const diagonals = 2 * limit + 3;
  if (oldPosScratch.length < diagonals) {
    oldPosScratch = new Int32Array(diagonals);
    lastScratch = new Int32Array(diagonals);
    validScratch = new Uint8Array(diagonals);
  } else {
    validScratch.fill(0, 0, diagonals);
  }
  const oldPos = oldPosScratch;
  const last = lastScratch;
  const valid = validScratch;

  /** Follows the common items from the path on `diagonal` (a snake); returns its new position. */
  const extractCommon = (diagonal: number): number => {
    const at = diagonal + offset;
    let o = oldPos[at];
    let n = o - diagonal;
    let common = 0;
    while (n + 1 < newLength && o + 1 < oldLength && a[o + 1] === b[n + 1]) {
      n++;
      o++;
      common++;
    }
    if (common > 0) last[at] = changes.push(common, COMMON, last[at]);
    oldPos[at] = o;
    return n;
  };

  oldPos[offset] = -1;
  last[offset] = -1;
  valid[offset] = 1;
  const startNew = extractCommon(0);
  if (oldPos[offset] + 1 >= oldLength && startNew + 1 >= newLength) return changesOf(last[offset]);
  let minDiagonal = -Infinity;
  let maxDiagonal = Infinity;
  for (let edits = 1; edits <= limit; edits++) {
    for (let diagonal = Math.max(minDiagonal, -edits); diagonal <= Math.min(maxDiagonal, edits); diagonal += 2) {
      const at = diagonal + offset;
      const remove = at - 1;
      const add = at + 1;
      const hasRemove = valid[remove] === 1;
      const hasAdd = valid[add] === 1;
      const removeOld = oldPos[remove];
      const removeLast = last[remove];
      if (hasRemove) valid[remove] = 0;
      const addNew = oldPos[add] - diagonal;
      const canAdd = hasAdd && addNew >= 0 && addNew < newLength;
      const canRemove = hasRemove && removeOld + 1 < oldLength;
      if (!canAdd && !canRemove) {
        valid[at] = 0;
        continue;
      }
      // From the path that has come farthest in A, as jsdiff chooses: an insertion from the
      // diagonal above unless a removal from the one below is ahead.
      let kind: number;
      let from: number;
      if (!canRemove || (canAdd && removeOld < oldPos[add])) {
        kind = ADDED;
        from = last[add];
        oldPos[at] = oldPos[add];
      } else {
        kind = REMOVED;
        from = removeLast;
        oldPos[at] = removeOld + 1;
      }
      // Consecutive changes of one kind are one run (a new entry: paths share their runs).
      last[at] = from >= 0 && changes.kind[from] === kind ? changes.push(changes.count[from] + 1, kind, changes.previous[from]) : changes.push(1, kind, from);
      valid[at] = 1;
      const newPos = extractCommon(diagonal);
      if (oldPos[at] + 1 >= oldLength && newPos + 1 >= newLength) return changesOf(last[at]);
      if (oldPos[at] + 1 >= oldLength) maxDiagonal = Math.min(maxDiagonal, diagonal - 1);
      if (newPos + 1 >= newLength) minDiagonal = Math.max(minDiagonal, diagonal + 1);
    }
  }
  return undefined;
}

function changesOf(lastChange: number): SequenceChange[] {
  const out: SequenceChange[] = [];
  for (let c = lastChange; c >= 0; c = changes.previous[c]) out.push({ count: changes.count[c], added: changes.kind[c] === ADDED, removed: changes.kind[c] === REMOVED });
  return out.reverse();
}
