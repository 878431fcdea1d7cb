/**
 * The measure of the formats issue: the example articles (and the hostile ones) saved as web pages
 * of every layout and as Markdown give the same quotes (words and speaker) and the same shared
 * passages as their plain text, and every range of the model, sliced out of the source, shows the
 * words the plain-text comparison found.
 */
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareDocuments, compareTexts } from '../../../../src/core/compare';
import { readPlainText, type Article } from '../../../../src/core/formats/article';
import { readHtml } from '../../../../src/core/formats/html/htmlReader';
import { readMarkdown } from '../../../../src/core/formats/markdown/markdownReader';
import { comparisonInArticles } from '../../../../src/core/formats/sourceRanges';
import type { Comparison, Range } from '../../../../src/core/model';
import { HTML_LAYOUTS, paragraphsOf, renderHtml, renderMarkdown } from './renderings';
import { normaliseWords, visibleHtml, visibleMarkdown } from './sourceOracle';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const PAIRS = [
  ['examples/harbour-wire.txt', 'examples/harbour-herald.txt'],
  ['test/fixtures/hostile/hostile-wire.txt', 'test/fixtures/hostile/hostile-herald.txt'],
].map((pair) => pair.map((file) => ({ name: path.basename(file), paragraphs: paragraphsOf(fs.readFileSync(path.join(ROOT, file), 'utf8')) })));

interface Rendering {
  label: string;
  render: (paragraphs: string[]) => string;
  read: (source: string) => Article;
  visible: (fragment: string) => string;
}

const RENDERINGS: Rendering[] = [
  ...HTML_LAYOUTS.map((layout): Rendering => ({ label: `web page (${layout})`, render: (paragraphs) => renderHtml(paragraphs, layout), read: readHtml, visible: visibleHtml })),
  { label: 'Markdown', render: (paragraphs) => renderMarkdown(paragraphs), read: readMarkdown, visible: visibleMarkdown },
  { label: 'Markdown (CRLF)', render: (paragraphs) => renderMarkdown(paragraphs, '\r\n'), read: readMarkdown, visible: visibleMarkdown },
];

/** Everything the comparison found, as words: what must not change with the format. */
function findings(comparison: Comparison, words: { a: (range: Range) => string; b: (range: Range) => string }) {
  return {
    quotes: (['a', 'b'] as const).map((side) => comparison[side].quotes.map((quote) => ({
      text: normaliseWords(quote.text),
      words: words[side](quote.range),
      statement: quote.statement,
      speaker: quote.speaker && {
        name: quote.speaker.name, words: words[side](quote.speaker.range),
        cue: { kind: quote.speaker.cue.kind, words: quote.speaker.cue.range && words[side](quote.speaker.cue.range) },
      },
    }))),
    nonSpeech: (['a', 'b'] as const).map((side) => comparison[side].nonSpeech.map((quote) => ({ kind: quote.kind, words: words[side](quote.range) }))),
    passages: comparison.passages.map((passage) => ({
      a: words.a(passage.a),
      b: words.b(passage.b),
      identical: passage.identical,
      words: passage.words,
      differences: passage.differences.map((difference) => [words.a(difference.a), words.b(difference.b)]),
    })),
    speakers: comparison.speakers.map((speaker) => ({ name: speaker.name, quotes: speaker.quotes })),
    quoteMatches: comparison.quoteMatches.map((match) => ({ ...match, differences: match.differences.map((difference) => [words.a(difference.a), words.b(difference.b)]) })),
    stats: { a: comparison.a.stats.words, b: comparison.b.stats.words, sharedA: comparison.a.stats.sharedWords, sharedB: comparison.b.stats.sharedWords },
    // A conflict's evidence: the mention and the cue on each side.
    conflicts: comparison.conflicts.map((conflict) => ({
      match: conflict.match,
      ...Object.fromEntries((['a', 'b'] as const).map((side) => [side, [words[side](conflict[side].range), conflict[side].cue.range && words[side](conflict[side].cue.range)]])),
    })),
  };
}

describe('formats: comparing saved web pages and Markdown', () => {
  for (const [first, second] of PAIRS) {
    // The plain-text reference: the same paragraphs, one per line as a text editor saves them.
    const plainA = first.paragraphs.join('\n');
    const plainB = second.paragraphs.join('\n');
    const reference = compareTexts({ name: first.name, text: plainA }, { name: second.name, text: plainB });
    const expected = findings(reference, { a: (range) => normaliseWords(plainA.slice(...range)), b: (range) => normaliseWords(plainB.slice(...range)) });

    it(`finds something to compare in ${first.name} and ${second.name}`, () => {
      assert.ok(reference.passages.length > 0 && reference.a.quotes.length > 0 && reference.quoteMatches.length > 0);
    });

    for (const rendering of RENDERINGS) {
      it(`finds the same quotes, speakers and passages in ${first.name} and ${second.name} saved as ${rendering.label}, at ranges into the sources`, () => {
        const sourceA = rendering.render(first.paragraphs);
        const sourceB = rendering.render(second.paragraphs);
        const { model } = compareDocuments(
          { name: first.name, text: sourceA, article: rendering.read(sourceA) },
          { name: second.name, text: sourceB, article: rendering.read(sourceB) },
        );
        assert.strictEqual(model.a.format, rendering.label.startsWith('Markdown') ? 'markdown' : 'html');
        const found = findings(model, { a: (range) => rendering.visible(sourceA.slice(...range)), b: (range) => rendering.visible(sourceB.slice(...range)) });
        assert.deepStrictEqual(found, expected);
      });
    }
  }

  it('compares a web page with Markdown, and either with plain text', () => {
    const [wire, herald] = PAIRS[0];
    const plain = compareTexts({ name: 'a', text: wire.paragraphs.join('\n') }, { name: 'b', text: herald.paragraphs.join('\n') });
    const page = renderHtml(wire.paragraphs, 'divSoup');
    const note = renderMarkdown(herald.paragraphs);
    const mixed = compareTexts({ name: 'a', text: page, article: readHtml(page) }, { name: 'b', text: note, article: readMarkdown(note) });
    assert.deepStrictEqual([mixed.a.format, mixed.b.format], ['html', 'markdown']);
    assert.deepStrictEqual(mixed.quoteMatches.map((match) => match.kind), plain.quoteMatches.map((match) => match.kind));
    assert.strictEqual(mixed.passages.length, plain.passages.length);
    assert.match(mixed.a.formatNote ?? '', /densest block/);
  });

  it('leaves a plain-text comparison exactly as it was: the same object, format text, no note', () => {
    const text = PAIRS[0][0].paragraphs.join('\n');
    const read = compareDocuments({ name: 'a', text }, { name: 'b', text, article: readPlainText(text) });
    assert.strictEqual(read.model, read.inArticles);
    assert.strictEqual(read.model.a.format, 'text');
    assert.strictEqual(read.model.a.formatNote, undefined);
  });

  it('keeps the comparison in article offsets beside the model, for the page that shows the article', () => {
    const [wire, herald] = PAIRS[0];
    const pageA = renderHtml(wire.paragraphs, 'inlineSplit');
    const pageB = renderHtml(herald.paragraphs, 'entities');
    const read = compareDocuments({ name: 'a', text: pageA, article: readHtml(pageA) }, { name: 'b', text: pageB, article: readHtml(pageB) });
    for (const [inArticle, inSource] of read.inArticles.a.quotes.map((quote, id) => [quote, read.model.a.quotes[id]] as const)) {
      assert.strictEqual(read.articles.a.text.slice(...inArticle.range), inArticle.text);
      assert.deepStrictEqual(read.articles.a.map.toSource(inArticle.range), inSource.range);
      assert.deepStrictEqual(read.articles.a.map.toArticle(inSource.range), inArticle.range);
    }
    assert.deepStrictEqual(comparisonInArticles(read.model, read.articles.a.map, read.articles.b.map), read.inArticles, 'the model maps back to the article offsets whole');
  });

  it('gives the headings of web pages and Markdown, on their words in the source and in the article; none for plain text', () => {
    const page = '<html><body><article><h1>Dock &amp; strike ends</h1><p>“We are back,” said Ms Marlow.</p><h2>What <em>next</em></h2><p>Talks resume.</p></article></body></html>';
    const note = '---\ntitle: x\n---\n# Dock strike *ends*\r\n\r\n“We are back,” said Ms Marlow.\r\n\r\nWhat next\r\n---------\r\n\r\nTalks resume.\r\n';
    const read = compareDocuments({ name: 'a', text: page, article: readHtml(page) }, { name: 'b', text: note, article: readMarkdown(note) });
    assert.deepStrictEqual(read.model.a.headings?.map((range) => page.slice(...range)), ['Dock &amp; strike ends', 'What <em>next']);
    assert.deepStrictEqual(read.inArticles.a.headings?.map((range) => read.articles.a.text.slice(...range)), ['Dock & strike ends', 'What next']);
    assert.deepStrictEqual(read.model.b.headings?.map((range) => note.slice(...range)), ['Dock strike *ends', 'What next']);
    assert.deepStrictEqual(read.inArticles.b.headings?.map((range) => read.articles.b.text.slice(...range)), ['Dock strike ends', 'What next']);
    assert.deepStrictEqual(comparisonInArticles(read.model, read.articles.a.map, read.articles.b.map), read.inArticles);
    const plain = compareTexts({ name: 'a', text: '# Not a heading\n\nText.' }, { name: 'b', text: 'Text.' });
    assert.strictEqual(plain.a.headings, undefined);
  });
});
