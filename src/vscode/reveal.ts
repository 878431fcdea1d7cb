import * as vscode from 'vscode';
import { clampRange } from '../core/views/lookup';
import type { Range, Side } from '../core/model';

/**
 * Shows a document with `range` selected, in the editor group that already shows it if any (so a
 * click in the comparison panel does not replace the panel), otherwise in the first group.
 * The range is clamped to the document: it may come from a webview message or a stale comparison.
 */
export async function revealRange(document: vscode.TextDocument, range: Range, options: { column?: vscode.ViewColumn; preserveFocus?: boolean } = {}): Promise<vscode.TextEditor> {
  const [start, end] = clampRange(range, document.getText().length);
  const selection = new vscode.Selection(document.positionAt(start), document.positionAt(end));
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: visible?.viewColumn ?? options.column ?? vscode.ViewColumn.One,
    selection,
    preserveFocus: options.preserveFocus ?? false,
  });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/**
 * Reveals a range in each of the two compared documents, side by side: a document not visible
 * opens beside the other rather than in its place. `focus` is the side that takes the focus (none:
 * the focus stays where it is, in the comparison view say).
 */
export async function revealInBoth(documents: { readonly a: vscode.TextDocument; readonly b: vscode.TextDocument }, ranges: Partial<Record<Side, Range>>, focus?: Side): Promise<void> {
  const columnOf = (side: Side) => vscode.window.visibleTextEditors.find((editor) => editor.document === documents[side])?.viewColumn;
  const sides = (['a', 'b'] as const).filter((side) => ranges[side] !== undefined);
  // The side to focus last, so that revealing the other one does not take the focus back.
  sides.sort((x, y) => Number(x === focus) - Number(y === focus));
  for (const side of sides) {
    const other: Side = side === 'a' ? 'b' : 'a';
    const beside = columnOf(other);
    const column = beside === undefined ? vscode.ViewColumn.One : beside === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await revealRange(documents[side], ranges[side] as Range, { column, preserveFocus: side !== focus });
  }
}

/**
 * Shows each range in the editor that shows its document, without taking the focus: a statement or a
 * passage of many articles revealed in every open editor at once. When none of the documents is in a
 * visible editor, the first is opened as `revealRange` opens it.
 */
export async function revealInOpenEditors(targets: ReadonlyArray<{ document: vscode.TextDocument; range: Range }>): Promise<void> {
  let shown = 0;
  for (const { document, range } of targets) {
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
    if (!editor) continue;
    const [start, end] = clampRange(range, document.getText().length);
    const selection = new vscode.Selection(document.positionAt(start), document.positionAt(end));
    editor.selection = selection;
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    shown++;
  }
  if (shown === 0 && targets.length > 0) await revealRange(targets[0].document, targets[0].range);
}
