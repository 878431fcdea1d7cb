/**
 * The page of many articles: its one state object and its elements, created once by main.ts and
 * handed to every part of the script.
 */
import type { ManyViewContent } from '../../../src/core/views/manyView';
import { validateManyViewState, type ManyViewSection, type ManyViewState, type ManyViewToExtension } from '../../../src/protocol/manyViewMessages';

export interface ManyHostApi {
  postMessage(message: ManyViewToExtension): void;
  getState(): unknown;
  setState(state: ManyViewState): void;
}

export interface ManyPageState {
  uris: string[];
  section: ManyViewSection;
  /** Scroll to restore on the first render after a reload. */
  pendingScroll: number | undefined;
  content: ManyViewContent | undefined;
  /** Pieces of the content being received. */
  incoming: { run: number; pieces: Uint8Array[] };
  /** Show only what this article holds (-1: every article). */
  document: number;
  /** Statements: only conflicts and altered ones. */
  flaggedOnly: boolean;
}

export interface ManyPageElements {
  title: HTMLElement;
  summary: HTMLElement;
  busy: HTMLElement;
  error: HTMLElement;
  tabs: Record<ManyViewSection, HTMLButtonElement>;
  sections: Record<ManyViewSection, HTMLElement>;
  overview: HTMLTableElement;
  documents: HTMLElement;
  passages: HTMLElement;
  statements: HTMLElement;
  filterDocument: HTMLSelectElement;
  filterFlagged: HTMLInputElement;
  scroller: HTMLElement;
}

export interface ManyPage {
  host: ManyHostApi;
  state: ManyPageState;
  elements: ManyPageElements;
}

export const SECTIONS: readonly ManyViewSection[] = ['overview', 'passages', 'statements'];

export function createManyPage(host: ManyHostApi): ManyPage {
  const saved = validateManyViewState(host.getState());
  const state: ManyPageState = {
    uris: saved?.uris ?? [],
    section: saved?.section ?? 'overview',
    pendingScroll: saved?.scroll,
    content: undefined,
    incoming: { run: -1, pieces: [] },
    document: -1,
    flaggedOnly: false,
  };
  const byId = <T extends HTMLElement>(id: string): T => {
    const element = document.getElementById(id);
    if (!element) throw new Error(`missing #${id}`);
    return element as T;
  };
  const bySection = <T extends HTMLElement>(prefix: string) =>
    Object.fromEntries(SECTIONS.map((section) => [section, byId<T>(`${prefix}-${section}`)])) as Record<ManyViewSection, T>;
  return {
    host,
    state,
    elements: {
      title: byId('title'),
      summary: byId('summary'),
      busy: byId('busy'),
      error: byId('error'),
      tabs: bySection<HTMLButtonElement>('tab'),
      sections: bySection('section'),
      overview: byId('overview'),
      documents: byId('documents'),
      passages: byId('passages'),
      statements: byId('statements'),
      filterDocument: byId('filter-document'),
      filterFlagged: byId('filter-flagged'),
      scroller: byId('content'),
    },
  };
}

/** Saves what a reload restores: the compared documents, the open section, the scroll offset. */
export function saveManyState(page: ManyPage): void {
  if (page.state.uris.length === 0) return;
  page.host.setState({ uris: page.state.uris, section: page.state.section, scroll: page.elements.scroller.scrollTop });
}

/** A new element with a class and, optionally, its text (always as text: article words never become markup). */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
