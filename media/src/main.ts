/**
 * The comparison webview. The page arrives as a fixed shell; the comparison and both texts come by
 * message and enter the DOM only as text nodes (`textContent`, `createTextNode`), never as HTML, so
 * an article containing `<script>` or `<img onerror=…>` shows as the characters it is.
 */
import type { Comparison, QuoteMatch, Range, Side } from '../../src/core/model';
import { validateUiState, type ComparisonPayload, type ExtensionToWebview, type PersistedPanelState, type WebviewToExtension, type WebviewUiState } from '../../src/protocol';
import { buildSegments, type Mark } from './segments';

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
/** Scroll to restore on the first render after a reload; later renders keep the live scroll position. */
let pendingScroll: WebviewUiState['scroll'] | undefined = ui.scroll;
let passageCursor = -1;
/** Pieces of the comparison being received (see the `comparison` message in protocol.ts). */
let incoming: { run: number; pieces: string[] } = { run: -1, pieces: [] };

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
      if (incoming.pieces.length !== message.count || incoming.pieces.includes(undefined as unknown as string)) break; // a piece went missing: wait for the next run
      current = JSON.parse(incoming.pieces.join('')) as ComparisonPayload;
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

function render(): void {
  if (!current) return;
  const { comparison, texts } = current;
  const scroll = pendingScroll ?? { a: articles.a.scrollTop, b: articles.b.scrollTop };
  pendingScroll = undefined;
  renderStats(comparison);
  renderSpeakerOptions(comparison);
  for (const side of SIDES) {
    titles[side].textContent = comparison[side].name;
    articles[side].setAttribute('aria-label', `Article ${side.toUpperCase()}: ${comparison[side].name}`);
    articles[side].replaceChildren(renderArticle(side, texts[side], comparison));
  }
  applyFilters();
  articles.a.scrollTop = scroll.a;
  articles.b.scrollTop = scroll.b;
  passageCursor = Math.min(passageCursor, comparison.passages.length - 1);
  updatePosition();
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

function renderArticle(side: Side, text: string, comparison: Comparison): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const segment of buildSegments(text, marksOf(side, comparison))) {
    if (segment.tag !== undefined) {
      const tag = document.createElement('span');
      tag.className = 'speaker-tag';
      tag.textContent = segment.tag;
      fragment.append(tag);
    }
    if (segment.marks.length === 0) {
      fragment.append(document.createTextNode(segment.text));
      continue;
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
    fragment.append(span);
  }
  return fragment;
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
  if (scroll && theirs[0] && !isVisible(theirs[0], articles[other])) theirs[0].scrollIntoView({ block: 'center' });
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
    elements[0]?.scrollIntoView({ block: 'center' });
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
  target.scrollIntoView({ block: 'center' });
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
  ui = { ...ui, scroll: { a: articles.a.scrollTop, b: articles.b.scrollTop } };
  if (uris) vscode.setState({ uris, ui });
}

applyFilters();
vscode.postMessage({ type: 'ready' });
