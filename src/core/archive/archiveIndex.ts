/**
 * The archive index: which documents of an archive hold which fingerprints (fingerprints.ts), asked
 * which documents share the most fingerprints with an article. Candidates only: the figures a user
 * sees come from the exact comparison of each candidate with the article (findSources.ts).
 *
 * One implementation lives in the process (embeddedIndex.ts). The methods may answer with a
 * promise so that a second one can live in a search engine (docs/scale.md: the same fingerprints
 * as a keyword field of OpenSearch, the candidates from a terms query).
 */
import type { FingerprintSettings } from './fingerprints';

export type Awaitable<T> = T | Promise<T>;

/**
 * What says whether the document on disk is still the one indexed: its size and modification time
 * (cheap to read), and a hash of its bytes (`contentHash`), read only when the first two changed.
 */
export interface DocumentStamp {
  size: number;
  /** Modification time in milliseconds. */
  modified: number;
  hash: number;
}

export interface IndexedDocument {
  key: string;
  stamp: DocumentStamp;
  /** How many fingerprints it holds. */
  fingerprints: number;
}

export interface CandidateQuery {
  /** The article's fingerprints, sorted and distinct (`Fingerprinter.fingerprint`). */
  fingerprints: Uint32Array;
  /** Most candidates returned. */
  limit: number;
  /** Keys never returned (the article itself, when it lies in the archive). */
  exclude?: readonly string[];
}

export interface Candidate {
  key: string;
  /** Fingerprints the document shares with the article (common ones left out, see the implementation). */
  shared: number;
}

export interface ArchiveIndex {
  /** The settings every fingerprint given to `put` and `candidates` was made with. */
  readonly settings: FingerprintSettings;
  /** The indexed documents, in no particular order. */
  documents(): Awaitable<IndexedDocument[]>;
  stamp(key: string): Awaitable<DocumentStamp | undefined>;
  /** Adds a document, or replaces the one indexed under `key`. */
  put(key: string, fingerprints: Uint32Array, stamp: DocumentStamp): Awaitable<void>;
  /** A new stamp for a document whose content did not change (only its modification time did). */
  restamp(key: string, stamp: DocumentStamp): Awaitable<boolean>;
  /** False when `key` was not indexed. */
  remove(key: string): Awaitable<boolean>;
  /** The document moved: same fingerprints under a new key (a document already at `to` is replaced). */
  rename(from: string, to: string): Awaitable<boolean>;
  /** The documents sharing the most fingerprints with the article, most first; only those sharing any. */
  candidates(query: CandidateQuery): Awaitable<Candidate[]>;
}

/**
 * A 53-bit hash of bytes (cyrb53, public domain): a changed file whose size and modification time
 * changed too is read again, and re-indexed only when this changed.
 */
export function contentHash(bytes: Uint8Array): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let k = 0; k < bytes.length; k++) {
    const byte = bytes[k];
    h1 = Math.imul(h1 ^ byte, 2654435761);
    h2 = Math.imul(h2 ^ byte, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
