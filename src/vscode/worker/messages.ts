/** Messages between the extension host and the comparison worker (dist/worker.js). */
import type { CompareOptions, InputFormat } from '../../core/model';
import type { PackedText } from '../../protocol/textTransfer';
import type { ChunkedComparison } from './chunkedComparison';

/** The texts travel as bytes where they can (see protocol/textTransfer.ts), with the format each is read as. */
export interface CompareRequest {
  id: number;
  a: { name: string; text: PackedText; format: InputFormat };
  b: { name: string; text: PackedText; format: InputFormat };
  options: Partial<CompareOptions>;
}

/**
 * A side read as a web page or Markdown: its article text (what the page shows) and the offset map
 * back to the source (`OffsetMap.pieces`), for the host to map the page's ranges and word hovers.
 */
export interface ReadArticle {
  text: PackedText;
  map: { length: number; articleStarts: Int32Array; sourceStarts: Int32Array; sourceEnds: Int32Array };
}

/**
 * The result travels as text rather than as an object: strings cross threads as one copy, where a
 * structured clone of thousands of small objects is rebuilt object by object on the receiving
 * thread. `chunked` is the comparison in pieces the host parses between yields (see
 * chunkedComparison.ts); `comparisonPieces` is the same comparison as the page's UTF-8 JSON
 * (protocol/comparisonPayload.ts), made here rather than on the host and transferred, so that the
 * host only posts them. The page shows the article texts, so its comparison is in article offsets;
 * `chunked`, the model, is in source offsets (the two are one for plain text, where `articles` is empty).
 */
export type CompareResponse =
  | { id: number; ok: true; chunked: ChunkedComparison; comparisonPieces: Uint8Array[]; articles: { a?: ReadArticle; b?: ReadArticle } }
  | { id: number; ok: false; error: string };
