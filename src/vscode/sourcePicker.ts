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
 * The picker's items: open documents first (untitled ones included), then text files of the
 * workspace, then "Browse…" for any file (core/views/pickerRows.ts decides the rows). `exclude` is a
 * source already chosen, left out so the same document is not offered twice.
 */
async function sourceItems(exclude?: vscode.Uri): Promise<SourceItem[]> {
  const open = vscode.workspace.textDocuments.filter(isSourceDocument);
  const files = await vscode.workspace.findFiles('**/*.{txt,md,markdown,text,html,htm}', '**/{node_modules,.git,dist,out}/**', 2000);
  const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => ({ name: folder.name, path: folder.uri.path }));
  const uris = new Map<string, vscode.Uri>([...open.map((document) => [document.uri.toString(), document.uri] as const), ...files.map((uri) => [uri.toString(), uri] as const)]);
  const rows = pickerRows(open.map((document) => candidate(document.uri, document.isUntitled)), files.map((uri) => candidate(uri)), folders, exclude?.toString());
  return rows.map((row) => {
    if (row.kind === 'separator') return { label: row.label, kind: vscode.QuickPickItemKind.Separator };
    if (row.kind === 'browse') return { label: row.label, description: row.description, browse: true, alwaysShow: true };
    return { label: row.label, description: row.description, uri: uris.get(row.key) };
  });
}

function browse(title: string, many: boolean): Thenable<vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({
    title, openLabel: 'Compare', canSelectMany: many, canSelectFolders: false,
    filters: { Articles: ['txt', 'text', 'md', 'markdown', 'html', 'htm'], 'All files': ['*'] },
  });
}

/**
 * Asks for several sources at once (a QuickPick with checkboxes), in the order listed, `preselected`
 * (the active editor's document) checked and first; a checked "Browse…" then asks for more files.
 * Undefined when cancelled.
 */
export async function pickSources(title: string, options: { exclude?: vscode.Uri; preselected?: vscode.Uri } = {}): Promise<vscode.Uri[] | undefined> {
  const items = await sourceItems(options.exclude);
  const preselected = options.preselected?.toString();
  const first = items.findIndex((item) => item.uri?.toString() === preselected);
  if (first >= 0) {
    const [chosen] = items.splice(first, 1);
    chosen.picked = true;
    items.splice(items.findIndex((item) => item.kind !== vscode.QuickPickItemKind.Separator), 0, chosen);
  }
  const picked = await vscode.window.showQuickPick(items, {
    title, placeHolder: 'Check the articles to compare (open documents, workspace files, or Browse… for any file), then press Enter', matchOnDescription: true, canPickMany: true,
  });
  if (!picked) return undefined;
  const uris = picked.filter((item) => item.uri !== undefined).map((item) => item.uri as vscode.Uri);
  if (!picked.some((item) => item.browse)) return uris;
  const more = await browse(title, true);
  return more ? [...uris, ...more] : undefined;
}
