import * as vscode from 'vscode';
import { describeMatch, explainMatch } from '../core/views/sourceList';
import { COMMANDS } from './commandIds';
import { label } from './documentSource';
import type { FoundSource, SourcesResult } from './sourceIndex';

/**
 * The Sources view: the last Find Sources answer, one item per source, best first, the shares as
 * description; an item opens the comparison of the article with it. Items are the answer's own
 * objects, so a command receives exactly what the view shows.
 */
export class SourcesTreeProvider implements vscode.TreeDataProvider<FoundSource>, vscode.Disposable {
  private result: SourcesResult | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  get current(): SourcesResult | undefined {
    return this.result;
  }

  show(result: SourcesResult | undefined): void {
    this.result = result;
    this.changed.fire();
  }

  getChildren(node?: FoundSource): FoundSource[] {
    return node ? [] : this.result?.matches ?? [];
  }

  getParent(): undefined {
    return undefined;
  }

  getTreeItem(node: FoundSource): vscode.TreeItem {
    const name = label(node.uri);
    const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
    item.id = node.uri.toString();
    // The file's own icon from the icon theme.
    item.resourceUri = node.uri;
    item.description = describeMatch(node.match);
    const articleName = this.result ? label(this.result.article) : 'the article';
    item.tooltip = new vscode.MarkdownString()
      .appendText(vscode.workspace.asRelativePath(node.uri))
      .appendMarkdown('\n\n')
      .appendText(explainMatch(node.match, articleName, name));
    item.contextValue = 'source';
    item.command = { command: COMMANDS.compareWithSource, title: 'Compare with the Article', arguments: [node] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
