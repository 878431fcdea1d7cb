/**
 * Direct-quote extraction: where the quotation marks of an article open and close.
 *
 * This module only finds quoted regions; whether a region is speech or a scare quote/title, and who
 * said it, is decided in `attribution.ts`, which needs the words around the marks.
 *
 * Design choices, and why:
 * - Quotes are paired within a paragraph (a non-empty line). Newspapers close every quote before a
 *   paragraph ends except in one convention: a paragraph that leaves a quote open continues into the
 *   next paragraph when that one opens with a quote mark. Bounding by paragraph otherwise keeps one
 *   stray mark from swallowing the rest of the article.
 * - Blank lines are not needed to separate paragraphs: some sources put one paragraph per line,
 *   others leave a blank line between; both split on line breaks (`\n`, `\r\n`, and the lone `\r`
 *   of old Mac exports: the editor counts it as a line break, so it ends a paragraph here too).
 * - A quoted region is at most MAX_REGION_CHARS long: a mark left open (or closed only by a stray
 *   mark far on) ends at the last sentence end within that bound, and the marks after it are read
 *   afresh. Real quotes are far shorter (one paragraph's segment of a multi-paragraph quote rarely
 *   reaches 2,000 characters); the bound keeps one stray mark in a long unbroken text from making
 *   a quote of all of it, and keeps the work on each quote bounded.
 * - A double mark, straight or curly, takes its direction from its neighbours where they are clear
 *   (space before and a word after opens; a word before and a space after closes) and is otherwise
 *   paired in order; a mark that opens inside an open quote nests. The shape of a curly mark is
 *   not read: outlets print `”` to open and `“` to close often enough, and a copy of an article in
 *   the other typography must give the same quotes (or a comparison with it would show altered
 *   quotes and false conflicts). A closing mark with nothing open is a stray and is skipped, so it
 *   cannot flip the pairing of the rest of the paragraph.
 * - Archive exports print double quotes as two apostrophes (`''We will win,'' he said.`), TeX-era
 *   copy as ``` ``…'' ```: both are double marks.
 * - A transcript line (`"WALLACE: …`) is a quote of the labelled speaker: the label stays out of the
 *   quoted range and starts a new statement even where the continuation convention would apply. A
 *   label after a sentence inside the quote (`"HOST: Welcome back. GUEST: Thanks."`) starts another
 *   turn: a region of its own, from its label, in a statement of its own.
 * - Single quotes are the main style of some outlets and the nested style of others, and `’` is also
 *   the apostrophe. A text is single-quoted when it opens more single quotes outside double-quoted
 *   regions than it opens double quotes; only then are single marks paired, with apostrophes
 *   (`don’t`, `Afghanistan’s`, `the ’90s`, `rock ’n’ roll`) told apart by the letters around them.
 */
import type { Range } from '../model';
import { isAsciiLower, isLetterOrDigitAt } from '../text/charClass';
import { partitionPoint } from '../text/binarySearch';

/** One quoted region: the content between its marks (marks excluded, surrounding spaces trimmed). */
export interface QuotedRegion {
  range: Range;
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or -1 when the region runs to the end of its paragraph or is cut (see MAX_REGION_CHARS). */
  close: number;
  /** Offset just past the closing mark (the paragraph's end for an open region, where it was cut for a cut one). */
  closeEnd: number;
  /** Index into `ExtractedQuotes.paragraphs`. */
  paragraph: number;
  /** Regions of one multi-paragraph quotation share this number; numbered in text order. */
  statement: number;
  /** A transcript's speaker label that opened the quoted text (`PENCE:`), kept out of `range`. */
  label: Range | null;
}

export interface ExtractedQuotes {
  /** Paragraph ranges (non-empty lines, line break excluded), in text order. */
  paragraphs: Range[];
  regions: QuotedRegion[];
  /** Which family of marks the text quotes speech with. */
  style: 'double' | 'single';
}

const DOUBLE_OPEN = new Set(['“', '„', '‟', '«']);
const SINGLE_OPEN = new Set(['‘', '‚', '‹']);
const SINGLE_CLOSE = new Set(['’', '›']);

const SPACE = /\s/u;
// What may stand right before an opening mark: nothing, a space, an opening bracket or a dash.
const BEFORE_OPEN = /[\s([{\-–—/]/u;

const LINE_BREAK = /\r\n?|\n/g;

/** Non-empty lines of the text (split at `\n`, `\r\n` and `\r`, as the editor does), as ranges without their line breaks. */
export function paragraphRanges(text: string): Range[] {
  const ranges: Range[] = [];
  const add = (start: number, end: number): void => {
    while (start < end && SPACE.test(text[start])) start++;
    while (end > start && SPACE.test(text[end - 1])) end--;
    if (end > start) ranges.push([start, end]);
  };
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(text); match !== null; match = LINE_BREAK.exec(text)) {
    add(start, match.index);
    start = LINE_BREAK.lastIndex;
  }
  add(start, text.length);
  return ranges;
}

type Direction = 'open' | 'close' | 'either';

interface Mark {
  at: number;
  direction: Direction;
  /** True for a curly opening mark: inside an open quote it opens a nested one instead of closing. */
  nests: boolean;
  /** Characters the mark takes: 2 for `''` and ``` `` ```. */
  width: number;
}

/**
 * The double mark made of the apostrophes or backticks at `i` (two, or three with a single mark
 * inside: the double one is the outer pair of characters), or null. ``` `` ``` always opens; `''`
 * takes its direction from its neighbours as a straight `"` does.
 */
function doubledMark(text: string, i: number, start: number, end: number): Mark | null {
  if (text[i] === '`') return { at: i, direction: 'open', nests: false, width: 2 };
  const run = text.charCodeAt(i + 2) === APOSTROPHE ? 3 : 2;
  const before = i > start ? text[i - 1] : undefined;
  const after = i + run < end ? text[i + run] : undefined;
  // `O''Brien`, `don''t`: an apostrophe that the export escaped by doubling it, as SQL does, sits
  // between letters where no quotation mark does; taken for one it would flip the paragraph's pairing.
  if (run === 2 && isLetterOrDigit(before) && isLetterOrDigit(after)) return null;
  const spaceBefore = before === undefined || BEFORE_OPEN.test(before);
  const spaceAfter = after === undefined || SPACE.test(after) || /[.,;:!?)\]]/.test(after);
  const direction: Direction = spaceBefore && !spaceAfter ? 'open' : spaceAfter && !spaceBefore ? 'close' : 'either';
  // `said.'''`: the single mark closes first, so the double mark is the last two.
  return { at: run === 3 && direction === 'close' ? i + 1 : i, direction, nests: false, width: 2 };
}

// Through the lexer's class cache rather than `/[\p{L}\p{N}]/u`: no Unicode-property regex to compile and run per mark.
const APOSTROPHE = 39;
const BACKTICK = 96;

const isLetterOrDigit = (ch: string | undefined): boolean => ch !== undefined && isLetterOrDigitAt(ch, 0);

// Two apostrophes (`''`) and two backticks (``` `` ```) are the double marks of archive exports and
// TeX-era copy; a run of three is a double and a single mark together (`'''Sir` opens both,
// `no.'''` closes both).
const DOUBLE_CHARS = /'''?|``|["“”„‟«»]/g;
const SINGLE_CHARS = /['‘’‚‹›]/g;

/**
 * Offsets of the characters `pattern` (one character class, global) finds in the text, in order: one
 * pass of the regex engine rather than a loop over every character. (Once per text, not per
 * paragraph: a search from each paragraph's start on the whole text would run on to the next mark
 * anywhere, quadratic.)
 */
function offsetsOf(text: string, pattern: RegExp): number[] {
  const found: number[] = [];
  pattern.lastIndex = 0;
  // `test` rather than `exec`: no match object per mark; a match is one character, just before `lastIndex`.
  while (pattern.test(text)) {
    let at = pattern.lastIndex - 1;
    const unit = text.charCodeAt(at);
    // A mark of two or three characters (`''`, `'''`, ``` `` ```) is found at its first.
    if (pattern === DOUBLE_CHARS && (unit === APOSTROPHE || unit === BACKTICK)) while (text.charCodeAt(at - 1) === unit && pattern.lastIndex - at < 3) at--;
    found.push(at);
  }
  return found;
}

/**
 * Double marks with their direction, from their neighbours (`said "Yes` opens, `yes" he` closes)
 * so that a stray closing mark cannot flip the pairing of the rest of the paragraph; a mark after
 * `=` (markup attributes) and an inch mark (`6'3"`) are not quotation marks.
 */
function doubleMarks(text: string, [start, end]: Range, offsets: readonly number[]): Mark[] {
  const marks: Mark[] = [];
  for (let n = 0; n < offsets.length; n++) {
    let i = offsets[n];
    const ch = text[i];
    if (ch === "'" || ch === '`') {
      const mark = doubledMark(text, i, start, end);
      if (mark) marks.push(mark);
      continue;
    }
    const before = i > start ? text[i - 1] : undefined;
    if (before === '=') {
      // A markup attribute (`<tweet author="…">`): skip its value and both of its marks.
      let close = i + 1;
      while (close < end && !DOUBLE_MARK.test(text[close])) close++;
      i = close;
      while (n + 1 < offsets.length && offsets[n + 1] <= i) n++;
      continue;
    }
    // An inch mark (`6'3"`) is no quotation mark.
    if (before !== undefined && /\d/.test(before) && /['’]\d+$/.test(text.slice(Math.max(start, i - 4), i))) continue;
    // The marks' neighbours decide, not their shape, so that straight and curly copies of a text
    // pair alike: a space before and a word after opens, a word before and a space after closes
    // (`“abhorrent“ in a tweet` closes, `”Mr. Smith said` opens), looking past other quote marks
    // glued to this one (`"“You …`). Where the neighbours are unclear the mark is paired in order.
    const outside = neighbours(text, i, start, end);
    const spaceBefore = outside.before === undefined || BEFORE_OPEN.test(outside.before);
    const spaceAfter = outside.after === undefined || SPACE.test(outside.after) || /[.,;:!?)\]]/.test(outside.after);
    const direction: Direction = spaceBefore && !spaceAfter ? 'open' : spaceAfter && !spaceBefore ? 'close' : 'either';
    marks.push({ at: i, direction, nests: direction === 'open', width: 1 });
  }
  return marks;
}

const DOUBLE_MARK = /["“”„‟«»]/u;
/** Quote marks of either family that a neighbour may be: looked past to the character beyond. */
const ANY_MARK = /["“”„‟«»'‘’‚‹›]/u;

/** The characters either side of the mark at `i`, quote marks glued to it skipped (undefined at the paragraph's ends). */
function neighbours(text: string, i: number, start: number, end: number): { before: string | undefined; after: string | undefined } {
  let b = i - 1;
  while (b >= start && ANY_MARK.test(text[b]) && i - b <= 3) b--;
  let a = i + 1;
  while (a < end && ANY_MARK.test(text[a]) && a - i <= 3) a++;
  return { before: b >= start ? text[b] : undefined, after: a < end ? text[a] : undefined };
}

/**
 * Single marks that can open or close a quote, apostrophes left out. An apostrophe has a letter on
 * both sides (`don’t`), or stands before a year or a clipped word (`’90s`, `’n’`, `’em`).
 */
function singleMarks(text: string, [start, end]: Range, offsets: readonly number[]): Mark[] {
  const marks: Mark[] = [];
  for (const i of offsets) {
    // Most are apostrophes inside a word (`don’t`): settled on the code units, before any string is made.
    if (i > start && i + 1 < end && isLetterOrDigitAt(text, i - 1, i) && isLetterOrDigitAt(text, i + 1, i + 2)) continue;
    const ch = text[i];
    const isOpenChar = SINGLE_OPEN.has(ch);
    const isCloseChar = SINGLE_CLOSE.has(ch);
    if (!isOpenChar && !isCloseChar && ch !== "'") continue;
    // `''` is a double mark in some archives' typography.
    if (ch === "'" && (text[i + 1] === "'" || text[i - 1] === "'")) continue;
    const before = i > start ? text[i - 1] : undefined;
    const after = i + 1 < end ? text[i + 1] : undefined;
    if (isLetterOrDigit(before) && isLetterOrDigit(after)) continue;
    const rest = text.slice(i + 1, Math.min(end, i + 6));
    if (/^\d\ds\b/.test(rest) || /^(?:n['’‘]|em\b|tis\b|twas\b|cause\b|til\b)/i.test(rest)) continue;
    if (isLetterOrDigit(before) && /^n$/i.test(before ?? '') && /['’‘]n$/.test(text.slice(i - 2, i))) continue;
    const canOpen = (before === undefined || BEFORE_OPEN.test(before) || DOUBLE_OPEN.has(before) || before === '"')
      && after !== undefined && !SPACE.test(after);
    const canClose = before !== undefined && !SPACE.test(before);
    if (isOpenChar && canOpen) marks.push({ at: i, direction: 'open', nests: true, width: 1 });
    else if (canOpen && !canClose) marks.push({ at: i, direction: 'open', nests: false, width: 1 });
    else if (canClose && !canOpen) marks.push({ at: i, direction: 'close', nests: false, width: 1 });
    else if (canOpen && canClose) marks.push({ at: i, direction: 'either', nests: false, width: 1 });
  }
  return marks;
}

/** Most characters a quoted region spans (see the module's comment). */
export const MAX_REGION_CHARS = 4000;

/** A region of one paragraph: closed by `close`, or (`close` null) cut at `end` by MAX_REGION_CHARS. */
interface PairedRegion {
  open: Mark;
  close: Mark | null;
  end: number;
}

interface Pairing {
  /** Closed and cut regions, in text order. */
  regions: PairedRegion[];
  /** The opening mark left open at the paragraph's end, if any (and no further than MAX_REGION_CHARS from it). */
  openAtEnd: Mark | null;
}

/** Pairs the marks of one family inside the paragraph that ends at `paragraphEnd`. */
function pairMarks(text: string, marks: Mark[], paragraphEnd: number): Pairing {
  const regions: PairedRegion[] = [];
  let open: Mark | null = null;
  let depth = 0;
  // A region that outgrows the bound is cut, and reading resumes at the first mark after the cut:
  // the marks inside it stay inside it, so each mark is read at most twice.
  const cut = (from: Mark, stop: number): number => {
    const end = boundedEnd(text, from.at + from.width, stop);
    regions.push({ open: from, close: null, end });
    open = null;
    depth = 0;
    return end;
  };
  let k = 0;
  for (;;) {
    for (; k < marks.length; k++) {
      const mark = marks[k];
      if (open !== null && mark.at - open.at > MAX_REGION_CHARS) {
        const end = cut(open, mark.at);
        while (k < marks.length && marks[k].at < end) k++;
        k--;
        continue;
      }
      if (open === null) {
        if (mark.direction !== 'close') {
          open = mark;
          depth = 1;
        }
        // A closing mark with nothing open is a stray: ignore it.
        continue;
      }
      // A curly opening mark inside a quote nests; a straight one is read as the closing mark.
      if (mark.direction === 'open' && mark.nests) {
        depth++;
        continue;
      }
      depth--;
      if (depth <= 0) {
        regions.push({ open, close: mark, end: mark.at });
        open = null;
        depth = 0;
      }
    }
    if (open === null || paragraphEnd - (open as Mark).at <= MAX_REGION_CHARS) break;
    const end = cut(open, paragraphEnd);
    while (k > 0 && marks[k - 1].at >= end) k--;
  }
  return { regions, openAtEnd: open };
}

/**
 * Where a region whose content starts at `start` ends when it would run past MAX_REGION_CHARS:
 * after the last sentence end in the second half of the bound, else at the last space within it,
 * else (one word longer than the bound) at the end of that word: the next space, or `stop` (the
 * mark that outran the bound, or the paragraph's end) if that comes first.
 */
function boundedEnd(text: string, start: number, stop: number): number {
  const limit = start + MAX_REGION_CHARS;
  let space = -1;
  for (let p = limit; p > start; p--) {
    if (!SPACE.test(text[p])) continue;
    if (p > start + MAX_REGION_CHARS / 2 && /[.!?…]/.test(text[p - 1])) return p;
    if (space < 0) space = p;
  }
  if (space >= 0) return space;
  let p = limit;
  while (p < stop && !SPACE.test(text[p])) p++;
  return p;
}

const LABEL = /^([\p{Lu}][\p{Lu}.'’\- ]{0,39}[\p{Lu}.]):\s+/u;
// (A module constant: the bundler turns this one into a `new RegExp(…)` call, looked up again on every call.)
const TWO_CAPITALS = /\p{Lu}{2}/u;

/** An all-capitals speaker label opening a transcript line: `PENCE: Well, …`. */
export function transcriptLabel(text: string, start: number, end: number): { label: Range; rest: number } | null {
  // A label's first two characters are a capital and a capital, dot, apostrophe, hyphen or space: a
  // lower-case ASCII letter among them settles most quotations without a slice and a regex.
  if (isAsciiLower(text.charCodeAt(start)) || isAsciiLower(text.charCodeAt(start + 1))) return null;
  // It ends on a capital or a dot: an apostrophe there is a closing quote mark, not part of a name.
  const match = LABEL.exec(text.slice(start, Math.min(end, start + 48)));
  if (!match || !TWO_CAPITALS.test(match[1])) return null;
  return { label: [start, start + match[1].length], rest: start + match[0].length };
}

/** Characters that end a sentence before a turn's label. */
const SENTENCE_END = new Set(['.', '?', '!', '…', '"', '”', "'", '’', ')']);
const COLON = 58;
const LABEL_WORD = /^\p{Lu}[\p{Lu}.'’-]*$/u;

/**
 * The first speaker label inside `[start, end)` that follows a sentence's end (`… back. GUEST: …`,
 * `… run? SEN. JOHN SMITH: …`), or null. Reads the characters once, looking at a label only by a colon.
 */
function innerLabel(text: string, start: number, end: number): { label: Range; rest: number } | null {
  for (let colon = start + 2; colon < end; colon++) {
    if (text.charCodeAt(colon) !== COLON) continue;
    // The all-capitals words before the colon, back to 41 characters, latest first.
    const words: number[] = [];
    for (let wordEnd = colon; wordEnd > start && colon - wordEnd <= 41;) {
      let word = wordEnd;
      while (word > start && !SPACE.test(text[word - 1])) word--;
      if (word === wordEnd || colon - word > 41 || !LABEL_WORD.test(text.slice(word, wordEnd))) break;
      words.push(word);
      wordEnd = word - 1;
      if (text[wordEnd] !== ' ') break;
    }
    // The longest run of them that follows a sentence's end is the label (`NATO. GUEST:` is `GUEST`).
    for (let k = words.length - 1; k >= 0; k--) {
      let before = words[k];
      while (before > start && SPACE.test(text[before - 1])) before--;
      if (before === words[k] || before <= start || !SENTENCE_END.has(text[before - 1]) || !endsSentence(text, start, before)) continue;
      const labelled = transcriptLabel(text, words[k], end);
      if (labelled && labelled.label[1] === colon) return labelled;
    }
  }
  return null;
}

/**
 * Does the word ending at `end` end a sentence? It ends with a sentence's mark, and a full stop
 * follows a word with a small letter or a digit in it: `U.S.` or `SEN.` may be an abbreviation.
 */
function endsSentence(text: string, start: number, end: number): boolean {
  if (text[end - 1] !== '.') return true;
  for (let k = end - 2; k >= start && !SPACE.test(text[k]); k--) if (/[\p{Ll}\p{N}]/u.test(text[k])) return true;
  return false;
}

function trimmedRange(text: string, start: number, end: number): Range {
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;
  return [start, end];
}

/** Characters of the quotation mark at `at`: 2 for `''` and ``` `` ```, else 1. */
const markWidthAt = (text: string, at: number): number => (text[at] === "'" || text[at] === '`') && text[at + 1] === text[at] ? 2 : 1;

function opensWithMark(text: string, paragraph: Range, family: 'double' | 'single'): boolean {
  const ch = text[paragraph[0]];
  const doubled = (ch === "'" || ch === '`') && text[paragraph[0] + 1] === ch;
  return family === 'double' ? DOUBLE_OPEN.has(ch) || ch === '"' || doubled : SINGLE_OPEN.has(ch) || ch === "'" && !doubled;
}

/** The marks of a paragraph; `offsets` are where its characters of the family stand. */
function marksOf(text: string, paragraph: Range, family: 'double' | 'single', offsets: readonly number[]): Mark[] {
  return family === 'double' ? doubleMarks(text, paragraph, offsets) : singleMarks(text, paragraph, offsets);
}

interface RawRegion {
  open: number;
  /** The closing mark, or -1 for a region left open (at its paragraph's end) or cut. */
  close: number;
  /** Characters of the opening and closing marks. */
  openWidth: number;
  closeWidth: number;
  /** Where its content ends: the closing mark, the paragraph's end, or the cut. */
  end: number;
  paragraph: number;
  continued: boolean;
}

/** Regions of one family, with the multi-paragraph convention applied. */
function regionsOf(text: string, paragraphs: Range[], family: 'double' | 'single'): RawRegion[] {
  const regions: RawRegion[] = [];
  const offsets = offsetsOf(text, family === 'double' ? DOUBLE_CHARS : SINGLE_CHARS);
  let from = 0;
  let continuing = false;
  paragraphs.forEach((paragraph, index) => {
    // The paragraph's share of the offsets: paragraphs come in text order, so a cursor finds it.
    while (from < offsets.length && offsets[from] < paragraph[0]) from++;
    let to = from;
    while (to < offsets.length && offsets[to] < paragraph[1]) to++;
    // Most paragraphs hold no mark of the family: nothing to pair, and nothing left open to carry on.
    if (to === from) {
      continuing = false;
      return;
    }
    const { regions: paired, openAtEnd } = pairMarks(text, marksOf(text, paragraph, family, offsets.slice(from, to)), paragraph[1]);
    from = to;
    // A transcript line that names its speaker (`"WALLACE: …`) starts a new statement.
    if (continuing && transcriptLabel(text, paragraph[0] + markWidthAt(text, paragraph[0]), paragraph[1])) continuing = false;
    paired.forEach(({ open, close, end }, i) => regions.push({ open: open.at, close: close ? close.at : -1, openWidth: open.width, closeWidth: close ? close.width : 0, end, paragraph: index, continued: continuing && i === 0 }));
    if (openAtEnd) regions.push({ open: openAtEnd.at, close: -1, openWidth: openAtEnd.width, closeWidth: 0, end: paragraph[1], paragraph: index, continued: continuing && paired.length === 0 });
    const next = paragraphs[index + 1];
    continuing = openAtEnd !== null && next !== undefined && opensWithMark(text, next, family);
  });
  return regions;
}

/** Is `at` inside one of `regions` (disjoint, in text order)? Binary search on the opening marks. */
function inside(at: number, regions: readonly RawRegion[]): boolean {
  const r = regions[partitionPoint(regions.length, (i) => regions[i].open < at) - 1];
  return r !== undefined && at < r.end;
}

/** Finds the quoted regions of a text. Pure; about linear in the text's length. */
export function extractQuotedRegions(text: string): ExtractedQuotes {
  const paragraphs = paragraphRanges(text);
  const doubles = regionsOf(text, paragraphs, 'double');
  // Single marks inside double quotes are nested quotes; only those outside can be the main style.
  const singles = regionsOf(text, paragraphs, 'single').filter((r) => !inside(r.open, doubles));
  // Archives that print “ as '' keep single marks for nested quotes, whatever their count.
  const doubledApostrophes = (text.match(/''/g) ?? []).length >= 2;
  const style = !doubledApostrophes && singles.filter((r) => r.close >= 0).length > doubles.length ? 'single' : 'double';
  let raw = doubles;
  if (style === 'single') {
    // Double quotes nested inside single ones stay inside; those standing alone still count.
    raw = [...singles, ...doubles.filter((r) => !inside(r.open, singles))].sort((x, y) => x.open - y.open);
  }
  const regions: QuotedRegion[] = [];
  let statement = -1;
  for (const r of raw) {
    const end = r.end;
    let range = trimmedRange(text, r.open + r.openWidth, end);
    const labelled = transcriptLabel(text, range[0], range[1]);
    if (labelled) range = [labelled.rest, range[1]];
    if (!r.continued || statement < 0) statement++;
    if (range[1] <= range[0]) continue;
    let open = r.open;
    let label = labelled ? labelled.label : null;
    // Each further turn (`… back. GUEST: …`) is a region from its label on, in a statement of its own.
    for (let turn = innerLabel(text, range[0], range[1]); turn; turn = innerLabel(text, range[0], range[1])) {
      regions.push({ range: trimmedRange(text, range[0], turn.label[0]), open, close: -1, closeEnd: turn.label[0], paragraph: r.paragraph, statement, label });
      statement++;
      open = turn.label[0];
      label = turn.label;
      range = [turn.rest, range[1]];
    }
    regions.push({ range, open, close: r.close, closeEnd: r.close >= 0 ? r.close + r.closeWidth : end, paragraph: r.paragraph, statement, label });
  }
  // Statement numbers may have gaps where an empty pair was dropped: renumber densely.
  const dense = new Map<number, number>();
  for (const region of regions) {
    if (!dense.has(region.statement)) dense.set(region.statement, dense.size);
    region.statement = dense.get(region.statement) ?? 0;
  }
  return { paragraphs, regions, style };
}
