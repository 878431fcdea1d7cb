/**
 * The one order of match kinds, strongest first: the same words, then a part of a quote, then
 * altered words. Every surface describes, marks and lists a quote by its strongest match, so the
 * decorations, the hover, the tree and the page agree on what a quote is.
 */
import type { Comparison, QuoteMatch, QuoteMatchKind, Side } from '../model';

const KIND_STRENGTH: Record<QuoteMatchKind, number> = { identical: 0, contained: 1, altered: 2 };

/** Sort order of matches, strongest first (stable: equally strong matches keep the model's order). */
export function byStrength(x: QuoteMatch, y: QuoteMatch): number {
  return KIND_STRENGTH[x.kind] - KIND_STRENGTH[y.kind];
}

/**
 * The matches of every quote of one side, strongest first, for callers that ask about all quotes
 * (asking per quote would scan the match list once per quote).
 */
export function indexMatches(comparison: Comparison, side: Side): Map<number, QuoteMatch[]> {
  const index = new Map<number, QuoteMatch[]>();
  for (const match of comparison.quoteMatches) {
    const list = index.get(match[side]);
    if (list) list.push(match);
    else index.set(match[side], [match]);
  }
  for (const list of index.values()) list.sort(byStrength);
  return index;
}
