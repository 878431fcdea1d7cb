/**
 * Reads Markdown as article text: parsed as CommonMark by micromark (through
 * mdast-util-from-markdown, which gives every node its source offsets) with YAML and TOML front
 * matter recognised. What a reader sees rendered is article text: paragraphs, headings without
 * their `#`, emphasis without its `*`, link text without its destination, code. What they do not
 * see is not: front matter, HTML comments and tags, images, link definitions, thematic breaks.
 */
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import type { Article, BlockKind } from '../article';
import { AlignContext, alignDecoded, type AlignOptions } from '../alignDecoded';
import { ArticleBuilder } from '../articleBuilder';

const TEXT: AlignOptions = { references: 'strict', backslashEscapes: true, skipTags: false, linePrefixes: true };
/** Code is shown as written: no references, no escapes. */
const CODE: AlignOptions = { references: 'none', backslashEscapes: false, skipTags: false, linePrefixes: false };

const FRONT_MATTER = ['yaml', 'toml'] as const;

/** Nodes that stand for nothing a reader of the rendered article reads. */
const NOT_TEXT = new Set(['yaml', 'toml', 'definition', 'image', 'imageReference', 'footnoteDefinition', 'footnoteReference']);

/**
 * Markup characters one paragraph may hold. micromark resolves a paragraph's inline content by
 * splicing its event list once per run of text, so its time grows with the square of the markup in
 * one paragraph: 400 KB of `[a](` took 80 s. A paragraph of prose holds a few dozen.
 */
const MAX_PARAGRAPH_MARKUP = 2_000;
/** Longest run of container markers and indentation starting a line: micromark spends time on every line in proportion to the nesting. */
const MAX_LINE_PREFIX = 256;
const MARKUP = new Set([...'[]()*_`<>!&\\~']);
const PREFIX = new Set([...' \t>*+-.)0123456789']);

/** Why micromark would take more than linear time on this source, or undefined. */
function unboundedShape(source: string): string | undefined {
  let markup = 0;
  for (let lineStart = 0; lineStart < source.length; ) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = source.length;
    let prefix = lineStart;
    while (prefix < lineEnd && PREFIX.has(source[prefix])) prefix++;
    if (prefix - lineStart > MAX_LINE_PREFIX) return `a line starts with more than ${MAX_LINE_PREFIX} characters of nesting`;
    if (source.slice(prefix, lineEnd).trim() === '' && !source.slice(lineStart, prefix).includes('>')) markup = 0;
    for (let i = lineStart; i < lineEnd; i++) if (MARKUP.has(source[i])) markup++;
    if (markup > MAX_PARAGRAPH_MARKUP) return `a paragraph holds more than ${MAX_PARAGRAPH_MARKUP.toLocaleString('en')} markup characters`;
    lineStart = lineEnd + 1;
  }
  return undefined;
}

interface Frame {
  node: Nodes;
  next: number;
  kind: BlockKind;
}

function isFence(code: number): boolean {
  return code === 0x60 || code === 0x7e;
}

/** Where a code block's content starts: after the opening fence's line, or at the block for indented code. */
function codeContentStart(source: string, start: number, end: number): number {
  let at = start;
  while (at < end && source[at] === ' ') at++;
  if (!isFence(source.charCodeAt(at))) return start;
  const lineEnd = source.indexOf('\n', at);
  return lineEnd < 0 || lineEnd >= end ? end : lineEnd + 1;
}

/** Where a code span's content starts: after its backtick run and the one space CommonMark strips. */
function codeSpanContentStart(source: string, start: number, end: number): number {
  let at = start;
  while (at < end && source[at] === '`') at++;
  return at;
}

/** Reads Markdown as article text; throws on a source whose shape would take micromark more than linear time. */
export function readMarkdown(source: string): Article {
  const unbounded = unboundedShape(source);
  if (unbounded !== undefined) throw new Error(unbounded);
  const tree = fromMarkdown(source, {
    extensions: [frontmatter([...FRONT_MATTER])],
    mdastExtensions: [frontmatterFromMarkdown([...FRONT_MATTER])],
  });
  const builder = new ArticleBuilder();
  const context = new AlignContext(source);
  const append = builder.append.bind(builder);
  let unplaced = 0;

  const align = (value: string, start: number, end: number, options: AlignOptions): void => {
    unplaced += alignDecoded(value, source, start, end, options, context, append);
  };

  // A walk with its own stack: block quotes nested a thousand deep are still Markdown.
  const stack: Frame[] = [{ node: tree, next: 0, kind: 'paragraph' }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const children = 'children' in frame.node ? (frame.node.children as Nodes[]) : [];
    if (frame.next >= children.length) {
      stack.pop();
      const node = frame.node;
      if (node.type === 'heading' || node.type === 'paragraph' || node.type === 'blockquote' || node.type === 'listItem') {
        builder.endBlock(stack[stack.length - 1]?.kind ?? 'paragraph');
      }
      continue;
    }
    const node = children[frame.next++];
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (NOT_TEXT.has(node.type) || start === undefined || end === undefined) continue;
    switch (node.type) {
      case 'text':
        align(node.value, start, end, TEXT);
        continue;
      case 'inlineCode':
        align(node.value, codeSpanContentStart(source, start, end), end, CODE);
        continue;
      case 'code':
        builder.endBlock('preformatted');
        builder.preformatted = true;
        align(node.value, codeContentStart(source, start, end), end, CODE);
        builder.preformatted = false;
        builder.endBlock(frame.kind);
        continue;
      case 'break':
        builder.lineBreak();
        continue;
      case 'html':
        // Inline HTML is markup, except that a `<br>` breaks the line as it would on the page.
        if (/^<br\s*\/?>$/i.test(node.value)) builder.lineBreak();
        continue;
      case 'thematicBreak':
        builder.endBlock(frame.kind);
        continue;
      case 'heading':
        builder.endBlock('heading', node.depth);
        stack.push({ node, next: 0, kind: 'heading' });
        continue;
      case 'blockquote':
        builder.endBlock('quote');
        stack.push({ node, next: 0, kind: 'quote' });
        continue;
      case 'listItem': {
        const kind = frame.kind === 'quote' ? 'quote' : 'item';
        builder.endBlock(kind);
        stack.push({ node, next: 0, kind });
        continue;
      }
      case 'paragraph':
        builder.endBlock(frame.kind);
        stack.push({ node, next: 0, kind: frame.kind });
        continue;
      default:
        // Lists, emphasis, strong, links and link references: their text is the article's.
        if ('children' in node) stack.push({ node, next: 0, kind: frame.kind });
    }
  }
  const warnings = unplaced > 0 ? [`${unplaced} characters of text could not be placed exactly in the source`] : [];
  const article = builder.finish('markdown', warnings);
  if (article.text.length === 0) article.warnings.push('the Markdown holds no article text');
  return article;
}
