/**
 * Shared passages: every maximal stretch of words that both texts contain, in any order, with
 * small edits inside reported as word differences of one passage rather than as fragments.
 *
 * Pipeline (each step linear or near-linear in the text length):
 * 1. words are interned and k-gram seeds grown into maximal exact matches (seeds.ts);
 * 2. exact matches on nearby diagonals are chained across small gaps (chain.ts);
 * 3. each chain's ends are extended over a dropped/changed word when exact words follow it
 *    (a passage whose last edit sits three words from its end has no seed there);
 * 4. pieces of one alignment are joined: across a dense cluster of edits, and, when most of both
 *    texts is shared in one order, across every gap of a reprint that is not a whole paragraph (reprint.ts);
 * 5. the word diff runs only in the gaps between a chain's exact matches (wordDiff.ts), which are a few
 *    words long, so the diff never sees anything but small inputs.
 */
import { budgetFor, workLimit } from '../budget';
import type { CompareOptions, Difference, SharedPassage } from '../model';
import { wordsOf, type Tokens } from '../text/tokenize';
import { findExactMatches, internWords, type MatchList, type SeedOptions } from './seeds';
import { chainMatches, matchedWords, type Chain } from './chain';
import { wordDifferences } from '../text/wordDiff';
import { DocumentEdges, SentenceEdges } from '../text/sentences';
import { ChainExtender } from './extend';
import { findExactMatchesOfMany } from './seedIndex';
import { sharedEdges } from './edges';
import { isExplainedByEdits, joinReprint } from './reprint';

/** Tuning of the matcher; the defaults are what the evaluation pairs were measured with. */
export interface MatcherSettings {
  /** Seed length in words (never more than `minWords`). */
  seedWords: number;
  /** Seeds occurring more often than this in either text are ignored (see seeds.ts). */
  maxSeedOccurrences: number;
  maxGap: number;
  maxSkew: number;
  /** Words looked at past each end of a passage when extending it (see extend.ts). */
  endWindow: number;
  /** Most words of whole sentences that one text alone has inside a passage (see extend.ts). */
  maxIndelWords: number;
  /** Share of each text's words matched in one order that makes the texts a reprint (see reprint.ts)… */
  minReprintShare: number;
  /** …with at least this many times `minWords` matched… */
  minReprintMatchedWords: number;
  /** …whose gaps up to `maxIndelWords` on one side and this many on the other are edits inside it. */
  maxReprintEditWords: number;
  /** Most words a passage may carry across a sentence edge at either end before they count. */
  maxFragment: number;
  /** An edited passage needs this many times `minWords` exactly matched words (see isConvincingEdit)… */
  minEditedMatchedWords: number;
  /** …and this share of its words matched exactly… */
  minEditedDensity: number;
  /** …or, when shorter, to be whole sentences with this share matched. */
  minShortEditedDensity: number;
  /**
   * Work budgets, per word of the two texts together (docs/robustness.md lists them with the
   * largest shares real articles use): seed hits paired in full, matches kept, words walked growing
   * them, chain candidates looked at, and extension steps. Texts built to be slow are cut there,
   * and say so.
   */
  seedPairsPerWord: number;
  seedMatchesPerWord: number;
  seedWalkPerWord: number;
  chainCandidatesPerWord: number;
  extensionStepsPerWord: number;
}

/** The shared passages, and whether a work budget cut the search short (some may be missing or shorter). */
export interface SharedPassages {
  passages: SharedPassage[];
  truncated: boolean;
}

export const DEFAULT_MATCHER_SETTINGS: MatcherSettings = {
  seedWords: 4,
  maxSeedOccurrences: 50,
  maxGap: 8,
  maxSkew: 3,
  endWindow: 8,
  maxIndelWords: 60,
  minReprintShare: 0.6,
  minReprintMatchedWords: 5,
  maxReprintEditWords: 16,
  maxFragment: 2,
  minEditedMatchedWords: 2,
  minEditedDensity: 0.6,
  minShortEditedDensity: 0.75,
  seedPairsPerWord: 2,
  seedMatchesPerWord: 0.5,
  seedWalkPerWord: 32,
  chainCandidatesPerWord: 8,
  extensionStepsPerWord: 0.5,
};

export function findSharedPassages(
  a: Tokens,
  b: Tokens,
  options: CompareOptions,
  settings: MatcherSettings = DEFAULT_MATCHER_SETTINGS,
): SharedPassages {
  const minWords = Math.max(1, Math.floor(options.minWords));
  // Texts tokenized with one vocabulary already share word ids; others are numbered here.
  const ids = a.vocabulary === b.vocabulary ? { a: a.ids, b: b.ids } : internWords(wordsOf(a), wordsOf(b));
  const seeds = findExactMatches(ids.a, ids.b, seedOptions(minWords, a.count + b.count, settings));
  const alignment = alignPassages({ tokens: a, ids: ids.a, edges: new DocumentEdges(a) }, { tokens: b, ids: ids.b, edges: new DocumentEdges(b) }, seeds.matches, minWords, settings);
  return { passages: alignment.passages, truncated: seeds.truncated || alignment.truncated };
}

/** The seeds that `findSharedPassages` grows for a shortest passage of `minWords` words, with the budgets of texts of `words` words together. */
export function seedOptions(minWords: number, words: number, settings: MatcherSettings = DEFAULT_MATCHER_SETTINGS): SeedOptions {
  return {
    k: Math.min(settings.seedWords, minWords),
    maxOccurrences: settings.maxSeedOccurrences,
    maxPairs: workLimit(settings.seedPairsPerWord, words),
    maxWalk: workLimit(settings.seedWalkPerWord, words),
    maxMatches: workLimit(settings.seedMatchesPerWord, words),
  };
}

/** One text of an alignment: its tokens, their word ids (numbered with the other text's) and its memoised sentence edges. */
export interface AlignedText {
  tokens: Tokens;
  ids: Int32Array;
  edges: DocumentEdges;
}

/**
 * Shared passages and, for each, the exact blocks it was built from (its chain, in token indices);
 * `truncated` when the chaining or extension budget cut the alignment short.
 */
export interface Alignment extends SharedPassages {
  chains: Chain[];
}

/**
 * Steps 2 to 4 of the pipeline on the exact matches of two texts (sorted by B, then A, as
 * `findExactMatches` gives them): the passages, in the order of A, and their chains. The chaining
 * and extension budgets are those of the two texts' words.
 */
export function alignPassages(a: AlignedText, b: AlignedText, matches: MatchList, minWords: number, settings: MatcherSettings = DEFAULT_MATCHER_SETTINGS): Alignment {
  const words = a.tokens.count + b.tokens.count;
  const edges = new SentenceEdges(a.edges, b.edges);
  const extender = new ChainExtender(a.ids, b.ids, settings.endWindow, edges, budgetFor(settings.extensionStepsPerWord, words), {
    maxWords: settings.maxIndelWords,
    minEvidence: minWords,
  });
  const chained = chainMatches(matches, { ...settings, maxCandidates: workLimit(settings.chainCandidatesPerWord, words) });
  const chains: Chain[] = [];
  // Best chains first (see chainMatches): a budget that runs out leaves the weakest unextended.
  for (let c = 0; c < chained.count; c++) {
    const extended = extender.extend(chained.chain(c));
    // Most chains are chance matches of a few words: drop them before the sentence checks.
    if (shorterSide(extended) < minWords) continue;
    const chain = trimToSentences(extended, edges, settings.maxFragment);
    if (chain.length === 0) continue;
    if (chain.length > 1 && !isConvincingEdit(chain, edges, minWords, settings)) {
      // Not enough shared wording to call the whole an edited passage; its exact parts may still count.
      for (const block of chain) if (block.length >= minWords) chains.push([block]);
    } else if (shorterSide(chain) >= minWords) {
      chains.push(chain);
    }
  }

  const joined = joinAlignments(dropEchoes(chains, a.tokens.count, b.tokens.count), { idsA: a.ids, idsB: b.ids, edges }, minWords, settings.maxSkew);
  const kept = joinReprint(joined, a.ids, b.ids, edges, {
    minShare: settings.minReprintShare,
    minWords: settings.minReprintMatchedWords * minWords,
    maxWords: settings.maxIndelWords,
    maxEditWords: settings.maxReprintEditWords,
    maxSkew: settings.maxSkew,
  });
  const passages: SharedPassage[] = [];
  for (const chain of kept) {
    const first = chain[0];
    const last = chain[chain.length - 1];
    const differences = [];
    for (let k = 1; k < chain.length; k++) {
      const previous = chain[k - 1];
      const next = chain[k];
      differences.push(...gapDifferences(a.tokens, previous.i + previous.length, next.i, b.tokens, previous.j + previous.length, next.j, edges, settings.maxSkew));
    }
    const { wordsA, wordsB } = span(chain);
    const [rangeA, rangeB] = sharedEdges(
      a.tokens.text, [a.tokens.start[first.i], a.tokens.end[last.i + last.length - 1]],
      b.tokens.text, [b.tokens.start[first.j], b.tokens.end[last.j + last.length - 1]],
    );
    passages.push({
      id: passages.length,
      a: rangeA,
      b: rangeB,
      identical: differences.length === 0,
      words: { a: wordsA, b: wordsB },
      differences,
    });
  }
  // Sorted by their ranges; the chains follow their passages (the ids, still the build order, lead them there).
  passages.sort((x, y) => x.a[0] - y.a[0] || x.b[0] - y.b[0]);
  const sortedChains = passages.map((passage) => kept[passage.id]);
  passages.forEach((passage, index) => (passage.id = index));
  return { passages, chains: sortedChains, truncated: chained.truncated || extender.truncated };
}

/** The alignment of documents `x < y` (x as A). */
export interface PairAlignment {
  x: number;
  y: number;
  alignment: Alignment;
}

/**
 * Every pair of `texts` (tokenized with one vocabulary) that shares a passage, aligned as
 * `findSharedPassages` aligns those two texts, budgets included, from one seed index; `truncated`
 * when a budget cut some pair short.
 */
export function alignEveryPair(texts: readonly AlignedText[], minWords: number, settings: MatcherSettings = DEFAULT_MATCHER_SETTINGS): { pairs: PairAlignment[]; truncated: boolean } {
  const seeds = findExactMatchesOfMany(texts.map((t) => t.ids), (x, y) => seedOptions(minWords, texts[x].tokens.count + texts[y].tokens.count, settings));
  let truncated = false;
  const pairs = seeds.map(({ x, y, matches, truncated: cut }) => {
    const alignment = alignPassages(texts[x], texts[y], matches, minWords, settings);
    truncated ||= cut || alignment.truncated;
    return { x, y, alignment };
  });
  return { pairs, truncated };
}

/**
 * The words of a chain on its shorter side: `span`'s smaller count without an object, for the
 * millions of chance matches (the CLI's quote thread turns V8's escape analysis off).
 */
function shorterSide(chain: Chain): number {
  const first = chain[0];
  const last = chain[chain.length - 1];
  return Math.min(last.i + last.length - first.i, last.j + last.length - first.j);
}

function span(chain: Chain): { i0: number; i1: number; j0: number; j1: number; wordsA: number; wordsB: number } {
  const first = chain[0];
  const last = chain[chain.length - 1];
  const i1 = last.i + last.length;
  const j1 = last.j + last.length;
  return { i0: first.i, i1, j0: first.j, j1, wordsA: i1 - first.i, wordsB: j1 - first.j };
}

/**
 * Whether a chain with gaps is one edited passage rather than two texts that happen to share
 * phrases. Articles on one story share phrases ("shot and killed by a … police officer") and
 * sentence frames made of common words ("one of the most … in the … on Monday"); wire copy
 * edited by a word or two keeps most of its words. So the exactly matched words must make up
 * `minEditedDensity` of the passage, and number twice `minWords`, unless the passage is whole
 * sentences in both texts with an even higher share matched (a short sentence with one word changed).
 */
function isConvincingEdit(chain: Chain, edges: SentenceEdges, minWords: number, settings: MatcherSettings): boolean {
  const matched = matchedWords(chain);
  const density = matched / alignedLength(chain, settings.maxSkew);
  if (density < settings.minEditedDensity) return false;
  if (matched >= settings.minEditedMatchedWords * minWords) return true;
  return density >= settings.minShortEditedDensity && isWholeSentences(chain, edges);
}

/**
 * The words of a chain, counting each gap as its longer side, except that sentences only one text
 * has (a gap whose sides differ by more than `maxSkew` words, which only a jump over them makes:
 * see extend.ts) count as one word, the way aligners charge an indel once however long: a
 * passage that lost a sentence is no less reused for it.
 */
function alignedLength(chain: Chain, maxSkew: number): number {
  let length = chain[0].length;
  for (let k = 1; k < chain.length; k++) {
    const gapA = chain[k].i - chain[k - 1].i - chain[k - 1].length;
    const gapB = chain[k].j - chain[k - 1].j - chain[k - 1].length;
    length += chain[k].length + (Math.abs(gapA - gapB) > maxSkew ? Math.min(gapA, gapB) + 1 : Math.max(gapA, gapB));
  }
  return length;
}

/**
 * The word differences of a gap between two blocks of a chain. Sentences that one text alone has
 * (a gap whose sides differ by more than `maxSkew` words) are one difference, a deletion or an
 * insertion, and the words beside them are diffed on their own: diffed together, a common word of
 * the dropped sentence would pair with one beside it and scatter the sentence into pieces.
 */
function gapDifferences(a: Tokens, aFrom: number, aTo: number, b: Tokens, bFrom: number, bTo: number, edges: SentenceEdges, maxSkew: number): Difference[] {
  const skew = (aTo - aFrom) - (bTo - bFrom);
  if (Math.abs(skew) <= maxSkew) return wordDifferences(a, aFrom, aTo, b, bFrom, bTo);
  const inA = skew > 0;
  const from = inA ? aFrom : bFrom;
  const to = inA ? aTo : bTo;
  const isEdge = (t: number): boolean => (inA ? edges.looseInA(t) : edges.looseInB(t));
  // The sentences run from the gap's start to an edge, or from an edge to its end: the edge that
  // leaves the sides of the rest closest in length.
  let best: { start: number; end: number } | null = null;
  let bestSkew = Infinity;
  for (let t = from + 1; t <= to; t++) {
    if (!isEdge(t)) continue;
    const rest = Math.abs(skew) - (t - from);
    if (isEdge(from) && Math.abs(rest) < bestSkew) {
      best = { start: from, end: t };
      bestSkew = Math.abs(rest);
    }
    const restBefore = Math.abs(skew) - (to - t);
    if (t < to && isEdge(to) && Math.abs(restBefore) < bestSkew) {
      best = { start: t, end: to };
      bestSkew = Math.abs(restBefore);
    }
  }
  if (best === null) return wordDifferences(a, aFrom, aTo, b, bFrom, bTo);
  if (best.start === from) {
    // The sentences first, then the rest of the gap.
    return inA
      ? [...wordDifferences(a, best.start, best.end, b, bFrom, bFrom), ...wordDifferences(a, best.end, aTo, b, bFrom, bTo)]
      : [...wordDifferences(a, aFrom, aFrom, b, best.start, best.end), ...wordDifferences(a, aFrom, aTo, b, best.end, bTo)];
  }
  return inA
    ? [...wordDifferences(a, aFrom, best.start, b, bFrom, bTo), ...wordDifferences(a, best.start, best.end, b, bTo, bTo)]
    : [...wordDifferences(a, aFrom, aTo, b, bFrom, best.start), ...wordDifferences(a, aTo, aTo, b, best.start, best.end)];
}

function isWholeSentences(chain: Chain, edges: SentenceEdges): boolean {
  const { i0, i1, j0, j1 } = span(chain);
  return edges.inA(i0) && edges.inB(j0) && edges.inA(i1) && edges.inB(j1);
}

/**
 * Cuts a word or two that a passage carries across a sentence edge at either end ("…perhaps
 * controversy.” The", "Flynn said. “Donald Trump has…"): both articles following a shared
 * sentence with "The" is chance, not reuse. The cut is made where either text has the edge. A
 * fragment that is a whole sentence in both texts (a byline, "No.") is reuse and stays.
 */
function trimToSentences(chain: Chain, edges: SentenceEdges, maxFragment: number): Chain {
  if (chain.length === 0) return chain;
  const first = chain[0];
  const startsWhole = edges.inA(first.i) && edges.inB(first.j);
  for (let t = Math.min(maxFragment, first.length); t >= 1; t--) {
    const edgeA = edges.inA(first.i + t);
    const edgeB = edges.inB(first.j + t);
    if (startsWhole && edgeA && edgeB) break;
    if (edgeA || edgeB) {
      if (t < first.length) chain[0] = { i: first.i + t, j: first.j + t, length: first.length - t };
      else chain = chain.slice(1);
      break;
    }
  }
  if (chain.length === 0) return chain;
  const last = chain[chain.length - 1];
  const endI = last.i + last.length;
  const endJ = last.j + last.length;
  const endsWhole = edges.inA(endI) && edges.inB(endJ);
  for (let t = Math.min(maxFragment, last.length); t >= 1; t--) {
    const edgeA = edges.inA(endI - t);
    const edgeB = edges.inB(endJ - t);
    if (endsWhole && edgeA && edgeB) break;
    if (edgeA || edgeB) {
      if (t < last.length) chain[chain.length - 1] = { i: last.i, j: last.j, length: last.length - t };
      else chain = chain.slice(0, -1);
      break;
    }
  }
  return chain;
}

/**
 * Drops echoes: a chain whose words in A all lie inside longer chains, and whose words in B do
 * too. When a phrase occurs twice in both texts (a name and title repeated in a reprint), the
 * cross pairs of its occurrences match as well, but they tell the reader nothing that the longer
 * passages do not. A sentence that B prints twice is kept twice: its second copy in B is new.
 */
function dropEchoes(chains: Chain[], wordsA: number, wordsB: number): Chain[] {
  // Counted once per chain, not per comparison of the sort: a reprint has chains of 20,000 blocks.
  const words = chains.map(matchedWords);
  const order = chains.map((_, k) => k).sort((x, y) => words[y] - words[x]);
  const coveredA = new CoveredWords(wordsA);
  const coveredB = new CoveredWords(wordsB);
  const kept: Chain[] = [];
  for (const k of order) {
    const { i0, i1, j0, j1 } = span(chains[k]);
    if (coveredA.contains(i0, i1) && coveredB.contains(j0, j1)) continue;
    kept.push(chains[k]);
    coveredA.add(i0, i1);
    coveredB.add(j0, j1);
  }
  return kept;
}

/**
 * Joins chains that are one alignment. Where a chain runs on past the end of the one before it (in
 * A), both texts overlapping, and the two share matched words on the same diagonal, they are that
 * stretch's two halves (one grew across a gap the other could not: a jump over a dropped sentence,
 * or a seed chain across edits that extension cannot cross). Where a chain follows the one before
 * it in both texts across a gap too long for chaining (a cluster of edits: three changes in ten
 * words), the gap is bridged when the words matched around it are dense enough (see
 * `bridgesGap`). Linear in the blocks.
 */
function joinAlignments(chains: Chain[], texts: GapTexts, minWords: number, maxSkew: number): Chain[] {
  const order = chains.map((chain) => ({ chain, ...span(chain) })).sort((x, y) => x.i0 - y.i0 || x.j0 - y.j0);
  const joined: Chain[] = [];
  let last: { chain: Chain; i1: number; j1: number } | null = null;
  for (const next of order) {
    if (last !== null && next.i1 > last.i1 && next.j1 > last.j1) {
      // The chain built so far grows in place: a reprint may be joined from many pieces.
      const merged = next.i0 < last.i1 && next.j0 < last.j1
        ? mergeAtCrossing(last.chain, next.chain)
        : next.i0 >= last.i1 && next.j0 >= last.j1 && bridgesGap(last.chain, next.chain, texts, minWords, maxSkew) && append(last.chain, next.chain, 0);
      if (merged) {
        last = { chain: last.chain, i1: next.i1, j1: next.j1 };
        continue;
      }
    }
    joined.push(next.chain);
    last = next;
  }
  return joined;
}

/** Most words of a gap between two chains that the words matched around it may bridge. */
const MAX_BRIDGED_GAP = 24;
/** Share of the words next to a bridged gap, on each side, that must be matched. */
const MIN_BRIDGE_DENSITY = 0.75;

/**
 * Whether the gap between `first` and `second` (which follows it in both texts) is edits inside
 * one passage: at most MAX_BRIDGED_GAP words, its two sides within `maxSkew` words of each other
 * or the shorter one mostly words of the longer (words dropped around the ones kept), no paragraph in it (a paragraph one text left out or replaced parts two passages), and on each
 * side of it, within twice its length (three times `minWords` at least), MIN_BRIDGE_DENSITY of the
 * words matched and at least twice `minWords`: the density of shared words around a gap, not its
 * length alone, says whether it is a run of edits or the end of what two texts share.
 */
function bridgesGap(first: Chain, second: Chain, texts: GapTexts, minWords: number, maxSkew: number): boolean {
  const { edges } = texts;
  const before = span(first);
  const after = span(second);
  const gapA = after.i0 - before.i1;
  const gapB = after.j0 - before.j1;
  const gap = Math.max(gapA, gapB);
  if (gap > MAX_BRIDGED_GAP) return false;
  if (Math.abs(gapA - gapB) > maxSkew && !isExplainedByEdits(texts.idsA, before.i1, after.i0, texts.idsB, before.j1, after.j0, maxSkew)) return false;
  if (crossesParagraph(before.i1, after.i0, (t) => edges.paragraphInA(t)) || crossesParagraph(before.j1, after.j0, (t) => edges.paragraphInB(t))) return false;
  const reach = Math.max(2 * gap, 3 * minWords);
  const enough = Math.max(2 * minWords, MIN_BRIDGE_DENSITY * reach);
  const matchedBefore = matchedIn(first, before.i1 - reach, before.i1);
  const matchedAfter = matchedIn(second, after.i0, after.i0 + reach);
  if (matchedBefore >= enough && matchedAfter >= enough) return true;
  // A short side that runs to the end of its sentence in both texts (the passage's last words after
  // a cluster of edits) needs only be dense over its own words, when the other side is dense in full.
  if (matchedBefore < enough || !edges.inA(after.i1) || !edges.inB(after.j1) || after.wordsA >= reach) return false;
  return matchedAfter >= Math.max(minWords, MIN_BRIDGE_DENSITY * after.wordsA);
}

/** The two texts' word ids and edges, for judging a gap. */
interface GapTexts {
  idsA: Int32Array;
  idsB: Int32Array;
  edges: SentenceEdges;
}

/** Whether words `[from, to)` hold a paragraph edge inside, or are a paragraph from edge to edge. */
function crossesParagraph(from: number, to: number, isParagraph: (t: number) => boolean): boolean {
  for (let t = from + 1; t < to; t++) if (isParagraph(t)) return true;
  return to > from && isParagraph(from) && isParagraph(to);
}

/** Matched words of `chain` among words `[from, to)` of A, looking only at the blocks near `from` or `to`. */
function matchedIn(chain: Chain, from: number, to: number): number {
  let matched = 0;
  const fromEnd = chain[chain.length - 1].i + chain[chain.length - 1].length <= to;
  for (let k = fromEnd ? chain.length - 1 : 0; k >= 0 && k < chain.length; k += fromEnd ? -1 : 1) {
    const block = chain[k];
    const inside = Math.min(block.i + block.length, to) - Math.max(block.i, from);
    if (inside <= 0 && (fromEnd ? block.i + block.length <= from : block.i >= to)) break;
    matched += Math.max(0, inside);
  }
  return matched;
}

/**
 * Cuts `first` at the first place where a block of `second` overlaps one of its blocks on their
 * diagonal, and appends `second` from there, in place; false (nothing changed) when there is none.
 */
function mergeAtCrossing(first: Chain, second: Chain): boolean {
  // The first block of `first` that ends after `second` starts, found by halving (both sorted).
  let low = 0;
  let high = first.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (first[middle].i + first[middle].length <= second[0].i) low = middle + 1;
    else high = middle;
  }
  let c = low;
  for (let b = 0; b < second.length; b++) {
    const block = second[b];
    while (c < first.length && first[c].i + first[c].length <= block.i) c++;
    if (c === first.length) return false;
    // Blocks of `first` that overlap `block` in A, nearest first.
    for (let k = c; k < first.length && first[k].i < block.i + block.length; k++) {
      const other = first[k];
      if (other.i - other.j !== block.i - block.j) continue;
      const start = Math.min(other.i, block.i);
      const end = Math.max(other.i + other.length, block.i + block.length);
      const union = { i: start, j: start - (block.i - block.j), length: end - start };
      const before = k > 0 ? first[k - 1] : null;
      const after = b + 1 < second.length ? second[b + 1] : null;
      if (before !== null && (before.i + before.length > union.i || before.j + before.length > union.j)) continue;
      if (after !== null && (union.i + union.length > after.i || union.j + union.length > after.j)) continue;
      first.length = k;
      first.push(union);
      return append(first, second, b + 1);
    }
  }
  return false;
}

/** Appends `second[from…]` to `first`; true. */
function append(first: Chain, second: Chain, from: number): true {
  for (let b = from; b < second.length; b++) first.push(second[b]);
  return true;
}

/**
 * Which words of a text are covered, as "the first uncovered word at or after p" with path
 * compression: each word is covered once, so any number of `add`s and `contains` costs about one
 * step per word and query. (Sorted runs with array splices were quadratic in the number of
 * chains, and a text over a handful of words has a chain on every other word.)
 */
class CoveredWords {
  private readonly next: Int32Array;

  constructor(words: number) {
    this.next = new Int32Array(words + 1);
    for (let p = 0; p <= words; p++) this.next[p] = p;
  }

  private firstUncovered(p: number): number {
    let root = p;
    while (this.next[root] !== root) root = this.next[root];
    while (this.next[p] !== root) {
      const up = this.next[p];
      this.next[p] = root;
      p = up;
    }
    return root;
  }

  /** Whether every word of `[start, end)` is covered. */
  contains(start: number, end: number): boolean {
    return this.firstUncovered(start) >= end;
  }

  add(start: number, end: number): void {
    for (let p = this.firstUncovered(start); p < end; p = this.firstUncovered(p + 1)) this.next[p] = p + 1;
  }
}
