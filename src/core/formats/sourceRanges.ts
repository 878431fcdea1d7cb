/**
 * A comparison found on two articles' texts, moved onto their sources (every range of the model
 * mapped through its side's offset map, so that `compare --json`, the decorations and the hovers
 * point into the file as it is), and back (for what quotes the article's words: the page, reports).
 */
import type { AttributionCue, Comparison, ConflictingAttribution, Difference, DocumentAnalysis, ManyComparison, Range, SpeakerMention, VersionDifference } from '../model';
import type { Article } from './article';
import type { OffsetMap } from './offsetMap';

type MapRange = (range: Range) => Range;

const cue = (value: AttributionCue, map: MapRange): AttributionCue => ({ ...value, range: value.range === null ? null : map(value.range) });

/** An attribution's mention and cue mapped. */
function mention<T extends SpeakerMention>(value: T, map: MapRange): T {
  return { ...value, range: map(value.range), cue: cue(value.cue, map) };
}

function side(analysis: DocumentAnalysis, map: MapRange): DocumentAnalysis {
  return {
    ...analysis,
    quotes: analysis.quotes.map((quote) => ({
      ...quote,
      range: map(quote.range),
      speaker: quote.speaker === null ? null : mention(quote.speaker, map),
    })),
    nonSpeech: analysis.nonSpeech.map((quote) => ({ ...quote, range: map(quote.range) })),
    ...(analysis.headings === undefined ? {} : { headings: analysis.headings.map(map) }),
  };
}

function differences(list: readonly Difference[], a: MapRange, b: MapRange): Difference[] {
  return list.map((difference) => ({ a: a(difference.a), b: b(difference.b) }));
}

/** `comparison` with every range of side A mapped by `a` and of side B by `b`. */
function mapRanges(comparison: Comparison, a: MapRange, b: MapRange): Comparison {
  return {
    ...comparison,
    a: side(comparison.a, a),
    b: side(comparison.b, b),
    passages: comparison.passages.map((passage) => ({ ...passage, a: a(passage.a), b: b(passage.b), differences: differences(passage.differences, a, b) })),
    quoteMatches: comparison.quoteMatches.map((match) => ({ ...match, differences: differences(match.differences, a, b) })),
    conflicts: comparison.conflicts.map((conflict) => ({ ...conflict, a: mention<ConflictingAttribution>(conflict.a, a), b: mention<ConflictingAttribution>(conflict.b, b) })),
  };
}

/** `comparison` (in article offsets) with every range in source offsets: the same object when both are plain text. */
export function comparisonInSource(comparison: Comparison, a: Article, b: Article): Comparison {
  if (a.map.isIdentity && b.map.isIdentity) return comparison;
  return mapRanges(comparison, (range) => a.map.toSource(range), (range) => b.map.toSource(range));
}

/** The model (in source offsets) with every range in its article text's offsets: the inverse of `comparisonInSource`. */
export function comparisonInArticles(model: Comparison, a: OffsetMap, b: OffsetMap): Comparison {
  if (a.isIdentity && b.isIdentity) return model;
  return mapRanges(model, (range) => a.toArticle(range), (range) => b.toArticle(range));
}

/**
 * A comparison of many documents with every range of document d mapped by `maps[d]`: quotes and
 * their mentions, copies, and each difference by the documents its two sides stand in.
 */
function mapManyRanges(comparison: ManyComparison, maps: ReadonlyArray<MapRange>): ManyComparison {
  const differences = (list: readonly VersionDifference[], base: number, here: number): VersionDifference[] =>
    list.map((difference) => ({ base: maps[base](difference.base), here: maps[here](difference.here) }));
  return {
    ...comparison,
    documents: comparison.documents.map((document, d) => ({ ...side(document, maps[d]), id: document.id })),
    passageClusters: comparison.passageClusters.map((cluster) => ({
      ...cluster,
      copies: cluster.copies.map((copy) => ({
        ...copy,
        range: maps[copy.document](copy.range),
        differences: differences(copy.differences, cluster.copies[cluster.common].document, copy.document),
      })),
    })),
    quoteClusters: comparison.quoteClusters.map((cluster) => ({
      ...cluster,
      versions: cluster.versions.map((version) => (version.relation === null ? version : {
        ...version,
        relation: { ...version.relation, differences: differences(version.relation.differences, cluster.versions[version.relation.against].document, version.document) },
      })),
    })),
  };
}

/** A comparison of many documents (in article offsets) in source offsets: the same object when all are plain text. */
export function manyInSource(comparison: ManyComparison, articles: readonly Article[]): ManyComparison {
  if (articles.every((article) => article.map.isIdentity)) return comparison;
  return mapManyRanges(comparison, articles.map((article) => (range: Range) => article.map.toSource(range)));
}

/** The many model (in source offsets) in its article texts' offsets: the inverse of `manyInSource`. */
export function manyInArticles(model: ManyComparison, maps: readonly OffsetMap[]): ManyComparison {
  if (maps.every((map) => map.isIdentity)) return model;
  return mapManyRanges(model, maps.map((map) => (range: Range) => map.toArticle(range)));
}
