#!/usr/bin/env node
// `npm run bench`: our CLI against the peers on the same generated (or real) texts, each tool in
// its own process, and the core call alone on 10 KB articles. Prints Markdown tables (they paste
// into the README as they are) and the issue's targets, met or missed. Measured ratios only: the
// benchmark never fails a build.
//
//   node scripts/bench/bench.mjs [--quick] [--sizes 10k,30k,100k,1m,5m] [--corpus DIR]
//        [--no-peers] [--no-pathological] [--no-articles] [--pathological-size 1m] [--timeout 60] [--runs N]
//        [--data DIR] [--no-real-news] [--real-sizes 30k,1m,5m] [--large] [--baseline DIR] [--json FILE]
//   node scripts/bench/bench.mjs --many [many.mjs options]   (many articles: see many.mjs)
//   node scripts/bench/bench.mjs --worst [--worst-sizes 100k,300k,1m] [--worst-top 2] [--worst-filter REGEX]
//   node scripts/bench/bench.mjs --find [find bench options]   Find Sources over 10,000 articles (find.mjs)
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePair, generatePathological, PATHOLOGICAL_SHAPES, webPage } from './generate.mjs';
import { coverageOfB, runOnce } from './measure.mjs';
import { hasRealNews, loadTexts, realNewsPair } from './realNews.mjs';
import { worstCaseReport, worstCaseSearch } from './worst.mjs';
import { formatBytes, median, parseSize, table } from './format.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CLI = join(ROOT, 'dist', 'cli.js');
const PEERS = join(ROOT, 'scripts', 'bench', 'peers');
const DEFAULT_DATA = resolve(ROOT, '..', 'shared', 'data');
// The word 8-gram matcher that the real-news rows are measured against (issue 29's peer).
const matcherOf = (data) => join(data, 'reuse-dev', 'ngram-baseline.mjs');
const LARGE_BYTES = 19 * 1048576;

const USAGE = `usage: node scripts/bench/bench.mjs [options]   (npm run bench -- [options])
  --quick                 10 KB and 30 KB articles, real news at 30 and 100 KB, pathological shapes at
                          100 KB: a smoke run (the sentence repeated 2,000 rather than 50,000 times)
  --sizes 10k,30k,1m      article sizes per side (default 10k,30k,100k,1m,5m)
  --no-articles           no generated article pairs (pathological shapes and --corpus only)
  --no-pathological       skip the pathological shapes
  --pathological-size 1m  size per side of the pathological shapes (default 1m)
  --corpus DIR            also compare DIR's .txt files, sorted by name, in consecutive pairs
  --data DIR              where the PolNeAR texts lie (default ../shared/data): when present, the
                          real-news rows (scripts/bench/realNews.mjs: 30% of A's paragraphs copied into
                          B) at --real-sizes, against reuse-dev's word 8-gram matcher
  --real-sizes 30k,1m,5m  sizes per side of the real-news rows (default 30k,1m,5m; --quick 30k,100k)
  --large                 also the real-news row at 19 MB per side (minutes): time growth from 5 MB, peak
                          memory per MB of input
  --no-real-news          no real-news rows
  --baseline DIR          the real-news rows also run DIR/dist/cli.js (another checkout's build), in turn
                          with this one: before and after a change, side by side
  --no-peers              only ours and the 8-gram reference
  --timeout SEC           per-run cut-off (default 60)
  --runs N                repetitions per tool and input (default: 7 small … 2 at 5 MB)
  --json FILE             also write every measurement as JSON
  --many                  instead: many articles (2, 5, 10, 20 × 10 KB, 10 × 100 KB, and the worst
                          shape in 5 copies) and two articles side by side with an older commit
                          (scripts/bench/many.mjs)
  --worst                 instead: search the worst-case shapes (scripts/bench/worstShapes.mjs) for the
                          most seconds and megabytes per megabyte of input; long (about half an hour)
  --worst-sizes 100k,1m   sizes per side of the search (default 100k,300k,1m)
  --worst-top N           finalists per family carried to the next size, by time and by memory (default 2)
  --worst-filter REGEX    only the shapes whose "family: name" matches
  --find                  instead: the Find Sources bench (scripts/bench/find.mjs; its options follow)`;

function parseArgs(argv) {
  const options = {
    quick: false, sizes: null, corpus: null, peers: true, pathological: true,
    pathologicalSize: null, timeoutMs: 60000, runs: null, json: null,
    worst: false, worstSizes: [102400, 307200, 1048576], worstTop: 2, worstFilter: null,
    data: DEFAULT_DATA, realNews: true, realSizes: null, large: false, baseline: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--quick') options.quick = true;
    else if (arg === '--sizes') options.sizes = value().split(',').map(parseSize);
    else if (arg === '--corpus') options.corpus = resolve(value());
    else if (arg === '--no-peers') options.peers = false;
    else if (arg === '--no-pathological') options.pathological = false;
    else if (arg === '--no-articles') options.sizes = [];
    else if (arg === '--pathological-size') options.pathologicalSize = parseSize(value());
    else if (arg === '--timeout') options.timeoutMs = Number(value()) * 1000;
    else if (arg === '--runs') options.runs = Number(value());
    else if (arg === '--json') options.json = resolve(value());
    else if (arg === '--data') options.data = resolve(value());
    else if (arg === '--real-sizes') options.realSizes = value().split(',').map(parseSize);
    else if (arg === '--large') options.large = true;
    else if (arg === '--no-real-news') options.realNews = false;
    else if (arg === '--baseline') options.baseline = resolve(value());
    else if (arg === '--worst') options.worst = true;
    else if (arg === '--worst-sizes') options.worstSizes = value().split(',').map(parseSize);
    else if (arg === '--worst-top') options.worstTop = Number(value());
    else if (arg === '--worst-filter') options.worstFilter = new RegExp(value());
    else throw new Error(`unknown option ${arg}`);
  }
  options.sizes ??= options.quick ? [10240, 30720] : [10240, 30720, 102400, 1048576, 5242880];
  options.pathologicalSize ??= options.quick ? 102400 : 1048576;
  options.realSizes ??= options.quick ? [30720, 102400] : [30720, 1048576, 5242880];
  if (options.large && !options.realSizes.includes(LARGE_BYTES)) options.realSizes.push(LARGE_BYTES);
  options.realNewsMissing = options.realNews && !(hasRealNews(options.data) && existsSync(matcherOf(options.data)));
  options.realNews &&= !options.realNewsMissing;
  if (options.baseline && !existsSync(join(options.baseline, 'dist', 'cli.js'))) throw new Error(`no ${options.baseline}/dist/cli.js: build the baseline first`);
  return options;
}

/** The tools, in table order; `ours passages` is the reference of the ratio column. */
function tools(options) {
  const list = [];
  if (existsSync(CLI)) {
    list.push({ name: 'ours passages', script: CLI, args: ['passages', '--json'] });
    list.push({ name: 'ours compare', script: CLI, args: ['compare', '--json'] });
  } else {
    console.log(`(no ${CLI}: run \`node esbuild.js\` first; ratios are against the 8-gram reference instead)\n`);
  }
  list.push({ name: '8-gram reference', script: join(PEERS, 'ngram.mjs') });
  if (options.peers) {
    list.push({ name: 'jsdiff diffWords', peer: true, script: join(PEERS, 'jsdiff.mjs') });
    list.push({ name: 'diff-match-patch', peer: true, script: join(PEERS, 'dmp.mjs') });
  }
  return list;
}

/** Ours on the web pages and, round-robin with it, on their article text as .txt files (the reference of the ratio). */
function webPageTools(testCase) {
  if (!existsSync(CLI)) return [];
  return [
    { name: 'ours compare, article text (.txt)', script: CLI, args: ['compare', '--json'], files: testCase.textFiles },
    { name: 'ours compare, web page (.html)', script: CLI, args: ['compare', '--json'] },
  ];
}

/**
 * The real-news rows: ours (and the baseline build's) against reuse-dev's word 8-gram matcher, and
 * at 30 KB jsdiff, each as a whole process.
 */
function realNewsTools(testCase, options) {
  const list = [];
  if (existsSync(CLI)) {
    list.push({ name: 'ours passages', script: CLI, args: ['passages', '--json'] });
    list.push({ name: 'ours compare', script: CLI, args: ['compare', '--json'] });
  }
  if (options.baseline) {
    const cli = join(options.baseline, 'dist', 'cli.js');
    list.push({ name: 'baseline passages', script: cli, args: ['passages', '--json'], baselineOf: 'ours passages' });
    list.push({ name: 'baseline compare', script: cli, args: ['compare', '--json'], baselineOf: 'ours compare' });
  }
  list.push({ name: MATCHER, script: matcherOf(options.data) });
  if (options.peers && testCase.bytes <= 32 * 1024) list.push({ name: 'jsdiff diffWords', peer: true, script: join(PEERS, 'jsdiff.mjs') });
  return list;
}

const MATCHER = 'word 8-gram matcher';
const REAL_NEWS = 'real news 30%';

/** Fewer repetitions as inputs grow: medians of small, noisy timings; one or two long runs. */
function plannedRuns(bytes, options, realNews = false) {
  if (options.runs) return options.runs;
  // Ratios to the matcher are medians of per-round ratios: a few more rounds on real news.
  if (realNews && bytes > 1.5 * 1024 * 1024) return bytes > 8 * 1048576 ? 2 : 3;
  if (realNews && bytes > 128 * 1024) return 5;
  if (bytes <= 32 * 1024) return 7;
  if (bytes <= 128 * 1024) return 5;
  if (bytes <= 1.5 * 1024 * 1024) return 3;
  return 2;
}

// A tool's repetitions stop once they have used this much time: a peer taking 5 s a run on 30 KB
// is measured well enough by four runs.
const TIME_BUDGET_PER_CELL_MS = 20000;

function collectCases(options, workDir) {
  const cases = [];
  const write = (family, label, pair, extra = {}, extension = 'txt') => {
    const id = `${family}-${label}`.replace(/[^\w.-]+/g, '_');
    const fileA = join(workDir, `${id}-a.${extension}`);
    const fileB = join(workDir, `${id}-b.${extension}`);
    writeFileSync(fileA, pair.a);
    writeFileSync(fileB, pair.b);
    const bytes = Math.max(Buffer.byteLength(pair.a), Buffer.byteLength(pair.b));
    cases.push({ family, label, fileA, fileB, bytes, lengthB: pair.b.length, sharedB: pair.sharedB ?? null, ...extra });
  };
  for (const size of options.sizes) write('news 30%', formatBytes(size), generatePair(size, { seed: 1 }));
  const large = options.sizes.filter((size) => size >= 1048576);
  if (large.length) {
    // The 1 MB target holds for similar and dissimilar texts alike.
    write('reprint', formatBytes(large[0]), generatePair(large[0], { seed: 2, kind: 'reprint' }));
    write('unrelated', formatBytes(large[0]), generatePair(large[0], { seed: 3, kind: 'unrelated' }));
  }
  // Issue 25: the same news pair as web pages (read by their .html extension) and as their article
  // text, measured side by side; at 1 MB when it is among the sizes, else at the largest.
  const pageSize = options.sizes.includes(1048576) ? 1048576 : Math.max(...options.sizes, 0);
  if (pageSize > 0) {
    const pair = generatePair(pageSize, { seed: 1 });
    const articleText = (text) => `Harbour news\n\n${text}`;
    write('article text', formatBytes(pageSize), { a: articleText(pair.a), b: articleText(pair.b) });
    const text = cases[cases.length - 1];
    write('web page', formatBytes(pageSize), { a: webPage(pair.a, { seed: 7 }), b: webPage(pair.b, { seed: 8 }) }, { webPage: true, textFiles: [text.fileA, text.fileB] }, 'html');
    cases.splice(cases.indexOf(text), 1);
  }
  if (options.pathological) {
    for (const shape of PATHOLOGICAL_SHAPES) {
      // A smoke run repeats the sentence 2,000 times rather than 50,000 (3.6 MB).
      const pair = generatePathological(shape, options.pathologicalSize, { sentenceRepetitions: options.quick ? 2000 : 50000 });
      write(shape, formatBytes(options.pathologicalSize), pair, { pathological: true });
    }
  }
  if (options.realNews) {
    const { texts } = loadTexts(options.data);
    for (const size of options.realSizes) {
      write(REAL_NEWS, formatBytes(size), realNewsPair(texts, size), {
        realNews: true, inputMB: null,
        // The 19 MB row runs for minutes before any change: it gets its own cut-off, and all its
        // planned rounds whatever they take.
        timeoutMs: size >= LARGE_BYTES ? Math.max(options.timeoutMs, 600000) : options.timeoutMs,
        ...(size >= LARGE_BYTES ? { timeBudgetMs: Infinity } : {}),
      });
      const testCase = cases[cases.length - 1];
      testCase.inputMB = (statSync(testCase.fileA).size + statSync(testCase.fileB).size) / 1048576;
    }
  }
  if (options.corpus) {
    // Real texts: the folder's .txt files, sorted by name, compared in consecutive pairs.
    const files = readdirSync(options.corpus).filter((name) => name.endsWith('.txt')).sort();
    for (let i = 0; i + 1 < files.length; i += 2) {
      const a = readFileSync(join(options.corpus, files[i]), 'utf8');
      const b = readFileSync(join(options.corpus, files[i + 1]), 'utf8');
      write(`${files[i]} vs ${files[i + 1]}`, formatBytes(Math.max(Buffer.byteLength(a), Buffer.byteLength(b))), { a, b });
    }
  }
  return cases;
}

/**
 * Measures every tool on one input, round-robin (tool 1, tool 2, …, then again), so that a burst of
 * load from elsewhere on the machine hits all tools alike rather than one tool's runs.
 */
async function measureCase(testCase, toolList, options, workDir, cutOffAt) {
  const entries = toolList.map((tool) => ({ tool, runs: [], spent: 0, done: false, skippedAt: cutOffAt.get(`${testCase.family}|${tool.name}`) }));
  const planned = plannedRuns(testCase.bytes, options, testCase.realNews);
  const timeoutMs = testCase.timeoutMs ?? options.timeoutMs;
  for (let round = 0; round < planned; round++) {
    // Alternated: the order is reversed every other round, so that no tool always runs first.
    for (const entry of round % 2 === 0 ? entries : [...entries].reverse()) {
      if (entry.skippedAt || entry.done) continue;
      if (round > 0 && entry.spent >= (testCase.timeBudgetMs ?? TIME_BUDGET_PER_CELL_MS)) {
        entry.done = true;
        continue;
      }
      const [fileA, fileB] = entry.tool.files ?? [testCase.fileA, testCase.fileB];
      const run = await runOnce(entry.tool, fileA, fileB, { timeoutMs, workDir });
      entry.runs.push({ ...run, round });
      entry.spent += run.ms;
      if (run.status !== 'ok') entry.done = true;
    }
  }
  return entries.map(({ tool, runs, skippedAt }) => {
    if (skippedAt) return { tool: tool.name, status: 'skipped', cutOffAt: skippedAt, runs: 0, medianMs: null };
    const last = runs[runs.length - 1];
    const ok = runs.filter((run) => run.status === 'ok');
    return {
      tool: tool.name,
      status: last.status,
      error: last.error,
      runs: ok.length,
      medianMs: ok.length ? median(ok.map((run) => run.ms)) : null,
      maxMs: ok.length ? Math.max(...ok.map((run) => run.ms)) : null,
      cpuMs: ok.length ? median(ok.map((run) => run.cpuMs ?? 0)) : null,
      peakMB: Math.max(...runs.map((run) => run.peakMB ?? 0)) || null,
      coverage: last.status === 'ok' ? coverageOfB(last.outputFile, testCase.lengthB) : null,
      inProcessMs: medianInProcess(ok),
      rounds: ok.map((run) => ({ round: run.round, ms: run.ms, cpuMs: run.cpuMs })),
    };
  });
}

/** The median of what a tool reports as `in-process ms: N` on stderr (the 8-gram reference does), or null. */
function medianInProcess(runs) {
  const values = runs.map((run) => /^in-process ms: ([\d.]+)$/m.exec(run.stderr ?? '')).filter(Boolean).map((match) => Number(match[1]));
  return values.length ? median(values) : null;
}

/**
 * Node's own start-up, measured like a tool: `node -e ""` (wall and CPU medians), in the tools'
 * environment or, with `env`, in another.
 */
async function nodeStart(workDir, env = undefined) {
  const emptyTool = { name: 'node-start', script: '-e', args: [''] };
  const runs = [];
  for (let i = 0; i < 7; i++) runs.push(await runOnce(emptyTool, '-', '-', { timeoutMs: 10000, workDir, ...(env ? { env } : {}) }));
  return { ms: median(runs.map((run) => run.ms)), cpuMs: median(runs.map((run) => run.cpuMs ?? 0)) };
}

function coreCall() {
  try {
    const output = execFileSync(process.execPath, [join(ROOT, 'scripts', 'bench', 'core-call.mjs'), '--json'], {
      cwd: ROOT, encoding: 'utf8', timeout: 120000, stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(output);
  } catch (error) {
    return { error: String(error.stderr || error.message).trim().split('\n').slice(-2).join(' | ') };
  }
}

const ms = (value) => (value === null || value === undefined ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(1));

function timeCell(cell, timeoutMs) {
  if (cell.status === 'timeout') return `over ${timeoutMs / 1000} s`;
  if (cell.status === 'skipped') return `over ${timeoutMs / 1000} s*`;
  if (cell.status === 'failed') return 'failed';
  return ms(cell.medianMs);
}

function ratioCell(cell, reference, timeoutMs) {
  if (!reference || reference.medianMs === null || cell === reference) return '';
  if (cell.status === 'timeout' || cell.status === 'skipped') return `> ${(timeoutMs / reference.medianMs).toFixed(0)}×`;
  if (cell.medianMs === null) return '';
  const ratio = cell.medianMs / reference.medianMs;
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×`;
}

const percent = (share) => `${(share * 100).toFixed(0)}%`;

function coverageCell(cell, testCase) {
  if (cell.coverage === null || cell.coverage === undefined) return '–';
  return testCase.sharedB === null ? percent(cell.coverage) : `${percent(cell.coverage)} of ${percent(testCase.sharedB)}`;
}

function printResults(cases, results, options) {
  const rows = [];
  for (const testCase of cases) {
    const cells = results.get(testCase);
    const reference = cells.find((cell) => cell.tool === 'ours passages') ?? cells.find((cell) => cell.tool === 'ours compare, article text (.txt)') ?? cells.find((cell) => cell.tool === '8-gram reference');
    for (const cell of cells) {
      rows.push([
        testCase.family, testCase.label, cell.tool, String(cell.runs ?? 0), timeCell(cell, options.timeoutMs),
        cell.status === 'ok' ? ms(cell.maxMs) : '', cell.status === 'ok' ? ms(cell.cpuMs) : '', cell.peakMB ? cell.peakMB.toFixed(0) : '–',
        coverageCell(cell, testCase),
        ratioCell(cell, reference, options.timeoutMs),
      ]);
    }
  }
  console.log(table(['input', 'size/side', 'tool', 'runs', 'median ms', 'max ms', 'cpu ms', 'peak MB', 'B covered', 'time vs ours'], rows));
  console.log('\nWhole process each (node start included), wall-clock; "cpu ms": median user + system CPU time of the');
  console.log('process (all its threads), which waiting for a core on a busy machine does not inflate. "B covered": share');
  console.log('of B inside a reported passage, "of" the share of B that was copied from A. "time vs ours": median / median of');
  console.log('`ours passages` (> when cut off).');
  if ([...results.values()].flat().some((cell) => cell.status === 'skipped')) {
    console.log(`* not run: the same tool was cut off at ${options.timeoutMs / 1000} s on a smaller input of the same family.`);
  }
  for (const cell of [...results.values()].flat().filter((c) => c.status === 'failed')) console.log(`failed: ${cell.tool}: ${cell.error}`);
}

/**
 * The median over rounds of `cell`'s time / `reference`'s time in the same round (both runs of a
 * round were made one after the other, so load from elsewhere falls on both alike), or null.
 */
function pairedRatio(cell, reference, key = 'ms') {
  if (!cell?.rounds || !reference?.rounds) return null;
  const ratios = [];
  for (const run of cell.rounds) {
    const other = reference.rounds.find((r) => r.round === run.round);
    if (other?.[key] && run[key]) ratios.push(run[key] / other[key]);
  }
  return ratios.length ? median(ratios) : null;
}

const times = (ratio) => (ratio === null ? '–' : `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×`);

/** The real-news rows: wall and CPU beside each other, and each as a ratio to the matcher's. */
function printRealNews(cases, results, options) {
  const rows = [];
  for (const testCase of cases) {
    const cells = results.get(testCase);
    const matcher = cells.find((cell) => cell.tool === MATCHER);
    for (const cell of cells) {
      const ok = cell.status === 'ok';
      const base = cell.tool.startsWith('ours') ? cells.find((other) => other.tool === cell.tool.replace('ours', 'baseline')) : undefined;
      rows.push([
        testCase.label, cell.tool, String(cell.runs ?? 0), timeCell(cell, testCase.timeoutMs ?? options.timeoutMs), ok ? ms(cell.cpuMs) : '',
        // Per MB of input only from 1 MB up: below, Node's own 40-60 MB is most of any peak.
        cell.peakMB ? cell.peakMB.toFixed(0) : '–', cell.peakMB && testCase.bytes >= 1048576 ? `${(cell.peakMB / testCase.inputMB).toFixed(1)}×` : '–',
        coverageCell(cell, testCase),
        cell === matcher ? '' : times(pairedRatio(cell, matcher)), cell === matcher ? '' : times(pairedRatio(cell, matcher, 'cpuMs')),
        ...(options.baseline ? [base ? `${times(pairedRatio(cell, base))} / ${times(pairedRatio(cell, base, 'cpuMs'))}` : ''] : []),
      ]);
    }
  }
  const header = ['size/side', 'tool', 'runs', 'wall ms', 'cpu ms', 'peak MB', 'peak / input', 'B covered', 'wall vs matcher', 'cpu vs matcher'];
  if (options.baseline) header.push('vs baseline (wall / cpu)');
  console.log(table(header, rows));
  console.log(`\nPolNeAR texts (${options.data}), one half of the articles in A, the other in B with 30% of A's paragraphs`);
  console.log('copied in (scripts/bench/realNews.mjs). Whole process each, NODE_EXTRA_CA_CERTS unset; wall and CPU (user +');
  console.log('system, all threads) are medians; "vs matcher": the median over rounds of the ratio to reuse-dev\'s word');
  console.log('8-gram matcher (ngram-baseline.mjs) in the same round, the tools taking turns in alternating order.');
  console.log('"peak / input": peak resident memory over the two files\' size together.');
  if (options.baseline) console.log(`"vs baseline": the same ratio to ${options.baseline}'s build.`);
}

/** Issue 29's targets on the real-news rows. */
function realNewsTargets(cases, results) {
  const lines = [];
  const verdict = (ok, text) => lines.push(`${ok ? 'met   ' : 'MISSED'}  ${text}`);
  const cellOf = (label, tool) => {
    const testCase = cases.find((c) => c.family === REAL_NEWS && c.label === label);
    return testCase && { testCase, cell: results.get(testCase).find((c) => c.tool === tool) };
  };
  for (const label of ['1 MB', '5 MB']) {
    const matcher = cellOf(label, MATCHER)?.cell;
    const full = cellOf(label, 'ours compare')?.cell;
    const passages = cellOf(label, 'ours passages')?.cell;
    if (!matcher?.medianMs) continue;
    const wall = pairedRatio(full, matcher);
    const cpu = pairedRatio(full, matcher, 'cpuMs');
    const alone = pairedRatio(passages, matcher);
    if (wall !== null) verdict(wall <= 1.2, `real news ${label}: compare ${times(wall)} the matcher's wall time (target ≤ 1.2×)`);
    if (cpu !== null) verdict(cpu <= 2, `real news ${label}: compare ${times(cpu)} the matcher's CPU time (target ≤ 2×)`);
    if (alone !== null) verdict(alone <= 0.9, `real news ${label}: passages ${times(alone)} the matcher's wall time (target ≤ 0.9×)`);
  }
  const five = cellOf('5 MB', 'ours compare');
  const large = cellOf(formatBytes(LARGE_BYTES), 'ours compare');
  if (large?.cell) {
    if (five?.cell?.medianMs && large.cell.medianMs) {
      const growth = large.cell.medianMs / five.cell.medianMs;
      const linear = large.testCase.inputMB / five.testCase.inputMB;
      const cpuGrowth = large.cell.cpuMs / five.cell.cpuMs;
      verdict(growth <= 3.9, `real news ${large.testCase.label}: compare takes ${growth.toFixed(2)}× its 5 MB wall time, ${cpuGrowth.toFixed(2)}× its CPU time (linear ${linear.toFixed(2)}×; target ≤ 3.9×)`);
    } else verdict(false, `real news ${large.testCase.label}: compare ${large.cell.status}`);
    if (large.cell.peakMB) verdict(large.cell.peakMB / large.testCase.inputMB <= 20, `real news ${large.testCase.label}: compare peaks at ${large.cell.peakMB.toFixed(0)} MB, ${(large.cell.peakMB / large.testCase.inputMB).toFixed(1)}× its ${large.testCase.inputMB.toFixed(1)} MB of input (target ≤ 20×)`);
  }
  for (const tool of ['ours passages', 'ours compare']) {
    const ours = cellOf('30 KB', tool)?.cell;
    const jsdiff = cellOf('30 KB', 'jsdiff diffWords')?.cell;
    if (!ours?.medianMs || !jsdiff) continue;
    const ratio = pairedRatio(jsdiff, ours);
    const cpu = pairedRatio(jsdiff, ours, 'cpuMs');
    verdict(ratio !== null && ratio >= 40, `real news 30 KB: jsdiff diffWords takes ${times(ratio)} the wall time of ${tool} (${times(cpu)} its CPU time; target ≥ 40×)`);
  }
  return lines;
}

/** log(t2/t1) / log(s2/s1) between consecutive sizes of the generated family: 1 is linear. */
function scaling(cases, results) {
  const series = cases.filter((testCase) => testCase.family === 'news 30%');
  const rows = [];
  for (const toolName of [...new Set(series.flatMap((testCase) => results.get(testCase).map((cell) => cell.tool)))]) {
    const exponents = [];
    for (let i = 1; i < series.length; i++) {
      const before = results.get(series[i - 1]).find((cell) => cell.tool === toolName);
      const after = results.get(series[i]).find((cell) => cell.tool === toolName);
      if (before?.medianMs && after?.medianMs) {
        exponents.push(`${series[i - 1].label}→${series[i].label}: ${(Math.log(after.medianMs / before.medianMs) / Math.log(series[i].bytes / series[i - 1].bytes)).toFixed(2)}`);
      }
    }
    if (exponents.length) rows.push([toolName, exponents.join(', ')]);
  }
  return rows;
}

function findCell(results, cases, family, label, tool) {
  const testCase = cases.find((c) => c.family === family && (label === null || c.label === label));
  return testCase ? { testCase, cell: results.get(testCase).find((c) => c.tool === tool) } : null;
}

/**
 * The issue's own measure of the 8-gram reference on two 1 MB texts: "about 0.2 s in-process (about
 * 0.45 s as a whole process)".
 */
const ISSUE_NGRAM_1MB_MS = 450;
const ISSUE_NGRAM_1MB_IN_PROCESS_MS = 200;

function targets(cases, results, core, options, startMs) {
  const lines = [];
  const verdict = (ok, text) => lines.push(`${ok ? 'met   ' : 'MISSED'}  ${text}`);
  if (core && !core.error) {
    verdict(core.compareMedianMs < 20, `core call, full comparison of two 10 KB articles: median ${core.compareMedianMs.toFixed(2)} ms (target < 20 ms)`);
  } else if (core?.error) lines.push(`?       core call not measured: ${core.error}`);
  for (const family of ['news 30%', 'reprint', 'unrelated']) {
    const passages = findCell(results, cases, family, '1 MB', 'ours passages');
    const full = findCell(results, cases, family, '1 MB', 'ours compare');
    if (passages?.cell?.medianMs) verdict(passages.cell.medianMs < 400, `${family} 1 MB: passages ${ms(passages.cell.medianMs)} ms, ${ms(passages.cell.cpuMs)} ms CPU (target < 400 ms whole process)`);
    if (full?.cell?.medianMs) verdict(full.cell.medianMs < 600, `${family} 1 MB: full compare ${ms(full.cell.medianMs)} ms, ${ms(full.cell.cpuMs)} ms CPU (target < 600 ms)`);
    // The same targets as ratios to the 8-gram reference measured in this run: the issue gives that
    // reference's time on its machine, so the ratio holds whatever speed this machine has today.
    // The issue's whole-process figure is the stricter yardstick here: its reference spent 0.25 s
    // outside its own work, where ours spends 0.06-0.1 s; so the reference's in-process time is
    // printed beside it, against the issue's 0.2 s.
    const reference = findCell(results, cases, family, '1 MB', '8-gram reference');
    const inProcess = reference?.cell?.inProcessMs;
    const referenceNote = inProcess ? `; it took ${ms(reference.cell.medianMs)} ms, ${ms(inProcess)} ms of it in-process, the issue's ${ISSUE_NGRAM_1MB_MS} and ${ISSUE_NGRAM_1MB_IN_PROCESS_MS}` : '';
    for (const [found, targetMs] of [[passages, 400], [full, 600]]) {
      if (!found?.cell?.medianMs || !reference?.cell?.medianMs) continue;
      const ratio = found.cell.medianMs / reference.cell.medianMs;
      const allowed = targetMs / ISSUE_NGRAM_1MB_MS;
      verdict(ratio < allowed, `${family} 1 MB: ${found.cell.tool} ${ratio.toFixed(3)}× the 8-gram reference's whole process (target < ${allowed.toFixed(3)}×: ${targetMs} ms against the issue's ${ISSUE_NGRAM_1MB_MS} ms for it${referenceNote})`);
    }
    for (const found of [passages, full]) {
      if (found?.cell?.peakMB) verdict(found.cell.peakMB < 300, `${family} 1 MB: ${found.cell.tool} peak ${found.cell.peakMB.toFixed(0)} MB (target < 300 MB)`);
    }
  }
  for (const tool of ['ours passages', 'ours compare']) {
    const one = findCell(results, cases, 'news 30%', '1 MB', tool);
    const five = findCell(results, cases, 'news 30%', '5 MB', tool);
    if (one?.cell?.medianMs && five?.cell) {
      if (five.cell.medianMs) verdict(five.cell.medianMs <= 5 * one.cell.medianMs, `${tool}: 5 MB takes ${(five.cell.medianMs / one.cell.medianMs).toFixed(2)}× the 1 MB time (target ≤ 5×)`);
      else verdict(false, `${tool}: 5 MB did not finish (${five.cell.status})`);
    }
  }
  const pageCase = cases.find((c) => c.webPage);
  if (pageCase) {
    const [text, page] = ['ours compare, article text (.txt)', 'ours compare, web page (.html)'].map((tool) => results.get(pageCase).find((c) => c.tool === tool));
    if (text?.medianMs && page?.medianMs) {
      const ratio = page.medianMs / text.medianMs;
      const cpu = text.cpuMs && page.cpuMs ? `; CPU ${ms(page.cpuMs)} vs ${ms(text.cpuMs)} ms = ${(page.cpuMs / text.cpuMs).toFixed(2)}×` : '';
      verdict(ratio <= 1.3, `web pages ${pageCase.label}/side: compare ${ms(page.medianMs)} ms vs their article text ${ms(text.medianMs)} ms = ${ratio.toFixed(2)}× (target ≤ 1.30×: reading adds at most 30%${cpu})`);
    }
  }
  const ours30 = findCell(results, cases, 'news 30%', '30 KB', 'ours passages');
  const jsdiff30 = findCell(results, cases, 'news 30%', '30 KB', 'jsdiff diffWords');
  if (ours30?.cell?.medianMs && jsdiff30?.cell) {
    const peerMs = jsdiff30.cell.medianMs ?? options.timeoutMs;
    const cpuRatio = jsdiff30.cell.cpuMs && ours30.cell.cpuMs ? `; in CPU time ${(jsdiff30.cell.cpuMs / ours30.cell.cpuMs).toFixed(0)}×` : '';
    verdict(peerMs / ours30.cell.medianMs >= 50, `30 KB: jsdiff diffWords ${timeCell(jsdiff30.cell, options.timeoutMs)} ms vs ours ${ms(ours30.cell.medianMs)} ms = ${(peerMs / ours30.cell.medianMs).toFixed(0)}× (target ≥ 50×${cpuRatio})`);
  }
  // The bound is on the work, so node's own start (a fixed cost that dwarfs it on small inputs) is
  // taken off the whole-process time.
  for (const testCase of cases.filter((c) => c.pathological)) {
    const limitMs = 2000 * (testCase.bytes / 1048576);
    for (const cell of results.get(testCase).filter((c) => c.tool.startsWith('ours'))) {
      const workMs = cell.medianMs === null ? null : Math.max(0, cell.medianMs - startMs);
      const took = workMs === null ? timeCell(cell, options.timeoutMs) : `${ms(workMs)} ms after node start`;
      verdict(workMs !== null && workMs <= limitMs, `${testCase.family} (${formatBytes(testCase.bytes)}/side): ${cell.tool} ${took} (limit ${ms(limitMs)} ms = 2 s per MB per side)`);
    }
  }
  return lines;
}

/** `--worst`: the worst-case search alone. */
async function worstMain(options, workDir) {
  if (!existsSync(CLI)) throw new Error(`no ${CLI}: run \`node esbuild.js\` first`);
  console.log(`# Compare Sources worst-case search\n`);
  console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; Node ${process.version}; load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
  const rows = await worstCaseSearch({
    cli: CLI, sizes: options.worstSizes, timeoutMs: options.timeoutMs, workDir, top: options.worstTop, filter: options.worstFilter,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  console.log(worstCaseReport(rows, options.worstSizes));
  console.log(`\nLoad average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (on ${cpus().length} cores; above that, timings include waiting).`);
  console.log(`\nReproduce: node scripts/bench/bench.mjs ${process.argv.slice(2).join(' ')}`);
  if (options.json) writeFileSync(options.json, JSON.stringify(rows, null, 2));
}

async function main() {
  if (process.argv.includes('--find')) {
    const { runFindBench } = await import('./find.mjs');
    return runFindBench(process.argv.slice(2).filter((arg) => arg !== '--find'));
  }
  // Many articles have a bench of their own (many.mjs), run in place of this one.
  if (process.argv.includes('--many')) return import('./many.mjs');
  const options = parseArgs(process.argv.slice(2));
  const workDir = mkdtempSync(join(tmpdir(), 'compare-sources-bench-'));
  if (options.worst) {
    try {
      await worstMain(options, workDir);
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
    return;
  }
  try {
    const cpuList = cpus();
    console.log(`# Compare Sources benchmark\n`);
    console.log(`Machine: ${cpuList[0]?.model ?? 'unknown CPU'}, ${cpuList.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB; Node ${process.version}; load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    const toolList = tools(options);
    const cases = collectCases(options, workDir);
    const start = await nodeStart(workDir);
    console.log(`Node start alone (\`node -e ""\`): ${ms(start.ms)} ms wall, ${ms(start.cpuMs)} ms CPU (included in every whole-process time below).`);
    if (process.env.NODE_EXTRA_CA_CERTS) {
      const withCerts = await nodeStart(workDir, { ...process.env });
      console.log(`Every tool runs without this shell's NODE_EXTRA_CA_CERTS, which has each node process parse a CA bundle first (\`node -e ""\` with it: ${ms(withCerts.ms)} ms).`);
    }
    console.log('');

    const core = existsSync(join(ROOT, 'scripts', 'bench', 'core-call.mjs')) ? coreCall() : null;
    if (core && !core.error) {
      console.log(`## Core call alone, two 10 KB articles (in-process, ${core.runs} runs after warm-up)\n`);
      console.log(table(['call', 'median ms', 'p90 ms', 'max ms'], core.calls.map((call) => [call.name, call.medianMs.toFixed(2), call.p90Ms.toFixed(2), call.maxMs.toFixed(2)])));
      console.log('');
    }

    const results = new Map();
    const cutOffAt = new Map(); // "family|tool" -> label of the input where the tool was cut off
    for (const testCase of cases) {
      // Peers are measured on articles, not on the hostile shapes; web pages against their own article text.
      const caseTools = testCase.webPage ? webPageTools(testCase)
        : testCase.realNews ? realNewsTools(testCase, options)
        : testCase.pathological ? toolList.filter((tool) => !tool.peer) : toolList;
      const cells = await measureCase(testCase, caseTools, options, workDir, cutOffAt);
      for (const cell of cells) {
        if (cell.status === 'timeout') cutOffAt.set(`${testCase.family}|${cell.tool}`, testCase.label);
        process.stderr.write(`  ${testCase.family} ${testCase.label} ${cell.tool}: ${timeCell(cell, testCase.timeoutMs ?? options.timeoutMs)} ms, ${ms(cell.cpuMs)} ms CPU\n`);
      }
      results.set(testCase, cells);
    }

    const realCases = cases.filter((testCase) => testCase.realNews);
    const generatedCases = cases.filter((testCase) => !testCase.realNews);
    if (realCases.length) {
      console.log('## Real news, whole process\n');
      printRealNews(realCases, results, options);
      console.log('');
    } else if (options.realNewsMissing) console.log(`(no real-news rows: no PolNeAR texts or no reuse-dev/ngram-baseline.mjs under ${options.data})\n`);
    console.log('## Whole process, generated inputs\n');
    printResults(generatedCases, results, options);
    const exponents = scaling(cases, results);
    if (exponents.length) {
      console.log('\n## Scaling exponent between sizes (news 30%; 1 = linear, 2 = quadratic)\n');
      console.log(table(['tool', 'log(t2/t1) / log(s2/s1)'], exponents));
    }
    if (realCases.length) {
      console.log('\n## Targets on real news (issue 29)\n');
      for (const line of realNewsTargets(realCases, results)) console.log(line);
    }
    console.log('\n## Targets on generated inputs (issue 7)\n');
    for (const line of targets(generatedCases, results, core, options, start.ms)) console.log(line);
    console.log(`\nLoad average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (on ${cpus().length} cores; above that, timings include waiting).`);
    console.log(`\nReproduce: node scripts/bench/bench.mjs ${process.argv.slice(2).join(' ')}`.trimEnd());
    if (options.json) {
      const serialisable = cases.map((testCase) => ({ ...testCase, fileA: basename(testCase.fileA), fileB: basename(testCase.fileB), results: results.get(testCase) }));
      mkdirSync(resolve(options.json, '..'), { recursive: true });
      writeFileSync(options.json, JSON.stringify({ nodeStart: start, core, cases: serialisable }, null, 2));
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
