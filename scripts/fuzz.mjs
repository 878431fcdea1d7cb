#!/usr/bin/env node
// `npm run fuzz`: the property tests of test/unit/fuzz with many more cases than the unit run.
//   FUZZ_SCALE=50 npm run fuzz     fifty times the unit run's cases (default 20: about 370,000 cases)
//   FUZZ_SEED=123 npm run fuzz     replays the seed a failure printed
//   npm run fuzz -- --grep quote   any further arguments go to mocha
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const scale = process.env.FUZZ_SCALE ?? '20';
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
console.log(`fuzz: FUZZ_SCALE=${scale}${process.env.FUZZ_SEED ? ` FUZZ_SEED=${process.env.FUZZ_SEED}` : ''}`);
const started = Date.now();
const result = spawnSync(process.execPath, [
  mocha, '--no-config', '--require', 'test/unit/register.js', '--timeout', '0', 'test/unit/fuzz/*.test.ts', ...process.argv.slice(2),
], { cwd: root, stdio: 'inherit', env: { ...process.env, FUZZ_SCALE: scale } });
console.log(`fuzz: finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(result.status ?? 1);
