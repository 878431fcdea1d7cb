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
  /** The article's headings (a web page's `<h1>`…`<h6>`, Markdown's `#` lines), in text order; absent for plain text. */
  headings?: Range[];
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

// ---------------------------------------------------------------------------------------------
// Three or more documents: the "many" shape. Two documents keep the `Comparison` above, field for
// field; this shape is told apart by `shape: 'many'` and has its own version.
// ---------------------------------------------------------------------------------------------

/** Bumped whenever a field of the many-document shape changes meaning or disappears. */
export const MANY_MODEL_VERSION = 1;

/** Fewest and most documents one comparison takes. */
export const MIN_DOCUMENTS = 2;
export const MAX_DOCUMENTS = 20;

/** Largest total size, in bytes, of all documents of one comparison together, unless told otherwise. */
export const DEFAULT_MAX_TOTAL_BYTES = 50 * 1024 * 1024;

/** One document of a many-document comparison; its `stats` count what any other document shares with it. */
export interface ManyDocument extends DocumentAnalysis {
  /** Its index in `ManyComparison.documents`, the number every other field refers to it by. */
  id: number;
}

/**
 * How much of each document the others hold. `share[i][j]` is the share of document i's words
 * inside passages it shares with document j (`sharedWords[i][j]` those words); the diagonal is
 * 1 and the document's word count. `onlyHere[i]` is the share of document i's words that no
 * other document shares.
 */
export interface SourcesOverview {
  share: number[][];
  sharedWords: number[][];
  onlyHere: number[];
}

/**
 * One word-level difference between a version and the version it is compared with (the common
 * wording): `base` is what that version has at this point, in its own document; `here` what this
 * version has, in this one. An empty range means that side has nothing there.
 */
export interface VersionDifference {
  base: Range;
  here: Range;
}

/** One document's copy of a passage cluster. */
export interface PassageCopy {
  document: number;
  range: Range;
  /** Words in `range`. */
  words: number;
  /** Copies with the same number have the same words after normalisation; 0 is the common wording. */
  wording: number;
  /** True when the copy has the common wording (`wording` 0). */
  identical: boolean;
  /** Differences from the common copy (`PassageCluster.common`), in text order; empty when `identical`. */
  differences: VersionDifference[];
}

/**
 * A passage that two or more documents hold, with each document's copy: built from the shared
 * passages of every pair of documents, cut at sentence edges, so that every copy holds the same
 * stretch of the story.
 */
export interface PassageCluster {
  id: number;
  /** The documents holding a copy, ascending, each once. */
  documents: number[];
  /** The copies in document order (a document that prints the passage twice has two). */
  copies: PassageCopy[];
  /** Index in `copies` of the copy with the most common wording (ties: the earliest document). */
  common: number;
  /** True when every copy has the common wording. */
  identical: boolean;
}

/** How a quote version differs from the version it is compared with. */
export interface QuoteRelation {
  /** Index in `QuoteCluster.versions` of that version: one with the common wording unless only another relates to this one directly. */
  against: number;
  /** `contained` or `altered` (versions with the same words share a `wording` instead). */
  kind: QuoteMatchKind;
  /** For `contained`: which of the two quotes holds the other. */
  container?: 'this' | 'against';
  /** For `altered`: the word differences, `base` in the compared version's document. */
  differences: VersionDifference[];
  /** For `altered`: present when the words were not aligned (as `QuoteMatch.unaligned`): no differences then. */
  unaligned?: true;
}

/** One document's quote in a quote cluster. */
export interface QuoteVersion {
  document: number;
  /** Id of the quote in `documents[document].quotes`. */
  quote: number;
  /** Versions with the same number have the same words after normalisation; 0 is the common wording. */
  wording: number;
  /** Null for a version with the common wording. */
  relation: QuoteRelation | null;
}

/** A direct match between two wordings of one quote cluster. */
export interface WordingLink {
  wordings: [number, number];
  kind: QuoteMatchKind;
  /** For `contained`: the wording that holds the other. */
  container?: number;
  /** For `altered`: present when the two were not aligned word by word (as `QuoteMatch.unaligned`). */
  unaligned?: true;
}

/** The speaker that some versions of a quote give the words to (null: no findable speaker). */
export interface QuoteAttribution {
  speaker: number | null;
  name: string | null;
  /** Indices in `QuoteCluster.versions`; each version's quote `speaker.range` is the evidence. */
  versions: number[];
}

/** One statement across the documents: every document's quote of it. */
export interface QuoteCluster {
  id: number;
  /** The documents quoting it, ascending, each once. */
  documents: number[];
  /** In document order, then text order. */
  versions: QuoteVersion[];
  /** The wordings that were compared directly, with what they are to each other. */
  links: WordingLink[];
  /** Who the versions say spoke the words, most versions first. */
  attributions: QuoteAttribution[];
  /** True when the versions give the words to two or more different speakers. */
  conflict: boolean;
}

/** One speaker, merged across all the documents. */
export interface ManySpeaker {
  id: number;
  name: string;
  kind: SpeakerKind;
  aliases: string[];
  titles: string[];
  /** `quotes[d]`: ids of the speaker's quotes in document d. */
  quotes: number[][];
}

/** The comparison of three or more documents: the schema of `compare A B C … --json`. */
export interface ManyComparison {
  shape: 'many';
  version: typeof MANY_MODEL_VERSION;
  options: CompareOptions;
  documents: ManyDocument[];
  overview: SourcesOverview;
  /** Passages held by two or more documents, in the order of their first copy. */
  passageClusters: PassageCluster[];
  /** Every quote of every document, grouped by statement, in the order of their first version. */
  quoteClusters: QuoteCluster[];
  /** Speakers quoted in the most documents first, then in order of first appearance. */
  speakers: ManySpeaker[];
  /** True when a work budget cut the comparison short, as `Comparison.truncated`. */
  truncated: boolean;
  /** The lists a budget may have left incomplete; empty unless `truncated`. */
  truncatedParts: ManyTruncatedPart[];
}

/** A list of the many-document model that a work budget can leave incomplete. */
export type ManyTruncatedPart = 'passageClusters' | 'quoteClusters';
