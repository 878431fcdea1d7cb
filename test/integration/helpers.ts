// Shared steps of the extension's integration tests: open the two sample articles side by side and
// run the real command, then read state back from VS Code (and, for decorations, from the API).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CompareSourcesApi } from '../../src/extension';
import type { CompareOutcome } from '../../src/vscode/commands';

export const EXTENSION_ID = 'compare-sources.compare-sources';

export async function activateExtension(): Promise<CompareSourcesApi> {
  const extension = vscode.extensions.getExtension<CompareSourcesApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export interface ComparedSamples {
  wire: vscode.TextEditor;
  herald: vscode.TextEditor;
  outcome: CompareOutcome;
}

/** Opens wire | herald in two columns and runs Compare Sources from the palette (no arguments). */
export async function compareSamples(): Promise<ComparedSamples> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const wire = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('harbour-wire.txt')), vscode.ViewColumn.One);
  const herald = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('harbour-herald.txt')), vscode.ViewColumn.Two);
  const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare');
  assert.strictEqual(outcome?.status, 'compared', `compare did not succeed: ${JSON.stringify(outcome && 'message' in outcome ? outcome.message : outcome?.status)}`);
  await (await activateExtension()).decorationsPainted();
  return { wire, herald, outcome };
}

/** Side of the comparison a document is, from the names in the comparison itself. */
export function sideOf(api: CompareSourcesApi, document: vscode.TextDocument): 'a' | 'b' {
  const comparison = api.comparison();
  assert.ok(comparison);
  const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
  if (comparison.a.name === name) return 'a';
  assert.strictEqual(comparison.b.name, name);
  return 'b';
}

export function toRange(document: vscode.TextDocument, [start, end]: readonly [number, number]): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Markdown of our hover at a position (other providers' hovers are ignored). */
export async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string | undefined> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  const texts = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
  return texts.map(unescapeMarkdown).find((text) => text.includes('Compare Sources'));
}

/** appendText escapes Markdown and turns spaces into &nbsp;: undo that so tests can match the words. */
function unescapeMarkdown(text: string): string {
  return text.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}
