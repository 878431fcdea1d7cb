/**
 * Grows a chain of exact matches past its ends, over edits that leave too few exact words for a
 * seed: a changed word two words from the end of a sentence, or a word dropped right after its
 * first word. The next few words on each side are aligned exactly (a longest-common-subsequence
 * table of at most `window`² cells, so the cost per chain is constant), and the chain grows to
 * the farthest aligned word that is convincing:
 * - at least twice as many words matched as skipped on either side, and at least two; or
 * - the extension stops at a sentence edge in both texts, with as many words matched as skipped,
 *   which chance rarely produces ("“Do I [think that] if…", "…of [several→many] hours.").
 */
import { Budget } from '../budget';
import type { ExactMatch } from './seeds';
import type { Chain } from './chain';
import type { SentenceEdges } from '../text/sentences';

export class ChainExtender {
  // Reused by every extension of one comparison: no allocation per step.
  private readonly table: Int32Array;
  private readonly wordsA: Int32Array;
  private readonly wordsB: Int32Array;
  private readonly pairsI: Int32Array;
  private readonly pairsJ: Int32Array;

  constructor(
    private readonly idsA: Int32Array,
    private readonly idsB: Int32Array,
    private readonly window: number,
    private readonly edges: SentenceEdges,
    /**
     * Steps allowed over all extensions (a step costs one, and each whole window of identical words
     * one more); past it no chain grows further. Texts over a handful of words let every chance
     * match grow on and on, each on a diagonal of its own.
     */
    private readonly budget = new Budget(Infinity),
  ) {
    this.table = new Int32Array((window + 1) * (window + 1));
    this.wordsA = new Int32Array(window);
    this.wordsB = new Int32Array(window);
    this.pairsI = new Int32Array(window);
    this.pairsJ = new Int32Array(window);
    this.forwardSteps = new StepCache(idsB.length);
    this.backwardSteps = new StepCache(idsB.length);
  }

  // A step depends only on the pair of words it starts from, and chance matches beside a reprint's
  // alignment join it and walk on in step with each other to the end of the text: each step is computed once.
  private readonly forwardSteps: StepCache;
  private readonly backwardSteps: StepCache;

  /** Whether the budget stopped an extension. */
  get truncated(): boolean {
    return this.budget.cut;
  }

  /** The chain grown at both ends as far as convincing (may return a new array). */
  extend(chain: Chain): Chain {
    for (let blocks = this.step(chain[chain.length - 1], 1); blocks !== null; blocks = this.step(chain[chain.length - 1], 1)) {
      for (const block of blocks) chain.push(block);
    }
    // Blocks found going backward are collected and put in front once: unshifting each would be
    // quadratic on a long chain that grows step by step through a heavily edited paragraph.
    const before: ExactMatch[][] = [];
    for (let blocks = this.step(chain[0], -1); blocks !== null; blocks = this.step(blocks[0], -1)) before.push(blocks);
    if (before.length === 0) return chain;
    return before.reverse().flat().concat(chain);
  }

  /** One convincing extension beyond `edge`, the chain's last block (1) or its first (-1), or null. */
  private step(edge: ExactMatch, direction: 1 | -1): ExactMatch[] | null {
    const forward = direction === 1;
    const fromI = forward ? edge.i + edge.length : edge.i;
    const fromJ = forward ? edge.j + edge.length : edge.j;
    const steps = forward ? this.forwardSteps : this.backwardSteps;
    if (steps.fromI[fromJ] === fromI) return steps.blocks[fromJ];
    if (!this.budget.take(1)) return null;
    const blocks = this.extendOnce(fromI, fromJ, direction);
    steps.fromI[fromJ] = fromI;
    steps.blocks[fromJ] = blocks;
    return blocks;
  }

  /**
   * The exact blocks of one convincing extension from words `fromI` of A and `fromJ` of B
   * forward (1), or from just before them backward (-1), or null.
   */
  private extendOnce(fromI: number, fromJ: number, direction: 1 | -1): ExactMatch[] | null {
    const { idsA, idsB, edges, window, table, wordsA, wordsB } = this;
    const forward = direction === 1;
    // Words are numbered away from the chain: word x of the window is idsA[fromI + x] going
    // forward, idsA[fromI - 1 - x] going backward.
    const countA = Math.min(window, forward ? idsA.length - fromI : fromI);
    const countB = Math.min(window, forward ? idsB.length - fromJ : fromJ);
    if (countA === 0 || countB === 0) return null;
    // Where the next `window` words are the same in both texts, the table's answer is known: the
    // whole window, as one block, and the step after it starts a window further on. So as many
    // whole windows as are the same make one block, which is where those steps would have led.
    // A chance match beside a reprint's alignment can join it and walk the rest of the text this way.
    if (countA === window && countB === window) {
      const length = sameWindows(idsA, idsB, fromI, fromJ, direction, window);
      this.budget.spend(length / window);
      if (length > 0) return [forward ? { i: fromI, j: fromJ, length } : { i: fromI - length, j: fromJ - length, length }];
    }
    if (!mayAlign(idsA, idsB, fromI, fromJ, direction, Math.min(countA, (window >> 1) + 1), Math.min(countB, (window >> 1) + 1))) return null;
    for (let x = 0; x < countA; x++) wordsA[x] = forward ? idsA[fromI + x] : idsA[fromI - 1 - x];
    for (let y = 0; y < countB; y++) wordsB[y] = forward ? idsB[fromJ + y] : idsB[fromJ - 1 - y];
    const width = countB + 1;
    for (let y = 0; y <= countB; y++) table[y] = 0;
    for (let x = 1; x <= countA; x++) {
      table[x * width] = 0;
      for (let y = 1; y <= countB; y++) {
        table[x * width + y] = wordsA[x - 1] === wordsB[y - 1] ? table[(x - 1) * width + y - 1] + 1
          : Math.max(table[(x - 1) * width + y], table[x * width + y - 1]);
      }
    }
    let bestX = 0;
    let bestY = 0;
    for (let x = 1; x <= countA; x++) {
      for (let y = 1; y <= countB; y++) {
        if (wordsA[x - 1] !== wordsB[y - 1] || x + y <= bestX + bestY) continue;
        const matched = table[x * width + y];
        const skipped = Math.max(x - matched, y - matched);
        const convincing = matched >= 2 && matched >= 2 * skipped;
        if (!convincing) {
          if (matched < skipped) continue;
          const atEdges = forward ? edges.inA(fromI + x) && edges.inB(fromJ + y) : edges.inA(fromI - x) && edges.inB(fromJ - y);
          if (!atEdges) continue;
        }
        bestX = x;
        bestY = y;
      }
    }
    if (bestX === 0) return null;

    // Walk the table back from the chosen end to recover the aligned pairs (into reused arrays: no
    // object per pair), then group them into blocks in text order. The walk meets the pairs farthest
    // from the chain first: in descending order going forward, ascending going backward.
    const { pairsI, pairsJ } = this;
    let count = 0;
    for (let x = bestX, y = bestY; x > 0 && y > 0;) {
      if (wordsA[x - 1] === wordsB[y - 1] && table[x * width + y] === table[(x - 1) * width + y - 1] + 1) {
        pairsI[count] = forward ? fromI + x - 1 : fromI - x;
        pairsJ[count++] = forward ? fromJ + y - 1 : fromJ - y;
        x--;
        y--;
      } else if (table[(x - 1) * width + y] >= table[x * width + y - 1]) x--;
      else y--;
    }
    const blocks: ExactMatch[] = [];
    for (let k = 0; k < count; k++) {
      const p = forward ? count - 1 - k : k;
      const last = blocks[blocks.length - 1];
      if (last !== undefined && last.i + last.length === pairsI[p] && last.j + last.length === pairsJ[p]) last.length++;
      else blocks.push({ i: pairsI[p], j: pairsJ[p], length: 1 });
    }
    return blocks;
  }
}

/**
 * The last step computed from each word of B: from word `fromI[j]` of A, `blocks[j]`. One entry per
 * word of B rather than a map keyed by both words: the keys stay small integers, and a walk
 * revisits a point soon after an earlier walk left it. Blocks are shared between chains; nothing
 * mutates them after `extendOnce` returns them.
 */
class StepCache {
  readonly fromI: Int32Array;
  readonly blocks: Array<ExactMatch[] | null>;

  constructor(wordsB: number) {
    this.fromI = new Int32Array(wordsB + 1).fill(-1);
    this.blocks = new Array<ExactMatch[] | null>(wordsB + 1).fill(null);
  }
}

/**
 * A quick necessary condition, which rejects most ends before the table is built (most chains
 * are chance matches of four words, and this runs for each of them, mostly before the JIT has
 * compiled it): an acceptable extension matches at least as many words as it skips, and skips at
 * least the words before its first match, so its first match lies within the first
 * `window / 2 + 1` words of both sides (`reachA`, `reachB`).
 */
function mayAlign(idsA: Int32Array, idsB: Int32Array, fromI: number, fromJ: number, direction: 1 | -1, reachA: number, reachB: number): boolean {
  const baseA = direction === 1 ? fromI : fromI - 1;
  const baseB = direction === 1 ? fromJ : fromJ - 1;
  for (let x = 0; x < reachA; x++) {
    const word = idsA[baseA + direction * x];
    for (let y = 0; y < reachB; y++) if (word === idsB[baseB + direction * y]) return true;
  }
  return false;
}

/**
 * How many words beyond `fromI` in A and `fromJ` in B (before them, going backward) are the same,
 * counted in whole windows: 0 unless the next `window` words are.
 */
function sameWindows(idsA: Int32Array, idsB: Int32Array, fromI: number, fromJ: number, direction: 1 | -1, window: number): number {
  const baseA = direction === 1 ? fromI : fromI - 1;
  const baseB = direction === 1 ? fromJ : fromJ - 1;
  const room = direction === 1 ? Math.min(idsA.length - fromI, idsB.length - fromJ) : Math.min(fromI, fromJ);
  let same = 0;
  while (same < room && idsA[baseA + direction * same] === idsB[baseB + direction * same]) same++;
  return same - (same % window);
}
