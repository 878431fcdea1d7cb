/**
 * A comparison found on two articles' texts, moved onto their sources (every range of the model
 * mapped through its side's offset map, so that `compare --json`, the decorations and the hovers
 * point into the file as it is), and back (for what quotes the article's words: the page, reports).
 */
import type { AttributionCue, Comparison, ConflictingAttribution, Difference, DocumentAnalysis, Range, SpeakerMention } from '../model';
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
