import * as vscode from 'vscode';
import { QUOTE_SWATCHES } from '../core/views/palette';
import { SpeakerTreeContent, type QuoteNode, type SpeakerTreeNode, type StatementNode } from '../core/views/speakerTreeContent';
import { conflictCount } from '../core/views/wording';
import { COMMANDS } from './commandIds';
import type { ComparisonService } from './comparisonService';
import type { RevealArgs } from './hovers';

/**
 * The Speakers view: content from the core (`SpeakerTreeContent`), mapped to TreeItems here: a
 * speaker, their statements (status first, in the status's colour), each article's version.
 * contextValues are `speaker`, `statement` and `quote` plus `.matched` for quotes the other article
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
    const session = this.service.session;
    return session ? conflictCount(session.comparison) : 0;
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
        node.conflicts ? new vscode.ThemeColor(QUOTE_SWATCHES.conflict.colour) : undefined);
      return item;
    }
    if (node.kind === 'statement') return this.statementItem(node);
    return this.quoteItem(node);
  }

  private statementItem(node: StatementNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = new vscode.MarkdownString().appendText(node.tooltip);
    item.contextValue = 'statement';
    const swatch = QUOTE_SWATCHES[node.status];
    item.iconPath = new vscode.ThemeIcon(swatch.icon, new vscode.ThemeColor(swatch.colour));
    const session = this.service.session;
    if (session) {
      const ranges = (['a', 'b'] as const).flatMap((side) => {
        const quoteId = node.quotes[side][0];
        return quoteId === undefined ? [] : [{ uri: session.documents[side].uri.toString(), range: session.liveRange(side, quoteId) ?? session.comparison[side].quotes[quoteId].range }];
      });
      item.command = { command: COMMANDS.revealRange, title: 'Reveal Statement', arguments: ranges };
    }
    return item;
  }

  private quoteItem(node: QuoteNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = new vscode.MarkdownString().appendText(node.text);
    item.contextValue = node.match ? 'quote.matched' : 'quote';
    item.iconPath = new vscode.ThemeIcon('file-text');
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
