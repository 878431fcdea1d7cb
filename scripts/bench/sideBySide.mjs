#!/usr/bin/env node
// This checkout's core against another checkout's (a parent commit's, in a worktree of its own), in
// one process and one run: the shared passages alone and the whole comparison on generated pairs of
// each kind and size, calls interleaved (this, other, this, …) so that the machine's load falls on
// both alike, in CPU time, which waiting for a core does not inflate. Prints each median and the
// ratio this / other: the way a change shows it left the speed alone on a shared, noisy machine.
// The cores are bundled from the sources (no build step).
//
// With --pairs FILE (a reuse-dev pairs file), also all its pairs, each run being the whole set.
//
//   node scripts/bench/sideBySide.mjs --other DIR [--sizes 10k,100k,1m] [--kinds news,reprint,unrelated] [--runs N] [--pairs FILE]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { generatePair } from './generate.mjs';
import { median, parseSize } from './format.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const other = option('--other');
if (!other) {
  console.error('usage: node scripts/bench/sideBySide.mjs --other DIR [--sizes 10k,100k,1m] [--kinds news,reprint,unrelated] [--runs N]');
  process.exit(2);
}
const sizes = option('--sizes', '10k,100k,1m').split(',');
const kinds = option('--kinds', 'news,reprint,unrelated').split(',');

async function loadCore(root) {
  const dir = mkdtempSync(join(tmpdir(), 'compare-sources-side-'));
  try {
    await build({
      stdin: {
        contents: "export { compareTexts, sharePassages } from './compare';",
        resolveDir: join(root, 'src', 'core'),
        loader: 'ts',
      },
      bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile: join(dir, 'core.mjs'), logLevel: 'error',
    });
    return await import(pathToFileURL(join(dir, 'core.mjs')).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cores = { this: await loadCore(ROOT), other: await loadCore(resolve(other)) };
const calls = {
  passages: (core, a, b) => core.sharePassages({ name: 'a', text: a }, { name: 'b', text: b }),
  compare: (core, a, b) => core.compareTexts({ name: 'a', text: a }, { name: 'b', text: b }),
};
console.log('| pair | call | this (CPU ms) | other (CPU ms) | this / other |');
console.log('| --- | --- | --- | --- | --- |');

/** Median times of `call` on `a`, `b` for both cores, calls interleaved, after one warm-up each. */
function sideBySide(call, runs) {
  const times = { this: [], other: [] };
  for (const which of ['this', 'other']) call(cores[which]);
  for (let run = 0; run < runs; run++) {
    for (const which of run % 2 === 0 ? ['this', 'other'] : ['other', 'this']) {
      // CPU time of this process (one thread here): waiting for a core on a busy machine does not count.
      const started = process.cpuUsage();
      call(cores[which]);
      const used = process.cpuUsage(started);
      times[which].push((used.user + used.system) / 1000);
    }
  }
  return { mine: median(times.this), theirs: median(times.other) };
}

const row = (label, name, { mine, theirs }) => console.log(`| ${label} | ${name} | ${mine.toFixed(1)} | ${theirs.toFixed(1)} | ${(mine / theirs).toFixed(2)} |`);

const pairsFile = option('--pairs');
if (pairsFile) {
  const pairs = JSON.parse(readFileSync(pairsFile, 'utf8')).pairs;
  const runs = Number(option('--runs', '9'));
  for (const [name, call] of Object.entries(calls)) {
    row(`${pairs.length} pairs of ${pairsFile.split('/').pop()}, all`, name, sideBySide((core) => { for (const pair of pairs) call(core, pair.a.text, pair.b.text); }, runs));
  }
}
for (const size of sizes) {
  const chars = parseSize(size);
  const runs = Number(option('--runs', chars >= 1e6 ? '5' : chars >= 1e5 ? '15' : '60'));
  for (const kind of kinds) {
    const { a, b } = generatePair(chars, { kind });
    for (const [name, call] of Object.entries(calls)) row(`${kind} ${size}`, name, sideBySide((core) => call(core, a, b), runs));
  }
}
