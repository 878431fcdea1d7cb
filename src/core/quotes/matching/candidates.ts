/**
 * Finding the B quotes an A quote may pair with: through the runs of words they share (lists by
 * run), or, where those lists are long, by prefix filtering on rare words.
 */
import type { Budget } from '../../budget';
import type { QuoteWords } from './pairingRules';
import { partitionPoint } from '../../text/binarySearch';
import { ABSENT } from './runNumbering';

export function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `push` for keys met in ascending `value` order, each value listed once per key (no Set per quote). */
export function pushOnce(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/** Appends the lists that `runs` lead to in `index` to `lists`; returns their total length. */
export function gather(index: ReadonlyMap<number, readonly number[]>, runs: readonly number[], lists: Array<readonly number[]>): number {
  let total = 0;
  // Indexed loops here and in the other per-word passes, because for-of is dear before the JIT
  // warms up and the CLI makes one cold call.
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
export function collect(lists: ReadonlyArray<readonly number[]>, collectedBy: Int32Array, by: number): number[] {
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

/** What `overlapCandidates` returns: the candidates of an A quote, lazily, and two ways to ask about them without listing them. */
export interface OverlapCandidates {
  (qa: QuoteWords, after?: number): Iterable<number>;
  /** Whether B quote `i` is among `qa`'s candidates (with `after` -1). */
  admits(qa: QuoteWords, i: number): boolean;
  /** The most list entries that listing `qa`'s candidates could scan: the sum of the lengths of its lists. */
  scanCost(qa: QuoteWords): number;
}

/**
 * For each A quote, the B quotes (ascending) that could share `minShared` of the shorter quote's
 * words, found by prefix filtering: if two word multisets share at least t words, the shorter one's
 * |S| - t + 1 rarest words include a shared one. Every pair `compare` accepts shares that many words
 * (identical and contained pairs share all of the shorter quote), so this drops no match; indexing
 * only the rarest words keeps boilerplate-heavy texts from pairing every quote with every quote.
 * The scan is charged to `work` and ends when it is spent.
 */
export function overlapCandidates(wordsA: readonly QuoteWords[], wordsB: readonly QuoteWords[], minShared: number, work: Budget): OverlapCandidates {
  const frequency = new Map<number, number>();
  for (const q of [...wordsA, ...wordsB]) for (const w of new Set(q.ids)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  // Each quote's rarest words, made once: `admits` asks for a B quote's once per A quote that meets it.
  const rarest = new Map<QuoteWords, Set<number>>();
  const rarestWords = (q: QuoteWords): Set<number> => {
    let words = rarest.get(q);
    if (words === undefined) rarest.set(q, (words = rarestOf(q)));
    return words;
  };
  const rarestOf = (q: QuoteWords): Set<number> => {
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
  const startAfter = (list: readonly number[], after: number): number => partitionPoint(list.length, (i) => list[i] <= after);
  // What the generator's heads meet, as a test of one B quote: B no longer than A and one of B's
  // rarest words in A, or B no shorter than A and one of A's rarest words in B.
  const admits = (qa: QuoteWords, i: number): boolean => {
    const qb = wordsB[i];
    if (qa.words.length < 2 || qb.words.length < 2) return false;
    if (qb.words.length <= qa.words.length) {
      for (const w of rarestWords(qb)) if (qa.ids.includes(w)) return true;
    }
    if (qb.words.length >= qa.words.length) {
      const rarestA = rarestWords(qa);
      for (let k = 0; k < qb.ids.length; k++) if (rarestA.has(qb.ids[k])) return true;
    }
    return false;
  };
  const scanCost = (qa: QuoteWords): number => {
    let cost = 0;
    for (const w of new Set(qa.ids)) cost += byRareWordB.get(w)?.length ?? 0;
    for (const w of rarestWords(qa)) cost += byWordB.get(w)?.length ?? 0;
    return cost;
  };
  // `after`: only B quotes above it (a pool of many articles' quotes pairs each two once, the lower first).
  const candidates = function* (qa: QuoteWords, after = -1): Iterable<number> {
    if (qa.words.length < 2) return;
    // B no longer than A: B's rarest words meet A's. B no shorter: A's rarest words meet B's.
    const noLonger = (i: number): boolean => wordsB[i].words.length <= qa.words.length;
    const noShorter = (i: number): boolean => wordsB[i].words.length >= qa.words.length;
    const heads: Array<{ list: readonly number[]; at: number; keeps: (i: number) => boolean }> = [];
    for (const w of new Set(qa.ids)) {
      const list = byRareWordB.get(w) ?? [];
      heads.push({ list, at: startAfter(list, after), keeps: noLonger });
    }
    for (const w of rarestWords(qa)) {
      const list = byWordB.get(w) ?? [];
      heads.push({ list, at: startAfter(list, after), keeps: noShorter });
    }
    // The union of the (ascending) lists, merged lazily in ascending order rather than collected
    // and sorted: the caller stops after MAX_PARTNERS, so a quote printed hundreds of times a side
    // does not gather every copy for each of its own.
    let last = after;
    for (;;) {
      // Each round looks at every head, and each head's entries once: both are counted as work.
      if (!work.take(heads.length)) return;
      let next = Infinity;
      for (const head of heads) {
        const from = head.at;
        while (head.at < head.list.length && (head.list[head.at] <= last || !head.keeps(head.list[head.at]))) head.at++;
        work.spend(head.at - from);
        if (head.at < head.list.length) next = Math.min(next, head.list[head.at]);
      }
      if (next === Infinity) return;
      yield (last = next);
    }
  };
  return Object.assign(candidates, { admits, scanCost });
}
