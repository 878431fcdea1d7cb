import * as assert from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main as findMain } from '../../../src/cli/findMain';
import { nodeIo, type CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { ArticleWriter, plant } from '../core/archive/archiveFixture';

/** Runs a program's `main` in-process, capturing what it prints. */
function run(program: typeof main, argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { ...nodeIo, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) };
  return { code: program(argv, io), stdout, stderr };
}

describe('cli/findMain (the program dist/cli.js starts for find)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-sources-find-main-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers every find command line as the whole CLI does: results, help, usage errors, missing files', () => {
    const writer = new ArticleWriter(7);
    const archive = path.join(dir, 'archive');
    fs.mkdirSync(path.join(archive, 'wire'), { recursive: true });
    const sources = Array.from({ length: 12 }, (_, k) => {
      const text = writer.article(200);
      fs.writeFileSync(path.join(archive, 'wire', `story${k}.txt`), text);
      return text;
    });
    const article = path.join(dir, 'article.txt');
    fs.writeFileSync(article, plant(writer.article(300), sources[5].split('\n\n')[0], 1));
    const lines = [
      ['find', article, archive, '--json'],
      ['find', article, archive, '--top', '1'],
      ['find', '--json', article, archive, '--index', path.join(dir, 'INDEX')],
      ['find', '--help'],
      ['find', article],
      ['find', article, archive, '--top', '0'],
      ['find', article, path.join(dir, 'nowhere')],
      ['find', path.join(dir, 'missing.txt'), archive],
      ['find', article, archive, '--format', 'nonsense'],
    ];
    for (const argv of lines) {
      // Each program its own index file, made on this run.
      const as = (name: string) => argv.map((arg) => arg.replace(/INDEX$/, `${name}.idx`));
      const whole = run(main, as('main'));
      const alone = run(findMain, as('find'));
      assert.deepStrictEqual(alone, whole, argv.join(' '));
    }
    assert.match(run(findMain, lines[0]).stdout, /story5\.txt/);
    assert.match(run(findMain, ['find', '--help']).stdout, /compare-sources quotes FILE/);
  });
});
