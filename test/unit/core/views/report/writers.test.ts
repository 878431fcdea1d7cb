// The three report writers on the sample articles, against golden files reviewed once by hand
// (test/fixtures/reports/). After a deliberate change of the reports, regenerate them with
//   UPDATE_GOLDEN=1 npx mocha test/unit/core/views/report/writers.test.ts
// and review the diff before committing it.
import * as assert from 'assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareTexts } from '../../../../../src/core/compare';
import { buildReport, type ReportInput } from '../../../../../src/core/views/report/content';
import { writeManyReport, writeReport, reportFormatOfFile, type ReportFormat } from '../../../../../src/core/views/report/formats';
import { buildManyReport, type ManyReportInput } from '../../../../../src/core/views/report/manyContent';
import { compareMany } from '../../../../../src/core/compareMany';
import { manyViewContent } from '../../../../../src/core/views/manyView';
import { escapeHtml, REPORT_CSP, REPORT_STYLE, REPORT_STYLE_HASH } from '../../../../../src/core/views/report/html';
import { escapeMarkdown } from '../../../../../src/core/views/report/markdown';
import { REPORT_COLOURS } from '../../../../../src/core/views/report/palette';
import { checkHtmlReport, checkMarkdownReport, outsideManyStrings, outsideStrings, twinInput, twinManyInput } from './reportChecks';

const ROOT = path.join(__dirname, '..', '..', '..', '..', '..');
const GOLDEN = path.join(ROOT, 'test', 'fixtures', 'reports');
const MADE = new Date('2025-05-01T09:30:00Z');

function inputOf(fileA: string, fileB: string): ReportInput {
  const read = (file: string) => ({ name: path.basename(file), text: fs.readFileSync(path.join(ROOT, file), 'utf8'), bytes: fs.statSync(path.join(ROOT, file)).size });
  const a = read(fileA);
  const b = read(fileB);
  return { comparison: compareTexts(a, b), texts: { a: a.text, b: b.text }, createdAt: MADE, bytes: { a: a.bytes, b: b.bytes } };
}

const samples = inputOf('examples/harbour-wire.txt', 'examples/harbour-herald.txt');
const EXTENSIONS: Record<ReportFormat, string> = { html: 'html', markdown: 'md', json: 'json' };

describe('report writers on the sample articles (golden files)', () => {
  for (const format of ['html', 'markdown', 'json'] as const) {
    it(`writes the ${format} report exactly as reviewed`, () => {
      const file = path.join(GOLDEN, `harbour-wire-vs-harbour-herald.${EXTENSIONS[format]}`);
      const written = writeReport(format, samples);
      if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, written);
      assert.strictEqual(written, fs.readFileSync(file, 'utf8'), `${path.relative(ROOT, file)} differs: review the change, then UPDATE_GOLDEN=1`);
    });
  }

  it('writes JSON as the comparison model itself, the bytes compare --json prints', () => {
    const json = writeReport('json', samples);
    assert.deepStrictEqual(JSON.parse(json), samples.comparison);
    assert.strictEqual(json, JSON.stringify(samples.comparison) + '\n');
  });

  it('puts every figure of the view and every quote of both articles into the HTML and the Markdown', () => {
    const content = buildReport(samples);
    for (const format of ['html', 'markdown'] as const) {
      const written = writeReport(format, samples);
      const plain = format === 'html' ? written.replace(/<[^>]*>/g, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&') : written.replace(/\\(.)/g, '$1');
      for (const item of content.summary) assert.ok(plain.includes(item.text), `${format}: no "${item.text}"`);
      for (const quotes of content.quotes) for (const quote of quotes) {
        assert.ok(plain.includes(quote.place.text), `${format}: no place ${quote.place.text}`);
        assert.ok(plain.includes(quote.text.replace(/\s+/g, ' ').trim()), `${format}: no quote ${quote.text}`);
      }
      for (const passage of content.passages) for (const place of passage.places) assert.ok(plain.includes(place.text), `${format}: no passage place ${place.text}`);
      assert.ok(plain.includes('Shortest shared passage: 6 words'), `${format}: no setting`);
      assert.ok(plain.includes('2025-05-01 09:30 UTC'), `${format}: no time`);
      assert.ok(plain.includes('3.4 KB (3527 bytes)'), `${format}: no size`);
    }
  });

  it('makes a self-contained page: one stylesheet admitted by its hash, no script, nothing fetched', () => {
    const html = writeReport('html', samples);
    assert.strictEqual(REPORT_STYLE_HASH, `sha256-${createHash('sha256').update(REPORT_STYLE, 'utf8').digest('base64')}`, 'REPORT_STYLE_HASH is stale: set it to the hash above');
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`));
    assert.match(REPORT_CSP, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; base-uri 'none'; form-action 'none'$/);
    assert.strictEqual(html.match(/<style>/g)?.length, 1);
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|<object|\bsrc=|\bstyle=|\bon[a-z]+=|url\(|@import|https?:|javascript:/i);
  });

  it('uses the editor\'s quote colours (package.json defaults, light and dark)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const declared = new Map<string, { light: string; dark: string }>(manifest.contributes.colors.map((entry: { id: string; defaults: { light: string; dark: string } }) => [entry.id, entry.defaults]));
    const copied = Object.values(REPORT_COLOURS).filter((colour) => colour.themeColour !== undefined);
    assert.ok(copied.length >= 4);
    for (const colour of copied) {
      const defaults = declared.get(colour.themeColour!);
      assert.ok(defaults, `${colour.themeColour} is not declared in package.json`);
      assert.deepStrictEqual({ light: colour.light, dark: colour.dark }, { light: defaults.light, dark: defaults.dark }, colour.themeColour);
    }
  });

  it('says so when the articles share no passage or quote', () => {
    const far = { ...samples, comparison: compareTexts({ name: 'a.txt', text: 'The mayor said “yes”.' }, { name: 'b.txt', text: 'A quiet day at the port.' }, { minWords: 40 }), texts: { a: 'The mayor said “yes”.', b: 'A quiet day at the port.' } };
    for (const format of ['html', 'markdown'] as const) {
      const written = writeReport(format, far);
      for (const sentence of ['These articles share no passage of 40 words or more.', 'No quote appears in both articles.', 'No quote is given to different speakers.', 'No quote is given with different words.']) {
        assert.ok(written.includes(sentence), `${format}: no "${sentence}"`);
      }
    }
  });

  it('reads the format from a file name', () => {
    assert.strictEqual(reportFormatOfFile('/x/report.HTML'), 'html');
    assert.strictEqual(reportFormatOfFile('notes.md'), 'markdown');
    assert.strictEqual(reportFormatOfFile('a.b.markdown'), 'markdown');
    assert.strictEqual(reportFormatOfFile('model.json'), 'json');
    assert.strictEqual(reportFormatOfFile('report.txt'), undefined);
    assert.strictEqual(reportFormatOfFile('report'), undefined);
  });
});

describe('report escaping', () => {
  it('escapes the five HTML characters, and NUL, which a parser would drop', () => {
    assert.strictEqual(escapeHtml(`<a href="x" title='y'>&amp;</a>\0`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;\ufffd');
  });

  it('escapes Markdown syntax and neutralises line starts', () => {
    assert.strictEqual(escapeMarkdown('[a](javascript:x) ![i](http://e/x.png) <b> `c` *e* _f_ ~~s~~ | & # \\'),
      '\\[a\\](javascript:x) !\\[i\\](http://e/x.png) \\<b\\> \\`c\\` \\*e\\* \\_f\\_ \\~\\~s\\~\\~ \\| \\& \\# \\\\');
    assert.strictEqual(escapeMarkdown('# title'), '\\# title');
    assert.strictEqual(escapeMarkdown('- item'), '\\- item');
    assert.strictEqual(escapeMarkdown('+ item'), '\\+ item');
    assert.strictEqual(escapeMarkdown('> quote'), '\\> quote');
    assert.strictEqual(escapeMarkdown('12. item'), '12\\. item');
    assert.strictEqual(escapeMarkdown('3) item'), '3\\) item');
    assert.strictEqual(escapeMarkdown('3.4 KB'), '3.4 KB');
    assert.strictEqual(escapeMarkdown('  two\nlines\r\n  '), 'two lines');
  });

  it('shows the hostile articles\' payloads as text, with no live markup, in HTML and Markdown', () => {
    const hostile = inputOf('test/fixtures/hostile/hostile-wire.txt', 'test/fixtures/hostile/hostile-herald.txt');
    const twin = twinInput(hostile);
    const expected = outsideStrings(hostile);
    assert.ok(expected.some((text) => text.includes('<svg onload=')), 'the hostile articles lost their payloads');
    checkHtmlReport(writeReport('html', hostile), writeReport('html', twin), expected);
    checkMarkdownReport(writeReport('markdown', hostile), writeReport('markdown', twin), expected);
    const html = writeReport('html', hostile);
    for (const payload of ['&lt;svg onload=&quot;window.__pwned=&#39;svg-a&#39;&quot;&gt;&lt;script&gt;', '&lt;img src=x onerror=&quot;window.__pwned=&#39;img-a&#39;']) {
      assert.ok(html.includes(payload), `not escaped in place: ${payload}`);
    }
  });
});

describe('report writers on the three sample articles (golden files)', () => {
  const read = (file: string) => ({ name: path.basename(file), text: fs.readFileSync(path.join(ROOT, file), 'utf8'), bytes: fs.statSync(path.join(ROOT, file)).size });
  const files = ['examples/harbour-wire.txt', 'examples/harbour-herald.txt', 'examples/harbour-radio.txt'].map(read);
  const three: ManyReportInput = { comparison: compareMany(files), texts: files.map((file) => file.text), createdAt: MADE, bytes: files.map((file) => file.bytes) };
  /** What a reader sees of a report: tags and escapes taken off. */
  const plain = (format: 'html' | 'markdown', written: string): string => (format === 'html'
    ? written.replace(/<[^>]*>/g, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    : written.replace(/\\(.)/g, '$1'));

  for (const format of ['html', 'markdown'] as const) {
    it(`writes the ${format} report of three articles exactly as reviewed`, () => {
      const file = path.join(GOLDEN, `harbour-wire-herald-radio.${EXTENSIONS[format]}`);
      const written = writeManyReport(format, three);
      if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, written);
      assert.strictEqual(written, fs.readFileSync(file, 'utf8'), `${path.relative(ROOT, file)} differs: review the change, then UPDATE_GOLDEN=1`);
    });
  }

  it('writes JSON as the many model itself, the bytes compare A B C --json prints', () => {
    assert.strictEqual(writeManyReport('json', three), JSON.stringify(three.comparison) + '\n');
  });

  it('puts every figure of the many view into the HTML and the Markdown: sizes, overview, each copy and version with its place, speaker and differences, each speaker\'s quotes', () => {
    const content = buildManyReport(three);
    const view = manyViewContent(three.comparison, three.texts);
    assert.strictEqual(content.statements.length, view.statements.length);
    assert.strictEqual(content.passages.length, view.passages.length);
    for (const format of ['html', 'markdown'] as const) {
      const shown = plain(format, writeManyReport(format, three));
      const has = (text: string, what: string) => assert.ok(shown.includes(text), `${format}: no ${what} "${text}"`);
      for (const item of view.summary) has(item.text, 'summary item');
      for (const document of content.documents) for (const text of [document.name, document.size, document.found, document.onlyHere, String(document.words), String(document.characters)]) has(text, 'document figure');
      for (const row of view.overview) for (const cell of [...row.cells, row.onlyHere]) has(cell.text, 'overview cell');
      has('in no other', 'overview column');
      for (const passage of content.passages) {
        has(passage.text, 'passage');
        has(passage.detail, 'passage detail');
        for (const place of passage.places) has(place.text, 'copy place');
        for (const copy of passage.copies) for (const change of copy.changes) for (const words of [change.common, change.here]) if (words !== '∅') has(words, 'copy difference');
      }
      for (const statement of content.statements) {
        has(statement.text, 'statement');
        has(statement.attribution, 'attribution');
        statement.versions.forEach((version, k) => {
          has(statement.places[k].text, 'version place');
          if (version.evidence) has(version.evidence, 'conflict evidence');
          for (const change of version.changes) for (const words of [change.common, change.here]) if (words !== '∅') has(words, 'version difference');
        });
      }
      for (const speaker of content.speakers) {
        has(speaker.name, 'speaker');
        for (const quote of speaker.quotes.flat()) {
          has(quote.place.text, 'quote place');
          has(quote.text.replace(/\s+/g, ' ').trim(), 'quote');
        }
      }
      has('Shortest shared passage: 6 words', 'setting');
      has('2025-05-01 09:30 UTC', 'time');
      has('3.4 KB (3527 bytes)', 'size');
    }
    // Every quote of every article is under its speaker (or under no speaker found), once.
    const listed = content.speakers.flatMap((speaker) => speaker.quotes.flat()).length;
    assert.strictEqual(listed, three.comparison.documents.reduce((sum, document) => sum + document.quotes.length, 0));
    // Conflicts, then altered, first.
    assert.deepStrictEqual(content.statements.slice(0, 3).map((statement) => statement.status), ['conflict', 'conflict', 'altered']);
    assert.deepStrictEqual(content.statements[2].places.map((place) => place.text), ['harbour-wire.txt:7:2', 'harbour-herald.txt:6:2', 'harbour-radio.txt:9:2']);
  });

  it('makes the same self-contained page as for two: the stylesheet by its hash, no script, nothing fetched', () => {
    const html = writeManyReport('html', three);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`));
    assert.strictEqual(html.match(/<style>/g)?.length, 1);
    assert.ok(html.includes(`<style>${REPORT_STYLE}</style>`));
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|<object|\bsrc=|\bstyle=|\bon[a-z]+=|url\(|@import|https?:|javascript:/i);
  });

  it('opens with CUT SHORT when a work budget cut the comparison short, and says so when nothing is shared', () => {
    const cut: ManyReportInput = { ...three, comparison: { ...three.comparison, truncated: true, truncatedParts: ['quoteClusters'] } };
    for (const format of ['html', 'markdown'] as const) {
      assert.doesNotMatch(writeManyReport(format, three), /CUT SHORT/);
      const shown = plain(format, writeManyReport(format, cut));
      assert.match(shown, /CUT SHORT: these texts reached a bound on the work of a comparison .*some quote pairs may be missing or shorter\./);
      assert.ok(shown.indexOf('CUT SHORT') < shown.indexOf('Documents'), `${format}: the notice is not first`);
    }
    const far = ['The mayor said “yes”.', 'A quiet day at the port.', 'Rain again on Sunday.'];
    const none: ManyReportInput = { comparison: compareMany(far.map((text, k) => ({ name: `${k}.txt`, text }))), texts: far, createdAt: MADE };
    for (const format of ['html', 'markdown'] as const) {
      const written = writeManyReport(format, none);
      for (const sentence of ['No passage of 6 words or more is in two articles.', 'No quote is in two articles.']) assert.ok(written.includes(sentence), `${format}: no "${sentence}"`);
    }
  });

  it('shows the hostile articles\' payloads as text, with no live markup, in HTML and Markdown', () => {
    const hostile = ['test/fixtures/hostile/hostile-wire.txt', 'test/fixtures/hostile/hostile-herald.txt', 'examples/harbour-radio.txt'].map(read);
    const input: ManyReportInput = { comparison: compareMany(hostile), texts: hostile.map((file) => file.text), createdAt: MADE };
    const expected = outsideManyStrings(input);
    assert.ok(expected.some((text) => text.includes('<svg onload=')), 'the hostile articles lost their payloads');
    const twin = twinManyInput(input);
    checkHtmlReport(writeManyReport('html', input), writeManyReport('html', twin), expected);
    checkMarkdownReport(writeManyReport('markdown', input), writeManyReport('markdown', twin), expected);
  });
});
