/**
 * What an exported report says, computed once from a comparison: the files and their sizes, the
 * settings, every figure of the view's header, each shared passage with its words and differences,
 * every quote with its speaker, the quotes both articles have, the altered ones and the conflicts
 * with their evidence, each with its place as `file:line:col`. The HTML and Markdown writers only
 * lay this out, so both formats say the same thing, in the words the other surfaces use.
 *
 * Documents are a list and everything else names the documents it stands in by their index, so
 * that the content holds three or more documents as it holds two.
 */
import type { AttributionCueKind, CompareOptions, Comparison, QuoteMatchKind, Side } from '../../model';
import { formatBytes } from '../../text/decode';
import type { OffsetMap } from '../../formats/offsetMap';
import { placeFinder, type DocumentPlace } from '../places';
import { otherSide } from '../lookup';
import { passageRuns, type TextRun } from '../passageText';
import { quoteStatuses, type QuoteStatus } from '../quoteMarks';
import { SpeakerTreeContent } from '../speakerTreeContent';
import { comparisonSummary, type SummaryItem } from '../summary';
import { conflictSentence, countOf, differenceWords, matchLabel, noSharedPassages, percent, quoteHeadline, statusLabel } from '../wording';

export interface ReportInput {
  comparison: Comparison;
  /** The texts that were compared: the comparison's offsets index into these. */
  texts: { readonly a: string; readonly b: string };
  /** When the report is made (the writers print it in UTC). */
  createdAt: Date;
  /** Size of each file in bytes, where the caller knows it; otherwise the UTF-8 length of its text. */
  bytes?: Partial<Record<Side, number>>;
  /**
   * For a document read as a web page or Markdown: `comparison` and `texts` are in its article text
   * (what the report quotes), and this is its source and the map to it (where the report places things).
   */
  sources?: Partial<Record<Side, { text: string; map: OffsetMap }>>;
}

/** A place in one document: its index in `ReportContent.documents` and `name:line:column`. */
export type ReportPlace = DocumentPlace;

/** What every report says of a file compared. */
export interface DocumentFacts {
  /** `A`, `B`, … (or `[1]`, `[2]`, … for three or more) in the order the documents were given. */
  label: string;
  name: string;
  bytes: number;
  /** `bytes` for a reader: `3.4 KB (3527 bytes)`. */
  size: string;
  characters: number;
  words: number;
  quotes: number;
}

export interface ReportDocument extends DocumentFacts {
  /** How much of this document the others contain. */
  found: { in: number[]; words: number; share: number; percent: string };
}

export interface ReportSetting {
  name: string;
  value: string;
}

export interface ReportPassage {
  /** 1-based, as the view and the command line number passages. */
  number: number;
  identical: boolean;
  /** The passage's first word in each document it stands in. */
  places: ReportPlace[];
  /** Words of the passage in each of those documents. */
  words: number[];
  /** The first document's words, with the differences marked (see passageText.ts). */
  runs: TextRun[];
  differences: number;
  /** `identical, 7 words` or `edited, 3 differences, 25 words`. */
  description: string;
}

export interface ReportQuote {
  document: number;
  id: number;
  place: ReportPlace;
  text: string;
  /** The speaker's name, or null where the text gives none. */
  speaker: string | null;
  /**
   * The words the attribution rests on (`Ms Achebe`, `she`) and where they stand, with the cue that
   * ties them to the quote (`said`; null where no word does) and what kind of tie it is.
   */
  attribution: { words: string; place: ReportPlace; cue: string | null; basis: AttributionCueKind } | null;
  status: QuoteMatchKind | 'unmatched';
  conflict: boolean;
  /** The one status in a word or two (a conflict outranks the match): `altered`, `only here`, `attribution conflict`. */
  badge: string;
  /** How the quote stands in the other document: `Altered in harbour-herald.txt: 2 differences`. */
  standing: string;
}

export interface ReportPair {
  number: number;
  kind: QuoteMatchKind;
  /** `identical`, `contained (B quotes part of A)`, `altered`. */
  label: string;
  conflict: boolean;
  /** The quote in each document, in document order. */
  quotes: ReportQuote[];
  /** Each word difference as the words of each document (`(nothing)` for none), in document order. */
  differences: string[][];
}

export interface ReportConflict {
  /** `harbour-wire.txt gives these words to Jane Marlow, harbour-herald.txt to Owen Tregarth.` */
  sentence: string;
  /** The quote in each document, with the words its attribution rests on. */
  quotes: ReportQuote[];
}

export interface ReportSpeaker {
  name: string;
  /** Aliases and counts, as the Speakers view describes the speaker. */
  description: string;
  titles: string[];
  /** Quotes per document, in text order. */
  quotes: ReportQuote[][];
}

export interface ReportContent {
  title: string;
  /** The documents' names joined by `↔`, as the view's title. */
  subject: string;
  /** `2025-05-01 09:30 UTC`. */
  createdAt: string;
  documents: ReportDocument[];
  settings: ReportSetting[];
  /** The view's header figures. */
  summary: SummaryItem[];
  /** Altered quotes (possible misquotes), then conflicting attributions. */
  altered: ReportPair[];
  conflicts: ReportConflict[];
  passages: ReportPassage[];
  /** What to say when `passages` is empty. */
  noPassages: string;
  /** Every pair of quotes found in two documents. */
  pairs: ReportPair[];
  /** Every quote of each document, in text order. */
  quotes: ReportQuote[][];
  speakers: ReportSpeaker[];
}

export const REPORT_TITLE = 'Compare Sources report';

const SIDES: readonly Side[] = ['a', 'b'];
const indexOf = (side: Side): number => SIDES.indexOf(side);

export function buildReport(input: ReportInput): ReportContent {
  const { comparison, texts } = input;
  const sourceText = (side: Side): string => input.sources?.[side]?.text ?? texts[side];
  const placeIn = placeFinder(SIDES.map((side) => comparison[side].name), SIDES.map((side) => texts[side]), SIDES.map((side) => input.sources?.[side]));
  const place = (side: Side, articleOffset: number): ReportPlace => placeIn(indexOf(side), articleOffset);

  const documents = SIDES.map((side, index): ReportDocument => {
    const { name, stats, quotes } = comparison[side];
    const bytes = input.bytes?.[side] ?? utf8Length(sourceText(side));
    return {
      label: String.fromCharCode(65 + index),
      name,
      bytes,
      size: sizeText(bytes),
      characters: stats.characters,
      words: stats.words,
      quotes: quotes.length,
      found: { in: [indexOf(otherSide(side))], words: stats.sharedWords, share: stats.share, percent: percent(stats.share) },
    };
  });

  const statuses = { a: quoteStatuses(comparison, 'a'), b: quoteStatuses(comparison, 'b') };
  const reportQuote = (side: Side, status: QuoteStatus): ReportQuote => {
    const { quote, matches, kind, conflict } = status;
    const mention = quote.speaker;
    return {
      document: indexOf(side),
      id: quote.id,
      place: place(side, quote.range[0]),
      text: quote.text,
      speaker: mention?.name ?? null,
      attribution: mention ? {
        words: texts[side].slice(mention.range[0], mention.range[1]), place: place(side, mention.range[0]),
        cue: mention.cue.range ? texts[side].slice(mention.cue.range[0], mention.cue.range[1]) : null, basis: mention.cue.kind,
      } : null,
      status: kind,
      conflict,
      badge: statusLabel(kind, conflict),
      standing: quoteHeadline(matches[0], side, comparison[otherSide(side)].name),
    };
  };
  const quotes = { a: statuses.a.map((status) => reportQuote('a', status)), b: statuses.b.map((status) => reportQuote('b', status)) };
  const quoteOf = (side: Side, id: number): ReportQuote | undefined => quotes[side][id];

  const pairs: ReportPair[] = [];
  for (const match of comparison.quoteMatches) {
    const a = quoteOf('a', match.a);
    const b = quoteOf('b', match.b);
    if (!a || !b) continue;
    pairs.push({
      number: pairs.length + 1,
      kind: match.kind,
      label: matchLabel(match),
      conflict: match.conflict,
      quotes: [a, b],
      differences: match.differences.map((difference) => SIDES.map((side) => differenceWords(difference, side, texts))),
    });
  }

  const conflicts = pairs.filter((pair) => pair.conflict).map((pair): ReportConflict => ({
    sentence: conflictSentence(
      { side: documents[pair.quotes[0].document].name, other: documents[pair.quotes[1].document].name },
      { side: pair.quotes[0].speaker ?? undefined, other: pair.quotes[1].speaker ?? undefined },
    ),
    quotes: pair.quotes,
  }));

  const passages = comparison.passages.map((passage, index): ReportPassage => {
    const differences = passage.differences.length;
    const words = SIDES.map((side) => passage.words[side]);
    return {
      number: index + 1,
      identical: passage.identical,
      places: SIDES.map((side) => place(side, passage[side][0])),
      words,
      runs: passageRuns(passage, texts),
      differences,
      description: passage.identical
        ? `identical, ${countOf(words[0], 'word')}`
        : `edited, ${countOf(differences, 'difference')}, ${countOf(words[0], 'word')}`,
    };
  });

  const tree = new SpeakerTreeContent(comparison);
  const speakers = tree.roots.map((root): ReportSpeaker => {
    const speaker = root.speakerId === null ? undefined : comparison.speakers[root.speakerId];
    return {
      name: root.label,
      description: root.description,
      titles: speaker?.titles ?? [],
      quotes: SIDES.map((side) => root.quoteIds[side].map((id) => quoteOf(side, id)).filter((quote): quote is ReportQuote => quote !== undefined)),
    };
  });

  return {
    title: REPORT_TITLE,
    subject: documents.map((document) => document.name).join(' ↔ '),
    createdAt: utcMinute(input.createdAt),
    documents,
    settings: reportSettings(comparison.options),
    summary: comparisonSummary(comparison),
    altered: pairs.filter((pair) => pair.kind === 'altered'),
    conflicts,
    passages,
    noPassages: noSharedPassages(comparison.options.minWords),
    pairs,
    quotes: SIDES.map((side) => quotes[side]),
    speakers,
  };
}

/** A file's size for a reader: `812 bytes`, `3.4 KB (3527 bytes)`. */
export function sizeText(bytes: number): string {
  return bytes < 1024 ? formatBytes(bytes) : `${formatBytes(bytes)} (${bytes} bytes)`;
}

/** The settings that shape what a comparison finds. */
export function reportSettings(options: CompareOptions): ReportSetting[] {
  return [{ name: 'Shortest shared passage', value: countOf(options.minWords, 'word') }];
}

/** The words of a quote in one line, for the places a report shows it inline. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `2025-05-01 09:30 UTC`: a time that reads the same wherever the report is opened. */
export function utcMinute(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())} UTC`;
}

/** Bytes the text takes in UTF-8 (a lone surrogate as the three bytes of U+FFFD, as an encoder writes it). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
