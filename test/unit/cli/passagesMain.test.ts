import * as assert from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeIo, type CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { main as passagesMain } from '../../../src/cli/passagesMain';

const ROOT = path.resolve(__dirname, '../../..');

/** Runs a program's `main` in-process, capturing what it prints. */
function run(program: typeof main, argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { ...nodeIo, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) };
  return { code: program(argv, io), stdout, stderr };
}

describe('cli/passagesMain (the program dist/cli.js starts for passages)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-sources-passages-main-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers every passages command line as the whole CLI does: results, help, usage errors, missing files, --output', () => {
    const [a, b] = ['harbour-wire.txt', 'harbour-herald.txt'].map((name) => path.join(ROOT, 'examples', name));
    const page = path.join(dir, 'page.html');
    fs.writeFileSync(page, `<html><body><article><p>${fs.readFileSync(a, 'utf8').split('\n\n').slice(0, 3).join('</p><p>')}</p></article></body></html>`);
    const lines = [
      ['passages', a, b, '--json'],
      ['passages', a, b],
      ['passages', '--json', a, b, '--min-words', '3'],
      ['passages', a, page, '--json'],
      ['passages', a, page, '--input-format', 'text'],
      ['passages', '--help'],
      ['passages', a],
      ['passages', a, b, path.join(dir, 'third.txt')],
      ['passages', a, path.join(dir, 'missing.txt')],
      ['passages', a, b, '--format', 'html'],
      ['passages', a, b, '--top', '3'],
      ['passages', a, b, '--max-bytes', '100'],
      ['passages', a, b, '-o', a],
    ];
    for (const argv of lines) assert.deepStrictEqual(run(passagesMain, argv), run(main, argv), argv.join(' '));
    assert.ok(JSON.parse(run(passagesMain, lines[0]).stdout).passages.length > 0);
    // --output: the same file written.
    const [mine, whole] = ['mine.json', 'whole.json'].map((name) => path.join(dir, name));
    assert.strictEqual(run(passagesMain, ['passages', a, b, '--json', '-o', mine]).code, 0);
    assert.strictEqual(run(main, ['passages', a, b, '--json', '-o', whole]).code, 0);
    assert.strictEqual(fs.readFileSync(mine, 'utf8'), fs.readFileSync(whole, 'utf8'));
  });

  it('refuses to run any other command (only a mistaken launcher would ask it to)', () => {
    const result = run(passagesMain, ['compare', 'x.txt', 'y.txt']);
    assert.strictEqual(result.code, 70);
    assert.match(result.stderr, /passages program was started for compare/);
  });
});
