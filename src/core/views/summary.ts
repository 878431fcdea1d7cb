/**
 * The comparison in five figures: each article's share found in the other, the shared passages,
 * the shared and altered quotes, the attribution conflicts; and a sixth when a work budget cut it short. The view's header and the exported
 * reports both show these sentences, so that a report says what the screen said.
 */
import type { Comparison } from '../model';
import { conflictsSummary, passagesSummary, quotesSummary, shareSentence, truncationNotice } from './wording';

export type SummaryKey = 'share-a' | 'share-b' | 'passages' | 'quotes' | 'conflicts' | 'truncated';

export interface SummaryItem {
  key: SummaryKey;
  text: string;
  /** Worth a reader's attention (attribution conflicts found). */
  alert: boolean;
}

export interface SummaryCounts {
  passages: number;
  editedPassages: number;
  quotePairs: number;
  alteredQuotes: number;
  conflicts: number;
}

export function summaryCounts(comparison: Comparison): SummaryCounts {
  return {
    passages: comparison.passages.length,
    editedPassages: comparison.passages.filter((passage) => !passage.identical).length,
    quotePairs: comparison.quoteMatches.length,
    alteredQuotes: comparison.quoteMatches.filter((match) => match.kind === 'altered').length,
    conflicts: comparison.quoteMatches.filter((match) => match.conflict).length,
  };
}

export function comparisonSummary(comparison: Comparison): SummaryItem[] {
  const { a, b } = comparison;
  const conflicts = summaryCounts(comparison).conflicts;
  return [
    { key: 'share-a', text: shareSentence(a.stats.share, a.name, b.name), alert: false },
    { key: 'share-b', text: shareSentence(b.stats.share, b.name, a.name), alert: false },
    { key: 'passages', text: passagesSummary(comparison), alert: false },
    { key: 'quotes', text: quotesSummary(comparison), alert: false },
    { key: 'conflicts', text: conflictsSummary(conflicts), alert: conflicts > 0 },
    // A comparison a work budget cut short says so wherever its figures are read.
    ...(comparison.truncated ? [{ key: 'truncated' as const, text: `Cut short: ${truncationNotice(comparison.truncatedParts)}`, alert: true }] : []),
  ];
}
