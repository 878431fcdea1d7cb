/**
 * The rows of the article picker: one line per file, its name first and its folder after it (never
 * the name twice), open documents before workspace files, and a last row to browse for any file.
 * Pure over URI paths, so that what the picker shows is unit-tested. Names and folders are escaped
 * for the Quick Pick's icon syntax (a file named `$(zap).txt` shows as written).
 */
import { escapeIcons } from './iconText';

export interface SourceCandidate {
  /** The URI as a string: what identifies the document. */
  key: string;
  /** The URI's path (forward slashes). */
  path: string;
  /** An unsaved document has no folder. */
  untitled?: boolean;
}

export interface WorkspaceFolderInfo {
  name: string;
  /** The folder URI's path. */
  path: string;
}

export type PickerRow =
  | { kind: 'separator'; label: string }
  | { kind: 'source'; key: string; label: string; description: string }
  | { kind: 'browse'; label: string; description: string };

export const BROWSE_LABEL = '$(folder-opened) Browse…';

export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || trimmed;
}

/**
 * Where a file is, for the picker's description: its folder inside the workspace folder holding it
 * (the workspace folder's name for a file at its top, prefixed by it when the workspace has several),
 * or its full folder path for a file outside the workspace.
 */
export function folderDescription(candidate: SourceCandidate, folders: readonly WorkspaceFolderInfo[]): string {
  if (candidate.untitled) return 'unsaved';
  const directory = candidate.path.slice(0, Math.max(0, candidate.path.lastIndexOf('/'))) || '/';
  const holder = folders
    .filter((folder) => directory === folder.path.replace(/\/+$/, '') || directory.startsWith(`${folder.path.replace(/\/+$/, '')}/`))
    .sort((x, y) => y.path.length - x.path.length)[0];
  if (!holder) return directory;
  const inside = directory.slice(holder.path.replace(/\/+$/, '').length + 1);
  if (inside === '') return holder.name;
  return folders.length > 1 ? `${holder.name}/${inside}` : inside;
}

/** The picker's rows; `exclude` (the article already picked) is left out. */
export function pickerRows(open: readonly SourceCandidate[], files: readonly SourceCandidate[], folders: readonly WorkspaceFolderInfo[], exclude?: string): PickerRow[] {
  const row = (candidate: SourceCandidate): PickerRow => ({
    kind: 'source', key: candidate.key, label: `$(file) ${escapeIcons(baseName(candidate.path))}`, description: escapeIcons(folderDescription(candidate, folders)),
  });
  const openRows = open.filter((candidate) => candidate.key !== exclude).map(row);
  const openKeys = new Set(open.map((candidate) => candidate.key));
  const fileRows = files
    .filter((candidate) => candidate.key !== exclude && !openKeys.has(candidate.key))
    .sort((x, y) => x.path.localeCompare(y.path))
    .map(row);
  const rows: PickerRow[] = [];
  if (openRows.length) rows.push({ kind: 'separator', label: 'Open documents' }, ...openRows);
  if (fileRows.length) rows.push({ kind: 'separator', label: 'Workspace files' }, ...fileRows);
  rows.push({ kind: 'separator', label: '' }, { kind: 'browse', label: BROWSE_LABEL, description: openRows.length + fileRows.length ? 'any file on disk' : 'no other article is open or in the workspace' });
  return rows;
}

/** What the picker says when one article is picked for both sides. */
export function samePickMessage(name: string): string {
  return `“${name}” was picked twice: pick two different articles to compare.`;
}
