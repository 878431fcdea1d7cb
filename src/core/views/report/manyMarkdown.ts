/**
 * The report of three or more articles as Markdown: the same contents as its HTML page, with every
 * string from outside escaped as in the report of two (markdown.ts), so that it cannot make a
 * link, an image or HTML. Differences are in the command line's word-diff style: `[-common-]{+here+}`.
 */
import { COPY_STATUS_LABEL, versionSpeaker, type WordChange } from '../manyView';
import { countOf, diffMarkup } from '../wording';
import type { ManyReportContent, ManyReportDocument } from './manyContent';
import { escapeMarkdown as text, PLACES_NOTE } from './markdown';

export function writeManyMarkdownReport(report: ManyReportContent): string {
  const blocks = [
    `# ${text(report.title)}`,
    text(report.subject),
    `Made ${text(report.createdAt)} with Compare Sources.`,
    ...(report.cutShort === null ? [] : [`**${text(report.cutShort)}**`]),
    '## Summary',
    report.summary.map((item) => `- ${text(item.text)}`).join('\n'),
    ...documentsSection(report),
    ...overviewSection(report),
    '## How to read this report',
    `${PLACES_NOTE} `
      + 'Each copy of a passage and each version of a statement is compared with the common wording: `[-words-]` are the common wording\'s words, `{+words+}` the words this article has in their place. '
      + 'A statement is *identical* (the same words everywhere), *in part* (an article quotes part of it), *altered* (an article has other words: a possible misquote) '
      + 'or in *conflict* (the articles give the words to different speakers).',
    ...statementsSection(report),
    ...passagesSection(report),
    ...speakersSection(report),
  ];
  return blocks.filter((block) => block !== '').join('\n\n') + '\n';
}

const article = (document: ManyReportDocument): string => `${text(document.label)} ${text(document.name)}`;

function documentsSection(report: ManyReportContent): string[] {
  const rows = report.documents.map((document) => `| ${text(document.label)} | ${text(document.name)}${document.readAs ? ` (${text(document.readAs)})` : ''} | ${text(document.size)} | `
    + `${document.characters} | ${document.words} | ${document.quotes} | ${text(document.found)} | ${text(document.onlyHere)} |`);
  return [
    '## Documents',
    [
      '|  | File | Size | Characters | Words | Quotes | Found in the others | Found in no other |',
      '| --- | --- | ---: | ---: | ---: | ---: | --- | --- |',
      ...rows,
    ].join('\n'),
    `Settings: ${report.settings.map((setting) => `${text(setting.name)}: ${text(setting.value)}`).join('; ')}.`,
  ];
}

function overviewSection(report: ManyReportContent): string[] {
  const { documents } = report;
  const rows = report.overview.map((row) => `| ${article(documents[row.document])} | ${row.cells.map((cell) => text(cell.text)).join(' | ')} | ${text(row.onlyHere.text)} |`);
  return [
    '## Sources overview',
    [
      `| Share of the row’s article found in… | ${documents.map((document) => text(document.label)).join(' | ')} | in no other |`,
      `| --- | ${documents.map(() => '---:').join(' | ')} | ---: |`,
      ...rows,
    ].join('\n'),
  ];
}

function changesMarkdown(changes: readonly WordChange[]): string {
  return changes.map((change) => text(diffMarkup(change.common === '∅' ? '' : change.common, change.here === '∅' ? '' : change.here))).join(' · ');
}

function statementsSection(report: ManyReportContent): string[] {
  if (report.statements.length === 0) return ['## Statements in two or more articles', 'No quote is in two articles.'];
  return [
    `## Statements in two or more articles (${report.statements.length})`,
    ...report.statements.flatMap((statement, n) => [
      `### Statement ${n + 1} · ${text(statement.badge)}`,
      `> “${text(statement.text)}”`,
      text(statement.attribution),
      statement.versions.map((version, k) => {
        const changes = version.changes.length > 0 ? `: ${changesMarkdown(version.changes)}` : '';
        return `- ${text(report.documents[version.document].label)} ${text(statement.places[k].text)} · ${text(versionSpeaker(version))}${version.conflicting ? ' (conflicting)' : ''} · ${text(version.status)}${changes}`;
      }).join('\n'),
    ]),
  ];
}

function passagesSection(report: ManyReportContent): string[] {
  if (report.passages.length === 0) return ['## Shared passages', text(report.noPassages)];
  return [
    `## Shared passages (${report.passages.length})`,
    ...report.passages.flatMap((passage, n) => [
      `### Passage ${n + 1} · ${text(passage.heading)} · ${text(passage.detail)}`,
      `> ${text(passage.text)}`,
      passage.copies.map((copy, k) => {
        const changes = copy.changes.length > 0 ? `: ${changesMarkdown(copy.changes)}` : '';
        return `- ${text(report.documents[copy.document].label)} ${text(passage.places[k].text)} · ${COPY_STATUS_LABEL[copy.status]}${changes}`;
      }).join('\n'),
    ]),
  ];
}

function speakersSection(report: ManyReportContent): string[] {
  if (report.speakers.length === 0) return ['## Speakers', 'No quoted speakers.'];
  return [
    `## Speakers (${report.speakers.length})`,
    ...report.speakers.flatMap((speaker) => [
      `### ${text(speaker.name)}`,
      text([speaker.also.join('; '), speaker.description].filter(Boolean).join(' — ')),
      speaker.quotes.flatMap((quotes, d) => (quotes.length === 0 ? [] : [
        `- ${article(report.documents[d])} (${countOf(quotes.length, 'quote')})`,
        ...quotes.map((quote) => `  - ${text(quote.place.text)} · ${text(quote.standing)}: “${text(quote.text)}”`),
      ])).join('\n'),
    ]),
  ];
}
