/** The toolbar's filters: which marks show (shared text, quotes, altered quotes only) and whose quotes stand out. */
import { SIDES, type Page } from './page';
import { bringIntoView } from './readingPlace';

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
  document.body.classList.toggle('hide-speaker-names', !page.state.settings.showSpeakerNames);
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
    showSpeaker(page);
    changed();
  });
}

/** Brings the chosen speaker's first quote into view in each article that quotes them. */
function showSpeaker(page: Page): void {
  const { speaker } = page.state.ui.filters;
  if (speaker === null) return;
  for (const side of SIDES) {
    const first = page.elements.articles[side].querySelector<HTMLElement>(`.quote[data-speaker="${speaker}"]`);
    if (first) bringIntoView(page, first);
  }
}
