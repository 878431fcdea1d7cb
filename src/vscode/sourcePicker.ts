import * as vscode from 'vscode';
import { label } from './documentSource';

interface SourceItem extends vscode.QuickPickItem {
  uri: vscode.Uri;
}

/** Schemes of editors that are not articles (output panes, settings, diff views, ...). */
const IGNORED_SCHEMES = new Set(['output', 'debug', 'vscode-settings', 'git', 'comment', 'vscode-userdata', 'walkThrough']);

export function isSourceDocument(document: vscode.TextDocument): boolean {
  return !IGNORED_SCHEMES.has(document.uri.scheme);
}

/**
 * Asks for one source: open documents first (untitled ones included), then text files of the
 * workspace. `exclude` is the source already picked, left out so the same document is not offered twice.
 */
export async function pickSource(title: string, exclude?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const excluded = exclude?.toString();
  const open: SourceItem[] = vscode.workspace.textDocuments
    .filter((document) => isSourceDocument(document) && document.uri.toString() !== excluded)
    .map((document) => ({ label: `$(file) ${label(document.uri)}`, description: document.isUntitled ? 'untitled' : vscode.workspace.asRelativePath(document.uri), detail: undefined, uri: document.uri }));
  const openKeys = new Set(open.map((item) => item.uri.toString()));
  const files = await vscode.workspace.findFiles('**/*.{txt,md,markdown,text,html,htm}', '**/{node_modules,.git,dist,out}/**', 2000);
  const workspaceItems: SourceItem[] = files
    .filter((uri) => !openKeys.has(uri.toString()) && uri.toString() !== excluded)
    .sort((x, y) => x.path.localeCompare(y.path))
    .map((uri) => ({ label: label(uri), description: vscode.workspace.asRelativePath(uri), uri }));
  const items: (SourceItem | vscode.QuickPickItem)[] = [];
  if (open.length) items.push({ label: 'Open documents', kind: vscode.QuickPickItemKind.Separator }, ...open);
  if (workspaceItems.length) items.push({ label: 'Workspace files', kind: vscode.QuickPickItemKind.Separator }, ...workspaceItems);
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Pick an article (open document or workspace file)', matchOnDescription: true });
  return picked && 'uri' in picked ? picked.uri : undefined;
}
