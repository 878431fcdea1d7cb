import * as vscode from 'vscode';
import { statusBarSummary, statusBarTooltip } from '../core/views/wording';
import { COMMANDS, MANY_PANEL_VIEW_TYPE, PANEL_VIEW_TYPE } from './commandIds';
import { manyStatusSummary, manyStatusTooltip } from '../core/views/manyWording';
import type { ComparisonService } from './comparisonService';

/**
 * The comparison's summary in the status bar (`41% shared · 4 passages · 1 conflict`) while one of
 * the compared articles or the comparison view is the active editor; a click shows the view.
 */
export class ComparisonStatusItem implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('compareSources.summary', vscode.StatusBarAlignment.Right, 100);
  /** Whether the item is shown (a status bar item cannot be asked). */
  shown = false;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly service: ComparisonService) {
    this.item.name = 'Compare Sources';
    this.item.command = COMMANDS.showComparison;
    this.disposables = [
      this.item,
      service.onDidChangeSession(() => this.update()),
      service.onDidChangeManySession(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.tabGroups.onDidChangeTabs(() => this.update()),
      vscode.window.tabGroups.onDidChangeTabGroups(() => this.update()),
    ];
    this.update();
  }

  private update(): void {
    const session = this.service.session;
    const many = this.service.manySession;
    const editor = vscode.window.activeTextEditor;
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    const viewActive = input instanceof vscode.TabInputWebview && (input.viewType.endsWith(PANEL_VIEW_TYPE) || input.viewType.endsWith(MANY_PANEL_VIEW_TYPE));
    const editorSide = editor && session?.sideOf(editor.document.uri);
    const editorDocument = editor && many?.documentOf(editor.document.uri);
    if (session && (editorSide || viewActive)) {
      this.item.text = `$(diff-multiple) ${statusBarSummary(session.comparison, editorSide ?? 'a')}`;
      this.item.tooltip = statusBarTooltip(session.comparison);
    } else if (many && (editorDocument !== undefined || viewActive)) {
      this.item.text = `$(diff-multiple) ${manyStatusSummary(many.comparison, editorDocument)}`;
      this.item.tooltip = manyStatusTooltip(many.comparison);
    } else {
      this.item.hide();
      this.shown = false;
      return;
    }
    this.item.show();
    this.shown = true;
  }

  dispose(): void {
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}
