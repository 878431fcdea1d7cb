/**
 * Character classes for the two scanners (word tokens in tokenize.ts, cue tokens in cueTokens.ts):
 * whitespace, letter or digit (`\p{L}`, `\p{N}`), combining mark (`\p{M}`), anything else.
 *
 * A Unicode-property regex costs about a microsecond per call, and compiling one costs milliseconds
 * of every short comparison; the class of each distinct BMP code unit is therefore worked out once,
 * on first sight, and kept in a table (ASCII filled in up front without any regex). Module state,
 * but a pure cache of a constant function.
 */
export const SPACE = 0;
export const LETTER_OR_DIGIT = 1;
export const MARK = 2;
export const OTHER = 3;
const UNKNOWN = 255;

const LETTER_OR_DIGIT_CHAR = /^[\p{L}\p{N}]$/u;
const COMBINING_MARK = /^\p{M}$/u;
const WHITE_SPACE = /^\s$/u;

function classify(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  if (LETTER_OR_DIGIT_CHAR.test(char)) return LETTER_OR_DIGIT;
  if (COMBINING_MARK.test(char)) return MARK;
  return WHITE_SPACE.test(char) ? SPACE : OTHER;
}

/**
 * The class of each BMP code unit, UNKNOWN until first seen. Exported so that a scanner's inner loop
 * can look ASCII up inline (`unit < 0x80 ? bmpClass[unit] : classAt(…)`): a call per character costs
 * until the loop is optimised. High surrogates stay UNKNOWN so that `classAt` reads their pair.
 */
export const bmpClass = new Uint8Array(0x10000).fill(UNKNOWN);
for (let unit = 0; unit < 0x80; unit++) {
  const letterOrDigit = (unit >= 48 && unit <= 57) || (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122);
  bmpClass[unit] = letterOrDigit ? LETTER_OR_DIGIT : (unit >= 9 && unit <= 13) || unit === 32 ? SPACE : OTHER;
}

export const isAsciiLower = (unit: number): boolean => unit >= 97 && unit <= 122;

const STARTS_CAPITAL_OR_DIGIT = /^[\p{Lu}\p{N}]/u;

/** Does `word` open with a capital letter or a digit (`/^[\p{Lu}\p{N}]/u`, ASCII settled without the regex)? */
export function startsCapitalOrDigit(word: string): boolean {
  const first = word.charCodeAt(0);
  return first < 0x80 ? (first >= 65 && first <= 90) || (first >= 48 && first <= 57) : STARTS_CAPITAL_OR_DIGIT.test(word);
}

/** Code units taken by the code point at `at`: a surrogate pair counts only when both halves lie before `limit`. */
export function widthAt(text: string, at: number, limit = text.length): number {
  const unit = text.charCodeAt(at);
  if (unit < 0xd800 || unit > 0xdbff || at + 1 >= limit) return 1;
  const next = text.charCodeAt(at + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** Class of the code point at `at` (a surrogate pair before `limit` classified as a whole). */
export function classAt(text: string, at: number, limit = text.length): number {
  const unit = text.charCodeAt(at);
  const known = bmpClass[unit];
  if (known !== UNKNOWN) return known;
  if (unit >= 0xd800 && unit <= 0xdbff) {
    // Astral code points are rare; they are classified each time rather than cached.
    if (widthAt(text, at, limit) === 2) return classify(text.codePointAt(at) ?? unit);
    return OTHER; // a lone high surrogate; not cached, the next one may start a pair
  }
  return (bmpClass[unit] = classify(unit));
}

/** Is the code point at `at` a letter or a digit (`/[\p{L}\p{N}]/u`, a surrogate pair before `limit` read as a whole)? */
export const isLetterOrDigitAt = (text: string, at: number, limit = text.length): boolean => classAt(text, at, limit) === LETTER_OR_DIGIT;
