/**
 * Where the page names who is speaking: once per statement (a statement's later paragraphs are the
 * same speaker), just before the statement's opening quote mark, so that the name never stands
 * between the mark and the words. A statement by the speaker just named, in the same paragraph, is
 * not named again: the page draws names in the margin, where two on one line would overlap.
 */
import type { Quote } from '../model';

export interface SpeakerLabel {
  /** Text offset the label stands at: before the opening mark(s) of the statement's first segment. */
  offset: number;
  quoteId: number;
  speakerId: number;
  name: string;
}

/** Opening quotation marks, and the apostrophes and backticks some texts double into one. */
const OPENING_MARKS = new Set(['“', '"', '‘', "'", '«', '»', '„', '‚', '‹', '›', '「', '『', '`', '”', '’']);

/** The offset before the quote marks (at most two, with a space between as in `« mot`) that open a quote at `start`. */
export function beforeOpeningMark(text: string, start: number): number {
  let at = start;
  if (at > 1 && text[at - 1] === ' ' && OPENING_MARKS.has(text[at - 2])) at--;
  for (let marks = 0; marks < 2 && at > 0 && OPENING_MARKS.has(text[at - 1]); marks++) at--;
  return at;
}

/** One label per statement that has a speaker, in text order (quotes are in text order). */
export function speakerLabels(quotes: readonly Quote[], text: string): SpeakerLabel[] {
  const labels: SpeakerLabel[] = [];
  const labelled = new Set<number>();
  for (const quote of quotes) {
    if (!quote.speaker || labelled.has(quote.statement)) continue;
    labelled.add(quote.statement);
    const offset = beforeOpeningMark(text, quote.range[0]);
    const last = labels[labels.length - 1];
    if (last && last.speakerId === quote.speaker.speaker && !text.slice(last.offset, offset).includes('\n')) continue;
    labels.push({ offset, quoteId: quote.id, speakerId: quote.speaker.speaker, name: quote.speaker.name });
  }
  return labels;
}
