/**
 * The comparison model: the one object that the CLI, the webview, the decorations and the speaker
 * tree all read, and the schema of `compare-sources compare --json`.
 *
 * Conventions, everywhere in this file:
 * - A `Range` is a half-open `[start, end)` pair of UTF-16 code-unit offsets (JavaScript string
 *   indices) into the document text exactly as the editor holds it: CRLF kept, a UTF-8 BOM removed
 *   and counted as nothing. A range never splits a surrogate pair. For a document read as a web
 *   page or as Markdown (`DocumentAnalysis.format`) the ranges are still offsets into its source,
 *   the file as it is: a range starts at its first word and ends after its last, and covers any
 *   markup between them (a quote split by `<em>`); a decoded reference (`&amp;`) is covered whole.
 * - Shares are fractions from 0 to 1.
 * - Ids are ordinals (0, 1, 2 …) within their list, so they stay stable while the text is edited
 *   elsewhere; they are not offsets.
 */

/** Bumped whenever a field changes meaning or disappears (adding a field does not bump it). */
export const MODEL_VERSION = 1;

/** Half-open `[start, end)` UTF-16 offsets into one document's text. */
export type Range = [start: number, end: number];

/** The two documents under comparison: A is the first source, B the second. */
export type Side = 'a' | 'b';

/**
 * One word-level difference inside an aligned pair of texts (a shared passage, or two matched
 * quotes). `a` is what A has at that point, `b` what B has there; an empty range (`[x, x]`) means
 * that side has nothing there: an empty `b` is a word A has and B dropped, an empty `a` a word B
 * inserted, and two non-empty ranges a word A and B wrote differently.
 */
export interface Difference {
  a: Range;
  b: Range;
}

/**
 * A maximal passage that both texts contain, matched after normalisation (quote styles, dashes,
 * whitespace and line wrapping, case, `Mr` vs `Mr.`), possibly with small edits inside.
 */
export interface SharedPassage {
  id: number;
  a: Range;
  b: Range;
  /** True when both sides have the same words after normalisation; false for an edited passage. */
  identical: boolean;
  /** How many words the passage holds in A and in B. */
  words: { a: number; b: number };
  /** Word-level differences, in text order; empty when `identical`. */
  differences: Difference[];
}

/** Size of one document, and how much of it the other document shares (the "how much of B is A" figure). */
export interface DocumentStats {
  /** Length of the text in UTF-16 code units. */
  characters: number;
  /** Number of words (normalised tokens). */
  words: number;
  /** Characters covered by shared passages (each counted once, even where passages overlap). */
  sharedCharacters: number;
  /** Words covered by shared passages. */
  sharedWords: number;
  /** `sharedWords / words`, 0 for an empty text: the share of this document that the other one contains. */
  share: number;
}

/** The mention that an attribution rests on, resolved to a speaker of `Comparison.speakers`. */
export interface SpeakerMention {
  /** Id of the speaker in `Comparison.speakers` (or in `DocumentQuotes.speakers` for one document). */
  speaker: number;
  /** The speaker's canonical name, repeated here so that a quote reads on its own. */
  name: string;
  /** The words in the text the attribution rests on: `he`, `Mr Raab`, `Downing Street`. */
  range: Range;
  /** What ties the mention to the quote. */
  cue: AttributionCue;
}

/**
 * What ties a speaker to a quote:
 * - `verb`: a speech verb (`said`, `told`), or any verb where the order makes it one (`“…,” she shrugged`);
 * - `according-to`: `according to`;
 * - `colon`: a name before a colon (`Smith: “…”`);
 * - `noun`: a speech noun owned by the speaker (`his claim that`, `Bush's post: “…”`);
 * - `label`: a transcript's speaker label (`PENCE:`);
 * - `signature`: a dash and a name under the quote (`- Jane Doe`);
 * - `subject`: no speech cue; the speaker is the subject of the quote's sentence;
 * - `carried`: no cue of its own; the speaker of the statement before goes on.
 */
export type AttributionCueKind = 'verb' | 'according-to' | 'colon' | 'noun' | 'label' | 'signature' | 'subject' | 'carried';

export interface AttributionCue {
  kind: AttributionCueKind;
  /**
   * The cue's words in the text: the verb, `according to`, the colon, the noun, the label, the dash;
   * for `subject` the verb after the subject; for `carried` the cue of the statement it was carried
   * from. Null where no word marks it.
   */
  range: Range | null;
}

/**
 * One direct quotation segment: the quoted words, quote marks excluded. The paragraphs of a
 * multi-paragraph statement are separate segments that share a `statement` number; a quote nested
 * inside another stays inside the outer segment and is not listed on its own.
 */
export interface Quote {
  id: number;
  range: Range;
  /** The quoted words: the document text between `range[0]` and `range[1]`, or for a web page or Markdown its article text (markup left out, references decoded). */
  text: string;
  /** Segments of one statement share this number; statements are numbered in text order. */
  statement: number;
  /** Who said it, or null where the text gives no findable speaker. */
  speaker: SpeakerMention | null;
}

/** Quote marks around words that are not speech: scare quotes (a so-called "peace plan") and titles (the film "Kabul"). */
export interface NonSpeechQuote {
  range: Range;
  kind: 'scare' | 'title';
}

export type SpeakerKind = 'person' | 'organisation' | 'group';

/** One speaker, merged across the two documents: the same person in A and B is one entry. */
export interface Speaker {
  id: number;
  /** Canonical name: the fullest name either text gives (`Dominic Raab`, `Downing Street`). */
  name: string;
  kind: SpeakerKind;
  /** Other ways the texts name the speaker (`Mr Raab`, `Raab`, `the foreign secretary`). */
  aliases: string[];
  /** Titles and roles found with the name (`UK Foreign Secretary`), kept apart from it. */
  titles: string[];
  /** Ids of the speaker's quotes in each document. */
  quotes: { a: number[]; b: number[] };
}

/**
 * How a quote in A relates to a quote in B:
 * - `identical`: the same words after normalisation;
 * - `contained`: one quotes a part of the other (see `container`);
 * - `altered`: close, but with different words: a possible misquote (see `differences`).
 */
export type QuoteMatchKind = 'identical' | 'contained' | 'altered';

export interface QuoteMatch {
  /** Quote id in A. */
  a: number;
  /** Quote id in B. */
  b: number;
  kind: QuoteMatchKind;
  /** For `contained`: the side whose quote holds the other one. */
  container?: Side;
  /**
   * An attribution conflict: the two articles give these words to different speakers, and neither
   * article also gives them to the other's speaker (see `Comparison.conflicts` for the evidence).
   */
  conflict: boolean;
  /** Word-level differences for `altered` (within the aligned part of the two quotes); empty otherwise. */
  differences: Difference[];
  /**
   * For `altered`: the quotes are too long or too different to align word by word within the
   * bound on that work (docs/robustness.md), so `differences` is empty. Absent otherwise.
   */
  unaligned?: true;
}

/** How a document's source was read: as it is, or as a web page or Markdown whose article text was compared. */
export type InputFormat = 'text' | 'html' | 'markdown';

/** What one document holds on its own. */
export interface DocumentAnalysis {
  /** A label for the document (its file name), for reports. */
  name: string;
  /** How the source was read. Passages, quotes and speakers were found on its article text; every range is mapped back to the source. */
  format: InputFormat;
  /** For a web page, how its article was found (which part of the page was taken). */
  formatNote?: string;
  /** What went wrong reading the source in its format (a page with no visible text, a file read as plain text instead). */
  formatWarnings?: string[];
  /** Counts of the article text (for plain text, the text itself). */
  stats: DocumentStats;
  quotes: Quote[];
  nonSpeech: NonSpeechQuote[];
}

export interface CompareOptions {
  /** Shortest shared passage reported, in words. */
  minWords: number;
}

export const DEFAULT_COMPARE_OPTIONS: CompareOptions = { minWords: 6 };

/** Largest file, in bytes, that the CLI and the extension read unless told otherwise (per file). */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The whole comparison of two documents. */
export interface Comparison {
  version: typeof MODEL_VERSION;
  options: CompareOptions;
  a: DocumentAnalysis;
  b: DocumentAnalysis;
  /** Shared passages in the order of A. */
  passages: SharedPassage[];
  /** Speakers of both documents, those quoted in both first. */
  speakers: Speaker[];
  /** Pairs of quotes across the documents. */
  quoteMatches: QuoteMatch[];
  /** The evidence of each attribution conflict, in the order of `quoteMatches`. */
  conflicts: AttributionConflict[];
  /**
   * True when a work budget cut the comparison short (docs/robustness.md): every step's work is
   * bounded in proportion to the texts, and a text built to be slow (a handful of words in every
   * order, thousands of copies of one quote) meets a bound. Ordinary articles never do.
   */
  truncated: boolean;
  /** The lists a budget may have left incomplete (some entries missing or shorter); empty unless `truncated`. */
  truncatedParts: TruncatedPart[];
}

/** One attribution conflict: the two attributions of the same words, each with the cue it rests on. */
export interface AttributionConflict {
  /** Index of the conflicting pair in `Comparison.quoteMatches`. */
  match: number;
  a: ConflictingAttribution;
  b: ConflictingAttribution;
}

/** One side's attribution in a conflict: the quote, its speaker, the mention and the cue in that document. */
export interface ConflictingAttribution extends SpeakerMention {
  /** Quote id in the document. */
  quote: number;
}

/** A list of the model that a work budget can leave incomplete. */
export type TruncatedPart = 'passages' | 'quoteMatches';
