/**
 * The `quotes` command's output: JSON, or each quote with its place (`file:line:col`), statement
 * and speaker.
 */
import type { OffsetMap } from '../core/formats/offsetMap';
import type { Range } from '../core/model';
import type { DocumentQuotes } from '../core/quotes/attribution';
import { LineIndex } from '../core/text/lines';
import { fileLocation } from '../core/views/wording';

/** The `quotes --json` shape: one entry per quote segment, offsets as plain numbers (into the source, through `map` for a web page or Markdown). */
export function quotesJson(doc: DocumentQuotes, map?: OffsetMap): { quotes: Array<{ start: number; end: number; text: string; statement: number; speaker: { name: string; start: number; end: number } | null }> } {
  const toSource = (range: Range): Range => (map ? map.toSource(range) : range);
  return {
    quotes: doc.quotes.map((q) => {
      const [start, end] = toSource(q.range);
      const speaker = q.speaker && toSource(q.speaker.range);
      return { start, end, text: q.text, statement: q.statement, speaker: q.speaker && speaker ? { name: q.speaker.name, start: speaker[0], end: speaker[1] } : null };
    }),
  };
}

const MAX_SHOWN = 160;

/** A quote's words on one line, long ones cut in the middle. */
export function shortQuote(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= MAX_SHOWN ? flat : `${flat.slice(0, MAX_SHOWN / 2 - 1)} … ${flat.slice(-MAX_SHOWN / 2 + 2)}`;
}

/**
 * The readable `quotes` output: each quote with its place, statement and speaker. `text` is what was
 * analysed; for a web page or Markdown, `source` is the file and its map, for places in the file.
 */
export function formatQuotes(name: string, text: string, doc: DocumentQuotes, source?: { text: string; map: OffsetMap }): string {
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
  return out.join('\n') + '\n';
}
