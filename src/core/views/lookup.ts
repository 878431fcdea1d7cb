/**
 * Questions the editor surfaces ask of a comparison: which quote or passage stands at an offset,
 * and what it is matched with in the other article. Kept here, not in the adapters, so that the
 * hover, the tree and the webview answer them the same way and the answers are unit-tested.
 */
import type { AttributionConflict, Comparison, Quote, QuoteMatch, Range, SharedPassage, Side, Speaker } from '../model';
import { partitionPoint } from '../text/binarySearch';
import { byStrength } from './matchStrength';

export function otherSide(side: Side): Side {
  return side === 'a' ? 'b' : 'a';
}

/** True when `offset` falls on a character of `range` (half-open, like every range of the model). */
export function rangeContains(range: Range, offset: number): boolean {
  return range[0] <= offset && offset < range[1];
}

/**
 * The item whose range holds `offset`, in a list sorted by start with non-overlapping ranges
 * (quotes are: nested quotes stay inside their outer segment). Binary search because a 1 MB
 * article holds thousands of quotes and the hover asks on every mouse stop.
 */
export function findAtOffset<T>(items: readonly T[], rangeOf: (item: T) => Range, offset: number): T | undefined {
  const candidate = items[partitionPoint(items.length, (i) => rangeOf(items[i])[1] <= offset)];
  return candidate !== undefined && rangeContains(rangeOf(candidate), offset) ? candidate : undefined;
}

export function quoteAt(comparison: Comparison, side: Side, offset: number): Quote | undefined {
  return findAtOffset(comparison[side].quotes, (quote) => quote.range, offset);
}

/** Passages may overlap on one side, so this scans; there are far fewer passages than words. */
export function passagesAt(comparison: Comparison, side: Side, offset: number): SharedPassage[] {
  return comparison.passages.filter((passage) => rangeContains(passage[side], offset));
}

/** Every match of one quote, strongest first (see matchStrength.ts). */
export function matchesOfQuote(comparison: Comparison, side: Side, quoteId: number): QuoteMatch[] {
  return comparison.quoteMatches.filter((match) => match[side] === quoteId).sort(byStrength);
}

/** The strongest match of a quote, the one the decoration and the hover describe. */
export function bestMatch(comparison: Comparison, side: Side, quoteId: number): QuoteMatch | undefined {
  return matchesOfQuote(comparison, side, quoteId)[0];
}

/** The quote on the other side of a match. */
export function partnerQuote(comparison: Comparison, side: Side, match: QuoteMatch): Quote | undefined {
  const other = otherSide(side);
  return comparison[other].quotes[match[other]];
}

export function speakerOfQuote(comparison: Comparison, quote: Quote): Speaker | undefined {
  return quote.speaker ? comparison.speakers[quote.speaker.speaker] : undefined;
}

/** Clamps a range to a text of `length` code units, so a stale or hostile range cannot point outside it. */
export function clampRange(range: Range, length: number): Range {
  const start = Math.max(0, Math.min(length, Math.floor(range[0])));
  const end = Math.max(start, Math.min(length, Math.floor(range[1])));
  return [start, end];
}

/** Each conflicting match's evidence (`Comparison.conflicts`), by match. */
export function conflictsByMatch(comparison: Comparison): Map<QuoteMatch, AttributionConflict> {
  const byMatch = new Map<QuoteMatch, AttributionConflict>();
  for (const conflict of comparison.conflicts) {
    const match = comparison.quoteMatches[conflict.match];
    if (match) byMatch.set(match, conflict);
  }
  return byMatch;
}
