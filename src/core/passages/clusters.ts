/**
 * Passage clusters: the stretches of a story that two or more documents hold, each with every
 * document's copy and its word differences from the most common wording.
 *
 * Built from the shared passages of every pair of documents (their chains of exact blocks):
 * 1. each document's words inside some shared passage are cut into pieces at sentence edges, and
 *    where another document's passage starts or ends (unless that leaves a part shorter than a passage);
 * 2. two pieces of different documents are joined when a passage aligns half of the longer with
 *    the other, or `minWords` words and half of the shorter: the few words that a passage carries
 *    over a sentence edge join nothing to the sentence they begin;
 * 3. the joined pieces (disjoint sets) are sentence clusters; consecutive ones held by the same
 *    documents, next to each other in every one, make one cluster (a reused paragraph is one);
 * 4. the most common wording is the copy whose words the most copies have (ties: the earliest
 *    document), and every other copy's differences from it come from the pair's own alignment:
 *    its exact blocks are kept and only the words between them are diffed, so the cost stays
 *    linear in the passages however long a reused text is.
 * Cutting at sentences, rather than joining whole passages that overlap, keeps a cluster's
 * documents exact: a paragraph that outlet B took whole and outlet C only half of is two clusters,
 * one in A, B and C and one in A and B, not one that C holds a part of.
 */
import { Budget, budgetFor } from '../budget';
import type { PassageCluster, PassageCopy, Range, VersionDifference } from '../model';
import { firstAbove, partitionPoint } from '../text/binarySearch';
import { DisjointSets } from '../text/disjointSets';
import type { Tokens } from '../text/tokenize';
import { tokenSpan, wordDifferences } from '../text/wordDiff';
import { sharedEdgesOfCopies } from './edges';
import type { AlignedText, PairAlignment } from './passages';
import type { ExactMatch } from './seeds';
import { mergeRanges } from './stats';

export type { PairAlignment } from './passages';

/** Words between two kept blocks (on either side) above which they are reported as one replacement rather than diffed. */
const MAX_DIFFED_GAP = 32;

/**
 * Budget of the blocks looked at for the copies' differences, per word of all documents: a copy
 * looks at the blocks of its pair inside the common copy, and a text printing one passage many
 * times over can put many copies beside many blocks. The samples use under 1 (docs/robustness.md).
 */
const ANCHOR_STEPS_PER_WORD = 16;

/** The passage clusters, and whether the budget of their differences ran out (some copies then show one replacement). */
export interface PassageClusters {
  clusters: PassageCluster[];
  truncated: boolean;
}

/** Each document's pieces: covered words cut at sentence edges, as token ranges, in text order. */
class Pieces {
  /** Global piece ids of document d are `base[d] … base[d + 1] - 1`. */
  readonly base: number[] = [0];
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly document: number[] = [];
  /** Pieces of one covered run (no uncovered word between them) share a run number. */
  readonly run: number[] = [];

  constructor(texts: readonly AlignedText[], pairs: readonly PairAlignment[], minWords: number) {
    const covered: Range[][] = texts.map(() => []);
    for (const { x, y, alignment } of pairs) {
      for (const chain of alignment.chains) {
        const first = chain[0];
        const last = chain[chain.length - 1];
        covered[x].push([first.i, last.i + last.length]);
        covered[y].push([first.j, last.j + last.length]);
      }
    }
    let runs = 0;
    texts.forEach((text, document) => {
      // Where some other document's passage starts or ends: a sentence is cut there too.
      const ends = [...new Set(covered[document].flat())].sort((p, q) => p - q);
      let next = 0;
      const sentence = (from: number, to: number, run: number): void => {
        while (next < ends.length && ends[next] <= from) next++;
        let pieceStart = from;
        // A cut that would leave a part shorter than a passage is not made (passages of two pairs that end a word apart).
        for (; next < ends.length && ends[next] < to; next++) {
          if (ends[next] - pieceStart < minWords || to - ends[next] < minWords) continue;
          this.add(document, pieceStart, ends[next], run);
          pieceStart = ends[next];
        }
        this.add(document, pieceStart, to, run);
      };
      for (const [from, to] of mergeRanges(covered[document])) {
        let sentenceStart = from;
        for (let t = from + 1; t < to; t++) {
          if (!text.edges.at(t)) continue;
          sentence(sentenceStart, t, runs);
          sentenceStart = t;
        }
        sentence(sentenceStart, to, runs++);
      }
      this.base.push(this.start.length);
    });
  }

  private add(document: number, start: number, end: number, run: number): void {
    this.start.push(start);
    this.end.push(end);
    this.document.push(document);
    this.run.push(run);
  }

  /** The global id of document `d`'s piece holding token `t` (every token of a passage is in one). */
  at(d: number, t: number): number {
    const from = this.base[d];
    let low = from;
    let high = this.base[d + 1];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.end[mid] <= t) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  words(piece: number): number {
    return this.end[piece] - this.start[piece];
  }

  /** Whether `next` directly follows `piece` in its document, with no uncovered word between. */
  follows(piece: number, next: number): boolean {
    return next === piece + 1 && next < this.start.length && this.run[next] === this.run[piece];
  }
}

/** Joins the pieces that each pair's passages align (step 2). */
function joinAlignedPieces(pieces: Pieces, pairs: readonly PairAlignment[], minWords: number): DisjointSets {
  const sets = new DisjointSets(pieces.start.length);
  const aligned = new Map<number, number>();
  for (const { x, y, alignment } of pairs) {
    for (const chain of alignment.chains) {
      aligned.clear();
      for (const block of chain) {
        let i = block.i;
        let j = block.j;
        const endI = block.i + block.length;
        let p = pieces.at(x, i);
        let q = pieces.at(y, j);
        while (i < endI) {
          const step = Math.min(endI - i, pieces.end[p] - i, pieces.end[q] - j);
          const key = p * pieces.start.length + q;
          aligned.set(key, (aligned.get(key) ?? 0) + step);
          i += step;
          j += step;
          if (i === pieces.end[p]) p++;
          if (j === pieces.end[q]) q++;
        }
      }
      for (const [key, words] of aligned) {
        const p = Math.floor(key / pieces.start.length);
        const q = key % pieces.start.length;
        const shorter = Math.min(pieces.words(p), pieces.words(q));
        const longer = Math.max(pieces.words(p), pieces.words(q));
        if (2 * words >= longer || (words >= minWords && 2 * words >= shorter)) sets.union(p, q);
      }
    }
  }
  return sets;
}

/** A cluster under construction: per copy, its first and last piece. */
interface Draft {
  documents: number[];
  copies: Array<{ document: number; first: number; last: number }>;
}

/** Each set of joined pieces as its copies: runs of consecutive pieces per document (step 3, first half). */
function draftsOf(pieces: Pieces, groups: readonly number[][]): Draft[] {
  const drafts: Draft[] = [];
  for (const members of groups) {
    const copies: Draft['copies'] = [];
    for (const piece of members) {
      const last = copies[copies.length - 1];
      if (last !== undefined && pieces.follows(last.last, piece)) last.last = piece;
      else copies.push({ document: pieces.document[piece], first: piece, last: piece });
    }
    const documents = [...new Set(copies.map((copy) => copy.document))];
    if (documents.length >= 2) drafts.push({ documents, copies });
  }
  return drafts;
}

/** Joins each draft with the one that directly follows it in every document it is in (step 3, second half). */
function mergeConsecutive(pieces: Pieces, drafts: Draft[]): Draft[] {
  const draftOf = new Map<number, number>();
  drafts.forEach((draft, index) => {
    for (const copy of draft.copies) draftOf.set(copy.first, index);
  });
  const merged = new Uint8Array(drafts.length);
  const kept: Draft[] = [];
  const single = (draft: Draft): boolean => draft.copies.length === draft.documents.length;
  drafts.forEach((draft, index) => {
    if (merged[index]) return;
    while (single(draft)) {
      const next = draftOf.get(draft.copies[0].last + 1);
      if (next === undefined || next === index || merged[next]) break;
      const following = drafts[next];
      const fits = single(following) && following.documents.length === draft.documents.length
        && draft.copies.every((copy, k) => following.copies[k].document === copy.document && pieces.follows(copy.last, following.copies[k].first));
      if (!fits) break;
      draft.copies.forEach((copy, k) => (copy.last = following.copies[k].last));
      merged[next] = 1;
    }
    kept.push(draft);
  });
  return kept;
}

/** FNV hash of token ids `[from, to)`. */
function wordsHash(ids: Int32Array, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let t = from; t < to; t++) h = Math.imul(h ^ ids[t], 16777619);
  return h;
}

function sameWords(a: Int32Array, aFrom: number, aTo: number, b: Int32Array, bFrom: number, bTo: number): boolean {
  if (aTo - aFrom !== bTo - bFrom) return false;
  for (let k = 0; k < aTo - aFrom; k++) if (a[aFrom + k] !== b[bFrom + k]) return false;
  return true;
}

/** Token spans of a copy. */
interface Span {
  document: number;
  from: number;
  to: number;
}

/**
 * For each copy, the index of the first copy with the same words (itself if none before it has
 * them), and the copy whose words the most copies have (ties: the first).
 */
function wordings(texts: readonly AlignedText[], spans: readonly Span[]): { sameAs: number[]; common: number } {
  const sameAs: number[] = [];
  const byHash = new Map<number, number[]>();
  const count = new Map<number, number>();
  spans.forEach((span, k) => {
    const ids = texts[span.document].ids;
    const hash = wordsHash(ids, span.from, span.to);
    const candidates = byHash.get(hash) ?? [];
    const first = candidates.find((c) => sameWords(texts[spans[c].document].ids, spans[c].from, spans[c].to, ids, span.from, span.to));
    if (first === undefined) {
      candidates.push(k);
      byHash.set(hash, candidates);
    }
    sameAs.push(first ?? k);
    count.set(first ?? k, (count.get(first ?? k) ?? 0) + 1);
  });
  let common = 0;
  // In order of first appearance, so that a tie keeps the earliest.
  for (const [first, n] of count) if (n > (count.get(common) ?? 0)) common = first;
  return { sameAs, common };
}

/** Exact blocks of each pair's alignment, flattened and sorted by their place in the pair's first document. */
class BlockIndex {
  private readonly byPair = new Map<number, { blocks: ExactMatch[]; reach: Int32Array }>();

  constructor(private readonly documents: number, pairs: readonly PairAlignment[], private readonly steps: Budget) {
    for (const { x, y, alignment } of pairs) {
      const blocks = alignment.chains.flat().sort((p, q) => p.i - q.i);
      // The farthest any block up to each one reaches in x: ascending even where passages overlap in x, so it can be searched.
      const reach = new Int32Array(blocks.length);
      blocks.forEach((block, k) => (reach[k] = Math.max(k > 0 ? reach[k - 1] : 0, block.i + block.length)));
      this.byPair.set(x * documents + y, { blocks, reach });
    }
  }

  /**
   * The blocks that align words of `here` with words of `base`, cut to both spans and kept in
   * increasing order in both (a monotone chain: a block that crosses an earlier one is left out),
   * as `[baseToken, hereToken, length]`. None once the budget of steps is spent.
   */
  anchors(base: Span, here: Span): Array<[number, number, number]> {
    const flipped = base.document > here.document;
    const [x, y] = flipped ? [here, base] : [base, here];
    const pair = this.byPair.get(x.document * this.documents + y.document);
    if (pair === undefined) return [];
    const { blocks, reach } = pair;
    const out: Array<[number, number, number]> = [];
    const from = firstAbove(reach, blocks.length, x.from);
    const to = partitionPoint(blocks.length, (b) => blocks[b].i < x.to);
    // Counted before the walk: past the budget the copy has no anchors (its differences are then one replacement).
    if (!this.steps.take(to - from + 1)) return [];
    let reachX = x.from;
    let reachY = y.from;
    for (let b = from; b < to; b++) {
      const block = blocks[b];
      const cut = Math.max(0, reachX - block.i, reachY - block.j);
      const length = Math.min(block.length, x.to - block.i, y.to - block.j) - cut;
      if (length <= 0) continue;
      const i = block.i + cut;
      const j = block.j + cut;
      out.push(flipped ? [j, i, length] : [i, j, length]);
      reachX = i + length;
      reachY = j + length;
    }
    return out;
  }
}

/** Differences of `here` from `base`: the words between their aligned blocks (step 4). */
function copyDifferences(texts: readonly AlignedText[], blocks: BlockIndex, base: Span, here: Span): VersionDifference[] {
  const baseTokens = texts[base.document].tokens;
  const hereTokens = texts[here.document].tokens;
  const anchors = base.document === here.document ? [] : blocks.anchors(base, here);
  const differences: VersionDifference[] = [];
  const gap = (baseFrom: number, baseTo: number, hereFrom: number, hereTo: number): void => {
    if (baseFrom >= baseTo && hereFrom >= hereTo) return;
    if (baseTo - baseFrom > MAX_DIFFED_GAP || hereTo - hereFrom > MAX_DIFFED_GAP) {
      differences.push({ base: tokenSpan(baseTokens, baseFrom, baseTo), here: tokenSpan(hereTokens, hereFrom, hereTo) });
      return;
    }
    for (const d of wordDifferences(baseTokens, baseFrom, baseTo, hereTokens, hereFrom, hereTo)) differences.push({ base: d.a, here: d.b });
  };
  let baseAt = base.from;
  let hereAt = here.from;
  for (const [b, h, length] of anchors) {
    gap(baseAt, b, hereAt, h);
    baseAt = b + length;
    hereAt = h + length;
  }
  gap(baseAt, base.to, hereAt, here.to);
  return differences.map((d) => ({ base: pointInside(d.base, baseTokens, base.from), here: pointInside(d.here, hereTokens, here.from) }));
}

/**
 * An empty range (words one side lacks) stands right after the word before it; at the very start
 * of a version that word lies outside the version, so the point moves to its first word instead.
 */
export function pointInside(range: Range, tokens: Tokens, from: number): Range {
  if (range[0] !== range[1] || from >= tokens.count || range[0] >= tokens.start[from]) return range;
  return [tokens.start[from], tokens.start[from]];
}

/**
 * The passage clusters of documents `texts` (tokenized with one vocabulary) from the alignments of
 * their pairs, in the order of their first copy.
 */
export function clusterPassages(texts: readonly AlignedText[], pairs: readonly PairAlignment[], minWords: number): PassageClusters {
  const pieces = new Pieces(texts, pairs, minWords);
  const sets = joinAlignedPieces(pieces, pairs, minWords);
  const drafts = mergeConsecutive(pieces, draftsOf(pieces, sets.groups()));
  const steps = budgetFor(ANCHOR_STEPS_PER_WORD, texts.reduce((words, text) => words + text.tokens.count, 0));
  const blocks = new BlockIndex(texts.length, pairs, steps);
  const clusters: PassageCluster[] = [];
  for (const draft of drafts) {
    const spans: Span[] = draft.copies.map((copy) => ({ document: copy.document, from: pieces.start[copy.first], to: pieces.end[copy.last] }));
    // A fragment left over from a passage's edge, a few words that no neighbour took in.
    if (spans.every((span) => span.to - span.from < minWords)) continue;
    const { sameAs, common } = wordings(texts, spans);
    // Wording numbers: 0 for the common one, then in order of first appearance.
    const number = new Map<number, number>([[common, 0]]);
    for (const first of sameAs) if (!number.has(first)) number.set(first, number.size);
    const ranges = sharedEdgesOfCopies(spans.map((span) => {
      const { tokens } = texts[span.document];
      return { text: tokens.text, range: [tokens.start[span.from], tokens.end[span.to - 1]] };
    }));
    const copies: PassageCopy[] = spans.map((span, k) => {
      const identical = sameAs[k] === common;
      return {
        document: span.document,
        range: ranges[k],
        words: span.to - span.from,
        wording: number.get(sameAs[k]) as number,
        identical,
        differences: identical ? [] : copyDifferences(texts, blocks, spans[common], span),
      };
    });
    clusters.push({ id: 0, documents: draft.documents, copies, common, identical: copies.every((copy) => copy.identical) });
  }
  clusters.sort((p, q) => p.copies[0].document - q.copies[0].document || p.copies[0].range[0] - q.copies[0].range[0]);
  clusters.forEach((cluster, id) => (cluster.id = id));
  return { clusters, truncated: steps.cut };
}
