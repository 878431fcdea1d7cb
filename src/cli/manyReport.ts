/**
 * The human-readable `compare` report of three or more files: the documents and the sources
 * overview (how much of each is in each other), the passages two or more of them hold (each copy
 * with its place and its differences from the common wording), the speakers, and the statements
 * quoted in two or more (conflicts and altered versions first). Documents are numbered [1] … [N]
 * in the order given; places are `file:line:col`, which terminals and VS Code make clickable.
 */
import type { ManyComparison, PassageCluster, QuoteCluster, VersionDifference } from '../core/model';
import { ManyIndex } from '../core/views/manyLookup';
import { placeFinder, type ArticleSource } from '../core/views/places';
import { standingSummary } from '../core/views/manyWording';
import { attributionEvidence, countOf, cutShortNotice, diffMarkup, noPassageInTwo, percent, UNALIGNED } from '../core/views/wording';
import { inertLine, inertText } from './inert';
import { shortQuote } from './quotesReport';

export interface ManyReportInput {
  /** The comparison in offsets of `texts`. */
  comparison: ManyComparison;
  /** The texts compared, in the comparison's order: for a web page or Markdown, its article text (what the report quotes). */
  texts: readonly string[];
  /** For a document read from a web page or Markdown: its source and the map to it, for `file:line:col` in the file itself. */
  sources?: ReadonlyArray<ArticleSource | undefined>;
}

interface Context extends ManyReportInput {
  /** `[n] file:line:col` of an offset of document n's compared text, in the file as it is. */
  where: (document: number, offset: number) => string;
  index: ManyIndex;
}

type Section = (context: Context) => string[];

const SECTIONS: Section[] = [truncationSection, documentsSection, overviewSection, clustersSection, speakersSection, statementsSection];

/** The report, inert for a terminal (see inert.ts): file names on one line, no control character from the articles. */
export function formatManyReport(given: ManyReportInput): string {
  const { comparison } = given;
  const input = { ...given, comparison: { ...comparison, documents: comparison.documents.map((document) => ({ ...document, name: inertLine(document.name) })) } };
  const place = placeFinder(input.comparison.documents.map((document) => document.name), input.texts, input.sources);
  const where = (document: number, offset: number): string => `${tag(document)} ${place(document, offset).text}`;
  const context: Context = { ...input, where, index: new ManyIndex(input.comparison) };
  return inertText(SECTIONS.map((section) => section(context).join('\n')).filter((block) => block.length > 0).join('\n\n') + '\n');
}

/** What a work budget cut short, first, as in the report of two files. */
function truncationSection({ comparison }: Context): string[] {
  if (!comparison.truncated) return [];
  return [cutShortNotice(comparison.truncatedParts)];
}

const tag = (document: number): string => `[${document + 1}]`;

function documentsSection({ comparison }: Context): string[] {
  return [
    `${comparison.documents.length} documents:`,
    ...comparison.documents.map((document, d) => {
      const { stats } = document;
      return `${tag(d)} ${document.name}: ${stats.words} words, ${stats.characters} characters; ` +
        `${percent(stats.share)} of it is in another document, ${percent(comparison.overview.onlyHere[d])} only here`;
    }),
  ];
}

function overviewSection({ comparison }: Context): string[] {
  const { share } = comparison.overview;
  const width = 6;
  const cell = (text: string): string => text.padStart(width);
  const header = ' '.repeat(5) + comparison.documents.map((_, d) => cell(tag(d))).join('');
  const rows = share.map((row, i) => tag(i).padEnd(5) + row.map((value, j) => cell(i === j ? '–' : percent(value))).join(''));
  return ['Sources overview: the share of each row\'s words found in each column\'s document.', header, ...rows];
}

/** One copy's differences from the common wording, inline: `[-common-]{+here+}` each. */
function differenceMarkup(differences: readonly VersionDifference[], baseText: string, hereText: string): string {
  const flat = (text: string, [start, end]: [number, number]): string => text.slice(start, end).replace(/\s+/g, ' ');
  return differences.map((d) => diffMarkup(flat(baseText, d.base), flat(hereText, d.here))).join(' ');
}

function clustersSection({ comparison, texts, where }: Context): string[] {
  const clusters = comparison.passageClusters;
  if (clusters.length === 0) return [noPassageInTwo(comparison.options.minWords, 'documents')];
  const inAll = clusters.filter((cluster) => cluster.documents.length === comparison.documents.length).length;
  const out = [`${countOf(clusters.length, 'passage')} in two or more documents (${inAll} in all ${comparison.documents.length}), most documents first:`];
  const ordered = [...clusters].sort((p, q) => q.documents.length - p.documents.length || p.id - q.id);
  for (const cluster of ordered) out.push('', ...clusterLines(cluster, texts, where));
  return out;
}

function clusterLines(cluster: PassageCluster, texts: readonly string[], where: Context['where']): string[] {
  const common = cluster.copies[cluster.common];
  const edited = cluster.copies.filter((copy) => !copy.identical).length;
  const out = [`#${cluster.id + 1} in ${cluster.documents.map(tag).join(' ')} (${common.words} words${edited ? `, ${edited} of ${cluster.copies.length} copies edited` : ', identical'})`];
  out.push(`  ${texts[common.document].slice(common.range[0], common.range[1]).replace(/\s+/g, ' ')}`);
  cluster.copies.forEach((copy, k) => {
    const what = k === cluster.common ? 'common wording' : copy.identical ? 'same wording'
      : differenceMarkup(copy.differences, texts[common.document], texts[copy.document]);
    out.push(`  ${where(copy.document, copy.range[0])}  ${what}`);
  });
  return out;
}

function speakersSection({ comparison }: Context): string[] {
  const { speakers, documents } = comparison;
  if (speakers.length === 0) return ['No quoted speakers.'];
  const out = [`${countOf(speakers.length, 'quoted speaker')}:`];
  for (const speaker of speakers) {
    const also = [...speaker.titles, ...speaker.aliases];
    const counts = speaker.quotes.map((ids, d) => (ids.length ? `${ids.length} in ${tag(d)}` : '')).filter(Boolean).join(', ');
    out.push(`${speaker.name}${also.length ? ` (${also.join('; ')})` : ''}: ${counts}`);
  }
  const missing = documents.reduce((sum, document) => sum + document.quotes.filter((quote) => quote.speaker === null).length, 0);
  if (missing > 0) out.push('', `${countOf(missing, 'quote')} with no speaker found.`);
  return out;
}

function statementsSection(context: Context): string[] {
  const { comparison } = context;
  const shared = comparison.quoteClusters.filter((cluster) => cluster.documents.length >= 2);
  if (shared.length === 0) return ['No quote is in two documents.'];
  const altered = (cluster: QuoteCluster): boolean => cluster.versions.some((version) => version.relation?.kind === 'altered');
  const flagged = (cluster: QuoteCluster): number => (cluster.conflict ? 2 : 0) + (altered(cluster) ? 1 : 0);
  const conflicts = shared.filter((cluster) => cluster.conflict).length;
  const out = [`${countOf(shared.length, 'statement')} quoted in two or more documents: ${shared.filter(altered).length} altered (possible misquote), ${countOf(conflicts, 'attribution conflict')}:`];
  const ordered = [...shared].sort((p, q) => flagged(q) - flagged(p) || q.documents.length - p.documents.length || p.id - q.id);
  for (const cluster of ordered) out.push('', ...statementLines(cluster, context, altered(cluster)));
  return out;
}

function statementLines(cluster: QuoteCluster, { comparison, texts, where, index }: Context, altered: boolean): string[] {
  const flags = [altered ? 'ALTERED' : '', cluster.conflict ? 'CONFLICT' : ''].filter(Boolean).join(' ');
  const names = comparison.documents.map((_, d) => tag(d));
  const commonVersion = cluster.versions.find((version) => version.wording === 0)!;
  const commonQuote = comparison.documents[commonVersion.document].quotes[commonVersion.quote];
  const out = [`${flags ? `${flags}: ` : ''}“${shortQuote(commonQuote.text)}” in ${cluster.documents.map(tag).join(' ')}`];
  if (cluster.conflict) {
    const given = cluster.attributions.map((a) => `${a.name ?? 'no speaker'} (${[...new Set(a.versions.map((v) => tag(cluster.versions[v].document)))].join(' ')})`);
    out.push(`  attributed to ${given.join(', ')}`);
  }
  cluster.versions.forEach((version) => {
    const quote = comparison.documents[version.document].quotes[version.quote];
    const standing = standingSummary(index.standings(version.document, version.quote), names);
    const relation = version.relation;
    let what = 'common wording';
    if (relation) {
      const against = cluster.versions[relation.against];
      const base = against.wording === 0 ? 'the common wording' : `${tag(against.document)}'s version`;
      if (relation.kind === 'altered') what = relation.unaligned ? `altered from ${base} (${UNALIGNED})` : `altered from ${base}: ${differenceMarkup(relation.differences, texts[against.document], texts[version.document])}`;
      else what = relation.container === 'this' ? `a longer quote holding ${base}` : `part of ${base}`;
    }
    // A conflict's evidence: the words each attribution rests on and its cue.
    const who = quote.speaker ? (cluster.conflict ? `${quote.speaker.name}, ${attributionEvidence(quote.speaker, texts[version.document])}` : quote.speaker.name) : 'no speaker';
    out.push(`  ${where(version.document, quote.range[0])} (${who}): ${what}; ${standing}`);
  });
  return out;
}
