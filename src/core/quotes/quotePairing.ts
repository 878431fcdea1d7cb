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
import type { Quote, QuoteMatch, Range } from '../model';
import { firstAbove } from '../text/binarySearch';
import { Vocabulary, wordsOf, type Tokens } from '../text/tokenize';
import { wordDifferences } from '../text/wordDiff';

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

/** A quote's `ids` until `numberWords` fills them. */
const NO_IDS = new Int32Array(0);

/** The id of a run of words that no B quote holds: A's runs are looked up, never numbered. */
const ABSENT = -1;

/**
 * Numbers for runs of words, equal exactly when the words are: two words are numbered as the pair
 * of their word ids, more as the pair (all but the last two words, the last two words). Numbers
 * instead of strings joined per run as map keys: building and hashing those strings was most of
 * matchQuotes' time at 1 MB.
 */
class RunNumbering {
  // The pairs in a hash table on typed arrays (open addressing, linear probing) instead of a Map
  // keyed `first * 2^26 + second`: such keys are heap numbers, and that Map took 13 ms at 1 MB.
  private readonly firsts: Int32Array;
  private readonly seconds: Int32Array;
  /** The run's id + 1 in each slot; 0 marks a free slot. */
  private readonly slotIds: Int32Array;
  /** 32 - log2 of the table size: a hash's top bits pick the slot. */
  private readonly shift: number;
  private nextId: number;
  private readonly lastId: number;

  /** Run ids start after the word ids `[0, wordIds)`; at most `maxRuns` runs will be added. */
  constructor(wordIds: number, maxRuns: number) {
    // Sized once, at least half free so that a probe soon meets a free slot: growing the table
    // step by step cost a tenth of the first (cold) call.
    let size = 16;
    while (size < 2 * maxRuns) size *= 2;
    this.shift = 32 - Math.log2(size);
    this.firsts = new Int32Array(size);
    this.seconds = new Int32Array(size);
    this.slotIds = new Int32Array(size);
    this.nextId = wordIds;
    this.lastId = wordIds + maxRuns - 1;
    // Ids (plus one) must fit the Int32Array slots.
    if (this.lastId >= 2 ** 31 - 1) throw new RangeError('matchQuotes: too many words in quotes');
  }

  /**
   * Ids of the runs `first[i]` followed by `second[i + offset]`, for every i where both exist;
   * unless `add`, ABSENT for a run not numbered yet.
   */
  pairs(first: ArrayLike<number>, second: ArrayLike<number>, offset: number, add: boolean): number[] {
    const { firsts, seconds, slotIds, shift } = this;
    const runs = new Array<number>(Math.max(0, second.length - offset));
    // One loop per quote, no call per pair: calls are dear before the JIT warms up (the CLI makes one, cold, call).
    for (let i = 0; i < runs.length; i++) {
      const x = first[i];
      const y = second[i + offset];
      // One store of `id` for every outcome: A's look-ups then reuse the type feedback of B's
      // numbering instead of throwing the optimised code away (a deoptimisation in the cold call).
      let id = ABSENT;
      if (x !== ABSENT && y !== ABSENT) {
        // Multiplicative hashing: the top bits of the product depend on every bit of the pair.
        let slot = Math.imul(Math.imul(x, 0x9e3779b1) ^ y, 0x85ebca6b) >>> shift;
        while (slotIds[slot] !== 0 && (firsts[slot] !== x || seconds[slot] !== y)) slot = (slot + 1) & (slotIds.length - 1);
        if (slotIds[slot] !== 0) id = slotIds[slot] - 1;
        else if (add) {
          if (this.nextId > this.lastId) throw new RangeError('RunNumbering: more runs than announced');
          id = this.nextId++;
          firsts[slot] = x;
          seconds[slot] = y;
          slotIds[slot] = id + 1;
        }
      }
      runs[i] = id;
    }
    return runs;
  }
}

/** The most runs `numberRuns` can add for these quotes: a bigram per word and a run per word and length. */
function runsBound(quotes: readonly QuoteWords[], n: number): number {
  let bound = 0;
  for (const q of quotes) for (let length = 2; length <= Math.max(n, 2); length++) bound += Math.max(0, q.words.length - length + 1);
  return bound;
}

function quoteWords(tokens: Tokens, ranges: readonly Range[], idOf: (k: number) => number): QuoteWords[] {
  const { count, start, end } = tokens;
  return ranges.map((range, k) => {
    // Both ends by binary search on the typed arrays (a scan for the end took twice as long at 1 MB).
    const from = firstAbove(end, count, range[0]);
    const to = Math.max(from, firstAbove(start, count, range[1] - 1));
    return { id: idOf(k), from, to, words: wordsOf(tokens, from, to), ids: NO_IDS, grams: [], bigrams: [] };
  });
}

/** Fills each quote's `ids`, equal exactly when the words are; returns how many ids it used. */
function numberWords(tokensA: Tokens, wordsA: readonly QuoteWords[], tokensB: Tokens, wordsB: readonly QuoteWords[]): number {
  // Texts tokenized with one vocabulary (as compareTexts does) carry such ids: no word hashed here.
  if (tokensA.vocabulary === tokensB.vocabulary) {
    // Views, not copies: copying the ids word by word took 3 ms of the first (cold) call at 1 MB.
    for (const q of wordsA) q.ids = tokensA.ids.subarray(q.from, q.to);
    for (const q of wordsB) q.ids = tokensB.ids.subarray(q.from, q.to);
    return tokensA.vocabulary.words.length;
  }
  const vocabulary = new Vocabulary();
  for (const q of [...wordsA, ...wordsB]) q.ids = Int32Array.from(q.words, (word) => vocabulary.idOf(word));
  return vocabulary.words.length;
}

/** Fills `q.bigrams` and `q.grams` (runs of `n` words); B's runs are numbered (`add`), A's looked up. */
function numberRuns(q: QuoteWords, n: number, numbering: RunNumbering, add: boolean): void {
  q.bigrams = numbering.pairs(q.ids, q.ids, 1, add);
  if (n === 1) {
    q.grams = Array.from(q.ids);
    return;
  }
  // Runs of n words from runs of n - 2 and bigrams: two steps per word for n = 4, not three.
  let runs = n % 2 === 1 ? numbering.pairs(q.ids, q.bigrams, 1, add) : q.bigrams;
  for (let length = n % 2 === 1 ? 3 : 2; length < n; length += 2) runs = numbering.pairs(runs, q.bigrams, length, add);
  q.grams = runs;
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `push` for keys met in ascending `value` order, each value listed once per key (no Set per quote). */
function pushOnce(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/** Appends the lists that `runs` lead to in `index` to `lists`; returns their total length. */
function gather(index: ReadonlyMap<number, readonly number[]>, runs: readonly number[], lists: Array<readonly number[]>): number {
  let total = 0;
  // Indexed loops here and in the other per-word passes: for-of costs twice as much before the
  // JIT warms up, and the CLI makes one cold call.
  for (let k = 0; k < runs.length; k++) {
    const list = runs[k] === ABSENT ? undefined : index.get(runs[k]);
    if (list === undefined) continue;
    lists.push(list);
    total += list.length;
  }
  return total;
}

/**
 * The items of `lists`, each once, ascending; `collectedBy[i] === by` marks an item taken (cheaper
 * than a Set per call: one array serves every call, each with its own `by`).
 */
function collect(lists: ReadonlyArray<readonly number[]>, collectedBy: Int32Array, by: number): number[] {
  const items: number[] = [];
  let ascending = true;
  for (const list of lists) {
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      if (collectedBy[i] === by) continue;
      collectedBy[i] = by;
      if (items.length > 0 && i < items[items.length - 1]) ascending = false;
      items.push(i);
    }
  }
  // Most quotes find one B quote, or a few in order: no sort (and no comparator calls) for them.
  return ascending ? items : items.sort((x, y) => x - y);
}

/** Index of `inner` as a contiguous run in `outer`, or -1. */
function runIndex(outer: ArrayLike<number>, inner: ArrayLike<number>): number {
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

/** A quote match before the speakers are compared: everything but `conflict`. */
export type QuotePair = Omit<QuoteMatch, 'conflict'>;

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
  return markConflicts(pairQuotes(a, b, options), a.quotes, b.quotes, sameSpeaker);
}

/** `matchQuotes` without the speakers: the pairs only. */
export function pairQuotes(a: QuoteSide, b: QuoteSide, options: Partial<QuoteMatchOptions> = {}): QuotePair[] {
  return new QuotePairing(a, b.tokens, b.quotes.map((q) => q.range), options).finish(b.quotes);
}

/**
 * `matchQuotes`' `conflict` for each pair, from the speakers of the quotes it names (by `Quote.id`):
 * pairing reads no speaker, so it may run before the speakers of the two articles are merged.
 */
export function markConflicts(
  pairs: readonly QuotePair[],
  quotesA: readonly Quote[],
  quotesB: readonly Quote[],
  sameSpeaker: (a: number, b: number) => boolean = (x, y) => x === y,
): QuoteMatch[] {
  const byIdA = new Map(quotesA.map((q) => [q.id, q]));
  const byIdB = new Map(quotesB.map((q) => [q.id, q]));
  return pairs.map((pair) => ({ ...pair, conflict: conflicting(byIdA.get(pair.a) as Quote, byIdB.get(pair.b) as Quote, sameSpeaker) }));
}

/**
 * What one A quote's runs lead to among B's candidates: the candidates (indices, ascending, each
 * once); or, when their lists hold more than OVERLAP_FILTER_ABOVE entries, the lists. Collecting
 * those for every such quote is quadratic in a boilerplate-heavy text, where pairing B's quotes
 * alone might not collect them (see `pairQuotes`); `finish` reads them kept to B's quotes, each once.
 * Lists of fewer entries hold fewer still of B's quotes, so those quotes' candidates are collected
 * in any case, and collected ahead.
 */
type Found = { candidates: number[] } | { lists: Array<readonly number[]> };

/**
 * `pairQuotes` in two steps, so that most of the work can be done before B's quotes are known.
 * B's quotes are some of its quoted regions (those that attribution keeps as speech: see
 * `attributeQuotes`), and which ones is the last thing a quote analysis learns. So the constructor
 * pairs A's quotes with all of B's candidate ranges (its quoted regions), and `finish`, given B's
 * quotes, keeps what the pairing of those quotes alone finds, and makes only what that needs and
 * the first step did not make. The CLI's main thread runs the first step while its quote thread
 * still attributes B's quotes: that took the pairing off the end of a large comparison.
 *
 * Exactly `pairQuotes` of B's quotes: a quote's runs, its candidates and its comparison with each
 * depend on that quote and one candidate alone; only the number of gram-list entries (which picks
 * the way candidates are found), the order of the candidates and the first MAX_PARTNERS of them
 * depend on the others, and `finish` makes those from B's quotes.
 */
export class QuotePairing {
  private readonly settings: QuoteMatchOptions;
  private readonly wordsA: QuoteWords[] = [];
  /** B's candidates, in the order given. */
  private readonly wordsB: QuoteWords[] = [];
  private readonly found: Found[] = [];
  /** The comparisons the first step made, by A quote and candidate index. */
  private readonly compared: Array<Map<number, QuotePair | null>> = [];

  constructor(
    private readonly a: QuoteSide,
    private readonly tokensB: Tokens,
    private readonly candidatesB: readonly Range[],
    private readonly options: Partial<QuoteMatchOptions> = {},
  ) {
    const settings = (this.settings = { ...DEFAULT_QUOTE_MATCH_OPTIONS, ...options });
    // A side without quotes pairs nothing: no index built for the other side.
    if (a.quotes.length === 0 || candidatesB.length === 0) return;
    const wordsA = (this.wordsA = quoteWords(a.tokens, a.quotes.map((q) => q.range), (k) => a.quotes[k].id));
    const wordsB = (this.wordsB = quoteWords(tokensB, candidatesB, (k) => k));
    const numbering = new RunNumbering(numberWords(a.tokens, wordsA, tokensB, wordsB), runsBound(wordsB, settings.minRun));
    for (const q of wordsB) numberRuns(q, settings.minRun, numbering, true);
    // Looking A's runs up without numbering them: a run no B quote holds needs no id (nor a table slot).
    for (const q of wordsA) numberRuns(q, settings.minRun, numbering, false);
    const isShort = (q: QuoteWords): boolean => this.isShort(q);
    // Candidate pairs through shared runs of `minRun` words; short quotes are looked up whole.
    const byGram = new Map<number, number[]>();
    // Short quotes (two words up to `minRun`) pair only by containment: find them through bigrams.
    const shortB = new Map<number, number[]>();
    wordsB.forEach((q, i) => {
      for (let k = 0; k < q.grams.length; k++) pushOnce(byGram, q.grams[k], i);
      if (isShort(q)) push(shortB, q.bigrams[0], i);
    });
    // Indexing only the B bigrams that open a short A quote: not a map entry for every bigram of B.
    const openingsA = new Set(wordsA.filter(isShort).map((q) => q.bigrams[0]));
    const bigramsB = new Map<number, number[]>();
    if (openingsA.size > 0) {
      wordsB.forEach((q, i) => {
        for (let k = 0; k < q.bigrams.length; k++) if (openingsA.has(q.bigrams[k])) pushOnce(bigramsB, q.bigrams[k], i);
      });
    }
    const collectedBy = new Int32Array(wordsB.length).fill(-1);
    wordsA.forEach((qa, ia) => {
      // The B lists that this quote's runs lead to, and their total length.
      const lists: Array<readonly number[]> = [];
      let cost = gather(byGram, qa.grams, lists);
      if (shortB.size > 0) cost += gather(shortB, qa.bigrams, lists);
      if (isShort(qa)) cost += gather(bigramsB, qa.bigrams.slice(0, 1), lists);
      const compared = new Map<number, QuotePair | null>();
      this.compared.push(compared);
      if (settings.minShared > 0 && cost > OVERLAP_FILTER_ABOVE) {
        this.found.push({ lists });
        return;
      }
      const candidates = collect(lists, collectedBy, ia);
      this.found.push({ candidates });
      // Compared ahead: the first candidates.
      for (const i of candidates.slice(0, MAX_PARTNERS)) compared.set(i, compare(qa, wordsB[i], a.tokens, tokensB, settings));
    });
  }

  /** The pairs of A's quotes with `quotesB`, whose ranges must be among the candidates (else it starts again with those ranges). */
  finish(quotesB: readonly Quote[]): QuotePair[] {
    const { settings, wordsA, found } = this;
    if (this.a.quotes.length === 0 || quotesB.length === 0) return [];
    const places = this.placesAmongCandidates(quotesB);
    if (!places) return new QuotePairing(this.a, this.tokensB, quotesB.map((q) => q.range), this.options).finish(quotesB);
    const { quoteAt, candidateOf } = places;
    // B's quotes' words, in the order of `quotesB`, with their ids.
    const wordsB: QuoteWords[] = [];
    quoteAt.forEach((quote, i) => {
      if (quote >= 0) wordsB[quote] = { ...this.wordsB[i], id: quotesB[quote].id };
    });
    const isShort = (q: QuoteWords): boolean => this.isShort(q);
    const pairs: QuotePair[] = [];
    let overlapping: ((qa: QuoteWords) => Iterable<number>) | undefined;
    const gramSetsB: Array<Set<number> | undefined> = [];
    const bigramSetsB: Array<Set<number> | undefined> = [];
    // Each long list kept to B's quotes (as quote indices), made once.
    const quotesOfList = new Map<readonly number[], number[]>();
    const quotesIn = (list: readonly number[]): number[] => {
      let quotes = quotesOfList.get(list);
      if (!quotes) {
        quotes = [];
        for (let k = 0; k < list.length; k++) if (quoteAt[list[k]] >= 0) quotes.push(quoteAt[list[k]]);
        quotesOfList.set(list, quotes);
      }
      return quotes;
    };
    const collectedBy = new Int32Array(quotesB.length).fill(-1);
    wordsA.forEach((qa, ia) => {
      const here = found[ia];
      // The length of the lists that lead to B's quotes, for a quote whose lists were long.
      const cost = 'lists' in here ? here.lists.reduce((sum, list) => sum + quotesIn(list).length, 0) : 0;
      let chosen: number[];
      if (settings.minShared > 0 && cost > OVERLAP_FILTER_ABOVE) {
        // The same gram rules, tested only on the B quotes that can share enough words
        // (`overlapCandidates`): a boilerplate opening (`We will not accept …`) puts every quote in
        // every other's gram lists, which made this loop quadratic in the number of quotes. Both ways
        // give the same matches; the lists are cheaper when short.
        // Built on first need: texts without such boilerplate never pay for its index (built for
        // every call, it was a third of matchQuotes' time at 1 MB).
        overlapping ??= overlapCandidates(wordsA, wordsB, settings.minShared);
        const bigramsA = new Set(qa.bigrams);
        const passes = (i: number): boolean => {
          const qb = wordsB[i];
          const gramsB = (gramSetsB[i] ??= new Set(qb.grams));
          if (qa.grams.some((gram) => gramsB.has(gram))) return true;
          if (isShort(qb) && bigramsA.has(qb.bigrams[0])) return true;
          return isShort(qa) && (bigramSetsB[i] ??= new Set(qb.bigrams)).has(qa.bigrams[0]);
        };
        // Only the first MAX_PARTNERS are compared, so the rules are tested on no more (the
        // candidates come lazily, see `overlapCandidates`).
        chosen = [];
        for (const i of overlapping(qa)) {
          if (chosen.length === MAX_PARTNERS) break;
          if (passes(i)) chosen.push(i);
        }
      } else if ('lists' in here) {
        chosen = collect(here.lists.map(quotesIn), collectedBy, ia);
      } else {
        const quotes = here.candidates.map((i) => quoteAt[i]).filter((quote) => quote >= 0);
        // B's quotes in the candidates' order, unless given in another (no comparator calls then).
        chosen = quotes.every((quote, k) => k === 0 || quotes[k - 1] < quote) ? quotes : quotes.sort((x, y) => x - y);
      }
      // A quote printed hundreds of times in the other article (a chant, a slogan, a generated or
      // hostile text) would otherwise pair with every copy: matches growing with the square of the
      // repetitions, none of them telling a reader more than the first few do.
      const compared = this.compared[ia];
      for (const quote of chosen.slice(0, MAX_PARTNERS)) {
        const ahead = compared.get(candidateOf[quote]);
        const pair = ahead === undefined ? compare(qa, wordsB[quote], this.a.tokens, this.tokensB, settings) : ahead && { ...ahead, b: quotesB[quote].id };
        if (pair) pairs.push(pair);
      }
    });
    return pairs;
  }

  private isShort(q: QuoteWords): boolean {
    return q.words.length >= 2 && q.words.length < this.settings.minRun;
  }

  /**
   * For each candidate, the index in `quotesB` of the quote with its range, or -1; for each quote,
   * its candidate. Undefined if a quote has no candidate of its own.
   */
  private placesAmongCandidates(quotesB: readonly Quote[]): { quoteAt: Int32Array; candidateOf: Int32Array } | undefined {
    const candidates = this.candidatesB;
    // The quotes themselves (`pairQuotes`), which may even share a range.
    if (quotesB.length === candidates.length && quotesB.every((q, i) => q.range[0] === candidates[i][0] && q.range[1] === candidates[i][1])) {
      const identity = Int32Array.from(quotesB, (_, i) => i);
      return { quoteAt: identity, candidateOf: identity };
    }
    const quoteAt = new Int32Array(candidates.length).fill(-1);
    const candidateOf = new Int32Array(quotesB.length);
    const candidateAt = new Map<number, number>();
    candidates.forEach((range, i) => {
      if (!candidateAt.has(range[0])) candidateAt.set(range[0], i);
    });
    for (let quote = 0; quote < quotesB.length; quote++) {
      const [start, end] = quotesB[quote].range;
      const i = candidateAt.get(start);
      if (i === undefined || candidates[i][1] !== end || quoteAt[i] >= 0) return undefined;
      quoteAt[i] = quote;
      candidateOf[quote] = i;
    }
    return { quoteAt, candidateOf };
  }
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
function overlapCandidates(wordsA: readonly QuoteWords[], wordsB: readonly QuoteWords[], minShared: number): (qa: QuoteWords) => Iterable<number> {
  const frequency = new Map<number, number>();
  for (const q of [...wordsA, ...wordsB]) for (const w of new Set(q.ids)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const rarestWords = (q: QuoteWords): Set<number> => {
    const needed = Math.min(q.ids.length, Math.ceil(minShared * q.ids.length));
    // Positions sorted by their word's frequency, ties in the words' alphabetical order.
    const ordered = Array.from(q.ids.keys()).sort((x, y) =>
      (frequency.get(q.ids[x]) ?? 0) - (frequency.get(q.ids[y]) ?? 0) || (q.words[x] < q.words[y] ? -1 : q.words[x] > q.words[y] ? 1 : 0));
    return new Set(ordered.slice(0, q.ids.length - needed + 1).map((k) => q.ids[k]));
  };
  const byRareWordB = new Map<number, number[]>();
  const byWordB = new Map<number, number[]>();
  wordsB.forEach((q, i) => {
    if (q.words.length < 2) return;
    for (const w of rarestWords(q)) push(byRareWordB, w, i);
    for (const w of new Set(q.ids)) push(byWordB, w, i);
  });
  return function* (qa) {
    if (qa.words.length < 2) return;
    // B no longer than A: B's rarest words meet A's. B no shorter: A's rarest words meet B's.
    const noLonger = (i: number): boolean => wordsB[i].words.length <= qa.words.length;
    const noShorter = (i: number): boolean => wordsB[i].words.length >= qa.words.length;
    const heads: Array<{ list: readonly number[]; at: number; keeps: (i: number) => boolean }> = [];
    for (const w of new Set(qa.ids)) heads.push({ list: byRareWordB.get(w) ?? [], at: 0, keeps: noLonger });
    for (const w of rarestWords(qa)) heads.push({ list: byWordB.get(w) ?? [], at: 0, keeps: noShorter });
    // The union of the (ascending) lists, merged lazily in ascending order rather than collected
    // and sorted: the caller stops after MAX_PARTNERS, so a quote printed 1500 times a side no
    // longer gathers all 1500 copies for each of its own (0.5 s to 0.13 s).
    let last = -1;
    for (;;) {
      let next = Infinity;
      for (const head of heads) {
        while (head.at < head.list.length && (head.list[head.at] <= last || !head.keeps(head.list[head.at]))) head.at++;
        if (head.at < head.list.length) next = Math.min(next, head.list[head.at]);
      }
      if (next === Infinity) return;
      yield (last = next);
    }
  };
}

function compare(qa: QuoteWords, qb: QuoteWords, tokensA: Tokens, tokensB: Tokens, settings: QuoteMatchOptions): QuotePair | null {
  const base = { a: qa.id, b: qb.id, differences: [] };
  if (qa.words.length < 2 || qb.words.length < 2) return null;
  // Word ids, not strings, compared here and in jsdiff: a number compare instead of a string compare.
  if (qa.words.length === qb.words.length && runIndex(qa.ids, qb.ids) === 0) return { ...base, kind: 'identical' };
  const aLonger = qa.words.length > qb.words.length;
  const [outer, inner] = aLonger ? [qa, qb] : [qb, qa];
  if (runIndex(outer.ids, inner.ids) >= 0) {
    return meaningful(inner.words, settings.minRun) ? { ...base, kind: 'contained', container: aLonger ? 'a' : 'b' } : null;
  }
  if (inner.words.length < settings.minRun + 1) return null;
  if (sharedWordsBound(qa, qb) < settings.minShared * inner.words.length) return null;
  // Altered: align the two with jsdiff and require a long shared run covering most of the shorter one.
  const changes = diffArrays(Array.from(qa.ids), Array.from(qb.ids));
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
  const differences = wordDifferences(tokensA, qa.from + firstA, qa.from + lastA, tokensB, qb.from + firstB, qb.from + lastB);
  // Two cuts of one statement that overlap (no word differs where they meet) are not a misquote:
  // pair them as contained when the shorter lies mostly inside the longer.
  if (differences.length === 0) return shared >= 0.8 * inner.words.length ? { ...base, kind: 'contained', container: aLonger ? 'a' : 'b' } : null;
  return { ...base, kind: 'altered', differences };
}
