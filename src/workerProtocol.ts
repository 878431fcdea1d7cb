/** Messages between the extension host and the comparison worker (dist/worker.js). */
import type { ChunkedComparison } from './core/chunkedComparison';
import type { CompareOptions } from './core/model';

export interface CompareRequest {
  id: number;
  a: { name: string; text: string };
  b: { name: string; text: string };
  options: Partial<CompareOptions>;
}

/**
 * The result travels as text rather than as an object: strings cross threads as one copy, where a
 * structured clone of thousands of small objects is rebuilt object by object on the receiving
 * thread. The comparison comes in pieces the host parses between yields (see chunkedComparison.ts);
 * `webviewJson` is the webview's payload (ComparisonPayload), serialized here rather than on the host.
 */
export type CompareResponse =
  | { id: number; ok: true; chunked: ChunkedComparison; webviewJson: string }
  | { id: number; ok: false; error: string };
