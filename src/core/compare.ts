/**
 * The one entry point that turns two texts into the comparison model. Each analysis (passages,
 * stats, and later quotes and speakers) is one step here, so adding one is a small edit.
 */
import { analyzeQuotes, type DocumentQuotes } from './quotes/attribution';
import { DEFAULT_COMPARE_OPTIONS, MODEL_VERSION, type CompareOptions, type Comparison, type Range, type SharedPassage, type Side } from './model';
import { findSharedPassages } from './passages/passages';
import { markConflicts, pairQuotes } from './quotes/matching/matchQuotes';
import { QuotePairing } from './quotes/matching/quotePairing';
import { applySpeakerMerge, mergeSpeakerLists, type SpeakerMerge } from './quotes/speakerMerge';
import { documentStats } from './passages/stats';
import { tokenize, Vocabulary } from './text/tokenize';

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
 * Analyses that another thread may have made already (the CLI makes them there for large texts).
 * Each must be exactly what `compareTexts` would make itself, or undefined to have it made here.
 */
export interface WorkDoneElsewhere {
  /** `analyzeQuotes` of a side's text. */
  quotes(side: Side): DocumentQuotes | undefined;
  /** The ranges of a side's quoted regions (`extractQuotedRegions`), which may come before its quotes. */
  quotedRegions(side: Side): Range[] | undefined;
  /** `mergeSpeakerLists` of the two sides' `quotes`. */
  speakerMerge(): SpeakerMerge | undefined;
}

const NOTHING_DONE_ELSEWHERE: WorkDoneElsewhere = { quotes: () => undefined, quotedRegions: () => undefined, speakerMerge: () => undefined };

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
  const settings: CompareOptions = { ...DEFAULT_COMPARE_OPTIONS, ...options };
  const vocabulary = new Vocabulary();
  const tokensA = tokenize(a.text, vocabulary);
  const tokensB = tokenize(b.text, vocabulary);
  const passages = findSharedPassages(tokensA, tokensB, settings);
  // Everything that needs no quotes comes first: quotes made elsewhere may still be on their way.
  const statsA = documentStats(tokensA, passages.map((passage) => passage.a));
  const statsB = documentStats(tokensB, passages.map((passage) => passage.b));
  const quotesA = elsewhere.quotes('a') ?? analyzeQuotes(a.text);
  const sideA = { tokens: tokensA, quotes: quotesA.quotes };
  const regionsB = elsewhere.quotedRegions('b');
  const pairing = regionsB && new QuotePairing(sideA, tokensB, regionsB);
  const quotesB = elsewhere.quotes('b') ?? analyzeQuotes(b.text);
  const pairs = pairing ? pairing.finish(quotesB.quotes) : pairQuotes(sideA, { tokens: tokensB, quotes: quotesB.quotes });
  const { speakers, quotes } = applySpeakerMerge(quotesA, quotesB, elsewhere.speakerMerge() ?? mergeSpeakerLists(quotesA, quotesB));
  const quoteMatches = markConflicts(pairs, quotes.a, quotes.b);
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
