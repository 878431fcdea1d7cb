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
const FILE_VERSION = 2;
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
  const bytes = new Uint8Array(align8(slotsAt + 4 * postings));
  const view = new DataView(bytes.buffer);
  [MAGIC, FILE_VERSION, json.length, documents, postings, keys.length].forEach((value, k) => view.setUint32(4 * k, value, true));
  bytes.set(json, HEAD_BYTES);
  bytes.set(keys, keysAt);
  for (let k = 0; k < snapshot.stamps.length; k++) view.setFloat64(stampsAt + 8 * k, snapshot.stamps[k], true);
  writeUint32s(bytes, countsAt, snapshot.counts);
  writeUint32s(bytes, hashesAt, snapshot.hashes);
  writeUint32s(bytes, slotsAt, snapshot.slots);
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

/** Reads a file `encodeSnapshot` (then `encodeJournal`, any number of times) wrote; throws IndexFileError otherwise. */
export function decodeIndexFile(bytes: Uint8Array): DecodedIndexFile {
  if (bytes.length < HEAD_BYTES) throw new IndexFileError('not an index file (too short)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = Array.from({ length: 6 }, (_, k) => view.getUint32(4 * k, true));
  const [magic, version, jsonLength, documents, postings, keysLength] = head;
  if (magic !== MAGIC) throw new IndexFileError('not an index file');
  if (version !== FILE_VERSION) throw new IndexFileError('made by another version');
  const keysAt = align8(HEAD_BYTES + jsonLength);
  const stampsAt = align8(keysAt + keysLength);
  const countsAt = stampsAt + 24 * documents;
  const hashesAt = countsAt + 4 * documents;
  const slotsAt = hashesAt + 4 * postings;
  const journalAt = align8(slotsAt + 4 * postings);
  if (bytes.length < journalAt) throw new IndexFileError('truncated or damaged');
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
  const stamps = readFloat64s(bytes, stampsAt, 3 * documents);
  const snapshot: IndexSnapshot = {
    settings: header.settings,
    meta: header.meta,
    keys,
    stamps,
    counts: readUint32s(bytes, countsAt, documents),
    hashes: readUint32s(bytes, hashesAt, postings),
    slots: readUint32s(bytes, slotsAt, postings),
  };
  const { journal, intact } = decodeJournal(bytes, journalAt, decoder);
  return { snapshot, journal, journalIntact: intact };
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
