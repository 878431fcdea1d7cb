/**
 * The comparison webview. The page arrives as a fixed shell; the comparison and both texts come by
 * message and enter the DOM only as text nodes (`textContent`, `createTextNode`), never as HTML, so
 * an article containing `<script>` or `<img onerror=…>` shows as the characters it is.
 */
import type { Comparison, QuoteMatch, Range, Side } from '../../src/core/model';
import { validateUiState, type ComparisonPayload, type ExtensionToWebview, type PersistedPanelState, type ReadingPlace, type WebviewToExtension, type WebviewUiState } from '../../src/protocol/webviewMessages';
import { decodeUtf8Pieces } from '../../src/protocol/textTransfer';
import { partitionPoint } from '../../src/core/text/binarySearch';
import { editBetween, mapOffset } from '../../src/core/text/liveRanges';
import { buildSegments, splitBlocks, type Mark, type Segment } from './segments';

declare function acquireVsCodeApi(): {
  postMessage(message: WebviewToExtension): void;
  getState(): unknown;
  setState(state: PersistedPanelState): void;
};

const vscode = acquireVsCodeApi();
const SIDES: readonly Side[] = ['a', 'b'];
const TONES = 6;

const saved = vscode.getState() as { uris?: { a: string; b: string }; ui?: unknown } | undefined;
let ui: WebviewUiState = validateUiState(saved?.ui);
let uris = saved?.uris;
let current: { comparison: Comparison; texts: { a: string; b: string } } | undefined;
/** The texts the page showed before `current` arrived: a reading place found in them is mapped through the edit since. */
let previousTexts: { a: string; b: string } | undefined;
/**
 * Scroll to restore on the first render after a reload (for a long article, its reading place);
 * later renders keep the live position.
 */
let pending: Pick<WebviewUiState, 'scroll' | 'place'> | undefined = { scroll: ui.scroll, place: ui.place };
let passageCursor = -1;
/** Pieces of the comparison being received (see the `comparison` message in protocol.ts). */
let incoming: { run: number; pieces: Uint8Array[] } = { run: -1, pieces: [] };

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing #${id}`);
  return element as T;
};
const stats = byId('stats');
const position = byId('position');
const articles: Record<Side, HTMLElement> = { a: byId('article-a'), b: byId('article-b') };
const titles: Record<Side, HTMLElement> = { a: byId('title-a'), b: byId('title-b') };
const filterShared = byId<HTMLInputElement>('filter-shared');
const filterQuotes = byId<HTMLInputElement>('filter-quotes');
const filterAltered = byId<HTMLInputElement>('filter-altered');
const filterSpeaker = byId<HTMLSelectElement>('filter-speaker');

window.addEventListener('message', (event: MessageEvent<ExtensionToWebview>) => {
  const message = event.data;
  switch (message?.type) {
    case 'comparison':
      if (message.index === 0 || message.run !== incoming.run) incoming = { run: message.run, pieces: [] };
      incoming.pieces[message.index] = message.data;
      if (message.index !== message.count - 1) break;
      uris = message.uris;
      if (incoming.pieces.length !== message.count || incoming.pieces.includes(undefined as unknown as Uint8Array)) break; // a piece went missing: wait for the next run
      previousTexts = current?.texts;
      current = JSON.parse(decodeUtf8Pieces(incoming.pieces)) as ComparisonPayload;
      incoming = { run: -1, pieces: [] };
      render();
      saveState();
      break;
    case 'busy':
      document.body.classList.toggle('busy', message.busy);
      break;
    case 'error':
      stats.textContent = message.message;
      break;
    case 'focus':
      focusRange(message.side, message.range);
      break;
  }
});

/**
 * Articles from this many characters are laid out lazily: their blocks skip layout while off screen
 * (`.article.lazy` in webview.css). Laying out a 1 MB article took half a second per side, during
 * which the page (and, where the webview shares its process, the whole workbench) stood still.
 * Shorter articles are laid out whole, so that their scroll positions are exact.
 */
const LAZY_LAYOUT_FROM_CHARS = 100_000;

/**
 * Characters per block (whole lines, see `splitBlocks`). A block per line made a 1 MB article 8,000
 * boxes, and laying out even their placeholders took 150-350 ms; blocks of 2,000 characters and
 * more, about 500 boxes, took 10 ms, and painting the screenful around 100 ms.
 */
const BLOCK_CHARS = 2000;

/** Each article's blocks and the text offset each starts at, for keeping the reader's place. */
const blocks: Record<Side, { elements: HTMLElement[]; starts: number[] }> = { a: { elements: [], starts: [] }, b: { elements: [], starts: [] } };

function render(): void {
  if (!current) return;
  const { comparison, texts } = current;
  const scroll = pending?.scroll ?? { a: articles.a.scrollTop, b: articles.b.scrollTop };
  const reading = pending?.place ?? { a: placeAfterEdit('a', texts.a), b: placeAfterEdit('b', texts.b) };
  pending = undefined;
  renderStats(comparison);
  renderSpeakerOptions(comparison);
  for (const side of SIDES) {
    titles[side].textContent = comparison[side].name;
    articles[side].setAttribute('aria-label', `Article ${side.toUpperCase()}: ${comparison[side].name}`);
    articles[side].classList.toggle('lazy', texts[side].length >= LAZY_LAYOUT_FROM_CHARS);
    const article = renderArticle(side, texts[side], comparison);
    blocks[side] = article.blocks;
    articles[side].replaceChildren(article.fragment);
  }
  applyFilters();
  for (const side of SIDES) {
    articles[side].scrollTop = scroll[side];
    const place = reading[side];
    if (place && articles[side].classList.contains('lazy')) returnToPlace(side, place);
  }
  passageCursor = Math.min(passageCursor, comparison.passages.length - 1);
  updatePosition();
}

/**
 * Where a reader of a lazily laid out article is: the character at the top left of the column, by
 * its offset in the text, and how far its line starts above the column's top. In such an article a
 * pixel offset survives neither a new rendering (blocks off screen are only estimated) nor a reload
 * into a column of another width; a character does.
 */
function readingPlace(side: Side): ReadingPlace | null {
  const article = articles[side];
  if (!article.classList.contains('lazy') || article.scrollTop === 0) return null;
  const top = article.getBoundingClientRect().top;
  const { elements, starts } = blocks[side];
  // The first block whose bottom is below the article's top.
  const k = partitionPoint(elements.length, (i) => elements[i].getBoundingClientRect().bottom <= top);
  const block = elements[k];
  if (!block) return null;
  const box = block.getBoundingClientRect();
  const caret = document.caretRangeFromPoint(box.left + 1, Math.max(top, box.top) + 1);
  const start = caret ? textOffset(block, starts[k], caret.startContainer, caret.startOffset) : undefined;
  const line = start === undefined ? undefined : characterBox(block, starts[k], start);
  // Where no character or no box for it is found, the block's own start.
  return start !== undefined && line ? { start, above: top - line.top } : { start: starts[k], above: top - box.top };
}

/**
 * The text offset of a caret position inside a block starting at `start`. A caret in a speaker tag
 * (not the article's text) stands for the quote the tag precedes.
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

const isSpeakerTag = (node: Node): boolean => node instanceof HTMLElement && node.classList.contains('speaker-tag');

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

function returnToPlace(side: Side, place: ReadingPlace): void {
  const article = articles[side];
  const { elements, starts } = blocks[side];
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
  // The blocks brought into view are laid out for real a frame or two later (the browser finds them
  // near the viewport after one frame's layout and lays them out in a next one), and those above
  // the place then grow or shrink from their estimates: settle again each frame until two frames in
  // a row leave the place where it is (at most SETTLE_FRAMES), unless the reader has been taken
  // somewhere else meanwhile. Settling just once more, two frames on, now and then left the reader
  // a line off (e2e long-articles: one run in ten or so).
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

/** The most frames a re-rendered long article spends settling on the reader's place. */
const SETTLE_FRAMES = 12;

/** The place a lazily laid out article is settling on (see `returnToPlace`); cleared when the page scrolls it elsewhere. */
const settling: Record<Side, { place: ReadingPlace } | undefined> = { a: undefined, b: undefined };

/**
 * The reader's place in a side: while the page is still settling on one, that place (what stands at
 * the top then is not settled yet: a comparison arriving in those frames, as when typing outlasts the
 * debounce, would otherwise keep the unsettled spot, a line or so off), else what is at the top.
 */
function currentPlace(side: Side): ReadingPlace | null {
  return settling[side]?.place ?? readingPlace(side);
}

/**
 * The reader's place in a side, carried through what was typed in that article since the page last
 * rendered: typing above the place (a headline fixed, a paragraph added) would otherwise leave the
 * reader that many characters off, a line or more.
 */
function placeAfterEdit(side: Side, text: string): ReadingPlace | null {
  const place = currentPlace(side);
  const before = previousTexts?.[side];
  if (!place || before === undefined || before === text) return place;
  return { ...place, start: mapOffset(place.start, editBetween(before, text)) };
}

/** Scrolls `element` to the middle of its article, ending any settling there. */
function bringIntoView(element: HTMLElement): void {
  const side = sideOf(element);
  if (side) settling[side] = undefined;
  element.scrollIntoView({ block: 'center' });
}

function renderStats(comparison: Comparison): void {
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const edited = comparison.passages.filter((passage) => !passage.identical).length;
  const altered = comparison.quoteMatches.filter((match) => match.kind === 'altered').length;
  const shared = comparison.quoteMatches.length - altered;
  const conflicts = comparison.quoteMatches.filter((match) => match.conflict).length;
  const items: [string, string, string][] = [
    ['stat-share-a', `${percent(comparison.a.stats.share)} of ${comparison.a.name} shared`, 'codicon-file'],
    ['stat-share-b', `${percent(comparison.b.stats.share)} of ${comparison.b.name} shared`, 'codicon-file'],
    ['stat-passages', `${comparison.passages.length} shared passages (${edited} edited)`, 'codicon-link'],
    ['stat-quotes', `${shared} shared quotes, ${altered} altered`, 'codicon-quote'],
    ['stat-conflicts', `${conflicts} attribution conflict${conflicts === 1 ? '' : 's'}`, conflicts ? 'codicon-warning' : 'codicon-check'],
  ];
  stats.replaceChildren(...items.map(([id, text, icon]) => {
    const item = document.createElement('span');
    item.id = id;
    item.className = `stat${id === 'stat-conflicts' && conflicts ? ' stat-alert' : ''}`;
    const glyph = document.createElement('span');
    glyph.className = `codicon ${icon}`;
    glyph.setAttribute('aria-hidden', 'true');
    item.append(glyph, document.createTextNode(` ${text}`));
    return item;
  }));
}

function renderSpeakerOptions(comparison: Comparison): void {
  const all = document.createElement('option');
  all.value = '';
  all.textContent = 'All speakers';
  const options = comparison.speakers.map((speaker) => {
    const option = document.createElement('option');
    option.value = String(speaker.id);
    option.textContent = `${speaker.name} (${speaker.quotes.a.length}/${speaker.quotes.b.length})`;
    return option;
  });
  filterSpeaker.replaceChildren(all, ...options);
  if (ui.filters.speaker !== null && !comparison.speakers[ui.filters.speaker]) ui.filters.speaker = null;
  filterSpeaker.value = ui.filters.speaker === null ? '' : String(ui.filters.speaker);
}

/** The marks of one side: passages (coloured by id, same tone on both sides), word differences, quotes. */
function marksOf(side: Side, comparison: Comparison): Mark[] {
  const marks: Mark[] = [];
  for (const passage of comparison.passages) {
    marks.push({ range: passage[side], classes: ['passage', `tone-${passage.id % TONES}`, ...(passage.identical ? [] : ['edited'])], data: { passage: passage.id } });
    for (const difference of passage.differences) {
      const range = difference[side];
      if (range[1] > range[0]) marks.push({ range, classes: ['word-diff', side === 'a' ? 'diff-a' : 'diff-b'], data: {} });
    }
  }
  const bestBySide = bestMatches(comparison, side);
  const conflicting = new Set(comparison.quoteMatches.filter((match) => match.conflict).map((match) => match[side]));
  for (const quote of comparison[side].quotes) {
    const match = bestBySide.get(quote.id);
    const kind = match ? match.kind : 'unmatched';
    const conflict = conflicting.has(quote.id);
    marks.push({
      range: quote.range,
      classes: ['quote', `quote-${kind}`, ...(conflict ? ['quote-conflict'] : [])],
      data: { quote: quote.id, speaker: quote.speaker ? quote.speaker.speaker : -1 },
      title: `Quote${quote.speaker ? ` by ${quote.speaker.name}` : ' (no speaker found)'}: ${match ? describeKind(match) : 'not in the other article'}${conflict ? '; attribution conflict' : ''}`,
      tag: quote.speaker ? quote.speaker.name : '?',
    });
  }
  for (const difference of comparison.quoteMatches.flatMap((match) => match.kind === 'altered' ? match.differences : [])) {
    const range = difference[side];
    if (range[1] > range[0]) marks.push({ range, classes: ['word-diff', side === 'a' ? 'diff-a' : 'diff-b'], data: {} });
  }
  return marks;
}

function bestMatches(comparison: Comparison, side: Side): Map<number, QuoteMatch> {
  const strength = { identical: 0, contained: 1, altered: 2 } as const;
  const best = new Map<number, QuoteMatch>();
  for (const match of comparison.quoteMatches) {
    const known = best.get(match[side]);
    if (!known || strength[match.kind] < strength[known.kind]) best.set(match[side], match);
  }
  return best;
}

function describeKind(match: QuoteMatch): string {
  return match.kind === 'identical' ? 'quoted identically in the other article' : match.kind === 'contained' ? 'partly shared with the other article' : 'altered in the other article';
}

/** The article in blocks of whole lines (see `splitBlocks`), with the blocks and their starts. */
function renderArticle(side: Side, text: string, comparison: Comparison): { fragment: DocumentFragment; blocks: { elements: HTMLElement[]; starts: number[] } } {
  const fragment = document.createDocumentFragment();
  const elements: HTMLElement[] = [];
  const starts: number[] = [];
  for (const pieces of splitBlocks(buildSegments(text, marksOf(side, comparison)), BLOCK_CHARS)) {
    const block = document.createElement('div');
    block.className = 'block';
    for (const segment of pieces) block.append(...renderSegment(segment));
    elements.push(block);
    starts.push(pieces[0]?.start ?? 0);
    fragment.append(block);
  }
  return { fragment, blocks: { elements, starts } };
}

/** A piece of text as a text node, or a span with its marks' classes and data, after its speaker tag if it has one. */
function renderSegment(segment: Segment): Node[] {
  const nodes: Node[] = [];
  if (segment.tag !== undefined) {
    const tag = document.createElement('span');
    tag.className = 'speaker-tag';
    tag.textContent = segment.tag;
    nodes.push(tag);
  }
  if (segment.marks.length === 0) {
    nodes.push(document.createTextNode(segment.text));
    return nodes;
  }
  const span = document.createElement('span');
  span.className = [...new Set(segment.marks.flatMap((mark) => mark.classes))].join(' ');
  span.dataset.start = String(segment.start);
  for (const mark of segment.marks) {
    if (mark.data.passage !== undefined && span.dataset.passage === undefined) span.dataset.passage = String(mark.data.passage);
    if (mark.data.quote !== undefined) {
      span.dataset.quote = String(mark.data.quote);
      span.dataset.speaker = String(mark.data.speaker);
    }
    if (mark.title) span.title = mark.title;
  }
  span.textContent = segment.text;
  nodes.push(span);
  return nodes;
}

function applyFilters(): void {
  filterShared.checked = ui.filters.shared;
  filterQuotes.checked = ui.filters.quotes;
  filterAltered.checked = ui.filters.alteredOnly;
  document.body.classList.toggle('hide-shared', !ui.filters.shared);
  document.body.classList.toggle('hide-quotes', !ui.filters.quotes);
  document.body.classList.toggle('altered-only', ui.filters.alteredOnly);
  document.body.classList.toggle('speaker-filter', ui.filters.speaker !== null);
  const speaker = String(ui.filters.speaker);
  for (const element of document.querySelectorAll<HTMLElement>('.quote')) {
    element.classList.toggle('selected-speaker', element.dataset.speaker === speaker);
  }
}

for (const [input, key] of [[filterShared, 'shared'], [filterQuotes, 'quotes'], [filterAltered, 'alteredOnly']] as const) {
  input.addEventListener('change', () => {
    ui.filters[key] = input.checked;
    applyFilters();
    saveState();
  });
}
filterSpeaker.addEventListener('change', () => {
  ui.filters.speaker = filterSpeaker.value === '' ? null : Number(filterSpeaker.value);
  applyFilters();
  saveState();
});

/** Outlines the passage or quote under the pointer on both sides and brings its partner into view. */
function linkPartner(target: HTMLElement, scroll: boolean): void {
  for (const element of document.querySelectorAll('.partner')) element.classList.remove('partner');
  const side = sideOf(target);
  const passage = target.closest<HTMLElement>('[data-passage]')?.dataset.passage;
  if (!side || passage === undefined || !ui.filters.shared) return;
  const other: Side = side === 'a' ? 'b' : 'a';
  const mine = articles[side].querySelectorAll(`[data-passage="${passage}"]`);
  const theirs = articles[other].querySelectorAll<HTMLElement>(`[data-passage="${passage}"]`);
  for (const element of [...mine, ...theirs]) element.classList.add('partner');
  if (scroll && theirs[0] && !isVisible(theirs[0], articles[other])) bringIntoView(theirs[0]);
}

function isVisible(element: HTMLElement, container: HTMLElement): boolean {
  const box = element.getBoundingClientRect();
  const view = container.getBoundingClientRect();
  return box.bottom > view.top && box.top < view.bottom;
}

function sideOf(element: HTMLElement): Side | undefined {
  if (articles.a.contains(element)) return 'a';
  if (articles.b.contains(element)) return 'b';
  return undefined;
}

let hovered: string | undefined;
document.addEventListener('mouseover', (event) => {
  const target = event.target instanceof HTMLElement ? event.target : undefined;
  const key = target ? `${sideOf(target)}:${target.closest<HTMLElement>('[data-passage]')?.dataset.passage}` : undefined;
  if (!target || key === hovered) return;
  hovered = key;
  linkPartner(target, true);
});

// One delegated click listener for the whole page (no inline handlers).
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest<HTMLElement>('button, [data-quote], [data-passage]') : null;
  if (!target) return;
  if (target.id === 'next-passage') return goToPassage(passageCursor + 1);
  if (target.id === 'previous-passage') return goToPassage(passageCursor - 1);
  const side = sideOf(target);
  if (!side || !current) return;
  linkPartner(target, true);
  const range = rangeOfElement(side, target);
  if (range) vscode.postMessage({ type: 'reveal', side, range });
});

function rangeOfElement(side: Side, element: HTMLElement): Range | undefined {
  if (!current) return undefined;
  const quote = element.closest<HTMLElement>('[data-quote]')?.dataset.quote;
  if (quote !== undefined && ui.filters.quotes) return current.comparison[side].quotes[Number(quote)]?.range;
  const passage = element.closest<HTMLElement>('[data-passage]')?.dataset.passage;
  if (passage !== undefined) return current.comparison.passages[Number(passage)]?.[side];
  return undefined;
}

document.addEventListener('keydown', (event) => {
  if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement || event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.key === 'n' || event.key === 'j') goToPassage(passageCursor + 1);
  else if (event.key === 'p' || event.key === 'k') goToPassage(passageCursor - 1);
  else return;
  event.preventDefault();
});

function goToPassage(index: number): void {
  if (!current || current.comparison.passages.length === 0) return;
  const count = current.comparison.passages.length;
  passageCursor = ((index % count) + count) % count;
  for (const element of document.querySelectorAll('.current')) element.classList.remove('current');
  for (const side of SIDES) {
    const elements = articles[side].querySelectorAll<HTMLElement>(`[data-passage="${passageCursor}"]`);
    for (const element of elements) element.classList.add('current');
    if (elements[0]) bringIntoView(elements[0]);
  }
  updatePosition();
}

function updatePosition(): void {
  const count = current?.comparison.passages.length ?? 0;
  position.textContent = passageCursor >= 0 && count ? `Passage ${passageCursor + 1} of ${count}` : `${count} passages`;
}

function focusRange(side: Side, range: Range): void {
  const start = range[0];
  const candidates = articles[side].querySelectorAll<HTMLElement>('[data-start]');
  const target = [...candidates].find((element) => Number(element.dataset.start) >= start);
  if (!target) return;
  for (const element of document.querySelectorAll('.focused')) element.classList.remove('focused');
  const quote = target.dataset.quote;
  const group = quote !== undefined ? articles[side].querySelectorAll<HTMLElement>(`[data-quote="${quote}"]`) : [target];
  for (const element of group) element.classList.add('focused');
  bringIntoView(target);
  linkPartner(target, true);
}

let scrollSaveQueued = false;
for (const side of SIDES) {
  articles[side].addEventListener('scroll', () => {
    if (scrollSaveQueued) return;
    scrollSaveQueued = true;
    requestAnimationFrame(() => {
      scrollSaveQueued = false;
      saveState();
    });
  }, { passive: true });
}

function saveState(): void {
  ui = { ...ui, scroll: { a: articles.a.scrollTop, b: articles.b.scrollTop }, place: { a: currentPlace('a'), b: currentPlace('b') } };
  if (uris) vscode.setState({ uris, ui });
}

applyFilters();
vscode.postMessage({ type: 'ready' });
