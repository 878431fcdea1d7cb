/**
 * The one entry point that turns two texts into the comparison model. Each analysis (passages,
 * stats, and later quotes and speakers) is one step here, so adding one is a small edit.
 */
import { analyzeQuotes, type DocumentQuotes } from './attribution';
import { DEFAULT_COMPARE_OPTIONS, MODEL_VERSION, type CompareOptions, type Comparison, type SharedPassage } from './model';
import { findSharedPassages } from './passages';
import { matchQuotes } from './quoteMatching';
import { mergeSpeakers } from './speakerMerge';
import { documentStats } from './stats';
import { tokenize, Vocabulary } from './tokenize';

export interface SourceText {
  /** A label for reports: the file name. */
  name: string;
  text: string;
}

/**
 * Only the shared passages of two texts: what `passages --json` prints, without the cost of the
 * quote and speaker analyses.
 */
export function sharePassages(a: SourceText, b: SourceText, options: Partial<CompareOptions> = {}): SharedPassage[] {
  const vocabulary = new Vocabulary();
  return findSharedPassages(tokenize(a.text, vocabulary), tokenize(b.text, vocabulary), { ...DEFAULT_COMPARE_OPTIONS, ...options });
}

/**
 * The comparison model of two texts. `quotesMadeElsewhere` may hand over a side's quote analysis
 * made on another thread (the CLI does this for large texts); it must be `analyzeQuotes` of that
 * side's text, or undefined to have it made here. It is asked after the passages, for A then B.
 */
export function compareTexts(
  a: SourceText,
  b: SourceText,
  options: Partial<CompareOptions> = {},
  quotesMadeElsewhere: (side: 'a' | 'b') => DocumentQuotes | undefined = () => undefined,
): Comparison {
  const settings: CompareOptions = { ...DEFAULT_COMPARE_OPTIONS, ...options };
  const vocabulary = new Vocabulary();
  const tokensA = tokenize(a.text, vocabulary);
  const tokensB = tokenize(b.text, vocabulary);
  const passages = findSharedPassages(tokensA, tokensB, settings);
  // Everything that needs no quotes comes first: quotes made elsewhere may still be on their way.
  const statsA = documentStats(tokensA, passages.map((passage) => passage.a));
  const statsB = documentStats(tokensB, passages.map((passage) => passage.b));
  const quotesA = quotesMadeElsewhere('a') ?? analyzeQuotes(a.text);
  const quotesB = quotesMadeElsewhere('b') ?? analyzeQuotes(b.text);
  const { speakers, quotes } = mergeSpeakers(quotesA, quotesB);
  const quoteMatches = matchQuotes({ tokens: tokensA, quotes: quotes.a }, { tokens: tokensB, quotes: quotes.b });
  return {
    version: MODEL_VERSION,
    options: settings,
    a: {
      name: a.name,
      stats: statsA,
      quotes: quotes.a,
      nonSpeech: quotesA.nonSpeech,
    },
    b: {
      name: b.name,
      stats: statsB,
      quotes: quotes.b,
      nonSpeech: quotesB.nonSpeech,
    },
    passages,
    speakers,
    quoteMatches,
  };
}
