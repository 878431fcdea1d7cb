import * as vscode from 'vscode';
import type { Comparison } from './core/model';
import { VIEWS, PANEL_VIEW_TYPE } from './vscode/commandIds';
import { registerCommands } from './vscode/commands';
import { CompareRunner } from './vscode/worker/compareRunner';
import { ComparisonPanel, ComparisonPanelSerializer } from './vscode/comparisonPanel';
import { ComparisonService } from './vscode/comparisonService';
import { ComparisonContextKeys } from './vscode/contextKeys';
import { ComparisonDecorations, type PaintedDecorations } from './vscode/decorations';
import { QuoteHoverProvider } from './vscode/hovers';
import { createLog } from './vscode/log';
import { ComparisonNavigator } from './vscode/navigator';
import type { SpeakerTreeNode } from './core/views/speakerTreeContent';
import { SpeakerTreeProvider } from './vscode/speakerTree';
import { ComparisonStatusItem } from './vscode/statusBar';
import { conflictsSummary } from './core/views/wording';
import { FindSourcesController } from './vscode/findSources';
import type { FoundSource } from './vscode/sourceIndex';
import { SourceIndex } from './vscode/sourceIndex';
import type { SourcesTreeProvider } from './vscode/sourcesTree';
import { ArchiveRunner } from './vscode/worker/archiveRunner';

/**
 * What `activate` returns: state that the VS Code API cannot read back, for the integration tests.
 * Everything else (hovers, commands, tree items, the panel's existence) is asserted through the real API.
 */
export interface CompareSourcesApi {
  /** Decorations last set on the editors of a document, by kind. */
  decorationsOf(uri: vscode.Uri): PaintedDecorations;
  /** Resolves when the decorations of the latest comparison are painted (they are painted an editor per event-loop turn). */
  decorationsPainted(): Promise<void>;
  /** The current comparison result, if any. */
  comparison(): Comparison | undefined;
  /** The comparison panel, if open. */
  panel(): vscode.WebviewPanel | undefined;
  speakerTree: SpeakerTreeProvider;
  /** The Speakers view (whether it is visible, its selection). */
  speakerView: vscode.TreeView<SpeakerTreeNode>;
  /** The context keys last set (VS Code cannot read them back). */
  contextKeys(): Readonly<Record<string, boolean>>;
  /** The status bar item (its text, and whether it is shown: `visible`). */
  statusItem(): { text: string; visible: boolean };
  /** Find Sources: the Sources view, and a promise that resolves once its answer is asked again after a change. */
  sources: { tree: SourcesTreeProvider; view: vscode.TreeView<FoundSource>; whenSettled(): Promise<void>; index: SourceIndex };
}

export function activate(context: vscode.ExtensionContext): CompareSourcesApi {
  const log = createLog();
  const runner = new CompareRunner(vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath, log);
  const service = new ComparisonService(runner, log);
  const panel = new ComparisonPanel(context.extensionUri, service, log);
  const decorations = new ComparisonDecorations(service);
  const speakerTree = new SpeakerTreeProvider(service);
  const serializer = new ComparisonPanelSerializer(panel, service, context.workspaceState, log);
  const treeView = vscode.window.createTreeView(VIEWS.speakers, { treeDataProvider: speakerTree, showCollapseAll: true });
  const navigator = new ComparisonNavigator(service, panel, log);
  const contextKeys = new ComparisonContextKeys(service);
  const status = new ComparisonStatusItem(service);
  const updateBadge = () => {
    const conflicts = speakerTree.conflicts;
    treeView.badge = conflicts ? { value: conflicts, tooltip: conflictsSummary(conflicts) } : undefined;
  };

  const archiveRunner = new ArchiveRunner(vscode.Uri.joinPath(context.extensionUri, 'dist', 'archiveWorker.js').fsPath, log);
  const sourceIndex = new SourceIndex(archiveRunner, context.storageUri, () => service.settings, log);
  const findSources = new FindSourcesController(sourceIndex, service, log);

  context.subscriptions.push(
    log, runner, service, panel, decorations, speakerTree, treeView, navigator, contextKeys, status,
    archiveRunner, sourceIndex, findSources, ...findSources.registerCommands(),
    service.onDidChangeSession(updateBadge),
    vscode.languages.registerHoverProvider('*', new QuoteHoverProvider(service)),
    serializer,
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, serializer),
    ...registerCommands({ service, panel, navigator, log }),
  );
  return {
    decorationsOf: (uri) => decorations.decorationsOf(uri),
    decorationsPainted: () => decorations.whenPainted(),
    comparison: () => service.session?.comparison,
    panel: () => panel.webviewPanel,
    speakerTree,
    speakerView: treeView,
    contextKeys: () => contextKeys.current,
    statusItem: () => ({ text: status.item.text, visible: status.shown }),
    sources: { tree: findSources.tree, view: findSources.view, whenSettled: () => findSources.whenSettled(), index: sourceIndex },
  };
}

export function deactivate(): void {}
