/**
 * The `quotes` command's output: JSON, or each quote with its place (`file:line:col`), statement
 * and speaker.
 */
import type { OffsetMap } from '../core/formats/offsetMap';
import type { Range } from '../core/model';
import type { DocumentQuotes } from '../core/quotes/attribution';
import { LineIndex } from '../core/text/lines';
import { fileLocation } from '../core/views/wording';
import { inertLine, inertText } from './inert';

/** One quotation of `quotes --json`: a multi-paragraph statement is one entry over all its paragraphs. */
export interface QuotationJson {
  /** From the first segment's first quoted character to the last segment's last. */
  start: number;
  end: number;
  /** The quoted words in the article text (for a web page or Markdown, without the markup). */
  text: string;
  statement: number;
  /** Each paragraph's quoted words, marks excluded (one for most quotations). */
  segments: Array<[number, number]>;
  speaker: { name: string; start: number; end: number; cue: { kind: string; start: number; end: number } | { kind: string } } | null;
}

/**
 * The `quotes --json` shape: one entry per quotation (the segments of a statement joined, as a
 * reader and the evaluation corpus count a quotation that runs over several paragraphs), offsets as
 * plain numbers into the source (through `map` for a web page or Markdown); `text` is the article text.
 */
export function quotesJson(doc: DocumentQuotes, text: string, map?: OffsetMap): { quotes: QuotationJson[] } {
  const toSource = (range: Range): Range => (map ? map.toSource(range) : range);
  const quotes: Array<QuotationJson & { articleStart: number }> = [];
  for (const q of doc.quotes) {
    const range = toSource(q.range);
    const last = quotes[quotes.length - 1];
    if (last && last.statement === q.statement) {
      last.end = range[1];
      last.text = text.slice(last.articleStart, q.range[1]);
      last.segments.push([range[0], range[1]]);
      continue;
    }
    let speaker: QuotationJson['speaker'] = null;
    if (q.speaker) {
      const [start, end] = toSource(q.speaker.range);
      const cue = q.speaker.cue.range ? toSource(q.speaker.cue.range) : null;
      speaker = { name: q.speaker.name, start, end, cue: cue ? { kind: q.speaker.cue.kind, start: cue[0], end: cue[1] } : { kind: q.speaker.cue.kind } };
    }
    quotes.push({ start: range[0], end: range[1], text: q.text, statement: q.statement, segments: [[range[0], range[1]]], speaker, articleStart: q.range[0] });
  }
  return { quotes: quotes.map(({ articleStart: _, ...quotation }) => quotation) };
}

const MAX_SHOWN = 160;

/** A quote's words on one line, long ones cut in the middle. */
export function shortQuote(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= MAX_SHOWN ? flat : `${flat.slice(0, MAX_SHOWN / 2 - 1)} … ${flat.slice(-MAX_SHOWN / 2 + 2)}`;
}

/**
 * The readable `quotes` output: each quote with its place, statement and speaker; inert for a
 * terminal (see inert.ts). `text` is what was analysed; for a web page or Markdown, `source` is
 * the file and its map, for places in the file.
 */
export function formatQuotes(fileName: string, text: string, doc: DocumentQuotes, source?: { text: string; map: OffsetMap }): string {
  const name = inertLine(fileName);
  const sourceLines = new LineIndex(source?.text ?? text);
  const lines = { locate: (offset: number) => fileLocation(name, sourceLines, source ? source.map.sourceStart(offset) : offset) };
  const out = [`${doc.quotes.length} quote${doc.quotes.length === 1 ? '' : 's'} from ${doc.speakers.length} speaker${doc.speakers.length === 1 ? '' : 's'} in ${name}:`];
  for (const q of doc.quotes) {
    const speaker = q.speaker ? `${q.speaker.name} (“${text.slice(q.speaker.range[0], q.speaker.range[1])}” at ${lines.locate(q.speaker.range[0])})` : 'no speaker found';
    out.push(`${lines.locate(q.range[0])} [statement ${q.statement + 1}] ${speaker}`);
    out.push(`  “${shortQuote(q.text)}”`);
  }
  if (doc.nonSpeech.length > 0) {
    out.push('', `${doc.nonSpeech.length} quotation${doc.nonSpeech.length === 1 ? '' : 's'} not taken as speech (scare quotes, titles):`);
    for (const n of doc.nonSpeech) out.push(`${lines.locate(n.range[0])} ${n.kind}: “${shortQuote(text.slice(n.range[0], n.range[1]))}”`);
  }
  return inertText(out.join('\n') + '\n');
}
