/**
 * Moving through a comparison a stop at a time, like F7 in the diff editor: the shared passages, or
 * the quotes whose two versions differ (altered words, a part of a quote, another speaker). From a
 * place in an article (the editor's cursor) the next stop is the first one starting after it.
 */
import type { Comparison, Range, Side } from '../model';
import type { QuoteMarkKind } from './palette';
import type { QuoteStatus } from './quoteMarks';

export type Direction = 1 | -1;

/** A stop: a passage (by id) or a quote difference (by the quote ids on each side), and its ranges on each side. */
export interface Stop {
  index: number;
  a: Range;
  b: Range;
  /** For a quote difference: the quote on each side (its partner may be missing). */
  quotes?: Partial<Record<Side, number>>;
}

/** The index after `current` in `direction`, wrapping around; -1 when there is none. */
export function step(current: number, total: number, direction: Direction): number {
  if (total <= 0) return -1;
  if (current < 0 || current >= total) return direction === 1 ? 0 : total - 1;
  return (current + direction + total) % total;
}

/**
 * The next stop from an offset in one side's text: the first starting after `offset` (forward) or
 * the last starting before it (backward), wrapping around. `stops` are in that side's text order.
 */
export function stopFrom(starts: readonly number[], offset: number, direction: Direction): number {
  if (starts.length === 0) return -1;
  if (direction === 1) {
    const next = starts.findIndex((start) => start > offset);
    return next >= 0 ? next : 0;
  }
  for (let index = starts.length - 1; index >= 0; index--) if (starts[index] < offset) return index;
  return starts.length - 1;
}

/** The passages as stops, in `side`'s text order. */
export function passageStops(comparison: Comparison, side: Side): Stop[] {
  return comparison.passages
    .map((passage) => ({ index: passage.id, a: passage.a, b: passage.b }))
    .sort((x, y) => x[side][0] - y[side][0]);
}

/** Statuses a quote-difference move stops at. */
const DIFFERING: ReadonlySet<QuoteMarkKind> = new Set(['altered', 'contained', 'conflict']);

/**
 * The quotes of `side` whose version in the other article differs (altered words, a part of a
 * quote, another speaker), with their strongest partner, in `side`'s text order.
 */
export function quoteDifferenceStops(comparison: Comparison, side: Side, statuses: readonly QuoteStatus[]): Stop[] {
  const other: Side = side === 'a' ? 'b' : 'a';
  const stops: Stop[] = [];
  for (const { quote, matches, mark } of statuses) {
    if (!DIFFERING.has(mark)) continue;
    const partner = matches[0] ? comparison[other].quotes[matches[0][other]] : undefined;
    const ranges = { [side]: quote.range, [other]: partner?.range ?? quote.range } as Record<Side, Range>;
    const quotes = { [side]: quote.id, ...(partner ? { [other]: partner.id } : {}) } as Partial<Record<Side, number>>;
    stops.push({ index: quote.id, a: ranges.a, b: ranges.b, quotes });
  }
  return stops;
}
