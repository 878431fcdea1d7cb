import * as assert from 'assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { nodeIo, type CliIo } from '../../../../src/cli/io';
import { QUOTE_THREAD_FROM_BYTES, main } from '../../../../src/cli/main';
import { analyzeQuotes } from '../../../../src/core/quotes/attribution';
import { extractQuotedRegions } from '../../../../src/core/quotes/quotedRegions';
import { mergeSpeakerLists } from '../../../../src/core/quotes/speakerMerge';
import { QuoteThread } from '../../../../src/cli/quoteThread/quoteThread';
import { speakersOnly } from '../../../../src/cli/quoteThread/quoteWorker';

const ROOT = path.join(__dirname, '../../../..');
const example = (name: string): string => fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');

describe('quote analysis on a second thread', () => {
  let dir: string;

  before(function () {
    this.timeout(60000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-sources-thread-'));
    // Bundled the way esbuild.js does: the worker is a bundle beside the CLI's.
    for (const [entry, source] of [['cli', 'src/cli/main.ts'], ['quoteWorker', 'src/cli/quoteThread/quoteWorker.ts']]) {
      buildSync({ entryPoints: [path.join(ROOT, source)], outfile: path.join(dir, `${entry}.js`), bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives exactly what analyzeQuotes gives, for each text in order', function () {
    this.timeout(20000);
    const texts = [example('harbour-wire.txt'), example('harbour-herald.txt'), ''];
    const thread = QuoteThread.start(path.join(dir, 'quoteWorker.js')).analyse(texts);
    assert.deepStrictEqual(texts.map((_, k) => thread.take(k)), texts.map((text) => analyzeQuotes(text)));
    assert.deepStrictEqual(thread.take(0), analyzeQuotes(texts[0]), 'an answer taken again is the same');
    assert.strictEqual(thread.take(texts.length), undefined, 'no answer for a text it was not given');
    assert.strictEqual(thread.takeSpeakerMerge(), undefined, 'no merge when none was asked for');
  });

  it('gives each text\'s quoted regions before its quotes, and the two texts\' merged speakers when asked', function () {
    this.timeout(20000);
    const texts = [example('harbour-wire.txt'), example('harbour-herald.txt')];
    const thread = QuoteThread.start(path.join(dir, 'quoteWorker.js')).analyse(texts, { mergeSpeakers: true });
    // Taken in the order the CLI takes them: A's quotes, B's regions, B's quotes, the merge.
    assert.deepStrictEqual(thread.take(0), analyzeQuotes(texts[0]));
    assert.deepStrictEqual(thread.quotedRegions(1), extractQuotedRegions(texts[1]).regions.map((region) => region.range));
    assert.deepStrictEqual(thread.take(1), analyzeQuotes(texts[1]));
    const merge = thread.takeSpeakerMerge();
    assert.ok(merge && merge.speakers.length > 0);
    assert.deepStrictEqual(merge, mergeSpeakerLists(analyzeQuotes(texts[0]), analyzeQuotes(texts[1])));
    assert.deepStrictEqual(thread.quotedRegions(0), extractQuotedRegions(texts[0]).regions.map((region) => region.range), 'an earlier answer is kept');
  });

  it('keeps of each analysis, for the merge, speakers that merge exactly as the whole analysis does', () => {
    const names = ['harbour-wire.txt', 'harbour-herald.txt', 'harbour-radio.txt'];
    for (const first of names) {
      for (const second of names) {
        const a = analyzeQuotes(example(first));
        const b = analyzeQuotes(example(second));
        const kept = speakersOnly(a);
        assert.ok(kept.speakers.length > 0 && kept.quotes.length === 0 && kept.nonSpeech.length === 0);
        assert.notStrictEqual(kept.speakers[0], a.speakers[0], 'a copy, holding nothing of the analysis');
        assert.deepStrictEqual(mergeSpeakerLists(kept, speakersOnly(b)), mergeSpeakerLists(a, b), `${first} and ${second}`);
      }
    }
  });

  it('gives up on a worker that never starts, so that the caller analyses the text itself', function () {
    this.timeout(20000);
    const started = Date.now();
    const thread = QuoteThread.start(path.join(dir, 'missing.js'), { startMs: 500 }).analyse(['“Yes,” she said.', '“No,” he said.']);
    assert.strictEqual(thread.take(0), undefined);
    assert.strictEqual(thread.take(1), undefined);
    assert.ok(Date.now() - started < 10000);
  });

  it('gives up on a worker that dies after it started without answering, so that the caller analyses the text itself', function () {
    this.timeout(20000);
    // Like a worker ended for running out of memory: it has counted itself started, then its thread
    // ends with no `finally` run and no answer counted.
    const dying = path.join(dir, 'dying.js');
    fs.writeFileSync(dying, `const { workerData } = require('node:worker_threads');
Atomics.store(workerData.signal, 0, 1);
Atomics.notify(workerData.signal, 0);
workerData.port.once('message', () => process.exit(1));
`);
    const started = Date.now();
    const thread = QuoteThread.start(dying, { answerMs: 500 }).analyse(['“Yes,” she said.', '“No,” he said.']);
    assert.strictEqual(thread.take(0), undefined);
    assert.strictEqual(thread.take(1), undefined);
    const waited = Date.now() - started;
    assert.ok(waited >= 450 && waited < 10000, `waited ${waited} ms`);
  });

  it('makes the CLI print the same comparison of large texts as one thread does', function () {
    this.timeout(60000);
    // Both examples many times over, numbered so that the copies are not all alike.
    const large = (name: string): string => Array.from({ length: 130 }, (_, k) => `Part ${k + 1}.\n\n${example(name)}`).join('\n\n');
    const fileA = path.join(dir, 'a.txt');
    const fileB = path.join(dir, 'b.txt');
    fs.writeFileSync(fileA, large('harbour-wire.txt'));
    fs.writeFileSync(fileB, large('harbour-herald.txt'));
    assert.ok(fs.statSync(fileA).size + fs.statSync(fileB).size > QUOTE_THREAD_FROM_BYTES, 'the texts are large enough to use the thread');

    const threaded = spawnSync(process.execPath, [path.join(dir, 'cli.js'), 'compare', '--json', fileA, fileB], { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.strictEqual(threaded.status, 0, threaded.stderr);
    let stdout = '';
    const oneThread: CliIo = { ...nodeIo, startQuoteThread: undefined, stdout: (text) => void (stdout += text), stderr: () => undefined };
    assert.strictEqual(main(['compare', '--json', fileA, fileB], oneThread), 0);
    assert.strictEqual(threaded.stdout, stdout);
    assert.ok(JSON.parse(stdout).b.quotes.length > 130, 'B has quotes to analyse');
  });

  it('makes the CLI print the same comparison of three large texts as one thread does', function () {
    this.timeout(60000);
    const large = (name: string): string => Array.from({ length: 100 }, (_, k) => `Part ${k + 1}.\n\n${example(name)}`).join('\n\n');
    const files = ['harbour-wire.txt', 'harbour-herald.txt', 'harbour-radio.txt'].map((name) => {
      const file = path.join(dir, `many-${name}`);
      fs.writeFileSync(file, large(name));
      return file;
    });
    assert.ok(files.reduce((sum, file) => sum + fs.statSync(file).size, 0) > QUOTE_THREAD_FROM_BYTES, 'the texts are large enough to use the thread');
    const threaded = spawnSync(process.execPath, [path.join(dir, 'cli.js'), 'compare', '--json', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.strictEqual(threaded.status, 0, threaded.stderr);
    let stdout = '';
    const oneThread: CliIo = { ...nodeIo, startQuoteThread: undefined, stdout: (text) => void (stdout += text), stderr: () => undefined };
    assert.strictEqual(main(['compare', '--json', ...files], oneThread), 0);
    assert.strictEqual(threaded.stdout, stdout);
    assert.ok(JSON.parse(stdout).documents.every((d: { quotes: unknown[] }) => d.quotes.length > 100), 'the texts have quotes to analyse');
  });

  it('ends the thread it started when a large input then turns out unreadable', function () {
    this.timeout(60000);
    // The thread starts from the files' sizes, before they are read; B is binary, which only reading finds.
    const fileA = path.join(dir, 'large.txt');
    const fileB = path.join(dir, 'binary.bin');
    fs.writeFileSync(fileA, example('harbour-wire.txt').repeat(60));
    fs.writeFileSync(fileB, Buffer.alloc(QUOTE_THREAD_FROM_BYTES, 0));
    const started = Date.now();
    const result = spawnSync(process.execPath, [path.join(dir, 'cli.js'), 'compare', fileA, fileB], { encoding: 'utf8', timeout: 30000 });
    assert.strictEqual(result.status, 1, result.stderr);
    assert.match(result.stderr, /^compare-sources: error: .*binary\.bin: binary file \(contains NUL bytes\), not a text file\n$/);
    assert.ok(Date.now() - started < 10000, 'the process did not wait for the idle thread');
  });
});
