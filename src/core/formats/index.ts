/**
 * Reading a document by its format. Plain text is read here, at no cost; the web page and Markdown
 * readers (and their parsers) are loaded on first use, so that comparing plain text loads neither.
 */
import { readPlainText, withPlainTextFallback, type Article, type ArticleReader, type InputFormat } from './article';

export type { Article, ArticleBlock, BlockKind, InputFormat, InputFormatChoice } from './article';
export { formatLabel, INPUT_FORMAT_CHOICES, readPlainText, withPlainTextFallback, type ArticleReader } from './article';
export { formatFromFileName, formatFromLanguageId, parseInputFormatChoice, resolveInputFormat, type FormatHints } from './formatChoice';
export { OffsetMap } from './offsetMap';

/** The reader of a format; loads its parser the first time it is asked for. */
export async function loadArticleReader(format: InputFormat): Promise<ArticleReader> {
  switch (format) {
    case 'text':
      return readPlainText;
    case 'html':
      return withPlainTextFallback('html', (await import('./html/htmlReader')).readHtml);
    case 'markdown':
      return withPlainTextFallback('markdown', (await import('./markdown/markdownReader')).readMarkdown);
  }
}

/** Reads `source` as `format`, loading that format's reader if needed. */
export async function readArticle(source: string, format: InputFormat): Promise<Article> {
  return (await loadArticleReader(format))(source);
}
