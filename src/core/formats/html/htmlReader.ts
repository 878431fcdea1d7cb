/**
 * Reads a web page as article text: parsed by htmlparser2 (with each node's source span), the
 * article part chosen (see `mainContent.ts`), its visible text laid out as a browser breaks it
 * into paragraphs, with every character mapped back to the page's source.
 *
 * Why htmlparser2 rather than parse5 (the WHATWG tree builder): on a 1 MB page parse5 with source
 * locations took 0.5-0.6 of the time of comparing two 1 MB texts, htmlparser2 0.06 (see
 * docs/performance.md). What parse5 does more (the adoption agency for misnested formatting, foster
 * parenting of text in tables) moves text between elements, not in or out of the article; the
 * implied end tags that do matter here (a `<p>` closed by a block) htmlparser2 applies too.
 */
import { DomHandler, Parser } from 'htmlparser2';
import type { Article, BlockKind } from '../article';
import { AlignContext, alignDecoded, type AlignOptions } from '../alignDecoded';
import { ArticleBuilder } from '../articleBuilder';
import { headingLevel, isBlock, isElement, isPreformatted, sourceSpan, type Element, type ParentNode } from './elements';
import { chooseContent, type ContentSelection } from './mainContent';
import { walkVisible } from './walk';

const TEXT: AlignOptions = { references: 'legacy', backslashEscapes: false, skipTags: true, linePrefixes: false };

const SELECTION_NOTES: Record<ContentSelection, string> = {
  'article element': 'the article is the page’s <article> element',
  'main element': 'the article is the page’s <main> element',
  'structured data': 'the article is the part of the page that its structured data (JSON-LD articleBody) names',
  'text density': 'the page marks no article: its densest block of text was taken as the article',
  'whole page': 'the page marks no article and has no block of text that stands out: all its visible text was read',
};

/**
 * Deepest element nesting read; deeper, the page is refused (and read as plain text by the caller).
 * Browsers stop nesting at this depth too (Blink's parser), and htmlparser2's stack of open
 * elements costs time in proportion to its depth for every tag, which would make a page of 100,000
 * nested elements take a minute.
 */
const MAX_DEPTH = 512;

class DepthBoundedHandler extends DomHandler {
  override onopentag(name: string, attribs: Record<string, string>): void {
    if (this.tagStack.length > MAX_DEPTH) throw new Error(`its elements are nested more than ${MAX_DEPTH} deep`);
    super.onopentag(name, attribs);
  }
}

function parseHtml(source: string): DomHandler['root'] {
  const handler = new DepthBoundedHandler(undefined, { withStartIndices: true, withEndIndices: true });
  new Parser(handler).end(source);
  return handler.root;
}

/** The page's `<body>`: a child of `<html>` or of the document itself (htmlparser2 implies neither). */
function bodyOf(document: ParentNode): ParentNode {
  for (const node of document.children) {
    if (!isElement(node)) continue;
    if (node.name === 'body') return node;
    if (node.name === 'html') return node.children.find((child): child is Element => isElement(child) && child.name === 'body') ?? node;
  }
  return document;
}

/** The kind of paragraph an element's own text makes, given the kind its parent's text makes. */
function blockKind(element: Element, parent: BlockKind): BlockKind {
  if (headingLevel(element) !== undefined) return 'heading';
  if (isPreformatted(element)) return 'preformatted';
  if (parent === 'heading' || parent === 'preformatted') return parent;
  if (element.name === 'blockquote') return 'quote';
  if (element.name === 'li' || element.name === 'dd' || element.name === 'dt') return parent === 'quote' ? 'quote' : 'item';
  return parent;
}

export function readHtml(source: string): Article {
  const document = parseHtml(source);
  // A page saved without <body> (a fragment) is all body.
  const body: ParentNode = bodyOf(document);
  const builder = new ArticleBuilder();
  const warnings: string[] = [];
  const choice = chooseContent(document, body);
  const context = new AlignContext(source);
  const append = builder.append.bind(builder);
  let unplaced = 0;
  // Each open element's paragraph kind and heading level.
  const kinds: BlockKind[] = [];
  const levels: (number | undefined)[] = [];
  let preformattedDepth = 0;

  const enter = (element: Element): void => {
    const kind = blockKind(element, kinds[kinds.length - 1] ?? 'paragraph');
    const level = headingLevel(element) ?? (kind === 'heading' ? levels[levels.length - 1] : undefined);
    kinds.push(kind);
    levels.push(level);
    if (element.name === 'br') builder.lineBreak();
    else if (isBlock(element)) builder.endBlock(kind, level);
    if (isPreformatted(element)) builder.preformatted = ++preformattedDepth > 0;
  };
  const exit = (element: Element): void => {
    kinds.pop();
    levels.pop();
    if (isBlock(element)) builder.endBlock(kinds[kinds.length - 1], levels[levels.length - 1]);
    if (isPreformatted(element)) builder.preformatted = --preformattedDepth > 0;
  };
  const read = (root: ParentNode, insideArticle: boolean): void => {
    if (isElement(root)) enter(root);
    walkVisible(root, insideArticle, {
      enter,
      exit,
      text(node) {
        const span = sourceSpan(node);
        if (span !== undefined) unplaced += alignDecoded(node.data, source, span[0], span[1], TEXT, context, append);
      },
    });
    if (isElement(root)) exit(root);
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
