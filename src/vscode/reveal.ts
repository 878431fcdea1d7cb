import * as vscode from 'vscode';
import { clampRange } from '../core/views/lookup';
import type { Range } from '../core/model';

/**
 * Shows a document with `range` selected, in the editor group that already shows it if any (so a
 * click in the comparison panel does not replace the panel), otherwise in the first group.
 * The range is clamped to the document: it may come from a webview message or a stale comparison.
 */
export async function revealRange(document: vscode.TextDocument, range: Range): Promise<vscode.TextEditor> {
  const [start, end] = clampRange(range, document.getText().length);
  const selection = new vscode.Selection(document.positionAt(start), document.positionAt(end));
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
    selection,
    preserveFocus: false,
  });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
