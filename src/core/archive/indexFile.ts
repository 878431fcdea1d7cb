/**
 * The embedded index's file: a compacted snapshot, then a journal of the changes made since, so that
 * bringing a saved index up to date after one file changed appends a few hundred bytes instead of
 * writing the whole index again. The journal is folded into a new snapshot when it grows.
 *
 * Layout (little-endian; every array starts at a multiple of 8, so that a file read whole is used in place):
 *   head     magic 'CSFX', version, JSON bytes, documents, postings, key bytes (6 × u32)
 *   JSON     { fingerprintVersion, settings, meta }
 *   keys     the documents' keys in UTF-8, separated by NUL (which no path or URI holds)
 *   stamps   size, modified, hash per document (f64 × 3)
 *   counts   fingerprints per document (u32)
 *   postings fingerprints (u32, sorted), then the document of each (u32)
 *   buckets  where the postings of each value of a fingerprint's top 12 bits start (u32 × 4097), so that
 *            a query reads the postings of its own fingerprints only (a few hundred small reads)
 *   journal  records: magic 'CSFJ', record bytes, kind, key bytes, fingerprints, 0 (6 × u32),
 *            size, modified, hash (f64 × 3), the key, the fingerprints (u32)
 * A record cut short (a write interrupted) ends the journal; the records before it stand.
 */
import type { DocumentStamp } from './archiveIndex';
import { FINGERPRINT_VERSION, type FingerprintSettings } from './fingerprints';

// The core compiles without DOM or Node types, yet every runtime it targets has these (see text/decode.ts).
declare const TextEncoder: { new (): { encode(text: string): Uint8Array } };
declare const TextDecoder: { new (label: 'utf-8', options: { fatal: boolean }): { decode(bytes: Uint8Array): string } };

/** Why a saved index could not be read (it is then made again). */
export class IndexFileError extends Error {}

/** The compacted index, column by column. */
export interface IndexSnapshot {
  settings: FingerprintSettings;
  /** The caller's own record (the folder indexed, the reader's version), as JSON. */
  meta: string;
  keys: string[];
  /** size, modified, hash of each document. */
  stamps: Float64Array;
  counts: Uint32Array;
  hashes: Uint32Array;
  slots: Uint32Array;
}

export type JournalRecord =
  | { kind: 'put'; key: string; stamp: DocumentStamp; fingerprints: Uint32Array }
  | { kind: 'remove'; key: string }
  | { kind: 'restamp'; key: string; stamp: DocumentStamp }
  | { kind: 'rename'; key: string; to: string };

const MAGIC = 0x58465343; // 'CSFX'
const RECORD_MAGIC = 0x4a465343; // 'CSFJ'
const FILE_VERSION = 3;
const BUCKET_SHIFT = 20;
const BUCKETS = 2 ** (32 - BUCKET_SHIFT);
const HEAD_BYTES = 24;
const RECORD_HEAD_BYTES = 48;
const KINDS: JournalRecord['kind'][] = ['put', 'remove', 'restamp', 'rename'];
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

const align8 = (length: number): number => (length + 7) & ~7;

export function encodeSnapshot(snapshot: IndexSnapshot): Uint8Array {
  const encoder = new TextEncoder();
  const json = encoder.encode(JSON.stringify({ fingerprintVersion: FINGERPRINT_VERSION, settings: snapshot.settings, meta: snapshot.meta }));
  const keys = encoder.encode(snapshot.keys.join('\0'));
  const documents = snapshot.keys.length;
  const postings = snapshot.hashes.length;
  const keysAt = align8(HEAD_BYTES + json.length);
  const stampsAt = align8(keysAt + keys.length);
  const countsAt = stampsAt + 24 * documents;
  const hashesAt = countsAt + 4 * documents;
  const slotsAt = hashesAt + 4 * postings;
  const bucketsAt = slotsAt + 4 * postings;
  const bytes = new Uint8Array(align8(bucketsAt + 4 * (BUCKETS + 1)));
  const view = new DataView(bytes.buffer);
  [MAGIC, FILE_VERSION, json.length, documents, postings, keys.length].forEach((value, k) => view.setUint32(4 * k, value, true));
  bytes.set(json, HEAD_BYTES);
  bytes.set(keys, keysAt);
  for (let k = 0; k < snapshot.stamps.length; k++) view.setFloat64(stampsAt + 8 * k, snapshot.stamps[k], true);
  writeUint32s(bytes, countsAt, snapshot.counts);
  writeUint32s(bytes, hashesAt, snapshot.hashes);
  writeUint32s(bytes, slotsAt, snapshot.slots);
  writeUint32s(bytes, bucketsAt, bucketStarts(snapshot.hashes));
  return bytes;
}

export function encodeJournal(records: readonly JournalRecord[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts = records.map((record) => {
    const key = encoder.encode(record.kind === 'rename' ? `${record.key}\0${record.to}` : record.key);
    const fingerprints = record.kind === 'put' ? record.fingerprints : new Uint32Array(0);
    const stamp = record.kind === 'put' || record.kind === 'restamp' ? record.stamp : { size: 0, modified: 0, hash: 0 };
    const bytes = new Uint8Array(align8(RECORD_HEAD_BYTES + align8(key.length) + 4 * fingerprints.length));
    const view = new DataView(bytes.buffer);
    [RECORD_MAGIC, bytes.length, KINDS.indexOf(record.kind), key.length, fingerprints.length, 0].forEach((value, k) => view.setUint32(4 * k, value, true));
    [stamp.size, stamp.modified, stamp.hash].forEach((value, k) => view.setFloat64(24 + 8 * k, value, true));
    bytes.set(key, RECORD_HEAD_BYTES);
    writeUint32s(bytes, RECORD_HEAD_BYTES + align8(key.length), fingerprints);
    return bytes;
  });
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

export interface DecodedIndexFile {
  snapshot: IndexSnapshot;
  journal: JournalRecord[];
  /** False when the journal ends in a record cut short: the file should be written anew. */
  journalIntact: boolean;
}

/** Random access to an index file: a file on disk read piece by piece, or its bytes in memory. */
export interface IndexFileReader {
  readonly size: number;
  /** `length` bytes from `at`; fewer only past the end. */
  read(at: number, length: number): Uint8Array;
}

export function memoryReader(bytes: Uint8Array): IndexFileReader {
  return { size: bytes.length, read: (at, length) => bytes.subarray(at, at + length) };
}

/** A file as opened: all but its postings, which are read when asked for (`PostingsFile`). */
export interface OpenedIndexFile {
  snapshot: Omit<IndexSnapshot, 'hashes' | 'slots'>;
  postings: PostingsFile;
  journal: JournalRecord[];
  journalIntact: boolean;
}

/** Reads a file `encodeSnapshot` (then `encodeJournal`, any number of times) wrote; throws IndexFileError otherwise. */
export function decodeIndexFile(bytes: Uint8Array): DecodedIndexFile {
  const { snapshot, postings, journal, journalIntact } = openIndexFile(memoryReader(bytes));
  return { snapshot: { ...snapshot, ...postings.all() }, journal, journalIntact };
}

/** The same, reading only what lies outside the postings (a tenth of the file); throws IndexFileError. */
export function openIndexFile(reader: IndexFileReader): OpenedIndexFile {
  if (reader.size < HEAD_BYTES) throw new IndexFileError('not an index file (too short)');
  const headBytes = reader.read(0, HEAD_BYTES);
  const headView = new DataView(headBytes.buffer, headBytes.byteOffset, headBytes.byteLength);
  const [magic, version, jsonLength, documents, postings, keysLength] = Array.from({ length: 6 }, (_, k) => headView.getUint32(4 * k, true));
  if (magic !== MAGIC) throw new IndexFileError('not an index file');
  if (version !== FILE_VERSION) throw new IndexFileError('made by another version');
  const keysAt = align8(HEAD_BYTES + jsonLength);
  const stampsAt = align8(keysAt + keysLength);
  const countsAt = stampsAt + 24 * documents;
  const hashesAt = countsAt + 4 * documents;
  const slotsAt = hashesAt + 4 * postings;
  const bucketsAt = slotsAt + 4 * postings;
  const journalAt = align8(bucketsAt + 4 * (BUCKETS + 1));
  if (reader.size < journalAt) throw new IndexFileError('truncated or damaged');
  const bytes = reader.read(0, hashesAt);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let header: { fingerprintVersion?: unknown; settings?: FingerprintSettings; meta?: unknown };
  let keys: string[];
  try {
    header = JSON.parse(decoder.decode(bytes.subarray(HEAD_BYTES, HEAD_BYTES + jsonLength))) as typeof header;
    keys = documents === 0 ? [] : decoder.decode(bytes.subarray(keysAt, keysAt + keysLength)).split('\0');
  } catch {
    throw new IndexFileError('damaged header');
  }
  if (header.fingerprintVersion !== FINGERPRINT_VERSION) throw new IndexFileError('made by another version');
  if (!isSettings(header.settings) || typeof header.meta !== 'string' || keys.length !== documents) throw new IndexFileError('damaged header');
  const buckets = readUint32s(reader.read(bucketsAt, 4 * (BUCKETS + 1)), 0, BUCKETS + 1);
  let ordered = buckets[0] === 0 && buckets[BUCKETS] === postings;
  for (let b = 0; b < BUCKETS && ordered; b++) ordered = buckets[b] <= buckets[b + 1];
  if (!ordered) throw new IndexFileError('damaged postings');
  const snapshot = {
    settings: header.settings,
    meta: header.meta,
    keys,
    stamps: readFloat64s(bytes, stampsAt, 3 * documents),
    counts: readUint32s(bytes, countsAt, documents),
  };
  const { journal, intact } = decodeJournal(reader.read(journalAt, reader.size - journalAt), 0, decoder);
  return { snapshot, postings: new PostingsFile(reader, hashesAt, slotsAt, postings, buckets), journal, journalIntact: intact };
}

/** The postings of a file, read whole or only those of some fingerprints. */
export class PostingsFile {
  constructor(
    private readonly reader: IndexFileReader,
    private readonly hashesAt: number,
    private readonly slotsAt: number,
    readonly count: number,
    private readonly buckets: Uint32Array,
  ) {}

  all(): { hashes: Uint32Array; slots: Uint32Array } {
    return {
      hashes: readUint32s(this.reader.read(this.hashesAt, 4 * this.count), 0, this.count),
      slots: readUint32s(this.reader.read(this.slotsAt, 4 * this.count), 0, this.count),
    };
  }

  /** The postings of `fingerprints` (sorted, distinct), sorted by fingerprint as in the whole file: a bucket read for each. */
  of(fingerprints: Uint32Array): { hashes: Uint32Array; slots: Uint32Array } {
    const hashes: number[] = [];
    const slots: number[] = [];
    for (let q = 0; q < fingerprints.length;) {
      const bucket = fingerprints[q] >>> BUCKET_SHIFT;
      let last = q;
      while (last < fingerprints.length && fingerprints[last] >>> BUCKET_SHIFT === bucket) last++;
      const start = this.buckets[bucket];
      const count = this.buckets[bucket + 1] - start;
      if (count > 0) {
        const held = readUint32s(this.reader.read(this.hashesAt + 4 * start, 4 * count), 0, count);
        let slotsOfBucket: Uint32Array | undefined;
        let from = 0;
        for (let k = q; k < last; k++) {
          const low = lowerBound(held, fingerprints[k], from);
          let high = low;
          while (high < count && held[high] === fingerprints[k]) high++;
          if (high > low) {
            slotsOfBucket ??= readUint32s(this.reader.read(this.slotsAt + 4 * start, 4 * count), 0, count);
            for (let p = low; p < high; p++) {
              hashes.push(held[p]);
              slots.push(slotsOfBucket[p]);
            }
          }
          from = high;
        }
      }
      q = last;
    }
    return { hashes: Uint32Array.from(hashes), slots: Uint32Array.from(slots) };
  }
}

/** Where each bucket (a value of the top bits) starts in sorted fingerprints, and their count last. */
function bucketStarts(hashes: Uint32Array): Uint32Array {
  const starts = new Uint32Array(BUCKETS + 1);
  let at = 0;
  for (let bucket = 0; bucket <= BUCKETS; bucket++) {
    while (at < hashes.length && hashes[at] >>> BUCKET_SHIFT < bucket) at++;
    starts[bucket] = at;
  }
  return starts;
}

/** First index at or after `from` whose value is not below `value`. */
export function lowerBound(sorted: Uint32Array, value: number, from: number): number {
  let low = from;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function decodeJournal(bytes: Uint8Array, from: number, decoder: InstanceType<typeof TextDecoder>): { journal: JournalRecord[]; intact: boolean } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const journal: JournalRecord[] = [];
  let at = from;
  while (at < bytes.length) {
    if (bytes.length - at < RECORD_HEAD_BYTES) return { journal, intact: false };
    const [magic, length, kind, keyLength, count] = Array.from({ length: 5 }, (_, k) => view.getUint32(at + 4 * k, true));
    const fingerprintsAt = at + RECORD_HEAD_BYTES + align8(keyLength);
    if (magic !== RECORD_MAGIC || length !== align8(fingerprintsAt - at + 4 * count) || at + length > bytes.length || KINDS[kind] === undefined) {
      return { journal, intact: false };
    }
    let key: string;
    try {
      key = decoder.decode(bytes.subarray(at + RECORD_HEAD_BYTES, at + RECORD_HEAD_BYTES + keyLength));
    } catch {
      return { journal, intact: false };
    }
    const stamp = { size: view.getFloat64(at + 24, true), modified: view.getFloat64(at + 32, true), hash: view.getFloat64(at + 40, true) };
    switch (KINDS[kind]) {
      case 'put':
        journal.push({ kind: 'put', key, stamp, fingerprints: readUint32s(bytes, fingerprintsAt, count) });
        break;
      case 'remove':
        journal.push({ kind: 'remove', key });
        break;
      case 'restamp':
        journal.push({ kind: 'restamp', key, stamp });
        break;
      case 'rename': {
        const [from, to] = key.split('\0');
        journal.push({ kind: 'rename', key: from, to });
        break;
      }
    }
    at += length;
  }
  return { journal, intact: true };
}

function isSettings(value: unknown): value is FingerprintSettings {
  const settings = value as FingerprintSettings | null;
  return typeof settings === 'object' && settings !== null && Number.isInteger(settings.gramWords) && Number.isInteger(settings.window);
}

function writeUint32s(bytes: Uint8Array, at: number, values: Uint32Array): void {
  if (LITTLE_ENDIAN) {
    bytes.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), at);
    return;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  for (let k = 0; k < values.length; k++) view.setUint32(at + 4 * k, values[k], true);
}

/** The same for 64-bit floats (the stamps). */
function readFloat64s(bytes: Uint8Array, at: number, count: number): Float64Array {
  const offset = bytes.byteOffset + at;
  if (LITTLE_ENDIAN && offset % 8 === 0) return new Float64Array(bytes.buffer, offset, count);
  const values = new Float64Array(count);
  const view = new DataView(bytes.buffer, offset);
  for (let k = 0; k < count; k++) values[k] = view.getFloat64(8 * k, true);
  return values;
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
