/**
 * Chains exact matches into alignments that tolerate small edits.
 *
 * A reused passage with a word dropped, inserted or changed shows up as several exact matches on
 * (nearly) the same diagonal, separated by a few unmatched words. Chaining them is a small dynamic
 * programme in the manner of minimap2: each match's best predecessor is one that ends just before
 * it in both texts, with at most `maxGap` unmatched words on either side and a shift of at most
 * `maxSkew` words between the diagonals (a drop or an insertion of that many words). A match may
 * overlap its predecessor (repeated words around an edit); the overlap is trimmed from its start.
 * Predecessors are looked up by where they end in B, so each match looks at a bounded window and
 * the whole pass stays linear in the number of matches.
 */
import type { ExactMatch, MatchList } from './seeds';

export interface ChainOptions {
  /** Most unmatched words between two chained matches, on either side. */
  maxGap: number;
  /** Most difference between the unmatched words of the two sides (words dropped or inserted). */
  maxSkew: number;
  /** Most predecessor candidates looked at over all matches (shared out among them). */
  maxCandidates: number;
}

/** A chain: exact matches increasing in both texts, not overlapping. */
export type Chain = ExactMatch[];

/** The words a chain matches exactly. */
export function matchedWords(chain: Chain): number {
  let words = 0;
  for (const block of chain) words += block.length;
  return words;
}

/**
 * The chains, best first, and whether the candidate budget left a match fewer candidates than usual.
 * A chain is made when asked for (`chain`): most are one chance match, and on large texts millions
 * of them made as arrays at once were most of the comparison's memory; made one at a time, those
 * dropped are collected as the rest extend.
 */
export class Chains {
  constructor(
    private readonly matches: MatchList,
    /** The last match of each chain, best chain first. */
    private readonly lasts: Int32Array,
    /** The number of matches of each chain. */
    private readonly lengths: Int32Array,
    private readonly predecessor: Int32Array,
    private readonly trim: Int32Array,
    readonly truncated: boolean,
  ) {}

  get count(): number {
    return this.lasts.length;
  }

  /** Chain `c` (0: the best). */
  chain(c: number): Chain {
    const length = this.lengths[c];
    const { i, j, lengths } = this.matches;
    const chain: Chain = new Array<ExactMatch>(length);
    let m = this.lasts[c];
    for (let k = length - 1; k >= 0; k--, m = this.predecessor[m]) {
      // The trim only applies when the predecessor is in this chain; a first block stays whole.
      const t = k > 0 ? this.trim[m] : 0;
      chain[k] = { i: i[m] + t, j: j[m] + t, length: lengths[m] - t };
    }
    return chain;
  }
}

// How far a predecessor may reach into its successor (in words) and still be trimmed off it.
const MAX_OVERLAP = 16;
// Candidates looked at per match: bounds the work when one phrase repeats all over both texts.
const MAX_CANDIDATES = 256;
// Candidates per match however many matches share the budget: enough to link a chain through an edit.
const MIN_CANDIDATES = 4;

export function chainMatches(matches: MatchList, options: ChainOptions): Chains {
  const { maxGap, maxSkew } = options;
  const { count, i: startA, j: startB, lengths } = matches;
  // The budget is a pool that each match may draw on up to four times its even share of what is
  // left: ordinary texts (a few matches per hundred words) never come near it and every match keeps
  // MAX_CANDIDATES; a text with a match on every word gets fewer per match, not more work. At most
  // the pool plus MIN_CANDIDATES per match is looked at.
  let pool = options.maxCandidates;
  let truncated = false;
  const score = new Float64Array(count);
  const predecessor = new Int32Array(count).fill(-1);
  const trim = new Int32Array(count);
  // The matches ending at each word of B, in the order added, as linked lists on typed arrays (a
  // Map of arrays took a lookup per position and an array per end: most of this loop's time on a
  // text with a match on every other word).
  let ends = 0;
  for (let m = 0; m < count; m++) ends = Math.max(ends, startB[m] + lengths[m]);
  const firstEnding = new Int32Array(ends + 1).fill(-1);
  const lastEnding = new Int32Array(ends + 1).fill(-1);
  const nextEnding = new Int32Array(count).fill(-1);

  for (let m = 0; m < count; m++) {
    const matchI = startA[m];
    const matchJ = startB[m];
    const matchLength = lengths[m];
    let best = matchLength;
    let bestPredecessor = -1;
    let bestTrim = 0;
    let examined = 0;
    const perMatch = Math.max(MIN_CANDIDATES, Math.min(MAX_CANDIDATES, Math.floor((4 * pool) / (count - m))));
    for (let endJ = Math.max(0, matchJ - maxGap); endJ <= Math.min(ends, matchJ + MAX_OVERLAP) && examined <= perMatch; endJ++) {
      for (let p = firstEnding[endJ]; p !== -1; p = nextEnding[p]) {
        if (++examined > perMatch) {
          if (perMatch < MAX_CANDIDATES) truncated = true;
          break;
        }
        if (startA[p] >= matchI || startB[p] >= matchJ) continue;
        const endI = startA[p] + lengths[p];
        const overlap = Math.max(0, endI - matchI, endJ - matchJ);
        const gain = matchLength - overlap;
        if (gain <= 0) continue;
        const gapA = matchI + overlap - endI;
        const gapB = matchJ + overlap - endJ;
        if (gapA > maxGap || gapB > maxGap || Math.abs(gapA - gapB) > maxSkew) continue;
        // The gap limits above decide what may be chained; the small cost only prefers the
        // closest of several acceptable predecessors, so a short match before an edit still links.
        const value = score[p] + gain - 0.25 * Math.max(gapA, gapB) - 0.25 * Math.abs(gapA - gapB);
        if (value > best) {
          best = value;
          bestPredecessor = p;
          bestTrim = overlap;
        }
      }
    }
    pool -= Math.min(examined, perMatch);
    score[m] = best;
    predecessor[m] = bestPredecessor;
    trim[m] = bestTrim;
    const endJ = matchJ + matchLength;
    if (firstEnding[endJ] === -1) firstEnding[endJ] = m;
    else nextEnding[lastEnding[endJ]] = m;
    lastEnding[endJ] = m;
  }

  // Best chains first; a match already taken ends the walk back, so each match is in one chain.
  const order = byScoreDescending(score);
  const used = new Uint8Array(count);
  const lasts = new Int32Array(count);
  const chainLengths = new Int32Array(count);
  let chains = 0;
  for (let k = 0; k < count; k++) {
    const last = order[k];
    if (used[last]) continue;
    let length = 0;
    for (let m = last; m !== -1 && !used[m]; m = predecessor[m]) {
      used[m] = 1;
      length++;
    }
    lasts[chains] = last;
    chainLengths[chains++] = length;
  }
  return new Chains(matches, lasts.slice(0, chains), chainLengths.slice(0, chains), predecessor, trim, truncated);
}

/**
 * The indices of `score` from the highest score to the lowest, equal scores in index order (what a
 * stable sort gives). Scores are positive multiples of a quarter (a match's words less quarter-word
 * gap costs), so four times the score is a whole number, and stable counting passes of DIGIT_BITS
 * sort them (two up to four million quarters; scores stay below the words of the texts, far under 2^30), in linear time and typed arrays: sorting an array
 * of millions of indices with a comparator took a good part of the chaining's time and memory.
 */
export function byScoreDescending(score: Float64Array): Int32Array {
  const count = score.length;
  let top = 0;
  for (let m = 0; m < count; m++) top = Math.max(top, 4 * score[m]);
  // Ascending keys are descending scores.
  const key = new Uint32Array(count);
  for (let m = 0; m < count; m++) key[m] = top - 4 * score[m];
  let order = new Int32Array(count);
  for (let m = 0; m < count; m++) order[m] = m;
  let out = new Int32Array(count);
  const start = new Int32Array(DIGITS + 1);
  for (let shift = 0; shift === 0 || (shift < 32 && top >= 2 ** shift); shift += DIGIT_BITS) {
    start.fill(0);
    for (let k = 0; k < count; k++) start[((key[order[k]] >>> shift) & (DIGITS - 1)) + 1]++;
    for (let d = 0; d < DIGITS; d++) start[d + 1] += start[d];
    for (let k = 0; k < count; k++) out[start[(key[order[k]] >>> shift) & (DIGITS - 1)]++] = order[k];
    [order, out] = [out, order];
  }
  return order;
}

const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;
