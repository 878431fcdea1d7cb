/**
 * What the editor decorations show for one side of a comparison: every quote that stands in the
 * other article, by the strongest way it is matched, plus conflicts (the same words given to
 * different speakers) as a second mark on the same range, and optionally the unmatched quotes.
 */
import { indexMatches } from './lookup';
import type { Comparison, Range, Side } from '../model';

export type QuoteDecorationKind = 'identical' | 'contained' | 'altered' | 'conflict' | 'unmatched';

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

/** Marks in text order; a conflicting quote yields its match kind and then `conflict`. */
export function planQuoteMarks(comparison: Comparison, side: Side, options: QuoteMarkOptions): QuoteMark[] {
  const marks: QuoteMark[] = [];
  const matches = indexMatches(comparison, side);
  for (const quote of comparison[side].quotes) {
    if (quote.range[1] <= quote.range[0]) continue;
    const quoteMatches = matches.get(quote.id) ?? [];
    const best = quoteMatches[0];
    if (!best) {
      if (options.unmatched) marks.push({ quoteId: quote.id, kind: 'unmatched', range: quote.range });
      continue;
    }
    marks.push({ quoteId: quote.id, kind: best.kind, range: quote.range });
    if (quoteMatches.some((match) => match.conflict)) {
      marks.push({ quoteId: quote.id, kind: 'conflict', range: quote.range });
    }
  }
  return marks;
}
