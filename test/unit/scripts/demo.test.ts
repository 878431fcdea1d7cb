// The demo's command line: help and usage errors answer at once, before anything is installed or started.
import * as assert from 'assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const demo = path.join(__dirname, '..', '..', '..', 'scripts', 'demo.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [demo, ...args], { encoding: 'utf8', timeout: 20000 });

describe('npm run demo (its arguments)', () => {
  it('prints its usage on --help and -h, and exits 0', () => {
    for (const flag of ['--help', '-h']) {
      const result = run(flag);
      assert.strictEqual(result.status, 0, result.stderr);
      assert.match(result.stdout, /^Usage: npm run demo -- \[DIR\]/);
      assert.match(result.stdout, /DIR +a folder of articles to open/);
      assert.strictEqual(result.stderr, '');
    }
  });

  it('answers an unknown option, a second folder or a missing folder with the usage on stderr and exit 2, no stack trace', () => {
    for (const args of [['--bogus'], ['a', 'b'], ['/no/such/folder'], ['--port', 'x']]) {
      const result = run(...args);
      assert.strictEqual(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, /Usage: npm run demo/);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'a stack trace');
    }
  });
});
