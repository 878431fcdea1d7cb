/**
 * Where sentences and paragraphs start and end, at the level of word tokens. Used to keep shared
 * passages from ending on a word or two of the next sentence (two articles often both follow a
 * reused paragraph with "The" or "He said") and to trust short extensions that stop exactly at a
 * sentence edge in both texts.
 */
import { isAsciiLower } from './charClass';
import { wordAt, type Tokens } from './tokenize';

// Words after which a full stop is (almost) never the end of a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm',
  'jr', 'sr', 'rev', 'hon', 'pres', 'sec', 'no', 'vs', 'inc', 'corp', 'co', 'ltd', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'del', 'ave', 'dept', 'est', 'approx',
]);

// Sentence-final punctuation, then closing quotes/brackets, then a space or the end of the text.
const SENTENCE_END = /[.!?…]["'”’»)\]]*(?:\s|$)/;
// Two line breaks of any kind (`\n`, `\r\n`, or the lone `\r` that the editor also counts) with only
// spaces between; a CRLF is one line break, never a CR and an LF.
const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)[^\S\r\n]*(?:\r\n|\r(?!\n)|\n)/;
const LOWERCASE_START = /^\p{Ll}/u;
const LINE_BREAK = /[\r\n]/;

function startsLowerCase(text: string, at: number): boolean {
  const unit = text.charCodeAt(at);
  // ASCII answered without the Unicode regex, whose first use costs milliseconds of a short comparison.
  if (unit < 0x80) return isAsciiLower(unit);
  return LOWERCASE_START.test(text.slice(at, at + 2));
}

/**
 * True when a sentence (or paragraph) boundary lies between token `t - 1` and token `t`; the
 * start and the end of the text count as boundaries (`t === 0`, `t === tokens.count`).
 */
export function isSentenceBoundary(tokens: Tokens, t: number): boolean {
  if (t <= 0 || t >= tokens.count) return true;
  const separator = tokens.text.slice(tokens.end[t - 1], tokens.start[t]);
  if (BLANK_LINE.test(separator)) return true;
  if (!SENTENCE_END.test(separator)) return false;
  // "Mr. Raab", "the U.S. embassy", "J. Smith": a full stop that ends an abbreviation or an
  // initial, or is followed by a lower-case word, does not end the sentence.
  if (startsLowerCase(tokens.text, tokens.start[t])) return false;
  const previous = wordAt(tokens, t - 1);
  if (separator.startsWith('.') && (ABBREVIATIONS.has(previous) || previous.length === 1)) return false;
  return true;
}

/**
 * Memoised sentence and paragraph edges of one text: passage building asks about the same edges again
 * and again, and a comparison of many documents asks about each document for every pair it is in.
 */
export class DocumentEdges {
  // Per token edge: 0 not yet known, else EDGE_KNOWN and the flags below.
  private readonly cache: Uint8Array;

  constructor(readonly tokens: Tokens) {
    this.cache = new Uint8Array(tokens.count + 1);
  }

  /** Whether a sentence ends between tokens `t - 1` and `t` (`isSentenceBoundary`). */
  at(t: number): boolean {
    return (edgeFlags(this.tokens, this.cache, t) & SENTENCE) !== 0;
  }

  /**
   * Whether a paragraph ends between tokens `t - 1` and `t`: a blank line, or a sentence that ends
   * its line (texts with a paragraph per line); the text's edges count.
   */
  paragraph(t: number): boolean {
    return (edgeFlags(this.tokens, this.cache, t) & PARAGRAPH) !== 0;
  }

  /**
   * Whether a sentence may end between tokens `t - 1` and `t` as an editor cutting one out sees it:
   * sentence-final punctuation before a space, after a title or an initial too ("…said Mr. | Trump",
   * "…of the U.S. | The"), or any sentence edge.
   */
  loose(t: number): boolean {
    return (edgeFlags(this.tokens, this.cache, t) & LOOSE) !== 0;
  }
}

/** The memoised edges of the two texts of one alignment. */
export class SentenceEdges {
  private readonly edgesA: DocumentEdges;
  private readonly edgesB: DocumentEdges;

  constructor(a: Tokens | DocumentEdges, b: Tokens | DocumentEdges) {
    this.edgesA = a instanceof DocumentEdges ? a : new DocumentEdges(a);
    this.edgesB = b instanceof DocumentEdges ? b : new DocumentEdges(b);
  }

  inA(t: number): boolean {
    return this.edgesA.at(t);
  }

  inB(t: number): boolean {
    return this.edgesB.at(t);
  }

  paragraphInA(t: number): boolean {
    return this.edgesA.paragraph(t);
  }

  paragraphInB(t: number): boolean {
    return this.edgesB.paragraph(t);
  }

  looseInA(t: number): boolean {
    return this.edgesA.loose(t);
  }

  looseInB(t: number): boolean {
    return this.edgesB.loose(t);
  }
}

const EDGE_KNOWN = 1;
const LOOSE = 2;
const SENTENCE = 4;
const PARAGRAPH = 8;

function edgeFlags(tokens: Tokens, cache: Uint8Array, t: number): number {
  if (cache[t] === 0) {
    let flags = EDGE_KNOWN;
    if (t <= 0 || t >= tokens.count) flags |= LOOSE | SENTENCE | PARAGRAPH;
    // Most gaps hold one space: only those with a sentence-final mark or a line break are read.
    else if (tokens.mayEndBefore[t] !== 0) {
      const separator = tokens.text.slice(tokens.end[t - 1], tokens.start[t]);
      if (BLANK_LINE.test(separator)) flags |= LOOSE | SENTENCE | PARAGRAPH;
      else if (SENTENCE_END.test(separator)) {
        flags |= LOOSE;
        if (isSentenceBoundary(tokens, t)) flags |= SENTENCE | (LINE_BREAK.test(separator) ? PARAGRAPH : 0);
      }
    }
    cache[t] = flags;
  }
  return cache[t];
}
