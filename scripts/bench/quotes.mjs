#!/usr/bin/env node
// The quotes core call alone (`analyzeQuotes`), in-process, on every polnear-dev article: issue 5
// asks for under 20 ms per article. The articles are read at run time from ../shared (evaluation
// data never enters the repository); the core is bundled from src/core into a temporary file, so
// this measures the current sources and needs no build step. A measurement, never a test: it
// prints and exits 0 whatever the figures.
//
//   node scripts/bench/quotes.mjs [--gold ../shared/data/polnear-dev/gold-dev.json] [--runs 5] [--json]
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { median, percentile } from './format.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TARGET_MS = 20;

function parseArgs(argv) {
  const options = { gold: resolve(ROOT, '..', 'shared', 'data', 'polnear-dev', 'gold-dev.json'), runs: 5, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--gold') options.gold = resolve(argv[++i] ?? '');
    else if (arg === '--runs') options.runs = Math.max(1, Number.parseInt(argv[++i] ?? '', 10) || 1);
    else if (arg === '--json') options.json = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

async function loadAnalyzeQuotes() {
  const dir = mkdtempSync(join(tmpdir(), 'compare-sources-quotes-'));
  try {
    const outfile = join(dir, 'quotes.mjs');
    await build({
      entryPoints: [join(ROOT, 'src', 'core', 'quotes', 'attribution.ts')],
      bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile, logLevel: 'error',
    });
    return (await import(pathToFileURL(outfile).href)).analyzeQuotes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const options = parseArgs(process.argv.slice(2));
if (!existsSync(options.gold)) {
  console.error(`no polnear-dev data at ${options.gold} (pass --gold FILE)`);
  process.exit(1);
}
const articles = JSON.parse(readFileSync(options.gold, 'utf8')).articles.map((a) => a.text);
const analyzeQuotes = await loadAnalyzeQuotes();
// One untimed pass so the JIT has compiled the hot paths, as it has in a running editor.
for (const text of articles) analyzeQuotes(text);
// Per article, the best of `runs` calls: the noise on a shared machine only ever adds time.
const perArticle = articles.map((text) => {
  let best = Infinity;
  for (let r = 0; r < options.runs; r++) {
    const start = performance.now();
    analyzeQuotes(text);
    best = Math.min(best, performance.now() - start);
  }
  return best;
});
const result = {
  articles: articles.length,
  medianMs: median(perArticle),
  p95Ms: percentile(perArticle, 0.95),
  maxMs: Math.max(...perArticle),
  targetMs: TARGET_MS,
};
if (options.json) console.log(JSON.stringify(result));
else {
  console.log(`analyzeQuotes over ${result.articles} polnear-dev articles (best of ${options.runs} runs each):`);
  console.log(`median ${result.medianMs.toFixed(2)} ms, p95 ${result.p95Ms.toFixed(2)} ms, max ${result.maxMs.toFixed(2)} ms per article`);
  console.log(`target under ${TARGET_MS} ms per article: ${result.p95Ms < TARGET_MS ? 'met' : 'missed'} (p95)`);
}
