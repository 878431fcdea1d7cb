/**
 * The shared passages of two sources alone: what `passages --json` prints, without the quote and
 * speaker analyses. Apart from compare.ts so that a program that only finds passages (the CLI's
 * `passages`, dist/cliPassages.js) neither loads nor starts the quote analysis.
 */
import { DEFAULT_COMPARE_OPTIONS, type CompareOptions } from './model';
import { findSharedPassages, type SharedPassages } from './passages/passages';
import { readPlainText, type Article } from './formats/article';
import { tokenize, Vocabulary } from './text/tokenize';

export interface SourceText {
  /** A label for reports: the file name. */
  name: string;
  /** The source, exactly as the editor holds it. */
  text: string;
  /** The source read by its format (`formats/`); absent, the source is plain text and its own article. */
  article?: Article;
}

/** The source read by its format, or as plain text when it was not read. */
export function articleOf(source: SourceText): Article {
  return source.article ?? readPlainText(source.text);
}

/**
 * Only the shared passages of two texts (and whether a work budget cut them short), in offsets of
 * the sources.
 */
export function sharePassages(a: SourceText, b: SourceText, options: Partial<CompareOptions> = {}): SharedPassages {
  const vocabulary = new Vocabulary();
  const articleA = articleOf(a);
  const articleB = articleOf(b);
  const found = findSharedPassages(tokenize(articleA.text, vocabulary), tokenize(articleB.text, vocabulary), { ...DEFAULT_COMPARE_OPTIONS, ...options });
  if (articleA.map.isIdentity && articleB.map.isIdentity) return found;
  return { ...found, passages: found.passages.map((passage) => ({ ...passage, a: articleA.map.toSource(passage.a), b: articleB.map.toSource(passage.b) })) };
}
