import * as vscode from 'vscode';
import { pickerRows, type SourceCandidate } from '../core/views/pickerRows';

interface SourceItem extends vscode.QuickPickItem {
  uri?: vscode.Uri;
  browse?: boolean;
}

/** Schemes of editors that are not articles (output panes, settings, diff views, ...). */
const IGNORED_SCHEMES = new Set(['output', 'debug', 'vscode-settings', 'git', 'comment', 'vscode-userdata', 'walkThrough']);

export function isSourceDocument(document: vscode.TextDocument): boolean {
  return !IGNORED_SCHEMES.has(document.uri.scheme);
}

const candidate = (uri: vscode.Uri, untitled = false): SourceCandidate => ({ key: uri.toString(), path: uri.path, untitled });

/**
 * Asks for one source: open documents first (untitled ones included), then text files of the
 * workspace, then "Browse…" for any file (core/views/pickerRows.ts decides the rows). `exclude` is
 * the source already picked, left out so the same document is not offered twice.
 */
export async function pickSource(title: string, exclude?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const open = vscode.workspace.textDocuments.filter(isSourceDocument);
  const files = await vscode.workspace.findFiles('**/*.{txt,md,markdown,text,html,htm}', '**/{node_modules,.git,dist,out}/**', 2000);
  const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => ({ name: folder.name, path: folder.uri.path }));
  const uris = new Map<string, vscode.Uri>([...open.map((document) => [document.uri.toString(), document.uri] as const), ...files.map((uri) => [uri.toString(), uri] as const)]);
  const rows = pickerRows(open.map((document) => candidate(document.uri, document.isUntitled)), files.map((uri) => candidate(uri)), folders, exclude?.toString());
  const items: SourceItem[] = rows.map((row) => {
    if (row.kind === 'separator') return { label: row.label, kind: vscode.QuickPickItemKind.Separator };
    if (row.kind === 'browse') return { label: row.label, description: row.description, browse: true, alwaysShow: true };
    return { label: row.label, description: row.description, uri: uris.get(row.key) };
  });
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Pick an article: an open document, a workspace file, or Browse… for any file', matchOnDescription: true });
  if (!picked) return undefined;
  if (picked.browse) {
    const [chosen] = await vscode.window.showOpenDialog({
      title, openLabel: 'Compare', canSelectMany: false, canSelectFolders: false,
      filters: { Articles: ['txt', 'text', 'md', 'markdown', 'html', 'htm'], 'All files': ['*'] },
    }) ?? [];
    return chosen;
  }
  return picked.uri;
}
