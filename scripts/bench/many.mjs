#!/usr/bin/env node
// `npm run bench -- --many`: comparisons of many articles (issue 26). For 2, 5, 10 and 20 articles of
// 10 KB and 10 articles of 100 KB (one wire story and outlets that reprint parts of it), the core
// call in-process (compareSources, bundled from src/core) and the whole `compare --json` process;
// then the two-document comparison side by side with an older commit (by default where this branch
// left main), core call and whole process, interleaved run by run so that the machine's load hits
// both alike; then the worst shapes of `--worst` (worstShapes.mjs) five at a time, against the same
// shape's two documents and between two sizes, to show the budgets hold for many documents too.
// Prints Markdown tables and ratios; never fails a build.
//
//   node scripts/bench/many.mjs [--runs N] [--process-runs N] [--against REF] [--no-parent] [--no-worst] [--json FILE]
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { loadCore } from './core-call.mjs';
import { generatePair, generateStory } from './generate.mjs';
import { median, percentile, table } from './format.mjs';
import { runOnFiles } from './measure.mjs';
import { worstShapes } from './worstShapes.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CLI = join(ROOT, 'dist', 'cli.js');
const CASES = [[2, 10240], [5, 10240], [10, 10240], [20, 10240], [10, 102400]];
const TARGET_10_BY_10K_MS = 300;
/** The shapes that cost the comparison of many documents most per byte (found with a sweep of all 199 at 20 KB × 5). */
const WORST_MANY = ['vocabulary quoted: V=3 independent', 'attributed quotes: 5 words V=10 independent', 'vocabulary: V=2 near'];
const WORST_SIZES = [102400, 204800];
const WORST_COPIES = 5;

function parseArgs(argv) {
  const options = { runs: null, processRuns: 7, against: null, parent: true, worst: true, json: null };
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i];
    if (argv[i] === '--runs') options.runs = Number(value());
    else if (argv[i] === '--process-runs') options.processRuns = Number(value());
    else if (argv[i] === '--against') options.against = value();
    else if (argv[i] === '--no-parent') options.parent = false;
    else if (argv[i] === '--no-worst') options.worst = false;
    else if (argv[i] === '--json') options.json = resolve(value());
    else if (argv[i] !== '--many') throw new Error(`unknown option ${argv[i]}`);
  }
  return options;
}

const git = (...args) => execFileSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' }).trim();

/** The commit to compare with: `--against`, else where HEAD left main (or HEAD's parent when HEAD is on main). */
function parentRef(options) {
  if (options.against) return git('rev-parse', options.against);
  const head = git('rev-parse', 'HEAD');
  let base = '';
  try {
    base = git('merge-base', 'HEAD', 'main');
  } catch {
    // no main here (a lone clone of a branch)
  }
  return base && base !== head ? base : git('rev-parse', 'HEAD~1');
}

/** That commit's core and CLI, bundled from its sources (its npm imports from this tree's node_modules). */
async function buildParent(ref, workDir) {
  const tree = join(workDir, 'parent');
  mkdirSync(tree);
  execFileSync('sh', ['-c', `git -C "${ROOT}" archive "${ref}" src | tar -x -C "${tree}"`]);
  const core = await loadCore(join(tree, 'src', 'core'), ["export { compareTexts } from './compare';"]);
  // As esbuild.js builds it: the quote thread's worker beside the CLI, or the CLI runs without the thread.
  const out = join(workDir, 'parent-dist');
  for (const [entry, source] of [['cli', 'src/cli/main.ts'], ['quoteWorker', 'src/cli/quoteThread/quoteWorker.ts']]) {
    await build({
      entryPoints: [join(tree, source)], outfile: join(out, `${entry}.js`), bundle: true, platform: 'node', format: 'cjs',
      target: 'node20', logLevel: 'error', nodePaths: [join(ROOT, 'node_modules')],
    });
  }
  return { core, cli: join(out, 'cli.js') };
}

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/**
 * Warm-up, then `runs` timed calls, round-robin over `inputs`: wall time, and CPU time (the call runs
 * on this one thread, so its CPU time is its time on a core, which waiting for one does not inflate).
 */
function timeCalls(call, inputs, runs) {
  for (let i = 0; i < Math.min(10, runs); i++) call(inputs[i % inputs.length]);
  const times = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const startedCpu = cpuMs();
    call(inputs[i % inputs.length]);
    cpu.push(cpuMs() - startedCpu);
    times.push(performance.now() - started);
  }
  return { medianMs: median(times), p90Ms: percentile(times, 0.9), cpuMs: median(cpu) };
}

/** Two calls timed alternately (a, b, b, a …) after a warm-up of each: their median CPU times and the ratio. */
function timeSideBySide(callA, callB, inputs, runs) {
  for (let i = 0; i < Math.min(10, runs); i++) {
    callA(inputs[i % inputs.length]);
    callB(inputs[i % inputs.length]);
  }
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    const input = inputs[i % inputs.length];
    const order = i % 2 ? [[callB, b], [callA, a]] : [[callA, a], [callB, b]];
    for (const [call, times] of order) {
      const started = cpuMs();
      call(input);
      times.push(cpuMs() - started);
    }
  }
  return { a: median(a), b: median(b), ratio: median(a) / median(b) };
}

/** Each tool's process on `files`, taking turns: median wall and CPU time (all threads), peak memory. */
async function processMedians(tools, files, runs, workDir) {
  const times = tools.map(() => []);
  const cpu = tools.map(() => []);
  const peaks = tools.map(() => 0);
  for (let round = 0; round < runs; round++) {
    for (const [k, tool] of tools.entries()) {
      const run = await runOnFiles(tool, files, { timeoutMs: 120000, workDir });
      if (run.status !== 'ok') throw new Error(`${tool.name} ${run.status}: ${run.error ?? ''}`);
      times[k].push(run.ms);
      cpu[k].push(run.cpuMs ?? 0);
      peaks[k] = Math.max(peaks[k], run.peakMB ?? 0);
    }
  }
  return tools.map((_, k) => ({ medianMs: median(times[k]), cpuMs: median(cpu[k]), peakMB: peaks[k] }));
}

const ms = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const workDir = mkdtempSync(join(tmpdir(), 'compare-sources-many-'));
  const results = { cases: [], parent: null };
  try {
    console.log('# Compare Sources: many articles\n');
    console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; Node ${process.version}; load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
    const core = await loadCore(join(ROOT, 'src', 'core'), [
      "export { compareSources, compareMany } from './compareMany';",
      "export { compareTexts } from './compare';",
    ]);
    const ours = { name: 'ours', script: CLI, args: ['compare', '--json'] };

    const rows = [];
    for (const [count, size] of CASES) {
      // Three stories, so that a median is not one text's luck.
      const stories = [1, 2, 3].map((seed) => generateStory(size, count, { seed }).map((text, k) => ({ name: `outlet-${k}.txt`, text })));
      const totalKB = stories[0].reduce((sum, doc) => sum + Buffer.byteLength(doc.text), 0) / 1024;
      const runs = options.runs ?? (size > 50000 ? 10 : count > 10 ? 20 : 30);
      const call = timeCalls((docs) => core.compareSources(docs), stories, runs);
      const files = stories[0].map((doc) => {
        const file = join(workDir, `${count}-${size}-${doc.name}`);
        writeFileSync(file, doc.text);
        return file;
      });
      const [whole] = await processMedians([ours], files, options.processRuns, workDir);
      const sample = core.compareSources(stories[0]);
      const clusters = sample.passageClusters ? `${sample.passageClusters.length} passage, ${sample.quoteClusters.filter((c) => c.documents.length > 1).length} quote clusters` : `${sample.passages.length} passages (pair model)`;
      rows.push([`${count} × ${Math.round(size / 1024)} KB`, totalKB.toFixed(0), ms(call.cpuMs), ms(call.medianMs), ms(call.p90Ms), ms(whole.cpuMs), ms(whole.medianMs), whole.peakMB.toFixed(0), clusters]);
      results.cases.push({ count, size, totalKB, core: call, process: whole });
      process.stderr.write(`  ${count} × ${size}: core ${ms(call.cpuMs)} ms CPU, process ${ms(whole.medianMs)} ms\n`);
    }
    console.log('## Core call and whole process\n');
    console.log(table(['articles', 'total KB', 'core CPU ms', 'core wall ms', 'core wall p90', 'process CPU ms', 'process wall ms', 'peak MB', 'found (first story)'], rows));
    console.log('\nCore call: `compareSources` in-process after a warm-up (the worker\'s cost per run), medians; two articles take the pair model');
    console.log('(`compareTexts`). CPU ms is the call\'s time on a core; wall ms adds the waiting for one on a busy machine.');
    console.log('Whole process: `node dist/cli.js compare --json` on the first story\'s files, node start included; CPU of all its threads.');
    const ten = results.cases.find((c) => c.count === 10 && c.size === 10240);
    console.log(`\n${ten.core.medianMs < TARGET_10_BY_10K_MS ? 'met   ' : 'MISSED'}  10 articles of 10 KB, core call: median ${ms(ten.core.medianMs)} ms wall, ${ms(ten.core.cpuMs)} ms CPU (target < ${TARGET_10_BY_10K_MS} ms)`);
    const perKB = results.cases.map((c) => `${c.count}×${Math.round(c.size / 1024)} KB: ${(c.core.cpuMs / c.totalKB).toFixed(2)}`).join(', ');
    console.log(`Core CPU milliseconds per KB of total text: ${perKB} (flat or falling when the cost grows with the total text, not with the pairs).`);

    if (options.parent) {
      const ref = parentRef(options);
      const parent = await buildParent(ref, workDir);
      const parentTool = { name: 'parent', script: parent.cli, args: ['compare', '--json'] };
      const sideRows = [];
      for (const size of [10240, 102400, 1048576]) {
        const pairs = [1, 2, 3, 4, 5].map((seed) => generatePair(size, { seed })).map(({ a, b }) => [{ name: 'A', text: a }, { name: 'B', text: b }]);
        const runs = options.runs ?? (size > 500000 ? 6 : size > 50000 ? 20 : 100);
        const side = timeSideBySide(([a, b]) => core.compareTexts(a, b), ([a, b]) => parent.core.compareTexts(a, b), pairs, runs);
        const files = pairs[0].map((doc, k) => {
          const file = join(workDir, `pair-${size}-${k}.txt`);
          writeFileSync(file, doc.text);
          return file;
        });
        const [mine, theirs] = await processMedians([ours, parentTool], files, options.processRuns, workDir);
        sideRows.push([`2 × ${size >= 1048576 ? '1 MB' : `${Math.round(size / 1024)} KB`}`, ms(side.a), ms(side.b), `${side.ratio.toFixed(3)}×`,
          ms(mine.cpuMs), ms(theirs.cpuMs), `${(mine.cpuMs / theirs.cpuMs).toFixed(3)}×`, ms(mine.medianMs), ms(theirs.medianMs), `${(mine.medianMs / theirs.medianMs).toFixed(3)}×`]);
        results.parent = [...(results.parent ?? []), { size, core: side, process: { ours: mine, parent: theirs } }];
        process.stderr.write(`  pair ${size}: core ${side.ratio.toFixed(3)}×, process CPU ${(mine.cpuMs / theirs.cpuMs).toFixed(3)}×\n`);
      }
      console.log(`\n## Two articles, side by side with ${ref.slice(0, 10)} (${git('log', '-1', '--format=%s', ref).slice(0, 60)})\n`);
      console.log(table(['input', 'core CPU ms (this)', '(then)', 'ratio', 'process CPU ms (this)', '(then)', 'ratio', 'process wall ms (this)', '(then)', 'ratio'], sideRows));
      console.log('\nRatios are this tree over that commit, medians of calls (and processes) run alternately; below 1 is faster.');
    }
    if (options.worst) results.worst = await worstMany(core, ours, options, workDir);
    console.log(`\nLoad average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (on ${cpus().length} cores; above that, timings include waiting).`);
    if (options.json) writeFileSync(options.json, JSON.stringify(results, null, 2));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * The worst shapes, WORST_COPIES documents at a time (A, B, A, B, A): the core's CPU for the many
 * comparison and for the shape's two documents (A, B) at the same size, the growth between the two
 * sizes, what the budgets cut, and the whole process's peak memory at the larger size.
 */
async function worstMany(core, ours, options, workDir) {
  const rows = [];
  const found = [];
  for (const name of WORST_MANY) {
    const shape = worstShapes().find((candidate) => `${candidate.family}: ${candidate.name}` === name);
    const bySize = [];
    for (const size of WORST_SIZES) {
      const { a, b } = shape.make(size);
      const docs = Array.from({ length: WORST_COPIES }, (_, k) => ({ name: `d${k}.txt`, text: k % 2 ? b : a }));
      const runs = options.runs ? Math.min(options.runs, 3) : 3;
      const many = timeCalls((input) => core.compareMany(input), [docs], runs);
      const pair = timeCalls(([x, y]) => core.compareTexts(x, y), [docs.slice(0, 2)], runs);
      const comparison = core.compareMany(docs);
      bySize.push({ size, many, pair, truncatedParts: comparison.truncatedParts });
    }
    const large = WORST_SIZES[WORST_SIZES.length - 1];
    const { a, b } = shape.make(large);
    const files = Array.from({ length: WORST_COPIES }, (_, k) => {
      const file = join(workDir, `worst-${rows.length}-${k}.txt`);
      writeFileSync(file, k % 2 ? b : a);
      return file;
    });
    const [whole] = await processMedians([ours], files, Math.min(options.processRuns, 3), workDir);
    const [small, big] = bySize;
    const totalMB = (WORST_COPIES * large) / 1048576;
    rows.push([name, ms(small.many.cpuMs), ms(big.many.cpuMs), `${(big.many.cpuMs / small.many.cpuMs).toFixed(2)}×`, ms(big.pair.cpuMs), `${(big.many.cpuMs / big.pair.cpuMs).toFixed(1)}×`,
      (big.many.cpuMs / 1000 / totalMB).toFixed(2), whole.peakMB.toFixed(0), big.truncatedParts.join(', ') || 'none']);
    found.push({ name, bySize, process: whole });
    process.stderr.write(`  worst ${name}: ${ms(big.many.cpuMs)} ms CPU at ${WORST_COPIES} × ${large / 1024} KB\n`);
  }
  const [small, large] = WORST_SIZES.map((size) => `${Math.round(size / 1024)} KB`);
  console.log(`\n## The worst shapes, ${WORST_COPIES} documents at once (A, B, A, B, A)\n`);
  console.log(table(['shape', `core CPU ms, ${WORST_COPIES} × ${small}`, `${WORST_COPIES} × ${large}`, 'growth (2× size)', `two documents × ${large}`, 'many / two', `s per MB (${WORST_COPIES} × ${large})`, 'process peak MB', 'cut short'], rows));
  console.log(`\nGrowth is the core CPU at ${WORST_COPIES} × ${large} over ${WORST_COPIES} × ${small}: 2× is linear. Five documents hold ten pairs, each with the budgets of`);
  console.log('comparing those two alone; "many / two" is the many comparison over the same shape\'s two documents (A, B).');
  return found;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
