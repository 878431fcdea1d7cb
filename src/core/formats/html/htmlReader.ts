/**
 * Reads a web page as article text: parsed by parse5 (the WHATWG HTML parser, with source
 * locations), the article part chosen (see `mainContent.ts`), its visible text laid out as the
 * browser would break it into paragraphs, with every character mapped back to the page's source.
 */
import { parse } from 'parse5';
import type { Article, BlockKind } from '../article';
import { alignDecoded, ReferenceDecoder, type AlignOptions } from '../alignDecoded';
import { ArticleBuilder } from '../articleBuilder';
import { headingLevel, isBlock, isPreformatted, isRawText, type Element } from './elements';
import { chooseContent, type ContentSelection } from './mainContent';
import { findElements, walkVisible } from './walk';

const TEXT: AlignOptions = { references: 'legacy', backslashEscapes: false, skipTags: true, linePrefixes: false };
const RAW_TEXT: AlignOptions = { references: 'none', backslashEscapes: false, skipTags: false, linePrefixes: false };

const SELECTION_NOTES: Record<ContentSelection, string> = {
  'article element': 'the article is the page’s <article> element',
  'main element': 'the article is the page’s <main> element',
  'structured data': 'the article is the part of the page that its structured data (JSON-LD articleBody) names',
  'text density': 'the page marks no article: its densest block of text was taken as the article',
  'whole page': 'the page marks no article and has no block of text that stands out: all its visible text was read',
};

/** The kind of paragraph an element's own text makes, given the kind its parent's text makes. */
function blockKind(element: Element, parent: BlockKind): BlockKind {
  if (headingLevel(element) !== undefined) return 'heading';
  if (isPreformatted(element)) return 'preformatted';
  if (parent === 'heading' || parent === 'preformatted') return parent;
  if (element.tagName === 'blockquote') return 'quote';
  if (element.tagName === 'li' || element.tagName === 'dd' || element.tagName === 'dt') return parent === 'quote' ? 'quote' : 'item';
  return parent;
}

export function readHtml(source: string): Article {
  const document = parse(source, { sourceCodeLocationInfo: true });
  const body = findElements(document, (element) => element.tagName === 'body')[0];
  const builder = new ArticleBuilder();
  const warnings: string[] = [];
  if (body === undefined) return builder.finish('html', ['the page has no body']);
  const choice = chooseContent(document, body);
  const references = new ReferenceDecoder();
  const append = builder.append.bind(builder);
  let unplaced = 0;
  // Each open element's paragraph kind, its heading level, and whether it is raw text.
  const kinds: BlockKind[] = [];
  const levels: (number | undefined)[] = [];
  let rawDepth = 0;
  let preformattedDepth = 0;

  const enter = (element: Element): void => {
    const kind = blockKind(element, kinds[kinds.length - 1] ?? 'paragraph');
    const level = headingLevel(element) ?? (kind === 'heading' ? levels[levels.length - 1] : undefined);
    kinds.push(kind);
    levels.push(level);
    if (element.tagName === 'br') builder.lineBreak();
    else if (isBlock(element)) builder.endBlock(kind, level);
    if (isPreformatted(element)) builder.preformatted = ++preformattedDepth > 0;
    if (isRawText(element)) rawDepth++;
  };
  const exit = (element: Element): void => {
    kinds.pop();
    levels.pop();
    if (isBlock(element)) builder.endBlock(kinds[kinds.length - 1], levels[levels.length - 1]);
    if (isPreformatted(element)) builder.preformatted = --preformattedDepth > 0;
    if (isRawText(element)) rawDepth--;
  };
  const read = (root: Element, insideArticle: boolean): void => {
    enter(root);
    walkVisible(root, insideArticle, {
      enter,
      exit,
      text(node) {
        const location = node.sourceCodeLocation;
        if (location === null || location === undefined) return;
        unplaced += alignDecoded(node.value, source, location.startOffset, location.endOffset, rawDepth > 0 ? RAW_TEXT : TEXT, references, append);
      },
    });
    exit(root);
    builder.endBlock();
  };

  if (choice.headline !== null) read(choice.headline, true);
  for (const root of choice.roots) read(root, choice.selection !== 'whole page' && choice.selection !== 'text density');
  if (choice.selection === 'whole page') warnings.push(SELECTION_NOTES[choice.selection]);
  if (unplaced > 0) warnings.push(`${unplaced} characters of text could not be placed exactly in the source`);
  const article = builder.finish('html', warnings, SELECTION_NOTES[choice.selection]);
  if (article.text.length === 0) article.warnings.push('the page holds no visible article text');
  return article;
}
