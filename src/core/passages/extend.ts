/**
 * Grows a chain of exact matches past its ends, over edits that leave too few exact words for a
 * seed: a changed word two words from the end of a sentence, or a word dropped right after its
 * first word. The next few words on each side are aligned exactly (a longest-common-subsequence
 * table of at most `window`² cells, so the cost per chain is constant), and the chain grows to
 * the farthest aligned word that is convincing:
 * - at least twice as many words matched as skipped on either side, and at least two; or
 * - the extension stops at a sentence edge in both texts, with as many words matched as skipped,
 *   which chance rarely produces ("“Do I [think that] if…", "…of [several→many] hours.").
 * Where no step within the window convinces but half of it is matched, the rest of the sentence in
 * both texts (within twice the window) is one step when twice as many of its words match as are
 * skipped: a sentence whose last words carry a few edits ends farther off than the window reaches.
 *
 * Where no step is convincing at a sentence edge of both texts, one text may have dropped a
 * sentence or two there (rewritten wire copy does): the chain jumps over whole sentences of one
 * text, the way sequence aligners chain across an indel, when the shared words around the gap make
 * up for its length (see `IndelRule`).
 */
import { Budget } from '../budget';
import type { ExactMatch } from './seeds';
import type { Chain } from './chain';
import type { SentenceEdges } from '../text/sentences';

/** When a chain may jump over whole sentences that only one text has. */
export interface IndelRule {
  /** Most words jumped over. */
  maxWords: number;
  /**
   * Exactly matched words that make one side of a gap evidence of one passage: twice as many on
   * either side, or as many up to a sentence edge of both texts (see `jump` and `growPast`).
   */
  minEvidence: number;
}

export class ChainExtender {
  // Reused by every extension of one comparison: no allocation per step.
  private readonly table: Int32Array;
  private readonly wordsA: Int32Array;
  private readonly wordsB: Int32Array;
  private readonly pairsI: Int32Array;
  private readonly pairsJ: Int32Array;
  // The blocks found going backward (see `extend`): one array for every chain, most of which find none.
  private readonly before: ExactMatch[] = [];

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
    /** Jumps over sentences one text dropped; none when null. */
    private readonly indel: IndelRule | null = null,
  ) {
    // Twice the window: the rest of a sentence may be aligned at once (see `toSentenceEnd`).
    const most = 2 * window;
    this.table = new Int32Array((most + 1) * (most + 1));
    this.wordsA = new Int32Array(most);
    this.wordsB = new Int32Array(most);
    this.pairsI = new Int32Array(most);
    this.pairsJ = new Int32Array(most);
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
    const { edges } = this;
    for (;;) {
      const edge = chain[chain.length - 1];
      let blocks = this.step(edge, 1);
      // Most chains are a chance match too short to be evidence for a jump (see `jump`): it is
      // refused before the sentence edges are looked up.
      const matched = blocks === null && this.indel !== null ? matchedWithin(chain, chain.length - 1, -1, edge.i + edge.length - this.indel.maxWords, 1) : 0;
      if (blocks === null && this.indel !== null && matched >= this.indel.minEvidence) {
        const back = this.backToEdge(edge, 1);
        const evidence = matched - back;
        const whole = edges.looseInA(chain[0].i) && edges.looseInB(chain[0].j);
        blocks = back < 0 ? null : this.jump(edge.i + edge.length - back, edge.j + edge.length - back, 1, evidence, whole);
        if (blocks !== null && back > 0) chain[chain.length - 1] = { i: edge.i, j: edge.j, length: edge.length - back };
      }
      if (blocks === null) break;
      for (const block of blocks) chain.push(block);
    }
    // Blocks found going backward are collected and put in front once: unshifting each would be
    // quadratic on a long chain that grows step by step through a heavily edited paragraph. They
    // are kept in reverse order, nearest the chain first, until then.
    const before = this.before;
    before.length = 0;
    for (;;) {
      const edge = before.length > 0 ? before[before.length - 1] : chain[0];
      let blocks = this.step(edge, -1);
      const limit = blocks === null && this.indel !== null ? edge.i + this.indel.maxWords : 0;
      const matched = blocks === null && this.indel !== null
        ? matchedWithin(before, before.length - 1, -1, limit, -1) + (before.length === 0 || before[0].i + before[0].length < limit ? matchedWithin(chain, 0, 1, limit, -1) : 0)
        : 0;
      if (blocks === null && this.indel !== null && matched >= this.indel.minEvidence) {
        const back = this.backToEdge(edge, -1);
        const evidence = matched - back;
        const last = chain[chain.length - 1];
        const whole = edges.looseInA(last.i + last.length) && edges.looseInB(last.j + last.length);
        blocks = back < 0 ? null : this.jump(edge.i + back, edge.j + back, -1, evidence, whole);
        if (blocks !== null && back > 0) {
          const cut = { i: edge.i + back, j: edge.j + back, length: edge.length - back };
          if (before.length > 0) before[before.length - 1] = cut;
          else chain[0] = cut;
        }
      }
      if (blocks === null) break;
      for (let k = blocks.length - 1; k >= 0; k--) before.push(blocks[k]);
    }
    if (before.length === 0) return chain;
    const grown = before.reverse().concat(chain);
    before.length = 0;
    return grown;
  }

  /**
   * How many of the last words of `edge` (the chain's last block, 1, or its first, -1) lie past
   * the nearest place where a sentence may end in both texts: 0 when the block ends there, -1 when
   * there is none within MAX_BACK_OFF words. An exact match often runs a word into the next
   * sentence ("…very well. The" against "…very well. the"), and a gap after it starts at that edge.
   */
  private backToEdge(edge: ExactMatch, direction: 1 | -1): number {
    const { edges } = this;
    for (let t = 0; t <= MAX_BACK_OFF && t < edge.length; t++) {
      const i = direction === 1 ? edge.i + edge.length - t : edge.i + t;
      const j = direction === 1 ? edge.j + edge.length - t : edge.j + t;
      if (edges.looseInA(i) && edges.looseInB(j)) return t;
    }
    return -1;
  }

  /**
   * The blocks of the chain's growth past whole sentences that one text lacks at its end (1) or
   * start (-1), or null. The end must be a sentence edge in both texts; the words skipped must be
   * whole sentences of one paragraph of one text, at most `maxWords`. The words matched on each
   * side must be evidence of one passage rather than a phrase two sentences share: on the chain's
   * side `before` (within `maxWords` of the gap) must be twice `minEvidence`, or `minEvidence` in a
   * chain that starts (ends) where a sentence may in both texts (`whole`); past the gap likewise
   * (see `growPast`). And the words matched on the two sides together must be at least half as many
   * as the words skipped. The nearest such gap is taken.
   */
  private jump(fromI: number, fromJ: number, direction: 1 | -1, before: number, whole: boolean): ExactMatch[] | null {
    const { indel, edges } = this;
    if (indel === null || before < indel.minEvidence || (before < 2 * indel.minEvidence && !whole)) return null;
    if (!edges.looseInA(fromI) || !edges.looseInB(fromJ)) return null;
    // A passage that ends with a paragraph in both texts ends there: the next paragraph, if shared,
    // is found by itself, and a sentence dropped from its start is jumped from its side.
    if (edges.paragraphInA(fromI) && edges.paragraphInB(fromJ)) return null;
    if (!this.budget.take(1)) return null;
    const lengthA = this.idsA.length;
    const lengthB = this.idsB.length;
    // Candidate gaps nearest first, alternating the two texts: `d` words of A (or of B) skipped,
    // sentences of one paragraph (whole paragraphs one text lacks part two passages: a reprint
    // that left one out, two passages copied from far apart).
    let openA = true;
    let openB = true;
    // The words matched past the gap are at most twice `minEvidence` (growPast stops there), and
    // together with `before` they must be half the words skipped.
    const reach = Math.min(indel.maxWords, 2 * (before + 2 * indel.minEvidence));
    for (let d = 2; d <= reach && (openA || openB); d++) {
      for (let side = 0; side < 2; side++) {
        const inA = side === 0;
        if (!(inA ? openA : openB)) continue;
        const toI = inA ? fromI + direction * d : fromI;
        const toJ = inA ? fromJ : fromJ + direction * d;
        if (toI < 0 || toJ < 0 || toI > lengthA || toJ > lengthB) continue;
        if (inA ? !edges.looseInA(toI) : !edges.looseInB(toJ)) continue;
        const paragraphEnd = inA ? edges.paragraphInA(toI) : edges.paragraphInB(toJ);
        if (inA) openA = !paragraphEnd;
        else openB = !paragraphEnd;
        if (paragraphEnd && (inA ? edges.paragraphInA(fromI) : edges.paragraphInB(fromJ))) continue;
        // Growing past the gap needs a shared word among the first few on both sides (extendOnce's test).
        const near = (this.window >> 1) + 1;
        if (!mayAlign(this.idsA, this.idsB, toI, toJ, direction, Math.min(near, direction === 1 ? lengthA - toI : toI), Math.min(near, direction === 1 ? lengthB - toJ : toJ))) continue;
        if (!this.budget.take(1)) return null;
        const after = this.growPast(toI, toJ, direction, indel.minEvidence);
        if (after !== null && 2 * (before + after.matched) >= d) return after.blocks;
      }
    }
    return null;
  }

  /**
   * The chain's growth from a point past a gap, as far as convincing steps lead or until it holds
   * twice `enough` matched words, if that is evidence for the gap: so many words, or at least
   * MIN_SENTENCE_WORDS up to a sentence edge of both texts (the sentence after the gap, short or
   * edited). A phrase that two different sentences share is neither. Null otherwise.
   */
  private growPast(fromI: number, fromJ: number, direction: 1 | -1, enough: number): { blocks: ExactMatch[]; matched: number } | null {
    const forward = direction === 1;
    const first = this.extendOnce(fromI, fromJ, direction);
    if (first === null) return null;
    const blocks = [...first];
    let matched = 0;
    for (const block of first) matched += block.length;
    while (matched < 2 * enough) {
      const next = this.step(forward ? blocks[blocks.length - 1] : blocks[0], direction);
      if (next === null) break;
      for (const block of next) matched += block.length;
      if (forward) blocks.push(...next);
      else blocks.unshift(...next);
    }
    if (matched >= 2 * enough) return { blocks, matched };
    const far = forward ? blocks[blocks.length - 1] : blocks[0];
    const farI = forward ? far.i + far.length : far.i;
    const farJ = forward ? far.j + far.length : far.j;
    return matched >= MIN_SENTENCE_WORDS && this.edges.inA(farI) && this.edges.inB(farJ) ? { blocks, matched } : null;
  }

  /** One convincing extension beyond `edge`, the chain's last block (1) or its first (-1), or null. */
  private step(edge: ExactMatch, direction: 1 | -1): ExactMatch[] | null {
    const forward = direction === 1;
    const fromI = forward ? edge.i + edge.length : edge.i;
    const fromJ = forward ? edge.j + edge.length : edge.j;
    const steps = forward ? this.forwardSteps : this.backwardSteps;
    const known = steps.get(fromI, fromJ);
    if (known !== undefined) return known;
    if (!this.budget.take(1)) return null;
    const blocks = this.extendOnce(fromI, fromJ, direction);
    steps.set(fromI, fromJ, blocks);
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
    const width = this.fillTable(fromI, fromJ, direction, countA, countB);
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
    // Only a window that is half matched may lead on to the sentence's end (most chains are chance
    // matches, and this keeps the wider table for the few that may).
    if (bestX === 0) return 2 * table[countA * width + countB] >= window ? this.toSentenceEnd(fromI, fromJ, direction) : null;
    return this.blocksTo(fromI, fromJ, direction, width, bestX, bestY);
  }

  /**
   * The rest of the sentence as one step, where no step within the window convinces: a sentence
   * whose last words carry a few edits ("…Trump [just now] for not paying [reportedly] federal
   * income tax.") ends farther off than the window reaches. Only from inside a sentence in both
   * texts, to the nearest sentence edge of each within twice the window, with twice as many words
   * matched as skipped there: the whole rest of one sentence, never into the next.
   */
  private toSentenceEnd(fromI: number, fromJ: number, direction: 1 | -1): ExactMatch[] | null {
    const { edges, window } = this;
    if (edges.inA(fromI) || edges.inB(fromJ)) return null;
    const most = 2 * window;
    let countA = 1;
    while (countA <= most && !edges.inA(fromI + direction * countA)) countA++;
    let countB = 1;
    while (countB <= most && !edges.inB(fromJ + direction * countB)) countB++;
    if (countA > most || countB > most || (countA <= window && countB <= window)) return null;
    if (!this.budget.take(1)) return null;
    const width = this.fillTable(fromI, fromJ, direction, countA, countB);
    const matched = this.table[countA * width + countB];
    const skipped = Math.max(countA, countB) - matched;
    if (matched < 2 || matched < 2 * skipped) return null;
    return this.blocksTo(fromI, fromJ, direction, width, countA, countB);
  }

  /** Fills the LCS table of the next `countA` words of A and `countB` of B away from the chain; its row width. */
  private fillTable(fromI: number, fromJ: number, direction: 1 | -1, countA: number, countB: number): number {
    const { idsA, idsB, table, wordsA, wordsB } = this;
    const forward = direction === 1;
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
    return width;
  }

  /** The exact blocks of the table's alignment up to word `bestX` of A and `bestY` of B, in text order. */
  private blocksTo(fromI: number, fromJ: number, direction: 1 | -1, width: number, bestX: number, bestY: number): ExactMatch[] {
    const { table, wordsA, wordsB, pairsI, pairsJ } = this;
    const forward = direction === 1;
    // Walk the table back from the chosen end to recover the aligned pairs (into reused arrays: no
    // object per pair), then group them into blocks in text order. The walk meets the pairs farthest
    // from the chain first: in descending order going forward, ascending going backward.
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

/** Most words an exact match may run past a sentence edge before a gap (see `backToEdge`). */
const MAX_BACK_OFF = 2;

/** Fewest matched words of a sentence that counts as evidence for a gap before it (see `growPast`). */
const MIN_SENTENCE_WORDS = 3;

/**
 * Matched words of `blocks[from]`, `blocks[from + step]`, … that lie after word `limit` of A when
 * the gap is after them (`gap` 1), or before it when the gap is before them (-1).
 */
function matchedWithin(blocks: readonly ExactMatch[], from: number, step: 1 | -1, limit: number, gap: 1 | -1): number {
  let matched = 0;
  for (let k = from; k >= 0 && k < blocks.length; k += step) {
    const block = blocks[k];
    const inside = gap === 1 ? block.i + block.length - Math.max(block.i, limit) : Math.min(block.i + block.length, limit) - block.i;
    if (inside <= 0) break;
    matched += inside;
  }
  return matched;
}

/**
 * The last step computed from each word of B: one entry per word of B rather than a map keyed by
 * both words: the keys stay small integers, and a walk revisits a point soon after an earlier walk
 * left it. Nearly every step on real text finds nothing, so only the word of A is kept per word
 * of B, its sign saying whether the step found blocks, and the few blocks go in a map rather than
 * an array per word of B. Blocks are
 * shared between chains; nothing mutates them after `extendOnce` returns them.
 */
export class StepCache {
  /** Per word j of B: -1 before any step from it; i for a step from word i of A that found nothing; -2 - i for one that found blocks. */
  private readonly from: Int32Array;
  private readonly found = new Map<number, ExactMatch[]>();

  constructor(wordsB: number) {
    this.from = new Int32Array(wordsB + 1).fill(-1);
  }

  /** The step from words `fromI` of A and `fromJ` of B, if it is the last one computed from `fromJ`; else undefined. */
  get(fromI: number, fromJ: number): ExactMatch[] | null | undefined {
    const from = this.from[fromJ];
    if (from === fromI) return null;
    return from === -2 - fromI ? this.found.get(fromJ) : undefined;
  }

  set(fromI: number, fromJ: number, blocks: ExactMatch[] | null): void {
    if (blocks === null) {
      if (this.from[fromJ] < -1) this.found.delete(fromJ);
      this.from[fromJ] = fromI;
    } else {
      this.found.set(fromJ, blocks);
      this.from[fromJ] = -2 - fromI;
    }
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
