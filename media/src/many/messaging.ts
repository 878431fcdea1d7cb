/**
 * Messages from the extension: the content in pieces (rendered once the last of a run has arrived),
 * the busy state and errors.
 */
import { decodeManyView, type ExtensionToManyView } from '../../../src/protocol/manyViewMessages';
import { element, saveManyState, type ManyPage } from './page';
import { renderItems } from './items';
import { renderOverview } from './overview';
import { showSection } from './selection';

export function onManyHostMessage(page: ManyPage, message: ExtensionToManyView): void {
  const { state, elements } = page;
  switch (message.type) {
    case 'busy':
      elements.busy.hidden = !message.busy;
      return;
    case 'error':
      elements.error.textContent = message.message;
      elements.error.hidden = false;
      return;
    case 'current':
      showCurrent(page, message.item);
      return;
    case 'manyContent': {
      if (message.run !== state.incoming.run) state.incoming = { run: message.run, pieces: [] };
      state.incoming.pieces[message.index] = message.data;
      if (message.index !== message.count - 1) return;
      const content = decodeManyView(state.incoming.pieces);
      state.incoming.pieces = [];
      state.content = content;
      state.uris = message.uris;
      elements.error.hidden = true;
      render(page);
      saveManyState(page);
    }
  }
}

function render(page: ManyPage): void {
  const { state, elements } = page;
  const content = state.content;
  if (!content) return;
  renderOverview(page, content);
  renderItems(page, content);
  // The article filter: every article by name, the choice kept if the article is still compared.
  const chosen = state.document < content.documents.length ? state.document : -1;
  elements.filterDocument.replaceChildren(element('option', undefined, 'All articles'), ...content.documents.map((document) => element('option', undefined, `[${document.id + 1}] ${document.name}`)));
  Array.from(elements.filterDocument.options).forEach((option, k) => (option.value = String(k - 1)));
  elements.filterDocument.value = String(chosen);
  state.document = chosen;
  showSection(page, state.section);
  if (state.pendingScroll !== undefined) {
    elements.scroller.scrollTop = state.pendingScroll;
    state.pendingScroll = undefined;
  }
}

/** Outlines the item F7 moved to, in its section, and scrolls it into view (unless a filter hides it). */
function showCurrent(page: ManyPage, item: { kind: 'passage' | 'statement'; id: number } | undefined): void {
  for (const selected of Array.from(document.querySelectorAll('.item.selected'))) selected.classList.remove('selected');
  if (!item) return;
  const list = item.kind === 'passage' ? page.elements.passages : page.elements.statements;
  const target = Array.from(list.querySelectorAll<HTMLElement>('.item')).find((each) => each.dataset.id === String(item.id));
  if (!target) return;
  showSection(page, item.kind === 'passage' ? 'passages' : 'statements');
  target.classList.add('selected');
  if (!target.hidden) target.scrollIntoView({ block: 'nearest' });
  saveManyState(page);
}
