/**
 * The human-readable `compare` report. Plain text, one block per section, so that it reads in a
 * terminal and pastes into a note; locations are `file:line:col` so terminals and VS Code make
 * them clickable. Differences are marked inline in git's word-diff style: `[-A's words-]{+B's words+}`.
 */
import { formatLabel } from '../core/formats/article';
import type { OffsetMap } from '../core/formats/offsetMap';
import type { Comparison, DocumentAnalysis, Quote, SharedPassage, Side } from '../core/model';
import { LineIndex } from '../core/text/lines';
import { conflictsByMatch } from '../core/views/lookup';
import { passageRuns } from '../core/views/passageText';
import { conflictEvidenceLines, cutShortNotice, diffMarkup, fileLocation, matchLabel, noSharedPassages, percent } from '../core/views/wording';
import { inertLine, inertText } from './inert';
import { shortQuote } from './quotesReport';

export interface ReportInput {
  /** The comparison in offsets of `textA` and `textB`. */
  comparison: Comparison;
  /** The texts compared: for a web page or Markdown, its article text (what the report quotes). */
  textA: string;
  textB: string;
  /** For a side read from a web page or Markdown: its source and the map to it, for `file:line:col` in the file itself. */
  sources?: Partial<Record<Side, { text: string; map: OffsetMap }>>;
}

/** `file:line:col` of an offset of a side's compared text, in the file as it is. */
function locator(input: ReportInput, side: Side): (offset: number) => string {
  const source = input.sources?.[side];
  const lines = new LineIndex(source?.text ?? (side === 'a' ? input.textA : input.textB));
  const name = input.comparison[side].name;
  return (offset) => fileLocation(name, lines, source ? source.map.sourceStart(offset) : offset);
}

/** The line (from 1) in the file as it is of an offset of a side's compared text. */
function lineFinder(input: ReportInput, side: Side): (offset: number) => number {
  const source = input.sources?.[side];
  const lines = new LineIndex(source?.text ?? (side === 'a' ? input.textA : input.textB));
  return (offset) => lines.positionAt(source ? source.map.sourceStart(offset) : offset).line;
}

/** Each section is a function from the input to lines; the report is their concatenation. */
export type ReportSection = (input: ReportInput) => string[];

export const REPORT_SECTIONS: ReportSection[] = [truncationSection, statsSection, passagesSection, speakersSection, quoteMatchesSection];

/** The report, inert for a terminal (see inert.ts): file names on one line, no control character from the articles. */
export function formatReport(input: ReportInput, sections: readonly ReportSection[] = REPORT_SECTIONS): string {
  const { comparison } = input;
  const shown = { ...input, comparison: { ...comparison, a: { ...comparison.a, name: inertLine(comparison.a.name) }, b: { ...comparison.b, name: inertLine(comparison.b.name) } } };
  return inertText(sections.map((section) => section(shown).join('\n')).filter((block) => block.length > 0).join('\n\n') + '\n');
}

/** What a work budget cut short, first, so that no reader takes a partial result for a whole one. */
function truncationSection({ comparison }: ReportInput): string[] {
  if (!comparison.truncated) return [];
  return [cutShortNotice(comparison.truncatedParts)];
}

function statsSection({ comparison }: ReportInput): string[] {
  const line = (label: string, document: DocumentAnalysis, other: DocumentAnalysis): string => {
    const { stats } = document;
    const read = document.format === 'text' ? '' : ` (read as ${formatLabel(document.format)}: words of its article text)`;
    return `${label} ${document.name}${read}: ${stats.words} words, ${stats.characters} characters; ` +
      `${percent(stats.share)} of it is in ${other.name} (${stats.sharedWords} words)`;
  };
  return [line('A', comparison.a, comparison.b), line('B', comparison.b, comparison.a)];
}

function passagesSection(input: ReportInput): string[] {
  const { comparison, textA, textB } = input;
  const { passages } = comparison;
  if (passages.length === 0) return [noSharedPassages(comparison.options.minWords)];
  const edited = passages.filter((passage) => !passage.identical).length;
  const lines = [`${passages.length} shared passage${passages.length === 1 ? '' : 's'} (${passages.length - edited} identical, ${edited} edited):`];
  const locateA = locator(input, 'a');
  const locateB = locator(input, 'b');
  for (const passage of passages) {
    const kind = passage.identical ? 'identical' : `edited, ${passage.differences.length} difference${passage.differences.length === 1 ? '' : 's'}`;
    lines.push('');
    lines.push(`#${passage.id + 1} ${locateA(passage.a[0])} = ${locateB(passage.b[0])} (${passage.words.a} words, ${kind})`);
    lines.push(`  ${markedText(passage, textA, textB)}`);
  }
  return lines;
}

/** A's passage text with each difference shown as `[-A-]{+B+}`, whitespace runs shown as one space. */
export function markedText(passage: SharedPassage, textA: string, textB: string): string {
  const runs = passageRuns(passage, { a: textA, b: textB });
  return runs.map((run) => (run.change === 'removed' ? diffMarkup(run.text, '') : run.change === 'added' ? diffMarkup('', run.text) : run.text)).join('').replace(/\s+/g, ' ');
}

/** Speakers with their quotes in each article, those quoted in both first. */
function speakersSection({ comparison }: ReportInput): string[] {
  const { speakers, a, b } = comparison;
  if (speakers.length === 0) return ['No quoted speakers.'];
  const out = [`${speakers.length} quoted speaker${speakers.length === 1 ? '' : 's'}:`];
  for (const speaker of speakers) {
    const also = [...speaker.titles, ...speaker.aliases];
    out.push('', `${speaker.name}${also.length ? ` (${also.join('; ')})` : ''}: ${speaker.quotes.a.length} in ${a.name}, ${speaker.quotes.b.length} in ${b.name}`);
    for (const id of speaker.quotes.a) out.push(`  A “${shortQuote(a.quotes[id].text)}”`);
    for (const id of speaker.quotes.b) out.push(`  B “${shortQuote(b.quotes[id].text)}”`);
  }
  const unattributed = (quotes: readonly Quote[]): number => quotes.filter((q) => q.speaker === null).length;
  const missing = unattributed(a.quotes) + unattributed(b.quotes);
  if (missing > 0) out.push('', `${missing} quote${missing === 1 ? '' : 's'} with no speaker found.`);
  return out;
}

/** Quotes found in both articles; altered quotes and conflicting attributions flagged first. */
function quoteMatchesSection(input: ReportInput): string[] {
  const { comparison, textA, textB } = input;
  const { quoteMatches, a, b } = comparison;
  if (quoteMatches.length === 0) return ['No quote appears in both articles.'];
  const flagged = quoteMatches.filter((m) => m.kind === 'altered' || m.conflict);
  const locateA = locator(input, 'a');
  const locateB = locator(input, 'b');
  const altered = quoteMatches.filter((m) => m.kind === 'altered').length;
  const conflicts = quoteMatches.filter((m) => m.conflict).length;
  const out = [`${quoteMatches.length} quote pair${quoteMatches.length === 1 ? '' : 's'} in both articles: ${altered} altered (possible misquote), ${conflicts} attribution conflict${conflicts === 1 ? '' : 's'}:`];
  // Flagged first, each list in its own order (`flagged.includes` here was quadratic: 40 s for 300,000 pairs).
  const ordered = [...flagged, ...quoteMatches.filter((m) => m.kind !== 'altered' && !m.conflict)];
  const evidence = conflictsByMatch(comparison);
  for (const match of ordered) {
    const qa = a.quotes[match.a];
    const qb = b.quotes[match.b];
    const flags = [match.kind === 'altered' ? 'ALTERED' : '', match.conflict ? 'CONFLICT' : ''].filter(Boolean).join(' ');
    out.push('');
    out.push(`${flags ? `${flags}: ` : ''}${matchLabel(match)} ${locateA(qa.range[0])} = ${locateB(qb.range[0])}`);
    out.push(`  A (${qa.speaker?.name ?? 'no speaker'}): “${shortQuote(qa.text)}”`);
    out.push(`  B (${qb.speaker?.name ?? 'no speaker'}): “${shortQuote(qb.text)}”`);
    for (const d of match.differences) out.push(`  ${diffMarkup(textA.slice(d.a[0], d.a[1]), textB.slice(d.b[0], d.b[1]))}`);
    const conflict = evidence.get(match);
    if (conflict) {
      const lineOf = { a: lineFinder(input, 'a'), b: lineFinder(input, 'b') };
      for (const line of conflictEvidenceLines(conflict, 'a', { a: a.name, b: b.name }, { a: textA, b: textB }, (side, offset) => lineOf[side](offset))) out.push(`  ${line}`);
    }
  }
  return out;
}
