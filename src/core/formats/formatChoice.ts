/**
 * Which format a document is read as. Only what the user or the editor said counts: a forced
 * choice, then the editor's language, then the file's extension. The content is never sniffed: a
 * `.txt` full of tags is plain text, as its author saved it, and a format guessed from content
 * would change under the user's typing.
 */
import type { InputFormat, InputFormatChoice } from './article';
import { INPUT_FORMAT_CHOICES } from './article';

const LANGUAGE_FORMATS: Record<string, InputFormat> = {
  html: 'html',
  markdown: 'markdown',
  plaintext: 'text',
};

const EXTENSION_FORMATS: Record<string, InputFormat> = {
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  shtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  mkd: 'markdown',
  mkdn: 'markdown',
  mdwn: 'markdown',
};

/** The format of a VS Code language id, or undefined for a language that is not one of ours. */
export function formatFromLanguageId(languageId: string | undefined): InputFormat | undefined {
  return languageId === undefined ? undefined : LANGUAGE_FORMATS[languageId];
}

/** The format of a file name or path by its extension; anything unknown is plain text. */
export function formatFromFileName(fileName: string): InputFormat {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return 'text';
  return EXTENSION_FORMATS[base.slice(dot + 1).toLowerCase()] ?? 'text';
}

export interface FormatHints {
  /** The editor's language id for the document, when it is open in an editor. */
  languageId?: string;
  /** The file's name or path. */
  fileName?: string;
}

/** The format to read a document as: the forced one, else its language's, else its extension's. */
export function resolveInputFormat(choice: InputFormatChoice, hints: FormatHints): InputFormat {
  if (choice !== 'auto') return choice;
  return formatFromLanguageId(hints.languageId) ?? (hints.fileName === undefined ? 'text' : formatFromFileName(hints.fileName));
}

/** `value` as a format choice, or undefined when it is not one (a setting or option typed by hand). */
export function parseInputFormatChoice(value: unknown): InputFormatChoice | undefined {
  return INPUT_FORMAT_CHOICES.find((choice) => choice === value);
}
