/**
 * Find Sources: the documents of an archive that share the most text with an article, with the
 * figures of their exact comparison. The index only proposes candidates; each candidate is then
 * compared with the article by the same passage finder and the same counts as `compareTexts`, so
 * the share listed for a document is the share the pair's comparison shows.
 */
import { DEFAULT_COMPARE_OPTIONS, type CompareOptions } from '../model';
import { findSharedPassages } from '../passages/passages';
import { documentStats } from '../passages/stats';
import { tokenize, Vocabulary, type Tokens } from '../text/tokenize';
import type { ArchiveIndex, Awaitable, Candidate } from './archiveIndex';
import type { EmbeddedArchiveIndex } from './embeddedIndex';
import { fingerprintTokens, type FingerprintSettings } from './fingerprints';

export interface SourceMatch {
  /** The document's key in the index (a path, a URI). */
  key: string;
  /** Share of the article's words inside passages it shares with this document (the comparison's A share). */
  shareOfArticle: number;
  /** Share of this document's words inside those passages (the comparison's B share). */
  shareOfMatch: number;
  /** Shared passages, as the comparison lists them. */
  passages: number;
  sharedWords: { article: number; match: number };
  words: { article: number; match: number };
  /** Present (true) when a work budget cut this comparison short: its figures may be low. */
  truncated?: true;
}

export interface FindSourcesOptions {
  /** Most documents listed (default `DEFAULT_TOP`). */
  top?: number;
  /** Candidates compared exactly (default `candidateCount(top)`). */
  candidates?: number;
  /** Keys never listed: the article itself when it lies in the archive. */
  exclude?: readonly string[];
  /** The comparison's options (shortest passage). */
  compare?: Partial<CompareOptions>;
}

export const DEFAULT_TOP = 10;

/**
 * Candidates compared exactly for a list of `top`: the index's order is only an estimate (an
 * edited passage keeps fewer fingerprints than an identical one of the same length), so more are
 * compared than listed. Each comparison of two news articles takes about a millisecond.
 */
export function candidateCount(top: number): number {
  return Math.max(20, 2 * top);
}

/** One article, tokenized once, compared exactly with one document after another. */
export class ArticleMeasure {
  readonly tokens: Tokens;
  readonly options: CompareOptions;
  // One vocabulary for the article and every document, as compareTexts has one for its two texts.
  private readonly vocabulary = new Vocabulary();

  constructor(text: string, options: Partial<CompareOptions> = {}) {
    this.options = { ...DEFAULT_COMPARE_OPTIONS, ...options };
    this.tokens = tokenize(text, this.vocabulary);
  }

  fingerprints(settings: FingerprintSettings): Uint32Array {
    return fingerprintTokens(this.tokens, settings);
  }

  /** The figures of the comparison of the article (A) with `text` (B). */
  measure(key: string, text: string): SourceMatch {
    const tokens = tokenize(text, this.vocabulary);
    const { passages, truncated } = findSharedPassages(this.tokens, tokens, this.options);
    const article = documentStats(this.tokens, passages.map((passage) => passage.a));
    const match = documentStats(tokens, passages.map((passage) => passage.b));
    return {
      key,
      shareOfArticle: article.share,
      shareOfMatch: match.share,
      passages: passages.length,
      sharedWords: { article: article.sharedWords, match: match.sharedWords },
      words: { article: article.words, match: match.words },
      ...(truncated ? { truncated } : {}),
    };
  }
}

/** Best first: the most of the article, then the most of the document, then the most passages, then by key. */
export function rankMatches(matches: SourceMatch[]): SourceMatch[] {
  return matches.sort((x, y) => y.shareOfArticle - x.shareOfArticle || y.shareOfMatch - x.shareOfMatch
    || y.passages - x.passages || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/**
 * The documents of `index` sharing passages with the article, best first. `readText` gives a
 * candidate's article text (undefined when it can no longer be read: it is left out). Synchronous,
 * for the embedded index (the CLI runs start to end without an event loop).
 */
export function findSources(
  index: EmbeddedArchiveIndex,
  articleText: string,
  readText: (key: string) => string | undefined,
  options: FindSourcesOptions = {},
): SourceMatch[] {
  const { measure, query, top } = prepare(index, articleText, options);
  const candidates = index.candidates(query);
  return keepBest(candidates.map((candidate) => {
    const text = readText(candidate.key);
    return text === undefined ? undefined : measure.measure(candidate.key, text);
  }), top);
}

/**
 * The same for any index, one in a search engine included (docs/scale.md): its candidates, then the
 * same exact comparison of each in the core.
 */
export async function findSourcesIn(
  index: ArchiveIndex,
  articleText: string,
  readText: (key: string) => Awaitable<string | undefined>,
  options: FindSourcesOptions = {},
): Promise<SourceMatch[]> {
  const { measure, query, top } = prepare(index, articleText, options);
  const candidates: Candidate[] = await index.candidates(query);
  const texts = await Promise.all(candidates.map((candidate) => readText(candidate.key)));
  return keepBest(candidates.map((candidate, k) => (texts[k] === undefined ? undefined : measure.measure(candidate.key, texts[k]))), top);
}

function prepare(index: ArchiveIndex, articleText: string, options: FindSourcesOptions) {
  const top = Math.max(0, options.top ?? DEFAULT_TOP);
  const measure = new ArticleMeasure(articleText, options.compare);
  const query = { fingerprints: measure.fingerprints(index.settings), limit: options.candidates ?? candidateCount(top), exclude: options.exclude };
  return { measure, query, top };
}

/** The measured candidates that share a passage, best first, at most `top`. */
function keepBest(measured: (SourceMatch | undefined)[], top: number): SourceMatch[] {
  return rankMatches(measured.filter((match): match is SourceMatch => match !== undefined && match.passages > 0)).slice(0, top);
}
