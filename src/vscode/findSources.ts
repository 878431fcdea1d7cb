import * as vscode from 'vscode';
import { MAX_DOCUMENTS } from '../core/model';
import { percent } from '../core/views/wording';
import { COMMANDS, VIEWS } from './commandIds';
import { notificationText as safe } from './notifications';
import type { ComparisonService } from './comparisonService';
import { label, openSource, SourceError } from './documentSource';
import type { FoundSource, SourceIndex, SourcesResult } from './sourceIndex';
import { isSourceDocument } from './sourcePicker';
import { SourcesTreeProvider } from './sourcesTree';

/** What Find Sources did; returned to callers (tests) because notifications cannot be read back. */
export type FindSourcesOutcome =
  | { status: 'found'; result: SourcesResult }
  | { status: 'cancelled' }
  | { status: 'no-article'; message: string }
  | { status: 'error'; message: string };

/**
 * Find Sources: the command (palette, editor title, explorer), the Sources view that shows its
 * answer, and keeping that answer current: it is asked again when the index changes (a file of the
 * workspace was added, edited, deleted, renamed) and when the article is edited.
 */
export class FindSourcesController implements vscode.Disposable {
  readonly tree = new SourcesTreeProvider();
  readonly view: vscode.TreeView<FoundSource>;
  private rerunTimer: ReturnType<typeof setTimeout> | undefined;
  private running: vscode.CancellationTokenSource | undefined;
  private readonly settledListeners: (() => void)[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly index: SourceIndex, private readonly service: ComparisonService, private readonly log: vscode.LogOutputChannel) {
    this.view = vscode.window.createTreeView(VIEWS.sources, { treeDataProvider: this.tree, canSelectMany: true });
    this.disposables.push(
      this.tree, this.view,
      index.onDidUpdate(() => this.scheduleRerun(100)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length && event.document.uri.toString() === this.tree.current?.article.toString()) {
          this.scheduleRerun(this.service.settings.debounceMs);
        }
      }),
    );
  }

  registerCommands(): vscode.Disposable[] {
    return [
      vscode.commands.registerCommand(COMMANDS.findSources, (uri?: unknown) => this.findCommand(uri)),
      vscode.commands.registerCommand(COMMANDS.compareWithSource, (node?: unknown, nodes?: unknown) => this.compareCommand(node, nodes)),
      vscode.commands.registerCommand(COMMANDS.compareSelectedSources, (node?: unknown, nodes?: unknown) => this.compareCommand(node, nodes, true)),
      vscode.commands.registerCommand(COMMANDS.rebuildSourceIndex, () => this.rebuildCommand()),
    ];
  }

  /** Resolves once no re-run of the answer is scheduled or running (for tests: the view then shows the index's answer). */
  whenSettled(): Promise<void> {
    if (this.rerunTimer === undefined && this.running === undefined) return Promise.resolve();
    return new Promise((resolve) => this.settledListeners.push(resolve));
  }

  private async findCommand(uri: unknown): Promise<FindSourcesOutcome> {
    let document: vscode.TextDocument | undefined;
    try {
      document = uri instanceof vscode.Uri ? await openSource(uri, this.service.settings.maxFileBytes) : this.activeArticle();
    } catch (error) {
      return this.failed(error);
    }
    if (!document) {
      const message = 'Find Sources: open an article first; its sources are searched among the workspace\'s documents.';
      void vscode.window.showInformationMessage(message);
      return { status: 'no-article', message };
    }
    const article = document;
    try {
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Find Sources: ${safe(label(article.uri))}`, cancellable: true },
        async (progress, token) => {
          let reported = 0;
          if (!this.index.isBuilt) progress.report({ message: 'indexing the workspace…' });
          // A new index is built; a built one is checked against the workspace (see SourceIndex.refresh).
          await this.index.refresh((done, total) => {
            progress.report({ message: `indexing the workspace: ${done.toLocaleString()} of ${total.toLocaleString()} files`, increment: ((done - reported) / total) * 100 });
            reported = done;
          }, token);
          progress.report({ message: 'comparing the closest documents…' });
          this.cancelRerun();
          const result = await this.index.find(article, token);
          this.present(result);
          await vscode.commands.executeCommand(`${VIEWS.sources}.focus`);
          return { status: 'found', result } as const;
        },
      );
    } catch (error) {
      return this.failed(error);
    }
  }

  private failed(error: unknown): FindSourcesOutcome {
    if (error instanceof vscode.CancellationError) return { status: 'cancelled' };
    const message = error instanceof SourceError ? error.message : `Find Sources failed: ${error instanceof Error ? error.message : String(error)}`;
    this.log.error(message, error);
    void vscode.window.showErrorMessage(safe(message), 'Show Log').then((choice) => { if (choice) this.log.show(); });
    return { status: 'error', message };
  }

  private activeArticle(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document && isSourceDocument(document) ? document : undefined;
  }

  /**
   * The article with the sources chosen in the view (a click, a menu, the view's title: its
   * selection), checked: one source opens the pair's comparison, several the comparison of many
   * articles (up to MAX_DOCUMENTS documents, the article included).
   */
  private async compareCommand(node: unknown, nodes: unknown, fromSelection = false): Promise<unknown> {
    const result = this.tree.current;
    const given = Array.isArray(nodes) && nodes.length > 0 ? nodes : node !== undefined ? [node] : this.view.selection;
    const chosen = result ? given.filter((item): item is FoundSource => result.matches.includes(item as FoundSource)) : [];
    if (!result || chosen.length === 0) {
      if (fromSelection) void vscode.window.showInformationMessage('Compare Sources: select one or more sources in the Sources view first (Find Sources lists them).');
      return undefined;
    }
    if (chosen.length + 1 > MAX_DOCUMENTS) {
      const message = `Compare Sources compares up to ${MAX_DOCUMENTS} articles at once: the article and ${MAX_DOCUMENTS - 1} of its sources; ${chosen.length} are selected.`;
      void vscode.window.showWarningMessage(message);
      return { status: 'error', message };
    }
    return vscode.commands.executeCommand(COMMANDS.compare, result.article, [result.article, ...chosen.map((source) => source.uri)]);
  }


  private async rebuildCommand(): Promise<FindSourcesOutcome | undefined> {
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Find Sources: making the index again', cancellable: true },
        async (progress, token) => {
          let reported = 0;
          await this.index.rebuild((done, total) => {
            progress.report({ message: `${done.toLocaleString()} of ${total.toLocaleString()} files`, increment: ((done - reported) / total) * 100 });
            reported = done;
          }, token);
        },
      );
    } catch (error) {
      return this.failed(error);
    }
    this.scheduleRerun(0);
    return undefined;
  }

  private present(result: SourcesResult): void {
    this.tree.show(result);
    const name = label(result.article);
    this.view.description = name;
    const searched = `${result.documents.toLocaleString()} document${result.documents === 1 ? '' : 's'} searched`;
    const best = result.matches[0];
    this.view.message = best
      ? `${result.matches.length} source${result.matches.length === 1 ? '' : 's'} of ${name} (${searched}); the closest holds ${percent(best.match.shareOfArticle)} of it.`
      : `No document shares a passage of ${result.minWords} words or more with ${name} (${searched}).`;
  }

  private scheduleRerun(delay: number): void {
    if (!this.tree.current) return;
    if (this.rerunTimer !== undefined) clearTimeout(this.rerunTimer);
    this.rerunTimer = setTimeout(() => {
      this.rerunTimer = undefined;
      void this.rerun();
    }, delay);
  }

  private cancelRerun(): void {
    if (this.rerunTimer !== undefined) clearTimeout(this.rerunTimer);
    this.rerunTimer = undefined;
    this.running?.cancel();
  }

  private async rerun(): Promise<void> {
    const current = this.tree.current;
    if (!current) return this.settle();
    this.running?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.running = source;
    try {
      const document = await vscode.workspace.openTextDocument(current.article);
      const result = await vscode.window.withProgress({ location: { viewId: VIEWS.sources } }, () => this.index.find(document, source.token));
      if (this.running === source && this.tree.current === current) this.present(result);
    } catch (error) {
      if (!(error instanceof vscode.CancellationError)) this.log.error('Find Sources: asking again failed', error);
    } finally {
      if (this.running === source) this.running = undefined;
      source.dispose();
      this.settle();
    }
  }

  private settle(): void {
    if (this.rerunTimer !== undefined || this.running !== undefined) return;
    for (const listener of this.settledListeners.splice(0)) listener();
  }

  dispose(): void {
    this.cancelRerun();
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}
