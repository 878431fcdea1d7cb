/**
 * Pairs quotes across two articles: the same words (identical), a part of the other (contained),
 * or close but different words (altered: a possible misquote), and flags an attribution conflict
 * where the two articles give those words to different speakers.
 *
 * False alarms cost a fact-checker's time, so a pair must share real wording: two quotes are only
 * compared when they share a run of four words (or, for a quote of two or three words, when one
 * holds the other whole and has two content words); a one-word quote (`No.`) never pairs; and an
 * altered pair needs a shared run of four words covering most of the shorter quote.
 */
import { diffArrays } from 'diff';
import type { Quote, QuoteMatch } from './model';
import { tokenAtOrAfter, type Tokens } from './tokenize';
import { wordDifferences } from './wordDiff';

/** One document's side of the matching: its tokens (of the whole text) and its quotes. */
export interface QuoteSide {
  tokens: Tokens;
  quotes: readonly Quote[];
}

export interface QuoteMatchOptions {
  /** Shortest shared run of words that makes two quotes worth comparing. */
  minRun: number;
  /** For `altered`: the share of the shorter quote's words that the two must have in common. */
  minShared: number;
}

export const DEFAULT_QUOTE_MATCH_OPTIONS: QuoteMatchOptions = { minRun: 4, minShared: 0.6 };

// Words too common to make a two- or three-word quote evidence of anything on their own.
const FUNCTION_WORDS = new Set(`a an the and or but of to in on at for with by from as is are was were be been it its
  this that these those he she they we i you his her their our my your not no yes so very more most`.split(/\s+/));

interface QuoteWords {
  quote: Quote;
  /** Token indices `[from, to)` of the quote in its document. */
  from: number;
  to: number;
  words: string[];
  /** How often each word occurs, built on first need (see `sharedWordsBound`). */
  counts?: Map<string, number>;
}

function wordCounts(q: QuoteWords): Map<string, number> {
  if (!q.counts) {
    q.counts = new Map();
    for (const w of q.words) q.counts.set(w, (q.counts.get(w) ?? 0) + 1);
  }
  return q.counts;
}

/**
 * The most words two quotes can have in common in any alignment (their multiset intersection):
 * an upper bound on jsdiff's `shared`. Quotes that open with the same boilerplate (`We will not
 * accept …`) are all candidates of each other; ruling most pairs out with this O(words) bound
 * instead of a diff took 100 KB of such quotes from 26 s to well under a second.
 */
function sharedWordsBound(qa: QuoteWords, qb: QuoteWords): number {
  const [small, large] = qa.words.length <= qb.words.length ? [wordCounts(qa), wordCounts(qb)] : [wordCounts(qb), wordCounts(qa)];
  let bound = 0;
  for (const [word, count] of small) bound += Math.min(count, large.get(word) ?? 0);
  return bound;
}

function quoteWords(side: QuoteSide): QuoteWords[] {
  return side.quotes.map((quote) => {
    const from = tokenAtOrAfter(side.tokens, quote.range[0]);
    let to = from;
    while (to < side.tokens.count && side.tokens.start[to] < quote.range[1]) to++;
    return { quote, from, to, words: side.tokens.norm.slice(from, to) };
  });
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const gramsOf = (words: readonly string[], n: number): string[] => {
  const grams: string[] = [];
  // Concatenation instead of slice().join(): no throw-away array per gram (a sizeable share of the
  // matcher's time on texts with thousands of quotes).
  for (let i = 0; i + n <= words.length; i++) {
    let gram = words[i];
    for (let k = i + 1; k < i + n; k++) gram += ' ' + words[k];
    grams.push(gram);
  }
  return grams;
};

/** Index of `inner` as a contiguous run in `outer`, or -1. */
function runIndex(outer: readonly string[], inner: readonly string[]): number {
  outer: for (let i = 0; i + inner.length <= outer.length; i++) {
    for (let j = 0; j < inner.length; j++) if (outer[i + j] !== inner[j]) continue outer;
    return i;
  }
  return -1;
}

/** A quote shorter than a shared run counts only with two content words (`deeply concerned`, not `in the end`). */
const meaningful = (words: readonly string[], minRun: number): boolean =>
  words.length >= minRun || words.filter((w) => !FUNCTION_WORDS.has(w) && w.length > 2).length >= 2;

function conflicting(a: Quote, b: Quote, sameSpeaker: (a: number, b: number) => boolean): boolean {
  return a.speaker !== null && b.speaker !== null && !sameSpeaker(a.speaker.speaker, b.speaker.speaker);
}

/**
 * Quote pairs between A and B, in the order of A's quotes then B's. Speaker ids are compared with
 * `sameSpeaker` (by default equal ids, which is right once both sides use merged speaker ids).
 */
export function matchQuotes(
  a: QuoteSide,
  b: QuoteSide,
  options: Partial<QuoteMatchOptions> = {},
  sameSpeaker: (a: number, b: number) => boolean = (x, y) => x === y,
): QuoteMatch[] {
  const settings = { ...DEFAULT_QUOTE_MATCH_OPTIONS, ...options };
  const wordsA = quoteWords(a);
  const wordsB = quoteWords(b);
  // Candidate pairs through shared runs of `minRun` words; short quotes are looked up whole.
  const byGram = new Map<string, number[]>();
  wordsB.forEach((q, i) => {
    for (const gram of new Set(gramsOf(q.words, settings.minRun))) push(byGram, gram, i);
  });
  // Short quotes (two words up to `minRun`) pair only by containment: find them through bigrams.
  const shortB = new Map<string, number[]>();
  const bigramsB = new Map<string, number[]>();
  wordsB.forEach((q, i) => {
    if (q.words.length >= 2 && q.words.length < settings.minRun) push(shortB, gramsOf(q.words, 2)[0], i);
    for (const gram of new Set(gramsOf(q.words, 2))) push(bigramsB, gram, i);
  });
  const matches: QuoteMatch[] = [];
  const overlapping = settings.minShared > 0 ? overlapCandidates(wordsA, wordsB, settings.minShared) : null;
  const gramSetsB: Array<Set<string> | undefined> = [];
  const bigramSetsB: Array<Set<string> | undefined> = [];
  wordsA.forEach((qa) => {
    const lists: number[][] = [];
    for (const gram of gramsOf(qa.words, settings.minRun)) lists.push(byGram.get(gram) ?? []);
    for (const gram of gramsOf(qa.words, 2)) lists.push(shortB.get(gram) ?? []);
    if (qa.words.length >= 2 && qa.words.length < settings.minRun) lists.push(bigramsB.get(gramsOf(qa.words, 2)[0]) ?? []);
    const cost = lists.reduce((sum, list) => sum + list.length, 0);
    let candidates: number[];
    if (overlapping && cost > OVERLAP_FILTER_ABOVE) {
      // The same gram rules, tested only on the B quotes that can share enough words
      // (`overlapCandidates`): a boilerplate opening (`We will not accept …`) puts every quote in
      // every other's gram lists, which made this loop quadratic in the number of quotes. Both ways
      // give the same matches; the lists are cheaper when short.
      const gramsA = gramsOf(qa.words, settings.minRun);
      const bigramsA = new Set(gramsOf(qa.words, 2));
      const shortA = qa.words.length >= 2 && qa.words.length < settings.minRun;
      candidates = overlapping(qa).filter((i) => {
        const qb = wordsB[i];
        const gramsB = (gramSetsB[i] ??= new Set(gramsOf(qb.words, settings.minRun)));
        if (gramsA.some((gram) => gramsB.has(gram))) return true;
        if (qb.words.length >= 2 && qb.words.length < settings.minRun && bigramsA.has(gramsOf(qb.words, 2)[0])) return true;
        return shortA && (bigramSetsB[i] ??= new Set(gramsOf(qb.words, 2))).has(gramsOf(qa.words, 2)[0]);
      });
    } else {
      const found = new Set<number>();
      for (const list of lists) for (const i of list) found.add(i);
      candidates = [...found].sort((x, y) => x - y);
    }
    // A quote printed hundreds of times in the other article (a chant, a slogan, a generated or
    // hostile text) would otherwise pair with every copy: matches growing with the square of the
    // repetitions, none of them telling a reader more than the first few do.
    for (const i of candidates.slice(0, MAX_PARTNERS)) {
      const match = compare(qa, wordsB[i], a.tokens, b.tokens, settings);
      if (match) matches.push({ ...match, conflict: conflicting(qa.quote, wordsB[i].quote, sameSpeaker) });
    }
  });
  return matches;
}

/** Longest run of differing words at a quote's start or end still read as part of an altered quote. */
const EDGE_WORDS = 3;

/** Most B quotes one A quote is compared with (its first candidates in B's order). */
export const MAX_PARTNERS = 8;

/** Gram-list entries for one A quote above which prefix filtering is the cheaper way to its candidates. */
const OVERLAP_FILTER_ABOVE = 256;

/**
 * For each A quote, the B quotes (ascending) that could share `minShared` of the shorter quote's
 * words, found by prefix filtering: if two word multisets share at least t words, the shorter one's
 * |S| - t + 1 rarest words include a shared one. Every pair `compare` accepts shares that many words
 * (identical and contained pairs share all of the shorter quote), so this drops no match; indexing
 * only the rarest words keeps boilerplate-heavy texts from pairing every quote with every quote.
 */
function overlapCandidates(wordsA: readonly QuoteWords[], wordsB: readonly QuoteWords[], minShared: number): (qa: QuoteWords) => number[] {
  const frequency = new Map<string, number>();
  for (const q of [...wordsA, ...wordsB]) for (const w of new Set(q.words)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const rarestWords = (words: readonly string[]): Set<string> => {
    const needed = Math.min(words.length, Math.ceil(minShared * words.length));
    const ordered = [...words].sort((x, y) => (frequency.get(x) ?? 0) - (frequency.get(y) ?? 0) || (x < y ? -1 : x > y ? 1 : 0));
    return new Set(ordered.slice(0, words.length - needed + 1));
  };
  const byRareWordB = new Map<string, number[]>();
  const byWordB = new Map<string, number[]>();
  wordsB.forEach((q, i) => {
    if (q.words.length < 2) return;
    for (const w of rarestWords(q.words)) push(byRareWordB, w, i);
    for (const w of new Set(q.words)) push(byWordB, w, i);
  });
  return (qa) => {
    if (qa.words.length < 2) return [];
    const found = new Set<number>();
    // B no longer than A: B's rarest words meet A's. B no shorter: A's rarest words meet B's.
    for (const w of new Set(qa.words)) for (const i of byRareWordB.get(w) ?? []) if (wordsB[i].words.length <= qa.words.length) found.add(i);
    for (const w of rarestWords(qa.words)) for (const i of byWordB.get(w) ?? []) if (wordsB[i].words.length >= qa.words.length) found.add(i);
    return [...found].sort((x, y) => x - y);
  };
}

function compare(qa: QuoteWords, qb: QuoteWords, tokensA: Tokens, tokensB: Tokens, settings: QuoteMatchOptions): Omit<QuoteMatch, 'conflict'> | null {
  const base = { a: qa.quote.id, b: qb.quote.id, differences: [] };
  if (qa.words.length < 2 || qb.words.length < 2) return null;
  if (qa.words.length === qb.words.length && runIndex(qa.words, qb.words) === 0) return { ...base, kind: 'identical' };
  const aLonger = qa.words.length > qb.words.length;
  const [outer, inner] = aLonger ? [qa.words, qb.words] : [qb.words, qa.words];
  if (runIndex(outer, inner) >= 0) {
    return meaningful(inner, settings.minRun) ? { ...base, kind: 'contained', container: aLonger ? 'a' : 'b' } : null;
  }
  if (inner.length < settings.minRun + 1) return null;
  if (sharedWordsBound(qa, qb) < settings.minShared * inner.length) return null;
  // Altered: align the two with jsdiff and require a long shared run covering most of the shorter one.
  const changes = diffArrays(qa.words, qb.words);
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
  if (longest < settings.minRun || shared < settings.minShared * inner.length) return null;
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
  const differences = wordDifferences(tokensA, qa.from + firstA, qa.from + lastA, tokensB, qb.from + firstB, qb.from + lastB);
  // Two cuts of one statement that overlap (no word differs where they meet) are not a misquote:
  // pair them as contained when the shorter lies mostly inside the longer.
  if (differences.length === 0) return shared >= 0.8 * inner.length ? { ...base, kind: 'contained', container: aLonger ? 'a' : 'b' } : null;
  return { ...base, kind: 'altered', differences };
}
