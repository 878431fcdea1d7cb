import * as vscode from 'vscode';
import type { ManySpeakerTreeNode } from '../core/views/manySpeakerTreeContent';
import type { SpeakerTreeNode } from '../core/views/speakerTreeContent';
import type { ComparisonService } from './comparisonService';
import type { ManySpeakerTreeProvider } from './manySpeakerTree';
import type { SpeakerTreeProvider } from './speakerTree';

export type SpeakersViewNode = SpeakerTreeNode | ManySpeakerTreeNode;

const isMany = (node: SpeakersViewNode): node is ManySpeakerTreeNode => node.kind.startsWith('many');

/**
 * The one Speakers view, showing the tree of whichever comparison is current: two articles (the
 * pair's tree) or many. VS Code gives a view one data provider; this one hands each question to
 * the tree its node comes from.
 */
export class SpeakersViewProvider implements vscode.TreeDataProvider<SpeakersViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[];
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly service: ComparisonService, private readonly pair: SpeakerTreeProvider, private readonly many: ManySpeakerTreeProvider) {
    this.disposables = [this.changed, pair.onDidChangeTreeData(() => this.changed.fire()), many.onDidChangeTreeData(() => this.changed.fire())];
  }

  /** Attribution conflicts of the current comparison, for the view's badge. */
  get conflicts(): number {
    return this.service.manySession ? this.many.conflicts : this.pair.conflicts;
  }

  getChildren(node?: SpeakersViewNode): SpeakersViewNode[] {
    if (!node) return this.service.manySession ? this.many.getChildren() : this.pair.getChildren();
    return isMany(node) ? this.many.getChildren(node) : this.pair.getChildren(node);
  }

  getParent(node: SpeakersViewNode): SpeakersViewNode | undefined {
    return isMany(node) ? this.many.getParent(node) : this.pair.getParent(node);
  }

  getTreeItem(node: SpeakersViewNode): vscode.TreeItem {
    return isMany(node) ? this.many.getTreeItem(node) : this.pair.getTreeItem(node);
  }

  dispose(): void {
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}
