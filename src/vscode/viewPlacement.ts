import * as vscode from 'vscode';
import { withRowBelow, type EditorLayout } from '../core/views/editorLayout';

/** Share of the editor area's height the comparison's row gets in the `full` layout. */
const VIEW_ROW_SHARE = 0.62;

/**
 * The column the comparison view opens in. `full`: a new editor group across the whole width of the
 * editor area, below the editors (the two articles, shown side by side first if they are not
 * visible, so that moving through the comparison can move both). `beside`: right of every visible
 * editor (ViewColumn.Beside would cover the second article whenever the first one has focus).
 */
export async function viewColumnFor(location: 'full' | 'beside', documents: { a: vscode.TextDocument; b: vscode.TextDocument } | undefined): Promise<vscode.ViewColumn> {
  if (location === 'beside') return Math.max(0, ...vscode.window.visibleTextEditors.map((editor) => editor.viewColumn ?? 0)) + 1;
  if (documents) await showSideBySide(documents.a, documents.b);
  const layout = await vscode.commands.executeCommand<EditorLayout>('vscode.getEditorLayout');
  await vscode.commands.executeCommand('vscode.setEditorLayout', withRowBelow(layout, VIEW_ROW_SHARE));
  // The new row is the last group in the grid's order, which is the order of view columns.
  return Math.max(...vscode.window.tabGroups.all.map((group) => group.viewColumn));
}

async function showSideBySide(a: vscode.TextDocument, b: vscode.TextDocument): Promise<void> {
  const columnOf = (document: vscode.TextDocument) => vscode.window.visibleTextEditors.find((editor) => editor.document === document)?.viewColumn;
  const options = { preserveFocus: true, preview: false };
  if (columnOf(a) === undefined && columnOf(b) === undefined) await vscode.window.showTextDocument(a, { ...options, viewColumn: vscode.ViewColumn.One });
  const columnA = columnOf(a);
  if (columnOf(b) === undefined) await vscode.window.showTextDocument(b, { ...options, viewColumn: (columnA ?? vscode.ViewColumn.One) + 1 });
  const columnB = columnOf(b);
  if (columnOf(a) === undefined && columnB !== undefined) await vscode.window.showTextDocument(a, { ...options, viewColumn: columnB + 1 });
}
