/** Which files of an archive are articles: the formats Compare Sources reads, by their extension. */

/** Plain text and Markdown (read as text: its markup is a few characters, its words are the article's). */
export const ARCHIVE_FILE_EXTENSIONS: readonly string[] = ['txt', 'text', 'md', 'markdown'];

export function isArchiveFileName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && ARCHIVE_FILE_EXTENSIONS.includes(name.slice(dot + 1).toLowerCase());
}

/** The same files as a glob, for a file search (VS Code's `findFiles`). */
export function archiveFilesGlob(): string {
  return `**/*.{${ARCHIVE_FILE_EXTENSIONS.join(',')}}`;
}
