#!/usr/bin/env node
// The core call alone, in-process, on two 10 KB articles: what the editor pays per comparison once
// the extension is loaded (issue 7: full comparison under 20 ms median). The core is bundled from
// src/core with esbuild into a temporary file, so this measures the current sources, not a stale
// dist/, and needs no build step.
//
//   node scripts/bench/core-call.mjs [--size 10k] [--runs 300] [--json]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { generatePair } from './generate.mjs';
import { median, parseSize, percentile } from './format.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * Bundles the core's entry points into one ES module and imports it: by default this tree's
 * `compareTexts`, `findSharedPassages`, `tokenize` and `DEFAULT_COMPARE_OPTIONS`; `coreDir` may be
 * another tree's src/core (an older commit's, for a side-by-side run), its npm imports resolved
 * from this tree's node_modules.
 */
export async function loadCore(coreDir = join(ROOT, 'src', 'core'), exports = DEFAULT_EXPORTS) {
  const dir = mkdtempSync(join(tmpdir(), 'compare-sources-core-'));
  try {
    const outfile = join(dir, 'core.mjs');
    await build({
      stdin: { contents: exports.join('\n'), resolveDir: coreDir, loader: 'ts' },
      bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile, logLevel: 'error',
      nodePaths: [join(ROOT, 'node_modules')],
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const DEFAULT_EXPORTS = [
  "export { compareTexts } from './compare';",
  "export { findSharedPassages } from './passages/passages';",
  "export { tokenize } from './text/tokenize';",
  "export { DEFAULT_COMPARE_OPTIONS } from './model';",
];

/** Runs `call` over the pairs round-robin: warm-up first (so the JIT has compiled it), then timed. */
export function time(call, pairs, runs) {
  for (let i = 0; i < Math.min(50, runs); i++) call(pairs[i % pairs.length]);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const pair = pairs[i % pairs.length];
    const started = performance.now();
    call(pair);
    times.push(performance.now() - started);
  }
  return { medianMs: median(times), p90Ms: percentile(times, 0.9), maxMs: Math.max(...times) };
}

async function main() {
  const argv = process.argv.slice(2);
  const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
  const size = parseSize(option('--size', '10k'));
  const runs = Number(option('--runs', '300'));
  const core = await loadCore();
  // Five different article pairs, so that the median is not one text's luck.
  const pairs = [1, 2, 3, 4, 5].map((seed) => generatePair(size, { seed }));
  const calls = [];
  calls.push({ name: 'tokenize A and B', ...time((pair) => [core.tokenize(pair.a), core.tokenize(pair.b)], pairs, runs) });
  const tokenized = pairs.map((pair) => ({ a: core.tokenize(pair.a), b: core.tokenize(pair.b) }));
  calls.push({
    name: 'findSharedPassages (tokens given)',
    ...time((pair) => core.findSharedPassages(pair.a, pair.b, core.DEFAULT_COMPARE_OPTIONS), tokenized, runs),
  });
  const full = time((pair) => core.compareTexts({ name: 'A', text: pair.a }, { name: 'B', text: pair.b }), pairs, runs);
  calls.push({ name: 'compareTexts (full comparison)', ...full });
  const result = { size, runs, calls, compareMedianMs: full.medianMs };
  if (argv.includes('--json')) process.stdout.write(JSON.stringify(result) + '\n');
  else for (const call of calls) console.log(`${call.name}: median ${call.medianMs.toFixed(2)} ms, p90 ${call.p90Ms.toFixed(2)} ms, max ${call.maxMs.toFixed(2)} ms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
