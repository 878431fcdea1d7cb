/**
 * The report as one self-contained HTML page: its styles in one `<style>`, no script, nothing
 * fetched, readable offline and printable, in the comparison view's colours with a legend.
 *
 * Article text and file names come from outside and may hold markup (`<script>`, `"><img
 * onerror=…>`), so every string of the content is escaped and written only as element content,
 * never into an attribute: the attributes on the page are this file's own constants. A strict
 * Content-Security-Policy (no script at all, only the one stylesheet by its hash) is a second wall
 * should an escape ever be missed.
 */
import { attributionTie, countOf, showsCueWords, statusLabel } from '../wording';
import { legendEntries, REPORT_COLOURS, type LegendEntry } from './palette';
import { oneLine, type ReportContent, type ReportPair, type ReportQuote } from './content';
import type { TextRun } from '../passageText';

/** `&`, `<`, `>`, `"` and `'` as character references; NUL (which an HTML parser drops) as U+FFFD. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\0]/g, (char) => HTML_ESCAPES[char]);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\0': '\ufffd' };

/** Outside text, escaped, in one line. */
export const text = (value: string): string => escapeHtml(oneLine(value));
/** Outside text inside a sentence, isolated so that a right-to-left override in it cannot reorder the words around it. */
export const isolated = (value: string): string => `<bdi>${text(value)}</bdi>`;

function colourVariables(scheme: 'light' | 'dark'): string {
  return Object.entries(REPORT_COLOURS).map(([name, colours]) => `--${name}: ${colours[scheme]};`).join(' ');
}

/** The page's one stylesheet. The CSP admits it by its hash (REPORT_STYLE_HASH), and nothing else. */
export const REPORT_STYLE = `
:root { color-scheme: light dark; ${colourVariables('light')} }
@media (prefers-color-scheme: dark) { :root { ${colourVariables('dark')} } }
@media print { :root { color-scheme: light; ${colourVariables('light')} } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem 2rem 3rem; color: var(--fg); background: var(--bg); font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 1px solid var(--border); }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.subject { font-size: 1.1rem; margin: 0; }
.muted, .place { color: var(--muted); }
.place { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: .85em; white-space: nowrap; }
nav { margin: 1rem 0; color: var(--muted); }
nav a { color: inherit; margin-right: .8rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--border); }
th { font-weight: 600; color: var(--muted); overflow-wrap: normal; }
td.label { white-space: nowrap; }
td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.summary { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; padding: 0; list-style: none; }
.summary li { padding: .2rem .6rem; border-radius: 1rem; background: var(--card); }
.summary li.alert { color: var(--conflict); font-weight: 600; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; padding: 0; list-style: none; }
.swatch { display: inline-block; padding: 0 .35rem; margin-right: .3rem; }
.card { margin: .8rem 0; padding: .6rem .9rem; border: 1px solid var(--border); border-radius: 6px; background: var(--card); break-inside: avoid; }
.card h3 { margin-top: 0; }
.passage { padding: .1rem .2rem; }
p.passage { margin: .4rem 0 0; line-height: 1.7; }
.passage-identical { background: var(--passage-bg); border-bottom: 2px solid var(--passage); }
.passage-edited { background: var(--edited-bg); border-bottom: 2px dashed var(--edited); }
del { text-decoration: line-through; text-decoration-color: var(--removed); background: var(--removed-bg); }
ins { text-decoration: underline; text-decoration-color: var(--added); background: var(--added-bg); }
.quote { border-left: 4px solid var(--unmatched); padding: .1rem .6rem; }
div.quote { margin: .5rem 0; }
.quote-identical { border-left-color: var(--identical); }
.quote-contained { border-left-color: var(--contained); }
.quote-altered { border-left-color: var(--altered); border-left-style: double; border-left-width: 6px; }
.quote-conflict { outline: 1px dashed var(--conflict); outline-offset: -1px; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: .7rem; font-size: .8em; font-weight: 600; color: var(--bg); background: var(--unmatched); white-space: nowrap; }
.badge-identical { background: var(--identical); }
.badge-contained { background: var(--contained); }
.badge-altered { background: var(--altered); }
.badge-conflict { background: var(--conflict); }
q { font-style: italic; }
.speaker { font-weight: 600; }
.cut-short { padding: .5rem .8rem; border: 2px solid var(--conflict); border-radius: 6px; color: var(--conflict); font-weight: 600; }
td.share { text-align: right; font-variant-numeric: tabular-nums; }
td.level-1 { background: var(--passage-bg); }
td.level-2 { background: color-mix(in srgb, var(--passage) 25%, transparent); }
td.level-3 { background: color-mix(in srgb, var(--passage) 40%, transparent); }
td.level-4 { background: color-mix(in srgb, var(--passage) 55%, transparent); }
.conflicting { color: var(--conflict); }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .85em; }
@media print { body { max-width: none; padding: 0; font-size: 10pt; } nav { display: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;

/** sha256 of REPORT_STYLE, base64 (a unit test checks it against the stylesheet). */
export const REPORT_STYLE_HASH = 'sha256-gEYFpP3nULTjU3FV4Vu+pgRLDiXtSQhXYKRNFA5M7hM=';

/** No script, no request of any kind; the stylesheet only by its hash; no base URL or form target to hijack. */
export const REPORT_CSP = `default-src 'none'; style-src '${REPORT_STYLE_HASH}'; base-uri 'none'; form-action 'none'`;

export function writeHtmlReport(report: ReportContent): string {
  const names = report.documents.map((document) => document.name);
  return htmlPage({
    title: `${escapeHtml(report.title)}: ${names.map(text).join(' ↔ ')}`,
    heading: escapeHtml(report.title),
    subject: names.map(isolated).join(' ↔ '),
    createdAt: report.createdAt,
    nav: { summary: 'Summary', conflicts: 'Conflicts', altered: 'Altered quotes', passages: 'Shared passages', pairs: 'Quotes in both', quotes: 'All quotes', speakers: 'Speakers' },
    sections: [
      summarySection(report),
      documentsSection(report),
      legendSection(),
      conflictsSection(report),
      alteredSection(report),
      passagesSection(report),
      pairsSection(report),
      quotesSection(report),
      speakersSection(report),
    ],
  });
}

/** The parts of a report page; `title`, `heading` and `subject` are HTML already escaped. */
export interface HtmlPageParts {
  title: string;
  heading: string;
  subject: string;
  createdAt: string;
  /** Section ids (this file's constants, never outside text) and their link text. */
  nav: Record<string, string>;
  sections: string[];
}

/** The page around a report's sections: the CSP first, the one stylesheet, a header and a footer. */
export function htmlPage(parts: HtmlPageParts): string {
  const nav = Object.entries(parts.nav).map(([id, label]) => `<a href="#${id}">${escapeHtml(label)}</a>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${parts.title}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>${parts.heading}</h1>
<p class="subject">${parts.subject}</p>
<p class="muted">Made ${escapeHtml(parts.createdAt)} with Compare Sources.</p>
</header>
<nav>${nav}</nav>
${parts.sections.filter((part) => part !== '').join('\n')}
<footer>Offsets, lines and columns count UTF-16 code units, as VS Code does; lines and columns start at 1.</footer>
</body>
</html>
`;
}

/** A section of the page; `id` is one of the writers' constants, `body` HTML already escaped. */
export function section(id: string, title: string, body: string): string {
  return `<section id="${id}">\n<h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
}

/** The summary's figures as the view's header shows them (an alert in the conflict colour). */
export function summaryList(items: ReadonlyArray<{ text: string; alert: boolean }>): string {
  return `<ul class="summary">${items.map((item) => `<li${item.alert ? ' class="alert"' : ''}>${text(item.text)}</li>`).join('')}</ul>`;
}

function summarySection(report: ReportContent): string {
  return section('summary', 'Summary', summaryList(report.summary));
}

function documentsSection(report: ReportContent): string {
  const { documents } = report;
  const rows = documents.map((document) => `<tr><td class="label">${document.label}</td><td>${isolated(document.name)}</td>`
    + `<td class="number">${escapeHtml(document.size)}</td><td class="number">${document.characters}</td><td class="number">${document.words}</td>`
    + `<td class="number">${document.quotes}</td><td>${escapeHtml(document.found.percent)} (${document.found.words} words) in ${document.found.in.map((index) => isolated(documents[index].name)).join(', ')}</td></tr>`);
  const settings = report.settings.map((setting) => `<li>${escapeHtml(setting.name)}: ${escapeHtml(setting.value)}</li>`);
  return section('documents', 'Documents',
    `<table><thead><tr><th></th><th>File</th><th>Size</th><th>Characters</th><th>Words</th><th>Quotes</th><th>Found in ${documents.length > 2 ? 'the others' : 'the other'}</th></tr></thead>`
    + `<tbody>${rows.join('')}</tbody></table>\n<p>Settings:</p><ul>${settings.join('')}</ul>`);
}

function legendSection(): string {
  return legendOf(legendEntries());
}

export function legendOf(entries: readonly LegendEntry[]): string {
  const items = entries.map(({ tag, className, sample, label }) => `<li><${tag} class="swatch${className ? ` ${className}` : ''}">${escapeHtml(sample)}</${tag}>${escapeHtml(label)}</li>`);
  return section('legend', 'How to read this report', `<ul class="legend">${items.join('')}</ul>`);
}

function quoteBlock(quote: ReportQuote, report: ReportContent, options: { attribution?: boolean; speaker?: boolean } = {}): string {
  const document = report.documents[quote.document];
  const speaker = options.speaker === false ? ''
    : quote.speaker === null ? '<span class="muted">no speaker found</span>' : `<span class="speaker">${isolated(quote.speaker)}</span>`;
  const tie = quote.attribution;
  const cue = tie && tie.cue !== null && showsCueWords(tie.basis) ? ` … “${isolated(tie.cue)}”` : '';
  const attribution = options.attribution && tie
    ? ` <span class="muted">(the text says “${isolated(tie.words)}”${cue}${text(attributionTie(tie.basis))} at</span> <span class="place">${text(tie.place.text)}</span><span class="muted">)</span>`
    : '';
  return `<div class="quote ${quoteClasses(quote)}"><span class="muted">${document.label}</span> <span class="place">${text(quote.place.text)}</span> ${speaker}${attribution}<br><q>${text(quote.text)}</q></div>`;
}

function quoteClasses(quote: ReportQuote): string {
  return `quote-${quote.status}${quote.conflict ? ' quote-conflict' : ''}`;
}

function conflictsSection(report: ReportContent): string {
  if (report.conflicts.length === 0) return section('conflicts', 'Attribution conflicts', '<p>No quote is given to different speakers.</p>');
  const cards = report.conflicts.map((conflict, index) => `<div class="card"><h3>Conflict ${index + 1} <span class="badge badge-conflict">conflict</span></h3>`
    + `<p>${text(conflict.sentence)}</p>${conflict.quotes.map((quote) => quoteBlock(quote, report, { attribution: true })).join('')}</div>`);
  return section('conflicts', `Attribution conflicts (${report.conflicts.length})`, cards.join('\n'));
}

function differencesTable(pair: ReportPair, report: ReportContent): string {
  if (pair.differences.length === 0) return '';
  const head = pair.quotes.map((quote) => `<th>${report.documents[quote.document].label} ${isolated(report.documents[quote.document].name)}</th>`).join('');
  const rows = pair.differences.map((words) => `<tr>${words.map((word, index) => `<td>${index === 0 ? '<del>' : '<ins>'}${text(word)}${index === 0 ? '</del>' : '</ins>'}</td>`).join('')}</tr>`);
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function alteredSection(report: ReportContent): string {
  if (report.altered.length === 0) return section('altered', 'Altered quotes', '<p>No quote is given with different words.</p>');
  const cards = report.altered.map((pair, index) => `<div class="card"><h3>Altered quote ${index + 1} <span class="badge badge-altered">altered</span>${pair.conflict ? ' <span class="badge badge-conflict">conflict</span>' : ''}</h3>`
    + `${pair.quotes.map((quote) => quoteBlock(quote, report)).join('')}<p>Words that differ:</p>${differencesTable(pair, report)}</div>`);
  return section('altered', `Altered quotes (${report.altered.length})`, cards.join('\n'));
}

function runsHtml(runs: readonly TextRun[]): string {
  return runs.map((run) => {
    const words = escapeHtml(run.text.replace(/\s+/g, ' '));
    return run.change === 'removed' ? `<del>${words}</del>` : run.change === 'added' ? `<ins>${words}</ins>` : words;
  }).join('');
}

function passagesSection(report: ReportContent): string {
  if (report.passages.length === 0) return section('passages', 'Shared passages', `<p>${escapeHtml(report.noPassages)}</p>`);
  const cards = report.passages.map((passage) => `<div class="card"><h3>Passage ${passage.number} <span class="muted">${escapeHtml(passage.description)}</span></h3>`
    + `<div>${passage.places.map((place) => `<span class="place">${text(place.text)}</span>`).join(' · ')}</div>`
    + `<p class="passage ${passage.identical ? 'passage-identical' : 'passage-edited'}">${runsHtml(passage.runs)}</p></div>`);
  return section('passages', `Shared passages (${report.passages.length})`, cards.join('\n'));
}

function badge(quote: Pick<ReportQuote, 'status' | 'conflict' | 'badge'>): string {
  const kind = quote.conflict ? 'conflict' : quote.status === 'unmatched' ? 'unmatched' : quote.status;
  return `<span class="badge badge-${kind}">${escapeHtml(quote.badge)}</span>`;
}

function pairsSection(report: ReportContent): string {
  if (report.pairs.length === 0) return section('pairs', 'Quotes in both articles', '<p>No quote appears in both articles.</p>');
  const rows = report.pairs.map((pair) => `<tr><td class="number">${pair.number}</td>`
    + `<td>${badge({ status: pair.kind, conflict: pair.conflict, badge: statusLabel(pair.kind, pair.conflict) })}${pair.label === pair.kind ? '' : `<br><span class="muted">${escapeHtml(pair.label)}</span>`}</td>`
    + `${pair.quotes.map((quote) => `<td>${quoteBlock(quote, report)}</td>`).join('')}</tr>`);
  const head = report.documents.map((document) => `<th>${document.label} ${isolated(document.name)}</th>`).join('');
  return section('pairs', `Quotes in both articles (${report.pairs.length})`, `<table><thead><tr><th>#</th><th>Match</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`);
}

function quotesSection(report: ReportContent): string {
  const parts = report.documents.map((document, index) => {
    const quotes = report.quotes[index];
    const rows = quotes.map((quote) => `<tr><td><span class="place">${text(quote.place.text)}</span></td>`
      + `<td>${quote.speaker === null ? '<span class="muted">no speaker found</span>' : `<span class="speaker">${isolated(quote.speaker)}</span>`}</td>`
      + `<td class="quote ${quoteClasses(quote)}"><q>${text(quote.text)}</q></td><td>${badge(quote)}<br><span class="muted">${text(quote.standing)}</span></td></tr>`);
    const body = quotes.length === 0 ? '<p>No quotes.</p>'
      : `<table><thead><tr><th>Place</th><th>Speaker</th><th>Quote</th><th>In the other article</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
    return `<h3>${document.label} ${isolated(document.name)} <span class="muted">(${countOf(quotes.length, 'quote')})</span></h3>\n${body}`;
  });
  return section('quotes', 'Every quote, by article', parts.join('\n'));
}

function speakersSection(report: ReportContent): string {
  if (report.speakers.length === 0) return section('speakers', 'Speakers', '<p>No quoted speakers.</p>');
  const cards = report.speakers.map((speaker) => {
    const lists = speaker.quotes.map((quotes) => quotes.map((quote) => quoteBlock(quote, report, { speaker: false })).join('')).join('');
    const titles = speaker.titles.length > 0 ? `<div class="muted">${text(speaker.titles.join(', '))}</div>` : '';
    return `<div class="card"><h3>${isolated(speaker.name)}</h3>${titles}<div class="muted">${text(speaker.description)}</div>${lists}</div>`;
  });
  return section('speakers', `Speakers (${report.speakers.length})`, cards.join('\n'));
}
