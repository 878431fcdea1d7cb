/**
 * A comparison found on two articles' texts, moved onto their sources (every range of the model
 * mapped through its side's offset map, so that `compare --json`, the decorations and the hovers
 * point into the file as it is), and back (for what quotes the article's words: the page, reports).
 */
import type { Comparison, Difference, DocumentAnalysis, Range } from '../model';
import type { Article } from './article';
import type { OffsetMap } from './offsetMap';

type MapRange = (range: Range) => Range;

function side(analysis: DocumentAnalysis, map: MapRange): DocumentAnalysis {
  return {
    ...analysis,
    quotes: analysis.quotes.map((quote) => ({
      ...quote,
      range: map(quote.range),
      speaker: quote.speaker === null ? null : { ...quote.speaker, range: map(quote.speaker.range) },
    })),
    nonSpeech: analysis.nonSpeech.map((quote) => ({ ...quote, range: map(quote.range) })),
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
