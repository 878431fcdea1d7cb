/**
 * What crosses between the extension and the comparison view of three or more articles: the view's
 * content (computed in the worker, `core/views/manyView.ts`) in pieces of UTF-8 JSON, encoder beside
 * decoder, and the messages both ways, with the one function that checks what the page sends. The
 * page is untrusted: a message not exactly of the expected shape is dropped, and the host looks
 * every id up in its own comparison rather than taking a range from the page.
 */
import { MAX_DOCUMENTS } from '../core/model';
import type { ManyViewContent } from '../core/views/manyView';
import { cutIntoPieces, PAYLOAD_PIECE_BYTES } from './comparisonPayload';
import { decodeUtf8Pieces } from './textTransfer';

/** What the view remembers across hiding and reloads (through `setState`), with the compared documents. */
export interface ManyViewState {
  uris: string[];
  /** The open section (`overview`, `passages`, `statements`) and the page's scroll offset. */
  section: ManyViewSection;
  scroll: number;
}

export type ManyViewSection = 'overview' | 'passages' | 'statements';

export const MANY_VIEW_SECTIONS: readonly ManyViewSection[] = ['overview', 'passages', 'statements'];

export type ExtensionToManyView =
  /** Piece `index` of the `count` pieces of one run's content; the page decodes the whole once the last has arrived. */
  | { type: 'manyContent'; run: number; index: number; count: number; data: Uint8Array; uris: string[] }
  | { type: 'busy'; busy: boolean }
  | { type: 'error'; message: string }
  /** F7 moved to this item (outlined and scrolled into view), or found none. */
  | { type: 'current'; item?: { kind: ManyItemKind; id: number } };

/** A passage cluster or a statement (quote cluster) of the comparison, by its id in the model. */
export type ManyItemKind = 'passage' | 'statement';

export type ManyViewToExtension =
  | { type: 'ready' }
  /** Select the item in every open editor of the compared articles, or, with `document`, in that article's editor. */
  | { type: 'revealItem'; kind: ManyItemKind; id: number; document?: number };

const encoder = new TextEncoder();

/** The content's pieces (in the worker). */
export function encodeManyView(content: ManyViewContent, pieceBytes = PAYLOAD_PIECE_BYTES): Uint8Array[] {
  return cutIntoPieces(encoder.encode(JSON.stringify(content)), pieceBytes);
}

/** The content from every piece of one run, in the order posted (on the page). */
export function decodeManyView(pieces: readonly Uint8Array[]): ManyViewContent {
  return JSON.parse(decodeUtf8Pieces(pieces)) as ManyViewContent;
}

/** Returns the message if it is well-formed, otherwise undefined (the caller drops it). */
export function validateManyViewMessage(raw: unknown): ManyViewToExtension | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.type === 'ready') return Object.keys(raw).length === 1 ? { type: 'ready' } : undefined;
  if (raw.type !== 'revealItem') return undefined;
  const keys = Object.keys(raw);
  if (!keys.every((key) => ['type', 'kind', 'id', 'document'].includes(key))) return undefined;
  if ((raw.kind !== 'passage' && raw.kind !== 'statement') || !isIndex(raw.id)) return undefined;
  if (raw.document !== undefined && !isIndex(raw.document)) return undefined;
  return raw.document === undefined ? { type: 'revealItem', kind: raw.kind, id: raw.id } : { type: 'revealItem', kind: raw.kind, id: raw.id, document: raw.document };
}

/** State restored from the page, with malformed parts replaced by defaults; undefined without a valid list of documents. */
export function validateManyViewState(raw: unknown): ManyViewState | undefined {
  if (!isRecord(raw) || !Array.isArray(raw.uris) || raw.uris.length < 3 || raw.uris.length > MAX_DOCUMENTS || !raw.uris.every((uri) => typeof uri === 'string' && uri.length < 4096)) return undefined;
  const section = MANY_VIEW_SECTIONS.includes(raw.section as ManyViewSection) ? raw.section as ManyViewSection : 'overview';
  const scroll = typeof raw.scroll === 'number' && Number.isFinite(raw.scroll) && raw.scroll > 0 ? raw.scroll : 0;
  return { uris: [...raw.uris] as string[], section, scroll };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIndex(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
