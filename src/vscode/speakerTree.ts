import * as vscode from 'vscode';
import { SpeakerTreeContent, type QuoteNode, type SpeakerTreeNode } from '../core/views/speakerTreeContent';
import { COMMANDS } from './commandIds';
import type { ComparisonService } from './comparisonService';
import type { RevealArgs } from './hovers';

/**
 * The Speakers view: content from the core (`SpeakerTreeContent`), mapped to TreeItems here.
 * contextValues are `speaker`, `article` and `quote` plus `.matched` for quotes the other article
 * also has, so menus can match them with a regex (`viewItem =~ /^quote/`).
 */
export class SpeakerTreeProvider implements vscode.TreeDataProvider<SpeakerTreeNode>, vscode.Disposable {
  private tree: SpeakerTreeContent | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly service: ComparisonService) {
    // Not refreshed on every keystroke: the debounced re-run brings a new session, and refreshing the
    // whole view per keystroke would make VS Code fetch every open group again.
    this.disposables.push(service.onDidChangeSession(() => this.refresh()));
    this.refresh();
  }

  private refresh(): void {
    const session = this.service.session;
    this.tree = session ? new SpeakerTreeContent(session.comparison) : undefined;
    this.changed.fire();
  }

  /** Conflicting quote pairs, for the view's badge. */
  get conflicts(): number {
    return this.tree?.roots.reduce((sum, speaker) => sum + speaker.conflicts, 0) ?? 0;
  }

  getChildren(node?: SpeakerTreeNode): SpeakerTreeNode[] {
    return this.tree?.children(node) ?? [];
  }

  getParent(node: SpeakerTreeNode): SpeakerTreeNode | undefined {
    return this.tree?.parent(node);
  }

  getTreeItem(node: SpeakerTreeNode): vscode.TreeItem {
    if (node.kind === 'speaker') {
      const item = new vscode.TreeItem(node.label, node.inBoth ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = node.description;
      item.tooltip = node.tooltip;
      item.contextValue = 'speaker';
      item.iconPath = new vscode.ThemeIcon(node.conflicts ? 'warning' : node.speakerId === null ? 'question' : 'person',
        node.conflicts ? new vscode.ThemeColor('compareSources.conflictQuoteBorder') : undefined);
      return item;
    }
    if (node.kind === 'article') {
      // Expanded only when short: an open group of hundreds of quotes buries the other speakers.
      const item = new vscode.TreeItem(node.label, node.quoteIds.length <= 20 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = node.description;
      item.contextValue = 'article';
      item.iconPath = new vscode.ThemeIcon('file-text');
      return item;
    }
    return this.quoteItem(node);
  }

  private quoteItem(node: QuoteNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = new vscode.MarkdownString().appendText(node.text);
    item.contextValue = node.match ? 'quote.matched' : 'quote';
    item.iconPath = new vscode.ThemeIcon(node.match?.conflict ? 'warning' : node.match?.kind === 'altered' ? 'diff-modified' : node.match ? 'link' : 'quote');
    const session = this.service.session;
    if (session) {
      const range = session.liveRange(node.side, node.quoteId) ?? node.range;
      const args: RevealArgs = { uri: session.documents[node.side].uri.toString(), range };
      item.command = { command: COMMANDS.revealRange, title: 'Reveal Quote', arguments: [args] };
    }
    return item;
  }

  dispose(): void {
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}
