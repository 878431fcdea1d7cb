/**
 * Independent checks that an article's offset map is exact, written without the readers' code:
 * - character by character: the source span of each article character is that character, a
 *   reference or escape that decodes to it, whitespace it collapses, or (for a paragraph or line
 *   break) the markup between two paragraphs;
 * - range by range: the source sliced at a mapped range, with its markup taken off by a plain
 *   regex oracle, holds the same words as the article range.
 */
import * as assert from 'assert';
import { decodeHTML, decodeHTMLStrict } from 'entities';
import type { Article } from '../../../../src/core/formats';
import type { Range } from '../../../../src/core/model';

const SPACE = /^[ \t\n\r\f]+$/;

function isBreak(article: Article, offset: number): boolean {
  const character = article.text[offset];
  return character === '\n' && !article.blocks.some((block) => block.kind === 'preformatted' && block.range[0] <= offset && offset < block.range[1]);
}

/** Why the source span of article character `offset` is wrong, or undefined when it is right. */
function characterProblem(article: Article, source: string, offset: number): string | undefined {
  const character = article.text[offset];
  const start = article.map.sourceStart(offset);
  const end = article.map.sourceEnd(offset + 1);
  const span = source.slice(start, end);
  if (!(start <= end)) return `inverted span ${start}..${end}`;
  if (span === character) return undefined;
  if (isBreak(article, offset)) return undefined;
  if (character === ' ' && SPACE.test(span)) return undefined;
  if (character === '\n' && span === '\r\n') return undefined;
  if (article.format === 'markdown' && span === `\\${character}`) return undefined;
  if (span.startsWith('&')) {
    const decoded = article.format === 'markdown' ? decodeHTMLStrict(span) : decodeHTML(span);
    if (decoded !== span && decoded.includes(character)) return undefined;
  }
  // Half of a surrogate pair decoded from one reference (`&#x1F600;`).
  if (span.startsWith('&') && /[\uD800-\uDFFF]/.test(character)) return undefined;
  return `article ${JSON.stringify(character)} at ${offset} maps to source ${JSON.stringify(span)} at ${start}..${end}`;
}

/** Asserts that every character of the article maps to its own source. */
export function assertCharactersMapped(article: Article, source: string): void {
  const problems: string[] = [];
  for (let offset = 0; offset < article.text.length && problems.length < 5; offset++) {
    const problem = characterProblem(article, source, offset);
    if (problem !== undefined) problems.push(problem);
  }
  assert.deepStrictEqual(problems, [], 'every article character maps to its source');
}

export function normaliseWords(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

/** What a browser shows of an HTML fragment as the renderings write it (no nesting of hidden parts). */
export function visibleHtml(fragment: string): string {
  const stripped = fragment
    .replace(/<(script|style|noscript|template|button|textarea|title)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<span (?:hidden|style="display: none"|aria-hidden="true")>[\s\S]*?<\/span>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?(?:p|div|h[1-6]|li|ul|ol|blockquote|br|article|section|pre)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '');
  return normaliseWords(decodeHTML(stripped));
}

/** What a reader sees of a Markdown fragment as the renderings write it. */
export function visibleMarkdown(fragment: string): string {
  const withoutMarkup = fragment
    // Container markers at the start of a line inside the fragment (a mapped range starts after its own).
    .replace(/(?<=\n)[ \t]*(?:>[ \t]?)+/g, '')
    .replace(/(?<=\n) {0,3}(?:[-+*]|\d+[.)])\s+/g, '')
    .replace(/(?<=(?:^|[^\\])(?:\\\\)*)\]\((?:[^()"\\]|\\.|"(?:[^"\\]|\\.)*")*\)/g, ']')
    .replace(/(?<=(?:^|[^\\])(?:\\\\)*)\]\[[^\]]*\]/g, ']');
  let out = '';
  for (let i = 0; i < withoutMarkup.length; i++) {
    const character = withoutMarkup[i];
    if (character === '\\' && /[!-/:-@[-`{-~]/.test(withoutMarkup[i + 1] ?? '')) out += withoutMarkup[++i];
    else if (character === '&') {
      const reference = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);/.exec(withoutMarkup.slice(i));
      if (reference !== null) {
        out += decodeHTMLStrict(reference[0]);
        i += reference[0].length - 1;
      } else out += character;
    } else if (character === '`') continue;
    else if (character !== '*' && character !== '[' && character !== ']' && character !== '_') out += character;
  }
  return normaliseWords(out);
}

/** Asserts that the source sliced at the mapped range shows the article range's words. */
export function assertRangeShowsWords(article: Article, source: string, range: Range, visible: (fragment: string) => string): void {
  const [start, end] = article.map.toSource(range);
  assert.ok(0 <= start && start <= end && end <= source.length, `mapped range ${start}..${end} lies in the source`);
  assert.strictEqual(visible(source.slice(start, end)), normaliseWords(article.text.slice(range[0], range[1])), `source ${start}..${end} for article ${range[0]}..${range[1]}`);
}

/** The article's words as ranges: maximal runs of characters that are not whitespace. */
export function wordRanges(text: string): Range[] {
  const ranges: Range[] = [];
  for (const match of text.matchAll(/[^ \t\n\r\f]+/g)) ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}

/** A range of the text from two random numbers, never splitting a surrogate pair (no range in the model does). */
export function randomRange(text: string, x: number, y: number): { start: number; end: number } {
  const snap = (offset: number): number => (offset > 0 && offset < text.length && /[\uDC00-\uDFFF]/.test(text[offset]) ? offset - 1 : offset);
  const start = snap(x % (text.length + 1));
  const end = Math.max(start, snap(start + (y % (text.length - start + 1))));
  return { start, end };
}
