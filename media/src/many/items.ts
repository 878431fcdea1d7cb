/**
 * The passages held by two or more articles and the statements quoted by two or more, as lists:
 * each item with what it is and where it stands, its common wording, and a row per article (its
 * copy or version, with the words that differ). An item selects itself in every open editor; a
 * row, in its own article's editor (see selection.ts). Everything is text nodes.
 */
import { COPY_STATUS_LABEL, versionSpeaker, type ManyViewContent, type ManyViewPassage, type ManyViewStatement, type WordChange } from '../../../src/core/views/manyView';
import type { ManyItemKind } from '../../../src/protocol/manyViewMessages';
import { element, type ManyPage } from './page';

export function renderItems(page: ManyPage, content: ManyViewContent): void {
  const names = content.documents.map((document) => document.name);
  page.elements.passages.replaceChildren(...content.passages.map((passage) => passageItem(passage, names)));
  page.elements.statements.replaceChildren(...content.statements.map((statement) => statementItem(statement, names)));
  applyItemFilters(page);
}

/** Hides the items the filters leave out: those without the chosen article, and unflagged statements when asked. */
export function applyItemFilters(page: ManyPage): void {
  const { document, flaggedOnly } = page.state;
  for (const list of [page.elements.passages, page.elements.statements]) {
    for (const item of Array.from(list.children) as HTMLElement[]) {
      const documents = (item.dataset.documents ?? '').split(' ').map(Number);
      const flagged = item.dataset.status === 'conflict' || item.dataset.status === 'altered';
      item.hidden = (document >= 0 && !documents.includes(document)) || (flaggedOnly && item.dataset.kind === 'statement' && !flagged);
    }
  }
}

function itemShell(kind: ManyItemKind, id: number, documents: readonly number[], label: string): HTMLLIElement {
  const item = element('li', `item item-${kind}`);
  item.dataset.kind = kind;
  item.dataset.id = String(id);
  item.dataset.documents = [...new Set(documents)].join(' ');
  item.tabIndex = 0;
  item.setAttribute('aria-label', label);
  return item;
}

function passageItem(passage: ManyViewPassage, names: readonly string[]): HTMLLIElement {
  const item = itemShell('passage', passage.id, passage.documents, `${passage.heading}: ${passage.text}`);
  if (passage.copies.some((copy) => copy.status === 'edited')) item.classList.add('edited');
  const head = element('div', 'item-head');
  head.append(element('span', 'item-heading', passage.heading), element('span', 'item-detail', passage.detail));
  item.append(head, element('blockquote', 'item-text', passage.text));
  const rows = element('ul', 'rows');
  for (const copy of passage.copies) {
    const row = articleRow(copy.document, names);
    row.append(element('span', `row-status status-${copy.status}`, COPY_STATUS_LABEL[copy.status]));
    if (copy.changes.length) row.append(changeList(copy.changes));
    rows.append(row);
  }
  item.append(rows);
  return item;
}

function statementItem(statement: ManyViewStatement, names: readonly string[]): HTMLLIElement {
  const item = itemShell('statement', statement.id, statement.versions.map((version) => version.document), `${statement.badge}: ${statement.text}`);
  item.dataset.status = statement.status;
  const head = element('div', 'item-head');
  head.append(element('span', `badge badge-${statement.status}`, statement.badge), element('span', 'item-detail', statement.attribution));
  item.append(head, element('blockquote', 'item-text', `“${statement.text}”`));
  const rows = element('ul', 'rows');
  for (const version of statement.versions) {
    const row = articleRow(version.document, names);
    if (version.conflicting) row.classList.add('conflicting');
    row.append(element('span', 'row-speaker', versionSpeaker(version)));
    row.append(element('span', `row-status status-${version.status.replace(/\s+/g, '-')}`, version.status));
    if (version.changes.length) row.append(changeList(version.changes));
    rows.append(row);
  }
  item.append(rows);
  return item;
}

function articleRow(document: number, names: readonly string[]): HTMLLIElement {
  const row = element('li', 'row');
  row.dataset.document = String(document);
  row.tabIndex = 0;
  row.title = `Select it in ${names[document]}`;
  row.append(element('span', 'row-article', `[${document + 1}] ${names[document]}`));
  return row;
}

/** Each change as the common wording's words struck through and this article's underlined. */
function changeList(changes: readonly WordChange[]): HTMLElement {
  const list = element('span', 'changes');
  changes.forEach((change, k) => {
    if (k > 0) list.append(element('span', 'change-separator', ' · '));
    const pair = element('span', 'change');
    if (change.common !== '∅') pair.append(element('del', 'change-common', change.common));
    if (change.common !== '∅' && change.here !== '∅') pair.append(element('span', 'change-arrow', ' → '));
    if (change.here !== '∅') pair.append(element('ins', 'change-here', change.here));
    list.append(pair);
  });
  return list;
}
