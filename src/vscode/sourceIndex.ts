import * as vscode from 'vscode';
import type { SourceMatch } from '../core/archive/findSources';
import { sameSettings, type FingerprintSettings } from '../core/archive/fingerprints';
import type { InputFormatChoice } from '../core/formats/article';
import { parseInputFormatChoice, resolveInputFormat } from '../core/formats/formatChoice';
import { VIEWS } from './commandIds';
import type { Settings } from './configuration';
import { readCheckedText, SourceError } from './documentSource';
import { affectsFindSources, readFindSourcesSettings, type FindSourcesSettings } from './findSourcesSettings';
import type { ArchiveRunner } from './worker/archiveRunner';
import type { FindResult, OpenResult, SyncResult, WorkspaceFile } from './worker/archiveMessages';

export interface FoundSource {
  uri: vscode.Uri;
  match: SourceMatch;
}

/** One Find Sources answer: the article, its sources best first, and what was searched. */
export interface SourcesResult {
  article: vscode.Uri;
  matches: FoundSource[];
  /** Documents in the index when it was asked. */
  documents: number;
  minWords: number;
}

export type IndexProgress = (done: number, total: number) => void;

/** Changes seen by the watcher are applied together, a moment after the last one. */
const WATCH_DELAY_MS = 300;
const STORAGE_FILE = 'find-sources.index';
const INPUT_FORMAT_SETTING = 'compareSources.inputFormat';

/**
 * The workspace's Find Sources index, held by the archive worker: built (or loaded from the
 * extension's workspace storage and brought up to date) the first time it is needed, then kept in
 * step by a file system watcher (added, changed, deleted and renamed files), made again when the
 * fingerprint settings change, and brought in line with the include/exclude settings when they do.
 */
export class SourceIndex implements vscode.Disposable {
  private settings: FindSourcesSettings = readFindSourcesSettings();
  /** How the files were read when the index was opened (the `inputFormat` setting): another makes it again. */
  private readAs: InputFormatChoice;
  private opening: Promise<void> | undefined;
  private built: FingerprintSettings | undefined;
  private watching: vscode.Disposable[] = [];
  private readonly changed = new Map<string, vscode.Uri>();
  private readonly deleted = new Map<string, vscode.Uri>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly updated = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.updated];
  /** The index changed under a watcher event, a rename or a setting: answers given before may be stale. */
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly runner: ArchiveRunner,
    private readonly storageUri: vscode.Uri | undefined,
    private readonly compareSettings: () => Settings,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.readAs = compareSettings().inputFormat;
    this.disposables.push(
      runner.onDidLoseIndex(() => this.forget()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsFindSources(event) || event.affectsConfiguration(INPUT_FORMAT_SETTING)) this.onSettingsChanged();
      }),
    );
  }

  get isBuilt(): boolean {
    return this.opening !== undefined;
  }

  /** The fingerprint settings of the index as last built or brought up to date; undefined before. */
  get builtWith(): FingerprintSettings | undefined {
    return this.built;
  }

  /** Builds or loads the index the first time; later calls find it ready (the watcher keeps it so). */
  ready(progress?: IndexProgress, token?: vscode.CancellationToken): Promise<void> {
    if (!this.opening) {
      const opening = this.open(false, progress, token);
      this.opening = opening;
      // A cancelled or failed first build is tried again next time; what it indexed stays.
      opening.catch(() => {
        if (this.opening === opening) this.forget();
      });
    }
    return this.opening;
  }

  /**
   * Brings an index already built in line with the workspace as it is now: the stamps of every file
   * compared (only changed files are read). Find Sources does this each time it is asked, so that its
   * answer never rests on the file watcher alone, which reports another program's writes late (seconds,
   * on a loaded machine over a minute) and on some file systems not at all.
   */
  async refresh(progress?: IndexProgress, token?: vscode.CancellationToken): Promise<void> {
    const opening = this.opening;
    if (!opening) return this.ready(progress, token);
    await opening;
    const files = await this.listWorkspace(token);
    const synced = await this.runner.request<SyncResult>({ type: 'sync', files, complete: true }, { token, progress });
    if (!synced.finished) throw new vscode.CancellationError();
  }

  /** Throws the index away and builds it again. */
  rebuild(progress?: IndexProgress, token?: vscode.CancellationToken): Promise<void> {
    this.forget();
    const opening = this.open(true, progress, token);
    this.opening = opening;
    opening.catch(() => {
      if (this.opening === opening) this.forget();
    });
    return opening;
  }

  /** The sources of a document's current text, best first. */
  async find(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<SourcesResult> {
    await this.ready(undefined, token);
    const { maxFileBytes, minPassageWords } = this.compareSettings();
    const text = readCheckedText(document, maxFileBytes);
    const format = resolveInputFormat(this.compareSettings().inputFormat, { languageId: document.languageId, fileName: document.uri.path });
    const result = await this.runner.request<FindResult>({
      type: 'find', article: { key: document.uri.toString(), text, format }, top: this.settings.maxResults, minWords: minPassageWords,
    }, { token });
    return {
      article: document.uri,
      matches: result.matches.map((match) => ({ uri: vscode.Uri.parse(match.key, true), match })),
      documents: result.documents,
      minWords: minPassageWords,
    };
  }

  private async open(fresh: boolean, progress: IndexProgress | undefined, token: vscode.CancellationToken | undefined): Promise<void> {
    const started = Date.now();
    if (!vscode.workspace.workspaceFolders?.some((folder) => folder.uri.scheme === 'file')) {
      throw new SourceError('Find Sources searches the files of a folder on disk: open the folder that holds the archive (File > Open Folder).');
    }
    const storageFile = this.storageUri?.scheme === 'file' ? vscode.Uri.joinPath(this.storageUri, STORAGE_FILE).fsPath : undefined;
    const opened = await this.runner.request<OpenResult>({
      type: 'open', storageFile, settings: this.settings.fingerprint, inputFormat: this.readAs, maxBytes: this.compareSettings().maxFileBytes, fresh,
    }, { token });
    if (opened.discarded) this.log.info(`Find Sources: the kept index was not used (${opened.discarded}); it is made again`);
    // Watching starts before the listing, so that a change made meanwhile is not missed.
    this.watch();
    const files = await this.listWorkspace(token);
    const synced = await this.runner.request<SyncResult>({ type: 'sync', files, complete: true }, { token, progress });
    if (!synced.finished) throw new vscode.CancellationError();
    this.built = this.settings.fingerprint;
    const { added, updated, removed, skipped } = synced.report;
    this.log.info(`Find Sources: ${synced.documents} documents indexed in ${Date.now() - started} ms `
      + `(${opened.documents ? `kept index of ${opened.documents}` : 'new index'}; ${added} added, ${updated} updated, ${removed} removed, ${skipped.length} not text)`);
  }

  private async listWorkspace(token?: vscode.CancellationToken): Promise<WorkspaceFile[]> {
    const uris = await vscode.workspace.findFiles(this.settings.include, this.settings.exclude, undefined, token);
    // The worker reads files from disk; a virtual workspace's files are out of its reach.
    return uris.filter((uri) => uri.scheme === 'file').map((uri) => ({ key: uri.toString(), path: uri.fsPath }));
  }

  private watch(): void {
    if (this.watching.length) return;
    const watcher = vscode.workspace.createFileSystemWatcher(this.settings.include);
    const noteChange = (uri: vscode.Uri) => {
      this.deleted.delete(uri.toString());
      this.changed.set(uri.toString(), uri);
      this.scheduleFlush();
    };
    this.watching = [
      watcher,
      watcher.onDidCreate(noteChange),
      watcher.onDidChange(noteChange),
      // A save in the editor is known at once; the watcher may report it seconds later on a busy machine.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (document.uri.scheme === 'file') noteChange(document.uri);
      }),
      // Not only the watched files: a deleted folder is reported as the folder alone.
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.noteDeleted(uri))),
      watcher.onDidDelete((uri) => this.noteDeleted(uri)),
      vscode.workspace.onDidRenameFiles((event) => void this.renamed(event.files)),
    ];
  }

  private noteDeleted(uri: vscode.Uri): void {
    this.changed.delete(uri.toString());
    this.deleted.set(uri.toString(), uri);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flush().catch((error: unknown) => this.log.error('Find Sources: updating the index failed', error));
    }, WATCH_DELAY_MS);
  }

  /** Applies the changes seen since the last flush: removals, then the changed files that the include/exclude settings keep. */
  private async flush(): Promise<void> {
    const opening = this.opening;
    if (!opening) return;
    await opening;
    const deleted = [...this.deleted.keys()];
    const changed = new Map(this.changed);
    this.deleted.clear();
    this.changed.clear();
    if (deleted.length) await this.runner.request({ type: 'remove', keys: deleted, withContents: true });
    if (changed.size) {
      // The watcher sees every file its include glob matches; the exclude glob is VS Code's own to apply.
      const kept = new Set((await this.listWorkspace()).map((file) => file.key));
      const files = [...changed.values()].filter((uri) => kept.has(uri.toString())).map((uri) => ({ key: uri.toString(), path: uri.fsPath }));
      const excluded = [...changed.keys()].filter((key) => !kept.has(key));
      if (excluded.length) await this.runner.request({ type: 'remove', keys: excluded, withContents: false });
      if (files.length) await this.runner.request({ type: 'sync', files, complete: false });
    }
    if (this.opening === opening) this.updated.fire();
  }

  private async renamed(files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<void> {
    if (!this.opening) return;
    await this.opening;
    for (const { oldUri, newUri } of files) {
      if (oldUri.scheme !== 'file' || newUri.scheme !== 'file') continue;
      await this.runner.request({ type: 'rename', from: { key: oldUri.toString(), path: oldUri.fsPath }, to: { key: newUri.toString(), path: newUri.fsPath } });
    }
    // A renamed folder moves every file under it, which the watcher reports one by one: those flush as usual.
    this.updated.fire();
  }

  private onSettingsChanged(): void {
    const before = this.settings;
    const readBefore = this.readAs;
    this.settings = readFindSourcesSettings();
    // The comparison service reads its settings on the same event; read the one that matters here directly.
    this.readAs = parseInputFormatChoice(vscode.workspace.getConfiguration().get(INPUT_FORMAT_SETTING)) ?? 'auto';
    if (!this.opening) return;
    const fingerprintsChanged = !sameSettings(before.fingerprint, this.settings.fingerprint) || readBefore !== this.readAs;
    const filesChanged = before.include !== this.settings.include || before.exclude !== this.settings.exclude;
    if (!fingerprintsChanged && !filesChanged) return;
    this.forget();
    this.inBackground(fingerprintsChanged ? 'Making the Find Sources index again (its settings changed)' : 'Updating the Find Sources index',
      (progress, token) => (fingerprintsChanged ? this.rebuild(progress, token) : this.ready(progress, token)));
  }

  /** Work nobody waits for, shown in the Sources view's progress bar. */
  private inBackground(title: string, work: (progress: IndexProgress, token: vscode.CancellationToken) => Promise<void>): void {
    void vscode.window.withProgress({ location: { viewId: VIEWS.sources }, title, cancellable: false }, async () => {
      const source = new vscode.CancellationTokenSource();
      try {
        await work(() => undefined, source.token);
        this.updated.fire();
      } catch (error) {
        if (!(error instanceof vscode.CancellationError)) this.log.error(`Find Sources: ${title} failed`, error);
      } finally {
        source.dispose();
      }
    });
  }

  /** Forgets the index state (the next `ready` opens it again) and stops watching. */
  private forget(): void {
    this.opening = undefined;
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.changed.clear();
    this.deleted.clear();
    for (const disposable of this.watching) disposable.dispose();
    this.watching = [];
  }

  dispose(): void {
    this.forget();
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}
