/**
 * The page's one state object and its elements, created once by main.ts and handed to every part
 * of the script: nothing else in the page keeps state of its own.
 */
import type { Side } from '../../src/core/model';
import type { ComparisonPayload, PayloadPiece } from '../../src/protocol/comparisonPayload';
import { validateUiState, type PersistedPanelState, type ReadingPlace, type WebviewToExtension, type WebviewUiState } from '../../src/protocol/webviewMessages';

export interface HostApi {
  postMessage(message: WebviewToExtension): void;
  getState(): unknown;
  setState(state: PersistedPanelState): void;
}

/** An article's blocks (see lazyLayout.ts) and the text offset each starts at, for keeping the reader's place. */
export interface ArticleBlocks {
  elements: HTMLElement[];
  starts: number[];
}

export interface PageState {
  ui: WebviewUiState;
  /** The compared documents, saved with the UI state so that a reload can compare them again. */
  uris: { a: string; b: string } | undefined;
  current: ComparisonPayload | undefined;
  /** The texts the page showed before `current` arrived: a reading place found in them is mapped through the edit since. */
  previousTexts: { a: string; b: string } | undefined;
  /** Scroll to restore on the first render after a reload (for a long article, its reading place); later renders keep the live position. */
  pending: Pick<WebviewUiState, 'scroll' | 'place'> | undefined;
  /** The passage the last move went to, or -1. */
  passageCursor: number;
  /** What the toolbar says of the last move (`Passage 2 of 4`, `Quote difference 1 of 3`), once there was one. */
  position: string | undefined;
  /** What each article's one outline is drawn around: the current passage or a quote shown from the tree. */
  outlined: Record<Side, OutlineTarget | undefined>;
  /** Settings the extension posts (see the `settings` message). */
  settings: { showSpeakerNames: boolean };
  /** Pieces of the payload being received (see protocol/comparisonPayload.ts). */
  incoming: { run: number; pieces: PayloadPiece[] };
  blocks: Record<Side, ArticleBlocks>;
  /** The place a lazily laid out article is settling on (see readingPlace.ts); cleared when the page scrolls it elsewhere. */
  settling: Record<Side, { place: ReadingPlace } | undefined>;
  /** The passage under the pointer (`side:passage`), so that moving within it does nothing. */
  hovered: string | undefined;
  scrollSaveQueued: boolean;
}

/** An outline's target: a passage by id, or a quote of that side by id. */
export type OutlineTarget = { kind: 'passage' | 'quote'; id: number };

export interface PageElements {
  stats: HTMLElement;
  emptyState: HTMLElement;
  legend: HTMLElement;
  shares: Record<Side, HTMLElement>;
  position: HTMLElement;
  articles: Record<Side, HTMLElement>;
  titles: Record<Side, HTMLElement>;
  filterShared: HTMLInputElement;
  filterQuotes: HTMLInputElement;
  filterAltered: HTMLInputElement;
  filterSpeaker: HTMLSelectElement;
}

export interface Page {
  host: HostApi;
  state: PageState;
  elements: PageElements;
}

export const SIDES: readonly Side[] = ['a', 'b'];

export function createPage(host: HostApi): Page {
  const saved = host.getState() as { uris?: { a: string; b: string }; ui?: unknown } | undefined;
  const ui = validateUiState(saved?.ui);
  const state: PageState = {
    ui,
    uris: saved?.uris,
    current: undefined,
    previousTexts: undefined,
    pending: { scroll: ui.scroll, place: ui.place },
    passageCursor: -1,
    position: undefined,
    outlined: { a: undefined, b: undefined },
    settings: { showSpeakerNames: true },
    incoming: { run: -1, pieces: [] },
    blocks: { a: { elements: [], starts: [] }, b: { elements: [], starts: [] } },
    settling: { a: undefined, b: undefined },
    hovered: undefined,
    scrollSaveQueued: false,
  };
  return { host, state, elements: findElements() };
}

function findElements(): PageElements {
  const byId = <T extends HTMLElement>(id: string): T => {
    const element = document.getElementById(id);
    if (!element) throw new Error(`missing #${id}`);
    return element as T;
  };
  return {
    stats: byId('stats'),
    emptyState: byId('empty-state'),
    legend: byId('legend'),
    shares: { a: byId('share-a'), b: byId('share-b') },
    position: byId('position'),
    articles: { a: byId('article-a'), b: byId('article-b') },
    titles: { a: byId('title-a'), b: byId('title-b') },
    filterShared: byId('filter-shared'),
    filterQuotes: byId('filter-quotes'),
    filterAltered: byId('filter-altered'),
    filterSpeaker: byId('filter-speaker'),
  };
}

/** Which article an element stands in, if any. */
export function sideOf(page: Page, element: HTMLElement): Side | undefined {
  const { articles } = page.elements;
  if (articles.a.contains(element)) return 'a';
  if (articles.b.contains(element)) return 'b';
  return undefined;
}
