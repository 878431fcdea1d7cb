/**
 * What the reader does on the page: switch sections, filter, and select an item (in every open
 * editor) or one article's row of it (in that editor), by click or Enter. One delegated listener
 * per kind of event, no inline handlers.
 */
import type { ManyViewSection } from '../../../src/protocol/manyViewMessages';
import { applyItemFilters } from './items';
import { SECTIONS, saveManyState, type ManyPage } from './page';

export function showSection(page: ManyPage, section: ManyViewSection): void {
  page.state.section = section;
  for (const each of SECTIONS) {
    const selected = each === section;
    page.elements.tabs[each].setAttribute('aria-selected', String(selected));
    page.elements.tabs[each].tabIndex = selected ? 0 : -1;
    page.elements.sections[each].hidden = !selected;
  }
}

export function listenToReader(page: ManyPage): void {
  const { elements } = page;
  for (const section of SECTIONS) {
    elements.tabs[section].addEventListener('click', () => {
      showSection(page, section);
      elements.scroller.scrollTop = 0;
      saveManyState(page);
    });
  }
  elements.filterDocument.addEventListener('change', () => {
    page.state.document = Number(elements.filterDocument.value);
    applyItemFilters(page);
  });
  elements.filterFlagged.addEventListener('change', () => {
    page.state.flaggedOnly = elements.filterFlagged.checked;
    applyItemFilters(page);
  });
  const select = (target: EventTarget | null): boolean => {
    if (!(target instanceof HTMLElement)) return false;
    const item = target.closest<HTMLElement>('.item');
    if (!item) return false;
    const kind = item.dataset.kind === 'statement' ? 'statement' : 'passage';
    const id = Number(item.dataset.id);
    const row = target.closest<HTMLElement>('.row');
    for (const selected of Array.from(document.querySelectorAll('.item.selected'))) selected.classList.remove('selected');
    item.classList.add('selected');
    if (row) page.host.postMessage({ type: 'revealItem', kind, id, document: Number(row.dataset.document) });
    else page.host.postMessage({ type: 'revealItem', kind, id });
    return true;
  };
  for (const list of [elements.passages, elements.statements]) {
    list.addEventListener('click', (event) => {
      select(event.target);
    });
    list.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && select(event.target)) event.preventDefault();
    });
  }
  elements.scroller.addEventListener('scroll', () => saveManyState(page), { passive: true });
}
