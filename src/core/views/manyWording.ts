/**
 * The words every surface uses for what a comparison of many documents found: where else a quote
 * or a passage stands and how ("also in Herald, Radio; altered in Wire"), and who else is said to
 * have spoken it. Written once, so the hover, the page, the tree and the command line agree.
 */
import type { ManyComparison, PassageCluster, QuoteCluster, VersionDifference } from '../model';
import { attributionEvidence, countOf, percent } from './wording';
import type { Standing } from './manyLookup';

/** Names joined for a sentence: `A`, `A and B`, `A, B and C`. */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const PHRASES: Array<{ test: (s: Standing) => boolean; phrase: string }> = [
  { test: (s) => s.kind === 'identical', phrase: 'also in' },
  { test: (s) => s.kind === 'contained' && s.container === 'this', phrase: 'partly quoted in' },
  { test: (s) => s.kind === 'contained' && s.container !== 'this', phrase: 'part of a longer quote in' },
  { test: (s) => s.kind === 'altered', phrase: 'altered in' },
  { test: (s) => s.kind === 'related', phrase: 'related wording in' },
];

/**
 * Where a quote stands in the other documents, strongest first, one clause per kind:
 * `also in Herald, Radio; altered in Wire`; `only here` when no other document has it.
 */
export function standingSummary(standings: readonly Standing[], names: readonly string[]): string {
  const clauses = PHRASES.map(({ test, phrase }) => {
    const where = standings.filter(test).map((s) => names[s.document]);
    return where.length ? `${phrase} ${where.join(', ')}` : '';
  }).filter(Boolean);
  return clauses.length ? clauses.join('; ') : 'only here';
}

/** The other speakers that documents give a quote's words to: `Herald gives these words to Owen Tregarth.` one per speaker. */
export function conflictSentences(comparison: ManyComparison, standings: readonly Standing[], cluster: { versions: ReadonlyArray<{ document: number; quote: number }> }): string[] {
  const byName = new Map<string, string[]>();
  for (const standing of standings.filter((s) => s.conflict)) {
    const { document, quote } = cluster.versions[standing.version];
    const name = comparison.documents[document].quotes[quote]?.speaker?.name ?? 'nobody';
    byName.set(name, [...(byName.get(name) ?? []), comparison.documents[document].name]);
  }
  return [...byName].map(([speaker, documents]) => `${listNames(documents)} ${documents.length === 1 ? 'gives' : 'give'} these words to ${speaker}.`);
}

/**
 * A conflicting statement's evidence, one line per version: where each article gives the words, to
 * whom, on what cue (`harbour-herald.txt, line 21: Owen Tregarth, named “the harbour master”, on the
 * cue “said”`). `wordsOf` gives the words of a range, `lineOf` the line (from 1) of an offset.
 */
export function manyConflictEvidenceLines(
  comparison: ManyComparison,
  cluster: QuoteCluster,
  wordsOf: (document: number, range: readonly [number, number]) => string,
  lineOf: (document: number, offset: number) => number,
): string[] {
  return cluster.versions.map(({ document, quote: id }) => {
    const quote = comparison.documents[document].quotes[id];
    const where = `${comparison.documents[document].name}, line ${lineOf(document, (quote?.speaker ?? quote)?.range[0] ?? 0)}`;
    return quote?.speaker ? `${where}: ${quote.speaker.name}, ${attributionEvidence(quote.speaker, (range) => wordsOf(document, range))}` : `${where}: no speaker found`;
  });
}

/** Where else a passage copy stands: `also in Herald, Radio; edited in Wire` (`edited`: the copy there has other words). */
export function copySummary(cluster: PassageCluster, copyIndex: number, names: readonly string[]): string {
  const mine = cluster.copies[copyIndex];
  const same = new Set<string>();
  const edited = new Set<string>();
  for (const copy of cluster.copies) {
    if (copy.document === mine.document) continue;
    (copy.wording === mine.wording ? same : edited).add(names[copy.document]);
  }
  for (const name of same) edited.delete(name);
  return [same.size ? `also in ${[...same].join(', ')}` : '', edited.size ? `edited in ${[...edited].join(', ')}` : ''].filter(Boolean).join('; ') || 'only here';
}

/** The word differences of a quote against one other document's version: rows of this version's words and that one's (`∅` for none). */
export interface DifferenceBlock {
  /** The other document. */
  document: number;
  rows: Array<[mine: string, theirs: string]>;
}

/**
 * The word differences a hover shows for version `version` of `cluster`: against the version it is
 * compared with, or, for a version with the common wording, each altered version's differences from
 * it. `wordsOf` gives the words of a range of a document (for a web page, its article text's,
 * markup left out).
 */
export function quoteDifferenceBlocks(cluster: QuoteCluster, version: number, wordsOf: (document: number, range: [number, number]) => string): DifferenceBlock[] {
  const mine = cluster.versions[version];
  const words = (document: number, range: [number, number]) => (range[0] === range[1] ? '∅' : wordsOf(document, range).replace(/\s+/g, ' '));
  // `base` ranges lie in the compared version's document, `here` ranges in the differing version's.
  const rows = (differences: readonly VersionDifference[], mineIs: 'base' | 'here', baseDocument: number, hereDocument: number): Array<[string, string]> =>
    differences.map((d) => (mineIs === 'here' ? [words(hereDocument, d.here), words(baseDocument, d.base)] : [words(baseDocument, d.base), words(hereDocument, d.here)]));
  if (mine.relation) {
    // An unaligned version has no word differences to show (too long or too different to align).
    if (mine.relation.kind !== 'altered' || mine.relation.unaligned) return [];
    const against = cluster.versions[mine.relation.against].document;
    return [{ document: against, rows: rows(mine.relation.differences, 'here', against, mine.document) }];
  }
  const blocks: DifferenceBlock[] = [];
  for (const other of cluster.versions) {
    const relation = other.relation;
    if (!relation || relation.kind !== 'altered' || relation.unaligned || other.document === mine.document) continue;
    if (cluster.versions[relation.against].wording !== mine.wording) continue;
    if (blocks.some((block) => block.document === other.document)) continue;
    // Same words as this version, though the offsets of `base` are those of the version it was compared with.
    blocks.push({ document: other.document, rows: rows(relation.differences, 'base', cluster.versions[relation.against].document, other.document) });
  }
  return blocks;
}

/** The status bar's summary of a comparison of many articles, for one of them: `3 articles · 64% shared · 21 passages · 2 conflicts`. */
export function manyStatusSummary(comparison: ManyComparison, document: number | undefined): string {
  const conflicts = comparison.quoteClusters.filter((cluster) => cluster.conflict).length;
  const parts = [countOf(comparison.documents.length, 'article')];
  if (document !== undefined && comparison.documents[document]) parts.push(`${percent(comparison.documents[document].stats.share)} shared`);
  parts.push(countOf(comparison.passageClusters.length, 'passage'));
  if (conflicts > 0) parts.push(countOf(conflicts, 'conflict'));
  return parts.join(' · ');
}

/** Its tooltip: each article's share found in the others, and what a click does. */
export function manyStatusTooltip(comparison: ManyComparison): string {
  const lines = comparison.documents.map((document, d) => `${percent(document.stats.share)} of ${document.name} is in another article, ${percent(comparison.overview.onlyHere[d])} only here.`);
  return [...lines, 'Click to show the comparison.'].join('\n');
}
