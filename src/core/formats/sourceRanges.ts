/**
 * A comparison found on two articles' texts, moved onto their sources: every range of the model
 * mapped through its side's offset map, so that `compare --json`, the decorations and the hovers
 * point into the file as it is.
 */
import type { Comparison, Difference, DocumentAnalysis, Range } from '../model';
import type { Article } from './article';
import type { OffsetMap } from './offsetMap';

function side(analysis: DocumentAnalysis, article: Article): DocumentAnalysis {
  const map = article.map;
  const toSource = (range: Range): Range => map.toSource(range);
  return {
    ...analysis,
    quotes: analysis.quotes.map((quote) => ({
      ...quote,
      range: toSource(quote.range),
      speaker: quote.speaker === null ? null : { ...quote.speaker, range: toSource(quote.speaker.range) },
    })),
    nonSpeech: analysis.nonSpeech.map((quote) => ({ ...quote, range: toSource(quote.range) })),
  };
}

function differences(list: readonly Difference[], a: OffsetMap, b: OffsetMap): Difference[] {
  return list.map((difference) => ({ a: a.toSource(difference.a), b: b.toSource(difference.b) }));
}

/** `comparison` (in article offsets) with every range in source offsets: the same object when both are plain text. */
export function comparisonInSource(comparison: Comparison, a: Article, b: Article): Comparison {
  if (a.map.isIdentity && b.map.isIdentity) return comparison;
  return {
    ...comparison,
    a: side(comparison.a, a),
    b: side(comparison.b, b),
    passages: comparison.passages.map((passage) => ({
      ...passage,
      a: a.map.toSource(passage.a),
      b: b.map.toSource(passage.b),
      differences: differences(passage.differences, a.map, b.map),
    })),
    quoteMatches: comparison.quoteMatches.map((match) => ({ ...match, differences: differences(match.differences, a.map, b.map) })),
  };
}
