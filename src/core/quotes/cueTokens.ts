/**
 * The tokens attribution reads: the words and punctuation of each paragraph, with every quoted
 * region folded into one `quote` token. Folding matters: the words inside a quote are the speaker's,
 * not the narrator's, so a `said` or a name inside a quotation must never be taken for a cue.
 */
import { bmpClass, classAt, LETTER_OR_DIGIT, MARK, SPACE, startsCapitalOrDigit, widthAt } from '../text/charClass';
import { ABBREVIATIONS } from './wordLists';
import type { Range } from '../model';

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
// This is the definition; `cueTokens` runs a hand-written scanner that finds exactly the same tokens
// (a unit test checks the two against each other).
export const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’\-./][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*['’]?|[^\s\p{L}\p{N}]/gu;
const HYPHENATED_ADJECTIVE = /^\p{Lu}\p{Ll}+-\p{Ll}/u;

const APOSTROPHE = 39;
const CURLY_APOSTROPHE = 0x2019;

function punct(text: string, start: number, end: number, index: number): CueToken {
  const chars = text.slice(start, end);
  return { kind: 'punct', start, end, text: chars, lower: chars, capital: false, possessive: false, region: -1, index };
}

/**
 * A word token that is not plain lower-case ASCII (`lexInto` makes those itself); `hyphen` and `curly`
 * say whether the word holds a `-` or a `’`, as the scan saw, so that the word is not searched for them.
 */
function makeWord(text: string, start: number, end: number, index: number, hyphen: boolean, curly: boolean): CueToken {
  const word = text.slice(start, end);
  let lower = word.toLowerCase();
  if (curly) lower = lower.replace(CURLY_APOSTROPHES, "'");
  let possessive = false;
  const last = lower.charCodeAt(lower.length - 1);
  if (last === 115 /* s */ && lower.length > 2 && lower.charCodeAt(lower.length - 2) === APOSTROPHE) {
    lower = lower.slice(0, -2);
    possessive = true;
  } else if (last === APOSTROPHE) {
    lower = lower.slice(0, -1);
    possessive = lower.endsWith('s');
  }
  const first = word.charCodeAt(0);
  let capital = first < 0x80 ? (first >= 65 && first <= 90) || (first >= 48 && first <= 57) : startsCapitalOrDigit(word);
  // `Under-pressure` or `Anti-war` opening a sentence is an adjective, not a name.
  if (capital && hyphen && HYPHENATED_ADJECTIVE.test(word)) capital = false;
  return { kind: 'word', start, end, text: word, lower, capital, possessive, region: -1, index };
}

const CURLY_APOSTROPHES = /’/g;

/**
 * Appends the tokens of `[at, limit)` to `tokens`, as `TOKEN` finds them in `text.slice(at, limit)`.
 * Scans `text` in place: no slice per piece and no match object per token. The common cases (ASCII
 * punctuation, plain lower-case words) are made here rather than by a call: the quote thread runs
 * with V8's inlining off (see src/cli/v8Flags.ts), so each call per token costs in full.
 */
function lexInto(tokens: CueToken[], text: string, at: number, limit: number): void {
  while (at < limit) {
    // ASCII looked up inline: a call per token costs until the function is optimised (cold start).
    const first = text.charCodeAt(at);
    const kind = first < 0x80 ? bmpClass[first] : classAt(text, at, limit);
    if (kind === SPACE) {
      at++;
      continue;
    }
    if (kind !== LETTER_OR_DIGIT) {
      if (first < 0x80) {
        const chars = text[at];
        tokens.push({ kind: 'punct', start: at, end: at + 1, text: chars, lower: chars, capital: false, possessive: false, region: -1, index: tokens.length });
        at++;
        continue;
      }
      const end = at + widthAt(text, at, limit);
      tokens.push(punct(text, at, end, tokens.length));
      at = end;
      continue;
    }
    const start = at;
    // Plain lower-case ASCII so far (letters, digits and `'-./`)? Holding a `-`, a `’`?
    let folded = true;
    let hyphen = false;
    let curly = false;
    for (;;) {
      for (;;) {
        const unit = text.charCodeAt(at);
        if (unit < 0x80) {
          if (bmpClass[unit] !== LETTER_OR_DIGIT) break;
          if (unit >= 65 && unit <= 90) folded = false;
          at++;
        } else {
          const next = classAt(text, at, limit);
          if (next !== LETTER_OR_DIGIT && next !== MARK) break;
          folded = false;
          at += widthAt(text, at, limit);
        }
        if (at >= limit) break;
      }
      // A connector joins only when a word character follows it (`U.S` but not `U.S.`).
      const after = text.charCodeAt(at);
      const connector = after === APOSTROPHE || after === CURLY_APOSTROPHE || after === 45 || after === 46 || after === 47;
      if (connector && at + 1 < limit && classAt(text, at + 1, limit) === LETTER_OR_DIGIT) {
        if (after >= 0x80) folded = false;
        if (after === 45) hyphen = true;
        else if (after === CURLY_APOSTROPHE) curly = true;
        at++;
      } else break;
    }
    const unit = at < limit ? text.charCodeAt(at) : -1;
    const apostrophe = unit === APOSTROPHE || unit === CURLY_APOSTROPHE;
    if (first >= 0xd800 && first <= 0xdbff && widthAt(text, start, limit) === 2) {
      // As the regex version did (it looked at the first code unit only): a word that opens with an
      // astral letter (`𝐀𝐁c`) is one punctuation token, a trailing apostrophe included.
      const end = apostrophe ? at + 1 : at;
      tokens.push(punct(text, start, end, tokens.length));
      at = end;
      continue;
    }
    let end = at;
    // A trailing apostrophe belongs to the word only as a plural possessive (`ministers’`).
    let apostropheAfter = apostrophe;
    if (apostrophe) {
      const before = text.charCodeAt(at - 1);
      if (before === 115 || before === 83) {
        end = at + 1;
        folded = folded && unit === APOSTROPHE;
        if (unit === CURLY_APOSTROPHE) curly = true;
        apostropheAfter = false;
      }
      at++;
    }
    if (folded) {
      // A plain lower-case ASCII word, as `makeWord` reads it: its own lower-case form, a capital only if it opens with a digit.
      const word = text.slice(start, end);
      let lower = word;
      let possessive = false;
      const last = text.charCodeAt(end - 1);
      if (last === 115 /* s */ && end - start > 2 && text.charCodeAt(end - 2) === APOSTROPHE) {
        lower = text.slice(start, end - 2);
        possessive = true;
      } else if (last === APOSTROPHE) {
        lower = text.slice(start, end - 1);
        possessive = text.charCodeAt(end - 2) === 115;
      }
      tokens.push({ kind: 'word', start, end, text: word, lower, capital: first <= 57, possessive, region: -1, index: tokens.length });
    } else {
      tokens.push(makeWord(text, start, end, tokens.length, hyphen, curly));
    }
    if (apostropheAfter) tokens.push(punct(text, end, end + 1, tokens.length));
  }
}

/**
 * Tokens of `[start, end)`, with each of `quotes` (ranges from opening mark to just past the
 * closing mark, sorted) replaced by one `quote` token carrying its index in `quotes`.
 */
export function cueTokens(text: string, [start, end]: Range, quotes: ReadonlyArray<{ span: Range; index: number; endsWithStop?: boolean }>): CueToken[] {
  const tokens: CueToken[] = [];
  let at = start;
  for (let q = 0; q < quotes.length; q++) {
    const quote = quotes[q];
    if (quote.span[1] <= start || quote.span[0] >= end) continue;
    const s = Math.max(start, quote.span[0]);
    if (s > at) lexInto(tokens, text, at, s);
    const e = Math.min(end, quote.span[1]);
    tokens.push({ kind: 'quote', start: s, end: e, text: '', lower: quote.endsWithStop ? '.' : '', capital: false, possessive: false, region: quote.index, index: tokens.length });
    at = e;
  }
  if (end > at) lexInto(tokens, text, at, end);
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

/**
 * Index of the first word token of a paragraph's tokens (`tokens.length` when it is all quotes and
 * punctuation). Found afresh each time rather than cached per token list: it is nearly always
 * among the first three tokens, and a cache look-up cost more than the walk.
 */
export function firstWordIndex(tokens: readonly CueToken[]): number {
  let i = 0;
  while (i < tokens.length && tokens[i].kind !== 'word') i++;
  return i;
}

const headlines = new WeakMap<readonly CueToken[], boolean>();
const MINOR = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'as', 'from']);

/**
 * Is the paragraph of these tokens set in headline case (`Trump Says He Will Win`), where a
 * capital says nothing of a name? Most words outside quotes capitalised, short words aside.
 */
export function headlineCased(tokens: readonly CueToken[]): boolean {
  let cased = headlines.get(tokens);
  if (cased === undefined) {
    let words = 0;
    let capitals = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind !== 'word' || MINOR.has(t.lower)) continue;
      words++;
      if (t.capital) capitals++;
    }
    cased = words >= 3 && capitals >= 0.8 * words;
    headlines.set(tokens, cased);
  }
  return cased;
}
