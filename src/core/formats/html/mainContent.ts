/**
 * Which part of a page is the article. In order of trust: the page's own `<article>` or `<main>`;
 * the paragraphs its structured data (JSON-LD `articleBody`) names as the article body; else the
 * block of densest text, scored in the manner of Mozilla's Readability (commas and length of each
 * paragraph credited to its parent and grandparent, discounted by link text, weighted by class
 * names), with the siblings that score like it. A headline (`<h1>`) standing just before the
 * chosen part, as in a page header, is kept with it.
 */
import { attribute, childrenOf, headingLevel, isArticleFrame, isBlock, isElement, isSkipped, sourceSpan, type AnyNode, type Element, type ParentNode } from './elements';
import { findElements, walkVisible } from './walk';

/** How the article was found, for the reader's note. */
export type ContentSelection = 'article element' | 'main element' | 'structured data' | 'text density' | 'whole page';

export interface ContentChoice {
  /** The elements whose content is the article, in document order (the document itself for a page with no `<body>` that holds all). */
  roots: ParentNode[];
  /** A headline outside the roots that belongs with them, or null. */
  headline: Element | null;
  selection: ContentSelection;
}

interface Stats {
  /** Characters of visible text, whitespace not counted. */
  text: number;
  /** Of those, characters inside links. */
  links: number;
  commas: number;
  hasBlockChild: boolean;
}

/** Shorter than this, an `<article>` or `<main>` is a teaser or a widget, not the article. */
const MIN_FRAME_TEXT = 200;
/** Readability's shortest paragraph worth scoring. */
const MIN_PARAGRAPH_TEXT = 25;
const SCORED_TAGS = new Set(['p', 'pre', 'td', 'section', 'h2', 'h3', 'h4', 'h5', 'h6']);
const NEGATIVE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const LOGO = /logo|brand|masthead|site-?(?:name|title)/i;

function countVisibleText(value: string, stats: Stats): void {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0x20) stats.text++;
    if (code === 0x2c) stats.commas++;
  }
}

function startOffset(element: ParentNode): number {
  return (isElement(element) ? sourceSpan(element)?.[0] : undefined) ?? -1;
}

/** Text length, link text and commas of every visible element under `body`, in one walk. */
function measure(body: ParentNode): Map<ParentNode, Stats> {
  const stats = new Map<ParentNode, Stats>();
  const open: Stats[] = [{ text: 0, links: 0, commas: 0, hasBlockChild: false }];
  walkVisible(body, false, {
    enter(element) {
      if (isBlock(element)) open[open.length - 1].hasBlockChild = true;
      open.push({ text: 0, links: 0, commas: 0, hasBlockChild: false });
    },
    text(node) {
      countVisibleText(node.data, open[open.length - 1]);
    },
    exit(element) {
      const own = open.pop()!;
      if (element.name === 'a') own.links = own.text;
      stats.set(element, own);
      const parent = open[open.length - 1];
      parent.text += own.text;
      parent.links += own.links;
      parent.commas += own.commas;
    },
  });
  stats.set(body, open[0]);
  return stats;
}

function linkDensity(stats: Stats): number {
  return stats.text === 0 ? 0 : stats.links / stats.text;
}

/** The `articleBody` of the page's JSON-LD, if any (in an object, an array or an `@graph`). */
function structuredArticleBody(document: AnyNode): string | undefined {
  const scripts = findElements(document, (element) => element.name === 'script' && attribute(element, 'type')?.trim().toLowerCase() === 'application/ld+json');
  for (const script of scripts) {
    const text = childrenOf(script).map((node) => ('data' in node ? node.data : '')).join('');
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const pending: unknown[] = [data];
    // Bounded: a hostile page's JSON-LD is walked once, node by node, and never past 10,000 nodes.
    for (let seen = 0; pending.length > 0 && seen < 10_000; seen++) {
      const item = pending.pop();
      if (Array.isArray(item)) pending.push(...item);
      else if (item !== null && typeof item === 'object') {
        const body = (item as Record<string, unknown>).articleBody;
        if (typeof body === 'string' && body.trim().length >= MIN_FRAME_TEXT) return body;
        pending.push(...Object.values(item));
      }
    }
  }
  return undefined;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text of an element's visible content (for matching against `articleBody`). */
function visibleText(element: Element): string {
  const parts: string[] = [];
  walkVisible(element, true, { text: (node) => void parts.push(node.data) });
  return normalise(parts.join(''));
}

/** The deepest element holding all of `elements`: the first to close, in one walk, with all of them inside. */
function lowestCommonAncestor(body: ParentNode, elements: Element[]): ParentNode {
  const wanted = new Set(elements);
  const counts = [0];
  let found: ParentNode | undefined;
  walkVisible(body, false, {
    enter: (element) => void counts.push(wanted.has(element) ? 1 : 0),
    exit(element) {
      const count = counts.pop()!;
      if (found === undefined && count === wanted.size) found = element;
      counts[counts.length - 1] += count;
    },
  });
  return found ?? body;
}

/** The element holding the paragraphs that the structured data's article body contains. */
function structuredDataRoot(body: ParentNode, stats: Map<ParentNode, Stats>, articleBody: string): ParentNode | undefined {
  const expected = normalise(articleBody);
  const matched: Element[] = [];
  let matchedText = 0;
  for (const [element, { text, hasBlockChild }] of stats) {
    if (text < MIN_PARAGRAPH_TEXT || hasBlockChild || !isElement(element) || !(element.name === 'p' || element.name === 'div' || headingLevel(element) !== undefined)) continue;
    if (expected.includes(visibleText(element))) {
      matched.push(element);
      matchedText += text;
    }
  }
  // The paragraphs found must make up a good part of the body, or the hint is about another text.
  const expectedText = expected.replace(/\s/g, '').length;
  return matched.length >= 2 && matchedText >= expectedText / 2 ? lowestCommonAncestor(body, matched) : undefined;
}

function classWeight(element: Element): number {
  let weight = 0;
  for (const name of [attribute(element, 'class'), attribute(element, 'id')]) {
    if (name === undefined || name === '') continue;
    if (NEGATIVE.test(name)) weight -= 25;
    if (POSITIVE.test(name)) weight += 25;
  }
  return weight;
}

function initialScore(element: Element): number {
  const tag = element.name;
  let score = classWeight(element);
  if (tag === 'div') score += 5;
  else if (tag === 'pre' || tag === 'td' || tag === 'blockquote') score += 3;
  else if (['address', 'ol', 'ul', 'dl', 'dd', 'dt', 'li', 'form'].includes(tag)) score -= 3;
  else if (headingLevel(element) !== undefined || tag === 'th') score -= 5;
  return score;
}

function parentElement(element: Element): Element | null {
  const parent = element.parent;
  return parent !== null && isElement(parent) ? parent : null;
}

/** Readability's choice: the best-scored element and its siblings that score like it. */
function densestText(body: ParentNode, stats: Map<ParentNode, Stats>): Element[] | undefined {
  const scores = new Map<Element, number>();
  for (const [element, own] of stats) {
    if (!isElement(element)) continue;
    const scored = SCORED_TAGS.has(element.name) || (element.name === 'div' && !own.hasBlockChild);
    if (!scored || own.text < MIN_PARAGRAPH_TEXT) continue;
    const contentScore = 1 + own.commas + Math.min(Math.floor(own.text / 100), 3);
    let ancestor = parentElement(element);
    for (let level = 0; ancestor !== null && level < 5; level++, ancestor = parentElement(ancestor)) {
      if (!stats.has(ancestor)) break;
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(ancestor, (scores.get(ancestor) ?? initialScore(ancestor)) + contentScore / divider);
      if (ancestor === body) break;
    }
  }
  let top: Element | undefined;
  let topScore = -Infinity;
  for (const [element, score] of scores) {
    const final = score * (1 - linkDensity(stats.get(element)!));
    scores.set(element, final);
    if (final > topScore) {
      top = element;
      topScore = final;
    }
  }
  if (top === undefined) return undefined;
  // A parent that scores better than its best child holds more of the article (Readability's climb).
  let lastScore = topScore;
  for (let parent = parentElement(top); parent !== null && parent !== body; parent = parentElement(parent)) {
    const parentScore = scores.get(parent);
    if (parentScore === undefined) continue;
    if (parentScore < topScore / 3) break;
    if (parentScore > lastScore) {
      top = parent;
      topScore = parentScore;
      break;
    }
    lastScore = parentScore;
  }
  const parent = parentElement(top);
  if (parent === null) return [top];
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = attribute(top, 'class') ?? '';
  return childrenOf(parent).filter((sibling): sibling is Element => {
    if (sibling === top) return true;
    if (!isElement(sibling) || !stats.has(sibling)) return false;
    const bonus = topClass !== '' && attribute(sibling, 'class') === topClass ? topScore * 0.2 : 0;
    if ((scores.get(sibling) ?? -Infinity) + bonus >= threshold) return true;
    if (sibling.name !== 'p') return false;
    const own = stats.get(sibling)!;
    const density = linkDensity(own);
    if (own.text > 80) return density < 0.25;
    return own.text > 0 && density === 0 && /\.( |$)/.test(visibleText(sibling));
  });
}

/** The element's ancestors up to (not including) `top`, nearest first. The parser bounds the nesting, so this is short. */
function ancestors(element: Element, top: ParentNode): ParentNode[] {
  const list: ParentNode[] = [];
  for (let parent = element.parent; parent !== null && parent !== top; parent = parent.parent) list.push(parent);
  return list;
}

/** Whether the walk from `top` reaches `element` (no ancestor, nor it, left out); `lenient` as in `walkVisible`. */
function isReached(element: Element, top: ParentNode, lenient: boolean): boolean {
  const chain = [element, ...ancestors(element, top)].reverse();
  let insideArticle = false;
  for (const node of chain) {
    if (!isElement(node)) continue;
    if (isSkipped(node, insideArticle, lenient)) return false;
    insideArticle ||= isArticleFrame(node);
  }
  return true;
}

/** The last page headline before the roots when none of them holds one (a headline in the page header). */
function headlineBefore(body: ParentNode, roots: ParentNode[], headlines: Element[]): Element | null {
  const inRoots = new Set(roots);
  if (headlines.some((headline) => inRoots.has(headline) || ancestors(headline, body).some((ancestor) => inRoots.has(ancestor)))) return null;
  const first = startOffset(roots[0]);
  let best: Element | null = null;
  for (const headline of headlines) {
    // The page header is furniture, yet a headline inside it belongs to the article.
    if (startOffset(headline) >= first || !isReached(headline, body, true)) continue;
    const words = `${attribute(headline, 'class') ?? ''} ${attribute(headline, 'id') ?? ''}`;
    const own = measure(headline).get(headline);
    if (LOGO.test(words) || own === undefined || own.text === 0 || linkDensity(own) > 0.5) continue;
    best = headline;
  }
  return best;
}

/**
 * Characters of text under an element, scripts and hidden parts included: enough to tell an
 * article from a teaser card, at a fraction of the cost of `measure` (no per-element checks).
 */
function rawTextLength(element: Element): number {
  let length = 0;
  const stack: AnyNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('data' in node && node.type === 'text') length += node.data.length;
    else if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return length;
}

/**
 * The largest visible `<article>` (or `<main>`) that holds enough text to be the article. Only the
 * candidates' own content is measured: most pages have one, and the rest of the page need not be walked.
 */
function largestFrameOf(body: ParentNode, candidates: Element[]): Element | undefined {
  let best: Element | undefined;
  let bestText = MIN_FRAME_TEXT - 1;
  for (const candidate of candidates) {
    if (!isReached(candidate, body, false)) continue;
    const text = rawTextLength(candidate);
    if (text > bestText) {
      best = candidate;
      bestText = text;
    }
  }
  return best;
}

export function chooseContent(document: AnyNode, body: ParentNode): ContentChoice {
  // One walk finds what the choice may need: the article frames and the headlines.
  const found = findElements(body, (element) => element.name === 'article' || element.name === 'main' || element.name === 'h1' || element.attribs.role !== undefined);
  const headlines = found.filter((element) => element.name === 'h1');
  const choose = (roots: ParentNode[], selection: ContentSelection): ContentChoice => ({ roots, headline: headlineBefore(body, roots, headlines), selection });
  const article = largestFrameOf(body, found.filter((element) => element.name === 'article' || attribute(element, 'role') === 'article'));
  if (article !== undefined) return choose([article], 'article element');
  const main = largestFrameOf(body, found.filter((element) => element.name === 'main' || attribute(element, 'role') === 'main'));
  if (main !== undefined) return choose([main], 'main element');
  const stats = measure(body);
  const articleBody = structuredArticleBody(document);
  const structured = articleBody === undefined ? undefined : structuredDataRoot(body, stats, articleBody);
  if (structured !== undefined) return choose([structured], 'structured data');
  const densest = densestText(body, stats);
  if (densest !== undefined && densest.length > 0) return choose(densest, 'text density');
  return { roots: [body], headline: null, selection: 'whole page' };
}
