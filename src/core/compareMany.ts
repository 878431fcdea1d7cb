/**
 * The comparison of three or more documents (two keep `compareTexts` and its model). Each document
 * is tokenized and its quotes analysed once; one seed index over all of them gives every pair's
 * shared passages, from which the overview and the passage clusters are made; one index over all
 * quotes gives the quote clusters; one speaker list is merged across all.
 */
import { DEFAULT_COMPARE_OPTIONS, MANY_MODEL_VERSION, type CompareOptions, type Comparison, type ManyComparison, type ManyTruncatedPart } from './model';
import { clusterPassages } from './passages/clusters';
import { sourcesOverview } from './passages/overview';
import { alignEveryPair } from './passages/passages';
import { analyzeQuotes, type DocumentQuotes } from './quotes/attribution';
import { pairingTruncated, pairManyQuotes } from './quotes/matching/manyPairing';
import { clusterQuotes } from './quotes/matching/quoteClusters';
import { mergeSpeakersOfMany, renumberQuotes } from './quotes/speakerMerge';
import { DocumentEdges } from './text/sentences';
import { tokenize, Vocabulary } from './text/tokenize';
import { articleOf, compareTexts, formatFields, type SourceText } from './compare';
import type { Article } from './formats/article';
import { manyInSource } from './formats/sourceRanges';

/** One comparison of many documents in two sets of offsets, as `ReadComparison` is for two. */
export interface ReadManyComparison {
  /** The model: ranges into the sources. */
  model: ManyComparison;
  /** The same comparison with ranges into the article texts (what the comparison page shows); the model itself for plain text. */
  inArticles: ManyComparison;
  articles: Article[];
}

/** The model of many documents; `quotes` may hand over analyses made elsewhere (each exactly `analyzeQuotes` of its article text). */
export function compareMany(sources: readonly SourceText[], options: Partial<CompareOptions> = {}, quotes: (index: number) => DocumentQuotes | undefined = () => undefined): ManyComparison {
  return compareManyDocuments(sources, options, quotes).model;
}

/**
 * `compareMany`, also giving the comparison in article offsets and the articles read. A document
 * read as a web page or Markdown is compared by its article text, and every range mapped back to
 * its source.
 */
export function compareManyDocuments(sources: readonly SourceText[], options: Partial<CompareOptions> = {}, quotes: (index: number) => DocumentQuotes | undefined = () => undefined): ReadManyComparison {
  const articles = sources.map(articleOf);
  const inArticles = compareArticles(sources.map((source) => source.name), articles, options, quotes);
  return { model: manyInSource(inArticles, articles), inArticles, articles };
}

function compareArticles(names: readonly string[], articles: readonly Article[], options: Partial<CompareOptions>, quotes: (index: number) => DocumentQuotes | undefined): ManyComparison {
  const settings: CompareOptions = { ...DEFAULT_COMPARE_OPTIONS, ...options };
  const minWords = Math.max(1, Math.floor(settings.minWords));
  const vocabulary = new Vocabulary();
  const texts = articles.map((article) => {
    const tokens = tokenize(article.text, vocabulary);
    return { tokens, ids: tokens.ids, edges: new DocumentEdges(tokens) };
  });
  // Every step has the budgets of docs/robustness.md: each pair of documents those of comparing the two.
  const aligned = alignEveryPair(texts, minWords);
  const { overview, documents: stats } = sourcesOverview(texts.map((t) => t.tokens), aligned.pairs);
  const passages = clusterPassages(texts, aligned.pairs, minWords);

  const analyses = articles.map((article, d) => quotes(d) ?? analyzeQuotes(article.text));
  const { speakers, ids } = mergeSpeakersOfMany(analyses);
  const withSpeakers = analyses.map((analysis, d) => ({ tokens: texts[d].tokens, quotes: renumberQuotes(analysis.quotes, ids[d], speakers) }));
  const quotePairing = pairManyQuotes(withSpeakers);
  const quoteClusters = clusterQuotes(withSpeakers, quotePairing);
  const truncatedParts: ManyTruncatedPart[] = [];
  if (aligned.truncated || passages.truncated) truncatedParts.push('passageClusters');
  if (pairingTruncated(quotePairing)) truncatedParts.push('quoteClusters');
  return {
    shape: 'many',
    version: MANY_MODEL_VERSION,
    options: settings,
    documents: articles.map((article, d) => ({
      id: d,
      name: names[d],
      ...formatFields(article),
      stats: stats[d],
      quotes: withSpeakers[d].quotes,
      nonSpeech: analyses[d].nonSpeech,
    })),
    overview,
    passageClusters: passages.clusters,
    quoteClusters,
    speakers,
    truncated: truncatedParts.length > 0,
    truncatedParts,
  };
}

/** Either model: two documents keep the pair's shape (`compareTexts`), three or more the many shape. */
export function compareSources(sources: readonly SourceText[], options: Partial<CompareOptions> = {}): Comparison | ManyComparison {
  if (sources.length === 2) return compareTexts(sources[0], sources[1], options);
  return compareMany(sources, options);
}
