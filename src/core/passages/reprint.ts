/**
 * A reprint is one passage. When most of both texts is shared in one order (one text is an
 * edited copy of the other), the pieces that chaining and extension leave apart on that path are
 * one alignment cut by edits too dense or too close to a sentence edge for the local rules to cross
 * (three changes in eight words, a dropped sentence beside a changed word): knowing the whole is a
 * copy, a gap inside it is an edit, the way a global aligner sees it. Only a gap that is a whole
 * paragraph one text left out, added or replaced still parts two passages (a reader sees the
 * paragraph as not shared), and a gap is never longer than the sentences one text may drop.
 */
import { matchedWords, type Chain } from './chain';
import type { ExactMatch } from './seeds';
import { partitionPoint } from '../text/binarySearch';
import type { SentenceEdges } from '../text/sentences';

/** What makes texts a reprint and which of its gaps are edits. */
export interface ReprintRule {
  /** Share of each text's words that the ordered pieces must match exactly… */
  minShare: number;
  /** …and fewest words they match (an article, not a sentence or two). */
  minWords: number;
  /** Most words of a gap on its longer side (sentences one text dropped, with edits around them). */
  maxWords: number;
  /** Most words of a gap on its shorter side (the other text's edits there). */
  maxEditWords: number;
  /** Most words of a gap's shorter side that need not be in the longer side too (see `isEdits`). */
  maxSkew: number;
}

/**
 * The chains with the pieces of a reprint joined (in place: the first piece of each run grows), or
 * the chains as they were when the texts are not a reprint. Near-linear in the chains and blocks.
 */
export function joinReprint(chains: Chain[], idsA: Int32Array, idsB: Int32Array, edges: SentenceEdges, rule: ReprintRule): Chain[] {
  if (chains.length < 2) return chains;
  const words = chains.map(matchedWords);
  const enough = Math.max(rule.minWords, rule.minShare * idsA.length, rule.minShare * idsB.length);
  // All pieces together fall short on most pairs (a few shared passages): no order to find.
  if (words.reduce((sum, w) => sum + w, 0) < enough) return chains;
  const path = heaviestOrderedPath(chains, words);
  let matched = 0;
  for (const k of path) matched += words[k];
  if (matched < enough) return chains;
  const dropped = new Uint8Array(chains.length);
  const grown: number[] = [];
  let head = path[0];
  for (let p = 1; p < path.length; p++) {
    if (joinAcrossEdits(chains[head], chains[path[p]], idsA, idsB, edges, rule)) {
      dropped[path[p]] = 1;
      if (grown[grown.length - 1] !== head) grown.push(head);
    } else {
      head = path[p];
    }
  }
  dropEchoesInside(chains, grown, dropped);
  return chains.filter((_, k) => !dropped[k]);
}

/**
 * Marks the chains off the path that lie inside one grown piece in both texts: a phrase that the
 * article repeats, matched across the edit the piece now spans (as `dropEchoes` drops them inside a
 * longer chain). `grown` is in the order of A, and the pieces do not overlap.
 */
function dropEchoesInside(chains: readonly Chain[], grown: readonly number[], dropped: Uint8Array): void {
  if (grown.length === 0) return;
  const spans = grown.map((k) => spanOf(chains[k]));
  const onPath = new Set(grown);
  chains.forEach((chain, k) => {
    if (dropped[k] || onPath.has(k)) return;
    const own = spanOf(chain);
    // The last grown piece that starts at or before this chain in A.
    const piece = spans[partitionPoint(spans.length, (k) => spans[k].i0 <= own.i0) - 1];
    if (piece !== undefined && own.i1 <= piece.i1 && own.j0 >= piece.j0 && own.j1 <= piece.j1) dropped[k] = 1;
  });
}

function spanOf(chain: Chain): { i0: number; i1: number; j0: number; j1: number } {
  const last = chain[chain.length - 1];
  return { i0: chain[0].i, i1: last.i + last.length, j0: chain[0].j, j1: last.j + last.length };
}

/** Where two pieces part: `first` keeps its first `keep` blocks and then `cut` if any, and `second` follows. */
interface Parting {
  keep: number;
  cut: ExactMatch | null;
  second: Chain;
}

/**
 * How `first` is cut back, or `second` cut forward, so that neither holds words of the other in
 * either text, whichever loses fewer matched words, if that is at most `maxWords`; null otherwise.
 * Pieces meet that way where a phrase of a changed sentence matched on the wrong side of an edit.
 */
function part(first: Chain, second: Chain, maxWords: number): Parting | null {
  const last = first[first.length - 1];
  const endI = last.i + last.length;
  const endJ = last.j + last.length;
  if (second[0].i >= endI && second[0].j >= endJ) return { keep: first.length, cut: null, second };
  // Cutting `second` forward: its words before the end of `first` in either text go.
  let headLost = 0;
  let head = 0;
  let headCut: ExactMatch | null = null;
  for (; head < second.length && headLost <= maxWords; head++) {
    const block = second[head];
    const cut = Math.max(0, endI - block.i, endJ - block.j);
    if (cut < block.length) {
      headLost += cut;
      if (cut > 0) headCut = { i: block.i + cut, j: block.j + cut, length: block.length - cut };
      break;
    }
    headLost += block.length;
  }
  // Cutting `first` back: its words after the start of `second` in either text go.
  let tailLost = 0;
  let tail = first.length - 1;
  let tailCut: ExactMatch | null = null;
  for (; tail >= 0 && tailLost <= maxWords; tail--) {
    const block = first[tail];
    const keep = Math.min(block.length, second[0].i - block.i, second[0].j - block.j);
    if (keep > 0) {
      tailLost += block.length - keep;
      if (keep < block.length) tailCut = { i: block.i, j: block.j, length: keep };
      break;
    }
    tailLost += block.length;
  }
  const headFits = head < second.length && headLost <= maxWords;
  const tailFits = tail >= 0 && tailLost <= maxWords;
  if (headFits && (!tailFits || headLost <= tailLost)) {
    const rest = second.slice(head + (headCut === null ? 0 : 1));
    return { keep: first.length, cut: null, second: headCut === null ? rest : [headCut, ...rest] };
  }
  if (!tailFits) return null;
  return { keep: tail + (tailCut === null ? 1 : 0), cut: tailCut, second };
}

/**
 * Continues `first` (in place) with `second` across the gap between them (once parted) if it is
 * edits inside one reprinted article (see `isEdits`), and says whether it did.
 */
function joinAcrossEdits(first: Chain, second: Chain, idsA: Int32Array, idsB: Int32Array, edges: SentenceEdges, rule: ReprintRule): boolean {
  const parting = part(first, second, rule.maxEditWords);
  if (parting === null) return false;
  const last = parting.cut ?? first[parting.keep - 1];
  const fromI = last.i + last.length;
  const fromJ = last.j + last.length;
  const toI = parting.second[0].i;
  const toJ = parting.second[0].j;
  if (!isEdits(fromI, toI, fromJ, toJ, idsA, idsB, edges, rule)) return false;
  first.length = parting.keep;
  if (parting.cut !== null) first.push(parting.cut);
  for (const block of parting.second) first.push(block);
  return true;
}

/**
 * Whether words `[fromI, toI)` of A and `[fromJ, toJ)` of B, between two pieces of a reprint, are
 * edits: short on one side, at most `maxWords` on the other; of that side's words, at most half
 * (or `maxSkew`) missing from the other side (a sentence dropped, words changed around the ones
 * kept, not one sentence put for another); and not a whole paragraph that one text has and the other
 * leaves out or replaces there (paragraph edges in both texts' sides, and a whole paragraph in one).
 */
function isEdits(fromI: number, toI: number, fromJ: number, toJ: number, idsA: Int32Array, idsB: Int32Array, edges: SentenceEdges, rule: ReprintRule): boolean {
  const gapA = toI - fromI;
  const gapB = toJ - fromJ;
  const shorter = Math.min(gapA, gapB);
  if (shorter > rule.maxEditWords || Math.max(gapA, gapB) > rule.maxWords) return false;
  if (!isExplainedByEdits(idsA, fromI, toI, idsB, fromJ, toJ, rule.maxSkew)) return false;
  const inA = (t: number): boolean => edges.paragraphInA(t);
  const inB = (t: number): boolean => edges.paragraphInB(t);
  const touches = touchesParagraph(fromI, toI, inA) && touchesParagraph(fromJ, toJ, inB);
  return !(touches && (holdsParagraph(fromI, toI, inA) || holdsParagraph(fromJ, toJ, inB)));
}

/**
 * Whether the two sides of a gap, words `[fromI, toI)` of A and `[fromJ, toJ)` of B, are words
 * dropped, inserted or changed around the ones kept rather than one wording put for another: of
 * the shorter side, at most half (or `maxSkew`) missing from the longer.
 */
export function isExplainedByEdits(idsA: Int32Array, fromI: number, toI: number, idsB: Int32Array, fromJ: number, toJ: number, maxSkew: number): boolean {
  const shorter = Math.min(toI - fromI, toJ - fromJ);
  return shorter <= maxSkew || shorter - sharedWords(idsA, fromI, toI, idsB, fromJ, toJ) <= Math.max(maxSkew, shorter / 2);
}

/** How many words of B's `[fromJ, toJ)` pair with a word of A's `[fromI, toI)`, each word used once (a few dozen words: quadratic is fine). */
function sharedWords(idsA: Int32Array, fromI: number, toI: number, idsB: Int32Array, fromJ: number, toJ: number): number {
  const used = new Uint8Array(toI - fromI);
  let shared = 0;
  for (let j = fromJ; j < toJ; j++) {
    for (let i = fromI; i < toI; i++) {
      if (!used[i - fromI] && idsA[i] === idsB[j]) {
        used[i - fromI] = 1;
        shared++;
        break;
      }
    }
  }
  return shared;
}

/** Whether a paragraph edge lies at or inside words `[from, to]`. */
function touchesParagraph(from: number, to: number, isParagraph: (t: number) => boolean): boolean {
  for (let t = from; t <= to; t++) if (isParagraph(t)) return true;
  return false;
}

/** Whether words `[from, to)` hold a whole paragraph: two paragraph edges at or inside them. */
function holdsParagraph(from: number, to: number, isParagraph: (t: number) => boolean): boolean {
  let seen = 0;
  for (let t = from; t <= to; t++) if (isParagraph(t) && ++seen === 2) return true;
  return false;
}

/**
 * The chains (indices) of the heaviest sequence that runs forward in both texts, weighted by
 * `words` (matched words of each): a longest increasing subsequence over B's starts in A's order,
 * with a Fenwick tree of the best weight ending below each start (n log n).
 */
function heaviestOrderedPath(chains: readonly Chain[], words: readonly number[]): number[] {
  const count = chains.length;
  const byA = Array.from({ length: count }, (_, k) => k).sort((x, y) => chains[x][0].i - chains[y][0].i || chains[x][0].j - chains[y][0].j);
  // Each chain's rank by its start in B (ties share a rank, so neither precedes the other).
  const byB = Array.from({ length: count }, (_, k) => k).sort((x, y) => chains[x][0].j - chains[y][0].j);
  const rank = new Int32Array(count);
  let ranks = 0;
  for (let r = 0; r < count; r++) rank[byB[r]] = r > 0 && chains[byB[r]][0].j === chains[byB[r - 1]][0].j ? ranks : ++ranks;
  const treeWeight = new Float64Array(ranks + 1);
  const treeChain = new Int32Array(ranks + 1).fill(-1);
  const weight = new Float64Array(count);
  const previous = new Int32Array(count).fill(-1);
  let best = -1;
  for (const k of byA) {
    // Best path ending at a chain that starts earlier in B.
    let before = 0;
    let beforeChain = -1;
    for (let r = rank[k] - 1; r > 0; r -= r & -r) {
      if (treeWeight[r] > before) {
        before = treeWeight[r];
        beforeChain = treeChain[r];
      }
    }
    weight[k] = before + words[k];
    previous[k] = beforeChain;
    for (let r = rank[k]; r <= ranks; r += r & -r) {
      if (weight[k] > treeWeight[r]) {
        treeWeight[r] = weight[k];
        treeChain[r] = k;
      }
    }
    if (best === -1 || weight[k] > weight[best]) best = k;
  }
  const path: number[] = [];
  for (let k = best; k !== -1; k = previous[k]) path.push(k);
  return path.reverse();
}
