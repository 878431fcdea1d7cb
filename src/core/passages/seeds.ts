/**
 * Exact word matches between two token streams, found in near-linear time.
 *
 * Words are interned to small integers (one Map lookup per token) so that everything after this
 * compares numbers. Every k-gram of A is hashed into an index; every k-gram of B looks itself up
 * there. A hit `(i, j)` is grown into a maximal exact match (MEM) in both directions, and the
 * diagonal `i - j` remembers how far it is covered, so each stretch of a diagonal is walked once
 * however many seeds fall on it.
 *
 * Repetition is what makes seed matching quadratic (a sentence printed 50,000 times has 50,000 ×
 * 50,000 hits), so k-grams that occur more than `maxOccurrences` times in either text are only
 * paired in order of occurrence (one hit per occurrence). An ordinary passage that merely
 * contains such a k-gram is found through its other seeds and extension walks through it.
 *
 * That cap alone still allows `maxOccurrences` hits per word, and a text over a handful of words
 * has every k-gram just under it. So the pairing has budgets proportional to the texts: hits
 * (`maxPairs`: k-grams are admitted to full pairing rarest first, by their larger count, the rest
 * paired in order), words walked (`maxWalk`) and matches kept (`maxMatches`: past it the cap comes
 * down and the pairing starts again). Ordinary prose spends a small fraction of each; what a cut
 * leaves out is reported (`truncated`).
 */

import { Vocabulary } from '../text/tokenize';

/** An exact match: words `[i, i + length)` of A equal words `[j, j + length)` of B. */
export interface ExactMatch {
  i: number;
  j: number;
  length: number;
}

/** Maps each normalised word of both texts to an integer id (the same id on both sides). */
export function internWords(a: readonly string[], b: readonly string[]): { a: Int32Array; b: Int32Array } {
  const vocabulary = new Vocabulary();
  const intern = (words: readonly string[]): Int32Array => Int32Array.from(words, (word) => vocabulary.idOf(word));
  return { a: intern(a), b: intern(b) };
}

export interface SeedOptions {
  /** Words per seed. */
  k: number;
  /** k-grams occurring more often than this in either text are paired in order only (see below). */
  maxOccurrences: number;
  /**
   * Most hits from pairing every occurrence of a k-gram in A with every one in B, over all k-grams:
   * the rarest k-grams are paired first, and those that would overrun the budget are paired in order.
   */
  maxPairs: number;
  /** Most words walked growing hits into maximal matches; past it no new match is grown. */
  maxWalk: number;
  /**
   * Most matches kept (each costs memory all the way through chaining): past it the occurrence
   * cap comes down and the pairing starts again, rarest k-grams kept.
   */
  maxMatches: number;
}

/**
 * Exact matches as three columns of integers rather than an object each: a large comparison finds
 * millions of them (most of them chance matches of a few words that chaining leaves alone), and
 * as objects they were a large share of the heap to build, keep and collect. Only the chains made of them become objects (see chain.ts).
 */
export class MatchList {
  /** Match `m` is words `[i[m], i[m] + lengths[m])` of A and `[j[m], j[m] + lengths[m])` of B, for `m < count`. */
  i: Int32Array;
  j: Int32Array;
  lengths: Int32Array;
  count = 0;

  constructor(capacity = 16) {
    this.i = new Int32Array(capacity);
    this.j = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
  }

  static from(matches: readonly ExactMatch[]): MatchList {
    const list = new MatchList(matches.length);
    for (const match of matches) list.push(match.i, match.j, match.length);
    return list;
  }

  push(i: number, j: number, length: number): void {
    if (this.count === this.i.length) this.reserve(Math.max(16, 2 * this.count));
    this.i[this.count] = i;
    this.j[this.count] = j;
    this.lengths[this.count++] = length;
  }

  /** Match `m` as an object. */
  at(m: number): ExactMatch {
    return { i: this.i[m], j: this.j[m], length: this.lengths[m] };
  }

  toArray(): ExactMatch[] {
    return Array.from({ length: this.count }, (_, m) => this.at(m));
  }

  /**
   * The matches sorted by `j`, then `i` (words of A below `wordsA`, of B below `wordsB`): this list
   * when it is sorted already (the seeds are met in the order of B, and most matches start at
   * their first seed), else a new one of exactly `count`, by two stable counting sorts, by `i` and
   * then by `j`: linear in the matches and the words where a comparison sort of millions of
   * objects took most of a second.
   */
  sortedByBThenA(wordsA: number, wordsB: number): MatchList {
    if (this.isSorted()) return this;
    const byA = new MatchList(this.count);
    scatterBy(this, this.i, wordsA, byA);
    const byB = new MatchList(this.count);
    scatterBy(byA, byA.j, wordsB, byB);
    return byB;
  }

  private isSorted(): boolean {
    const { i, j, count } = this;
    for (let m = 1; m < count; m++) if (j[m] < j[m - 1] || (j[m] === j[m - 1] && i[m] < i[m - 1])) return false;
    return true;
  }

  private reserve(capacity: number): void {
    const grown = (column: Int32Array): Int32Array => {
      const out = new Int32Array(capacity);
      out.set(column.subarray(0, this.count));
      return out;
    };
    this.i = grown(this.i);
    this.j = grown(this.j);
    this.lengths = grown(this.lengths);
  }
}

/** Appends `from`'s matches to the empty `to` in order of `key` (values below `keys`), stably. */
function scatterBy(from: MatchList, key: Int32Array, keys: number, to: MatchList): void {
  const count = from.count;
  const start = new Int32Array(keys + 1);
  for (let m = 0; m < count; m++) start[key[m] + 1]++;
  for (let k = 0; k < keys; k++) start[k + 1] += start[k];
  for (let m = 0; m < count; m++) {
    const at = start[key[m]]++;
    to.i[at] = from.i[m];
    to.j[at] = from.j[m];
    to.lengths[at] = from.lengths[m];
  }
  to.count = count;
}

/** The exact matches, and whether a budget of `SeedOptions` cut the search short. */
export interface ExactMatches {
  matches: MatchList;
  truncated: boolean;
}

/**
 * FNV-style hash of each run of k ids; collisions are resolved by comparing the ids. Find Sources
 * hashes runs of word hashes with it (see core/archive/fingerprints.ts).
 */
export function gramHashes(ids: Int32Array, k: number): Int32Array {
  const hashes = new Int32Array(gramCount(ids, k));
  for (let p = 0; p < hashes.length; p++) hashes[p] = gramHash(ids, p, k);
  return hashes;
}

/** How many runs of k ids `ids` holds. */
const gramCount = (ids: Int32Array, k: number): number => Math.max(0, ids.length - k + 1);

/** The hash of the k ids from `p` (element `p` of `gramHashes`). */
function gramHash(ids: Int32Array, p: number, k: number): number {
  let h = 0x811c9dc5 | 0;
  for (let q = 0; q < k; q++) h = Math.imul(h ^ ids[p + q], 16777619);
  return h;
}

function sameGram(a: Int32Array, i: number, b: Int32Array, j: number, k: number): boolean {
  for (let q = 0; q < k; q++) if (a[i + q] !== b[j + q]) return false;
  return true;
}

/**
 * Open-addressing table from k-gram hash to its occurrences in A (a linked list through `next`)
 * and its counts in A and B. Typed arrays instead of Maps: at a million k-grams this is several
 * times faster and allocates nothing per entry. It doubles when half full, so it grows with the
 * distinct k-grams rather than all of them: a large archive repeats its stories, and a table sized
 * for every k-gram was mostly empty (figures in docs/performance.md).
 */
export class GramTable {
  head = new Int32Array(0);
  countA = new Int32Array(0);
  countB = new Int32Array(0);
  private keys = new Int32Array(0);
  private used = new Uint8Array(0);
  private mask = 0;
  private occupied = 0;

  /** Room for `entries` k-grams before the table grows. */
  constructor(entries: number) {
    let capacity = 16;
    while (capacity < entries * 2) capacity *= 2;
    this.allocate(capacity);
  }

  /** Empty columns of `capacity` slots (a power of two). */
  private allocate(capacity: number): void {
    this.mask = capacity - 1;
    this.keys = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.head = new Int32Array(capacity).fill(-1);
    this.countA = new Int32Array(capacity);
    this.countB = new Int32Array(capacity);
  }

  /**
   * Slot of `hash`, claiming a free one when `insert`; -1 when absent and not inserting. Claiming
   * one may grow the table, which moves every entry: slots found before are void after an insert
   * past the `entries` the table was made for.
   */
  slot(hash: number, insert: boolean): number {
    let slot = this.find(hash);
    if (this.used[slot]) return slot;
    if (!insert) return -1;
    if (2 * (this.occupied + 1) > this.keys.length) {
      this.grow();
      slot = this.find(hash);
    }
    this.occupied++;
    this.used[slot] = 1;
    this.keys[slot] = hash;
    return slot;
  }

  /** The slot holding `hash`, or the free one where it would go. */
  private find(hash: number): number {
    let slot = Math.imul(hash, 0x9e3779b1) >>> 0 & this.mask;
    while (this.used[slot] && this.keys[slot] !== hash) slot = (slot + 1) & this.mask;
    return slot;
  }

  private grow(): void {
    const { keys, used, head, countA, countB } = this;
    this.allocate(2 * keys.length);
    for (let old = 0; old < keys.length; old++) {
      if (!used[old]) continue;
      const slot = this.find(keys[old]);
      this.used[slot] = 1;
      this.keys[slot] = keys[old];
      this.head[slot] = head[old];
      this.countA[slot] = countA[old];
      this.countB[slot] = countB[old];
    }
  }

  /**
   * A copy of `head` (the first occurrence in A of each slot's k-gram), made in the memory of the
   * keys: the table finds nothing after this (a second call makes a fresh copy of the heads). The keys'
   * memory rather than a new array, because a new one would come at the comparison's peak of memory.
   */
  headsInPlaceOfKeys(): Int32Array {
    this.keys.set(this.head);
    this.used.fill(0);
    return this.keys;
  }
}

/**
 * Enters A's k-grams in `table`; returns the next occurrence of each k-gram of A (-1 after the
 * last). The k-grams are hashed here and in `lookUpGrams` rather than kept in arrays of hashes,
 * which would be held at the comparison's peak of memory.
 */
function indexGrams(table: GramTable, a: Int32Array, k: number): Int32Array {
  const nextA = new Int32Array(gramCount(a, k)).fill(-1);
  for (let p = nextA.length - 1; p >= 0; p--) {
    const slot = table.slot(gramHash(a, p, k), true);
    nextA[p] = table.head[slot];
    table.head[slot] = p;
    table.countA[slot]++;
  }
  return nextA;
}

/** The table slot of each k-gram of B (-1 when A lacks it), counting B's occurrences. */
function lookUpGrams(table: GramTable, b: Int32Array, k: number): Int32Array {
  const slotsB = new Int32Array(gramCount(b, k));
  for (let p = 0; p < slotsB.length; p++) {
    const slot = table.slot(gramHash(b, p, k), false);
    slotsB[p] = slot;
    if (slot !== -1) table.countB[slot]++;
  }
  return slotsB;
}

/**
 * The largest occurrence count up to `maxOccurrences` whose k-grams can all be paired in full
 * within `maxPairs` hits, counting rarer k-grams first; `cut` when a k-gram under `maxOccurrences`
 * is left to in-order pairing by it. Linear: the hits are summed per count, not sorted per k-gram.
 */
function occurrenceCap(table: GramTable, slotsB: Int32Array, maxOccurrences: number, maxPairs: number): { cap: number; cut: boolean } {
  const pairsAt = new Float64Array(maxOccurrences + 1);
  const counted = new Uint8Array(table.head.length);
  for (let j = 0; j < slotsB.length; j++) {
    const slot = slotsB[j];
    if (slot === -1 || counted[slot]) continue;
    counted[slot] = 1;
    addPairs(pairsAt, table.countA[slot], table.countB[slot]);
  }
  return capWithin(pairsAt, maxPairs);
}

/** Counts the hits of pairing in full a k-gram occurring `countA` and `countB` times, under its larger count. */
export function addPairs(pairsAt: Float64Array, countA: number, countB: number): void {
  const larger = Math.max(countA, countB);
  if (larger < pairsAt.length) pairsAt[larger] += countA * countB;
}

/** The cap of `occurrenceCap` from the hits summed per count (`pairsAt`, one entry per count up to `maxOccurrences`). */
export function capWithin(pairsAt: Float64Array, maxPairs: number): { cap: number; cut: boolean } {
  const maxOccurrences = pairsAt.length - 1;
  let cap = 0;
  let pairs = 0;
  while (cap < maxOccurrences && pairs + pairsAt[cap + 1] <= maxPairs) pairs += pairsAt[++cap];
  let cut = false;
  for (let count = cap + 1; count <= maxOccurrences; count++) if (pairsAt[count] > 0) cut = true;
  return { cap, cut };
}

/**
 * Grows seed hits into maximal exact matches between `a` and `b`, within the walk and match
 * budgets of `SeedOptions`. `coveredUntil[diagonal]` says how far (in B) each diagonal is already
 * covered, so that no stretch is walked twice; the caller numbers the diagonals.
 */
export class MatchGrower {
  readonly matches = new MatchList();
  /** Set once a hit was refused for the budget: no new match is grown after it. */
  truncated = false;
  private walked = 0;

  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    private readonly k: number,
    private readonly coveredUntil: Int32Array,
    private readonly options: SeedOptions,
  ) {}

  grow(i: number, j: number, diagonal: number): void {
    const { a, b, k, coveredUntil } = this;
    if (coveredUntil[diagonal] > j || !sameGram(a, i, b, j, k)) return;
    // Each walk covers a stretch of one diagonal that no other walk covers, but texts repeating with
    // a short period agree along many diagonals: the words walked are counted against `maxWalk`.
    if (this.walked > this.options.maxWalk || this.matches.count > this.options.maxMatches) {
      this.truncated = true;
      return;
    }
    let startI = i;
    let startJ = j;
    while (startI > 0 && startJ > 0 && a[startI - 1] === b[startJ - 1]) {
      startI--;
      startJ--;
    }
    let endI = i + k;
    let endJ = j + k;
    while (endI < a.length && endJ < b.length && a[endI] === b[endJ]) {
      endI++;
      endJ++;
    }
    this.walked += endI - startI;
    coveredUntil[diagonal] = endJ;
    this.matches.push(startI, startJ, endI - startI);
  }
}

/** All maximal exact matches that contain at least one usable seed, sorted by `j` then `i`. */
export function findExactMatches(a: Int32Array, b: Int32Array, options: SeedOptions): ExactMatches {
  // Sorted once the seed table is out of scope (it is the larger part of the memory until then).
  const found = unsortedMatches(a, b, options);
  // Backward extension can start a match before an earlier-found one; keep B order for chaining.
  return { matches: found.matches.sortedByBThenA(a.length, b.length), truncated: found.truncated };
}

const INITIAL_GRAMS = 1 << 18;

function unsortedMatches(a: Int32Array, b: Int32Array, options: SeedOptions): ExactMatches {
  const { k } = options;
  // Each loop in a function of its own: V8 optimises a loop while it runs, and in one function it
  // threw that code away at each next loop (no type feedback there yet), three times per comparison.
  // Room for a megabyte of text's k-grams at first: more only as distinct ones come.
  const table = new GramTable(Math.min(gramCount(a, k), INITIAL_GRAMS));
  const nextA = indexGrams(table, a, k);
  const slotsB = lookUpGrams(table, b, k);
  let { cap, cut } = occurrenceCap(table, slotsB, options.maxOccurrences, options.maxPairs);
  // Too many matches for the budget: the cap comes down (the most frequent k-grams go first to
  // in-order pairing) and the pairing starts again. Each attempt stops as soon as it overruns, and
  // the cap halves each time, so this is a few attempts at most.
  for (;;) {
    const found = pairSeeds(a, b, k, table, nextA, slotsB, cap, options);
    if (found.matches.count <= options.maxMatches || cap <= 1) return { matches: found.matches, truncated: cut || found.truncated };
    cap = Math.floor(cap / 2);
    cut = true;
  }
}

/**
 * The matches grown from the seeds: k-grams occurring at most `cap` times in both texts are paired
 * every occurrence with every other, the others in order. Stops (truncated) once past
 * `maxMatches` matches or `maxWalk` words walked, with the matches found so far (unsorted).
 */
function pairSeeds(a: Int32Array, b: Int32Array, k: number, table: GramTable, nextA: Int32Array, slotsB: Int32Array, cap: number, options: SeedOptions): ExactMatches {
  // Diagonal `i - j` at `i - j + b.length`. An array rather than a Map, because on a reprint every
  // seed lands on an already covered diagonal and looks it up.
  const grower = new MatchGrower(a, b, k, new Int32Array(a.length + b.length + 1).fill(-1), options);
  // For a frequent k-gram, the next occurrence in A to pair with the next one in B (the table takes
  // no more look-ups).
  let inOrder: Int32Array | undefined;
  for (let j = 0; j < slotsB.length && !grower.truncated; j++) {
    const slot = slotsB[j];
    if (slot === -1) continue;
    if (table.countA[slot] > cap || table.countB[slot] > cap) {
      // Too frequent to pair every occurrence with every other. Pairing them in order (first with
      // first, second with second) costs one hit each and still finds a text made of one
      // sentence repeated, which both texts share along one diagonal.
      inOrder ??= table.headsInPlaceOfKeys();
      const i = inOrder[slot];
      if (i !== -1) {
        inOrder[slot] = nextA[i];
        grower.grow(i, j, i - j + b.length);
      }
      continue;
    }
    for (let i = table.head[slot]; i !== -1; i = nextA[i]) grower.grow(i, j, i - j + b.length);
  }
  return { matches: grower.matches, truncated: grower.truncated };
}
