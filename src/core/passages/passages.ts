/**
 * Shared passages: every maximal stretch of words that both texts contain, in any order, with
 * small edits inside reported as word differences of one passage rather than as fragments.
 *
 * Pipeline (each step linear or near-linear in the text length):
 * 1. words are interned and k-gram seeds grown into maximal exact matches (seeds.ts);
 * 2. exact matches on nearby diagonals are chained across small gaps (chain.ts);
 * 3. each chain's ends are extended over a dropped/changed word when exact words follow it
 *    (a passage whose last edit sits three words from its end has no seed there);
 * 4. jsdiff runs only in the gaps between a chain's exact matches (wordDiff.ts), which are a few
 *    words long, so the diff never sees anything but small inputs.
 */
import type { CompareOptions, Range, SharedPassage } from '../model';
import { wordsOf, type Tokens } from '../text/tokenize';
import { findExactMatches, internWords, type ExactMatch, type SeedOptions } from './seeds';
import { chainMatches, type Chain } from './chain';
import { wordDifferences } from '../text/wordDiff';
import { DocumentEdges, SentenceEdges } from '../text/sentences';
import { ChainExtender } from './extend';
import { partitionPoint } from '../text/binarySearch';

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
  /** Most words a passage may carry across a sentence edge at either end before they count. */
  maxFragment: number;
  /** An edited passage needs this many times `minWords` exactly matched words (see isConvincingEdit)… */
  minEditedMatchedWords: number;
  /** …and this share of its words matched exactly… */
  minEditedDensity: number;
  /** …or, when shorter, to be whole sentences with this share matched. */
  minShortEditedDensity: number;
}

export const DEFAULT_MATCHER_SETTINGS: MatcherSettings = {
  seedWords: 4,
  maxSeedOccurrences: 50,
  maxGap: 8,
  maxSkew: 3,
  endWindow: 8,
  maxFragment: 2,
  minEditedMatchedWords: 2,
  minEditedDensity: 0.6,
  minShortEditedDensity: 0.75,
};

export function findSharedPassages(
  a: Tokens,
  b: Tokens,
  options: CompareOptions,
  settings: MatcherSettings = DEFAULT_MATCHER_SETTINGS,
): SharedPassage[] {
  const minWords = Math.max(1, Math.floor(options.minWords));
  // Texts tokenized with one vocabulary already share word ids; others are numbered here.
  const ids = a.vocabulary === b.vocabulary ? { a: a.ids, b: b.ids } : internWords(wordsOf(a), wordsOf(b));
  const matches = findExactMatches(ids.a, ids.b, seedOptions(minWords, settings));
  return alignPassages({ tokens: a, ids: ids.a, edges: new DocumentEdges(a) }, { tokens: b, ids: ids.b, edges: new DocumentEdges(b) }, matches, minWords, settings).passages;
}

/** The seeds that `findSharedPassages` grows for a shortest passage of `minWords` words. */
export function seedOptions(minWords: number, settings: MatcherSettings = DEFAULT_MATCHER_SETTINGS): SeedOptions {
  return { k: Math.min(settings.seedWords, minWords), maxOccurrences: settings.maxSeedOccurrences };
}

/** One text of an alignment: its tokens, their word ids (numbered with the other text's) and its memoised sentence edges. */
export interface AlignedText {
  tokens: Tokens;
  ids: Int32Array;
  edges: DocumentEdges;
}

/** Shared passages and, for each, the exact blocks it was built from (its chain, in token indices). */
export interface Alignment {
  passages: SharedPassage[];
  chains: Chain[];
}

/**
 * Steps 2 to 4 of the pipeline on the exact matches of two texts (sorted by B, then A, as
 * `findExactMatches` gives them): the passages, in the order of A, and their chains.
 */
export function alignPassages(a: AlignedText, b: AlignedText, matches: readonly ExactMatch[], minWords: number, settings: MatcherSettings = DEFAULT_MATCHER_SETTINGS): Alignment {
  const edges = new SentenceEdges(a.edges, b.edges);
  const extender = new ChainExtender(a.ids, b.ids, settings.endWindow, edges);
  const chains: Chain[] = [];
  for (const raw of chainMatches(matches, settings)) {
    const extended = extender.extend(raw);
    // Most chains are chance matches of a few words: drop them before the sentence checks.
    if (Math.min(span(extended).wordsA, span(extended).wordsB) < minWords) continue;
    const chain = trimToSentences(extended, edges, settings.maxFragment);
    if (chain.length === 0) continue;
    if (chain.length > 1 && !isConvincingEdit(chain, edges, minWords, settings)) {
      // Not enough shared wording to call the whole an edited passage; its exact parts may still count.
      for (const block of chain) if (block.length >= minWords) chains.push([block]);
    } else if (Math.min(span(chain).wordsA, span(chain).wordsB) >= minWords) {
      chains.push(chain);
    }
  }

  const kept = dropEchoes(chains);
  const passages: SharedPassage[] = [];
  for (const chain of kept) {
    const first = chain[0];
    const last = chain[chain.length - 1];
    const differences = [];
    for (let k = 1; k < chain.length; k++) {
      const previous = chain[k - 1];
      const next = chain[k];
      differences.push(...wordDifferences(a.tokens, previous.i + previous.length, next.i, b.tokens, previous.j + previous.length, next.j));
    }
    const { wordsA, wordsB } = span(chain);
    const [rangeA, rangeB] = takeSharedEllipses(
      a.tokens.text, widen(a.tokens.text, a.tokens.start[first.i], a.tokens.end[last.i + last.length - 1]),
      b.tokens.text, widen(b.tokens.text, b.tokens.start[first.j], b.tokens.end[last.j + last.length - 1]),
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
  return { passages, chains: sortedChains };
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
  const { wordsA, wordsB } = span(chain);
  const density = matched / Math.max(wordsA, wordsB);
  if (density < settings.minEditedDensity) return false;
  if (matched >= settings.minEditedMatchedWords * minWords) return true;
  return density >= settings.minShortEditedDensity && isWholeSentences(chain, edges);
}

function isWholeSentences(chain: Chain, edges: SentenceEdges): boolean {
  const { i0, i1, j0, j1 } = span(chain);
  return edges.inA(i0) && edges.inB(j0) && edges.inA(i1) && edges.inB(j1);
}

function matchedWords(chain: Chain): number {
  let words = 0;
  for (const block of chain) words += block.length;
  return words;
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
function dropEchoes(chains: Chain[]): Chain[] {
  // Counted once per chain, not per comparison of the sort: a reprint has chains of 20,000 blocks.
  const words = chains.map(matchedWords);
  const order = chains.map((_, k) => k).sort((x, y) => words[y] - words[x]);
  const coveredA = new IntervalSet();
  const coveredB = new IntervalSet();
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

/** A union of half-open integer intervals, kept as sorted disjoint runs. */
class IntervalSet {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Index of the last run starting at or before `at`, or -1. */
  private runAt(at: number): number {
    return partitionPoint(this.starts.length, (i) => this.starts[i] <= at) - 1;
  }

  contains(start: number, end: number): boolean {
    const run = this.runAt(start);
    return run >= 0 && this.ends[run] >= end;
  }

  add(start: number, end: number): void {
    let first = this.runAt(start);
    if (first < 0 || this.ends[first] < start) first++;
    let last = first;
    while (last < this.starts.length && this.starts[last] <= end) last++;
    if (last > first) {
      start = Math.min(start, this.starts[first]);
      end = Math.max(end, this.ends[last - 1]);
    }
    this.starts.splice(first, last - first, start);
    this.ends.splice(first, last - first, end);
  }
}

/**
 * Widens a passage over the punctuation that touches its first and last word (opening quote
 * marks, a final full stop, a closing quote), which belongs to the sentence a reader sees.
 */
export function widen(text: string, start: number, end: number): Range {
  while (start > 0) {
    const before = codePointBefore(text, start);
    if (!isPunctuation(before)) break;
    start -= before > 0xffff ? 2 : 1;
  }
  while (end < text.length) {
    const after = text.codePointAt(end)!;
    if (!isPunctuation(after)) break;
    end += after > 0xffff ? 2 : 1;
  }
  return [start, end];
}

/**
 * An ellipsis standing on its own next to a passage (“… overall, I think…”, "…the end. …") is
 * part of the quoted fragment when both texts have it there; when only one text has one, it is
 * that text's own and stays out.
 */
function takeSharedEllipses(textA: string, a: Range, textB: string, b: Range): [Range, Range] {
  const beforeA = ellipsisBefore(textA, a[0]);
  const beforeB = ellipsisBefore(textB, b[0]);
  const afterA = ellipsisAfter(textA, a[1]);
  const afterB = ellipsisAfter(textB, b[1]);
  const both = (x: number | null, y: number | null): boolean => x !== null && y !== null;
  return [
    [both(beforeA, beforeB) ? beforeA! : a[0], both(afterA, afterB) ? afterA! : a[1]],
    [both(beforeA, beforeB) ? beforeB! : b[0], both(afterA, afterB) ? afterB! : b[1]],
  ];
}

const ELLIPSIS_BEFORE = /(?:^|\s)([^\s\p{L}\p{N}\p{M}]*(?:…|\.\.\.)[^\s\p{L}\p{N}\p{M}]*)[^\S\r\n]+$/u;
const ELLIPSIS_AFTER = /^[^\S\r\n]+([^\s\p{L}\p{N}\p{M}]*(?:…|\.\.\.)[^\s\p{L}\p{N}\p{M}]*)(?:\s|$)/u;

/** Start of a stand-alone ellipsis run just before `offset` on the same line, or null. */
function ellipsisBefore(text: string, offset: number): number | null {
  const window = text.slice(Math.max(0, offset - 16), offset);
  // Most passages have no ellipsis beside them: skip the regex (whose first use compiles its
  // Unicode classes, a few milliseconds of every short comparison).
  if (!hasEllipsis(window)) return null;
  const match = ELLIPSIS_BEFORE.exec(window);
  return match === null ? null : offset - window.length + match.index + match[0].indexOf(match[1]);
}

/** End of a stand-alone ellipsis run just after `offset` on the same line, or null. */
function ellipsisAfter(text: string, offset: number): number | null {
  const window = text.slice(offset, offset + 16);
  if (!hasEllipsis(window)) return null;
  const match = ELLIPSIS_AFTER.exec(window);
  return match === null ? null : offset + match[0].indexOf(match[1]) + match[1].length;
}

const hasEllipsis = (window: string): boolean => window.includes('…') || window.includes('...');

const PUNCTUATION = /^[^\s\p{L}\p{N}\p{M}]$/u;
const ASCII_WORD_OR_SPACE = /^[\sA-Za-z0-9]$/;

function isPunctuation(codePoint: number): boolean {
  // ASCII without the Unicode regex: it answers the same there, and compiling it is a few
  // milliseconds of every short comparison.
  if (codePoint < 0x80) return !ASCII_WORD_OR_SPACE.test(String.fromCharCode(codePoint));
  return PUNCTUATION.test(String.fromCodePoint(codePoint));
}

function codePointBefore(text: string, offset: number): number {
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(offset - 2)!;
  }
  return low;
}
