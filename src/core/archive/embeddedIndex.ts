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

/** A file as a listing gives it (archiveSync's ArchiveFile): what `compareStamps` compares. */
export interface ListedFile {
  key: string;
  size: number;
  modified: number;
}
import { checkedSettings, type FingerprintSettings } from './fingerprints';
import { encodeJournal, encodeSnapshot, lowerBound, memoryReader, openIndexFile, type IndexFileReader, type JournalRecord, type PostingsFile } from './indexFile';

export { IndexFileError } from './indexFile';

/**
 * A fingerprint held by more documents than this counts for none of them: boilerplate (a byline, a
 * house disclaimer) and the most common phrases would otherwise make every document a candidate and
 * make each look-up as long as the archive. Two per cent of the archive, and never fewer than 64.
 */
export function commonFingerprintFrom(documents: number): number {
  return Math.max(64, Math.ceil(documents * 0.02));
}

/** What the file an index was loaded from (or last saved to) holds besides its snapshot. */
interface FileState {
  meta: string;
  journalRecords: number;
  journalPostings: number;
  /** False when its journal ended in a record cut short: the next save writes the file anew. */
  intact: boolean;
}

/** A listing compared with the index file by file (`EmbeddedArchiveIndex.stampCheck`). */
export interface StampCheck {
  /** Whether the file is held with this size and modification time (then counted as unchanged). */
  check(key: string, size: number, modified: number): boolean;
  /** The unchanged files counted, and the documents held that were never checked. */
  finish(): { unchanged: number; unlisted: string[] };
}

/** What to write: the whole file, or records to append to the file the index came from. */
export interface IndexSave {
  bytes: Uint8Array;
  append: boolean;
}

export class EmbeddedArchiveIndex implements ArchiveIndex {
  readonly settings: FingerprintSettings;
  // Documents by slot. A removed document's slot stays, dead, until the next compaction.
  private slotKeys: (string | undefined)[] = [];
  // size, modified, hash of each slot, in one array (a loaded index reads them in place, as no objects).
  private stamps: Float64Array = new Float64Array(3 * 64);
  private counts: number[] = [];
  private alive = new Uint8Array(64);
  private live = 0;
  // Slot by key, made on first use: a query whose listing matches the index slot by slot never needs it.
  private slotsByKey: Map<string, number> | undefined = new Map();
  // Compacted postings: fingerprint and document slot, sorted by fingerprint.
  private baseHashes: Uint32Array = new Uint32Array(0);
  private baseSlots: Uint32Array = new Uint32Array(0);
  // The compacted postings still in the file it was opened from (`open`): read as a query needs them, or whole.
  private unread: PostingsFile | undefined;
  // Documents put since the last compaction, with their fingerprints.
  private recent = new Map<number, Uint32Array>();
  private recentPostings = 0;
  private deadPostings = 0;
  // Changes not yet saved, as journal records, and the file the index was loaded from or saved to.
  private pending: JournalRecord[] = [];
  private file: FileState | undefined;

  constructor(settings: FingerprintSettings) {
    this.settings = checkedSettings(settings);
  }

  /** How many documents are indexed. */
  get size(): number {
    return this.live;
  }

  /** Whether there is anything to save: changes since it was loaded or saved, or it never was. */
  get hasUnsavedChanges(): boolean {
    return this.pending.length > 0 || this.file === undefined;
  }

  /** Fingerprints held, over all documents (what the index costs: 8 bytes each). */
  get postings(): number {
    return this.basePostings + this.recentPostings - this.deadPostings;
  }

  private get basePostings(): number {
    return this.unread?.count ?? this.baseHashes.length;
  }

  /** The compacted postings in memory, read whole from the file if they were not. */
  private readPostings(): void {
    if (this.unread === undefined) return;
    const { hashes, slots } = this.unread.all();
    this.baseHashes = hashes;
    this.baseSlots = slots;
    this.unread = undefined;
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  keys(): IterableIterator<string> {
    return this.slots.keys();
  }

  private get slots(): Map<string, number> {
    if (this.slotsByKey === undefined) {
      this.slotsByKey = new Map();
      for (let slot = 0; slot < this.slotKeys.length; slot++) if (this.alive[slot] === 1) this.slotsByKey.set(this.slotKeys[slot]!, slot);
    }
    return this.slotsByKey;
  }

  /**
   * Splits a listing of files into those held with the same size and modification time and the
   * others, and names the documents held that it does not list. A listing in the index's own
   * order (a folder listed as it was when indexed) is matched slot by slot, with no key looked up.
   */
  compareStamps<File extends ListedFile>(files: readonly File[]): { unchanged: number; changed: File[]; unlisted: string[] } {
    const stamps = this.stampCheck();
    const changed = files.filter((file) => !stamps.check(file.key, file.size, file.modified));
    return { ...stamps.finish(), changed };
  }

  /**
   * `compareStamps` one file at a time, for a listing that keeps only its changed files (a folder of
   * 10,000 files listed whole was 10,000 objects for the garbage collector to copy): `check` tells
   * whether a file is held with that size and modification time, `finish` counts those and names the
   * documents never checked. The index must not change in between.
   */
  stampCheck(): StampCheck {
    const seen = new Uint8Array(this.slotKeys.length);
    let next = 0; // the slot the next file is expected at
    let unchanged = 0;
    return {
      check: (key, size, modified) => {
        let slot: number | undefined = next;
        if (this.slotKeys[slot] !== key || this.alive[slot] !== 1) slot = this.slots.get(key);
        if (slot === undefined) return false;
        seen[slot] = 1;
        next = slot + 1;
        const same = this.stamps[3 * slot] === size && this.stamps[3 * slot + 1] === modified;
        if (same) unchanged++;
        return same;
      },
      finish: () => {
        const unlisted: string[] = [];
        for (let slot = 0; slot < this.slotKeys.length; slot++) if (this.alive[slot] === 1 && seen[slot] === 0) unlisted.push(this.slotKeys[slot]!);
        return { unchanged, unlisted };
      },
    };
  }

  documents(): IndexedDocument[] {
    return [...this.slots].map(([key, slot]) => ({ key, stamp: this.stampAt(slot), fingerprints: this.counts[slot] }));
  }

  stamp(key: string): DocumentStamp | undefined {
    const slot = this.slots.get(key);
    return slot === undefined ? undefined : this.stampAt(slot);
  }

  private stampAt(slot: number): DocumentStamp {
    const at = 3 * slot;
    return { size: this.stamps[at], modified: this.stamps[at + 1], hash: this.stamps[at + 2] };
  }

  private setStamp(slot: number, { size, modified, hash }: DocumentStamp): void {
    if (3 * slot + 3 > this.stamps.length) {
      const wider = new Float64Array(Math.max(3 * 64, 2 * this.stamps.length, 3 * slot + 3));
      wider.set(this.stamps);
      this.stamps = wider;
    }
    this.stamps.set([size, modified, hash], 3 * slot);
  }

  put(key: string, fingerprints: Uint32Array, stamp: DocumentStamp): void {
    this.apply({ kind: 'put', key, stamp: { ...stamp }, fingerprints });
  }

  restamp(key: string, stamp: DocumentStamp): boolean {
    return this.has(key) && this.apply({ kind: 'restamp', key, stamp: { ...stamp } });
  }

  remove(key: string): boolean {
    return this.has(key) && this.apply({ kind: 'remove', key });
  }

  rename(from: string, to: string): boolean {
    if (!this.has(from)) return false;
    return from === to || this.apply({ kind: 'rename', key: from, to });
  }

  /** Makes one change and remembers it for the next save. */
  private apply(record: JournalRecord): true {
    this.change(record);
    this.pending.push(record);
    return true;
  }

  private change(record: JournalRecord): void {
    switch (record.kind) {
      case 'put': {
        this.forget(record.key);
        const slot = this.slotKeys.length;
        this.slotKeys.push(record.key);
        this.setStamp(slot, record.stamp);
        this.counts.push(record.fingerprints.length);
        if (slot === this.alive.length) {
          const wider = new Uint8Array(slot * 2);
          wider.set(this.alive);
          this.alive = wider;
        }
        this.alive[slot] = 1;
        this.live++;
        this.slots.set(record.key, slot);
        this.recent.set(slot, record.fingerprints);
        this.recentPostings += record.fingerprints.length;
        return;
      }
      case 'restamp': {
        const slot = this.slots.get(record.key);
        if (slot !== undefined) this.setStamp(slot, record.stamp);
        return;
      }
      case 'remove':
        this.forget(record.key);
        return;
      case 'rename': {
        const slot = this.slots.get(record.key);
        if (slot === undefined) return;
        this.forget(record.to);
        this.slots.delete(record.key);
        this.slots.set(record.to, slot);
        this.slotKeys[slot] = record.to;
        return;
      }
    }
  }

  private forget(key: string): void {
    const slot = this.slots.get(key);
    if (slot === undefined) return;
    this.slots.delete(key);
    this.slotKeys[slot] = undefined;
    this.alive[slot] = 0;
    this.live--;
    this.deadPostings += this.counts[slot];
  }

  candidates(query: CandidateQuery): Candidate[] {
    // Many documents waiting (a build, a large change) are merged first: one intersection each would cost more.
    if (this.recentPostings > Math.max(1 << 16, this.basePostings >> 3)) this.compact();
    const { fingerprints } = query;
    const { alive } = this;
    // From a file not read whole, only the postings of the article's fingerprints: the same answers.
    const { hashes: baseHashes, slots: baseSlots } = this.unread?.of(fingerprints) ?? { hashes: this.baseHashes, slots: this.baseSlots };
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
        // `=== 1`: a slot past the documents (a damaged file) reads undefined and counts for none.
        if (alive[baseSlots[end]] === 1) frequency[q]++;
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
    const shared = new Uint32Array(this.slotKeys.length);
    const touched: number[] = [];
    const credit = (slot: number): void => {
      if (shared[slot]++ === 0) touched.push(slot);
    };
    for (let q = 0; q < count; q++) {
      if (frequency[q] > common) continue;
      for (let p = starts[q]; p < ends[q]; p++) if (alive[baseSlots[p]] === 1) credit(baseSlots[p]);
    }
    for (let h = 0; h < recentHits.length; h += 2) if (frequency[recentHits[h + 1]] <= common) credit(recentHits[h]);

    const excluded = new Set(query.exclude ?? []);
    const keys = this.slotKeys;
    return touched
      .filter((slot) => !excluded.has(keys[slot]!))
      .sort((x, y) => shared[y] - shared[x] || compareKeys(keys[x]!, keys[y]!))
      .slice(0, Math.max(0, query.limit))
      .map((slot) => ({ key: keys[slot]!, shared: shared[slot] }));
  }

  /** Merges the documents put since the last compaction into the sorted lists and forgets dead ones. */
  compact(): void {
    if (this.recent.size === 0 && this.deadPostings === 0) return;
    this.readPostings();
    const renumbered = new Int32Array(this.slotKeys.length).fill(-1);
    const keys: string[] = [];
    const stamps = new Float64Array(Math.max(3 * 64, 3 * this.live));
    const counts: number[] = [];
    for (let slot = 0; slot < this.slotKeys.length; slot++) {
      if (!this.alive[slot]) continue;
      renumbered[slot] = keys.length;
      keys.push(this.slotKeys[slot]!);
      stamps.set(this.stamps.subarray(3 * slot, 3 * slot + 3), 3 * (keys.length - 1));
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
      const slot = renumbered[baseSlots[b]] ?? -1;
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

    this.slotKeys = keys;
    this.stamps = stamps;
    this.counts = counts;
    this.alive = new Uint8Array(Math.max(64, keys.length * 2));
    this.alive.fill(1, 0, keys.length);
    this.live = keys.length;
    this.slotsByKey = undefined;
    this.baseHashes = hashes.slice(0, out);
    this.baseSlots = slots.slice(0, out);
    this.recent = new Map();
    this.recentPostings = 0;
    this.deadPostings = 0;
  }

  /** The whole index as a file (indexFile.ts), compacted; `meta` is the caller's own record, kept as JSON. */
  serialize(meta: unknown = null): Uint8Array {
    this.compact();
    this.readPostings();
    const stamps = this.stamps.subarray(0, 3 * this.slotKeys.length);
    const json = JSON.stringify(meta);
    const bytes = encodeSnapshot({
      settings: this.settings, meta: json, keys: this.slotKeys as string[], stamps, counts: Uint32Array.from(this.counts),
      hashes: this.baseHashes, slots: this.baseSlots,
    });
    this.pending = [];
    this.file = { meta: json, journalRecords: 0, journalPostings: 0, intact: true };
    return bytes;
  }

  /**
   * What to write to keep the file this index came from up to date: the changes since as journal
   * records to append, or the whole index when the file's journal would grow past a sixteenth of
   * its postings (loading it would then cost more than writing anew), its `meta` changed, or its
   * journal was cut short. Undefined when there is nothing to write.
   */
  save(meta: unknown = null): IndexSave | undefined {
    const file = this.file;
    const json = JSON.stringify(meta);
    if (file && file.meta === json && this.pending.length === 0) return undefined;
    const postings = this.pending.reduce((sum, record) => sum + (record.kind === 'put' ? record.fingerprints.length : 0), 0);
    const journalFits = file !== undefined && file.intact && file.meta === json
      && file.journalRecords + this.pending.length <= 4096
      && file.journalPostings + postings <= Math.max(1 << 14, this.basePostings >> 4);
    if (!journalFits) return { bytes: this.serialize(meta), append: false };
    const bytes = encodeJournal(this.pending);
    file.journalRecords += this.pending.length;
    file.journalPostings += postings;
    this.pending = [];
    return { bytes, append: true };
  }

  /** Reads a file that `serialize` and `save` wrote; throws IndexFileError when it is no such file (or another version's). */
  static deserialize(bytes: Uint8Array): { index: EmbeddedArchiveIndex; meta: unknown } {
    const opened = EmbeddedArchiveIndex.open(memoryReader(bytes));
    opened.index.readPostings();
    return opened;
  }

  /**
   * The same from a file read piece by piece: all but the postings, which a query reads only for
   * its own fingerprints (the CLI's `find`, one query per process: a tenth of the file read).
   */
  static open(reader: IndexFileReader): { index: EmbeddedArchiveIndex; meta: unknown } {
    const { snapshot, postings, journal, journalIntact } = openIndexFile(reader);
    const index = new EmbeddedArchiveIndex(snapshot.settings);
    const documents = snapshot.keys.length;
    index.alive = new Uint8Array(Math.max(64, documents * 2));
    index.alive.fill(1, 0, documents);
    index.slotKeys = snapshot.keys;
    index.counts = Array.from(snapshot.counts);
    index.stamps = snapshot.stamps;
    index.live = documents;
    index.slotsByKey = undefined;
    index.unread = postings;
    for (const record of journal) index.change(record);
    index.file = {
      meta: snapshot.meta,
      journalRecords: journal.length,
      journalPostings: journal.reduce((sum, record) => sum + (record.kind === 'put' ? record.fingerprints.length : 0), 0),
      intact: journalIntact,
    };
    let meta: unknown;
    try {
      meta = JSON.parse(snapshot.meta);
    } catch {
      meta = null;
    }
    return { index, meta };
  }
}

/** Keys in code-unit order, so that ties come out the same on every machine (localeCompare would not). */
function compareKeys(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
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


