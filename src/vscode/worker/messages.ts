/** Messages between the extension host and the comparison worker (dist/worker.js). */
import type { CompareOptions } from '../../core/model';
import type { PackedText } from '../../protocol/textTransfer';
import type { ChunkedComparison } from './chunkedComparison';

/** The texts travel as bytes where they can (see protocol/textTransfer.ts). */
export interface CompareRequest {
  id: number;
  a: { name: string; text: PackedText };
  b: { name: string; text: PackedText };
  options: Partial<CompareOptions>;
}

/**
 * The result travels as text rather than as an object: strings cross threads as one copy, where a
 * structured clone of thousands of small objects is rebuilt object by object on the receiving
 * thread. `chunked` is the comparison in pieces the host parses between yields (see
 * chunkedComparison.ts); `comparisonPieces` is the same comparison as the page's UTF-8 JSON
 * (protocol/comparisonPayload.ts), made here rather than on the host and transferred, so that the
 * host only posts them.
 */
export type CompareResponse =
  | { id: number; ok: true; chunked: ChunkedComparison; comparisonPieces: Uint8Array[] }
  | { id: number; ok: false; error: string };
