/**
 * The one entry point that turns two texts into the comparison model. Each analysis (passages,
 * stats, and later quotes and speakers) is one step here, so adding one is a small edit. A text
 * read as a web page or Markdown is compared by its article text, and the model's ranges are then
 * mapped back to its source (see `formats/`).
 */
import { analyzeQuotes, type DocumentQuotes } from './quotes/attribution';
import { DEFAULT_COMPARE_OPTIONS, MODEL_VERSION, type CompareOptions, type Comparison, type DocumentAnalysis, type Range, type Side, type TruncatedPart } from './model';
import { findSharedPassages } from './passages/passages';
import { conflictEvidence, markConflicts } from './quotes/matching/matchQuotes';
import { QuotePairing } from './quotes/matching/quotePairing';
import { applySpeakerMerge, mergeSpeakerLists, type SpeakerMerge } from './quotes/speakerMerge';
import type { Article } from './formats/article';
import { comparisonInSource } from './formats/sourceRanges';
import { documentStats } from './passages/stats';
import { tokenize, Vocabulary } from './text/tokenize';
import { articleOf, type SourceText } from './sharePassages';

export { articleOf, sharePassages, type SourceText } from './sharePassages';

/**
 * Analyses that another thread may have made already (the CLI makes them there for large texts).
 * Each must be exactly what `compareTexts` would make itself, or undefined to have it made here.
 * All are of the sides' article texts.
 */
export interface WorkDoneElsewhere {
  /** `analyzeQuotes` of a side's article text. */
  quotes(side: Side): DocumentQuotes | undefined;
  /** The ranges of a side's quoted regions (`extractQuotedRegions`), which may come before its quotes. */
  quotedRegions(side: Side): Range[] | undefined;
  /** `mergeSpeakerLists` of the two sides' `quotes`. */
  speakerMerge(): SpeakerMerge | undefined;
}

const NOTHING_DONE_ELSEWHERE: WorkDoneElsewhere = { quotes: () => undefined, quotedRegions: () => undefined, speakerMerge: () => undefined };

/** One comparison in two sets of offsets: into the article texts compared, and into the sources. */
export interface ReadComparison {
  /** The model: ranges into the sources. */
  model: Comparison;
  /** The same comparison with ranges into the article texts (what the comparison page shows); the model itself for plain text. */
  inArticles: Comparison;
  articles: { a: Article; b: Article };
}

/**
 * The comparison model of two texts. What it asks of `elsewhere`, in this order: after the
 * passages, A's quotes and B's quoted regions (it pairs A's quotes with those regions meanwhile,
 * see `QuotePairing`), then B's quotes, then the merged speakers.
 */
export function compareTexts(
  a: SourceText,
  b: SourceText,
  options: Partial<CompareOptions> = {},
  elsewhere: WorkDoneElsewhere = NOTHING_DONE_ELSEWHERE,
): Comparison {
  return compareDocuments(a, b, options, elsewhere).model;
}

/** `compareTexts`, also giving the comparison in article offsets and the articles read. */
export function compareDocuments(
  a: SourceText,
  b: SourceText,
  options: Partial<CompareOptions> = {},
  elsewhere: WorkDoneElsewhere = NOTHING_DONE_ELSEWHERE,
): ReadComparison {
  const articles = { a: articleOf(a), b: articleOf(b) };
  const inArticles = compareArticles({ name: a.name, article: articles.a }, { name: b.name, article: articles.b }, options, elsewhere);
  return { model: comparisonInSource(inArticles, articles.a, articles.b), inArticles, articles };
}

/** How a document was read, as the model says it of each document. */
export function formatFields(article: Article): Pick<DocumentAnalysis, 'format' | 'formatNote' | 'formatWarnings' | 'headings'> {
  const headings = article.blocks.filter((block) => block.kind === 'heading').map((block): Range => [block.range[0], block.range[1]]);
  return {
    format: article.format,
    ...(article.note === undefined ? {} : { formatNote: article.note }),
    ...(article.warnings.length === 0 ? {} : { formatWarnings: [...article.warnings] }),
    ...(headings.length === 0 ? {} : { headings }),
  };
}

function compareArticles(
  a: { name: string; article: Article },
  b: { name: string; article: Article },
  options: Partial<CompareOptions>,
  elsewhere: WorkDoneElsewhere,
): Comparison {
  const settings: CompareOptions = { ...DEFAULT_COMPARE_OPTIONS, ...options };
  const vocabulary = new Vocabulary();
  const textA = a.article.text;
  const textB = b.article.text;
  const tokensA = tokenize(textA, vocabulary);
  const tokensB = tokenize(textB, vocabulary);
  const { passages, truncated: passagesTruncated } = findSharedPassages(tokensA, tokensB, settings);
  // Everything that needs no quotes comes first: quotes made elsewhere may still be on their way.
  const statsA = documentStats(tokensA, passages.map((passage) => passage.a));
  const statsB = documentStats(tokensB, passages.map((passage) => passage.b));
  const quotesA = elsewhere.quotes('a') ?? analyzeQuotes(textA);
  const sideA = { tokens: tokensA, quotes: quotesA.quotes };
  const regionsB = elsewhere.quotedRegions('b');
  const early = regionsB && new QuotePairing(sideA, tokensB, regionsB);
  const quotesB = elsewhere.quotes('b') ?? analyzeQuotes(textB);
  const pairing = early ?? new QuotePairing(sideA, tokensB, quotesB.quotes.map((quote) => quote.range));
  const pairs = pairing.finish(quotesB.quotes);
  const { speakers, quotes } = applySpeakerMerge(quotesA, quotesB, elsewhere.speakerMerge() ?? mergeSpeakerLists(quotesA, quotesB));
  const quoteMatches = markConflicts(pairs, quotes.a, quotes.b);
  const conflicts = conflictEvidence(quoteMatches, quotes.a, quotes.b);
  const truncatedParts: TruncatedPart[] = [];
  if (passagesTruncated) truncatedParts.push('passages');
  if (pairing.truncated) truncatedParts.push('quoteMatches');
  return {
    version: MODEL_VERSION,
    options: settings,
    a: {
      name: a.name,
      ...formatFields(a.article),
      stats: statsA,
      quotes: quotes.a,
      nonSpeech: quotesA.nonSpeech,
    },
    b: {
      name: b.name,
      ...formatFields(b.article),
      stats: statsB,
      quotes: quotes.b,
      nonSpeech: quotesB.nonSpeech,
    },
    passages,
    speakers,
    quoteMatches,
    conflicts,
    truncated: truncatedParts.length > 0,
    truncatedParts,
  };
}
