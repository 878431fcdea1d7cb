/** The command's input files: checked before they are read (so that a huge one is never loaded), then read, decoded and read by their format. */
import type { Article, InputFormatChoice } from '../core/formats/article';
import { resolveInputFormat } from '../core/formats/formatChoice';
import { decodeText, formatBytes } from '../core/text/decode';
import { CliError } from './args';
import { inertLine } from './inert';
import type { CliIo } from './io';
import { readArticleSync } from './readers';

/** A loaded input file. */
export interface InputFile {
  name: string;
  /** The file's text. */
  text: string;
  /** Size of the file as read, in bytes. */
  bytes: number;
  /** The file read by its format: its article text and the map back to `text`. */
  article: Article;
}

/** Checks an input before it is read (a file, not too large, so that a huge one is never loaded); returns its size in bytes. */
export function checkInput(path: string, maxBytes: number, io: CliIo): number {
  let info: { size: number; isFile: boolean };
  try {
    info = io.stat(path);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${describeFsError(error)}`);
  }
  if (!info.isFile) throw new CliError(`cannot read ${path}: not a regular file (a directory?)`);
  if (info.size > maxBytes) {
    throw new CliError(`${path}: file is too large (${formatBytes(info.size)}; the limit is ${formatBytes(maxBytes)}, see --max-bytes)`);
  }
  return info.size;
}

/** Refuses inputs whose sizes (from `checkInput`) add up to more than `maxTotalBytes`, before any is read. */
export function checkTotal(sizes: readonly number[], maxTotalBytes: number): void {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total > maxTotalBytes) {
    throw new CliError(`the files are too large together (${formatBytes(total)}; the limit is ${formatBytes(maxTotalBytes)}, see --max-total-bytes)`);
  }
}

/** Reads and decodes an input that `checkInput` passed, and reads it as its format (by extension, unless forced). */
export function readInput(path: string, maxBytes: number, io: CliIo, format: InputFormatChoice = 'auto'): InputFile {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${describeFsError(error)}`);
  }
  const decoded = decodeText(bytes, { maxBytes });
  if (!decoded.ok) throw new CliError(`${path}: ${decoded.error}`);
  if (decoded.warning !== undefined) io.stderr(`compare-sources: warning: ${inertLine(`${path}: ${decoded.warning}`)}\n`);
  const article = readArticleSync(decoded.text, resolveInputFormat(format, { fileName: path }));
  for (const warning of article.warnings) io.stderr(`compare-sources: warning: ${inertLine(`${path}: ${warning}`)}\n`);
  return { name: path, text: decoded.text, bytes: bytes.length, article };
}

export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EISDIR': return 'is a directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    default: return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}
