/** Messages between the extension host and the comparison worker (dist/worker.js). */
import type { CompareOptions, InputFormat } from '../../core/model';
import type { PackedText } from '../../protocol/textTransfer';
import type { ChunkedComparison } from './chunkedComparison';

/** A document as it travels: its name, its text as bytes where it can (see protocol/textTransfer.ts), and the format it is read as. */
export interface PackedDocument {
  name: string;
  text: PackedText;
  format: InputFormat;
}

/** Two documents (`compareDocuments`, the pair model) or three or more (`documents`: `compareManyDocuments`). */
export type CompareRequest =
  | { id: number; a: PackedDocument; b: PackedDocument; options: Partial<CompareOptions> }
  | { id: number; documents: PackedDocument[]; options: Partial<CompareOptions> };

/**
 * A document read as a web page or Markdown: its article text (what the page shows) and the offset
 * map back to the source (`OffsetMap.pieces`), for the host to map the page's ranges and word hovers.
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
 * `chunked`, the model, is in source offsets (the two are one for plain text). For three or more
 * documents the pieces are instead the view's content (protocol/manyViewMessages.ts). `articles`
 * holds each document's read article in the request's order (A and B for two), nothing for plain text.
 */
export type CompareResponse =
  | { id: number; ok: true; chunked: ChunkedComparison; comparisonPieces: Uint8Array[]; articles: Array<ReadArticle | undefined> }
  | { id: number; ok: false; error: string };
