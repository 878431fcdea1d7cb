/**
 * F7 through a comparison of many articles: in one article, its passage copies, or its quotes whose
 * versions elsewhere differ (altered words, a part of a quote, another speaker), in its text order.
 * Each stop names its cluster, so that moving to it selects every article's copy or version.
 */
import type { Range } from '../model';
import type { ManyIndex } from './manyLookup';
import { manyQuoteStatus } from './manyQuoteMarks';
import type { QuoteMarkKind } from './palette';
import { markOf } from './quoteMarks';

/** A passage cluster or a statement (a quote cluster). */
export type ManyStopKind = 'passage' | 'statement';

export interface ManyStop {
  kind: ManyStopKind;
  /** The passage cluster's or the statement's (quote cluster's) id. */
  id: number;
  /** Where the stop stands in the article moved through. */
  range: Range;
  /** For a statement, the quote of the article moved through. */
  quote?: number;
}

/** The marks a quote-difference move stops at, as for two articles. */
const DIFFERING: ReadonlySet<QuoteMarkKind> = new Set(['altered', 'contained', 'conflict']);

/** The stops of `document`, in its text order: its passage copies, or its quotes that differ somewhere else. */
export function manyStops(index: ManyIndex, document: number, kind: ManyStopKind): ManyStop[] {
  if (kind === 'passage') return index.copiesOf(document).map(({ cluster, copy }) => ({ kind, id: cluster.id, range: copy.range }));
  const stops: ManyStop[] = [];
  for (const quote of index.comparison.documents[document]?.quotes ?? []) {
    const place = index.quotePlace(document, quote.id);
    if (!place) continue;
    const { kind: matchKind, conflict } = manyQuoteStatus(index, document, quote.id);
    if (!DIFFERING.has(markOf(matchKind, conflict))) continue;
    stops.push({ kind, id: place.cluster.id, range: quote.range, quote: quote.id });
  }
  return stops.sort((x, y) => x.range[0] - y.range[0]);
}
