import * as assert from 'assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { nodeIo, type CliIo } from '../../../src/cli/io';
import * as fc from 'fast-check';
import { isQuoteDense, main } from '../../../src/cli/main';
import { smallVocabularyText } from '../fuzz/hostileText';
import { runCli as run } from './runCli';
import { compareTexts } from '../../../src/core/compare';
import { compareMany } from '../../../src/core/compareMany';
import { exampleArticles } from '../exampleArticles';
import { writeManyReport } from '../../../src/core/views/report/formats';

const examplePath = (name: string) => path.join(__dirname, '../../../examples', name);

const SHARED = 'The regional council voted on Friday to double the budget for flood defences along the river.';
const TEXT_A = `“Flood money at last”\n\n${SHARED}\n\nThe vote was close.`;
const TEXT_B = `Council news\r\n\r\n${SHARED.replace('Friday', 'Thursday')}\r\n`;

describe('compare-sources CLI', () => {
  let dir: string;
  let fileA: string;
  let fileB: string;
  const file = (name: string, content: string | Uint8Array) => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, content);
    return at;
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-sources-cli-'));
    fileA = file('a.txt', TEXT_A);
    fileB = file('b.txt', TEXT_B);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints exactly the passages JSON contract, with options anywhere', () => {
    const expected = { passages: [{ a: [TEXT_A.indexOf(SHARED), TEXT_A.indexOf(SHARED) + SHARED.length], b: [TEXT_B.indexOf('The regional'), TEXT_B.indexOf('river.') + 'river.'.length], identical: false }], truncated: false };
    for (const argv of [['passages', fileA, fileB, '--json'], ['--json', 'passages', fileA, fileB], ['passages', fileA, '--json', fileB]]) {
      const result = run(...argv);
      assert.strictEqual(result.code, 0, result.stderr);
      assert.strictEqual(result.stderr, '');
      assert.deepStrictEqual(JSON.parse(result.stdout), expected);
    }
  });

  it('counts offsets after a BOM, which is removed', () => {
    const withBom = file('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT_A)]));
    const result = run('passages', '--json', withBom, fileA);
    const [passage] = JSON.parse(result.stdout).passages;
    assert.deepStrictEqual(passage.a, passage.b);
    assert.strictEqual(passage.identical, true);
  });

  it('prints the whole comparison model with compare --json, honouring --min-words', () => {
    const result = run('compare', fileA, fileB, '--json', '--min-words', '30');
    assert.strictEqual(result.code, 0);
    const comparison = JSON.parse(result.stdout);
    assert.strictEqual(comparison.version, 1);
    assert.deepStrictEqual(comparison.options, { minWords: 30 });
    assert.deepStrictEqual(comparison.passages, []);
    assert.strictEqual(comparison.a.name, fileA);
    assert.strictEqual(comparison.b.stats.characters, TEXT_B.length);
    assert.ok(Array.isArray(comparison.speakers) && Array.isArray(comparison.quoteMatches));
  });

  it('prints a readable report by default, with file:line:col and marked differences', () => {
    const result = run(fileA, fileB);
    assert.strictEqual(result.code, 0);
    assert.match(result.stdout, new RegExp(`${escape(fileA)}:3:1 = ${escape(fileB)}:3:1`));
    assert.match(result.stdout, /voted on \[-Friday-\]\{\+Thursday\+\} to double/);
    assert.match(result.stdout, /1 shared passage \(0 identical, 1 edited\)/);
    assert.match(result.stdout, /of it is in/);
  });

  it('writes a report to share with --format html|markdown, to stdout or to --output FILE', () => {
    const html = run('compare', fileA, fileB, '--format', 'html');
    assert.strictEqual(html.code, 0, html.stderr);
    assert.match(html.stdout, /^<!DOCTYPE html>/);
    assert.match(html.stdout, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.ok(html.stdout.includes(`${fileA}:3:1`) && html.stdout.includes('<del>Friday</del><ins>Thursday</ins>'));
    const markdown = run(fileA, fileB, '--format=markdown');
    assert.strictEqual(markdown.code, 0, markdown.stderr);
    assert.match(markdown.stdout, /^# Compare Sources report\n/);
    assert.match(markdown.stdout, /voted on \\\[-Friday-\\\]\{\+Thursday\+\} to double/);
    const out = path.join(dir, 'report.html');
    const written = run(fileA, fileB, '--format', 'html', '--output', out);
    assert.strictEqual(written.code, 0, written.stderr);
    assert.strictEqual(written.stdout, '');
    // The same report, but for its time (the two runs may fall in different minutes).
    const minute = /Made \d{4}-\d\d-\d\d \d\d:\d\d UTC/;
    assert.strictEqual(fs.readFileSync(out, 'utf8').replace(minute, ''), html.stdout.replace(minute, ''));
  });

  it('prints the report time it is given, and the files\' sizes on disk', () => {
    let stdout = '';
    const io = { ...nodeIo, stdout: (text: string) => void (stdout += text), stderr: () => undefined, now: () => new Date('2025-05-01T09:30:00Z') };
    assert.strictEqual(main([fileA, fileB, '--format', 'markdown'], io), 0);
    assert.match(stdout, /Made 2025-05-01 09:30 UTC/);
    assert.ok(stdout.includes(`| ${fs.statSync(fileB).size} bytes |`), stdout);
  });

  it('writes exactly the --json model with --format json, and with -o', () => {
    const json = run('compare', fileA, fileB, '--json');
    assert.strictEqual(run('compare', fileA, fileB, '--format', 'json').stdout, json.stdout);
    assert.strictEqual(run('compare', fileA, fileB, '--json', '--format', 'json').stdout, json.stdout);
    const out = path.join(dir, 'model.json');
    assert.strictEqual(run('compare', fileA, fileB, '--json', '-o', out).code, 0);
    assert.strictEqual(fs.readFileSync(out, 'utf8'), json.stdout);
    assert.strictEqual(run('passages', fileA, fileB, '--format', 'json').stdout, run('passages', fileA, fileB, '--json').stdout);
  });

  it('never writes --output over a file it compares', () => {
    const before = fs.readFileSync(fileA);
    const result = run(fileA, fileB, '--format', 'html', '--output', path.join(path.dirname(fileA), '.', path.basename(fileA)));
    assert.strictEqual(result.code, 2);
    assert.match(result.stderr, /is one of the files compared/);
    assert.deepStrictEqual(fs.readFileSync(fileA), before);
  });

  it('accepts empty files: valid, nothing shared', () => {
    const empty = file('empty.txt', '');
    const result = run('passages', empty, fileB, '--json');
    assert.strictEqual(result.code, 0);
    assert.deepStrictEqual(JSON.parse(result.stdout), { passages: [], truncated: false });
  });

  it('decodes invalid UTF-8 with U+FFFD and one warning line, exit 0', () => {
    const broken = file('broken.txt', Buffer.concat([Buffer.from(TEXT_A), Buffer.from([0xff, 0xfe, 0x41])]));
    const result = run('passages', broken, fileA, '--json');
    assert.strictEqual(result.code, 0);
    assert.strictEqual(result.stderr.trim().split('\n').length, 1);
    assert.match(result.stderr, /warning: .*broken\.txt: invalid UTF-8/);
    assert.strictEqual(JSON.parse(result.stdout).passages.length, 1);
  });

  const errors: Array<[string, () => string[], RegExp, number]> = [
    ['a missing file', () => ['passages', path.join(dir, 'nope.txt'), fileB], /nope\.txt: no such file/, 1],
    ['a directory', () => ['compare', dir, fileB], /not a regular file/, 1],
    ['a binary file', () => ['compare', file('bin.dat', Buffer.from([0x41, 0x00, 0x42])), fileB], /binary file/, 1],
    ['a file over --max-bytes', () => ['compare', fileA, fileB, '--max-bytes', '20'], /too large .*limit is 20 bytes/, 1],
    ['an unknown option', () => ['compare', fileA, fileB, '--frobnicate'], /unknown option --frobnicate/, 2],
    ['a bad number', () => ['compare', fileA, fileB, '--min-words', 'six'], /positive whole number/, 2],
    ['a missing operand', () => ['passages', fileA], /needs 2 files/, 2],
    ['an unknown report format', () => ['compare', fileA, fileB, '--format', 'pdf'], /--format needs one of text, html, markdown, json, not 'pdf'/, 2],
    ['--json with another --format', () => ['compare', fileA, fileB, '--json', '--format', 'html'], /--json and --format html/, 2],
    ['a report format for another command', () => ['quotes', fileA, '--format', 'markdown'], /quotes does not write markdown/, 2],
    ['an --output it cannot write', () => ['compare', fileA, fileB, '--format', 'html', '--output', path.join(dir, 'no-such-folder', 'r.html')], /cannot write .*r\.html: no such file/, 1],
    ['a comparison of one file', () => ['compare', fileA], /compare needs 2 to 20 files \(A B \[C …\]\), got 1/, 2],
    ['a comparison of 21 files', () => ['compare', ...Array.from({ length: 21 }, () => fileA)], /needs 2 to 20 files.*got 21/, 2],
    ['files over --max-total-bytes together', () => ['compare', fileA, fileB, fileA, '--max-total-bytes', String(2 * TEXT_A.length)], /too large together .*see --max-total-bytes/, 1],
    ['--output onto one of three files compared', () => ['compare', fileA, fileB, fileA, '--format', 'html', '-o', fileB], /--output .*b\.txt is one of the files compared/, 2],
  ];
  for (const [what, argv, message, code] of errors) {
    it(`refuses ${what} with one line on stderr and exit ${code}`, () => {
      const result = run(...argv());
      assert.strictEqual(result.code, code);
      assert.strictEqual(result.stdout, '');
      assert.match(result.stderr, /^compare-sources: error: [^\n]+\n$/);
      assert.match(result.stderr, message);
    });
  }

  it('prints the two-document model of compare --json exactly as compareTexts makes it', () => {
    const [wire, herald] = exampleArticles();
    const result = run('compare', examplePath(wire.name), examplePath(herald.name), '--json');
    assert.strictEqual(result.code, 0, result.stderr);
    assert.strictEqual(result.stdout, JSON.stringify(compareTexts({ ...wire, name: examplePath(wire.name) }, { ...herald, name: examplePath(herald.name) })) + '\n');
  });

  it('compares three files in the many shape, JSON and readable report', () => {
    const paths = exampleArticles().map((article) => examplePath(article.name));
    const json = run('compare', ...paths, '--json');
    assert.strictEqual(json.code, 0, json.stderr);
    const comparison = JSON.parse(json.stdout);
    assert.strictEqual(comparison.shape, 'many');
    assert.deepStrictEqual(comparison.documents.map((d: { name: string }) => d.name), paths);
    assert.deepStrictEqual(comparison, JSON.parse(JSON.stringify(compareMany(exampleArticles().map((a, k) => ({ ...a, name: paths[k] }))))));
    const report = run('compare', ...paths).stdout;
    assert.match(report, /^3 documents:\n\[1\] .*harbour-wire\.txt: 588 words/);
    assert.match(report, /Sources overview/);
    assert.match(report, /#\d+ in \[1\] \[2\] \[3\] \(25 words, 1 of 3 copies edited\)\n {2}The strike, called by/);
    assert.match(report, /harbour-herald\.txt:4:1 {2}\[-talks-\]\{\+negotiations\+\}/);
    assert.match(report, /CONFLICT: “Both sides must be back at the table before the weekend,” in \[1\] \[2\] \[3\]\n {2}attributed to Jane Marlow \(\[1\] \[3\]\), Owen Tregarth \(\[2\]\)/);
    assert.match(report, /harbour-herald\.txt:12:2 \(Owen Tregarth, named “the harbour master”, on the cue “added”\): common wording/);
    assert.match(report, /harbour-radio\.txt:9:2 \(Ruth Achebe\): altered from the common wording: \[-people-\]\{\+workers\+\}; altered in \[1\], \[2\]/);
  });

  it('writes the report of three files as HTML or Markdown, to stdout or to -o FILE: what writeManyReport makes of the same comparison', () => {
    const paths = exampleArticles().map((article) => examplePath(article.name));
    const minute = /Made \d{4}-\d\d-\d\d \d\d:\d\d UTC/;
    const expected = (format: 'html' | 'markdown') => writeManyReport(format, {
      comparison: compareMany(exampleArticles().map((a, k) => ({ ...a, name: paths[k] }))),
      texts: exampleArticles().map((a) => a.text),
      bytes: paths.map((at) => fs.statSync(at).size),
      createdAt: new Date(),
    }).replace(minute, '');
    const html = run('compare', ...paths, '--format', 'html');
    assert.strictEqual(html.code, 0, html.stderr);
    assert.match(html.stdout, /^<!DOCTYPE html>/);
    assert.match(html.stdout, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/);
    assert.ok(html.stdout.includes('Sources overview') && html.stdout.includes('<del>people</del> → <ins>workers</ins>'));
    assert.strictEqual(html.stdout.replace(minute, ''), expected('html'));
    const out = path.join(dir, 'three.md');
    const written = run(...paths, '--format=markdown', '-o', out);
    assert.strictEqual(written.code, 0, written.stderr);
    assert.strictEqual(written.stdout, '');
    const markdown = fs.readFileSync(out, 'utf8');
    assert.match(markdown, /^# Compare Sources report\n\n3 articles: /);
    assert.strictEqual(markdown.replace(minute, ''), expected('markdown'));
  });

  it('compares three files when one is a web page: JSON ranges into the page, the report placing words at the page\'s own line:col', () => {
    const [wire, herald, radio] = exampleArticles();
    const page = `<!DOCTYPE html>\n<html><head><title>Radio</title></head>\n<body>\n<article>\n${radio.text.split(/\n\s*\n/).map((p) => `<p>${p}</p>`).join('\n')}\n</article>\n</body></html>\n`;
    const pagePath = file('radio.html', page);
    const result = run('compare', examplePath(wire.name), examplePath(herald.name), pagePath, '--json');
    assert.strictEqual(result.code, 0, result.stderr);
    const model = JSON.parse(result.stdout);
    assert.strictEqual(model.documents[2].format, 'html');
    const workers = model.documents[2].quotes.find((q: { text: string }) => q.text.includes('jobs of workers'));
    assert.strictEqual(page.slice(workers.range[0], workers.range[1]), workers.text);
    const report = run('compare', examplePath(wire.name), examplePath(herald.name), pagePath).stdout;
    const line = page.split('\n').findIndex((text) => text.includes('jobs of workers')) + 1;
    assert.match(report, new RegExp(`\\[3\\] ${escape(pagePath)}:${line}:\\d+ \\(Ruth Achebe\\): altered`));
    assert.ok(!/<p>/.test(report), 'the report quotes the article text, not the markup');
  });

  describe('readable output is inert: article text and file names reach the terminal as text', () => {
    // Clipboard write (OSC 52), a hyperlink (OSC 8), clear screen and home (CSI), the 8-bit CSI (C1), DEL.
    const HOSTILE = '\x1b]52;c;cm0gLXJmIH4=\x07 \x1b]8;;https://evil.example\x1b\\here\x1b]8;;\x1b\\ \x1b[2J\x1b[H \x9b31m \x7f';
    const SPOKEN = `We will rebuild the northern pier ${HOSTILE} before the winter storms arrive`;
    const ARTICLE = `“${SPOKEN},” the mayor said.\n\nThe ${HOSTILE} council met on Friday to approve the budget for the northern pier.\n`;
    /** Every control character a terminal acts on: C0 but tab and line feed, DEL, C1 (matching them is the point). */
    // eslint-disable-next-line no-control-regex
    const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
    let hostileA: string;
    let hostileB: string;

    before(() => {
      // A file name holding a line feed, which could otherwise forge a line of the report.
      hostileA = file('a\nFORGED.txt', ARTICLE);
      hostileB = file('b\x1b[2J.txt', ARTICLE.replace('Friday', 'Monday'));
    });

    for (const argv of [['compare'], ['passages'], ['quotes']]) {
      it(`${argv[0]}: every control character shown escaped, file names on one line`, () => {
        const result = run(...argv, hostileA, ...(argv[0] === 'quotes' ? [] : [hostileB]));
        assert.strictEqual(result.code, 0, result.stderr);
        assert.ok(!CONTROL.test(result.stdout), `a control character reached the terminal: ${JSON.stringify(result.stdout.match(CONTROL))}`);
        assert.match(result.stdout, /a\\x0aFORGED\.txt/);
        assert.ok(!/^FORGED/m.test(result.stdout), 'a line forged by a file name');
        if (argv[0] !== 'passages') assert.ok(result.stdout.includes('\\x1b]52;c;cm0gLXJmIH4=\\x07'), 'the article text is shown, escaped');
        if (argv[0] !== 'quotes') assert.ok(result.stdout.includes('b\\x1b[2J.txt'));
      });
    }

    it('compare of three files: every control character shown escaped, file names on one line', () => {
      const third = file('c\x9b31m.txt', ARTICLE.replace('Friday', 'Sunday'));
      const result = run('compare', hostileA, hostileB, third);
      assert.strictEqual(result.code, 0, result.stderr);
      assert.ok(!CONTROL.test(result.stdout), `a control character reached the terminal: ${JSON.stringify(result.stdout.match(CONTROL))}`);
      assert.match(result.stdout, /a\\x0aFORGED\.txt/);
      assert.ok(!/^FORGED/m.test(result.stdout), 'a line forged by a file name');
      assert.ok(result.stdout.includes('\\x1b]52;c;cm0gLXJmIH4=\\x07'), 'the article text is shown, escaped');
      const json = run('compare', hostileA, hostileB, third, '--json');
      assert.ok(!CONTROL.test(json.stdout), 'a control character in the many --json');
      assert.ok(JSON.parse(json.stdout).documents[0].quotes.some((quote: { text: string }) => quote.text.includes(HOSTILE)), 'the quote text round-trips exactly');
    });

    it('compare --format html|markdown of two and of three files: every control character shown escaped', () => {
      const third = file('c3\x9b31m.txt', ARTICLE.replace('Friday', 'Sunday'));
      for (const [format, files] of [['html', [hostileA, hostileB]], ['markdown', [hostileA, hostileB]], ['html', [hostileA, hostileB, third]], ['markdown', [hostileA, hostileB, third]]] as const) {
        const result = run('compare', ...files, '--format', format);
        assert.strictEqual(result.code, 0, result.stderr);
        assert.ok(!CONTROL.test(result.stdout), `a control character in --format ${format}: ${JSON.stringify(result.stdout.match(CONTROL))}`);
        // (Markdown escapes its own syntax too: `]` shows as `\]`.)
        assert.match(result.stdout, /\\x1b\\?\]52;c;cm0gLXJmIH4=/, `the article text is shown, escaped (${format})`);
      }
    });

    it('errors and warnings: file names escaped on one line', () => {
      const missing = run('passages', path.join(dir, 'gone\nFORGED\x1b[2J.txt'), fileB);
      assert.strictEqual(missing.code, 1);
      assert.match(missing.stderr, /^compare-sources: error: [^\n]*gone\\x0aFORGED\\x1b\[2J\.txt: no such file\n$/);
      const broken = file('broken\nFORGED.txt', Buffer.concat([Buffer.from(ARTICLE), Buffer.from([0xff])]));
      const warned = run('passages', broken, hostileB, '--json');
      assert.strictEqual(warned.stderr.split('\n').length, 2, warned.stderr);
      assert.ok(!CONTROL.test(warned.stderr));
    });

    it('--json keeps the text exactly, with DEL and C1 escaped as JSON escapes too', () => {
      for (const argv of [['compare', hostileA, hostileB, '--json'], ['quotes', hostileA, '--json']]) {
        const result = run(...argv);
        assert.ok(!CONTROL.test(result.stdout), `a control character in ${argv[0]} --json`);
        const parsed = JSON.parse(result.stdout);
        const quotes = argv[0] === 'quotes' ? parsed.quotes : parsed.a.quotes;
        assert.ok(quotes.some((quote: { text: string }) => quote.text.includes(HOSTILE)), 'the quote text round-trips exactly');
      }
    });
  });

  it('says when a work budget cut the comparison short, in the report and in the JSON, and exits 0', function () {
    this.timeout(30000); // a hang guard, not a speed assertion
    // Texts over six words: every 4-word run recurs, which meets the passages' budgets.
    const a = file('six-a.txt', smallVocabularyText(6, 10000, 1));
    const b = file('six-b.txt', smallVocabularyText(6, 10000, 2));
    const json = run('compare', a, b, '--json');
    assert.strictEqual(json.code, 0);
    const comparison = JSON.parse(json.stdout);
    assert.strictEqual(comparison.truncated, true);
    assert.deepStrictEqual(comparison.truncatedParts, ['passages']);
    assert.match(run('compare', a, b).stdout, /^CUT SHORT: .*some shared passages may be missing/);
    assert.strictEqual(JSON.parse(run('passages', a, b, '--json').stdout).truncated, true);
    assert.match(run('passages', a, b).stdout, /\nCUT SHORT: [^\n]+\n$/);
    // Ordinary articles: nothing of the kind.
    assert.strictEqual(JSON.parse(run('compare', fileA, fileB, '--json').stdout).truncated, false);
    assert.ok(!run('compare', fileA, fileB).stdout.includes('CUT SHORT'));
  });

  it('says when a work budget cut a comparison of three files short, in the report and in the JSON, and exits 0', function () {
    this.timeout(60000); // a hang guard, not a speed assertion
    const paths = [1, 2, 3].map((seed) => file(`six-${seed}-of-3.txt`, smallVocabularyText(6, 10000, seed)));
    const json = run('compare', ...paths, '--json');
    assert.strictEqual(json.code, 0, json.stderr);
    const comparison = JSON.parse(json.stdout);
    assert.strictEqual(comparison.shape, 'many');
    assert.strictEqual(comparison.truncated, true);
    assert.ok(comparison.truncatedParts.includes('passageClusters'), comparison.truncatedParts.join());
    assert.match(run('compare', ...paths).stdout, /^CUT SHORT: .*some shared passages/);
    // The samples: nothing of the kind.
    const samples = exampleArticles().map((article) => examplePath(article.name));
    assert.strictEqual(JSON.parse(run('compare', ...samples, '--json').stdout).truncated, false);
    assert.ok(!run('compare', ...samples).stdout.includes('CUT SHORT'));
  });

  it('prints help on --help', () => {
    const result = run('--help');
    assert.strictEqual(result.code, 0);
    assert.match(result.stdout, /Usage: compare-sources/);
    assert.match(result.stdout, /--min-words N/);
  });

  it('tunes the process before analysing quotes (compare, quotes), and only then, for the length of text it will read', () => {
    const calls: string[] = [];
    for (const argv of [['passages', fileA, fileB], ['compare', fileA, fileB], ['quotes', fileA], ['--help']]) {
      const io = { ...nodeIo, stdout: () => undefined, stderr: () => undefined, beforeQuoteAnalysis: (chars: number) => void calls.push(`${argv[0]} ${chars}`) };
      assert.strictEqual(main(argv, io), 0);
    }
    assert.deepStrictEqual(calls, [`compare ${TEXT_A.length + TEXT_B.length}`, `quotes ${TEXT_A.length}`]);
  });

  it('runs as a self-contained bundle with plain node', function () {
    this.timeout(60000);
    // Bundled the way esbuild.js does, into the temp folder: no node_modules next to it at run time.
    const bundle = path.join(dir, 'cli.js');
    buildSync({ entryPoints: [path.join(__dirname, '../../../src/cli/main.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
    const ok = spawnSync(process.execPath, [bundle, 'passages', fileA, fileB, '--json'], { encoding: 'utf8', cwd: dir });
    assert.strictEqual(ok.status, 0, ok.stderr);
    assert.strictEqual(JSON.parse(ok.stdout).passages.length, 1);
    // The real process tunes V8 before quote analysis (nodeIo); the result is the in-process one.
    const compared = spawnSync(process.execPath, [bundle, 'compare', fileA, fileB, '--json'], { encoding: 'utf8', cwd: dir });
    assert.strictEqual(compared.status, 0, compared.stderr);
    assert.strictEqual(compared.stdout, run('compare', fileA, fileB, '--json').stdout);
    const missing = spawnSync(process.execPath, [bundle, 'compare', 'missing-a.txt', fileB], { encoding: 'utf8', cwd: dir });
    assert.strictEqual(missing.status, 1);
    assert.strictEqual(missing.stdout, '');
    assert.match(missing.stderr, /^compare-sources: error: cannot read missing-a\.txt: no such file\n$/);
  });
});

describe('isQuoteDense', () => {
  // The plain definition: double quote marks counted code unit by code unit, against 1 in 60.
  const plain = (...texts: string[]): boolean => {
    let marks = 0;
    let length = 0;
    for (const text of texts) {
      length += text.length;
      for (const char of text) if ('"\u201c\u201d\u201e\u00ab\u00bb'.includes(char)) marks++;
    }
    return marks > length / 60;
  };

  it('counts the marks as the plain loop does, at and around the threshold (property)', () => {
    const pieces = ['"', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb', "'", '\u2019', 'a', ' ', 'word ', 'a sentence of some length. '];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 200 }).map((parts) => parts.join(''));
    fc.assert(fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), (texts) => {
      assert.strictEqual(isQuoteDense(...texts), plain(...texts));
    }), { numRuns: 3000 });
    // Exactly at the threshold is not dense; one mark more is.
    assert.strictEqual(isQuoteDense('"' + 'x'.repeat(59)), false);
    assert.strictEqual(isQuoteDense('""' + 'x'.repeat(118), '\u00ab'), true);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('compare-sources CLI: the quote thread started before the files are read', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-sources-cli-thread-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs `main` with a thread that records what is done with it (and answers nothing: the main thread then does the work itself). */
  function runWithThread(argv: string[]): { code: number; stdout: string; stderr: string; events: string[] } {
    const events: string[] = [];
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      ...nodeIo,
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      readFile: (file) => {
        events.push(`read ${path.basename(file)}`);
        return nodeIo.readFile(file);
      },
      startQuoteThread: () => {
        events.push('start');
        return {
          analyse: () => void events.push('analyse'),
          quotedRegions: () => undefined,
          take: () => undefined,
          takeSpeakerMerge: () => undefined,
          stop: () => void events.push('stop'),
        };
      },
    };
    const code = main(argv, io);
    return { code, stdout, stderr, events };
  }

  const write = (name: string, text: string): string => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, text);
    return at;
  };
  const news = (words: number): string => Array.from({ length: words }, (_, k) => (k % 12 === 11 ? 'said the council.\n\n' : `word${k % 997}`)).join(' ');

  it('starts it before reading large files, and uses it; gives the same model as without a thread', function () {
    this.timeout(30000);
    const a = write('a.txt', news(60_000));
    const b = write('b.txt', news(61_000));
    const threaded = runWithThread(['compare', '--json', a, b]);
    assert.strictEqual(threaded.code, 0, threaded.stderr);
    assert.deepStrictEqual(threaded.events, ['start', 'read a.txt', 'read b.txt', 'analyse', 'stop']);
    assert.strictEqual(threaded.stdout, run('compare', '--json', a, b).stdout);
  });

  it('stops it when the texts turn out to be mostly quotes, or a file cannot be read', function () {
    this.timeout(30000);
    const dense = write('dense.txt', '"Yes," he said. '.repeat(26_000));
    const quoted = runWithThread(['compare', '--json', dense, dense]);
    assert.strictEqual(quoted.code, 0, quoted.stderr);
    assert.deepStrictEqual(quoted.events, ['start', 'read dense.txt', 'read dense.txt', 'stop']);
    const binary = write('binary.txt', '\0'.repeat(900_000));
    const failed = runWithThread(['compare', '--json', dense, binary]);
    assert.strictEqual(failed.code, 1);
    assert.match(failed.stderr, /binary file/);
    assert.deepStrictEqual(failed.events, ['start', 'read dense.txt', 'read binary.txt', 'stop']);
  });

  it('starts none for small files', () => {
    const a = write('small-a.txt', news(200));
    assert.deepStrictEqual(runWithThread(['compare', '--json', a, a]).events, ['read small-a.txt', 'read small-a.txt']);
  });
});
