/** Messages between the extension host and the comparison worker (dist/worker.js). */
import type { ChunkedComparison } from './chunkedComparison';
import type { CompareOptions } from '../../core/model';
import type { PackedText } from '../../protocol/textTransfer';

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
 * `webviewPieces` are the webview's payload (ComparisonPayload) as UTF-8 JSON, serialized and cut
 * into the pieces the host posts to the page (see the `comparison` message in protocol.ts) here
 * rather than on the host, each in a buffer of its own that is transferred: the host only posts them.
 */
export type CompareResponse =
  | { id: number; ok: true; chunked: ChunkedComparison; webviewPieces: Uint8Array[] }
  | { id: number; ok: false; error: string };

/**
 * Bytes per piece of the webview's payload. Posted as strings, one message of 5.5 MB held the host's
 * thread 200-580 ms and pieces of 128 KB a few ms each, most of it VS Code encoding and copying the
 * string into its message; bytes go into the message as they are (VS Code passes typed arrays to
 * webviews as binary), so a piece now costs the host the copy VS Code makes of it.
 */
export const PAYLOAD_PIECE_BYTES = 128 * 1024;

/** `bytes` cut into pieces of at most `size` bytes, each in a buffer of its own (a piece may end inside a character). */
export function cutIntoPieces(bytes: Uint8Array, size: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += size) pieces.push(bytes.slice(start, start + size));
  return pieces;
}
