/**
 * What an exported report of three or more articles says, computed once: the comparison view's
 * content (manyView.ts: the summary, the sources overview, the passages and the statements in two or
 * more articles, in the view's words and order) with what a report adds to it: the files' sizes and
 * the time, the settings, each passage copy's and each quote version's place as `file:line:col`,
 * each speaker with their quotes in each article, and the notice of a comparison cut short. The
 * HTML and Markdown writers only lay this out.
 */
import type { ManyComparison } from '../../model';
import { ManyIndex } from '../manyLookup';
import { ManySpeakerTreeContent } from '../manySpeakerTreeContent';
import { manyViewContent, type ManyViewContent, type ManyViewPassage, type ManyViewStatement } from '../manyView';
import { standingSummary } from '../manyWording';
import { placeFinder, type ArticleSource, type DocumentPlace } from '../places';
import { cutShortNotice, noPassageInTwo } from '../wording';
import { REPORT_TITLE, reportSettings, sizeText, utcMinute, utf8Length, type DocumentFacts, type ReportSetting } from './content';

export interface ManyReportInput {
  /** The comparison in offsets of `texts`. */
  comparison: ManyComparison;
  /** The texts compared, in the comparison's order: for a web page or Markdown, its article text (what the report quotes). */
  texts: readonly string[];
  /** When the report is made (the writers print it in UTC). */
  createdAt: Date;
  /** Each file's size in bytes, where the caller knows it; otherwise the UTF-8 length of its text. */
  bytes?: ReadonlyArray<number | undefined>;
  /** For a document read from a web page or Markdown: its source and the map to it, for places in the file itself. */
  sources?: ReadonlyArray<ArticleSource | undefined>;
}

/** A file compared, labelled `[1]`, `[2]`, … as the view and the command line number them. */
export interface ManyReportDocument extends DocumentFacts {
  /** `64% is in another article`. */
  found: string;
  /** `36% only here`. */
  onlyHere: string;
  /** `read as a web page (…)`, or null for plain text. */
  readAs: string | null;
}

export interface ManyReportPassage extends ManyViewPassage {
  /** Each copy's first word, in the order of `copies`. */
  places: DocumentPlace[];
}

export interface ManyReportStatement extends ManyViewStatement {
  /** Each version's first word, in the order of `versions`. */
  places: DocumentPlace[];
}

export interface ManyReportQuote {
  document: number;
  place: DocumentPlace;
  text: string;
  /** Where else it stands: `also in harbour-herald.txt; altered in harbour-radio.txt`, or `only here`. */
  standing: string;
}

export interface ManyReportSpeaker {
  name: string;
  /** As the Speakers view describes the speaker: `1 altered · in 3 articles`. */
  description: string;
  /** Titles and other names the articles give. */
  also: string[];
  /** Quotes per document, in text order. */
  quotes: ManyReportQuote[][];
}

export interface ManyReportContent {
  title: string;
  /** `3 articles: harbour-wire.txt, harbour-herald.txt and harbour-radio.txt`. */
  subject: string;
  createdAt: string;
  /** The CUT SHORT notice when a work budget cut the comparison short; null otherwise. */
  cutShort: string | null;
  documents: ManyReportDocument[];
  settings: ReportSetting[];
  summary: ManyViewContent['summary'];
  overview: ManyViewContent['overview'];
  passages: ManyReportPassage[];
  /** What to say when `passages` is empty. */
  noPassages: string;
  /** Conflicts, then altered, then the most articles (the view's order). */
  statements: ManyReportStatement[];
  speakers: ManyReportSpeaker[];
}

export function buildManyReport(input: ManyReportInput): ManyReportContent {
  const { comparison, texts } = input;
  const view = manyViewContent(comparison, texts);
  const names = comparison.documents.map((document) => document.name);
  const place = placeFinder(names, texts, input.sources);
  const index = new ManyIndex(comparison);

  const documents = comparison.documents.map((document, d): ManyReportDocument => {
    const bytes = input.bytes?.[d] ?? utf8Length(input.sources?.[d]?.text ?? texts[d]);
    const shown = view.documents[d];
    return {
      label: `[${d + 1}]`, name: document.name, bytes, size: sizeText(bytes), characters: document.stats.characters, words: document.stats.words,
      quotes: document.quotes.length, found: shown.found, onlyHere: shown.onlyHere, readAs: shown.readAs,
    };
  });

  // The view's items keep the model's copies and versions in order: places are read off them one to one.
  const passageClusters = new Map(comparison.passageClusters.map((cluster) => [cluster.id, cluster]));
  const quoteClusters = new Map(comparison.quoteClusters.map((cluster) => [cluster.id, cluster]));
  const passages = view.passages.map((passage): ManyReportPassage => ({
    ...passage,
    places: passageClusters.get(passage.id)!.copies.map((copy) => place(copy.document, copy.range[0])),
  }));
  const statements = view.statements.map((statement): ManyReportStatement => ({
    ...statement,
    places: quoteClusters.get(statement.id)!.versions.map((version) => place(version.document, comparison.documents[version.document].quotes[version.quote].range[0])),
  }));

  const quote = (document: number, id: number): ManyReportQuote => {
    const found = comparison.documents[document].quotes[id];
    return { document, place: place(document, found.range[0]), text: found.text, standing: standingSummary(index.standings(document, id), names) };
  };
  // The Speakers view's speakers, in its order and words; the quotes are each article's, in text order.
  const speakers = new ManySpeakerTreeContent(index).roots.map((root): ManyReportSpeaker => {
    const speaker = root.speakerId === null ? undefined : comparison.speakers[root.speakerId];
    const ids = speaker ? speaker.quotes : comparison.documents.map((document) => document.quotes.filter((q) => q.speaker === null).map((q) => q.id));
    return {
      name: root.label,
      description: root.description,
      also: speaker ? [...speaker.titles, ...speaker.aliases] : [],
      quotes: ids.map((list, d) => list.map((id) => quote(d, id))),
    };
  });

  return {
    title: REPORT_TITLE,
    subject: view.title,
    createdAt: utcMinute(input.createdAt),
    cutShort: comparison.truncated ? cutShortNotice(comparison.truncatedParts) : null,
    documents,
    settings: reportSettings(comparison.options),
    summary: view.summary,
    overview: view.overview,
    passages,
    noPassages: noPassageInTwo(comparison.options.minWords, 'articles'),
    statements,
    speakers,
  };
}
