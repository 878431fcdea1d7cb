/**
 * What the HTML reader needs to know about elements: which hold no article text, which break
 * paragraphs, which are hidden. Tag and attribute names are lower case (htmlparser2 makes them so).
 */
import { isTag, isText as isTextNode, type AnyNode, type ChildNode, type Element, type ParentNode, type Text } from 'domhandler';

export type { AnyNode, ChildNode, Element, ParentNode, Text };

/** Elements whose content is never article text: code, page furniture, controls, embedded media. */
const NEVER_TEXT = new Set([
  'head', 'title', 'meta', 'link', 'base', 'script', 'style', 'noscript', 'template', 'nav', 'aside', 'form',
  'button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'input', 'label', 'output', 'progress', 'meter',
  'iframe', 'frame', 'frameset', 'noframes', 'noembed', 'object', 'embed', 'applet', 'svg', 'math', 'canvas',
  'video', 'audio', 'map', 'area', 'img', 'picture', 'source', 'track', 'rp',
]);

/** ARIA landmarks and widgets that are page furniture wherever they stand. */
const FURNITURE_ROLES = new Set(['navigation', 'complementary', 'search', 'menu', 'menubar', 'toolbar', 'dialog', 'alertdialog', 'tablist']);

/** The page's header and footer: furniture outside the article, the headline and byline inside it. */
const PAGE_FRAME_TAGS = new Set(['header', 'footer']);
const PAGE_FRAME_ROLES = new Set(['banner', 'contentinfo']);

/** Elements that a browser lays out as blocks: each one is a paragraph break in the article text. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'section', 'summary',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'ul', 'xmp', 'search',
]);

/** Class or id words of page furniture (Readability's "unlikely candidates")… */
const UNLIKELY = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|share|newsletter|cookie|promo|subscribe/i;
/** …unless they also say they hold the content. */
const MAYBE_CONTENT = /and|article|body|column|content|main|mathjax|shadow|story/i;

export function isElement(node: AnyNode): node is Element {
  return isTag(node);
}

export function isText(node: AnyNode): node is Text {
  return isTextNode(node);
}

export function attribute(element: Element, name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(element.attribs, name) ? element.attribs[name] : undefined;
}

export function isBlock(element: Element): boolean {
  return BLOCKS.has(element.name);
}

export function headingLevel(element: Element): number | undefined {
  const match = /^h([1-6])$/.exec(element.name);
  return match === null ? undefined : Number(match[1]);
}

export function isPreformatted(element: Element): boolean {
  return element.name === 'pre' || element.name === 'listing' || element.name === 'xmp' || element.name === 'plaintext';
}

/** True for `<article>`, `<main>` and their ARIA roles: inside them a header or footer is the article's own. */
export function isArticleFrame(element: Element): boolean {
  const role = attribute(element, 'role');
  return element.name === 'article' || element.name === 'main' || role === 'article' || role === 'main';
}

function isHidden(element: Element): boolean {
  if (attribute(element, 'hidden') !== undefined) return true;
  if (attribute(element, 'aria-hidden')?.trim().toLowerCase() === 'true') return true;
  if (element.name === 'dialog' && attribute(element, 'open') === undefined) return true;
  const style = attribute(element, 'style');
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i.test(style);
}

function isUnlikely(element: Element): boolean {
  if (element.name === 'body' || element.name === 'a' || isArticleFrame(element)) return false;
  const words = `${attribute(element, 'class') ?? ''} ${attribute(element, 'id') ?? ''}`;
  return words.length > 1 && UNLIKELY.test(words) && !MAYBE_CONTENT.test(words);
}

/**
 * True when nothing inside the element is article text. `insideArticle` says whether an
 * `<article>` or `<main>` encloses it, which keeps that article's own header and footer; `lenient`
 * keeps every header and footer and ignores class names (to find a headline in a page header).
 */
export function isSkipped(element: Element, insideArticle: boolean, lenient = false): boolean {
  if (NEVER_TEXT.has(element.name)) return true;
  // Most elements of an article (<p>, <em>, <a href>) carry none of the attributes looked at below.
  if (!insideArticle && !lenient && PAGE_FRAME_TAGS.has(element.name)) return true;
  if (!hasTellingAttribute(element)) return element.name === 'dialog';
  if (isHidden(element)) return true;
  const role = attribute(element, 'role');
  if (role !== undefined && FURNITURE_ROLES.has(role)) return true;
  if (lenient) return false;
  if (!insideArticle && role !== undefined && PAGE_FRAME_ROLES.has(role)) return true;
  return isUnlikely(element);
}

const TELLING_ATTRIBUTES = new Set(['hidden', 'aria-hidden', 'style', 'role', 'class', 'id', 'open']);

function hasTellingAttribute(element: Element): boolean {
  for (const name in element.attribs) if (TELLING_ATTRIBUTES.has(name)) return true;
  return false;
}

export function childrenOf(node: AnyNode): ChildNode[] {
  return 'children' in node ? node.children : [];
}

/** The source span of a node, end exclusive (htmlparser2's end index is the last character's). */
export function sourceSpan(node: AnyNode): [start: number, end: number] | undefined {
  return node.startIndex === null || node.endIndex === null ? undefined : [node.startIndex, node.endIndex + 1];
}
