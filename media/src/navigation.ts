/**
 * Moving around the two articles: the partner of a passage under the pointer, the next and previous
 * passage (`n`/`p`, the toolbar's arrows), a range the extension asks to show, and a click that
 * reveals a quote or passage in its editor.
 */
import type { Range, Side } from '../../src/core/model';
import { otherSide } from '../../src/core/views/lookup';
import { positionText } from '../../src/core/views/wording';
import { setOutline, targetElements } from './outline';
import { sideOf, SIDES, type Page } from './page';
import { bringIntoView } from './readingPlace';

/** Deepens the passage under the pointer on both sides (its background, no extra mark) and brings its partner into view. */
function linkPartner(page: Page, target: HTMLElement, scroll: boolean): void {
  const { articles } = page.elements;
  for (const element of document.querySelectorAll('.linked')) element.classList.remove('linked');
  const side = sideOf(page, target);
  const passage = target.closest<HTMLElement>('[data-passage]')?.dataset.passage;
  if (!side || passage === undefined || !page.state.ui.filters.shared) return;
  const other = otherSide(side);
  const mine = articles[side].querySelectorAll(`[data-passage="${passage}"]`);
  const theirs = articles[other].querySelectorAll<HTMLElement>(`[data-passage="${passage}"]`);
  for (const element of [...mine, ...theirs]) element.classList.add('linked');
  if (scroll && theirs[0] && !isVisible(theirs[0], articles[other])) bringIntoView(page, theirs[0]);
}

function isVisible(element: HTMLElement, container: HTMLElement): boolean {
  const box = element.getBoundingClientRect();
  const view = container.getBoundingClientRect();
  return box.bottom > view.top && box.top < view.bottom;
}

function rangeOfElement(page: Page, side: Side, element: HTMLElement): Range | undefined {
  const { current, ui } = page.state;
  if (!current) return undefined;
  const quote = element.closest<HTMLElement>('[data-quote]')?.dataset.quote;
  if (quote !== undefined && ui.filters.quotes) return current.comparison[side].quotes[Number(quote)]?.range;
  const passage = element.closest<HTMLElement>('[data-passage]')?.dataset.passage;
  if (passage !== undefined) return current.comparison.passages[Number(passage)]?.[side];
  return undefined;
}

/** Makes passage `index` (wrapping around) the current one: one outline around it on each side, both brought into view. */
export function goToPassage(page: Page, index: number): void {
  const { state } = page;
  if (!state.current || state.current.comparison.passages.length === 0) return;
  const count = state.current.comparison.passages.length;
  state.passageCursor = ((index % count) + count) % count;
  for (const side of SIDES) {
    setOutline(page, side, { kind: 'passage', id: state.passageCursor });
    const [first] = targetElements(page, side, { kind: 'passage', id: state.passageCursor });
    if (first) bringIntoView(page, first);
  }
  updatePosition(page);
}

/** The toolbar's `Passage n of m`. */
export function updatePosition(page: Page): void {
  const { current, passageCursor } = page.state;
  page.elements.position.textContent = positionText(passageCursor, current?.comparison.passages.length ?? 0);
}

/** Brings the quote or passage at `range` into view and outlines it (the tree's "Show in Comparison"). */
export function focusRange(page: Page, side: Side, range: Range): void {
  const { articles } = page.elements;
  const start = range[0];
  const candidates = articles[side].querySelectorAll<HTMLElement>('[data-start]');
  const target = [...candidates].find((element) => Number(element.dataset.start) >= start);
  if (!target) return;
  const quote = target.closest<HTMLElement>('[data-quote]')?.dataset.quote;
  const passage = target.closest<HTMLElement>('[data-passage]')?.dataset.passage;
  if (quote !== undefined) setOutline(page, side, { kind: 'quote', id: Number(quote) });
  else if (passage !== undefined) setOutline(page, side, { kind: 'passage', id: Number(passage) });
  bringIntoView(page, target);
  linkPartner(page, target, true);
}

/** The pointer, one delegated click listener for the whole page (no inline handlers) and the keys. */
export function listenForNavigation(page: Page): void {
  const { state } = page;
  document.addEventListener('mouseover', (event) => {
    const target = event.target instanceof HTMLElement ? event.target : undefined;
    const key = target ? `${sideOf(page, target)}:${target.closest<HTMLElement>('[data-passage]')?.dataset.passage}` : undefined;
    if (!target || key === state.hovered) return;
    state.hovered = key;
    linkPartner(page, target, true);
  });

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('button, [data-quote], [data-passage]') : null;
    if (!target) return;
    if (target.id === 'next-passage') return goToPassage(page, state.passageCursor + 1);
    if (target.id === 'previous-passage') return goToPassage(page, state.passageCursor - 1);
    const side = sideOf(page, target);
    if (!side || !state.current) return;
    linkPartner(page, target, true);
    const range = rangeOfElement(page, side, target);
    if (range) page.host.postMessage({ type: 'reveal', side, range });
  });

  document.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'n' || event.key === 'j') goToPassage(page, state.passageCursor + 1);
    else if (event.key === 'p' || event.key === 'k') goToPassage(page, state.passageCursor - 1);
    else return;
    event.preventDefault();
  });
}
