// What "no live markup out" means for an exported report, checked with real parsers: parse5 (the
// HTML5 parsing algorithm browsers use) for the HTML page, markdown-it (CommonMark with tables and
// strikethrough, the parser of VS Code's Markdown preview) for the Markdown.
//
// Each report is compared with its twin: the same comparison with every character of outside text
// (articles, file names, speakers) that is not a space replaced by `x`. The twin is what the writer
// means to lay out, so the structure of the report (elements and attributes; Markdown's tokens) must
// be the twin's exactly: outside text that made an element, an attribute, a link or a heading of
// its own would show up as a difference. And the outside text must be there, as text: every piece
// of text shown has the twin's length and spaces (a character swallowed, decoded or dropped would
// change them), and each quote, speaker and file name is found in it.
import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { parse } from 'parse5';
import type { Comparison, ManyComparison } from '../../../../../src/core/model';
import type { ManyReportInput } from '../../../../../src/core/views/report/manyContent';
import { utf8Length, type ReportInput } from '../../../../../src/core/views/report/content';

// Per UTF-16 unit (no u flag): an astral character becomes two x, so lengths and ranges stay exact.
const x = (text: string): string => text.replace(/\S/g, 'x');

/** The same comparison with its outside text made harmless: lengths and white space kept, so every range still fits. */
export function twinInput(input: ReportInput): ReportInput {
  const { comparison } = input;
  const document = (side: 'a' | 'b') => ({
    ...comparison[side],
    name: x(comparison[side].name),
    quotes: comparison[side].quotes.map((quote) => ({
      ...quote,
      text: x(quote.text),
      speaker: quote.speaker && { ...quote.speaker, name: x(quote.speaker.name) },
    })),
  });
  const twin: Comparison = {
    ...comparison,
    a: document('a'),
    b: document('b'),
    speakers: comparison.speakers.map((speaker) => ({ ...speaker, name: x(speaker.name), aliases: speaker.aliases.map(x), titles: speaker.titles.map(x) })),
  };
  // The files' sizes are the originals': a size is not outside text, and `x` is one byte where a curly quote is three.
  const bytes = { a: input.bytes?.a ?? utf8Length(input.texts.a), b: input.bytes?.b ?? utf8Length(input.texts.b) };
  return { ...input, comparison: twin, texts: { a: x(input.texts.a), b: x(input.texts.b) }, bytes };
}

/**
 * The same for a comparison of three or more: every name, quote, speaker (and its titles and
 * aliases) and attribution with each character that is not an ASCII letter, digit or space made
 * `x`. Letters and digits stay (they make no markup) because the view compares outside strings:
 * a mention is shown when it is not the speaker's name (`council (as “COUNCIL”)`), which an `x`
 * for every letter would make equal.
 */
export function twinManyInput(input: ManyReportInput): ManyReportInput {
  const { comparison } = input;
  const x = (text: string): string => text.replace(/[^\sA-Za-z0-9]/g, 'x');
  const twin: ManyComparison = {
    ...comparison,
    documents: comparison.documents.map((document) => ({
      ...document,
      name: x(document.name),
      quotes: document.quotes.map((quote) => ({ ...quote, text: x(quote.text), speaker: quote.speaker && { ...quote.speaker, name: x(quote.speaker.name) } })),
    })),
    quoteClusters: comparison.quoteClusters.map((cluster) => ({ ...cluster, attributions: cluster.attributions.map((a) => ({ ...a, name: a.name === null ? null : x(a.name) })) })),
    speakers: comparison.speakers.map((speaker) => ({ ...speaker, name: x(speaker.name), aliases: speaker.aliases.map(x), titles: speaker.titles.map(x) })),
  };
  const bytes = input.texts.map((text, d) => input.bytes?.[d] ?? utf8Length(text));
  return { ...input, comparison: twin, texts: input.texts.map(x), bytes };
}

/** Outside strings the report of three or more must show as text: file names, quotes, speakers. */
export function outsideManyStrings(input: ManyReportInput): string[] {
  const { comparison } = input;
  const line = (text: string) => text.replace(/\s+/g, ' ').trim();
  return [
    ...comparison.documents.map((document) => document.name),
    ...comparison.documents.flatMap((document) => document.quotes.map((quote) => quote.text)),
    ...comparison.speakers.map((speaker) => speaker.name),
  ].map(line).filter((text) => text.length > 0);
}

/** Outside strings a report must show as text: file names, quotes, speakers (one line each, as reports write them). */
export function outsideStrings(input: ReportInput): string[] {
  const { comparison } = input;
  const line = (text: string) => text.replace(/\s+/g, ' ').trim();
  return [
    comparison.a.name, comparison.b.name,
    ...comparison.a.quotes.map((quote) => quote.text), ...comparison.b.quotes.map((quote) => quote.text),
    ...comparison.speakers.map((speaker) => speaker.name),
  ].map(line).filter((text) => text.length > 0);
}

interface ParsedNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: ParsedNode[];
  content?: ParsedNode;
}

const REPORT_TAGS = new Set([
  'html', 'head', 'body', 'meta', 'title', 'style', 'header', 'nav', 'a', 'section', 'footer', 'h1', 'h2', 'h3', 'p', 'div', 'span', 'bdi',
  'q', 'br', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'del', 'ins',
]);
const REPORT_ATTRIBUTES = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'id', 'class', 'href']);

/** Elements with their attributes, and the shape of each piece of text (`x` for each character that is not a space). */
function elements(node: ParsedNode, depth = 0, out: string[] = []): string[] {
  for (const child of [...(node.childNodes ?? []), ...(node.content?.childNodes ?? [])]) {
    if (child.nodeName === '#text') out.push(`${depth} ${x(child.value ?? '')}`);
    if (child.tagName === undefined) continue;
    out.push(`${depth} <${child.tagName}${(child.attrs ?? []).map((attr) => ` ${attr.name}=${JSON.stringify(attr.value)}`).join('')}>`);
    elements(child, depth + 1, out);
  }
  return out;
}

function textOf(node: ParsedNode): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return [...(node.childNodes ?? [])].map(textOf).join('');
}

function walk(node: ParsedNode, visit: (node: ParsedNode) => void): void {
  visit(node);
  for (const child of node.childNodes ?? []) walk(child, visit);
}

/** Throws (an assertion) when the HTML report has live markup from outside or misses outside text. */
export function checkHtmlReport(html: string, twinHtml: string, expected: readonly string[]): void {
  const document = parse(html) as unknown as ParsedNode;
  walk(document, (node) => {
    if (node.tagName === undefined) return;
    assert.ok(REPORT_TAGS.has(node.tagName), `an element the report never writes: <${node.tagName}>`);
    for (const { name, value } of node.attrs ?? []) {
      assert.ok(!/^on/i.test(name), `an event handler attribute: ${name}`);
      assert.ok(REPORT_ATTRIBUTES.has(name), `an attribute the report never writes: ${name}`);
      assert.ok(!/javascript:/i.test(value), `a javascript: URL in ${name}`);
      if (name === 'href') assert.match(value, /^#[a-z]+$/, 'a link out of the page');
    }
  });
  assert.deepStrictEqual(elements(document), elements(parse(twinHtml) as unknown as ParsedNode), 'outside text changed the page\'s elements or attributes');
  // Escaped text may say `javascript:`; only a raw `<` could open an element, and there is none from outside.
  assert.doesNotMatch(html, /<script/i, 'the file holds a raw <script');
  const shown = textOf(document).replace(/\s+/g, ' ');
  for (const text of expected) {
    assert.ok(shown.includes(text.replace(/\0/g, '\ufffd')), `not shown as text: ${JSON.stringify(text)}`);
  }
}

const markdown = new MarkdownIt({ html: true, linkify: false });

interface FlatToken {
  type: string;
  tag: string;
  nesting: number;
}

function tokens(source: string): { flat: FlatToken[]; texts: string[] } {
  const flat: FlatToken[] = [];
  const texts: string[] = [];
  for (const token of markdown.parse(source, {})) {
    flat.push({ type: token.type, tag: token.tag, nesting: token.nesting });
    if (token.type !== 'inline') continue;
    let text = '';
    for (const child of token.children ?? []) {
      // Text and soft breaks are content; anything else inline (a link, a code span, emphasis, HTML) is structure.
      if (child.type === 'text' || child.type === 'text_special') text += child.content;
      else if (child.type === 'softbreak') text += ' ';
      else flat.push({ type: child.type, tag: child.tag, nesting: child.nesting });
    }
    texts.push(text);
    flat.push({ type: `text ${x(text)}`, tag: '', nesting: 0 });
  }
  return { flat, texts };
}

const MARKUP_TOKENS = new Set(['html_block', 'html_inline', 'link_open', 'image', 'fence', 'code_block']);

/** Throws (an assertion) when the Markdown report has Markdown from outside or misses outside text. */
export function checkMarkdownReport(source: string, twinSource: string, expected: readonly string[]): void {
  const report = tokens(source);
  for (const token of report.flat) assert.ok(!MARKUP_TOKENS.has(token.type), `markup in the Markdown report: ${token.type}`);
  assert.deepStrictEqual(report.flat, tokens(twinSource).flat, 'outside text changed the Markdown\'s structure');
  const shown = report.texts.join('\n');
  for (const text of expected) {
    assert.ok(shown.includes(text.replace(/\0/g, '\ufffd')), `not shown as text: ${JSON.stringify(text)}`);
  }
}
