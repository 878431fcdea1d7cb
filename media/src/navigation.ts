/**
 * Moving around the two articles: the partner of a passage under the pointer, the next and previous
 * passage (`n`/`p`, the toolbar's arrows: asked of the extension, which moves the editors too and
 * answers with `current`), a range the extension asks to show, and a click that reveals a quote or
 * passage in the editors.
 */
import type { Range, Side } from '../../src/core/model';
import type { ExtensionToWebview, NavigationTarget } from '../../src/protocol/webviewMessages';
import { otherSide } from '../../src/core/views/lookup';
import { positionText } from '../../src/core/views/wording';
import { setOutline, targetElements } from './outline';
import { sideOf, SIDES, type OutlineTarget, type Page } from './page';
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

/**
 * Shows where a move went (the extension decides, so that the editors move with the page): one
 * outline on each side around the passage or the quote difference, both brought into view.
 */
export function showCurrent(page: Page, message: Extract<ExtensionToWebview, { type: 'current' }>): void {
  const { state } = page;
  if (message.passage !== undefined) state.passageCursor = message.passage;
  for (const side of SIDES) {
    const quote = message.quotes?.[side];
    const target: OutlineTarget | undefined = message.passage !== undefined ? { kind: 'passage', id: message.passage }
      : quote !== undefined ? { kind: 'quote', id: quote } : undefined;
    if (!target) continue;
    setOutline(page, side, target);
    const [first] = targetElements(page, side, target);
    if (first) bringIntoView(page, first);
  }
  state.position = message.position;
  updatePosition(page);
}

/** Asks the extension for a move: the same as the commands, so that the editors move in step. */
function navigate(page: Page, target: NavigationTarget, direction: 1 | -1): void {
  if (page.state.current) page.host.postMessage({ type: 'navigate', target, direction });
}

/** The toolbar's place: where the last move went (`Passage 2 of 4`), or how many passages there are. */
export function updatePosition(page: Page): void {
  const { current, passageCursor, position } = page.state;
  page.elements.position.textContent = position ?? positionText(passageCursor, current?.comparison.passages.length ?? 0);
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
    if (target.id === 'next-passage') return navigate(page, 'passage', 1);
    if (target.id === 'previous-passage') return navigate(page, 'passage', -1);
    const side = sideOf(page, target);
    if (!side || !state.current) return;
    linkPartner(page, target, true);
    // A quote (while quotes show) selects it and its partner; a passage selects both sides.
    const quote = target.closest<HTMLElement>('[data-quote]')?.dataset.quote;
    const passage = target.closest<HTMLElement>('[data-passage]')?.dataset.passage;
    const quoteRange = quote !== undefined && state.ui.filters.quotes ? state.current.comparison[side].quotes[Number(quote)]?.range : undefined;
    if (quoteRange) page.host.postMessage({ type: 'reveal', side, range: quoteRange });
    else if (passage !== undefined) page.host.postMessage({ type: 'revealPassage', passage: Number(passage) });
  });

  document.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'n' || event.key === 'j') navigate(page, 'passage', 1);
    else if (event.key === 'p' || event.key === 'k') navigate(page, 'passage', -1);
    else return;
    event.preventDefault();
  });
}
