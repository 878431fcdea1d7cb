import * as vscode from 'vscode';
import { ManySpeakerTreeContent, type ManySpeakerTreeNode, type ManyVersionNode, type StatementStatus } from '../core/views/manySpeakerTreeContent';
import { COMMANDS } from './commandIds';
import type { ComparisonService } from './comparisonService';
import type { RevealArgs } from './hovers';

const STATUS_ICON: Record<StatementStatus, string> = { conflict: 'warning', altered: 'diff-modified', contained: 'link', identical: 'pass', onlyHere: 'circle-outline' };

/**
 * The Speakers view for a comparison of many articles: content from the core
 * (`ManySpeakerTreeContent`: speakers, their statements, each article's version), mapped to
 * TreeItems. A statement's click reveals it in every open editor of the compared articles (one
 * `revealRange` argument per article), a version's in its own; versions have the contextValues `quote` and `quote.matched` so that the
 * quote menus apply to them.
 */
export class ManySpeakerTreeProvider implements vscode.TreeDataProvider<ManySpeakerTreeNode>, vscode.Disposable {
  private tree: ManySpeakerTreeContent | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly service: ComparisonService) {
    this.disposables.push(service.onDidChangeManySession(() => this.refresh()));
    this.refresh();
  }

  private refresh(): void {
    const session = this.service.manySession;
    this.tree = session ? new ManySpeakerTreeContent(session.index) : undefined;
    this.changed.fire();
  }

  /** Statements the articles give to different speakers, counted once each (the view's badge). */
  get conflicts(): number {
    return this.service.manySession?.comparison.quoteClusters.filter((cluster) => cluster.conflict).length ?? 0;
  }

  /** The content, for tests and for revealing a quote's node. */
  get content(): ManySpeakerTreeContent | undefined {
    return this.tree;
  }

  getChildren(node?: ManySpeakerTreeNode): ManySpeakerTreeNode[] {
    return this.tree?.children(node) ?? [];
  }

  getParent(node: ManySpeakerTreeNode): ManySpeakerTreeNode | undefined {
    return this.tree?.parent(node);
  }

  getTreeItem(node: ManySpeakerTreeNode): vscode.TreeItem {
    const session = this.service.manySession;
    if (node.kind === 'manySpeaker') {
      const item = new vscode.TreeItem(node.label, node.shared ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = node.description;
      item.tooltip = node.tooltip;
      item.contextValue = 'speaker';
      item.iconPath = new vscode.ThemeIcon(node.conflicts ? 'warning' : node.speakerId === null ? 'question' : 'person',
        node.conflicts ? new vscode.ThemeColor('compareSources.conflictQuoteBorder') : undefined);
      return item;
    }
    if (node.kind === 'manyStatement') {
      const open = node.status === 'conflict' || node.status === 'altered';
      const item = new vscode.TreeItem(node.label, open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = node.description;
      item.tooltip = new vscode.MarkdownString().appendText(node.tooltip);
      item.contextValue = 'statement';
      item.iconPath = new vscode.ThemeIcon(STATUS_ICON[node.status]);
      if (session) {
        const targets = node.versions.map((version) => revealArgs(this.service, version)).filter((args): args is RevealArgs => args !== undefined);
        item.command = { command: COMMANDS.revealRange, title: 'Reveal in Every Article', arguments: targets };
      }
      return item;
    }
    return this.versionItem(node);
  }

  private versionItem(node: ManyVersionNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = new vscode.MarkdownString().appendText(`${node.text}\n\n${node.tooltip}`);
    item.contextValue = node.matched ? 'quote.matched' : 'quote';
    item.iconPath = new vscode.ThemeIcon('file-text');
    const args = revealArgs(this.service, node);
    if (args) item.command = { command: COMMANDS.revealRange, title: 'Reveal Quote', arguments: [args] };
    return item;
  }

  dispose(): void {
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}

/** Where a version stands now (its live range), as the reveal commands take it. */
function revealArgs(service: ComparisonService, node: ManyVersionNode): RevealArgs | undefined {
  const session = service.manySession;
  const document = session?.documents[node.document];
  if (!session || !document) return undefined;
  return { uri: document.uri.toString(), range: session.liveRange(node.document, node.quoteId) ?? node.range };
}
