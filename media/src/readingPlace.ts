/**
 * The reader's place in a lazily laid out article: the character at the top left of the column, by
 * its offset in the text, and how far its line starts above the column's top. In such an article a
 * pixel offset survives neither a new rendering (blocks off screen are only estimated) nor a reload
 * into a column of another width; a character does.
 */
import type { Side } from '../../src/core/model';
import { partitionPoint } from '../../src/core/text/binarySearch';
import { editBetween, mapOffset } from '../../src/core/text/liveRanges';
import type { ReadingPlace } from '../../src/protocol/webviewMessages';
import { sideOf, type Page } from './page';

/** The most frames a re-rendered long article spends settling on the reader's place. */
const SETTLE_FRAMES = 12;

/** What stands at the top of a lazily laid out, scrolled article; null otherwise. */
function placeAtTop(page: Page, side: Side): ReadingPlace | null {
  const article = page.elements.articles[side];
  if (!article.classList.contains('lazy') || article.scrollTop === 0) return null;
  const top = article.getBoundingClientRect().top;
  const { elements, starts } = page.state.blocks[side];
  // The first block whose bottom is below the article's top.
  const k = partitionPoint(elements.length, (i) => elements[i].getBoundingClientRect().bottom <= top);
  const block = elements[k];
  if (!block) return null;
  const box = block.getBoundingClientRect();
  // Right of the block's left margin (the speakers' names): on the text itself.
  const textLeft = box.left + (parseFloat(getComputedStyle(block).paddingLeft) || 0);
  const caret = document.caretRangeFromPoint(textLeft + 1, Math.max(top, box.top) + 1);
  const start = caret ? textOffset(block, starts[k], caret.startContainer, caret.startOffset) : undefined;
  const line = start === undefined ? undefined : characterBox(block, starts[k], start);
  // Where no character or no box for it is found, the block's own start.
  return start !== undefined && line ? { start, above: top - line.top } : { start: starts[k], above: top - box.top };
}

/**
 * The text offset of a caret position inside a block starting at `start`. A caret in a speaker label
 * (not the article's text) stands for the statement the label precedes.
 */
function textOffset(block: HTMLElement, start: number, node: Node, offset: number): number | undefined {
  let at = start;
  // A caret between the block's children (in a block not laid out yet, say): before child `offset`.
  if (node === block) {
    for (const child of [...block.childNodes].slice(0, offset)) if (!isSpeakerTag(child)) at += child.textContent?.length ?? 0;
    return at;
  }
  for (const child of block.childNodes) {
    const isTag = isSpeakerTag(child);
    if (child === node || child.contains(node)) return !isTag && node.nodeType === Node.TEXT_NODE ? at + offset : at;
    if (!isTag) at += child.textContent?.length ?? 0;
  }
  return undefined;
}

const isSpeakerTag = (node: Node): boolean => node instanceof HTMLElement && node.classList.contains('speaker-label');

/** The box of the character at text offset `offset` in a block starting at `start`, if it has one. */
function characterBox(block: HTMLElement, start: number, offset: number): DOMRect | undefined {
  let at = start;
  for (const child of block.childNodes) {
    if (isSpeakerTag(child)) continue;
    const length = child.textContent?.length ?? 0;
    if (offset < at + length) {
      const text = child.nodeType === Node.TEXT_NODE ? child : child.firstChild;
      if (!text) return undefined;
      const range = document.createRange();
      range.setStart(text, offset - at);
      range.setEnd(text, offset - at + 1);
      // A line break has no box of its own on some lines: the first box of the range, else none.
      const box = range.getClientRects()[0];
      return box && box.height > 0 ? box : undefined;
    }
    at += length;
  }
  return undefined;
}

/** Scrolls a freshly rendered lazy article back to `place`, and keeps it there while the blocks around it are laid out. */
export function returnToPlace(page: Page, side: Side, place: ReadingPlace): void {
  const article = page.elements.articles[side];
  const { settling } = page.state;
  const { elements, starts } = page.state.blocks[side];
  // The last block that starts at or before the place (the text may have changed since).
  const k = Math.max(0, partitionPoint(starts.length, (i) => starts[i] <= place.start) - 1);
  const block = elements[k];
  if (!block) return;
  /** Scrolls the place's line to where it stood; whether that moved the article. */
  const settle = (): boolean => {
    const line = characterBox(block, starts[k], place.start) ?? block.getBoundingClientRect();
    const before = article.scrollTop;
    article.scrollTop += line.top - article.getBoundingClientRect().top + place.above;
    return article.scrollTop !== before;
  };
  // The place's block is laid out for real while the page settles on it (`.anchor` in webview.css):
  // left to skip layout, it would keep its estimated height, and where the place lies below that
  // estimate the block would stay off screen and unrendered.
  block.classList.add('anchor');
  settle();
  // The blocks brought into view are laid out a frame or two later, and those above the place then
  // grow or shrink from their estimates: settle again each frame until two frames in a row leave the
  // place where it is (at most SETTLE_FRAMES), unless the reader has been taken elsewhere meanwhile.
  const token = { place };
  settling[side] = token;
  let frames = 0;
  let still = 0;
  const again = (): void => {
    still = settling[side] === token && !settle() ? still + 1 : 0;
    if (settling[side] === token && still < 2 && ++frames < SETTLE_FRAMES) {
      requestAnimationFrame(again);
      return;
    }
    if (settling[side] === token) settling[side] = undefined;
    block.classList.remove('anchor');
  };
  requestAnimationFrame(again);
}

/**
 * The reader's place in a side: while the page is still settling on one, that place (what stands at
 * the top then is not settled yet, and a comparison arriving in those frames would keep the
 * unsettled spot), else what is at the top.
 */
export function currentPlace(page: Page, side: Side): ReadingPlace | null {
  return page.state.settling[side]?.place ?? placeAtTop(page, side);
}

/**
 * The reader's place in a side, carried through what was typed in that article since the page last
 * rendered: typing above the place would otherwise leave the reader that many characters off.
 */
export function placeAfterEdit(page: Page, side: Side, text: string): ReadingPlace | null {
  const place = currentPlace(page, side);
  const before = page.state.previousTexts?.[side];
  if (!place || before === undefined || before === text) return place;
  return { ...place, start: mapOffset(place.start, editBetween(before, text)) };
}

/** Scrolls `element` to the middle of its article, ending any settling there. */
export function bringIntoView(page: Page, element: HTMLElement): void {
  const side = sideOf(page, element);
  if (side) page.state.settling[side] = undefined;
  element.scrollIntoView({ block: 'center' });
}
