/** Messages between the extension host and the comparison worker (dist/worker.js). */
import type { CompareOptions } from './core/model';

export interface CompareRequest {
  id: number;
  a: { name: string; text: string };
  b: { name: string; text: string };
  options: Partial<CompareOptions>;
}

/**
 * The result travels as JSON text rather than as an object: a string crosses threads as one copy,
 * where a structured clone of thousands of small objects is rebuilt object by object on the
 * receiving thread (measured at 1 MB: the host's event loop stalled for hundreds of milliseconds).
 * `webviewJson` is the comparison webview's payload, serialized here for the same reason.
 */
export type CompareResponse =
  | { id: number; ok: true; comparisonJson: string; webviewJson: string }
  | { id: number; ok: false; error: string };
