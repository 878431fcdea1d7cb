#!/usr/bin/env node
// The editor half of the benchmark: bundles scripts/bench/extension-host-delay.mjs for the extension
// host (CommonJS, `vscode` external; inside the project so the host attributes its `require('vscode')`
// to this extension) and runs it with the integration runner, which prints what it measures.
//
//   node esbuild.js && node scripts/bench/editor.mjs
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BUNDLE = join('dist', 'bench', 'extension-host-delay.js');

await build({
  entryPoints: [join(ROOT, 'scripts', 'bench', 'extension-host-delay.mjs')],
  outfile: join(ROOT, BUNDLE),
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning',
});
const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'run-integration.mjs'), '--tests', BUNDLE], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { TEST_TIMEOUT_MS: '300000', ...process.env },
});
process.exit(result.status ?? 1);
