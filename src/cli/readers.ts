/**
 * The CLI's article readers. The command is synchronous, so a format's reader is loaded with
 * `require` on first use rather than `import()`: in the bundle (dist/cli.js) that initialises the
 * reader and its parser only then, and a plain-text comparison never does.
 */
import { readPlainText, withPlainTextFallback, type Article, type ArticleReader, type InputFormat } from '../core/formats/article';

const loaded = new Map<InputFormat, ArticleReader>([['text', readPlainText]]);

function load(format: Exclude<InputFormat, 'text'>): ArticleReader {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
  if (format === 'html') return (require('../core/formats/html/htmlReader') as typeof import('../core/formats/html/htmlReader')).readHtml;
  return (require('../core/formats/markdown/markdownReader') as typeof import('../core/formats/markdown/markdownReader')).readMarkdown;
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** Reads `source` as `format`; a source its reader turns down is read as plain text, with a warning. */
export function readArticleSync(source: string, format: InputFormat): Article {
  let reader = loaded.get(format);
  if (reader === undefined) {
    reader = withPlainTextFallback(format, load(format as Exclude<InputFormat, 'text'>));
    loaded.set(format, reader);
  }
  return reader(source);
}
