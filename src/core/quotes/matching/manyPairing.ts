/**
 * Pairs the quotes of many articles: the same rules as two articles (pairingRules.ts), over one
 * index of every article's quotes.
 *
 * A statement that ten outlets quote word for word is one wording, not forty-five pairs: quotes are
 * first grouped by their words (after normalisation), and only distinct wordings are indexed and
 * compared, so the cost grows with the quotes and their distinct wordings, not with the pairs of
 * articles. Candidates come from one run numbering and one gram index over all wordings, as
 * `QuotePairing` finds them between two; each unordered pair of wordings is compared once.
 *
 * The work has the budgets of pairing every two articles' quotes (`pairingBudgets` of the words of
 * all pairs of articles together), and the pairs kept a cap like `maxQuoteMatches`: made a rank
 * at a time, so that every wording gets its first partner before any gets its second.
 */
import type { Quote } from '../../model';
import type { Tokens } from '../../text/tokenize';
import { collect, gather, overlapCandidates, push, pushOnce } from './candidates';
import { compare, DEFAULT_QUOTE_MATCH_OPTIONS, type PairingBudgets, type QuoteMatchOptions, type QuotePair, type QuoteWords } from './pairingRules';
import { MAX_PARTNERS, OVERLAP_FILTER_ABOVE, pairingBudgets } from './quotePairing';
import { numberRuns, quoteWords, RunNumbering, runsBound } from './runNumbering';

/** One article's side: its tokens (one vocabulary for all articles) and its quotes. */
export interface ArticleQuotes {
  tokens: Tokens;
  quotes: readonly Quote[];
}

/** One quote of one article. */
export interface QuoteRef {
  document: number;
  /** Its `Quote.id`. */
  quote: number;
}

/** Quotes with the same words. */
export interface Wording {
  /** The quotes, in article order, then text order. */
  members: QuoteRef[];
  /** The first member's words (`id` is the wording's index). */
  words: QuoteWords;
  /** The articles quoting it, ascending. */
  documents: number[];
}

/** Two wordings that pair: `a < b`, indices into `wordings`; `container` as in `QuoteMatch`. */
export type WordingPair = QuotePair;

export interface ManyPairing {
  wordings: Wording[];
  /** The pairs found, `a` ascending, then `b`. */
  pairs: WordingPair[];
  /** The words of each article's quotes (`byDocument[d][quote id]`), for comparing any two versions again. */
  words: QuoteWords[][];
  /** The work budgets, which comparing versions again (quoteClusters.ts) spends too. */
  budgets: PairingBudgets;
  /** True when the cap on pairs left some out (the budgets say for themselves: `cut`). */
  capped: boolean;
}

/** Most pairs of wordings kept: one per wording for each other article, and 64 more (see `maxQuoteMatches`). */
export function maxWordingPairs(wordings: number, articles: number): number {
  return wordings * Math.max(1, articles - 1) + 64;
}

/** Whether a budget or the cap cut the pairing, or the comparisons made with its budgets since, short. */
export function pairingTruncated(pairing: ManyPairing): boolean {
  return pairing.capped || pairing.budgets.words.cut || pairing.budgets.diffs.cut;
}

function wordsHash(ids: Int32Array): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < ids.length; k++) h = Math.imul(h ^ ids[k], 16777619);
  return h;
}

function sameIds(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Every article's quotes grouped by their words, wordings in order of their first quote. */
function groupWordings(articles: readonly ArticleQuotes[]): { wordings: Wording[]; words: QuoteWords[][] } {
  const wordings: Wording[] = [];
  const byHash = new Map<number, number[]>();
  const words = articles.map((article, document) => {
    const list = quoteWords(article.tokens, article.quotes.map((q) => q.range), (k) => article.quotes[k].id);
    for (const q of list) {
      // Views into the shared numbering: equal exactly when the words are.
      q.ids = article.tokens.ids.subarray(q.from, q.to);
      const hash = wordsHash(q.ids);
      const candidates = byHash.get(hash) ?? [];
      let wording = candidates.find((w) => sameIds(wordings[w].words.ids, q.ids));
      if (wording === undefined) {
        wording = wordings.length;
        wordings.push({ members: [], words: { ...q, id: wording }, documents: [] });
        candidates.push(wording);
        byHash.set(hash, candidates);
      }
      const w = wordings[wording];
      w.members.push({ document, quote: q.id });
      if (w.documents[w.documents.length - 1] !== document) w.documents.push(document);
    }
    return list;
  });
  return { wordings, words };
}

/**
 * The wordings of all articles' quotes and the pairs among them, each pair of wordings that some
 * two different articles hold compared once. `articles` must share one vocabulary.
 */
export function pairManyQuotes(articles: readonly ArticleQuotes[], options: Partial<QuoteMatchOptions> = {}): ManyPairing {
  const settings = { ...DEFAULT_QUOTE_MATCH_OPTIONS, ...options };
  const { wordings, words } = groupWordings(articles);
  const pairs: WordingPair[] = [];
  const totalWords = articles.reduce((sum, article) => sum + article.tokens.count, 0);
  const budgets = pairingBudgets(totalWords * Math.max(1, articles.length - 1));
  const result = { wordings, pairs, words, budgets, capped: false };
  if (articles.length < 2 || wordings.length < 2) return result;
  const all = wordings.map((w) => w.words);
  const vocabularySize = articles[0].tokens.vocabulary.words.length;
  const numbering = new RunNumbering(vocabularySize, runsBound(all, settings.minRun));
  for (const q of all) numberRuns(q, settings.minRun, numbering, true);
  const isShort = (q: QuoteWords): boolean => q.words.length >= 2 && q.words.length < settings.minRun;
  const byGram = new Map<number, number[]>();
  const shortByOpening = new Map<number, number[]>();
  all.forEach((q, w) => {
    for (let k = 0; k < q.grams.length; k++) pushOnce(byGram, q.grams[k], w);
    if (isShort(q)) push(shortByOpening, q.bigrams[0], w);
  });
  const openings = new Set(all.filter(isShort).map((q) => q.bigrams[0]));
  const byOpeningBigram = new Map<number, number[]>();
  if (openings.size > 0) {
    all.forEach((q, w) => {
      for (let k = 0; k < q.bigrams.length; k++) if (openings.has(q.bigrams[k])) pushOnce(byOpeningBigram, q.bigrams[k], w);
    });
  }
  // A wording held by one article only is never paired with another held by that article alone.
  const only = wordings.map((w) => (w.documents.length === 1 ? w.documents[0] : -1));
  const worthComparing = (w: number, v: number): boolean => only[w] === -1 || only[w] !== only[v];
  const tokensOf = (w: number): Tokens => articles[wordings[w].members[0].document].tokens;
  // Most wordings one wording is compared with: MAX_PARTNERS for each other article, as between two.
  const maxPartners = MAX_PARTNERS * (articles.length - 1);
  const collectedBy = new Int32Array(all.length).fill(-1);
  let overlapping: ((q: QuoteWords, after?: number) => Iterable<number>) | undefined;
  const chosenOf: number[][] = [];
  all.forEach((q, w) => {
    const lists: Array<readonly number[]> = [];
    let cost = gather(byGram, q.grams, lists);
    if (shortByOpening.size > 0) cost += gather(shortByOpening, q.bigrams, lists);
    if (isShort(q)) cost += gather(byOpeningBigram, q.bigrams.slice(0, 1), lists);
    const chosen: number[] = [];
    if (settings.minShared > 0 && cost > OVERLAP_FILTER_ABOVE) {
      // Boilerplate: every wording's runs lead to every other; only those that can share enough words are tested (see QuotePairing.finish).
      overlapping ??= overlapCandidates(all, all, settings.minShared, budgets.words);
      const bigrams = new Set(q.bigrams);
      const grams = new Set(q.grams);
      for (const v of overlapping(q, w)) {
        if (chosen.length === maxPartners) break;
        if (!worthComparing(w, v)) continue;
        const other = all[v];
        budgets.words.spend(other.grams.length + other.bigrams.length);
        if (other.grams.some((gram) => grams.has(gram)) || (isShort(other) && bigrams.has(other.bigrams[0])) || (isShort(q) && other.bigrams.includes(q.bigrams[0]))) chosen.push(v);
      }
    } else {
      for (const v of collect(lists, collectedBy, w)) {
        if (chosen.length === maxPartners) break;
        if (v > w && worthComparing(w, v)) chosen.push(v);
      }
    }
    chosenOf.push(chosen.sort((x, y) => x - y));
  });
  // Each wording's first chosen partner, then each one's second, and so on, up to the cap.
  const cap = maxWordingPairs(all.length, articles.length);
  for (let rank = 0; rank < maxPartners && !result.capped; rank++) {
    for (let w = 0; w < all.length; w++) {
      const v = chosenOf[w][rank];
      if (v === undefined) continue;
      if (pairs.length === cap) {
        result.capped = true;
        break;
      }
      const pair = compare(all[w], all[v], tokensOf(w), tokensOf(v), settings, budgets);
      if (pair) pairs.push(pair);
    }
  }
  pairs.sort((x, y) => x.a - y.a || x.b - y.b);
  return result;
}
