/**
 * Parsers give a text node's decoded value and the source span it came from, not where each
 * character of the value stands. This walks the two side by side and hands out the value in pieces
 * with exact source spans: runs copied from the source, each character reference as a whole
 * (`&amp;` for `&`), each backslash escape as a whole (`\*` for `*`), `\r\n` for the `\n` a parser
 * normalised it to. What the source holds and the value does not (a stray end tag inside an HTML
 * text node, a Markdown block quote's `>` at the start of a continuation line, the indent of a list
 * item) is stepped over.
 */
import { DecodingMode, HtmlEntityDecoder } from 'entities';

export interface AlignOptions {
  /** HTML text accepts the legacy references without `;` (`&copy 2024`); CommonMark needs the `;`; code spans decode none. */
  references: 'legacy' | 'strict' | 'none';
  /** CommonMark's backslash escapes of ASCII punctuation. */
  backslashEscapes: boolean;
  /** Step over a whole tag where the value does not have its `<` (an HTML parser merges text across a stray end tag). */
  skipTags: boolean;
  /**
   * Step over a Markdown container prefix (block quote `>`s, indentation) at the start of each
   * source line: a paragraph's text never starts a line with those, so a `>` there is markup even
   * where the value has a `>` (escaped, further on) to match.
   */
  linePrefixes: boolean;
}

/** Receives the value piece by piece: `text` read from source `[sourceStart, sourceEnd)`. */
export type AlignSink = (text: string, sourceStart: number, sourceEnd: number) => void;

const AMPERSAND = 0x26;
const BACKSLASH = 0x5c;
const LESS_THAN = 0x3c;
const CARRIAGE_RETURN = 0x0d;
const LINE_FEED = 0x0a;
const NUL = 0;
const REPLACEMENT_CHARACTER = 0xfffd;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

function isLinePrefix(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3e;
}

function isAsciiPunctuation(code: number): boolean {
  return (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** After `<`, these make a tag, a comment or a declaration; anything else leaves the `<` as text. */
function isMarkupStart(code: number): boolean {
  return isAsciiLetter(code) || code === 0x2f || code === 0x21 || code === 0x3f;
}

/** Just past the tag at `at`: its `>`, not one inside a quoted attribute value. */
function tagEnd(source: string, at: number, end: number): number {
  let quote = 0;
  for (let j = at + 1; j < end; j++) {
    const code = source.charCodeAt(j);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if ((code === 0x22 || code === 0x27) && source.charCodeAt(j - 1) === 0x3d) quote = code;
    else if (code === 0x3e) return j + 1;
  }
  return end;
}

/** Decodes one character reference at a time, with the exact rules of the HTML5 tokenizer. */
export class ReferenceDecoder {
  private decoded = '';
  private readonly decoder = new HtmlEntityDecoder((codePoint) => {
    this.decoded += String.fromCodePoint(codePoint);
  });

  /** The reference starting with the `&` at `at`: its decoded text and source length, or undefined. */
  decodeAt(source: string, at: number, mode: 'legacy' | 'strict'): { text: string; length: number } | undefined {
    this.decoded = '';
    this.decoder.startEntity(mode === 'legacy' ? DecodingMode.Legacy : DecodingMode.Strict);
    let length = this.decoder.write(source, at + 1);
    if (length < 0) length = this.decoder.end();
    return length > 0 && this.decoded.length > 0 ? { text: this.decoded, length } : undefined;
  }
}

/**
 * What the walks over one source share: the reference decoder, and where the next character that
 * may need more than a copy (`&`, `<`, `\\`, `\r`) and the next line feed stand. Those positions are
 * found once and kept until the walk passes them: text nodes come in source order, so every search
 * covers new ground, and reading a page stays linear however many text nodes it has.
 */
export class AlignContext {
  readonly references = new ReferenceDecoder();
  private special = -1;
  private lineFeed = -1;
  private readonly specials = /[&<\\\r]/g;

  constructor(private readonly source: string) {}

  /** The first of `&`, `<`, `\\`, `\r` at or after `from` (the source's length if none). */
  nextSpecial(from: number): number {
    if (this.special < from) {
      this.specials.lastIndex = from;
      const found = this.specials.exec(this.source);
      this.special = found === null ? this.source.length : found.index;
    }
    return this.special;
  }

  /** The first line feed at or after `from` (the source's length if none). */
  nextLineFeed(from: number): number {
    if (this.lineFeed < from) {
      const found = this.source.indexOf('\n', from);
      this.lineFeed = found < 0 ? this.source.length : found;
    }
    return this.lineFeed;
  }
}

/**
 * Feeds `value`, the decoded text of source `[start, end)`, to `sink`. Returns how many characters
 * of the value found no source (given zero-width spans where the walk stood); 0 when aligned.
 */
export function alignDecoded(
  value: string,
  source: string,
  start: number,
  end: number,
  options: AlignOptions,
  context: AlignContext,
  sink: AlignSink,
): number {
  const { references } = context;
  // Most text nodes are their source as it stands (no reference, no line break to normalise).
  if (end - start === value.length && source.startsWith(value, start)) {
    sink(value, start, end);
    return 0;
  }
  let i = 0;
  let j = start;
  let prefixSkippedAt = -1;
  while (i < value.length && j < end) {
    if (options.linePrefixes && j > start && source.charCodeAt(j - 1) === LINE_FEED && prefixSkippedAt !== j) {
      while (j < end && isLinePrefix(source.charCodeAt(j))) j++;
      prefixSkippedAt = j;
      continue;
    }
    const v = value.charCodeAt(i);
    const c = source.charCodeAt(j);
    if (c === LESS_THAN && options.skipTags && isMarkupStart(source.charCodeAt(j + 1))) {
      j = tagEnd(source, j, end);
      continue;
    }
    if (c === AMPERSAND && options.references !== 'none') {
      const reference = references.decodeAt(source, j, options.references);
      if (reference !== undefined && value.startsWith(reference.text, i)) {
        sink(reference.text, j, j + reference.length);
        i += reference.text.length;
        j += reference.length;
        continue;
      }
    }
    if (c === BACKSLASH && options.backslashEscapes && j + 1 < end && source.charCodeAt(j + 1) === v && isAsciiPunctuation(v)) {
      sink(value[i], j, j + 2);
      i++;
      j += 2;
      continue;
    }
    if (v === c) {
      // A run of identical characters, up to the next place where the source may say more than the
      // value: found by the regex engine, and taken whole when the value has it too.
      const runEnd = Math.min(end, context.nextSpecial(j + 1), options.linePrefixes ? context.nextLineFeed(j) + 1 : end);
      if (runEnd - j > 1 && runEnd - j <= value.length - i && value.startsWith(source.slice(j, runEnd), i)) {
        sink(value.slice(i, i + runEnd - j), j, runEnd);
        i += runEnd - j;
        j = runEnd;
        continue;
      }
      let k = 1;
      while (i + k < value.length && j + k < end) {
        if (options.linePrefixes && source.charCodeAt(j + k - 1) === LINE_FEED) break;
        const next = source.charCodeAt(j + k);
        if (next !== value.charCodeAt(i + k) || next === AMPERSAND || next === BACKSLASH || next === CARRIAGE_RETURN || next === LESS_THAN) break;
        k++;
      }
      sink(value.slice(i, i + k), j, j + k);
      i += k;
      j += k;
      continue;
    }
    if (c === CARRIAGE_RETURN && v === LINE_FEED) {
      const length = j + 1 < end && source.charCodeAt(j + 1) === LINE_FEED ? 2 : 1;
      sink('\n', j, j + length);
      i++;
      j += length;
      continue;
    }
    if (c === NUL && v === REPLACEMENT_CHARACTER) {
      sink(value[i], j, j + 1);
      i++;
      j++;
      continue;
    }
    if (isSpace(v) && isSpace(c)) {
      // A parser may write a line ending or a tab as a space (a code span, a tab stop).
      sink(value[i], j, j + 1);
      i++;
      j++;
      continue;
    }
    if (isSpace(v)) {
      // Whitespace the parser made up (a tab expanded to spaces): it stands where the walk is.
      sink(value[i], j, j);
      i++;
      continue;
    }
    j++;
  }
  const unmatched = value.length - i;
  if (unmatched > 0) sink(value.slice(i), j, j);
  return unmatched;
}
