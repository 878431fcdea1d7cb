import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readArticle } from '../../../../src/core/formats';
import { readHtml } from '../../../../src/core/formats/html/htmlReader';
import type { Range } from '../../../../src/core/model';
import { escapeHtml, HTML_LAYOUTS, paragraphsOf, renderHtml } from './renderings';
import { assertCharactersMapped, assertRangeShowsWords, randomRange, visibleHtml, wordRanges } from './sourceOracle';

const EXAMPLES = path.join(__dirname, '..', '..', '..', '..', 'examples');
const examples = ['harbour-wire.txt', 'harbour-herald.txt'].map((name) => ({ name, text: fs.readFileSync(path.join(EXAMPLES, name), 'utf8') }));

/** Every word, every block and every sentence-sized window of the article, sliced out of the source. */
function assertEveryRangeShowsItsWords(article: ReturnType<typeof readHtml>, source: string): void {
  for (const block of article.blocks) {
    assertRangeShowsWords(article, source, block.range, visibleHtml);
    const words = wordRanges(article.text.slice(block.range[0], block.range[1])).map(([s, e]): Range => [block.range[0] + s, block.range[0] + e]);
    for (let i = 0; i < words.length; i++) {
      assertRangeShowsWords(article, source, words[i], visibleHtml);
      if (i + 5 < words.length) assertRangeShowsWords(article, source, [words[i][0], words[i + 5][1]], visibleHtml);
    }
  }
}

describe('formats/htmlReader', () => {
  for (const { name, text } of examples) {
    const paragraphs = paragraphsOf(text);
    for (const layout of HTML_LAYOUTS) {
      it(`reads ${name} saved as a web page (${layout}) as the same paragraphs, every word mapped to its source`, () => {
        const source = renderHtml(paragraphs, layout);
        const article = readHtml(source);
        assert.strictEqual(article.text, paragraphs.join('\n\n'));
        assert.strictEqual(article.blocks.length, paragraphs.length);
        assert.deepStrictEqual(article.blocks[0], { kind: 'heading', level: 1, range: [0, paragraphs[0].length] });
        assert.deepStrictEqual(article.warnings, []);
        assertCharactersMapped(article, source);
        assertEveryRangeShowsItsWords(article, source);
      });
    }
  }

  it('says how it found the article', () => {
    const paragraphs = paragraphsOf(examples[0].text);
    assert.match(readHtml(renderHtml(paragraphs, 'article')).note ?? '', /<article>/);
    assert.match(readHtml(renderHtml(paragraphs, 'main')).note ?? '', /<main>/);
    assert.match(readHtml(renderHtml(paragraphs, 'jsonLd')).note ?? '', /structured data/);
    assert.match(readHtml(renderHtml(paragraphs, 'divSoup')).note ?? '', /densest/);
  });

  it('leaves out scripts, styles, comments, templates, navigation, forms, asides and hidden elements', () => {
    const source = `<body><nav>Home</nav><main><p>Kept one.</p><script>"no"</script><style>.x{}</style><!-- no --><noscript>no</noscript>
<template><p>no</p></template><form><p>no</p></form><aside>no</aside><p hidden>no</p><p aria-hidden="true">no</p>
<p style="color: red; display:none">no</p><p style="visibility: hidden !important">no</p><dialog>no</dialog><dialog open>Kept two.</dialog>
<div role="navigation">no</div><div role="complementary">no</div><div class="share-buttons">no</div><div class="article-share">Kept three.</div>
<svg><text>no</text></svg><p>Kept four with padding to make the main element long enough to be the article on its own, yes indeed.</p></main></body>`;
    const article = readHtml(source);
    assert.strictEqual(article.text, 'Kept one.\n\nKept two.\n\nKept three.\n\nKept four with padding to make the main element long enough to be the article on its own, yes indeed.');
  });

  it('keeps the header and footer of the article itself, not those of the page', () => {
    const long = 'The article text runs on long enough to count as the article, well past two hundred characters of visible words, so that it is not taken for a teaser card or a small widget on the page.';
    const source = `<body><header>Site header</header><article><header><p>By A. Writer</p></header><p>${long}</p><footer>Filed under: ports</footer></article><footer>Site footer</footer></body>`;
    assert.strictEqual(readHtml(source).text, `By A. Writer\n\n${long}\n\nFiled under: ports`);
  });

  it('joins inline elements into one paragraph, breaks lines at <br> and paragraphs at blocks and double <br>', () => {
    const source = `<body><main><p>“We <em>regret</em> the <a href="/x">union’s</a> decision,” it said.<br>Line two.<br><br>New paragraph.</p><div>Div<span>ided</span> word</div>
<ul><li>Item one</li><li>Item two</li></ul><blockquote><p>Quoted paragraph.</p></blockquote><table><tr><td>Cell one</td><td>Cell two</td></tr></table>
<pre>  pre\n  formatted</pre><p>End of the piece with enough words to pass for an article in the main element of this small page, and then some more.</p></main></body>`;
    const article = readHtml(source);
    assert.strictEqual(article.text, '“We regret the union’s decision,” it said.\nLine two.\n\nNew paragraph.\n\nDivided word\n\nItem one\n\nItem two\n\nQuoted paragraph.\n\nCell one\n\nCell two\n\npre\n  formatted\n\nEnd of the piece with enough words to pass for an article in the main element of this small page, and then some more.');
    assert.deepStrictEqual(article.blocks.map((block) => block.kind), ['paragraph', 'paragraph', 'paragraph', 'item', 'item', 'quote', 'paragraph', 'paragraph', 'preformatted', 'paragraph']);
    assertCharactersMapped(article, source);
  });

  it('decodes character references with the HTML rules and maps each to the whole reference', () => {
    const source = '<body><p>&ldquo;Rock &amp; roll&rdquo; &copy 2024 &#x1F600; &#128512; &notit; &amp &nbsp;x AT&T &#0; &bogus;</p></body>';
    const article = readHtml(source);
    assert.strictEqual(article.text, '“Rock & roll” © 2024 😀 😀 ¬it; & \u00a0x AT&T \ufffd &bogus;');
    assertCharactersMapped(article, source);
    const emoji = article.text.indexOf('😀');
    assert.deepStrictEqual(article.map.toSource([emoji, emoji + 2]), [source.indexOf('&#x1F600;'), source.indexOf('&#x1F600;') + 9]);
    const ampersand = article.text.indexOf('&');
    assert.strictEqual(source.slice(...article.map.toSource([ampersand, ampersand + 1])), '&amp;');
  });

  it('keeps CRLF, tabs and lone CRs exact, and reads a wrapped line as one line', () => {
    const source = '<body><p>one\r\n\ttwo\rthree</p><pre>a\r\nb</pre></body>';
    const article = readHtml(source);
    assert.strictEqual(article.text, 'one two three\n\na\nb');
    assertCharactersMapped(article, source);
    const b = article.text.lastIndexOf('b');
    assert.deepStrictEqual(article.map.toSource([b - 2, b + 1]), [source.indexOf('a\r\nb'), source.indexOf('a\r\nb') + 4]);
  });

  it('maps text the parser merges across a stray end tag', () => {
    const source = '<body><p>half</span>way there</section>ok</p></body>';
    const article = readHtml(source);
    assert.strictEqual(article.text, 'halfway thereok');
    assertCharactersMapped(article, source);
    assert.strictEqual(source.slice(...article.map.toSource([4, 7])), 'way');
  });

  it('keeps the headline of a page header with an article that has none, but not a logo', () => {
    const long = 'Body text of the article that is long enough to be taken as the article by the reader, well over two hundred characters of visible text so that the article element is chosen, as it should be.';
    const page = (header: string): string => `<body><header>${header}</header><article><p>${long}</p></article></body>`;
    assert.strictEqual(readHtml(page('<h1 class="logo"><a href="/">Site</a></h1>')).text, long);
    assert.strictEqual(readHtml(page('<a href="/">Site</a><h1>The headline</h1>')).text, `The headline\n\n${long}`);
  });

  it('reads a page with no body text as empty, with a warning, and a fragment without <html> as a page', () => {
    const empty = readHtml('<!doctype html><title>Only a title</title>');
    assert.strictEqual(empty.text, '');
    assert.ok(empty.warnings.some((warning) => /no visible article text/.test(warning)));
    assert.strictEqual(readHtml('Just <b>some</b> text').text, 'Just some text');
  });

  it('reads a page nested as deep as browsers nest, and refuses one nested deeper, in time that grows with the page', async () => {
    const nested = (depth: number): string => `<body>${'<div>'.repeat(depth)}Deep words.${'</div>'.repeat(depth)}</body>`;
    assert.strictEqual(readHtml(nested(500)).text, 'Deep words.');
    assert.throws(() => readHtml(nested(100_000)), /nested more than 512 deep/);
    const started = Date.now();
    const article = await readArticle(nested(100_000), 'html');
    assert.ok(Date.now() - started < 5000, 'a page of 100,000 nested elements is turned down at once');
    assert.ok(article.text.startsWith('<body><div>'), 'read as plain text');
    assert.match(article.warnings.join(), /could not be read as a web page \(its elements are nested more than 512 deep\); read as plain text/);
  });

  it('maps random articles in random markup exactly (property)', () => {
    const character = fc.constantFrom('a', 'b', 'é', 'Z', '1', '&', '<', '>', '"', "'", '“', '”', '’', ',', '.', '😀', '\u00a0', '–', ';', '#');
    const word = fc.array(character, { minLength: 1, maxLength: 6 }).map((characters) => characters.join(''));
    const paragraph = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
    const markup = fc.record({
      wrap: fc.constantFrom('article', 'main', 'div', 'body'),
      references: fc.boolean(),
      inline: fc.boolean(),
      noise: fc.boolean(),
      lineBreak: fc.constantFrom('\n', '\r\n', ' '),
    });
    fc.assert(fc.property(fc.array(paragraph, { minLength: 1, maxLength: 6 }), markup, fc.nat(), fc.nat(), (paragraphs, options, x, y) => {
      const encode = (text: string): string => {
        let out = '';
        let turn = 0;
        for (const each of text) {
          turn++;
          if (options.references && turn % 2 === 0 && each !== ' ') out += `&#${each.codePointAt(0)};`;
          else if (options.references && turn % 3 === 0 && each === ' ') out += '&#32;';
          else out += escapeHtml(each);
          if (options.inline && turn % 5 === 0) out += turn % 2 === 0 ? '<em>' : '</em>';
          if (options.noise && turn % 7 === 0) out += turn % 2 === 0 ? '<!-- "x" -->' : '<script>"</p>"</script>';
        }
        return options.inline ? `<span>${out}</span>` : out;
      };
      const body = paragraphs.map((each) => `<p>${encode(each).replace(/ /g, options.lineBreak === ' ' ? ' ' : `${options.lineBreak}  `)}</p>`).join(options.lineBreak);
      const source = options.wrap === 'body' ? `<body>${body}</body>` : `<body><${options.wrap}>${body}</${options.wrap}></body>`;
      const article = readHtml(source);
      assert.strictEqual(article.text, paragraphs.join('\n\n'));
      assertCharactersMapped(article, source);
      const { start, end } = randomRange(article.text, x, y);
      const [from, to] = article.map.toSource([start, end]);
      assert.ok(0 <= from && from <= to && to <= source.length);
      for (const block of article.blocks) {
        const s = Math.max(block.range[0], Math.min(start, block.range[1]));
        const e = Math.max(s, Math.min(end, block.range[1]));
        const words = wordRanges(article.text.slice(s, e));
        if (words.length > 0) assertRangeShowsWords(article, source, [s + words[0][0], s + words[words.length - 1][1]], visibleHtml);
      }
    }), { numRuns: 300 });
  });
});
