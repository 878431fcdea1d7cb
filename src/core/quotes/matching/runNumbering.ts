/**
 * Numbers for a quote's words and its runs of words, shared by the two sides of a pairing: equal
 * numbers exactly when the words are, so that runs are compared and looked up as numbers.
 */
import type { Range } from '../../model';
import { firstAbove } from '../../text/binarySearch';
import { Vocabulary, wordsOf, type Tokens } from '../../text/tokenize';
import type { QuoteWords } from './pairingRules';

/** A quote's `ids` until `numberWords` fills them. */
const NO_IDS = new Int32Array(0);

/** The id of a run of words that no B quote holds: A's runs are looked up, never numbered. */
export const ABSENT = -1;

/**
 * Numbers for runs of words, equal exactly when the words are: two words are numbered as the pair
 * of their word ids, more as the pair (all but the last two words, the last two words). Numbers
 * instead of strings joined per run as map keys, because building and hashing a string per run
 * would be most of the pairing's work.
 */
export class RunNumbering {
  // The pairs in a hash table on typed arrays (open addressing, linear probing) instead of a Map
  // keyed `first * 2^26 + second`, because such keys are heap numbers, allocated one by one.
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
    // Sized once, at least half free so that a probe soon meets a free slot, with no rehashing as it fills.
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
export function runsBound(quotes: readonly QuoteWords[], n: number): number {
  let bound = 0;
  for (const q of quotes) for (let length = 2; length <= Math.max(n, 2); length++) bound += Math.max(0, q.words.length - length + 1);
  return bound;
}

export function quoteWords(tokens: Tokens, ranges: readonly Range[], idOf: (k: number) => number): QuoteWords[] {
  const { count, start, end } = tokens;
  return ranges.map((range, k) => {
    // Both ends by binary search on the typed arrays, so that a long quote costs no scan.
    const from = firstAbove(end, count, range[0]);
    const to = Math.max(from, firstAbove(start, count, range[1] - 1));
    return { id: idOf(k), from, to, words: wordsOf(tokens, from, to), ids: NO_IDS, grams: [], bigrams: [] };
  });
}

/** Fills each quote's `ids`, equal exactly when the words are; returns how many ids it used. */
export function numberWords(tokensA: Tokens, wordsA: readonly QuoteWords[], tokensB: Tokens, wordsB: readonly QuoteWords[]): number {
  // Texts tokenized with one vocabulary (as compareTexts does) carry such ids: no word hashed here.
  if (tokensA.vocabulary === tokensB.vocabulary) {
    // Views, not copies: nothing to copy word by word.
    for (const q of wordsA) q.ids = tokensA.ids.subarray(q.from, q.to);
    for (const q of wordsB) q.ids = tokensB.ids.subarray(q.from, q.to);
    return tokensA.vocabulary.words.length;
  }
  const vocabulary = new Vocabulary();
  for (const q of [...wordsA, ...wordsB]) q.ids = Int32Array.from(q.words, (word) => vocabulary.idOf(word));
  return vocabulary.words.length;
}

/** Fills `q.bigrams` and `q.grams` (runs of `n` words); B's runs are numbered (`add`), A's looked up. */
export function numberRuns(q: QuoteWords, n: number, numbering: RunNumbering, add: boolean): void {
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
