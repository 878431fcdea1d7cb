/**
 * The archive index held in the process: an inverted list from fingerprint to documents, kept as two
 * parallel typed arrays sorted by fingerprint (a lookup is a binary search, the whole list is two
 * allocations, and it is saved and loaded as it is, with no parsing).
 *
 * Sorted arrays cannot take an insertion cheaply, so documents put since the last compaction wait
 * beside them with their own sorted fingerprints (an article is intersected with each), and a
 * removed document is only marked dead. Compaction merges the two, in time linear in the index, when
 * the waiting documents grow large or the index is saved. Keys are opaque to the index: the CLI
 * uses paths, the extension URIs.
 */
import type { ArchiveIndex, Candidate, CandidateQuery, DocumentStamp, IndexedDocument } from './archiveIndex';
import { checkedSettings, FINGERPRINT_VERSION, type FingerprintSettings } from './fingerprints';

// The core compiles without DOM or Node types, yet every runtime it targets has these (see text/decode.ts).
declare const TextEncoder: { new (): { encode(text: string): Uint8Array } };
declare const TextDecoder: { new (label: 'utf-8', options: { fatal: boolean }): { decode(bytes: Uint8Array): string } };

/**
 * A fingerprint held by more documents than this counts for none of them: boilerplate (a byline, a
 * house disclaimer) and the most common phrases would otherwise make every document a candidate and
 * make each look-up as long as the archive. Two per cent of the archive, and never fewer than 64.
 */
export function commonFingerprintFrom(documents: number): number {
  return Math.max(64, Math.ceil(documents * 0.02));
}

/** Why a saved index could not be read (it is then rebuilt). */
export class IndexFileError extends Error {}

const MAGIC = 0x58465343; // 'CSFX' read as a little-endian number
const FILE_VERSION = 1;
const HEADER_BYTES = 16;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

interface FileHeader {
  fingerprintVersion: number;
  settings: FingerprintSettings;
  meta: unknown;
  /** [key, size, modified, hash, fingerprints] per document, in slot order. */
  documents: [string, number, number, number, number][];
}

export class EmbeddedArchiveIndex implements ArchiveIndex {
  readonly settings: FingerprintSettings;
  // Documents by slot. A removed document's slot stays, dead, until the next compaction.
  private keys: (string | undefined)[] = [];
  private stamps: DocumentStamp[] = [];
  private counts: number[] = [];
  private alive = new Uint8Array(64);
  private readonly slots = new Map<string, number>();
  // Compacted postings: fingerprint and document slot, sorted by fingerprint.
  private baseHashes: Uint32Array = new Uint32Array(0);
  private baseSlots: Uint32Array = new Uint32Array(0);
  // Documents put since the last compaction, with their fingerprints.
  private recent = new Map<number, Uint32Array>();
  private recentPostings = 0;
  private deadPostings = 0;
  private dirty = false;

  constructor(settings: FingerprintSettings) {
    this.settings = checkedSettings(settings);
  }

  /** How many documents are indexed. */
  get size(): number {
    return this.slots.size;
  }

  /** Whether anything changed since the index was made, loaded or last serialized. */
  get hasUnsavedChanges(): boolean {
    return this.dirty;
  }

  /** Fingerprints held, over all documents (what the index costs: 8 bytes each). */
  get postings(): number {
    return this.baseHashes.length + this.recentPostings - this.deadPostings;
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  documents(): IndexedDocument[] {
    return [...this.slots].map(([key, slot]) => ({ key, stamp: this.stamps[slot], fingerprints: this.counts[slot] }));
  }

  stamp(key: string): DocumentStamp | undefined {
    const slot = this.slots.get(key);
    return slot === undefined ? undefined : this.stamps[slot];
  }

  put(key: string, fingerprints: Uint32Array, stamp: DocumentStamp): void {
    this.remove(key);
    const slot = this.keys.length;
    this.keys.push(key);
    this.stamps.push({ ...stamp });
    this.counts.push(fingerprints.length);
    if (slot === this.alive.length) {
      const wider = new Uint8Array(slot * 2);
      wider.set(this.alive);
      this.alive = wider;
    }
    this.alive[slot] = 1;
    this.slots.set(key, slot);
    this.recent.set(slot, fingerprints);
    this.recentPostings += fingerprints.length;
    this.dirty = true;
  }

  restamp(key: string, stamp: DocumentStamp): boolean {
    const slot = this.slots.get(key);
    if (slot === undefined) return false;
    this.stamps[slot] = { ...stamp };
    this.dirty = true;
    return true;
  }

  remove(key: string): boolean {
    const slot = this.slots.get(key);
    if (slot === undefined) return false;
    this.slots.delete(key);
    this.keys[slot] = undefined;
    this.alive[slot] = 0;
    this.deadPostings += this.counts[slot];
    this.dirty = true;
    return true;
  }

  rename(from: string, to: string): boolean {
    const slot = this.slots.get(from);
    if (slot === undefined) return false;
    if (from === to) return true;
    this.remove(to);
    this.slots.delete(from);
    this.slots.set(to, slot);
    this.keys[slot] = to;
    this.dirty = true;
    return true;
  }

  candidates(query: CandidateQuery): Candidate[] {
    // Many documents waiting (a build, a large change) are merged first: one intersection each would cost more.
    if (this.recentPostings > Math.max(1 << 16, this.baseHashes.length >> 3)) this.compact();
    const { fingerprints } = query;
    const { baseHashes, baseSlots, alive } = this;
    const count = fingerprints.length;
    // How many documents hold each of the article's fingerprints, and where the compacted ones are listed.
    const frequency = new Int32Array(count);
    const starts = new Int32Array(count);
    const ends = new Int32Array(count);
    let from = 0;
    for (let q = 0; q < count; q++) {
      const start = lowerBound(baseHashes, fingerprints[q], from);
      let end = start;
      while (end < baseHashes.length && baseHashes[end] === fingerprints[q]) {
        frequency[q] += alive[baseSlots[end]];
        end++;
      }
      starts[q] = start;
      ends[q] = end;
      from = end;
    }
    const recentHits: number[] = []; // pairs: slot, index of the article's fingerprint
    for (const [slot, held] of this.recent) {
      if (!alive[slot]) continue;
      forEachShared(fingerprints, held, (q) => {
        frequency[q]++;
        recentHits.push(slot, q);
      });
    }

    const common = commonFingerprintFrom(this.size);
    const shared = new Uint32Array(this.keys.length);
    const touched: number[] = [];
    const credit = (slot: number): void => {
      if (shared[slot]++ === 0) touched.push(slot);
    };
    for (let q = 0; q < count; q++) {
      if (frequency[q] > common) continue;
      for (let p = starts[q]; p < ends[q]; p++) if (alive[baseSlots[p]]) credit(baseSlots[p]);
    }
    for (let h = 0; h < recentHits.length; h += 2) if (frequency[recentHits[h + 1]] <= common) credit(recentHits[h]);

    const excluded = new Set(query.exclude ?? []);
    const keys = this.keys;
    return touched
      .filter((slot) => !excluded.has(keys[slot]!))
      .sort((x, y) => shared[y] - shared[x] || compareKeys(keys[x]!, keys[y]!))
      .slice(0, Math.max(0, query.limit))
      .map((slot) => ({ key: keys[slot]!, shared: shared[slot] }));
  }

  /** Merges the documents put since the last compaction into the sorted lists and forgets dead ones. */
  compact(): void {
    if (this.recent.size === 0 && this.deadPostings === 0) return;
    const renumbered = new Int32Array(this.keys.length).fill(-1);
    const keys: string[] = [];
    const stamps: DocumentStamp[] = [];
    const counts: number[] = [];
    for (let slot = 0; slot < this.keys.length; slot++) {
      if (!this.alive[slot]) continue;
      renumbered[slot] = keys.length;
      keys.push(this.keys[slot]!);
      stamps.push(this.stamps[slot]);
      counts.push(this.counts[slot]);
    }

    let waiting = 0;
    for (const [slot, held] of this.recent) if (this.alive[slot]) waiting += held.length;
    const recentHashes = new Uint32Array(waiting);
    const recentSlots = new Uint32Array(waiting);
    let at = 0;
    for (const [slot, held] of this.recent) {
      if (!this.alive[slot]) continue;
      recentHashes.set(held, at);
      recentSlots.fill(renumbered[slot], at, at + held.length);
      at += held.length;
    }
    sortPairs(recentHashes, recentSlots);

    // Merge the live compacted postings with the waiting ones, both sorted by fingerprint.
    const { baseHashes, baseSlots } = this;
    const hashes = new Uint32Array(baseHashes.length + waiting);
    const slots = new Uint32Array(hashes.length);
    let out = 0;
    let r = 0;
    for (let b = 0; b < baseHashes.length; b++) {
      const slot = renumbered[baseSlots[b]];
      if (slot < 0) continue;
      const hash = baseHashes[b];
      while (r < waiting && recentHashes[r] < hash) {
        hashes[out] = recentHashes[r];
        slots[out++] = recentSlots[r++];
      }
      hashes[out] = hash;
      slots[out++] = slot;
    }
    for (; r < waiting; r++) {
      hashes[out] = recentHashes[r];
      slots[out++] = recentSlots[r];
    }

    this.keys = keys;
    this.stamps = stamps;
    this.counts = counts;
    this.alive = new Uint8Array(Math.max(64, keys.length * 2));
    this.alive.fill(1, 0, keys.length);
    this.slots.clear();
    keys.forEach((key, slot) => this.slots.set(key, slot));
    this.baseHashes = hashes.slice(0, out);
    this.baseSlots = slots.slice(0, out);
    this.recent = new Map();
    this.recentPostings = 0;
    this.deadPostings = 0;
  }

  /**
   * The index as bytes: a 16-byte head, a JSON header (settings, the caller's `meta`, the documents
   * and their stamps), then the postings as two little-endian arrays of 32-bit numbers, which
   * `deserialize` uses in place.
   */
  serialize(meta: unknown = null): Uint8Array {
    this.compact();
    const header: FileHeader = {
      fingerprintVersion: FINGERPRINT_VERSION,
      settings: this.settings,
      meta,
      documents: this.keys.map((key, slot) => {
        const { size, modified, hash } = this.stamps[slot];
        return [key!, size, modified, hash, this.counts[slot]];
      }),
    };
    const json = new TextEncoder().encode(JSON.stringify(header));
    const postingsAt = HEADER_BYTES + align4(json.length);
    const count = this.baseHashes.length;
    const bytes = new Uint8Array(postingsAt + 8 * count);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, MAGIC, true);
    view.setUint32(4, FILE_VERSION, true);
    view.setUint32(8, json.length, true);
    view.setUint32(12, count, true);
    bytes.set(json, HEADER_BYTES);
    writeUint32s(bytes, postingsAt, this.baseHashes);
    writeUint32s(bytes, postingsAt + 4 * count, this.baseSlots);
    this.dirty = false;
    return bytes;
  }

  /** Reads what `serialize` wrote; throws IndexFileError when the bytes are not such an index (or another version's). */
  static deserialize(bytes: Uint8Array): { index: EmbeddedArchiveIndex; meta: unknown } {
    if (bytes.length < HEADER_BYTES) throw new IndexFileError('not an index file (too short)');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(0, true) !== MAGIC) throw new IndexFileError('not an index file');
    if (view.getUint32(4, true) !== FILE_VERSION) throw new IndexFileError('made by another version');
    const jsonLength = view.getUint32(8, true);
    const count = view.getUint32(12, true);
    const postingsAt = HEADER_BYTES + align4(jsonLength);
    if (bytes.length !== postingsAt + 8 * count) throw new IndexFileError('truncated or damaged');
    let header: FileHeader;
    try {
      header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + jsonLength))) as FileHeader;
    } catch {
      throw new IndexFileError('damaged header');
    }
    if (header.fingerprintVersion !== FINGERPRINT_VERSION) throw new IndexFileError('made by another version');
    if (!isSettings(header.settings) || !Array.isArray(header.documents)) throw new IndexFileError('damaged header');
    const index = new EmbeddedArchiveIndex(header.settings);
    const documents = header.documents;
    index.alive = new Uint8Array(Math.max(64, documents.length * 2));
    for (const [slot, entry] of documents.entries()) {
      if (!isDocumentEntry(entry) || index.slots.has(entry[0])) throw new IndexFileError('damaged header');
      const [key, size, modified, hash, fingerprints] = entry;
      index.keys.push(key);
      index.stamps.push({ size, modified, hash });
      index.counts.push(fingerprints);
      index.alive[slot] = 1;
      index.slots.set(key, slot);
    }
    const hashes = readUint32s(bytes, postingsAt, count);
    const slots = readUint32s(bytes, postingsAt + 4 * count, count);
    for (let p = 0; p < count; p++) {
      if (slots[p] >= documents.length || (p > 0 && hashes[p] < hashes[p - 1])) throw new IndexFileError('damaged postings');
    }
    index.baseHashes = hashes;
    index.baseSlots = slots;
    return { index, meta: header.meta };
  }
}

function isSettings(value: unknown): value is FingerprintSettings {
  const settings = value as FingerprintSettings | null;
  return typeof settings === 'object' && settings !== null && Number.isInteger(settings.gramWords) && Number.isInteger(settings.window);
}

function isDocumentEntry(value: unknown): value is FileHeader['documents'][number] {
  return Array.isArray(value) && value.length === 5 && typeof value[0] === 'string' && value.slice(1).every((n) => typeof n === 'number' && Number.isFinite(n));
}

/** Keys in code-unit order, so that ties come out the same on every machine (localeCompare would not). */
function compareKeys(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function align4(length: number): number {
  return (length + 3) & ~3;
}

/** First index at or after `from` whose value is not below `value`. */
function lowerBound(sorted: Uint32Array, value: number, from: number): number {
  let low = from;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Calls `found(q)` for each `q` with `query[q]` in `held`; both sorted and distinct. */
function forEachShared(query: Uint32Array, held: Uint32Array, found: (q: number) => void): void {
  let q = 0;
  let h = 0;
  while (q < query.length && h < held.length) {
    if (query[q] < held[h]) q++;
    else if (query[q] > held[h]) h++;
    else {
      found(q);
      q++;
      h++;
    }
  }
}

/**
 * Sorts `keys` and carries `values` along: a radix sort by 16 bits twice, linear where a comparison
 * sort of the millions of postings of a whole archive took seconds.
 */
export function sortPairs(keys: Uint32Array, values: Uint32Array): void {
  const count = keys.length;
  if (count < 2) return;
  let fromKeys = keys;
  let fromValues = values;
  let toKeys: Uint32Array = new Uint32Array(count);
  let toValues: Uint32Array = new Uint32Array(count);
  for (const shift of [0, 16]) {
    const starts = new Uint32Array(65537);
    for (let k = 0; k < count; k++) starts[((fromKeys[k] >>> shift) & 0xffff) + 1]++;
    for (let digit = 1; digit <= 65536; digit++) starts[digit] += starts[digit - 1];
    for (let k = 0; k < count; k++) {
      const at = starts[(fromKeys[k] >>> shift) & 0xffff]++;
      toKeys[at] = fromKeys[k];
      toValues[at] = fromValues[k];
    }
    [fromKeys, toKeys] = [toKeys, fromKeys];
    [fromValues, toValues] = [toValues, fromValues];
  }
  // Two passes: the sorted pairs are back in the caller's arrays.
}

function writeUint32s(bytes: Uint8Array, at: number, values: Uint32Array): void {
  if (LITTLE_ENDIAN) {
    bytes.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), at);
    return;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  for (let k = 0; k < values.length; k++) view.setUint32(at + 4 * k, values[k], true);
}

/** The numbers in place when the bytes are aligned (a file read whole usually is), a copy otherwise. */
function readUint32s(bytes: Uint8Array, at: number, count: number): Uint32Array {
  const offset = bytes.byteOffset + at;
  if (LITTLE_ENDIAN && offset % 4 === 0) return new Uint32Array(bytes.buffer, offset, count);
  const values = new Uint32Array(count);
  const view = new DataView(bytes.buffer, offset);
  for (let k = 0; k < count; k++) values[k] = view.getUint32(4 * k, true);
  return values;
}
