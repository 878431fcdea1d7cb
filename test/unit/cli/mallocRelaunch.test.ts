import * as assert from 'assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { RELAUNCH_FROM_BYTES, relaunchEnvironment } from '../../../src/cli/mallocRelaunch';

const ROOT = path.join(__dirname, '../../..');

describe('cli/mallocRelaunch', () => {
  const sizes: Record<string, number> = { 'a.txt': RELAUNCH_FROM_BYTES / 2, 'b.txt': RELAUNCH_FROM_BYTES / 2, 'small.txt': 1000 };
  const sizeOf = (file: string) => sizes[file] ?? 0;

  it('starts a large compare again with the mmap threshold set, and nothing else', () => {
    const env = { PATH: '/bin' };
    assert.deepStrictEqual(relaunchEnvironment(['compare', 'a.txt', 'b.txt'], env, 'linux', sizeOf), { PATH: '/bin', MALLOC_MMAP_THRESHOLD_: '131072' });
    assert.strictEqual(relaunchEnvironment(['compare', 'a.txt', 'small.txt'], env, 'linux', sizeOf), undefined, 'below the size');
    assert.strictEqual(relaunchEnvironment(['compare', '--json', 'a.txt'], env, 'linux', sizeOf), undefined, 'options are not files');
    assert.strictEqual(relaunchEnvironment(['passages', 'a.txt', 'b.txt'], env, 'linux', sizeOf), undefined, 'other commands');
    assert.strictEqual(relaunchEnvironment(['compare', 'a.txt', 'b.txt'], env, 'darwin', sizeOf), undefined, 'not glibc');
    assert.strictEqual(relaunchEnvironment(['compare', 'a.txt', 'b.txt'], { ...env, MALLOC_MMAP_THRESHOLD_: '' }, 'linux', sizeOf), undefined, 'once only, and never against the user\'s own setting');
  });

  it('runs the same command line again and ends as the copy ended: its output, exit code and signal', function () {
    this.timeout(20000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-sources-relaunch-'));
    try {
      const script = path.join(dir, 'probe.js');
      fs.writeFileSync(path.join(dir, 'probe.ts'), [
        `import { relaunch } from ${JSON.stringify(path.join(ROOT, 'src/cli/mallocRelaunch'))};`,
        'const value = process.env.MALLOC_MMAP_THRESHOLD_;',
        "if (value === undefined) { relaunch({ ...process.env, MALLOC_MMAP_THRESHOLD_: '4096' }); process.exit(99); }",
        "process.stdout.write(`copy ${value} ${process.argv.slice(2).join(' ')}`);",
        "if (process.argv[2] === 'signal') process.kill(process.pid, 'SIGTERM');",
        'process.exit(Number(process.argv[2]) || 0);',
      ].join('\n'));
      buildSync({ entryPoints: [path.join(dir, 'probe.ts')], outfile: script, bundle: true, platform: 'node', logLevel: 'silent' });
      const exited = spawnSync(process.execPath, [script, '3', 'b c'], { encoding: 'utf8' });
      assert.deepStrictEqual([exited.status, exited.stdout], [3, 'copy 4096 3 b c']);
      const signalled = spawnSync(process.execPath, [script, 'signal'], { encoding: 'utf8' });
      assert.deepStrictEqual([signalled.signal, signalled.stdout], ['SIGTERM', 'copy 4096 signal']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
