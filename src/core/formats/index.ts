/**
 * Reading a document by its format. Plain text is read here, at no cost; the web page and Markdown
 * readers (and their parsers) are loaded on first use, so that comparing plain text loads neither.
 */
import { formatLabel, readPlainText, type Article, type InputFormat } from './article';

export type { Article, ArticleBlock, BlockKind, InputFormat, InputFormatChoice } from './article';
export { formatLabel, INPUT_FORMAT_CHOICES, readPlainText } from './article';
export { formatFromFileName, formatFromLanguageId, parseInputFormatChoice, resolveInputFormat, type FormatHints } from './formatChoice';
export { OffsetMap } from './offsetMap';

/** Reads one document's source as article text. */
export type ArticleReader = (source: string) => Article;

/** The reader of a format; loads its parser the first time it is asked for. */
export async function loadArticleReader(format: InputFormat): Promise<ArticleReader> {
  switch (format) {
    case 'text':
      return readPlainText;
    case 'html':
      return guarded('html', (await import('./html/htmlReader')).readHtml);
    case 'markdown':
      return guarded('markdown', (await import('./markdown/markdownReader')).readMarkdown);
  }
}

/** Reads `source` as `format`, loading that format's reader if needed. */
export async function readArticle(source: string, format: InputFormat): Promise<Article> {
  return (await loadArticleReader(format))(source);
}

/**
 * A reader that never loses the document: should its parser fail on some input (a nesting deeper
 * than its own stack), the document is read as plain text, with a warning that says so.
 */
function guarded(format: InputFormat, read: ArticleReader): ArticleReader {
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
