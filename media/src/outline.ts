/**
 * The one outline per article around where the reader is: the current passage (`n`/`p`, F7) or the
 * quote the Speakers view showed. It is a single SVG path over the article (outlineShape.ts), not an
 * outline on the text's spans, which would break into a box per line fragment and per span.
 */
import type { Side } from '../../src/core/model';
import { outlinePath, type Box } from './outlineShape';
import { SIDES, type OutlineTarget, type Page } from './page';

const SVG = 'http://www.w3.org/2000/svg';

/** The spans of an outline's target in one article. */
export function targetElements(page: Page, side: Side, target: OutlineTarget): HTMLElement[] {
  const attribute = target.kind === 'passage' ? 'data-passage' : 'data-quote';
  return [...page.elements.articles[side].querySelectorAll<HTMLElement>(`[${attribute}="${target.id}"]`)];
}

/** Outlines `target` in `side` (none: removes the outline) and remembers it for redraws. */
export function setOutline(page: Page, side: Side, target: OutlineTarget | undefined): void {
  page.state.outlined[side] = target;
  drawOutline(page, side);
}

/** Draws each article's outline again: after a render, or when the columns change width. */
export function redrawOutlines(page: Page): void {
  for (const side of SIDES) drawOutline(page, side);
}

function drawOutline(page: Page, side: Side): void {
  const article = page.elements.articles[side];
  const target = page.state.outlined[side];
  const elements = target ? targetElements(page, side, target) : [];
  let svg = article.querySelector<SVGSVGElement>(':scope > svg.current-outline');
  if (elements.length === 0) {
    svg?.remove();
    return;
  }
  if (!svg) {
    svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'current-outline');
    svg.setAttribute('aria-hidden', 'true');
    svg.append(document.createElementNS(SVG, 'path'));
  }
  // Boxes in the article's scrolled content, so that the outline scrolls with the text.
  const origin = article.getBoundingClientRect();
  const dx = article.scrollLeft - origin.left - article.clientLeft;
  const dy = article.scrollTop - origin.top - article.clientTop;
  const boxes: Box[] = elements.flatMap((element) => [...element.getClientRects()])
    .map((rect) => ({ left: rect.left + dx, top: rect.top + dy, right: rect.right + dx, bottom: rect.bottom + dy }));
  // A 1 px box painting its path outside itself (overflow: visible): ink outside a box adds nothing to
  // the article's scroll height, which a box sized to the article would feed back into.
  svg.setAttribute('width', '1');
  svg.setAttribute('height', '1');
  svg.firstElementChild?.setAttribute('d', outlinePath(boxes));
  article.append(svg);
}
