import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readArticle, type Article } from '../../../../src/core/formats';
import { readMarkdown } from '../../../../src/core/formats/markdown/markdownReader';
import type { Range } from '../../../../src/core/model';
import { escapeMarkdown, paragraphsOf, renderMarkdown } from './renderings';
import { assertCharactersMapped, assertRangeShowsWords, randomRange, visibleMarkdown, wordRanges } from './sourceOracle';

const EXAMPLES = path.join(__dirname, '..', '..', '..', '..', 'examples');
const examples = ['harbour-wire.txt', 'harbour-herald.txt'].map((name) => ({ name, text: fs.readFileSync(path.join(EXAMPLES, name), 'utf8') }));

function assertEveryRangeShowsItsWords(article: Article, source: string): void {
  for (const block of article.blocks) {
    assertRangeShowsWords(article, source, block.range, visibleMarkdown);
    const words = wordRanges(article.text.slice(block.range[0], block.range[1])).map(([s, e]): Range => [block.range[0] + s, block.range[0] + e]);
    for (let i = 0; i < words.length; i++) {
      assertRangeShowsWords(article, source, words[i], visibleMarkdown);
      if (i + 5 < words.length) assertRangeShowsWords(article, source, [words[i][0], words[i + 5][1]], visibleMarkdown);
    }
  }
}

describe('formats/markdownReader', () => {
  for (const { name, text } of examples) {
    for (const lineBreak of ['\n', '\r\n']) {
      it(`reads ${name} written as Markdown (${JSON.stringify(lineBreak)}) as the same paragraphs, every word mapped to its source`, () => {
        const paragraphs = paragraphsOf(text);
        const source = renderMarkdown(paragraphs, lineBreak);
        const article = readMarkdown(source);
        assert.strictEqual(article.text, paragraphs.join('\n\n'));
        assert.deepStrictEqual(article.blocks[0], { kind: 'heading', level: 1, range: [0, paragraphs[0].length] });
        assert.strictEqual(article.blocks.length, paragraphs.length);
        assert.deepStrictEqual(article.warnings, []);
        assertCharactersMapped(article, source);
        assertEveryRangeShowsItsWords(article, source);
      });
    }
  }

  it('leaves out front matter, markers, destinations, images, comments, definitions and thematic breaks', () => {
    const source = [
      '+++', 'title = "TOML front matter"', '+++', '',
      'Setext *heading*', '================', '',
      '## ATX heading ##', '',
      'A [link](https://example.invalid "title") and ![an image](x.png) and [a reference][r] and <https://example.invalid/auto>.', '',
      '<!-- a comment -->', '',
      '<div>an HTML block</div>', '',
      '---', '',
      '> A quoted "paragraph"', '> on two lines.', '',
      '- item *one*', '- item `two`', '',
      '1. numbered', '',
      '```js', 'const x = "code";', '```', '',
      '    indented code', '',
      'Hard  ', 'break and a\\', 'backslash break and <br> inline tag.', '',
      '[r]: https://example.invalid/r', '',
    ].join('\n');
    const article = readMarkdown(source);
    assert.strictEqual(article.text, [
      'Setext heading', 'ATX heading', 'A link and and a reference and https://example.invalid/auto.', 'A quoted "paragraph" on two lines.',
      'item one', 'item two', 'numbered', 'const x = "code";', 'indented code', 'Hard\nbreak and a\nbackslash break and\ninline tag.',
    ].join('\n\n'));
    assert.deepStrictEqual(article.blocks.map((block) => [block.kind, block.level]), [
      ['heading', 1], ['heading', 2], ['paragraph', undefined], ['quote', undefined], ['item', undefined], ['item', undefined],
      ['item', undefined], ['preformatted', undefined], ['preformatted', undefined], ['paragraph', undefined],
    ]);
    assertCharactersMapped(article, source);
  });

  it('decodes escapes and references and maps each to its whole source', () => {
    const source = 'Rock \\& roll &amp; \\*not emphasis\\* &copy; &copy 2024 &#x1F600; &nbsp;x `code &amp; \\*`';
    const article = readMarkdown(source);
    assert.strictEqual(article.text, 'Rock & roll & *not emphasis* © &copy 2024 😀 \u00a0x code &amp; \\*');
    assertCharactersMapped(article, source);
    const star = article.text.indexOf('*');
    assert.strictEqual(source.slice(...article.map.toSource([star, star + 4])), '\\*not');
  });

  it('maps a paragraph wrapped inside a block quote and a list item', () => {
    const source = '> “We regret the\n> union’s decision,”\n> it said.\n\n- one two\n  three\n';
    const article = readMarkdown(source);
    assert.strictEqual(article.text, '“We regret the union’s decision,” it said.\n\none two three');
    assertCharactersMapped(article, source);
    const union = article.text.indexOf('the union’s');
    assert.strictEqual(source.slice(...article.map.toSource([union, union + 11])), 'the\n> union’s');
  });

  for (const [shape, source] of [
    ['block quotes nested 100,000 deep', `${'>'.repeat(100_000)} deep\n`],
    ['lists nested 2,000 deep', Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i * 2)}- deep`).join('\n')],
    ['a paragraph of 100,000 unclosed links', '[a]('.repeat(100_000)],
  ]) {
    it(`turns down ${shape} at once and reads it as plain text (micromark's time would grow with its square)`, async () => {
      assert.throws(() => readMarkdown(source), /nesting|markup characters/);
      const started = Date.now();
      const article = await readArticle(source, 'markdown');
      assert.ok(Date.now() - started < 2000, 'turned down without parsing');
      assert.strictEqual(article.text, source);
      assert.match(article.warnings.join(), /could not be read as Markdown \(.*\); read as plain text/);
    });
  }

  it('reads prose with the usual markup, nesting and long paragraphs as Markdown', () => {
    const paragraph = Array.from({ length: 300 }, (_, i) => (i % 10 === 0 ? `[link ${i}](https://example.invalid/${i}) *word*` : 'plain words here')).join(' ');
    const source = `${'> '.repeat(20)}quoted\n\n${paragraph}\n\n${paragraph}\n`;
    const article = readMarkdown(source);
    assert.ok(article.text.startsWith('quoted\n\nlink 0 word plain words here'), article.text.slice(0, 60));
    assert.deepStrictEqual(article.warnings, []);
  });

  it('maps random articles in random Markdown exactly (property)', () => {
    const character = fc.constantFrom('a', 'b', 'é', 'Z', '1', '&', '<', '>', '"', "'", '“', '”', '*', '_', '[', ']', '\\', '#', '`', '😀', '-', '.', '!', '(', ')');
    const word = fc.array(character, { minLength: 1, maxLength: 6 }).map((characters) => characters.join(''));
    const paragraph = fc.array(word, { minLength: 1, maxLength: 12 });
    const style = fc.record({ container: fc.constantFrom('', '> ', '- ', '1. '), emphasis: fc.boolean(), links: fc.boolean(), references: fc.boolean(), wrap: fc.boolean(), crlf: fc.boolean() });
    fc.assert(fc.property(fc.array(fc.tuple(paragraph, style), { minLength: 1, maxLength: 5 }), fc.nat(), fc.nat(), (items, x, y) => {
      const blocks = items.map(([words, options]) => {
        const written = words.map((each, index) => {
          let out = escapeMarkdown(each);
          if (options.references && index % 2 === 1) out = [...each].map((c) => `&#${c.codePointAt(0)};`).join('');
          if (options.emphasis && index % 3 === 0) out = `**${out}**`;
          if (options.links && index % 3 === 1) out = `[${out}](https://example.invalid/${index})`;
          return out;
        });
        const lines = options.wrap ? written.join(' ').replace(/ /g, (space, at: number) => (at % 3 === 0 ? '\n' : space)) : written.join(' ');
        const indent = options.container === '1. ' ? '   ' : options.container === '- ' ? '  ' : options.container;
        return options.container + lines.split('\n').join(`\n${indent}`);
      });
      const crlf = items[0][1].crlf;
      const source = blocks.join('\n\n').replace(/\n/g, crlf ? '\r\n' : '\n');
      const article = readMarkdown(source);
      assert.strictEqual(article.text, items.map(([words]) => words.join(' ')).join('\n\n'));
      assertCharactersMapped(article, source);
      const { start, end } = randomRange(article.text, x, y);
      const [from, to] = article.map.toSource([start, end]);
      assert.ok(0 <= from && from <= to && to <= source.length);
      for (const block of article.blocks) {
        const s = Math.max(block.range[0], Math.min(start, block.range[1]));
        const e = Math.max(s, Math.min(end, block.range[1]));
        const words = wordRanges(article.text.slice(s, e));
        if (words.length > 0) assertRangeShowsWords(article, source, [s + words[0][0], s + words[words.length - 1][1]], visibleMarkdown);
      }
    }), { numRuns: 300 });
  });
});
