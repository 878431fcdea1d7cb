/**
 * The report as Markdown: the same contents as the HTML page, for a note, a ticket or a wiki.
 *
 * Article text and file names are escaped so that they cannot make Markdown of their own: every
 * character CommonMark (and GitHub's tables and strikethrough) reads as syntax inside a line is
 * backslash-escaped, a line start that would open a list or a heading is neutralised, and line
 * breaks are folded into spaces, so a string never begins a block. Differences are written in the
 * command line's word-diff style (`[-A's words-]{+B's words+}`), which needs no emphasis around
 * outside text. Bare web addresses stay as written: GitHub-style renderers may still make them
 * links, showing the address itself.
 */
import { oneLine, type ReportContent, type ReportPair, type ReportQuote } from './content';
import type { TextRun } from '../passageText';
import { attributionTie, countOf, diffMarkup, showsCueWords } from '../wording';

/**
 * Characters that open Markdown syntax anywhere in a line: escapes, code spans, emphasis, links and
 * images, raw HTML and autolinks, entity references, table cells, strikethrough, headings.
 */
const INLINE_SYNTAX = /[\\`*_[\]<>&|~#]/g;

/**
 * Outside text as inline Markdown, on one line: syntax characters escaped, and a start that would
 * open a list item or a thematic break (`-`, `+`, `1.`, `1)`) neutralised.
 */
export function escapeMarkdown(value: string): string {
  const escaped = oneLine(value).replace(/\0/g, '\ufffd').replace(INLINE_SYNTAX, '\\$&');
  return escaped.replace(/^[-+=]/, '\\$&').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

const text = escapeMarkdown;

/** How to read a place, as every Markdown report says it first. */
export const PLACES_NOTE = 'Places are `file:line:column` (lines and columns from 1, columns in UTF-16 code units as VS Code counts them).';

export function writeMarkdownReport(report: ReportContent): string {
  const blocks = [
    `# ${text(report.title)}`,
    text(report.documents.map((document) => document.name).join(' ↔ ')),
    `Made ${text(report.createdAt)} with Compare Sources.`,
    '## Summary',
    report.summary.map((item) => `- ${text(item.text)}`).join('\n'),
    ...documentsSection(report),
    '## How to read this report',
    `${PLACES_NOTE} `
      + 'In a shared passage or an altered quote, `[-words-]` are words only the first article has there and `{+words+}` the words the other has in their place. '
      + 'A quote is *identical* (the same words in both), *contained* (one quotes part of the other), *altered* (close but with other words: a possible misquote), '
      + 'in *conflict* (the same words given to different speakers) or *only here*.',
    ...conflictsSection(report),
    ...alteredSection(report),
    ...passagesSection(report),
    ...pairsSection(report),
    ...quotesSection(report),
    ...speakersSection(report),
  ];
  return blocks.filter((block) => block !== '').join('\n\n') + '\n';
}

function documentsSection(report: ReportContent): string[] {
  const { documents } = report;
  const rows = documents.map((document) => `| ${document.label} | ${text(document.name)} | ${text(document.size)} | ${document.characters} | ${document.words} | ${document.quotes} | `
    + `${text(document.found.percent)} (${document.found.words} words) in ${document.found.in.map((index) => text(documents[index].name)).join(', ')} |`);
  return [
    '## Documents',
    [
      `|  | File | Size | Characters | Words | Quotes | Found in ${documents.length > 2 ? 'the others' : 'the other'} |`,
      '| --- | --- | ---: | ---: | ---: | ---: | --- |',
      ...rows,
    ].join('\n'),
    `Settings: ${report.settings.map((setting) => `${text(setting.name)}: ${text(setting.value)}`).join('; ')}.`,
  ];
}

function place(quote: ReportQuote): string {
  return text(quote.place.text);
}

function speaker(quote: ReportQuote): string {
  return quote.speaker === null ? 'no speaker found' : text(quote.speaker);
}

/** A quote as one list item: its article, place and speaker (unless the section is the speaker's), then its words. */
function quoteItem(quote: ReportQuote, report: ReportContent, options: { attribution?: boolean; speaker?: boolean } = {}): string {
  const tie = quote.attribution;
  const cue = tie && tie.cue !== null && showsCueWords(tie.basis) ? ` … “${text(tie.cue)}”` : '';
  const attribution = options.attribution && tie ? ` (the text says “${text(tie.words)}”${cue}${text(attributionTie(tie.basis))} at ${text(tie.place.text)})` : '';
  const who = options.speaker === false ? '' : ` · ${speaker(quote)}${attribution}`;
  return `- ${report.documents[quote.document].label} ${place(quote)}${who}: “${text(quote.text)}”`;
}

function conflictsSection(report: ReportContent): string[] {
  if (report.conflicts.length === 0) return ['## Attribution conflicts', 'No quote is given to different speakers.'];
  return [
    `## Attribution conflicts (${report.conflicts.length})`,
    ...report.conflicts.flatMap((conflict, index) => [
      `### Conflict ${index + 1}`,
      text(conflict.sentence),
      conflict.quotes.map((quote) => quoteItem(quote, report, { attribution: true })).join('\n'),
    ]),
  ];
}

/** One difference per item, each article's words in document order (as the hover lists them). */
function differencesLines(pair: ReportPair): string {
  return pair.differences.map((words) => `- ${words.map(text).join(' → ')}`).join('\n');
}

function alteredSection(report: ReportContent): string[] {
  if (report.altered.length === 0) return ['## Altered quotes', 'No quote is given with different words.'];
  return [
    `## Altered quotes (${report.altered.length})`,
    ...report.altered.flatMap((pair, index) => [
      `### Altered quote ${index + 1}${pair.conflict ? ' · conflict' : ''}`,
      pair.quotes.map((quote) => quoteItem(quote, report)).join('\n'),
      'Words that differ:',
      differencesLines(pair),
    ]),
  ];
}

function runsMarkdown(runs: readonly TextRun[]): string {
  return text(runs.map((run) => (run.change === 'removed' ? diffMarkup(run.text, '') : run.change === 'added' ? diffMarkup('', run.text) : run.text)).join(''));
}

function passagesSection(report: ReportContent): string[] {
  if (report.passages.length === 0) return ['## Shared passages', text(report.noPassages)];
  return [
    `## Shared passages (${report.passages.length})`,
    ...report.passages.flatMap((passage) => [
      `### Passage ${passage.number} · ${text(passage.description)}`,
      passage.places.map((at) => text(at.text)).join(' · '),
      `> ${runsMarkdown(passage.runs)}`,
    ]),
  ];
}

function pairsSection(report: ReportContent): string[] {
  if (report.pairs.length === 0) return ['## Quotes in both articles', 'No quote appears in both articles.'];
  return [
    `## Quotes in both articles (${report.pairs.length})`,
    ...report.pairs.flatMap((pair) => [
      `### Pair ${pair.number} · ${text(pair.label)}${pair.conflict ? ' · conflict' : ''}`,
      pair.quotes.map((quote) => quoteItem(quote, report)).join('\n'),
    ]),
  ];
}

function quotesSection(report: ReportContent): string[] {
  return [
    '## Every quote, by article',
    ...report.documents.flatMap((document, index) => {
      const quotes = report.quotes[index];
      return [
        `### ${document.label} ${text(document.name)} (${countOf(quotes.length, 'quote')})`,
        quotes.length === 0 ? 'No quotes.' : quotes.map((quote) => `- ${place(quote)} · ${speaker(quote)} · ${text(quote.standing)}${quote.conflict ? ', attribution conflict' : ''}: “${text(quote.text)}”`).join('\n'),
      ];
    }),
  ];
}

function speakersSection(report: ReportContent): string[] {
  if (report.speakers.length === 0) return ['## Speakers', 'No quoted speakers.'];
  return [
    `## Speakers (${report.speakers.length})`,
    ...report.speakers.flatMap((entry) => [
      `### ${text(entry.name)}`,
      text([entry.titles.join(', '), entry.description].filter(Boolean).join(' — ')),
      entry.quotes.flat().map((quote) => quoteItem(quote, report, { speaker: false })).join('\n'),
    ]),
  ];
}
