/**
 * Bringing an index up to date with the files of an archive, for the CLI (a folder on disk) and the
 * extension's worker (the workspace) alike: the caller lists the files with their size and
 * modification time and reads one when asked; only files whose stamp changed are read, and only
 * those whose content changed are fingerprinted again.
 *
 * A generator, so that the extension's worker can do the work in slices (answering messages and
 * cancellation in between) and report progress, while the CLI runs it straight through.
 */
import { decodeText } from '../text/decode';
import { contentHash, type DocumentStamp } from './archiveIndex';
import type { EmbeddedArchiveIndex } from './embeddedIndex';
import type { Fingerprinter } from './fingerprints';

/** A file of the archive as listed (from a stat, before it is read). */
export interface ArchiveFile {
  key: string;
  size: number;
  /** Modification time in milliseconds. */
  modified: number;
}

export interface ArchiveReader {
  /** The file's bytes; undefined when it cannot be read any more (deleted since it was listed). */
  read(key: string): Uint8Array | undefined;
  /** The article text of a file's decoded text (a web page's words, say); the text itself if absent. */
  articleText?(key: string, text: string): string;
}

export interface SyncOptions {
  /** Largest file read, in bytes; larger ones are indexed empty (they never match). */
  maxBytes: number;
  /** Remove indexed documents that `files` does not list (a full listing rather than a list of changes). */
  removeUnlisted: boolean;
}

export interface SyncProgress {
  /** Files looked at so far, of `total`. */
  done: number;
  total: number;
}

export interface SyncReport {
  added: number;
  updated: number;
  /** Files whose modification time changed but whose content did not. */
  restamped: number;
  removed: number;
  unchanged: number;
  /** Files indexed empty because they are not text or too large, with the reason. */
  skipped: { key: string; reason: string }[];
}

export function* syncArchive(
  index: EmbeddedArchiveIndex,
  files: readonly ArchiveFile[],
  reader: ArchiveReader,
  fingerprinter: Fingerprinter,
  options: SyncOptions,
): Generator<SyncProgress, SyncReport, void> {
  // Most files of a listing are unchanged: they are counted in one tight loop (compareStamps), and
  // only the others go through the steps (a step per file made a query over 10,000 unchanged files
  // pay for 10,000 resumptions).
  return yield* syncChanges(index, index.compareStamps(files), reader, fingerprinter, options);
}

/** A listing as compared with the index (`compareStamps`, `stampCheck`): what a sync has to do. */
export interface ListingChanges {
  unchanged: number;
  changed: readonly ArchiveFile[];
  /** Documents held that the listing does not list. */
  unlisted: readonly string[];
}

/** `syncArchive` of a listing already compared with the index (the CLI compares each file as it lists it). */
export function* syncChanges(
  index: EmbeddedArchiveIndex,
  { unchanged, changed, unlisted }: ListingChanges,
  reader: ArchiveReader,
  fingerprinter: Fingerprinter,
  options: SyncOptions,
): Generator<SyncProgress, SyncReport, void> {
  const report: SyncReport = { added: 0, updated: 0, restamped: 0, removed: 0, unchanged, skipped: [] };
  const total = unchanged + changed.length;
  for (const [done, file] of changed.entries()) {
    updateOne(index, file, reader, fingerprinter, options.maxBytes, report);
    yield { done: report.unchanged + done + 1, total };
  }
  if (options.removeUnlisted) {
    for (const key of unlisted) if (index.remove(key)) report.removed++;
  }
  return report;
}

/** Runs a sync to its end (the CLI's way). */
export function syncArchiveNow(...args: Parameters<typeof syncArchive>): SyncReport {
  return runToEnd(syncArchive(...args));
}

/** Runs the steps of a sync to their end. */
export function runToEnd(steps: Generator<SyncProgress, SyncReport, void>): SyncReport {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function updateOne(index: EmbeddedArchiveIndex, file: ArchiveFile, reader: ArchiveReader, fingerprinter: Fingerprinter, maxBytes: number, report: SyncReport): void {
  const known = index.stamp(file.key);
  const skip = (reason: string, stamp: DocumentStamp): void => {
    // Indexed with no fingerprints, so that the next sync does not read it again while it stays the same.
    index.put(file.key, EMPTY, stamp);
    report.skipped.push({ key: file.key, reason });
  };
  if (file.size > maxBytes) {
    skip('too large', { size: file.size, modified: file.modified, hash: 0 });
    return;
  }
  const bytes = reader.read(file.key);
  if (bytes === undefined) {
    if (index.remove(file.key)) report.removed++;
    return;
  }
  const stamp: DocumentStamp = { size: bytes.length, modified: file.modified, hash: contentHash(bytes) };
  if (known && known.hash === stamp.hash && known.size === stamp.size) {
    index.restamp(file.key, stamp);
    report.restamped++;
    return;
  }
  const decoded = decodeText(bytes, { maxBytes });
  if (!decoded.ok) {
    skip(decoded.error, stamp);
    return;
  }
  const text = reader.articleText ? reader.articleText(file.key, decoded.text) : decoded.text;
  index.put(file.key, fingerprinter.fingerprint(text), stamp);
  if (known) report.updated++;
  else report.added++;
}

const EMPTY = new Uint32Array(0);
