import * as vscode from 'vscode';
import { decodeText, formatBytes } from '../core/text/decode';

/** A source that cannot be compared, with a message fit for a notification. */
export class SourceError extends Error {}

/**
 * Opens a source as a TextDocument: the document is what gets compared (its text exactly as the
 * editor holds it, so offsets match the editor) and what decorations and edits follow. Files not
 * yet open are read through `workspace.fs` (works for remote and virtual workspaces) and checked
 * for size and binary content before VS Code is asked to open them as text. The document's text
 * itself is checked where it is read for comparing (`readCheckedText`).
 */
export async function openSource(uri: vscode.Uri, maxBytes: number): Promise<vscode.TextDocument> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open;
  if (isNotebook(uri)) throw new SourceError(`Cannot compare ${label(uri)}: it is a notebook, not an article; copy its text into a text file to compare it.`);
  let bytes: Uint8Array;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) throw new SourceError(`${label(uri)} is a folder, not a text file.`);
    if (stat.size > maxBytes) throw tooLarge(uri, stat.size, maxBytes);
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(`Cannot read ${label(uri)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const decoded = decodeText(bytes, { maxBytes });
  if (!decoded.ok) throw new SourceError(`Cannot compare ${label(uri)}: ${decoded.error}.`);
  return vscode.workspace.openTextDocument(uri);
}

/**
 * A notebook is text on disk (JSON) but not an article: comparing its source would report JSON keys
 * and cell metadata as shared passages. Open notebooks are known to the workspace; `.ipynb` catches
 * Jupyter files that are not open.
 */
function isNotebook(uri: vscode.Uri): boolean {
  return /\.ipynb$/i.test(uri.path) || vscode.workspace.notebookDocuments.some((notebook) => notebook.uri.toString() === uri.toString());
}

/**
 * The document's text, checked (it may be untitled or edited, so its bytes on disk say nothing).
 * Read once per comparison, because each `getText()` joins the document's lines anew.
 */
export function readCheckedText(document: vscode.TextDocument, maxBytes: number): string {
  const text = document.getText();
  // UTF-16 length is a lower bound of the UTF-8 size and 3x an upper bound: cheap, and exact enough for a limit.
  if (text.length > maxBytes) throw tooLarge(document.uri, text.length, maxBytes);
  if (text.includes('\0')) throw new SourceError(`Cannot compare ${label(document.uri)}: binary content (contains NUL characters), not a text file.`);
  return text;
}

/** Refuses texts (from `readCheckedText`) that together pass the total limit, counted as `readCheckedText` counts them. */
export function checkTotalSize(texts: readonly string[], maxTotalBytes: number): void {
  const total = texts.reduce((sum, text) => sum + text.length, 0);
  if (total > maxTotalBytes) {
    throw new SourceError(`Cannot compare these ${texts.length} articles: together they are too large (${formatBytes(total)}; the limit is ${formatBytes(maxTotalBytes)}, setting compareSources.maxTotalBytes).`);
  }
}

function tooLarge(uri: vscode.Uri, size: number, maxBytes: number): SourceError {
  return new SourceError(`Cannot compare ${label(uri)}: it is too large (${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}, setting compareSources.maxFileBytes).`);
}

/** A short name for a document: the file name, or the untitled title. */
export function label(uri: vscode.Uri): string {
  const path = uri.path;
  return path.slice(path.lastIndexOf('/') + 1) || uri.toString();
}
