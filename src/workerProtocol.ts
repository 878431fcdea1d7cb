/** Messages between the extension host and the comparison worker (dist/worker.js). */
import type { ChunkedComparison } from './core/chunkedComparison';
import type { CompareOptions } from './core/model';
import type { PackedText } from './textTransfer';

/** The texts travel as bytes where they can (see textTransfer.ts). */
export interface CompareRequest {
  id: number;
  a: { name: string; text: PackedText };
  b: { name: string; text: PackedText };
  options: Partial<CompareOptions>;
}

/**
 * The result travels as text rather than as an object: strings cross threads as one copy, where a
 * structured clone of thousands of small objects is rebuilt object by object on the receiving
 * thread. The comparison comes in pieces the host parses between yields (see chunkedComparison.ts).
 * `webviewPayload` is the webview's payload (ComparisonPayload) as UTF-8 JSON, serialized here
 * rather than on the host, in a buffer that is transferred: the host only cuts it into pieces.
 */
export type CompareResponse =
  | { id: number; ok: true; chunked: ChunkedComparison; webviewPayload: Uint8Array }
  | { id: number; ok: false; error: string };
