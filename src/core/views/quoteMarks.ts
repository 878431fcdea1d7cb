/**
 * How each quote of one side stands in the other article: its strongest match's kind (or none),
 * whether any of its matches gives the words to a different speaker, and the one mark that says so
 * on every surface (a conflict outranks how the words match). The editor decorations, the page and
 * the tree all mark quotes from this, so they never disagree.
 */
import type { Comparison, Quote, QuoteMatch, QuoteMatchKind, Range, Side } from '../model';
import { indexMatches } from './matchStrength';
import type { QuoteMarkKind } from './palette';

export interface QuoteStatus {
  quote: Quote;
  /** Its matches, strongest first; the first is the one every surface describes. */
  matches: QuoteMatch[];
  kind: QuoteMatchKind | 'unmatched';
  /** Some match gives these words to a different speaker. */
  conflict: boolean;
  /** The quote's one mark: `conflict`, else the strongest match's kind, else `onlyHere`. */
  mark: QuoteMarkKind;
}

export function markOf(kind: QuoteMatchKind | 'unmatched', conflict: boolean): QuoteMarkKind {
  if (conflict) return 'conflict';
  return kind === 'unmatched' ? 'onlyHere' : kind;
}

/** Every quote of one side with its status, in text order. */
export function quoteStatuses(comparison: Comparison, side: Side): QuoteStatus[] {
  const index = indexMatches(comparison, side);
  return comparison[side].quotes.map((quote) => {
    const matches = index.get(quote.id) ?? [];
    const kind = matches[0]?.kind ?? 'unmatched';
    const conflict = matches.some((match) => match.conflict);
    return { quote, matches, kind, conflict, mark: markOf(kind, conflict) };
  });
}

export interface QuoteMark {
  quoteId: number;
  kind: QuoteMarkKind;
  range: Range;
}

export interface QuoteMarkOptions {
  /** Also mark quotes that have no counterpart in the other article (faintly, in the editor). */
  onlyHere: boolean;
}

/** The editor's marks in text order: one per quote, by its status; the quotes only here when asked for. */
export function planQuoteMarks(comparison: Comparison, side: Side, options: QuoteMarkOptions): QuoteMark[] {
  const marks: QuoteMark[] = [];
  for (const { quote, mark } of quoteStatuses(comparison, side)) {
    if (quote.range[1] <= quote.range[0]) continue;
    if (mark === 'onlyHere' && !options.onlyHere) continue;
    marks.push({ quoteId: quote.id, kind: mark, range: quote.range });
  }
  return marks;
}
