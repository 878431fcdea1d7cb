/**
 * What makes two quotes a pair: the same words (identical), a part of the other (contained), or
 * close but different words (altered: a possible misquote).
 *
 * False alarms cost a fact-checker's time, so a pair must share real wording: two quotes are only
 * compared when they share a run of four words (or, for a quote of two or three words, when one
 * holds the other whole and has two content words); a one-word quote (`No.`) never pairs; and an
 * altered pair needs a shared run of four words covering most of the shorter quote.
 */
import type { Budget } from '../../budget';
import type { QuoteMatch } from '../../model';
import { diffSequences } from '../../text/sequenceDiff';
import { wordDifferences } from '../../text/wordDiff';
import type { Tokens } from '../../text/tokenize';

export interface QuoteMatchOptions {
  /** Shortest shared run of words that makes two quotes worth comparing. */
  minRun: number;
  /** For `altered`: the share of the shorter quote's words that the two must have in common. */
  minShared: number;
}

export const DEFAULT_QUOTE_MATCH_OPTIONS: QuoteMatchOptions = { minRun: 4, minShared: 0.6 };

/** A quote match before the speakers are compared: everything but `conflict`. */
export type QuotePair = Omit<QuoteMatch, 'conflict'>;

// Words too common to make a two- or three-word quote evidence of anything on their own.
const FUNCTION_WORDS = new Set(`a an the and or but of to in on at for with by from as is are was were be been it its
  this that these those he she they we i you his her their our my your not no yes so very more most`.split(/\s+/));

export interface QuoteWords {
  /** The quote's `Quote.id` (for one of B's candidates, its index among them until `finish` knows the quote). */
  id: number;
  /** Token indices `[from, to)` of the quote in its document. */
  from: number;
  to: number;
  words: string[];
  /** `words` as numbers from one numbering shared by both sides: equal exactly when the words are. */
  ids: Int32Array;
  /**
   * Ids of the quote's runs of `minRun` words and of two words, indexed by their first word (see
   * `RunNumbering`); in A, ABSENT for a run that no B quote holds.
   */
  grams: number[];
  bigrams: number[];
  /** How often each word occurs, built on first need (see `sharedWordsBound`). */
  counts?: Map<number, number>;
}

function wordCounts(q: QuoteWords): Map<number, number> {
  if (!q.counts) {
    q.counts = new Map();
    for (const w of q.ids) q.counts.set(w, (q.counts.get(w) ?? 0) + 1);
  }
  return q.counts;
}

/**
 * The most words two quotes can have in common in any alignment (their multiset intersection):
 * an upper bound on the diff's `shared`. Quotes that open with the same boilerplate (`We will not
 * accept …`) are all candidates of each other; this O(words) bound rules most such
 * pairs out before a diff, which would make them quadratic in the number of quotes.
 */
function sharedWordsBound(qa: QuoteWords, qb: QuoteWords): number {
  const [small, large] = qa.words.length <= qb.words.length ? [wordCounts(qa), wordCounts(qb)] : [wordCounts(qb), wordCounts(qa)];
  let bound = 0;
  for (const [word, count] of small) bound += Math.min(count, large.get(word) ?? 0);
  return bound;
}

/**
 * Index of `inner` as a contiguous run in `outer`, or -1. Knuth-Morris-Pratt, linear in both
 * lengths: a naive search is quadratic on quotes over a few words (`a a a … b` in `a a a a …`).
 */
export function runIndex(outer: ArrayLike<number>, inner: ArrayLike<number>): number {
  const m = inner.length;
  if (m === 0) return 0;
  if (m > outer.length) return -1;
  // fallback[j]: length of the longest proper prefix of inner[0..j] that is also its suffix.
  const fallback = new Int32Array(m);
  for (let j = 1, k = 0; j < m; j++) {
    while (k > 0 && inner[j] !== inner[k]) k = fallback[k - 1];
    if (inner[j] === inner[k]) k++;
    fallback[j] = k;
  }
  for (let i = 0, k = 0; i < outer.length; i++) {
    while (k > 0 && outer[i] !== inner[k]) k = fallback[k - 1];
    if (outer[i] === inner[k]) k++;
    if (k === m) return i - m + 1;
  }
  return -1;
}

/** A quote shorter than a shared run counts only with two content words (`deeply concerned`, not `in the end`). */
const meaningful = (words: readonly string[], minRun: number): boolean =>
  words.length >= minRun || words.filter((w) => !FUNCTION_WORDS.has(w) && w.length > 2).length >= 2;

/** Longest run of differing words at a quote's start or end still read as part of an altered quote. */
const EDGE_WORDS = 3;

/**
 * Most words dropped or inserted that the word diff of two quotes looks for: beyond it the pair is
 * `unaligned`. The diff's work grows with the quotes' length times this bound.
 */
export const MAX_QUOTE_EDITS = 256;

/**
 * The budgets of quote pairing (see QuotePairing): words looked at by comparisons and candidate
 * scans; and the work of word diffs, counted as both quotes' words times the edits found (the
 * bound on a diff's work, reached on texts built for it, far from it on articles).
 */
export interface PairingBudgets {
  words: Budget;
  diffs: Budget;
}

/**
 * The pair of `qa` and `qb`, or null. The work is charged to `budgets`: nothing is compared once
 * the words are spent, and a pair that would need a diff once the diffs are spent is reported unaligned.
 */
export function compare(qa: QuoteWords, qb: QuoteWords, tokensA: Tokens, tokensB: Tokens, settings: QuoteMatchOptions, budgets: PairingBudgets): QuotePair | null {
  const base = { a: qa.id, b: qb.id, differences: [] };
  if (qa.words.length < 2 || qb.words.length < 2) return null;
  if (!budgets.words.take(qa.words.length + qb.words.length)) return null;
  // Word ids, not strings, compared here and in the diff: a number compare instead of a string compare.
  if (qa.words.length === qb.words.length && runIndex(qa.ids, qb.ids) === 0) return { ...base, kind: 'identical' };
  const aLonger = qa.words.length > qb.words.length;
  const [outer, inner] = aLonger ? [qa, qb] : [qb, qa];
  if (runIndex(outer.ids, inner.ids) >= 0) {
    return meaningful(inner.words, settings.minRun) ? { ...base, kind: 'contained', container: aLonger ? 'a' : 'b' } : null;
  }
  if (inner.words.length < settings.minRun + 1) return null;
  if (sharedWordsBound(qa, qb) < settings.minShared * inner.words.length) return null;
  // Altered: align the two word by word (Myers' diff) and require a long shared run covering most of the shorter one.
  // The diff is bounded (MAX_QUOTE_EDITS, and a length difference beyond it needs as many edits)
  // because two long quotes that share some words otherwise take minutes to align word by word.
  // Past the bound the pair is still reported, as altered but unaligned: it shares a run of
  // `minRun` words (that is how it became a candidate) and passed the bound on shared words above.
  const length = qa.words.length + qb.words.length;
  const unaligned: QuotePair = { ...base, kind: 'altered', unaligned: true };
  if (Math.abs(qa.words.length - qb.words.length) > MAX_QUOTE_EDITS || !budgets.diffs.take(length)) return unaligned;
  const changes = diffSequences(qa.ids, qb.ids, MAX_QUOTE_EDITS);
  if (changes === undefined) {
    budgets.diffs.spend(length * MAX_QUOTE_EDITS);
    return unaligned;
  }
  let edits = 0;
  for (const change of changes) if (change.added || change.removed) edits += change.count;
  budgets.diffs.spend(length * Math.max(0, edits - 1));
  let shared = 0;
  let longest = 0;
  let ia = 0;
  let ib = 0;
  let firstA = -1;
  let firstB = -1;
  let lastA = 0;
  let lastB = 0;
  for (const change of changes) {
    const count = change.count;
    if (change.added) ib += count;
    else if (change.removed) ia += count;
    else {
      if (firstA < 0) {
        firstA = ia;
        firstB = ib;
      }
      shared += count;
      longest = Math.max(longest, count);
      ia += count;
      ib += count;
      lastA = ia;
      lastB = ib;
    }
  }
  if (longest < settings.minRun || shared < settings.minShared * inner.words.length) return null;
  // A word changed at the very start or end of a quote ("… alive for generations" vs "… alive for
  // decades") lies outside the shared runs, but it is the misquote a reader needs to see: take a
  // short unmatched edge into the comparison when both quotes have one there.
  if (firstA > 0 && firstB > 0 && firstA <= EDGE_WORDS && firstB <= EDGE_WORDS) {
    firstA = 0;
    firstB = 0;
  }
  const tailA = qa.words.length - lastA;
  const tailB = qb.words.length - lastB;
  if (tailA > 0 && tailB > 0 && tailA <= EDGE_WORDS && tailB <= EDGE_WORDS) {
    lastA = qa.words.length;
    lastB = qb.words.length;
  }
  const differences = wordDifferences(tokensA, qa.from + firstA, qa.from + lastA, tokensB, qb.from + firstB, qb.from + lastB, MAX_QUOTE_EDITS);
  // Two cuts of one statement that overlap (no word differs where they meet) are not a misquote:
  // pair them as contained when the shorter lies mostly inside the longer.
  if (differences.length === 0) return shared >= 0.8 * inner.words.length ? { ...base, kind: 'contained', container: aLonger ? 'a' : 'b' } : null;
  return { ...base, kind: 'altered', differences };
}
