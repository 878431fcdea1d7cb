/**
 * Word-level differences between two aligned stretches of tokens, as model `Difference`s.
 *
 * A bounded Myers diff (`diffSequences`, jsdiff's algorithm on typed arrays) runs on the normalised
 * words, so quote marks, case and spacing never show up as differences. Positions are counted with
 * `change.count` over our own tokens.
 */
import { diffSequences } from './sequenceDiff';
import type { Difference, Range } from '../model';
import { wordAt, wordsOf, type Tokens } from './tokenize';

/**
 * Differences between tokens `[aFrom, aTo)` of A and `[bFrom, bTo)` of B, in text order. Past
 * `maxEdits` words dropped or inserted the two stretches are one difference (the diff's work
 * grows with the stretches times the edits).
 */
export function wordDifferences(a: Tokens, aFrom: number, aTo: number, b: Tokens, bFrom: number, bTo: number, maxEdits = Infinity): Difference[] {
  if (aFrom >= aTo && bFrom >= bTo) return [];
  // Most gaps inside a passage are one word dropped, inserted or changed; those need no diff,
  // and skipping the diff's setup for them halves the time spent on differences.
  if (aFrom >= aTo || bFrom >= bTo || (aTo - aFrom === 1 && bTo - bFrom === 1 && wordAt(a, aFrom) !== wordAt(b, bFrom))) {
    return [{ a: tokenSpan(a, aFrom, aTo), b: tokenSpan(b, bFrom, bTo) }];
  }
  const changes = diffSequences(wordsOf(a, aFrom, aTo), wordsOf(b, bFrom, bTo), maxEdits);
  if (changes === undefined) return [{ a: tokenSpan(a, aFrom, aTo), b: tokenSpan(b, bFrom, bTo) }];
  const differences: Difference[] = [];
  let ia = aFrom;
  let ib = bFrom;
  let pending: { a0: number; a1: number; b0: number; b1: number } | null = null;
  const flush = (): void => {
    if (pending === null) return;
    differences.push({ a: tokenSpan(a, pending.a0, pending.a1), b: tokenSpan(b, pending.b0, pending.b1) });
    pending = null;
  };
  for (const change of changes) {
    const count = change.count;
    if (!change.added && !change.removed) {
      flush();
      ia += count;
      ib += count;
      continue;
    }
    pending ??= { a0: ia, a1: ia, b0: ib, b1: ib };
    if (change.removed) {
      ia += count;
      pending.a1 = ia;
    } else {
      ib += count;
      pending.b1 = ib;
    }
  }
  flush();
  return differences;
}

/**
 * Text range of tokens `[from, to)`; an empty token run becomes an empty range right after the
 * preceding word (or before the next one at the start), where the missing words would stand.
 */
export function tokenSpan(tokens: Tokens, from: number, to: number): Range {
  if (to > from) return [tokens.start[from], tokens.end[to - 1]];
  const at = from > 0 ? tokens.end[from - 1] : from < tokens.count ? tokens.start[from] : tokens.text.length;
  return [at, at];
}
