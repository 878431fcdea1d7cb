/**
 * Quotes and speakers on the command line: the `quotes` command's output and the speakers and
 * quote-match sections of the readable `compare` report. Locations are `file:line:col`, like the
 * rest of the report, so terminals and VS Code make them clickable.
 */
import type { DocumentQuotes } from '../core/quotes/attribution';
import { LineIndex } from '../core/text/lines';
import type { Quote, QuoteMatch } from '../core/model';
import type { ReportInput } from './compareReport';

/** The `quotes --json` shape: one entry per quote segment, offsets as plain numbers. */
export function quotesJson(doc: DocumentQuotes): { quotes: Array<{ start: number; end: number; text: string; statement: number; speaker: { name: string; start: number; end: number } | null }> } {
  return {
    quotes: doc.quotes.map((q) => ({
      start: q.range[0],
      end: q.range[1],
      text: q.text,
      statement: q.statement,
      speaker: q.speaker ? { name: q.speaker.name, start: q.speaker.range[0], end: q.speaker.range[1] } : null,
    })),
  };
}

const MAX_SHOWN = 160;

/** A quote's words on one line, long ones cut in the middle. */
export function shortQuote(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= MAX_SHOWN ? flat : `${flat.slice(0, MAX_SHOWN / 2 - 1)} … ${flat.slice(-MAX_SHOWN / 2 + 2)}`;
}

function where(name: string, lines: LineIndex, offset: number): string {
  const { line, column } = lines.positionAt(offset);
  return `${name}:${line}:${column}`;
}

/** The readable `quotes` output: each quote with its place, statement and speaker. */
export function formatQuotes(name: string, text: string, doc: DocumentQuotes): string {
  const lines = new LineIndex(text);
  const out = [`${doc.quotes.length} quote${doc.quotes.length === 1 ? '' : 's'} from ${doc.speakers.length} speaker${doc.speakers.length === 1 ? '' : 's'} in ${name}:`];
  for (const q of doc.quotes) {
    const speaker = q.speaker ? `${q.speaker.name} (“${text.slice(q.speaker.range[0], q.speaker.range[1])}” at ${where(name, lines, q.speaker.range[0])})` : 'no speaker found';
    out.push(`${where(name, lines, q.range[0])} [statement ${q.statement + 1}] ${speaker}`);
    out.push(`  “${shortQuote(q.text)}”`);
  }
  if (doc.nonSpeech.length > 0) {
    out.push('', `${doc.nonSpeech.length} quotation${doc.nonSpeech.length === 1 ? '' : 's'} not taken as speech (scare quotes, titles):`);
    for (const n of doc.nonSpeech) out.push(`${where(name, lines, n.range[0])} ${n.kind}: “${shortQuote(text.slice(n.range[0], n.range[1]))}”`);
  }
  return out.join('\n') + '\n';
}

/** Speakers with their quotes in each article, those quoted in both first. */
export function speakersSection({ comparison }: ReportInput): string[] {
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

function describeMatch(match: QuoteMatch): string {
  if (match.kind === 'contained') return `contained (${match.container === 'a' ? 'B quotes part of A' : 'A quotes part of B'})`;
  return match.kind;
}

/** Quotes found in both articles; altered quotes and conflicting attributions flagged first. */
export function quoteMatchesSection({ comparison, textA, textB }: ReportInput): string[] {
  const { quoteMatches, a, b } = comparison;
  if (quoteMatches.length === 0) return ['No quote appears in both articles.'];
  const flagged = quoteMatches.filter((m) => m.kind === 'altered' || m.conflict);
  const linesA = new LineIndex(textA);
  const linesB = new LineIndex(textB);
  const altered = quoteMatches.filter((m) => m.kind === 'altered').length;
  const conflicts = quoteMatches.filter((m) => m.conflict).length;
  const out = [`${quoteMatches.length} quote pair${quoteMatches.length === 1 ? '' : 's'} in both articles: ${altered} altered (possible misquote), ${conflicts} attribution conflict${conflicts === 1 ? '' : 's'}:`];
  const ordered = [...flagged, ...quoteMatches.filter((m) => !flagged.includes(m))];
  for (const match of ordered) {
    const qa = a.quotes[match.a];
    const qb = b.quotes[match.b];
    const flags = [match.kind === 'altered' ? 'ALTERED' : '', match.conflict ? 'CONFLICT' : ''].filter(Boolean).join(' ');
    out.push('');
    out.push(`${flags ? `${flags}: ` : ''}${describeMatch(match)} ${where(a.name, linesA, qa.range[0])} = ${where(b.name, linesB, qb.range[0])}`);
    out.push(`  A (${qa.speaker?.name ?? 'no speaker'}): “${shortQuote(qa.text)}”`);
    out.push(`  B (${qb.speaker?.name ?? 'no speaker'}): “${shortQuote(qb.text)}”`);
    for (const d of match.differences) out.push(`  [-${textA.slice(d.a[0], d.a[1])}-]{+${textB.slice(d.b[0], d.b[1])}+}`);
  }
  return out;
}
