/** Per-document figures: size, and how much of it the other document shares. */
import type { DocumentStats, Range } from '../model';
import { firstAbove } from '../text/binarySearch';
import { tokenAtOrAfter, type Tokens } from '../text/tokenize';

/**
 * Stats of one side given the ranges the shared passages cover on that side. Overlapping ranges
 * (a sentence of this text matched twice in the other) are counted once.
 */
export function documentStats(tokens: Tokens, covered: readonly Range[]): DocumentStats {
  const merged = mergeRanges(covered);
  let sharedCharacters = 0;
  let sharedWords = 0;
  for (const [start, end] of merged) {
    sharedCharacters += end - start;
    // The words inside [start, end): from the first that starts there to the first that ends past
    // it. Two binary searches per range rather than a walk over every word of the text.
    const first = firstAbove(tokens.start, tokens.count, start - 1);
    const after = tokenAtOrAfter(tokens, end);
    sharedWords += Math.max(0, after - first);
  }
  const words = tokens.count;
  return {
    characters: tokens.text.length,
    words,
    sharedCharacters,
    sharedWords,
    share: words === 0 ? 0 : sharedWords / words,
  };
}

/** Sorted, disjoint union of the ranges. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter(([start, end]) => end > start).sort((x, y) => x[0] - y[0]);
  const merged: Range[] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
