/** The toolbar's filters: which marks show (shared text, quotes, altered quotes only) and whose quotes stand out. */
import type { Page } from './page';

/** Shows the filters of `page.state.ui` in the toolbar and on the page. */
export function applyFilters(page: Page): void {
  const { filters } = page.state.ui;
  const { filterShared, filterQuotes, filterAltered } = page.elements;
  filterShared.checked = filters.shared;
  filterQuotes.checked = filters.quotes;
  filterAltered.checked = filters.alteredOnly;
  document.body.classList.toggle('hide-shared', !filters.shared);
  document.body.classList.toggle('hide-quotes', !filters.quotes);
  document.body.classList.toggle('altered-only', filters.alteredOnly);
  document.body.classList.toggle('speaker-filter', filters.speaker !== null);
  const speaker = String(filters.speaker);
  for (const element of document.querySelectorAll<HTMLElement>('.quote')) {
    element.classList.toggle('selected-speaker', element.dataset.speaker === speaker);
  }
}

/** Follows the toolbar's inputs; `changed` runs after each change has been applied. */
export function listenToFilters(page: Page, changed: () => void): void {
  const { filterShared, filterQuotes, filterAltered, filterSpeaker } = page.elements;
  for (const [input, key] of [[filterShared, 'shared'], [filterQuotes, 'quotes'], [filterAltered, 'alteredOnly']] as const) {
    input.addEventListener('change', () => {
      page.state.ui.filters[key] = input.checked;
      applyFilters(page);
      changed();
    });
  }
  filterSpeaker.addEventListener('change', () => {
    page.state.ui.filters.speaker = filterSpeaker.value === '' ? null : Number(filterSpeaker.value);
    applyFilters(page);
    changed();
  });
}
