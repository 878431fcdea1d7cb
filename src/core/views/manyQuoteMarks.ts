/**
 * How each quote of one document stands among all the others, for the editor's marks, and what the
 * editor marks of its shared text: the marks are the pair's (`QuoteMark`, `PassageMark`, with the
 * palette's kinds), so that one set of decorations serves both. A quote's mark is its strongest
 * standing in any other document, a conflict outranking it (as `markOf` decides for two).
 */
import type { ManyComparison, QuoteMatchKind } from '../model';
import type { ManyIndex, Standing } from './manyLookup';
import type { PassageMark } from './passageMarks';
import type { PassageMarkKind } from './palette';
import { markOf, type QuoteMark, type QuoteMarkOptions } from './quoteMarks';

export interface ManyQuoteStatus {
  kind: QuoteMatchKind | 'unmatched';
  conflict: boolean;
  standings: Standing[];
}

const STRENGTH: Record<QuoteMatchKind, number> = { identical: 0, contained: 1, altered: 2 };

/** The status of quote `quoteId` of `document`. A version only related through others counts as a part of one statement. */
export function manyQuoteStatus(index: ManyIndex, document: number, quoteId: number): ManyQuoteStatus {
  const standings = index.standings(document, quoteId);
  let kind: QuoteMatchKind | 'unmatched' = 'unmatched';
  for (const standing of standings) {
    const own: QuoteMatchKind = standing.kind === 'related' ? 'contained' : standing.kind;
    if (kind === 'unmatched' || STRENGTH[own] < STRENGTH[kind]) kind = own;
  }
  return { kind, conflict: standings.some((s) => s.conflict), standings };
}

/** The editor's quote marks on one document, in text order: one per quote, the quotes no other article has when asked for. */
export function planManyQuoteMarks(index: ManyIndex, document: number, options: QuoteMarkOptions): QuoteMark[] {
  const marks: QuoteMark[] = [];
  for (const quote of index.comparison.documents[document]?.quotes ?? []) {
    if (quote.range[1] <= quote.range[0]) continue;
    const { kind, conflict } = manyQuoteStatus(index, document, quote.id);
    const mark = markOf(kind, conflict);
    if (mark === 'onlyHere' && !options.onlyHere) continue;
    marks.push({ quoteId: quote.id, kind: mark, range: quote.range });
  }
  return marks;
}

/**
 * One document's shared-text marks: each of its passage copies (identical when every copy has the
 * common wording, edited otherwise), the words its copy changed from the common wording, and those
 * of its altered quotes; non-empty ranges only.
 */
export function planManyPassageMarks(comparison: ManyComparison, document: number): PassageMark[] {
  const marks: PassageMark[] = [];
  const add = (kind: PassageMarkKind, range: [number, number]): void => {
    if (range[1] > range[0]) marks.push({ kind, range });
  };
  for (const cluster of comparison.passageClusters) {
    const common = cluster.copies[cluster.common];
    for (const copy of cluster.copies) {
      if (copy.document !== document) continue;
      add(cluster.identical ? 'identicalPassage' : 'editedPassage', copy.range);
      for (const difference of copy.differences) add('changedWords', difference.here);
    }
    // The common copy's words that other copies changed.
    if (common.document === document) for (const copy of cluster.copies) for (const difference of copy.differences) add('changedWords', difference.base);
  }
  for (const cluster of comparison.quoteClusters) {
    cluster.versions.forEach((version) => {
      const relation = version.relation;
      if (relation?.kind !== 'altered') return;
      if (version.document === document) for (const difference of relation.differences) add('changedWords', difference.here);
      if (cluster.versions[relation.against].document === document) for (const difference of relation.differences) add('changedWords', difference.base);
    });
  }
  return marks;
}
