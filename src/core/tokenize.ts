/**
 * Word tokens with their normalised form and their exact place in the original text.
 *
 * Matching works on words, not characters: two outlets that print the same sentence differ in
 * quote marks (“ ” vs "), dashes (– vs -), spacing and line wrapping (CRLF, NBSP, reflowed lines),
 * the case of a sentence's first letter, and `Mr` vs `Mr.`. All of that lives between or around
 * words, so a token is a run of letters and digits (with the marks that combine with them, and
 * apostrophes, hyphens, dots and commas *inside* it: `Afghanistan’s`, `pull-out`, `U.S`, `1,000`),
 * and everything else is a separator that matching never sees. Punctuation-only differences are
 * therefore not reported as word differences, which is what a reader comparing wording wants.
 *
 * The normalised form lower-cases the whole word (simpler and more robust than tracking sentence
 * starts; a reused passage that differs only in the case of a word is still the same passage),
 * folds curly apostrophes to `'`, and unicode hyphens/dashes inside a word to `-`.
 *
 * Tokens are stored column-wise in typed arrays: a 5 MB text has about a million tokens, and
 * objects per token would cost ten times the memory and time.
 */

/** Word tokens of one text: token `i` is `text.slice(start[i], end[i])`, normalised to `norm[i]`. */
export interface Tokens {
  readonly text: string;
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly norm: string[];
}

// A word: letters/digits (each may carry combining marks), joined by single inner connectors.
// The `u` flag makes \p{…} match whole code points, so a token never splits a surrogate pair.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’‘ʼ\-‐‑–.,·][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

const APOSTROPHES = /[’‘ʼ]/g;
const INNER_DASHES = /[‐‑–]/g;

/** The form a word is matched by. */
export function normalizeWord(word: string): string {
  let normal = word.toLowerCase();
  if (normal.length > 1) normal = normal.replace(APOSTROPHES, "'").replace(INNER_DASHES, '-');
  return normal;
}

export function tokenize(text: string): Tokens {
  const start: number[] = [];
  const end: number[] = [];
  const norm: string[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    start.push(match.index);
    end.push(match.index + match[0].length);
    norm.push(normalizeWord(match[0]));
  }
  return { text, count: norm.length, start: Int32Array.from(start), end: Int32Array.from(end), norm };
}

/** Index of the first token that ends after `offset` (tokens.count if none). */
export function tokenAtOrAfter(tokens: Tokens, offset: number): number {
  let low = 0;
  let high = tokens.count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (tokens.end[mid] <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
