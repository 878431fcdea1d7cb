/**
 * Which files of an archive are articles, and how each is read: plain text, Markdown and web pages,
 * by their extension as `compare` reads them (core/formats), unless a format is forced for all.
 */
import type { InputFormat, InputFormatChoice } from '../formats/article';
import { resolveInputFormat } from '../formats/formatChoice';

/** The extensions searched: plain text, Markdown, web pages. */
export const ARCHIVE_FILE_EXTENSIONS: readonly string[] = ['txt', 'text', 'md', 'markdown', 'html', 'htm'];

export function isArchiveFileName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && ARCHIVE_FILE_EXTENSIONS.includes(name.slice(dot + 1).toLowerCase());
}

/** The same files as a glob, for a file search (VS Code's `findFiles`). */
export function archiveFilesGlob(): string {
  return `**/*.{${ARCHIVE_FILE_EXTENSIONS.join(',')}}`;
}

/** How an archive file is read: its extension's format, or the one forced (`--input-format`, the `inputFormat` setting). */
export function archiveFileFormat(key: string, choice: InputFormatChoice): InputFormat {
  return resolveInputFormat(choice, { fileName: key });
}
