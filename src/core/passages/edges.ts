/**
 * Where a shared passage's ranges end: the words both texts share, widened over the punctuation
 * and ellipses beside them that both have (never what one text alone has, never inside a
 * surrogate pair). Pair passages and the copies of a passage cluster are widened the same way.
 */
import type { Range } from '../model';

/**
 * A passage's ranges, widened over the punctuation that touches its first and last word in both
 * texts (opening quote marks, a final full stop, a closing quote: they belong to the sentence a
 * reader sees), and over an ellipsis standing beside it in both (“… overall, I think…”). Only
 * what both texts have there is taken, compared with quote marks, dashes and ellipses folded
 * (`“` is `"`): punctuation or an emoji that one text alone has stays that text's own.
 */
export function sharedEdges(textA: string, [startA, endA]: Range, textB: string, [startB, endB]: Range): [Range, Range] {
  const before = sharedEdge(textA, startA, textB, startB, -1);
  const after = sharedEdge(textA, endA, textB, endB, 1);
  return [[before[0], after[0]], [before[1], after[1]]];
}

/** The two offsets moved outward (`direction`) over the punctuation, then the ellipsis, both texts share there. */
function sharedEdge(textA: string, atA: number, textB: string, atB: number, direction: 1 | -1): [number, number] {
  const unitsA = punctuationRun(textA, atA, direction);
  const unitsB = punctuationRun(textB, atB, direction);
  for (let k = 0; k < unitsA.length && k < unitsB.length && unitsA[k].key === unitsB[k].key; k++) {
    atA = unitsA[k].end;
    atB = unitsB[k].end;
  }
  const ellipsisA = standingEllipsis(textA, atA, direction);
  const ellipsisB = standingEllipsis(textB, atB, direction);
  return ellipsisA && ellipsisB && ellipsisA.key === ellipsisB.key ? [ellipsisA.end, ellipsisB.end] : [atA, atB];
}

/**
 * The ranges of a cluster's copies (one per document copy), each widened like `sharedEdges` over
 * the punctuation, then the ellipsis, that it shares with at least one other copy there: what one
 * copy alone has stays its own. With two copies this is `sharedEdges`.
 */
export function sharedEdgesOfCopies(copies: ReadonlyArray<{ text: string; range: Range }>): Range[] {
  const starts = sharedEdgesOfMany(copies.map(({ text, range }) => ({ text, at: range[0] })), -1);
  const ends = sharedEdgesOfMany(copies.map(({ text, range }) => ({ text, at: range[1] })), 1);
  return copies.map((_, c) => [starts[c], ends[c]]);
}

/**
 * Each offset moved outward over the longest run of punctuation that some other copy also has
 * there (compared folded, nearest first), then over a standing ellipsis another copy has too.
 * Counted through prefixes, so a cluster of many copies costs a few steps per copy.
 */
function sharedEdgesOfMany(copies: ReadonlyArray<{ text: string; at: number }>, direction: 1 | -1): number[] {
  const runs = copies.map(({ text, at }) => punctuationRun(text, at, direction));
  const prefixes = new Map<string, number>();
  const prefixOf = (units: readonly PunctuationUnit[], length: number): string => units.slice(0, length).map((unit) => unit.key).join('\u0000');
  for (const units of runs) for (let length = 1; length <= units.length; length++) count(prefixes, prefixOf(units, length));
  const at = runs.map((units, c) => {
    let length = units.length;
    while (length > 0 && (prefixes.get(prefixOf(units, length)) ?? 0) < 2) length--;
    return length > 0 ? units[length - 1].end : copies[c].at;
  });
  const ellipses = copies.map(({ text }, c) => standingEllipsis(text, at[c], direction));
  const keys = new Map<string, number>();
  for (const ellipsis of ellipses) if (ellipsis) count(keys, ellipsis.key);
  return at.map((offset, c) => {
    const ellipsis = ellipses[c];
    return ellipsis && (keys.get(ellipsis.key) ?? 0) >= 2 ? ellipsis.end : offset;
  });
}

function count(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Most punctuation characters a passage takes in at either end: a sentence ends in two or three (`.”)`). */
const MAX_EDGE_UNITS = 8;

interface PunctuationUnit {
  /** The character folded (quote marks, dashes), for comparing the two texts. */
  key: string;
  /** Offset just past the unit, going outward. */
  end: number;
}

/**
 * The punctuation characters (with any combining marks and variation selectors after them) that
 * touch `at` going outward, nearest first, at most MAX_EDGE_UNITS. Whole code points only: a
 * range never ends inside a surrogate pair.
 */
function punctuationRun(text: string, at: number, direction: 1 | -1): PunctuationUnit[] {
  const units: PunctuationUnit[] = [];
  while (units.length < MAX_EDGE_UNITS) {
    let end = at;
    if (direction === 1) {
      if (end >= text.length) break;
      const base = text.codePointAt(end)!;
      if (!isPunctuation(base)) break;
      end += width(base);
      while (end < text.length && isMark(text.codePointAt(end)!)) end += width(text.codePointAt(end)!);
      units.push({ key: foldPunctuation(base), end });
    } else {
      while (end > 0 && isMark(codePointBefore(text, end))) end -= width(codePointBefore(text, end));
      if (end <= 0) break;
      const base = codePointBefore(text, end);
      if (!isPunctuation(base)) break;
      end -= width(base);
      units.push({ key: foldPunctuation(base), end });
    }
    at = end;
  }
  return units;
}

/** Longest run of characters read as one stand-alone ellipsis (`…`, `...”`, `(…)`). */
const MAX_ELLIPSIS_UNITS = 6;

/**
 * An ellipsis standing on its own beside `at` on the same line: spaces, then a run of punctuation
 * holding `…` or `...` that ends at a space or the text's edge. Its folded text and far end, or null.
 */
function standingEllipsis(text: string, at: number, direction: 1 | -1): { key: string; end: number } | null {
  let p = at;
  while (direction === 1 ? p < text.length && isHorizontalSpace(text.charCodeAt(p)) : p > 0 && isHorizontalSpace(text.charCodeAt(p - 1))) p += direction;
  if (p === at) return null;
  const units = punctuationRun(text, p, direction);
  if (units.length === 0 || units.length > MAX_ELLIPSIS_UNITS) return null;
  const end = units[units.length - 1].end;
  const beyond = direction === 1 ? (end < text.length ? text.charCodeAt(end) : -1) : (end > 0 ? text.charCodeAt(end - 1) : -1);
  if (beyond !== -1 && !isSpace(beyond)) return null;
  const key = (direction === 1 ? units : [...units].reverse()).map((unit) => unit.key).join('').replace(/\.\.\./g, '…');
  return key.includes('…') ? { key, end } : null;
}

const isHorizontalSpace = (unit: number): boolean => unit !== 10 && unit !== 13 && isSpace(unit);
const isSpace = (unit: number): boolean => unit === 32 || unit === 9 || unit === 10 || unit === 13 || (unit > 127 && /\s/.test(String.fromCharCode(unit)));
const width = (codePoint: number): number => (codePoint > 0xffff ? 2 : 1);

const MARK = /^[\p{M}\u200d]$/u;

/** A combining mark, variation selector or zero-width joiner: it belongs to the character before it. */
function isMark(codePoint: number): boolean {
  return codePoint >= 0x300 && MARK.test(String.fromCodePoint(codePoint));
}

/** Quote marks and dashes the way outlets vary them, folded to one form each. */
function foldPunctuation(codePoint: number): string {
  const ch = String.fromCodePoint(codePoint);
  if ('"“”„‟«»＂〝〞'.includes(ch)) return '"';
  if ("'‘’‚‛‹›ʼ".includes(ch)) return "'";
  if ('-‐‑‒–—―'.includes(ch)) return '-';
  return ch;
}

const PUNCTUATION = /^[^\s\p{L}\p{N}\p{M}]$/u;
const ASCII_WORD_OR_SPACE = /^[\sA-Za-z0-9]$/;

function isPunctuation(codePoint: number): boolean {
  // ASCII without the Unicode regex: it answers the same there, and compiling it is a few
  // milliseconds of every short comparison.
  if (codePoint < 0x80) return !ASCII_WORD_OR_SPACE.test(String.fromCharCode(codePoint));
  return PUNCTUATION.test(String.fromCodePoint(codePoint));
}

function codePointBefore(text: string, offset: number): number {
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(offset - 2)!;
  }
  return low;
}
