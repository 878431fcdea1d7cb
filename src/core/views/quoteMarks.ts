/**
 * How each quote of one side stands in the other article: its strongest match's kind (or none) and
 * whether any of its matches gives the words to a different speaker. The editor decorations and the
 * page both mark quotes from this, so the two never disagree.
 */
import type { Comparison, Quote, QuoteMatch, QuoteMatchKind, Range, Side } from '../model';
import { indexMatches } from './matchStrength';

export interface QuoteStatus {
  quote: Quote;
  /** Its matches, strongest first; the first is the one every surface describes. */
  matches: QuoteMatch[];
  kind: QuoteMatchKind | 'unmatched';
  /** Some match gives these words to a different speaker. */
  conflict: boolean;
}

/** Every quote of one side with its status, in text order. */
export function quoteStatuses(comparison: Comparison, side: Side): QuoteStatus[] {
  const index = indexMatches(comparison, side);
  return comparison[side].quotes.map((quote) => {
    const matches = index.get(quote.id) ?? [];
    return { quote, matches, kind: matches[0]?.kind ?? 'unmatched', conflict: matches.some((match) => match.conflict) };
  });
}

export type QuoteDecorationKind = QuoteMatchKind | 'conflict' | 'unmatched';

export const QUOTE_DECORATION_KINDS: readonly QuoteDecorationKind[] = ['identical', 'contained', 'altered', 'conflict', 'unmatched'];

export interface QuoteMark {
  quoteId: number;
  kind: QuoteDecorationKind;
  range: Range;
}

export interface QuoteMarkOptions {
  /** Also mark quotes that have no counterpart in the other article (faintly, in the editor). */
  unmatched: boolean;
}

/**
 * The editor's marks in text order: every quote that stands in the other article by its kind, a
 * conflicting one then a second `conflict` mark on the same range, and optionally the unmatched ones.
 */
export function planQuoteMarks(comparison: Comparison, side: Side, options: QuoteMarkOptions): QuoteMark[] {
  const marks: QuoteMark[] = [];
  for (const { quote, kind, conflict } of quoteStatuses(comparison, side)) {
    if (quote.range[1] <= quote.range[0]) continue;
    if (kind === 'unmatched' && !options.unmatched) continue;
    marks.push({ quoteId: quote.id, kind, range: quote.range });
    if (conflict) marks.push({ quoteId: quote.id, kind: 'conflict', range: quote.range });
  }
  return marks;
}
