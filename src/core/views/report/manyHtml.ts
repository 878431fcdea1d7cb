/**
 * The report of three or more articles as one self-contained HTML page, on the same page, the same
 * stylesheet and the same walls as the report of two (html.ts): every string from outside escaped
 * and written only as element content, no script, the strict CSP.
 */
import { COPY_STATUS_LABEL, versionSpeaker, type WordChange } from '../manyView';
import { countOf } from '../wording';
import { escapeHtml, htmlPage, isolated, legendOf, section, summaryList, text } from './html';
import type { ManyReportContent, ManyReportDocument, ManyReportQuote } from './manyContent';
import { manyLegendEntries } from './palette';

export function writeManyHtmlReport(report: ManyReportContent): string {
  return htmlPage({
    title: `${escapeHtml(report.title)}: ${text(report.subject)}`,
    heading: escapeHtml(report.title),
    subject: text(report.subject),
    createdAt: report.createdAt,
    nav: { summary: 'Summary', overview: 'Sources overview', statements: 'Statements', passages: 'Shared passages', speakers: 'Speakers' },
    sections: [
      summarySection(report),
      documentsSection(report),
      overviewSection(report),
      legendOf(manyLegendEntries()),
      statementsSection(report),
      passagesSection(report),
      speakersSection(report),
    ],
  });
}

/** `[2] harbour-herald.txt`, the name isolated. */
const article = (document: ManyReportDocument): string => `${document.label} ${isolated(document.name)}`;
const place = (at: { text: string }): string => `<span class="place">${text(at.text)}</span>`;

function summarySection(report: ManyReportContent): string {
  const notice = report.cutShort === null ? '' : `<p class="cut-short">${escapeHtml(report.cutShort)}</p>`;
  return section('summary', 'Summary', `${notice}${summaryList(report.summary)}`);
}

function documentsSection(report: ManyReportContent): string {
  const rows = report.documents.map((document) => `<tr><td class="label">${document.label}</td><td>${isolated(document.name)}${document.readAs ? `<br><span class="muted">${text(document.readAs)}</span>` : ''}</td>`
    + `<td class="number">${escapeHtml(document.size)}</td><td class="number">${document.characters}</td><td class="number">${document.words}</td><td class="number">${document.quotes}</td>`
    + `<td>${escapeHtml(document.found)}</td><td>${escapeHtml(document.onlyHere)}</td></tr>`);
  const settings = report.settings.map((setting) => `<li>${escapeHtml(setting.name)}: ${escapeHtml(setting.value)}</li>`);
  return section('documents', 'Documents',
    '<table><thead><tr><th></th><th>File</th><th>Size</th><th>Characters</th><th>Words</th><th>Quotes</th><th>Found in the others</th><th>Found in no other</th></tr></thead>'
    + `<tbody>${rows.join('')}</tbody></table>\n<p>Settings:</p><ul>${settings.join('')}</ul>`);
}

function overviewSection(report: ManyReportContent): string {
  const head = `<tr><th>Share of the row’s article found in…</th>${report.documents.map((document) => `<th>${document.label}</th>`).join('')}<th>in no other</th></tr>`;
  const rows = report.overview.map((row) => `<tr><th>${article(report.documents[row.document])}</th>`
    + row.cells.map((cell) => `<td class="share level-${cell.level}">${escapeHtml(cell.text)}</td>`).join('')
    + `<td class="share level-${row.onlyHere.level}">${escapeHtml(row.onlyHere.text)}</td></tr>`);
  return section('overview', 'Sources overview', `<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`);
}

/** Each change as the common wording's words struck through and this article's underlined. */
function changesHtml(changes: readonly WordChange[]): string {
  return changes.map((change) => [
    change.common === '∅' ? '' : `<del>${text(change.common)}</del>`,
    change.common !== '∅' && change.here !== '∅' ? ' → ' : '',
    change.here === '∅' ? '' : `<ins>${text(change.here)}</ins>`,
  ].join('')).join(' · ');
}

function statementsSection(report: ManyReportContent): string {
  if (report.statements.length === 0) return section('statements', 'Statements in two or more articles', '<p>No quote is in two articles.</p>');
  const cards = report.statements.map((statement, n) => {
    const rows = statement.versions.map((version, k) => `<tr${version.conflicting ? ' class="conflicting"' : ''}><td class="label">${report.documents[version.document].label} ${place(statement.places[k])}</td>`
      + `<td>${text(versionSpeaker(version))}</td><td>${escapeHtml(version.status)}</td><td>${changesHtml(version.changes)}</td></tr>`);
    return `<div class="card"><h3>Statement ${n + 1} <span class="badge badge-${statement.status}">${escapeHtml(statement.badge)}</span></h3>`
      + `<div class="muted">${text(statement.attribution)}</div><p class="quote quote-${statement.status}"><q>${text(statement.text)}</q></p>`
      + `<table><thead><tr><th>Place</th><th>Speaker</th><th>Version</th><th>Words that differ</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
  });
  return section('statements', `Statements in two or more articles (${report.statements.length})`, cards.join('\n'));
}

function passagesSection(report: ManyReportContent): string {
  if (report.passages.length === 0) return section('passages', 'Shared passages', `<p>${escapeHtml(report.noPassages)}</p>`);
  const cards = report.passages.map((passage, n) => {
    const edited = passage.copies.some((copy) => copy.status === 'edited');
    const rows = passage.copies.map((copy, k) => `<tr><td class="label">${report.documents[copy.document].label} ${place(passage.places[k])}</td>`
      + `<td>${escapeHtml(COPY_STATUS_LABEL[copy.status])}</td><td>${changesHtml(copy.changes)}</td></tr>`);
    return `<div class="card"><h3>Passage ${n + 1} <span class="muted">${text(passage.heading)} · ${text(passage.detail)}</span></h3>`
      + `<p class="passage ${edited ? 'passage-edited' : 'passage-identical'}">${text(passage.text)}</p>`
      + `<table><thead><tr><th>Place</th><th>Copy</th><th>Words that differ</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
  });
  return section('passages', `Shared passages (${report.passages.length})`, cards.join('\n'));
}

function quoteBlock(quote: ManyReportQuote): string {
  return `<div class="quote">${place(quote.place)} <span class="muted">${text(quote.standing)}</span><br><q>${text(quote.text)}</q></div>`;
}

function speakersSection(report: ManyReportContent): string {
  if (report.speakers.length === 0) return section('speakers', 'Speakers', '<p>No quoted speakers.</p>');
  const cards = report.speakers.map((speaker) => {
    const also = speaker.also.length > 0 ? `<div class="muted">${text(speaker.also.join('; '))}</div>` : '';
    const lists = speaker.quotes.map((quotes, d) => (quotes.length === 0 ? ''
      : `<p>${article(report.documents[d])} <span class="muted">(${countOf(quotes.length, 'quote')})</span></p>${quotes.map(quoteBlock).join('')}`)).join('');
    return `<div class="card"><h3>${isolated(speaker.name)}</h3>${also}<div class="muted">${text(speaker.description)}</div>${lists}</div>`;
  });
  return section('speakers', `Speakers (${report.speakers.length})`, cards.join('\n'));
}
