/**
 * Messages between the extension and the comparison webview, both ways, and the one function that
 * checks what arrives from the webview. The webview is treated as untrusted input: a message that
 * does not have exactly the expected shape is dropped, and offsets are clamped by the receiver.
 * No `vscode` or Node imports: the webview bundle compiles this file too.
 */
import type { Range, Side } from '../core/model';
import type { PayloadPart } from './comparisonPayload';

/** What the webview remembers across hiding and window reloads (through `setState`). */
export interface WebviewUiState {
  /** Scroll offsets of the two article columns, in pixels. */
  scroll: { a: number; b: number };
  /**
   * Where the reader of a long article is, for an article laid out lazily (in blocks whose size off
   * screen is only estimated, so that a pixel offset does not survive a reload); null otherwise.
   */
  place: { a: ReadingPlace | null; b: ReadingPlace | null };
  filters: WebviewFilters;
}

/** A place in a long article: the first block in view, by the text offset it starts at, and how far above the column's top it starts. */
export interface ReadingPlace {
  start: number;
  /** In pixels. */
  above: number;
}

export interface WebviewFilters {
  shared: boolean;
  quotes: boolean;
  alteredOnly: boolean;
  /** Speaker id to show quotes of, or null for all speakers. */
  speaker: number | null;
}

/** The webview state the panel serializer receives after a reload: what was compared, and the UI. */
export interface PersistedPanelState {
  uris: { a: string; b: string };
  ui: WebviewUiState;
}

export const DEFAULT_FILTERS: WebviewFilters = { shared: true, quotes: true, alteredOnly: false, speaker: null };

export type ExtensionToWebview =
  /**
   * Piece `index` of the `count` pieces of one run's payload (see comparisonPayload.ts); the page
   * decodes the whole once the last (`index === count - 1`) has arrived.
   */
  | { type: 'comparison'; run: number; index: number; count: number; part: PayloadPart; data: Uint8Array; uris: { a: string; b: string } }
  | { type: 'busy'; busy: boolean }
  | { type: 'error'; message: string }
  | { type: 'focus'; side: Side; range: Range }
  /** How the page shows what it has: posted when the page is ready and when a setting changes. */
  | { type: 'settings'; showSpeakerNames: boolean }
  /**
   * Where a move (F7, the toolbar, `n`/`p`) went: a passage by id, or a quote difference by its quote
   * on each side; `position` is what the page's toolbar says (`Passage 2 of 4`).
   */
  | { type: 'current'; passage?: number; quotes?: Partial<Record<Side, number>>; position: string };

/** What a move goes through: the shared passages, or the quotes whose two versions differ. */
export type NavigationTarget = 'passage' | 'quoteDifference';

export type WebviewToExtension =
  | { type: 'ready' }
  /** A click on a quote: select it in its editor, and its partner in the other one. */
  | { type: 'reveal'; side: Side; range: Range }
  /** A click on a passage: select it in both editors. */
  | { type: 'revealPassage'; passage: number }
  /** `n`/`p` or the page's arrows: the same move as the commands, so that the editors move too. */
  | { type: 'navigate'; target: NavigationTarget; direction: 1 | -1 };

/** Returns the message if it is well-formed, otherwise undefined (the caller drops it). */
export function validateWebviewMessage(raw: unknown): WebviewToExtension | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
      return Object.keys(raw).length === 1 ? { type: 'ready' } : undefined;
    case 'reveal':
      if (!isSide(raw.side) || !isRange(raw.range)) return undefined;
      return { type: 'reveal', side: raw.side, range: [raw.range[0], raw.range[1]] };
    case 'revealPassage':
      if (Object.keys(raw).length !== 2 || !Number.isSafeInteger(raw.passage) || (raw.passage as number) < 0) return undefined;
      return { type: 'revealPassage', passage: raw.passage as number };
    case 'navigate':
      if (Object.keys(raw).length !== 3 || (raw.target !== 'passage' && raw.target !== 'quoteDifference') || (raw.direction !== 1 && raw.direction !== -1)) return undefined;
      return { type: 'navigate', target: raw.target, direction: raw.direction };
    default:
      return undefined;
  }
}

/** Checks state handed back by VS Code after a reload; anything else means the panel cannot be restored. */
export function validatePersistedState(raw: unknown): PersistedPanelState | undefined {
  if (!isRecord(raw) || !isRecord(raw.uris) || typeof raw.uris.a !== 'string' || typeof raw.uris.b !== 'string') return undefined;
  return { uris: { a: raw.uris.a, b: raw.uris.b }, ui: validateUiState(raw.ui) };
}

/**
 * May a saved comparison reopen this URI? The saved state comes from the webview, which renders article
 * text, so it is untrusted: only files, untitled documents and the schemes of the workspace's own folders
 * are reopened, never whatever provider a forged URI names.
 */
export function isRestorableUri(saved: string, workspaceSchemes: readonly string[]): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(saved)?.[1].toLowerCase();
  return scheme !== undefined && (scheme === 'file' || scheme === 'untitled' || workspaceSchemes.includes(scheme));
}

/** UI state with every malformed part replaced by its default, so a bad field never blocks a restore. */
export function validateUiState(raw: unknown): WebviewUiState {
  const state: WebviewUiState = { scroll: { a: 0, b: 0 }, place: { a: null, b: null }, filters: { ...DEFAULT_FILTERS } };
  if (!isRecord(raw)) return state;
  if (isRecord(raw.scroll)) {
    state.scroll.a = nonNegative(raw.scroll.a);
    state.scroll.b = nonNegative(raw.scroll.b);
  }
  if (isRecord(raw.place)) {
    state.place.a = readingPlace(raw.place.a);
    state.place.b = readingPlace(raw.place.b);
  }
  if (isRecord(raw.filters)) {
    const filters = raw.filters;
    if (typeof filters.shared === 'boolean') state.filters.shared = filters.shared;
    if (typeof filters.quotes === 'boolean') state.filters.quotes = filters.quotes;
    if (typeof filters.alteredOnly === 'boolean') state.filters.alteredOnly = filters.alteredOnly;
    if (Number.isSafeInteger(filters.speaker) && (filters.speaker as number) >= 0) state.filters.speaker = filters.speaker as number;
  }
  return state;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSide(value: unknown): value is Side {
  return value === 'a' || value === 'b';
}

function isRange(value: unknown): value is Range {
  return Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[0]) && Number.isSafeInteger(value[1])
    && value[0] >= 0 && value[1] >= value[0];
}

function readingPlace(value: unknown): ReadingPlace | null {
  if (!isRecord(value) || !Number.isSafeInteger(value.start) || (value.start as number) < 0) return null;
  // A block starts at most a screenful or so above the column's top; anything far beyond is not a place.
  if (typeof value.above !== 'number' || !Number.isFinite(value.above) || Math.abs(value.above) > MAX_PLACE_PIXELS) return null;
  return { start: value.start as number, above: value.above };
}

const MAX_PLACE_PIXELS = 100_000;

function nonNegative(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}
