// The quote-level errors of one scored article sorted into classes, for the error analysis that
// `node scripts/eval/quotes.mjs --errors` prints: each miss and each false positive gets one class
// from what the analysis read there (the rules' reading of a lone quotation, and whether the speech
// model overruled it) and from how it meets the gold. Pure: text, gold, predictions and readings in,
// classes out.

/** How a quoted region overlapping `[start, end)` was read: `{ range, reading, speech }`, or undefined. */
const readingAt = (readings, { start, end }) => readings.find((r) => r.range[0] < end && r.range[1] > start);

const WORD = /[\p{L}\p{N}’']+/gu;
const wordCount = (s) => (s.match(WORD) ?? []).length;
/** Every main word capitalised, at most six words: a title or a name. */
function titleCased(s) {
  const words = s.match(WORD) ?? [];
  return words.length > 0 && words.length <= 6 && words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && w.length <= 3));
}
/** Opens with a capital and runs to five words or more: a sentence of someone's, not a term. */
const utterance = (s) => /^[\p{Lu}\p{N}]/u.test(s) && wordCount(s) >= 5;
const overlaps = (a, b) => a.start < b.end && b.start < a.end;

/**
 * The classes of one article's errors: `score` is the corpus scorer's `scoreArticle` result for
 * `predictions`, `readings` every lone quotation the analysis decided (`{ range, reading, speech }`).
 * Returns `{ kind: 'FN' | 'FP', class, start, end, doubled }` per error.
 */
export function classifyErrors(text, gold, predictions, score, readings) {
  const out = [];
  const matchedGold = score.matched.map((m) => m.g);
  for (const g of score.missed) {
    const span = { start: g.start, end: g.end };
    const content = text.slice(g.start, g.end);
    const read = readingAt(readings, span);
    let kind;
    if (matchedGold.some((m) => m.start === g.start && m.end === g.end)) kind = 'gold noise: the same span annotated twice';
    else if (predictions.some((p) => overlaps(p, span))) kind = g.multiParagraph ? 'boundary: multi-paragraph quotation cut elsewhere' : 'boundary: a prediction overlaps, under half';
    else if (g.multiParagraph) kind = 'multi-paragraph quotation not read';
    else if (!read) kind = 'quote marks not read as a quotation';
    else if (read.reading.kind === 'speech') kind = `speech dropped by the speech model (rule ${read.reading.rule})`;
    else if (read.reading.kind === 'scare') kind = `partial quote read as a scare quote (rule ${read.reading.rule})`;
    else kind = titleCased(content) ? `quoted name or title the gold counts, read as a title (rule ${read.reading.rule})` : `partial quote read as a title (rule ${read.reading.rule})`;
    out.push({ kind: 'FN', class: kind, start: g.start, end: g.end, doubled: g.style === 'doubled' });
  }
  for (const p of score.falsePos) {
    const content = text.slice(p.start, p.end);
    const read = readingAt(readings, p);
    let kind;
    if (gold.some((g) => overlaps(g, p))) kind = content.includes('\n') ? 'boundary: multi-paragraph span' : 'boundary: overlaps a gold quote, under half';
    else if (read && read.reading.kind !== 'speech') kind = `scare quote or title the speech model took back (rule ${read.reading.rule})`;
    else if (titleCased(content) && !/[.!?]$/u.test(content)) kind = 'quoted name or title read as speech';
    else if (wordCount(content) <= 3 && !/^[\p{Lu}]/u.test(content)) kind = 'short term read as speech';
    else if (utterance(content)) kind = read?.reading.rule === 'uncued' ? 'utterance with no cue, not in the gold' : 'cued utterance not in the gold (unannotated?)';
    else kind = 'partial quote or phrase read as speech, not in the gold';
    out.push({ kind: 'FP', class: kind, start: p.start, end: p.end, doubled: text.slice(Math.max(0, p.start - 2), p.start) === "''" });
  }
  return out;
}

/** The paragraph around `[start, end)` with the span set off by `⟦ ⟧`, at most `limit` characters. */
export function inParagraph(text, start, end, limit = 600) {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  let to = text.indexOf('\n', end);
  if (to < 0) to = text.length;
  const marked = `${text.slice(Math.max(from, start - limit / 2), start)}⟦${text.slice(start, end)}⟧${text.slice(end, Math.min(to, end + limit / 2))}`;
  return marked.replace(/\s*\n\s*/g, ' ¶ ');
}
