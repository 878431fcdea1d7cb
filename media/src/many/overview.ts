/**
 * The summary and the sources overview: a table with one row per article, the share of its words
 * each other article holds (a shade per cell, the figure as text, the sentence as its title), the
 * share found in no other; then each article with its size and how it was read.
 */
import type { ManyViewContent, OverviewCell } from '../../../src/core/views/manyView';
import { element, type ManyPage } from './page';

export function renderOverview(page: ManyPage, content: ManyViewContent): void {
  const { elements } = page;
  elements.title.textContent = content.title;
  elements.summary.replaceChildren(...content.summary.map((item) => {
    const entry = element('li', item.alert ? 'summary-item alert' : 'summary-item', item.text);
    entry.dataset.key = item.key;
    return entry;
  }));

  const names = content.documents.map((document) => document.name);
  const head = element('thead');
  const headRow = element('tr');
  headRow.append(element('td', 'corner', 'Share of the row’s article found in…'));
  names.forEach((name, d) => {
    const column = element('th', 'column-name', `[${d + 1}]`);
    column.scope = 'col';
    column.title = name;
    headRow.append(column);
  });
  const onlyHead = element('th', 'column-name only-here', 'in no other');
  onlyHead.scope = 'col';
  headRow.append(onlyHead);
  head.append(headRow);

  const body = element('tbody');
  for (const row of content.overview) {
    const line = element('tr');
    const name = element('th', 'row-name', `[${row.document + 1}] ${names[row.document]}`);
    name.scope = 'row';
    line.append(name, ...row.cells.map((cell) => shareCell(cell, cell.document === row.document)), shareCell(row.onlyHere, false, 'only-here'));
    body.append(line);
  }
  elements.overview.replaceChildren(head, body);

  elements.documents.replaceChildren(...content.documents.map((document) => {
    const entry = element('li', 'document');
    entry.append(element('span', 'document-name', `[${document.id + 1}] ${document.name}`));
    const facts = [`${document.words} words`, document.found, document.onlyHere, ...(document.readAs ? [document.readAs] : [])];
    entry.append(element('span', 'document-facts', facts.join(' · ')));
    return entry;
  }));
}

function shareCell(cell: OverviewCell, diagonal: boolean, extra = ''): HTMLTableCellElement {
  const td = element('td', ['share', `level-${cell.level}`, diagonal ? 'diagonal' : '', extra].filter(Boolean).join(' '), cell.text);
  td.title = cell.title;
  return td;
}
