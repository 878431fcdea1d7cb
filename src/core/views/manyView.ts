/**
 * What the comparison view shows of three or more articles, computed once (in the worker) from the
 * comparison in article offsets and the article texts: the summary, the sources overview as a table
 * of shares, the passages held by two or more articles (each copy's changes from the common wording)
 * and the statements quoted by two or more (each article's version, speaker and changes, conflicts
 * first). The page only lays this out, as text: it never sees an offset it would have to slice.
 */
import type { ManyComparison, PassageCluster, QuoteCluster, VersionDifference } from '../model';
import { listNames } from './manyWording';
import { statementStatus, type StatementStatus } from './manySpeakerTreeContent';
import { attributionEvidence, countOf, percent, truncationNotice } from './wording';

export interface ManyViewDocument {
  id: number;
  name: string;
  /** `plain text`, `a web page`, `Markdown` when not plain text; how a page's article was found. */
  readAs: string | null;
  words: number;
  /** `64% is in another article`. */
  found: string;
  /** `36% only here`. */
  onlyHere: string;
}

export interface ManyViewSummaryItem {
  key: 'articles' | 'passages' | 'statements' | 'conflicts' | 'truncated';
  text: string;
  alert: boolean;
}

/** One cell of the overview: how much of the row's article the column's holds. */
export interface OverviewCell {
  document: number;
  share: number;
  /** `55%`, or `–` on the diagonal. */
  text: string;
  /** 0 (nothing) to 4 (most): the cell's shade. */
  level: 0 | 1 | 2 | 3 | 4;
  /** `55% of harbour-wire.txt is in harbour-herald.txt`. */
  title: string;
}

export interface OverviewRow {
  document: number;
  cells: OverviewCell[];
  /** The share found in no other article. */
  onlyHere: OverviewCell;
}

/** One word difference of a copy (or a version) from the common wording, as words: `∅` for none. */
export interface WordChange {
  common: string;
  here: string;
}

export interface ManyViewCopy {
  document: number;
  /** `common wording`, `same words`, or `edited`. */
  status: 'common' | 'same' | 'edited';
  changes: WordChange[];
}

export interface ManyViewPassage {
  /** The cluster's id in the model. */
  id: number;
  documents: number[];
  /** `In all 3 articles` or `In harbour-wire.txt and harbour-radio.txt`. */
  heading: string;
  /** `25 words · edited in harbour-herald.txt` or `18 words · word for word`. */
  detail: string;
  /** The common wording, spaces collapsed. */
  text: string;
  copies: ManyViewCopy[];
}

export interface ManyViewVersion {
  document: number;
  /** The speaker this article gives the words to, or null. */
  speaker: string | null;
  /** The words the attribution rests on (`the harbour master added`), when they differ from the name. */
  mention: string | null;
  /** `common wording`, `altered`, `in part`, `a longer quote`, or `related`. */
  status: string;
  changes: WordChange[];
  /** The version quotes someone else than the statement's main speaker. */
  conflicting: boolean;
  /** In an attribution conflict, what the attribution rests on (`named “Ms Marlow”, on the cue “said”`); null otherwise. */
  evidence: string | null;
}

export interface ManyViewStatement {
  id: number;
  status: StatementStatus;
  /** `conflict`, `altered`, `in part`, `identical`. */
  badge: string;
  /** The common wording, spaces collapsed. */
  text: string;
  /** `Jane Marlow in harbour-wire.txt and harbour-radio.txt; Owen Tregarth in harbour-herald.txt`. */
  attribution: string;
  versions: ManyViewVersion[];
}

export interface ManyViewContent {
  title: string;
  documents: ManyViewDocument[];
  summary: ManyViewSummaryItem[];
  overview: OverviewRow[];
  passages: ManyViewPassage[];
  /** Statements in two or more articles: conflicts, then altered, then the most articles. */
  statements: ManyViewStatement[];
}

/** A copy's status in words, as every surface writes it. */
export const COPY_STATUS_LABEL: Record<ManyViewCopy['status'], string> = { common: 'common wording', same: 'same words', edited: 'edited' };

/**
 * Who a version gives the words to, in one phrase: in a conflict with the words the attribution
 * rests on and its cue; otherwise with the mention when it is not the name (`Owen Tregarth (as “the
 * harbour master”)`).
 */
export function versionSpeaker(version: Pick<ManyViewVersion, 'speaker' | 'mention' | 'evidence'>): string {
  const speaker = version.speaker ?? 'no speaker found';
  return version.evidence ? `${speaker}, ${version.evidence}` : version.mention ? `${speaker} (as “${version.mention}”)` : speaker;
}

const FORMAT_LABEL = { text: 'plain text', html: 'a web page', markdown: 'Markdown' } as const;
const STATUS_BADGE: Record<StatementStatus, string> = { conflict: 'conflict', altered: 'altered', contained: 'in part', identical: 'identical', onlyHere: 'only here' };
const STATUS_ORDER: Record<StatementStatus, number> = { conflict: 0, altered: 1, contained: 2, identical: 3, onlyHere: 4 };

const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The shade of a share: none, under a quarter, under a half, under three quarters, more. */
function level(share: number): OverviewCell['level'] {
  if (share <= 0) return 0;
  return share < 0.25 ? 1 : share < 0.5 ? 2 : share < 0.75 ? 3 : 4;
}

/**
 * The view's content of `comparison` (in offsets of `texts`, the article texts compared).
 */
export function manyViewContent(comparison: ManyComparison, texts: readonly string[]): ManyViewContent {
  const names = comparison.documents.map((document) => document.name);
  const words = (document: number, [start, end]: [number, number]): string => (start === end ? '∅' : flat(texts[document].slice(start, end)));
  const changes = (list: readonly VersionDifference[], base: number, here: number): WordChange[] =>
    list.map((difference) => ({ common: words(base, difference.base), here: words(here, difference.here) }));

  const documents = comparison.documents.map((document, d): ManyViewDocument => ({
    id: d,
    name: document.name,
    readAs: document.format === 'text' ? null : `read as ${FORMAT_LABEL[document.format]}${document.formatNote ? ` (${document.formatNote})` : ''}`,
    words: document.stats.words,
    found: `${percent(document.stats.share)} is in another article`,
    onlyHere: `${percent(comparison.overview.onlyHere[d])} only here`,
  }));

  const overview = comparison.overview.share.map((row, i): OverviewRow => ({
    document: i,
    cells: row.map((share, j) => ({
      document: j,
      share,
      text: i === j ? '–' : percent(share),
      level: i === j ? 0 : level(share),
      title: i === j ? names[i] : `${percent(share)} of ${names[i]} is in ${names[j]}`,
    })),
    onlyHere: {
      document: i,
      share: comparison.overview.onlyHere[i],
      text: percent(comparison.overview.onlyHere[i]),
      level: level(comparison.overview.onlyHere[i]),
      title: `${percent(comparison.overview.onlyHere[i])} of ${names[i]} is in no other article`,
    },
  }));

  const passages = [...comparison.passageClusters]
    .sort((p, q) => q.documents.length - p.documents.length || p.id - q.id)
    .map((cluster) => passageItem(cluster, names, texts, changes));

  const shared = comparison.quoteClusters.filter((cluster) => cluster.documents.length >= 2);
  const statements = shared
    .map((cluster) => statementItem(cluster, comparison, names, texts, changes))
    .sort((p, q) => STATUS_ORDER[p.status] - STATUS_ORDER[q.status] || q.versions.length - p.versions.length || p.id - q.id);

  const inAll = comparison.passageClusters.filter((cluster) => cluster.documents.length === names.length).length;
  const altered = statements.filter((statement) => statement.status === 'altered').length;
  const conflicts = statements.filter((statement) => statement.status === 'conflict').length;
  return {
    title: `${names.length} articles: ${listNames(names)}`,
    documents,
    summary: [
      { key: 'articles', text: countOf(names.length, 'article'), alert: false },
      { key: 'passages', text: `${countOf(passages.length, 'passage')} in two or more (${inAll} in all)`, alert: false },
      { key: 'statements', text: `${countOf(statements.length, 'statement')} in two or more, ${altered} altered`, alert: false },
      { key: 'conflicts', text: countOf(conflicts, 'attribution conflict'), alert: conflicts > 0 },
      // As for two articles: no reader should take a result that a work budget cut short for a whole one.
      ...(comparison.truncated ? [{ key: 'truncated' as const, text: `Cut short: ${truncationNotice(comparison.truncatedParts)}`, alert: true }] : []),
    ],
    overview,
    passages,
    statements,
  };
}

function passageItem(
  cluster: PassageCluster,
  names: readonly string[],
  texts: readonly string[],
  changes: (list: readonly VersionDifference[], base: number, here: number) => WordChange[],
): ManyViewPassage {
  const common = cluster.copies[cluster.common];
  // By document, not by name: two files of one name in different folders are two articles.
  const edited = [...new Set(cluster.copies.filter((copy) => !copy.identical).map((copy) => copy.document))].map((d) => names[d]);
  const all = cluster.documents.length === names.length;
  return {
    id: cluster.id,
    documents: cluster.documents,
    heading: all ? `In all ${names.length} articles` : `In ${listNames(cluster.documents.map((d) => names[d]))}`,
    detail: `${countOf(common.words, 'word')} · ${edited.length ? `edited in ${edited.join(', ')}` : 'word for word'}`,
    text: flat(texts[common.document].slice(common.range[0], common.range[1])),
    copies: cluster.copies.map((copy, k): ManyViewCopy => ({
      document: copy.document,
      status: k === cluster.common ? 'common' : copy.identical ? 'same' : 'edited',
      changes: changes(copy.differences, common.document, copy.document),
    })),
  };
}

function statementItem(
  cluster: QuoteCluster,
  comparison: ManyComparison,
  names: readonly string[],
  texts: readonly string[],
  changes: (list: readonly VersionDifference[], base: number, here: number) => WordChange[],
): ManyViewStatement {
  const status = statementStatus(cluster);
  const quoteOf = (k: number) => comparison.documents[cluster.versions[k].document].quotes[cluster.versions[k].quote];
  const common = cluster.versions.findIndex((version) => version.wording === 0);
  const main = cluster.attributions[0]?.speaker ?? null;
  const attribution = cluster.attributions
    .map((a) => `${a.name ?? 'no speaker found'} in ${listNames([...new Set(a.versions.map((v) => cluster.versions[v].document))].map((d) => names[d]))}`)
    .join('; ');
  return {
    id: cluster.id,
    status,
    badge: STATUS_BADGE[status],
    text: flat(quoteOf(Math.max(0, common))?.text ?? ''),
    attribution,
    versions: cluster.versions.map((version, k): ManyViewVersion => {
      const quote = quoteOf(k);
      const mention = quote?.speaker ? flat(texts[version.document].slice(quote.speaker.range[0], quote.speaker.range[1])) : null;
      const relation = version.relation;
      const against = relation ? cluster.versions[relation.against].document : version.document;
      return {
        document: version.document,
        speaker: quote?.speaker?.name ?? null,
        mention: mention && mention !== quote?.speaker?.name ? mention : null,
        status: relation === null ? 'common wording' : relation.kind === 'altered' ? 'altered' : relation.kind === 'contained'
          ? (relation.container === 'this' ? 'a longer quote' : 'in part') : 'same words',
        changes: relation?.kind === 'altered' ? changes(relation.differences, against, version.document) : [],
        conflicting: cluster.conflict && quote?.speaker != null && quote.speaker.speaker !== main,
        evidence: cluster.conflict && quote?.speaker ? attributionEvidence(quote.speaker, texts[version.document]) : null,
      };
    }),
  };
}
