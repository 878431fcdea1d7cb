import * as assert from 'assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Comparison } from '../../../src/core/model';
import { paragraphsOf, renderHtml, renderMarkdown } from '../core/formats/renderings';
import { normaliseWords, visibleHtml, visibleMarkdown } from '../core/formats/sourceOracle';
import { runCli as run } from './runCli';

const ROOT = path.join(__dirname, '..', '..', '..');
const wire = paragraphsOf(fs.readFileSync(path.join(ROOT, 'examples', 'harbour-wire.txt'), 'utf8'));
const herald = paragraphsOf(fs.readFileSync(path.join(ROOT, 'examples', 'harbour-herald.txt'), 'utf8'));

describe('compare-sources CLI: web pages and Markdown', () => {
  let dir: string;
  const file = (name: string, content: string): string => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, content);
    return at;
  };
  let page: string;
  let note: string;
  let plainA: string;
  let plainB: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-sources-formats-'));
    page = file('wire.html', renderHtml(wire, 'noise'));
    note = file('herald.md', renderMarkdown(herald));
    plainA = file('wire.txt', wire.join('\n'));
    plainB = file('herald.txt', herald.join('\n'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads files by their extension and prints ranges into the files as they are (--json)', () => {
    const result = run('compare', page, note, '--json');
    assert.strictEqual(result.code, 0, result.stderr);
    const model = JSON.parse(result.stdout) as Comparison;
    const plain = JSON.parse(run('compare', plainA, plainB, '--json').stdout) as Comparison;
    assert.deepStrictEqual([model.a.format, model.b.format, plain.a.format], ['html', 'markdown', 'text']);
    const sources = { a: fs.readFileSync(page, 'utf8'), b: fs.readFileSync(note, 'utf8') };
    const visible = { a: visibleHtml, b: visibleMarkdown };
    for (const side of ['a', 'b'] as const) {
      assert.deepStrictEqual(model[side].quotes.map((quote) => visible[side](sources[side].slice(...quote.range))), plain[side].quotes.map((quote) => normaliseWords(quote.text)));
      assert.deepStrictEqual(model[side].quotes.map((quote) => quote.speaker?.name), plain[side].quotes.map((quote) => quote.speaker?.name));
    }
    assert.deepStrictEqual(model.passages.map((passage) => visibleHtml(sources.a.slice(...passage.a))), plain.passages.map((passage) => normaliseWords(fs.readFileSync(plainA, 'utf8').slice(...passage.a))));
  });

  it('says in the report how each file was read, and places findings at the file\'s own lines', () => {
    const result = run('compare', page, note);
    assert.strictEqual(result.code, 0, result.stderr);
    assert.match(result.stdout, /A .*wire\.html \(read as a web page: words of its article text\): \d+ words/);
    assert.match(result.stdout, /B .*herald\.md \(read as Markdown: words of its article text\)/);
    assert.doesNotMatch(result.stdout, /<script|<span|\*\*/, 'the report quotes article text, not markup');
    const location = /wire\.html:(\d+):(\d+) = /.exec(result.stdout);
    assert.ok(location, result.stdout);
    const line = fs.readFileSync(page, 'utf8').split('\n')[Number(location[1]) - 1];
    assert.ok(line.startsWith('<p>'), `line ${location[1]} of the page holds a paragraph: ${line.slice(0, 40)}`);
  });

  it('writes a shared report of web pages quoting their words and placing them at the files\' own lines (--format markdown)', () => {
    const result = run('compare', page, note, '--format', 'markdown');
    assert.strictEqual(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stdout, /<script|<span|<\/?em>|\*\*word/, 'the report quotes article text, not markup');
    assert.match(result.stdout, /kept this port alive/);
    const lines = fs.readFileSync(page, 'utf8').split('\n');
    const places = [...result.stdout.matchAll(/wire\.html:(\d+):(\d+)/g)];
    assert.ok(places.length > 0);
    for (const [, line, column] of places) {
      const at = lines[Number(line) - 1]?.[Number(column) - 1] ?? '';
      assert.match(at, /^[^\s<>]$/, `wire.html:${line}:${column} points at a word of the page, not at its markup (${JSON.stringify(at)})`);
    }
    const json = JSON.parse(run('compare', page, note, '--format', 'json').stdout) as Comparison;
    assert.deepStrictEqual(json, JSON.parse(run('compare', page, note, '--json').stdout), '--format json is the model, in the files\' offsets');
  });

  it('reads every file as the format --input-format forces, whatever its extension', () => {
    const asText = JSON.parse(run('compare', page, note, '--json', '--input-format', 'text').stdout) as Comparison;
    assert.deepStrictEqual([asText.a.format, asText.b.format], ['text', 'text']);
    const disguised = file('page.txt', fs.readFileSync(page, 'utf8'));
    const auto = JSON.parse(run('quotes', disguised, '--json').stdout) as { quotes: { text: string }[] };
    assert.ok(auto.quotes.some((quote) => /Breaking|Fake quote/.test(quote.text)), 'a .txt is plain text: its script\'s quotes count');
    const forced = JSON.parse(run('quotes', disguised, '--json', '--input-format=html').stdout) as { quotes: { text: string; start: number; end: number }[] };
    assert.ok(!forced.quotes.some((quote) => /Breaking|Fake quote/.test(quote.text)), 'read as a web page, the script is no article text');
    const source = fs.readFileSync(disguised, 'utf8');
    for (const quote of forced.quotes) assert.strictEqual(visibleHtml(source.slice(quote.start, quote.end)), normaliseWords(quote.text));
  });

  it('refuses an unknown format with one line and exit 2', () => {
    const result = run('compare', page, note, '--input-format', 'pdf');
    assert.strictEqual(result.code, 2);
    assert.match(result.stderr, /^compare-sources: error: option --input-format needs one of auto, text, html, markdown, not 'pdf'\n$/);
  });

  it('warns when a file cannot be read in its format, and compares it as plain text', () => {
    const deep = file('deep.html', `<p>${'<b>'.repeat(600)}x</p>`);
    const result = run('compare', deep, plainB, '--json');
    assert.strictEqual(result.code, 0, result.stderr);
    assert.match(result.stderr, /warning: .*deep\.html: could not be read as a web page \(its elements are nested more than 512 deep\); read as plain text/);
    const model = JSON.parse(result.stdout) as Comparison;
    assert.strictEqual(model.a.format, 'text');
    assert.deepStrictEqual(model.a.formatWarnings?.length, 1);
  });

  it('loads no reader for plain text, and only the reader a format needs', () => {
    const probe = (files: string[]): string => {
      const script = `const { main } = require(${JSON.stringify(path.join(ROOT, 'src/cli/main.ts'))});
        const io = { ...require(${JSON.stringify(path.join(ROOT, 'src/cli/io.ts'))}).nodeIo, stdout() {}, stderr() {} };
        main(['compare', ...${JSON.stringify(files)}, '--json'], io);
        process.stdout.write(Object.keys(require.cache).filter((key) => /(htmlReader|markdownReader|htmlparser2|micromark)/.test(key)).map((key) => key.replace(/.*[\\\\/]/, '')).sort().join(','));`;
      const child = spawnSync(process.execPath, ['-r', path.join(ROOT, 'test/unit/register.js'), '-e', script], { encoding: 'utf8' });
      assert.strictEqual(child.status, 0, child.stderr);
      return child.stdout;
    };
    assert.strictEqual(probe([plainA, plainB]), '');
    assert.match(probe([page, plainB]), /htmlReader\.ts/);
    assert.doesNotMatch(probe([page, plainB]), /markdownReader/);
  });
});
