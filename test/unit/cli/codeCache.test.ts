import * as assert from 'assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { cacheDirectory, cacheFileFor, loadProgram } from '../../../src/cli/codeCache';

const ROOT = path.join(__dirname, '../../..');

interface Program {
  name: string;
  dir: string;
  sum(values: number[]): number;
  required: string;
}

describe('cli/codeCache', () => {
  let dir: string;
  let programFile: string;
  let cacheFile: string;
  let variant = 0;
  // Each test its own source, so that V8's in-process compilation cache never answers for another test's program.
  const writeProgram = (extra = ''): void => {
    variant++;
    fs.writeFileSync(programFile, [
      `exports.name = require('node:path').basename(__filename); // ${variant}${extra}`,
      'exports.dir = __dirname;',
      'exports.sum = (values) => values.reduce((total, value) => total + value, 0);',
      "module.exports.required = typeof require('./helper.js').twice;",
    ].join('\n'));
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-sources-code-cache-'));
    programFile = path.join(dir, 'program.js');
    fs.writeFileSync(path.join(dir, 'helper.js'), 'exports.twice = (x) => 2 * x;');
    writeProgram();
    cacheFile = cacheFileFor(path.join(dir, 'cache'), programFile, 'find');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs the program as require would, with no cache as with one', () => {
    const check = (program: { exports: Program }) => {
      assert.deepStrictEqual({ ...program.exports, sum: program.exports.sum([1, 2, 3]) }, { name: 'program.js', dir, sum: 6, required: 'function' });
    };
    const uncached = loadProgram<Program>(programFile, undefined);
    assert.strictEqual(uncached.cache, 'none');
    check(uncached);
    uncached.save(); // no cache file: nothing to write
    const first = loadProgram<Program>(programFile, cacheFile);
    assert.strictEqual(first.cache, 'none');
    check(first);
    first.save();
    const second = loadProgram<Program>(programFile, cacheFile);
    assert.strictEqual(second.cache, 'used');
    check(second);
  });

  it('keeps the cache to its owner: a file only they can read, in a folder only they can write', function () {
    if (process.platform === 'win32') this.skip();
    loadProgram(programFile, cacheFile).save();
    assert.strictEqual(fs.statSync(cacheFile).mode & 0o777, 0o600);
    assert.strictEqual(fs.statSync(path.dirname(cacheFile)).mode & 0o777, 0o700);
    // A folder others may write to could hold anyone's code: its cache is neither used nor written.
    fs.chmodSync(path.dirname(cacheFile), 0o777);
    assert.strictEqual(loadProgram(programFile, cacheFile).cache, 'none');
    fs.rmSync(cacheFile);
    loadProgram(programFile, cacheFile).save();
    assert.ok(!fs.existsSync(cacheFile));
    fs.chmodSync(path.dirname(cacheFile), 0o700);
    // Nor is a link to a cache elsewhere.
    loadProgram(programFile, cacheFile).save();
    fs.renameSync(cacheFile, path.join(dir, 'elsewhere'));
    fs.symlinkSync(path.join(dir, 'elsewhere'), cacheFile);
    assert.strictEqual(loadProgram(programFile, cacheFile).cache, 'none');
  });

  it('uses a cache only for the very program it was made from, and only intact', () => {
    loadProgram(programFile, cacheFile).save();
    // The same length, another program (V8 itself only compares lengths).
    const before = fs.readFileSync(programFile, 'utf8');
    fs.writeFileSync(programFile, before.replace('total + value', 'total - value'));
    const changed = loadProgram<Program>(programFile, cacheFile);
    assert.strictEqual(changed.cache, 'none');
    assert.strictEqual(changed.exports.sum([1, 2, 3]), -6);
    changed.save();
    assert.strictEqual(loadProgram<Program>(programFile, cacheFile).cache, 'used');
    // One byte of the cached code changed, or the file cut short: compiled from source.
    const bytes = fs.readFileSync(cacheFile);
    bytes[bytes.length - 10] ^= 0xff;
    fs.writeFileSync(cacheFile, bytes);
    assert.strictEqual(loadProgram<Program>(programFile, cacheFile).cache, 'none');
    fs.writeFileSync(cacheFile, bytes.subarray(0, 70));
    const cut = loadProgram<Program>(programFile, cacheFile);
    assert.strictEqual(cut.cache, 'none');
    assert.strictEqual(cut.exports.sum([1, 2, 3]), -6);
  });

  it('keeps caches in the user’s cache folder, one per program and kind of run, or none when turned off', () => {
    assert.strictEqual(cacheDirectory({ COMPARE_SOURCES_CODE_CACHE: 'off' }, 'linux'), undefined);
    assert.strictEqual(cacheDirectory({ COMPARE_SOURCES_CODE_CACHE: '/var/cache/cs' }, 'linux'), '/var/cache/cs');
    assert.strictEqual(cacheDirectory({ XDG_CACHE_HOME: '/home/u/.xdg' }, 'linux'), path.join('/home/u/.xdg', 'compare-sources'));
    assert.strictEqual(cacheDirectory({ XDG_CACHE_HOME: 'relative' }, 'linux'), path.join(os.homedir(), '.cache', 'compare-sources'));
    assert.strictEqual(cacheDirectory({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32'), path.join('C:\\Users\\u\\AppData\\Local', 'compare-sources', 'Cache'));
    const find = cacheFileFor('/c', '/a/dist/cliMain.js', 'find');
    assert.match(path.basename(find), /^cli-find-[0-9a-f]{12}\.v8cache$/);
    assert.notStrictEqual(cacheFileFor('/c', '/b/dist/cliMain.js', 'find'), find);
    assert.notStrictEqual(cacheFileFor('/c', '/a/dist/cliMain.js', 'compare'), find);
    assert.match(path.basename(cacheFileFor('/c', '/a/dist/cliMain.js', '../../etc/x')), /^cli-other-/);
  });

  it('starts the CLI through the launcher: the same output, a cache kept after a run and used at the next start', function () {
    this.timeout(60000);
    // Bundled the way esbuild.js does: the launcher as cli.js, the program beside it.
    const dist = path.join(dir, 'dist');
    for (const [entry, source] of [['cli', 'src/cli/launch.ts'], ['cliMain', 'src/cli/main.ts'], ['cliFind', 'src/cli/findMain.ts'], ['cliPassages', 'src/cli/passagesMain.ts']]) {
      buildSync({ entryPoints: [path.join(ROOT, source)], outfile: path.join(dist, `${entry}.js`), bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
    }
    const caches = path.join(dir, 'caches');
    const cli = (...argv: string[]) => spawnSync(process.execPath, [path.join(dist, 'cli.js'), ...argv], { encoding: 'utf8', env: { ...process.env, COMPARE_SOURCES_CODE_CACHE: caches } });
    const [a, b] = ['harbour-wire.txt', 'harbour-herald.txt'].map((name) => path.join(ROOT, 'examples', name));
    const direct = spawnSync(process.execPath, [path.join(dist, 'cliMain.js'), 'passages', '--json', a, b], { encoding: 'utf8' });
    const first = cli('passages', '--json', a, b);
    assert.strictEqual(first.status, 0, first.stderr);
    assert.strictEqual(first.stdout, direct.stdout);
    assert.deepStrictEqual(fs.readdirSync(caches).map((name) => name.replace(/-[0-9a-f]+\./, '.')), ['cli-passages.v8cache']);
    const passagesCache = path.join(caches, fs.readdirSync(caches)[0]);
    const made = fs.statSync(passagesCache).mtimeMs;
    const second = cli('passages', '--json', a, b);
    assert.strictEqual(second.stdout, direct.stdout);
    // Used, not refused and written again: passages starts with flags of its own (optimiseOnThisThread), the cache made under them.
    assert.strictEqual(fs.statSync(passagesCache).mtimeMs, made);
    // compare tunes V8's flags for its quotes; they are put back before its code is saved, or the
    // next start would refuse the cache (and write it again).
    const compared = cli('compare', '--json', a, b);
    assert.strictEqual(compared.status, 0, compared.stderr);
    assert.ok(JSON.parse(compared.stdout).passages.length > 0);
    const compareCaches = fs.readdirSync(caches).filter((name) => name.startsWith('cli-compare'));
    assert.strictEqual(compareCaches.length, 1);
    const saved = fs.statSync(path.join(caches, compareCaches[0])).mtimeMs;
    assert.strictEqual(cli('compare', '--json', a, b).stdout, compared.stdout);
    assert.strictEqual(fs.statSync(path.join(caches, compareCaches[0])).mtimeMs, saved);
    const failed = cli('compare', 'missing.txt', b);
    assert.strictEqual(failed.status, 1);
    assert.match(failed.stderr, /^compare-sources: error: cannot read missing\.txt/);
    // find starts its own program (the find command alone), with a cache of its own, and answers as the whole one does.
    const found = cli('find', '--json', a, path.join(ROOT, 'examples'));
    assert.strictEqual(found.status, 0, found.stderr);
    assert.strictEqual(found.stdout, spawnSync(process.execPath, [path.join(dist, 'cliMain.js'), 'find', '--json', a, path.join(ROOT, 'examples')], { encoding: 'utf8' }).stdout);
    assert.ok(JSON.parse(found.stdout).matches.some((match: { file: string }) => match.file.endsWith('harbour-herald.txt')));
    const findCaches = fs.readdirSync(caches).filter((name) => name.startsWith('cli-find'));
    assert.strictEqual(findCaches.length, 1);
    assert.notStrictEqual(findCaches[0].slice('cli-find-'.length), fs.readdirSync(caches).find((name) => name.startsWith('cli-passages'))!.slice('cli-passages-'.length));
  });

  it('starts the quote thread\'s program from a cache of its own: kept after a run, then used, with the same output', function () {
    this.timeout(120000);
    const dist = path.join(dir, 'dist-quotes');
    const entries = [['cli', 'src/cli/launch.ts'], ['cliMain', 'src/cli/main.ts'], ['quoteWorker', 'src/cli/quoteThread/quoteWorkerLaunch.ts'], ['quoteWorkerMain', 'src/cli/quoteThread/quoteWorker.ts']];
    for (const [entry, source] of entries) {
      buildSync({ entryPoints: [path.join(ROOT, source)], outfile: path.join(dist, `${entry}.js`), bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
    }
    // Large enough together for compare to analyse the quotes on its thread (QUOTE_THREAD_FROM_BYTES).
    const [a, b] = ['harbour-wire.txt', 'harbour-herald.txt'].map((name) => {
      const file = path.join(dir, `large-${name}`);
      fs.writeFileSync(file, fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8').repeat(130));
      return file;
    });
    const caches = path.join(dir, 'quote-caches');
    const compare = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'compare', '--json', a, b], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
    const uncached = compare({ COMPARE_SOURCES_CODE_CACHE: 'off' });
    assert.strictEqual(uncached.status, 0, uncached.stderr);
    const quoteCache = () => fs.readdirSync(caches).filter((name) => name.startsWith('cli-quotes-'));
    // The thread saves its code after its last answer, while the main thread finishes: a run may end first.
    for (let run = 0; run < 5 && !(fs.existsSync(caches) && quoteCache().length > 0); run++) assert.strictEqual(compare({ COMPARE_SOURCES_CODE_CACHE: caches }).stdout, uncached.stdout);
    assert.strictEqual(quoteCache().length, 1);
    const file = path.join(caches, quoteCache()[0]);
    const saved = fs.statSync(file).mtimeMs;
    const cached = compare({ COMPARE_SOURCES_CODE_CACHE: caches });
    assert.strictEqual(cached.stdout, uncached.stdout);
    // Used, not refused (a refused cache is written again).
    assert.strictEqual(fs.statSync(file).mtimeMs, saved);
  });
});
