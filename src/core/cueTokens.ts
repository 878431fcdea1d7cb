/**
 * The tokens attribution reads: the words and punctuation of each paragraph, with every quoted
 * region folded into one `quote` token. Folding matters: the words inside a quote are the speaker's,
 * not the narrator's, so a `said` or a name inside a quotation must never be taken for a cue.
 */
import { ABBREVIATIONS } from './cues';
import type { Range } from './model';

export type CueTokenKind = 'word' | 'punct' | 'quote';

export interface CueToken {
  kind: CueTokenKind;
  start: number;
  end: number;
  /** The token's text; for a `quote` token, the empty string. */
  text: string;
  /**
   * Lower-cased text with curly apostrophes folded and a possessive `'s` removed; for a `quote`
   * token, `.` when the quoted words end with a full stop.
   */
  lower: string;
  /** True for a word that starts with a capital letter (or is an all-digit/capital code like G7). */
  capital: boolean;
  /** True for a word that ended with a possessive `'s`/`’s`/`s'`. */
  possessive: boolean;
  /** For a `quote` token: the index of its region in the caller's list; -1 otherwise. */
  region: number;
  /** The token's own index in its paragraph's token list (so phrases find their place in O(1)). */
  index: number;
}

// Words keep inner apostrophes, hyphens and dots (`China’s`, `so-called`, `U.S`), like the tokenizer.
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’\-./][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*['’]?|[^\s\p{L}\p{N}]/gu;
const CAPITAL = /^[\p{Lu}\p{N}]/u;
const HYPHENATED_ADJECTIVE = /^\p{Lu}\p{Ll}+-\p{Ll}/u;

const isAsciiUpperOrDigit = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
const isAsciiLower = (code: number): boolean => code >= 97 && code <= 122;

function makeWord(text: string, start: number): CueToken {
  // Plain ASCII fast paths first: this runs for every word of every article.
  let lower = text.toLowerCase();
  if (lower.includes('’')) lower = lower.replace(/’/g, "'");
  let possessive = false;
  if (lower.endsWith("'s") && lower.length > 2) {
    lower = lower.slice(0, -2);
    possessive = true;
  } else if (lower.endsWith("'")) {
    lower = lower.slice(0, -1);
    possessive = lower.endsWith('s');
  }
  const code = text.charCodeAt(0);
  let capital = isAsciiUpperOrDigit(code) || (!isAsciiLower(code) && CAPITAL.test(text));
  // `Under-pressure` or `Anti-war` opening a sentence is an adjective, not a name.
  if (capital && text.includes('-') && HYPHENATED_ADJECTIVE.test(text)) capital = false;
  return { kind: 'word', start, end: start + text.length, text, lower, capital, possessive, region: -1, index: -1 };
}

const STARTS_WORD = /[\p{L}\p{N}]/u;

/**
 * Tokens of `[start, end)`, with each of `quotes` (ranges from opening mark to just past the
 * closing mark, sorted) replaced by one `quote` token carrying its index in `quotes`.
 */
export function cueTokens(text: string, [start, end]: Range, quotes: ReadonlyArray<{ span: Range; index: number; endsWithStop?: boolean }>): CueToken[] {
  const tokens: CueToken[] = [];
  let at = start;
  const lexUntil = (limit: number): void => {
    if (limit <= at) return;
    const piece = text.slice(at, limit);
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(piece); m !== null; m = TOKEN.exec(piece)) {
      const s = at + m.index;
      const word = m[0];
      const code = word.charCodeAt(0);
      if (isAsciiUpperOrDigit(code) || isAsciiLower(code) || (code > 127 && STARTS_WORD.test(word[0]))) {
        // A trailing apostrophe belongs to the word only as a plural possessive (`ministers’`).
        const lastChar = word[word.length - 1];
        if ((lastChar === "'" || lastChar === '’') && !/s['’]$/i.test(word)) {
          tokens.push(makeWord(word.slice(0, -1), s));
          tokens.push({ kind: 'punct', start: s + word.length - 1, end: s + word.length, text: word.slice(-1), lower: word.slice(-1), capital: false, possessive: false, region: -1, index: -1 });
        } else {
          tokens.push(makeWord(word, s));
        }
      } else {
        tokens.push({ kind: 'punct', start: s, end: s + word.length, text: word, lower: word, capital: false, possessive: false, region: -1, index: -1 });
      }
    }
    at = limit;
  };
  for (const quote of quotes) {
    if (quote.span[1] <= start || quote.span[0] >= end) continue;
    lexUntil(Math.max(start, quote.span[0]));
    const s = Math.max(start, quote.span[0]);
    const e = Math.min(end, quote.span[1]);
    tokens.push({ kind: 'quote', start: s, end: e, text: '', lower: quote.endsWithStop ? '.' : '', capital: false, possessive: false, region: quote.index, index: -1 });
    at = e;
  }
  lexUntil(end);
  tokens.forEach((token, i) => { token.index = i; });
  return tokens;
}

/** Does the punctuation token at `i` end a sentence? (Not the dot of `Mr.`, `U.S.` or an initial.) */
export function endsSentence(tokens: readonly CueToken[], i: number): boolean {
  const token = tokens[i];
  // `… “… the neighbourhood.” Russia insisted …`: a quotation that ends with a full stop, before a
  // capital, closes its sentence (`“Stop!” he said` does not: only the full stop counts).
  if (token.kind === 'quote') return token.lower === '.' && tokens[i + 1]?.kind === 'word' && tokens[i + 1].capital;
  if (token.kind !== 'punct') return false;
  if (token.text === '!' || token.text === '?' || token.text === ';') return true;
  if (token.text !== '.') return false;
  const before = tokens[i - 1];
  if (before && before.kind === 'word' && before.end === token.start) {
    if (ABBREVIATIONS.has(before.lower) || before.text.includes('.')) return false;
    if (before.text.length === 1 && before.capital) return false;
  }
  const after = tokens[i + 1];
  // A dot before a lower-case word or inside punctuation (`(D-Ohio.)`, `R-Ky.,`) is not an end.
  if (after && after.kind === 'word' && !after.capital) return false;
  if (after && after.kind === 'punct' && /^[,;:)\]]$/.test(after.text)) return false;
  return true;
}

/** Index range `[from, to)` of the sentence holding token `i`, within the paragraph's tokens. */
export function sentenceAround(tokens: readonly CueToken[], i: number): [number, number] {
  // A text with no full stops (a list, a transcript dump) is no sentence: cap the reach so that
  // every quote costs a bounded amount of work.
  let from = i;
  while (from > 0 && i - from < MAX_SENTENCE_TOKENS && !endsSentence(tokens, from - 1)) from--;
  let to = i + 1;
  while (to < tokens.length && to - i < MAX_SENTENCE_TOKENS && !endsSentence(tokens, to - 1)) to++;
  return [from, to];
}

/** How far a sentence reaches on either side of a token, at most. */
export const MAX_SENTENCE_TOKENS = 200;

/** Where a paragraph's first word is, and how many quotations it holds. */
export interface ParagraphShape {
  /** Index of the first word token (`tokens.length` when the paragraph is all quotes and punctuation). */
  firstWord: number;
  quotes: number;
}

const shapes = new WeakMap<readonly CueToken[], ParagraphShape>();

/** The shape of a paragraph's tokens, computed once per token list. */
export function paragraphShape(tokens: readonly CueToken[]): ParagraphShape {
  let shape = shapes.get(tokens);
  if (!shape) {
    const firstWord = tokens.findIndex((t) => t.kind === 'word');
    shape = { firstWord: firstWord < 0 ? tokens.length : firstWord, quotes: tokens.filter((t) => t.kind === 'quote').length };
    shapes.set(tokens, shape);
  }
  return shape;
}
