import * as vscode from 'vscode';
import type { Comparison, ManyComparison } from './core/model';
import { MANY_PANEL_VIEW_TYPE, VIEWS, PANEL_VIEW_TYPE } from './vscode/commandIds';
import { registerCommands } from './vscode/commands';
import { CompareRunner } from './vscode/worker/compareRunner';
import { ComparisonPanel, ComparisonPanelSerializer } from './vscode/comparisonPanel';
import { ComparisonService } from './vscode/comparisonService';
import { ComparisonContextKeys } from './vscode/contextKeys';
import { ComparisonDecorations, type PaintedDecorations } from './vscode/decorations';
import { QuoteHoverProvider } from './vscode/hovers';
import { createLog } from './vscode/log';
import { ComparisonNavigator } from './vscode/navigator';
import { SpeakerTreeProvider } from './vscode/speakerTree';
import { ManyComparisonPanel, ManyComparisonPanelSerializer } from './vscode/manyComparisonPanel';
import { ManyQuoteHoverProvider } from './vscode/manyHovers';
import { ManySpeakerTreeProvider } from './vscode/manySpeakerTree';
import { SpeakersViewProvider, type SpeakersViewNode } from './vscode/speakersView';
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
  /** The current comparison result of two articles, if any. */
  comparison(): Comparison | undefined;
  /** The current comparison result of three or more articles, if any. */
  manyComparison(): ManyComparison | undefined;
  /** The comparison panel, if open. */
  panel(): vscode.WebviewPanel | undefined;
  /** The comparison view of three or more articles, if open. */
  manyPanel(): vscode.WebviewPanel | undefined;
  speakerTree: SpeakerTreeProvider;
  /** The Speakers view's tree when many articles are compared. */
  manySpeakerTree: ManySpeakerTreeProvider;
  /** The Speakers view (whether it is visible, its selection). */
  speakerView: vscode.TreeView<SpeakersViewNode>;
  /** The context keys last set (VS Code cannot read them back). */
  contextKeys(): Readonly<Record<string, boolean | readonly string[]>>;
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
  const manySpeakerTree = new ManySpeakerTreeProvider(service);
  const speakersView = new SpeakersViewProvider(service, speakerTree, manySpeakerTree);
  const serializer = new ComparisonPanelSerializer(panel, service, context.workspaceState, log);
  const manyPanel = new ManyComparisonPanel(context.extensionUri, service, log);
  const treeView = vscode.window.createTreeView(VIEWS.speakers, { treeDataProvider: speakersView, showCollapseAll: true });
  const navigator = new ComparisonNavigator(service, panel, log, manyPanel);
  const contextKeys = new ComparisonContextKeys(service);
  const status = new ComparisonStatusItem(service);
  const updateBadge = () => {
    const conflicts = speakersView.conflicts;
    treeView.badge = conflicts ? { value: conflicts, tooltip: conflictsSummary(conflicts) } : undefined;
  };

  const archiveRunner = new ArchiveRunner(vscode.Uri.joinPath(context.extensionUri, 'dist', 'archiveWorker.js').fsPath, log);
  const sourceIndex = new SourceIndex(archiveRunner, context.storageUri, () => service.settings, log);
  const findSources = new FindSourcesController(sourceIndex, service, log);

  context.subscriptions.push(
    log, runner, service, panel, manyPanel, decorations, speakerTree, manySpeakerTree, speakersView, treeView, navigator, contextKeys, status,
    archiveRunner, sourceIndex, findSources, ...findSources.registerCommands(),
    service.onDidChangeSession(updateBadge),
    service.onDidChangeManySession(updateBadge),
    vscode.languages.registerHoverProvider('*', new QuoteHoverProvider(service)),
    vscode.languages.registerHoverProvider('*', new ManyQuoteHoverProvider(service)),
    serializer,
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, serializer),
    vscode.window.registerWebviewPanelSerializer(MANY_PANEL_VIEW_TYPE, new ManyComparisonPanelSerializer(manyPanel, service, log)),
    ...registerCommands({ service, panel, manyPanel, navigator, log }),
  );
  return {
    decorationsOf: (uri) => decorations.decorationsOf(uri),
    decorationsPainted: () => decorations.whenPainted(),
    comparison: () => service.session?.comparison,
    manyComparison: () => service.manySession?.comparison,
    panel: () => panel.webviewPanel,
    manyPanel: () => manyPanel.webviewPanel,
    speakerTree,
    manySpeakerTree,
    speakerView: treeView,
    contextKeys: () => contextKeys.current,
    statusItem: () => ({ text: status.item.text, visible: status.shown }),
    sources: { tree: findSources.tree, view: findSources.view, whenSettled: () => findSources.whenSettled(), index: sourceIndex },
  };
}

export function deactivate(): void {}
