// Holds the Find Sources index of the workspace off the extension host's thread: reads and
// fingerprints the files, answers queries with the exact comparison of the candidates, and keeps
// the index in the extension's workspace storage. Long work (a first build over thousands of files)
// runs in slices, so that a cancel or a query waiting behind it is read between them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { syncArchive, type ArchiveFile } from '../../core/archive/archiveSync';
import { EmbeddedArchiveIndex, IndexFileError } from '../../core/archive/embeddedIndex';
import { findSources } from '../../core/archive/findSources';
import { archiveFileFormat } from '../../core/archive/archiveFiles';
import { DEFAULT_FINGERPRINT_SETTINGS, Fingerprinter, sameSettings, type FingerprintSettings } from '../../core/archive/fingerprints';
import type { ArticleReader, InputFormat, InputFormatChoice } from '../../core/formats/article';
import { loadArticleReader } from '../../core/formats/index';
import { decodeText } from '../../core/text/decode';
import type { ArchiveCancel, ArchiveCommand, ArchiveRequest, ArchiveResponse, FindResult, OpenResult, SyncResult, WorkspaceFile } from './archiveMessages';

const port = parentPort;
if (!port) throw new Error('dist/archiveWorker.js must run as a worker thread');

/** How long a slice of work holds the thread before messages are read. */
const SLICE_MS = 25;
const PROGRESS_EVERY_MS = 150;
/** Changes are written a moment after the last one, so that a burst of them is written once. */
const SAVE_DELAY_MS = 1000;
const TOOL = 'compare-sources extension';

/** What the kept index records besides its fingerprints: whose it is and how it read the files. */
interface IndexMeta {
  tool: typeof TOOL;
  inputFormat: InputFormatChoice;
}

class ArchiveWorker {
  private index = new EmbeddedArchiveIndex(DEFAULT_FINGERPRINT_SETTINGS);
  private fingerprinter = new Fingerprinter(this.index.settings);
  private storageFile: string | undefined;
  private meta: IndexMeta = { tool: TOOL, inputFormat: 'auto' };
  private readers: Record<InputFormat, ArticleReader> | undefined;
  private maxBytes = Number.MAX_SAFE_INTEGER;
  private readonly paths = new Map<string, string>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  readonly cancelled = new Set<number>();

  async handle(request: ArchiveRequest, progress: (done: number, total: number) => void): Promise<unknown> {
    const command: ArchiveCommand = request;
    switch (command.type) {
      case 'open':
        // The readers are loaded once, here, so that reading a file later is synchronous (a sync runs in slices).
        this.readers ??= { text: await loadArticleReader('text'), html: await loadArticleReader('html'), markdown: await loadArticleReader('markdown') };
        this.meta = { tool: TOOL, inputFormat: command.inputFormat };
        return this.open(command.storageFile, command.settings, command.maxBytes, command.fresh);
      case 'sync':
        return this.sync(request.id, command.files, command.complete, progress);
      case 'remove': {
        const folders = command.withContents ? command.keys.map((key) => `${key}/`) : [];
        for (const key of [...this.index.keys()]) {
          if (command.keys.includes(key) || folders.some((folder) => key.startsWith(folder))) {
            this.paths.delete(key);
            this.index.remove(key);
          }
        }
        this.scheduleSave();
        return { documents: this.index.size };
      }
      case 'rename':
        this.paths.delete(command.from.key);
        this.paths.set(command.to.key, command.to.path);
        this.index.rename(command.from.key, command.to.key);
        this.scheduleSave();
        return { documents: this.index.size };
      case 'find':
        return this.find(command.article, command.top, command.minWords);
      case 'save':
        this.save();
        return {};
    }
  }

  private open(storageFile: string | undefined, settings: FingerprintSettings, maxBytes: number, startFresh: boolean): OpenResult {
    this.storageFile = storageFile;
    this.maxBytes = maxBytes;
    this.paths.clear();
    const fresh = (discarded?: string): OpenResult => {
      this.index = new EmbeddedArchiveIndex(settings);
      this.fingerprinter = new Fingerprinter(this.index.settings);
      return discarded === undefined ? { documents: 0 } : { documents: 0, discarded };
    };
    if (!storageFile || !fs.existsSync(storageFile)) return fresh();
    if (startFresh) {
      fs.rmSync(storageFile, { force: true });
      return fresh();
    }
    try {
      const { index, meta } = EmbeddedArchiveIndex.deserialize(fs.readFileSync(storageFile));
      const kept = meta as Partial<IndexMeta> | null;
      if (kept?.tool !== TOOL) return fresh('not an index of this extension');
      if (kept.inputFormat !== this.meta.inputFormat) return fresh(`files read as ${kept.inputFormat}, now as ${this.meta.inputFormat}`);
      if (!sameSettings(index.settings, new Fingerprinter(settings).settings)) return fresh('made with other fingerprint settings');
      this.index = index;
      this.fingerprinter = new Fingerprinter(index.settings);
      return { documents: index.size };
    } catch (error) {
      if (error instanceof IndexFileError) return fresh(error.message);
      throw error;
    }
  }

  private async sync(id: number, given: WorkspaceFile[], complete: boolean, progress: (done: number, total: number) => void): Promise<SyncResult> {
    const files: ArchiveFile[] = [];
    let sliceStart = Date.now();
    for (const file of given) {
      this.paths.set(file.key, file.path);
      try {
        const info = fs.statSync(file.path);
        if (info.isFile()) files.push({ key: file.key, size: info.size, modified: info.mtimeMs });
      } catch {
        // gone since it was listed: a complete sync removes it, a partial one by the remove that follows
      }
      if (Date.now() - sliceStart > SLICE_MS) {
        await nextTurn();
        if (this.cancelled.delete(id)) return { report: emptyReport(), documents: this.index.size, finished: false };
        sliceStart = Date.now();
      }
    }
    const reader = { read: (key: string) => this.readBytes(key), articleText: (key: string, text: string) => this.articleText(key, text) };
    const steps = syncArchive(this.index, files, reader, this.fingerprinter, { maxBytes: this.maxBytes, removeUnlisted: complete });
    let lastProgress = 0;
    sliceStart = Date.now();
    try {
      for (;;) {
        const step = steps.next();
        if (step.done) return { report: step.value, documents: this.index.size, finished: true };
        if (Date.now() - lastProgress > PROGRESS_EVERY_MS) {
          lastProgress = Date.now();
          progress(step.value.done, step.value.total);
        }
        if (Date.now() - sliceStart > SLICE_MS) {
          await nextTurn();
          if (this.cancelled.delete(id)) return { report: emptyReport(), documents: this.index.size, finished: false };
          sliceStart = Date.now();
        }
      }
    } finally {
      this.scheduleSave();
    }
  }

  private find(article: { key: string; text: string; format: InputFormat }, top: number, minWords: number): FindResult {
    const matches = findSources(this.index, this.read(article.format, article.text), (key) => {
      const bytes = this.readBytes(key);
      const decoded = bytes && decodeText(bytes, { maxBytes: this.maxBytes });
      return decoded && decoded.ok ? this.articleText(key, decoded.text) : undefined;
    }, { top, exclude: [article.key], compare: { minWords } });
    return { matches, documents: this.index.size };
  }

  /** A file's article text, as the comparison reads it: the figures listed are the pair comparison's. */
  private articleText(key: string, text: string): string {
    return this.read(archiveFileFormat(this.paths.get(key) ?? key, this.meta.inputFormat), text);
  }

  private read(format: InputFormat, text: string): string {
    if (!this.readers) throw new Error('the archive worker reads files only once it is open');
    return this.readers[format](text).text;
  }

  private readBytes(key: string): Uint8Array | undefined {
    const file = this.paths.get(key);
    if (file === undefined) return undefined;
    try {
      return fs.readFileSync(file);
    } catch {
      return undefined;
    }
  }

  private scheduleSave(): void {
    if (!this.storageFile || this.saveTimer !== undefined) return;
    this.saveTimer = setTimeout(() => this.save(), SAVE_DELAY_MS);
  }

  /** Appends the changes to the kept file, or writes it anew beside and renames it into place. */
  save(): void {
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const file = this.storageFile;
    if (!file) return;
    const save = this.index.save(this.meta);
    if (!save) return;
    if (save.append && fs.existsSync(file)) {
      fs.appendFileSync(file, save.bytes);
      return;
    }
    const bytes = save.append ? this.index.serialize(this.meta) : save.bytes;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, file);
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function emptyReport(): SyncResult['report'] {
  return { added: 0, updated: 0, restamped: 0, removed: 0, unchanged: 0, skipped: [] };
}

const worker = new ArchiveWorker();
const queue: ArchiveRequest[] = [];
let busy = false;

const post = (response: ArchiveResponse): void => port.postMessage(response);

async function pump(): Promise<void> {
  if (busy) return;
  busy = true;
  while (queue.length > 0) {
    const request = queue.shift()!;
    try {
      const result = await worker.handle(request, (done, total) => post({ type: 'progress', id: request.id, done, total }));
      post({ type: 'done', id: request.id, result });
    } catch (error) {
      post({ type: 'failed', id: request.id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    } finally {
      worker.cancelled.delete(request.id);
    }
  }
  busy = false;
}

port.on('message', (message: ArchiveRequest | ArchiveCancel) => {
  if (message.type === 'cancel') {
    worker.cancelled.add(message.id);
    return;
  }
  queue.push(message);
  void pump();
});
