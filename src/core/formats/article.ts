/**
 * What a document is read as: its article text (what passages, quotes and speakers are found on)
 * and the map from that text back to the source the editor shows. Plain text is its own article.
 */
import type { InputFormat, Range } from '../model';
import { OffsetMap } from './offsetMap';

export type { InputFormat };

/** A format, or `auto`: from the editor's language or the file's extension. */
export type InputFormatChoice = 'auto' | InputFormat;

export const INPUT_FORMAT_CHOICES: readonly InputFormatChoice[] = ['auto', 'text', 'html', 'markdown'];

export type BlockKind = 'paragraph' | 'heading' | 'quote' | 'item' | 'preformatted';

/** One paragraph of the article text (paragraphs are separated by a blank line). */
export interface ArticleBlock {
  kind: BlockKind;
  /** Offsets into the article text. */
  range: Range;
  /** 1 to 6 for a heading. */
  level?: number;
}

export interface Article {
  format: InputFormat;
  /**
   * The article's words: paragraphs separated by a blank line, a line break where the source
   * breaks a line inside a paragraph, spaces collapsed as a browser shows them, references decoded.
   */
  text: string;
  /** From offsets in `text` to offsets in the source. */
  map: OffsetMap;
  /** The paragraphs of `text` with their kind; empty for plain text, whose lines are its paragraphs. */
  blocks: ArticleBlock[];
  /** How the article was found in the source (which part of a web page was taken), for a tooltip. */
  note?: string;
  /** Things a reader should be warned of: a page with no marked article, text that could not be read. */
  warnings: string[];
}

/** Plain text is read as itself: no parser, no copy, an identity map. */
export function readPlainText(source: string): Article {
  return { format: 'text', text: source, map: OffsetMap.identity(source.length), blocks: [], warnings: [] };
}

/** The words a user sees for a format: "read as a web page". */
export function formatLabel(format: InputFormat): string {
  switch (format) {
    case 'html': return 'a web page';
    case 'markdown': return 'Markdown';
    case 'text': return 'plain text';
  }
}

/** Reads one document's source as article text. */
export type ArticleReader = (source: string) => Article;

/**
 * A reader that never loses the document: should its parser refuse or fail on some input (a
 * nesting deeper than it reads), the document is read as plain text, with a warning that says so.
 */
export function withPlainTextFallback(format: InputFormat, read: ArticleReader): ArticleReader {
  return (source) => {
    try {
      return read(source);
    } catch (error) {
      const article = readPlainText(source);
      article.warnings.push(`could not be read as ${formatLabel(format)} (${error instanceof Error ? error.message : String(error)}); read as plain text`);
      return article;
    }
  };
}
