/** Messages between the extension host and the archive worker (dist/archiveWorker.js), which holds the Find Sources index. */
import type { SyncReport } from '../../core/archive/archiveSync';
import type { SourceMatch } from '../../core/archive/findSources';
import type { FingerprintSettings } from '../../core/archive/fingerprints';
import type { InputFormat, InputFormatChoice } from '../../core/formats/article';

/** A file of the workspace: its key in the index (the URI) and where the worker reads it. */
export interface WorkspaceFile {
  key: string;
  path: string;
}

export type ArchiveCommand =
  /**
   * Loads the index kept at `storageFile` (or starts an empty one: `fresh`, none kept, other settings,
   * damaged). Files are read by `inputFormat` as the comparison reads them (their extension's format, or one forced).
   */
  | { type: 'open'; storageFile: string | undefined; settings: FingerprintSettings; inputFormat: InputFormatChoice; maxBytes: number; fresh: boolean }
  /** Brings these files up to date; `complete`: they are all the files, so any other is removed. */
  | { type: 'sync'; files: WorkspaceFile[]; complete: boolean }
  /** Removes these documents, and with `withContents` those under them (a key may be a deleted folder's). */
  | { type: 'remove'; keys: string[]; withContents: boolean }
  | { type: 'rename'; from: WorkspaceFile; to: WorkspaceFile }
  /** `text` is the document's text, read as `format` here. */
  | { type: 'find'; article: { key: string; text: string; format: InputFormat }; top: number; minWords: number }
  /** Writes the index to its storage file now (it is otherwise written a moment after each change). */
  | { type: 'save' };

export type ArchiveRequest = ArchiveCommand & { id: number };

/** Stops a sync in progress: what it did so far stays in the index (the next sync goes on from there). */
export interface ArchiveCancel {
  type: 'cancel';
  id: number;
}

export interface OpenResult {
  /** Documents in the index as loaded: 0 for a new one. */
  documents: number;
  /** Why a kept index was not used, if one was there. */
  discarded?: string;
}

export interface SyncResult {
  report: SyncReport;
  documents: number;
  /** False when the sync was cancelled before its end. */
  finished: boolean;
}

export interface FindResult {
  matches: SourceMatch[];
  documents: number;
}

export type ArchiveResponse =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'done'; id: number; result: unknown }
  | { type: 'failed'; id: number; error: string };
