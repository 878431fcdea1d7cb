import { budgetFor, type Budget } from '../../budget';
import type { Quote, Range } from '../../model';
import type { Tokens } from '../../text/tokenize';
import { collect, gather, overlapCandidates, push, pushOnce, type OverlapCandidates } from './candidates';
import { compare, DEFAULT_QUOTE_MATCH_OPTIONS, type PairingBudgets, type QuoteMatchOptions, type QuotePair, type QuoteWords } from './pairingRules';
import { numberRuns, numberWords, quoteWords, RunNumbering, runsBound } from './runNumbering';

/** One document's side of the matching: its tokens (of the whole text) and its quotes. */
export interface QuoteSide {
  tokens: Tokens;
  quotes: readonly Quote[];
}

/** Most B quotes one A quote is compared with (its first candidates in B's order). */
export const MAX_PARTNERS = 8;

/** Gram-list entries for one A quote above which prefix filtering is the cheaper way to its candidates. */
export const OVERLAP_FILTER_ABOVE = 256;

/**
 * The budgets of the pairing, per word of the two texts (see PairingBudgets): words looked at by
 * comparisons (both quotes' words) and candidate scans (each list entry), and word-diff work (both
 * quotes' words times the edits). Articles spend at most 1.8 and 33 (an article compared with
 * itself; 0.4 and 13 between two articles); texts of thousands of near-identical quotes meet them.
 */
const WORDS_PER_WORD = 16;
const DIFF_WORK_PER_WORD = 128;

/** The budgets of pairing the quotes of texts holding `words` words together. */
export function pairingBudgets(words: number): PairingBudgets {
  return { words: budgetFor(WORDS_PER_WORD, words), diffs: budgetFor(DIFF_WORK_PER_WORD, words) };
}

/**
 * Most quote matches kept: one per quote of either text, and 64 more. An article pairs most of its
 * quotes once; thousands of copies of one quote on each side would otherwise each keep
 * MAX_PARTNERS matches, the output growing to many times the texts.
 */
export function maxQuoteMatches(quotesA: number, quotesB: number): number {
  return quotesA + quotesB + 64;
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
 * depend on the others, and `finish` makes those from B's quotes. (Unless the work budget runs out:
 * then each way stops where its own spending took it, and both say `truncated`.)
 */
export class QuotePairing {
  private readonly settings: QuoteMatchOptions;
  private wordsA: QuoteWords[] = [];
  /** B's candidates, in the order given. */
  private wordsB: QuoteWords[] = [];
  private found: Found[] = [];
  /** The comparisons the first step made, by A quote and candidate index. */
  private compared: Array<Map<number, QuotePair | null>> = [];
  /** Work of both steps (see WORDS_PER_WORD). */
  private readonly budgets: PairingBudgets;
  /** Set when `finish` stopped at the cap on matches (see `pairsByRank`). */
  private capped = false;
  /** The pairing `finish` started again with B's quotes, if it had to. */
  private restarted: QuotePairing | undefined;

  constructor(
    private readonly a: QuoteSide,
    private readonly tokensB: Tokens,
    private readonly candidatesB: readonly Range[],
    private readonly options: Partial<QuoteMatchOptions> = {},
  ) {
    const settings = (this.settings = { ...DEFAULT_QUOTE_MATCH_OPTIONS, ...options });
    const words = a.tokens.count + tokensB.count;
    this.budgets = pairingBudgets(words);
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
      for (const i of candidates.slice(0, MAX_PARTNERS)) compared.set(i, compare(qa, wordsB[i], a.tokens, tokensB, settings, this.budgets));
    });
  }

  /**
   * The pairs of A's quotes with `quotesB`, whose ranges must be among the candidates (else it
   * starts again with those ranges). Once: it lets go of the first step's indexes, which grow with
   * the quotes and would otherwise live as long as the pairing.
   */
  finish(quotesB: readonly Quote[]): QuotePair[] {
    if (this.finished) throw new Error('QuotePairing.finish: called twice');
    this.finished = true;
    try {
      return this.pairsWith(quotesB);
    } finally {
      this.wordsA = [];
      this.wordsB = [];
      this.found = [];
      this.compared = [];
    }
  }

  private finished = false;

  private pairsWith(quotesB: readonly Quote[]): QuotePair[] {
    const { settings, wordsA, found } = this;
    if (this.a.quotes.length === 0 || quotesB.length === 0) return [];
    const places = this.placesAmongCandidates(quotesB);
    if (!places) {
      this.restarted = new QuotePairing(this.a, this.tokensB, quotesB.map((q) => q.range), this.options);
      return this.restarted.finish(quotesB);
    }
    const { quoteAt, candidateOf } = places;
    // B's quotes' words, in the order of `quotesB`, with their ids.
    const wordsB: QuoteWords[] = [];
    quoteAt.forEach((quote, i) => {
      if (quote >= 0) wordsB[quote] = { ...this.wordsB[i], id: quotesB[quote].id };
    });
    const isShort = (q: QuoteWords): boolean => this.isShort(q);
    let overlapping: OverlapCandidates | undefined;
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
    let twins: Map<number, number[]> | undefined;
    // Each A quote's partners to compare, at most MAX_PARTNERS of B's quotes, in the order they are tried.
    const partners: number[][] = [];
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
        // Built on first need, so that texts without such boilerplate never pay for its index.
        overlapping ??= overlapCandidates(wordsA, wordsB, settings.minShared, this.budgets.words);
        const bigramsA = new Set(qa.bigrams);
        const passes = (i: number): boolean => {
          const qb = wordsB[i];
          this.budgets.words.spend(qa.grams.length);
          const gramsB = (gramSetsB[i] ??= new Set(qb.grams));
          if (qa.grams.some((gram) => gramsB.has(gram))) return true;
          if (isShort(qb) && bigramsA.has(qb.bigrams[0])) return true;
          return isShort(qa) && (bigramSetsB[i] ??= new Set(qb.bigrams)).has(qa.bigrams[0]);
        };
        // Only the first MAX_PARTNERS are compared, so the rules are tested on no more (the
        // candidates come lazily, see `overlapCandidates`).
        chosen = [];
        if ('lists' in here && cost <= overlapping.scanCost(qa)) {
          // The same B quotes from the other end: those of the quote's own lists (a superset of
          // those that pass) that the filter admits. Cheaper when the filter's lists are the longer,
          // as in a large text that repeats its stories: there they hold common words of long
          // quotes, and scanning them for each quote grew with the square of the text.
          if (this.budgets.words.take(cost)) {
            for (const i of collect(here.lists.map(quotesIn), collectedBy, ia)) {
              if (chosen.length === MAX_PARTNERS) break;
              if (overlapping.admits(qa, i) && passes(i)) chosen.push(i);
            }
          }
        } else {
          for (const i of overlapping(qa)) {
            if (chosen.length === MAX_PARTNERS) break;
            if (passes(i)) chosen.push(i);
          }
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
      let selection = chosen.length > MAX_PARTNERS ? chosen.slice(0, MAX_PARTNERS) : chosen;
      if (chosen.length >= MAX_PARTNERS) {
        // The cut must not drop the quote's own copy: a quote printed word for word in the other
        // article is matched identically however many others share its words. The twins, then the
        // first others, in B's order; the twins are tried first (see `pairsByRank`).
        twins ??= twinIndex(wordsB);
        const own = ownCopies(qa, twins, wordsB, this.budgets.words);
        if (own.length > 0) {
          const rest = chosen.filter((i) => !own.includes(i));
          selection = [...own, ...rest].slice(0, MAX_PARTNERS);
        }
      }
      partners[ia] = selection;
    });
    const pairOf = (ia: number, quote: number): QuotePair | null => {
      const ahead = this.compared[ia].get(candidateOf[quote]);
      return ahead === undefined ? compare(wordsA[ia], wordsB[quote], this.a.tokens, this.tokensB, settings, this.budgets) : ahead && { ...ahead, b: quotesB[quote].id };
    };
    return this.pairsByRank(partners, pairOf, maxQuoteMatches(this.a.quotes.length, quotesB.length));
  }

  /**
   * At most `max` pairs, taken by rank: every A quote's first pair, then every second pair, and so
   * on (each in A's order), so that no quote loses all its pairs to another's copies. Pairs are made
   * a rank at a time, so that none is compared past the cap: thousands of copies of a quote a side
   * would otherwise be compared MAX_PARTNERS times each, to keep one or two. Each quote's partners
   * are tried in the order given; the pairs come in the order of A's quotes, then of B's.
   */
  private pairsByRank(partners: readonly number[][], pairOf: (ia: number, quote: number) => QuotePair | null, max: number): QuotePair[] {
    const found: Array<Array<{ quote: number; pair: QuotePair }>> = partners.map(() => []);
    const next = new Int32Array(partners.length);
    let active = partners.map((_, ia) => ia).filter((ia) => partners[ia].length > 0);
    let total = 0;
    while (active.length > 0) {
      const stillActive: number[] = [];
      for (const ia of active) {
        if (total >= max) {
          // Partners left unexamined: some might have paired.
          this.capped = true;
          break;
        }
        // This quote's next pair, from its next partners.
        while (next[ia] < partners[ia].length) {
          const quote = partners[ia][next[ia]++];
          const pair = pairOf(ia, quote);
          if (pair) {
            found[ia].push({ quote, pair });
            total++;
            break;
          }
        }
        if (next[ia] < partners[ia].length) stillActive.push(ia);
      }
      if (this.capped) break;
      active = stillActive;
    }
    return found.flatMap((pairs) => pairs.sort((x, y) => x.quote - y.quote).map(({ pair }) => pair));
  }

  /** Whether the work budget or the cap on matches left some pairs out. */
  get truncated(): boolean {
    return this.budgets.words.cut || this.budgets.diffs.cut || this.capped || (this.restarted?.truncated ?? false);
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

/** A hash of a quote's words (FNV-1a over the word ids): equal for equal words. */
function wordsKey(q: QuoteWords): number {
  let hash = 0x811c9dc5 ^ q.ids.length;
  for (let k = 0; k < q.ids.length; k++) hash = Math.imul(hash ^ q.ids[k], 0x01000193);
  return hash;
}

function sameWords(x: QuoteWords, y: QuoteWords): boolean {
  if (x.ids.length !== y.ids.length) return false;
  for (let k = 0; k < x.ids.length; k++) if (x.ids[k] !== y.ids[k]) return false;
  return true;
}

/**
 * The first MAX_PARTNERS of B's quotes with the words of `qa`, in B's order. A quote printed
 * thousands of times on both sides would otherwise check every copy for every copy (quadratic);
 * no more entries of its key are looked at than twice the copies wanted, each charged to `work`.
 */
function ownCopies(qa: QuoteWords, twins: Map<number, number[]>, wordsB: readonly QuoteWords[], work: Budget): number[] {
  const own: number[] = [];
  const entries = twins.get(wordsKey(qa)) ?? [];
  for (let k = 0; k < entries.length && k < 2 * MAX_PARTNERS && own.length < MAX_PARTNERS; k++) {
    if (!work.take(qa.words.length)) break;
    if (sameWords(qa, wordsB[entries[k]])) own.push(entries[k]);
  }
  return own;
}

/** B's quotes by `wordsKey`, for finding a quote's identical twins in one look-up. */
function twinIndex(wordsB: readonly QuoteWords[]): Map<number, number[]> {
  const index = new Map<number, number[]>();
  wordsB.forEach((q, i) => push(index, wordsKey(q), i));
  return index;
}
