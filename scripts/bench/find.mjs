#!/usr/bin/env node
// `npm run bench -- --find`: Find Sources over an archive of about 10,000 articles (about 50 MB), built
// here at bench time in a temporary folder and deleted after (never committed):
//
// - the archive: real news when ../shared/data holds the PolNeAR texts, generated news otherwise;
//   each text once as it is, then as many variants as it takes to reach the size (stories recur:
//   a variant keeps most paragraphs of its story, some word for word as wire copy does, the others
//   rewritten a word in three, and a paragraph of a neighbouring story);
// - queries: articles of held-out texts (rewritten the same way) into which passages of 30-60 words
//   are copied from 1 to 5 archive articles, a third word for word, a third edited (a word or two
//   changed or dropped), a third restyled (quote marks, case, line wrapping, `Mr.`); a passage is
//   only planted when no other archive article holds any 8 words of it, so that its source is the
//   one right answer; and queries with nothing planted.
//
// Every query runs the whole CLI process (`compare-sources find QUERY ARCHIVE --json --index FILE`).
// Prints the figures and the issue's targets as a table. Measured, never asserted.
//
//   node scripts/bench/find.mjs [--data ../shared/data] [--articles 10000] [--queries 200]
//        [--empty-queries 100] [--keep DIR] [--json FILE] [--baseline DIR]
//
// With --baseline, every query also runs the CLI built in DIR (another checkout, e.g. main's), in
// alternating order, each with its own index, and the table gives both and their ratios.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { createRandom, reflow, swapQuoteStyle } from './generate.mjs';
import { loadTexts } from './realNews.mjs';
import { median, percentile, table } from './format.mjs';
import { runOnce, toolEnvironment } from './measure.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CLI = join(ROOT, 'dist', 'cli.js');

const USAGE = `usage: npm run bench -- --find [options]   (node scripts/bench/find.mjs [options])
  --data DIR          where PolNeAR lies (default ../shared/data; generated news when absent)
  --articles N        archive size (default 10000, about 50 MB)
  --queries N         queries with planted passages (default 200)
  --empty-queries N   queries with none (default 100)
  --keep DIR          build the archive in DIR and keep it (default: a temporary folder, deleted)
  --json FILE         also write every measurement as JSON
  --baseline DIR      also run every query with DIR/dist/cli.js (a build of another checkout), alternating`;

function parseArgs(argv) {
  const options = {
    data: resolve(ROOT, '..', 'shared', 'data'), articles: 10000, queries: 200, emptyQueries: 100, keep: null, json: null, seed: 28, baseline: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--data') options.data = resolve(value());
    else if (arg === '--articles') options.articles = Number(value());
    else if (arg === '--queries') options.queries = Number(value());
    else if (arg === '--empty-queries') options.emptyQueries = Number(value());
    else if (arg === '--keep') options.keep = resolve(value());
    else if (arg === '--json') options.json = resolve(value());
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg === '--baseline') options.baseline = resolve(value());
    else if (arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  return options;
}

const EDGE_PUNCTUATION = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su;

/** Rewrites a paragraph a word in `rate`: each chosen word becomes a word of the pool, its punctuation kept. */
function rewrite(random, pool, paragraph, rate) {
  return paragraph.split(' ').map((token) => {
    if (!random.chance(rate)) return token;
    const [, lead, , trail] = EDGE_PUNCTUATION.exec(token);
    const word = EDGE_PUNCTUATION.exec(random.pick(pool))[2];
    return word ? `${lead}${word}${trail}` : token;
  }).join(' ');
}

function buildArchive(random, bases, pool, count) {
  const articles = [];
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length];
    if (i < bases.length) {
      articles.push(base);
      continue;
    }
    const paragraphs = base.split('\n\n').filter((paragraph) => paragraph.trim());
    const kept = paragraphs.filter(() => random.chance(0.9));
    if (kept.length === 0) kept.push(paragraphs[0]);
    const variant = kept.map((paragraph) => (random.chance(0.15) ? paragraph : rewrite(random, pool, paragraph, 0.3)));
    const neighbour = bases[(i + 1) % bases.length].split('\n\n');
    for (let n = random.int(2, 4); n > 0; n--) variant.splice(random.int(0, variant.length), 0, rewrite(random, pool, random.pick(neighbour), 0.3));
    articles.push(variant.join('\n\n'));
  }
  return articles;
}

const archivePath = (i) => join(String(Math.floor(i / 100)).padStart(3, '0'), `article-${String(i).padStart(5, '0')}.txt`);

// ---- unique passages: the bench's own 8-word check, independent of the index under test ----

function wordHash(word) {
  let hash = 0x811c9dc5;
  for (let k = 0; k < word.length; k++) hash = Math.imul(hash ^ word.charCodeAt(k), 16777619);
  return hash;
}

function gramHashes(text, n = 8) {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(wordHash);
  const grams = [];
  for (let p = 0; p + n <= words.length; p++) {
    let hash = 0;
    for (let q = 0; q < n; q++) hash = Math.imul(hash ^ words[p + q], 0x9e3779b1) + q;
    grams.push(hash >>> 0);
  }
  return grams;
}

/** For each text, whether no other text holds more than 1% of its 8-word runs. */
function uniqueTexts(texts) {
  const holders = new Map();
  const grams = texts.map((text) => {
    const own = new Set(gramHashes(text));
    for (const gram of own) holders.set(gram, (holders.get(gram) ?? 0) + 1);
    return own;
  });
  return texts.map((_, k) => {
    let shared = 0;
    for (const gram of grams[k]) if (holders.get(gram) > 1) shared++;
    return shared <= 0.01 * grams[k].size;
  });
}

/** Marks each candidate passage that any archive article other than its source holds 8 words of. */
function markShared(candidates, archive) {
  const byGram = new Map();
  candidates.forEach((candidate, id) => {
    for (const gram of gramHashes(candidate.passage)) {
      if (!byGram.has(gram)) byGram.set(gram, []);
      byGram.get(gram).push(id);
    }
  });
  archive.forEach((text, doc) => {
    for (const gram of gramHashes(text)) {
      for (const id of byGram.get(gram) ?? []) if (candidates[id].source !== doc) candidates[id].shared = true;
    }
  });
}

// ---- planted edits ----

function edit(random, pool, passage) {
  const words = passage.split(' ');
  for (let edits = random.int(1, 2); edits > 0; edits--) {
    const at = random.int(3, words.length - 4);
    if (random.chance(0.5)) words.splice(at, 1);
    else words[at] = EDGE_PUNCTUATION.exec(random.pick(pool))[2] || words[at];
  }
  return words.join(' ');
}

function restyle(random, passage) {
  const styles = [
    (text) => swapQuoteStyle(text),
    (text) => reflow(text, 50),
    (text) => text.toUpperCase(),
    (text) => text.replace(/\bMr /g, 'Mr. ').replace(/’/g, "'").replace(/ — /g, ' -- '),
    (text) => text.replace(/ /g, () => (random.chance(0.1) ? '  ' : ' ')),
  ];
  let text = passage;
  for (const style of [random.pick(styles), random.pick(styles)]) text = style(text);
  return text;
}

function plantQueries(random, archive, heldOut, pool, options) {
  const queries = [];
  const slots = [];
  for (let q = 0; q < options.queries; q++) {
    const sources = 1 + (q % 5);
    for (let s = 0; s < sources; s++) slots.push({ query: q, mode: ['exact', 'edited', 'restyled'][(q + s) % 3] });
  }
  // Twelve candidates per slot from random articles; the first unique one of an article not yet in the query is planted.
  const candidates = [];
  for (const [slot] of slots.entries()) {
    for (let c = 0; c < 12; c++) {
      const source = random.int(0, archive.length - 1);
      const words = archive[source].split(/\s+/).filter(Boolean);
      const length = random.int(30, 60);
      if (words.length < length + 2) continue;
      const start = random.int(0, words.length - length);
      candidates.push({ slot, source, passage: words.slice(start, start + length).join(' '), shared: false });
    }
  }
  markShared(candidates, archive);
  const planted = Array.from({ length: options.queries }, () => []);
  for (const [slot, { query, mode }] of slots.entries()) {
    const used = new Set(planted[query].map((plant) => plant.source));
    const chosen = candidates.find((candidate) => candidate.slot === slot && !candidate.shared && !used.has(candidate.source));
    if (!chosen) continue;
    const text = mode === 'exact' ? chosen.passage : mode === 'edited' ? edit(random, pool, chosen.passage) : restyle(random, chosen.passage);
    planted[query].push({ source: chosen.source, mode, text });
  }
  const baseOf = (q) => heldOut[q % heldOut.length].split('\n\n').map((paragraph) => rewrite(random, pool, paragraph, 0.3));
  for (let q = 0; q < options.queries; q++) {
    const paragraphs = baseOf(q);
    for (const plant of planted[q]) paragraphs.splice(random.int(1, paragraphs.length), 0, plant.text);
    queries.push({ name: `planted-${q}`, kind: 'planted', text: paragraphs.join('\n\n'), sources: planted[q] });
  }
  for (let q = 0; q < options.emptyQueries; q++) {
    queries.push({ name: `empty-${q}`, kind: 'empty', text: baseOf(options.queries + q).join('\n\n'), sources: [] });
  }
  return queries;
}

// ---- measuring ----

async function runFind(query, archiveDir, indexFile, workDir, cli = CLI) {
  const tool = { name: cli === CLI ? 'find' : 'find-baseline', script: cli, args: ['find', '--json', '--top', '10', '--index', indexFile] };
  // Our CLI keeps its code cache (src/cli/codeCache.ts) in the work folder: made by the first run, used by the others.
  const env = toolEnvironment({ COMPARE_SOURCES_CODE_CACHE: join(workDir, 'code-cache') });
  const run = await runOnce(tool, query, archiveDir, { timeoutMs: 300000, workDir, env });
  if (run.status !== 'ok') throw new Error(`find failed on ${query}: ${run.status} ${run.error ?? ''}`);
  return { ...run, matches: JSON.parse(readFileSync(run.outputFile, 'utf8')).matches };
}

/** The core bundled from the sources, for the in-process measure of an update. */
async function loadCore(workDir) {
  const outfile = join(workDir, 'core.mjs');
  await build({
    stdin: {
      contents: [
        "export { EmbeddedArchiveIndex } from './archive/embeddedIndex';",
        "export { Fingerprinter } from './archive/fingerprints';",
        "export { syncArchiveNow } from './archive/archiveSync';",
        "export { findSources } from './archive/findSources';",
        "export { decodeText } from './text/decode';",
      ].join('\n'),
      resolveDir: join(ROOT, 'src', 'core'),
      loader: 'ts',
    },
    bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile, logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}

/**
 * One changed file brought into a saved index in-process, as `find --index` does it: read the index,
 * read and fingerprint the file, save the change (appended to a copy of the index file). Returns the
 * milliseconds of each step.
 */
function updateInProcess(core, indexFile, archiveDir, key) {
  const copy = `${indexFile}.inprocess`;
  writeFileSync(copy, readFileSync(indexFile));
  const t0 = performance.now();
  const { index, meta } = core.EmbeddedArchiveIndex.deserialize(readFileSync(copy));
  const t1 = performance.now();
  const info = statSync(join(archiveDir, key));
  const report = core.syncArchiveNow(index, [{ key, size: info.size, modified: info.mtimeMs }], { read: (k) => readFileSync(join(archiveDir, k)) },
    new core.Fingerprinter(index.settings), { maxBytes: 20 << 20, removeUnlisted: false });
  const t2 = performance.now();
  const save = index.save(meta);
  if (save.append) appendFileSync(copy, save.bytes);
  else writeFileSync(copy, save.bytes);
  const t3 = performance.now();
  rmSync(copy);
  if (report.updated !== 1) throw new Error(`expected one update, got ${JSON.stringify(report)}`);
  return { load: t1 - t0, update: t2 - t1, save: t3 - t2, total: t3 - t0, appended: save.append };
}

/**
 * Queries the way the extension's worker answers them: the index loaded once and kept in memory
 * (the watcher keeps it current, so nothing is statted), each query fingerprinted, its candidates
 * read from disk and compared. Returns the milliseconds of each query after the first.
 */
function warmQueries(core, indexFile, archiveDir, queries) {
  const { index } = core.EmbeddedArchiveIndex.deserialize(readFileSync(indexFile));
  const read = (key) => {
    const decoded = core.decodeText(readFileSync(join(archiveDir, key)));
    return decoded.ok ? decoded.text : undefined;
  };
  return queries.map((query) => {
    const started = performance.now();
    core.findSources(index, query.text, read, { top: 10 });
    return performance.now() - started;
  }).slice(1);
}

const ms = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

/** The baseline's queries beside ours: its figures, the ratios of the medians, and whether it listed the same. */
function baselineRows(runs, baselineRuns, dir) {
  if (baselineRuns.length === 0) return [];
  const figures = (list, key) => list.map((run) => run[key]);
  const ratio = (key) => (median(figures(runs, key)) / median(figures(baselineRuns, key))).toFixed(2);
  const same = runs.filter((run, k) => JSON.stringify(run.matches) === JSON.stringify(baselineRuns[k].matches)).length;
  return [
    [`query, whole process, baseline (${dir}), alternating with ours`, `median ${ms(median(figures(baselineRuns, 'ms')))} ms, p90 ${ms(percentile(figures(baselineRuns, 'ms'), 0.9))} ms; CPU median ${ms(median(figures(baselineRuns, 'cpuMs')))} ms, p90 ${ms(percentile(figures(baselineRuns, 'cpuMs'), 0.9))} ms`, '', ''],
    ['query, ours against the baseline (ratio of medians)', `wall ${ratio('ms')}, CPU ${ratio('cpuMs')}; the same list on ${same} of ${runs.length} queries`, '', ''],
  ];
}
const verdict = (ok) => (ok ? 'met' : 'MISSED');

export async function runFindBench(argv) {
  const options = parseArgs(argv);
  if (!existsSync(CLI)) throw new Error(`no ${CLI}: run \`node esbuild.js\` first`);
  const baselineCli = options.baseline && join(options.baseline, 'dist', 'cli.js');
  if (baselineCli && !existsSync(baselineCli)) throw new Error(`no ${baselineCli}: build the baseline first`);
  const workDir = options.keep ?? mkdtempSync(join(tmpdir(), 'compare-sources-find-bench-'));
  mkdirSync(workDir, { recursive: true });
  const archiveDir = join(workDir, 'archive');
  const queryDir = join(workDir, 'queries');
  const indexFile = join(workDir, 'sources.idx');
  try {
    const cpuList = cpus();
    console.log('# Find Sources benchmark\n');
    console.log(`Machine: ${cpuList[0]?.model ?? 'unknown CPU'}, ${cpuList.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB; Node ${process.version}; load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

    const random = createRandom(options.seed);
    const { texts, origin } = loadTexts(options.data);
    // Queries are made of texts that share no passage with any other text of the set (real news
    // reprints wire copy: PolNeAR holds a few dozen such pairs), so that a query with nothing planted
    // has no true source in the archive.
    const unique = uniqueTexts(texts);
    const order = texts.map((_, k) => k).sort(() => random.next() - 0.5);
    const heldOutCount = Math.max(20, Math.round(texts.length / 10));
    const heldOutSet = new Set(order.filter((k) => unique[k]).slice(0, heldOutCount));
    const heldOut = [...heldOutSet].map((k) => texts[k]);
    const bases = order.filter((k) => !heldOutSet.has(k)).map((k) => texts[k]);
    const pool = bases.flatMap((text) => text.split(/\s+/)).filter(Boolean);
    const started = performance.now();
    const archive = buildArchive(random, bases, pool, options.articles);
    rmSync(archiveDir, { recursive: true, force: true });
    let bytes = 0;
    archive.forEach((text, i) => {
      const file = join(archiveDir, archivePath(i));
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, text);
      bytes += Buffer.byteLength(text);
    });
    const queries = plantQueries(random, archive, heldOut, pool, options);
    mkdirSync(queryDir, { recursive: true });
    for (const query of queries) {
      query.file = join(queryDir, `${query.name}.txt`);
      writeFileSync(query.file, query.text);
    }
    const plantedCount = queries.reduce((sum, query) => sum + query.sources.length, 0);
    console.log(`Archive: ${archive.length.toLocaleString('en-US')} articles, ${(bytes / 1048576).toFixed(1)} MB, grown from ${origin}; texts held out for the queries: ${heldOut.length} (of ${unique.filter(Boolean).length} that share no passage with another text).`);
    console.log(`Queries: ${options.queries} with ${plantedCount} planted passages from 1-5 sources each, ${options.emptyQueries} with none (made in ${((performance.now() - started) / 1000).toFixed(1)} s).\n`);

    // Build: no index file yet, twice.
    const builds = [];
    for (let run = 0; run < 2; run++) {
      rmSync(indexFile, { force: true });
      builds.push(await runFind(queries[0].file, archiveDir, indexFile, workDir));
      process.stderr.write(`  build ${run + 1}: ${ms(builds[run].ms)} ms, peak ${builds[run].peakMB.toFixed(0)} MB\n`);
    }
    const indexBytes = statSync(indexFile).size;
    const baselineIndex = join(workDir, 'baseline.idx');
    if (baselineCli) {
      rmSync(baselineIndex, { force: true });
      await runFind(queries[0].file, archiveDir, baselineIndex, workDir, baselineCli);
    }

    // Queries, with the index in place (and the baseline's, in alternating order).
    const runs = [];
    const baselineRuns = [];
    for (const [k, query] of queries.entries()) {
      const ours = async () => runs.push({ query, ...(await runFind(query.file, archiveDir, indexFile, workDir)) });
      const theirs = async () => baselineCli && baselineRuns.push({ query, ...(await runFind(query.file, archiveDir, baselineIndex, workDir, baselineCli)) });
      for (const run of k % 2 ? [theirs, ours] : [ours, theirs]) await run();
      if ((k + 1) % 50 === 0) process.stderr.write(`  ${k + 1} of ${queries.length} queries\n`);
    }
    const found = { exact: [0, 0], edited: [0, 0], restyled: [0, 0] };
    const misses = [];
    for (const run of runs) {
      const listed = new Set(run.matches.map((match) => relative(archiveDir, match.file)));
      for (const plant of run.query.sources) {
        found[plant.mode][1]++;
        if (listed.has(archivePath(plant.source))) found[plant.mode][0]++;
        else misses.push({ query: run.query.name, source: archivePath(plant.source), mode: plant.mode, words: plant.text.split(/\s+/).length });
      }
    }
    const hits = Object.values(found).reduce((sum, [hit]) => sum + hit, 0);
    const recall = hits / plantedCount;
    const emptyRuns = runs.filter((run) => run.query.kind === 'empty');
    const falseAlarms = emptyRuns.filter((run) => run.matches.some((match) => match.shareOfArticle >= 0.05));
    const emptyMax = Math.max(0, ...emptyRuns.flatMap((run) => run.matches.map((match) => match.shareOfArticle)));
    const emptyListed = emptyRuns.filter((run) => run.matches.length > 0).length;
    const queryMs = runs.map((run) => run.ms);
    const queryCpu = runs.map((run) => run.cpuMs);

    // One changed file: the CLI run that brings it in against the same run with nothing changed, and the update alone in-process.
    const core = await loadCore(workDir);
    const updates = [];
    for (let k = 0; k < 7; k++) {
      const i = (1000 + 997 * k) % archive.length;
      const key = archivePath(i);
      const file = join(archiveDir, key);
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n\nA correction was added to this article on ${k + 1} May.`);
      utimesSync(file, new Date(), new Date(Date.now() + 1000 * (k + 1)));
      const changed = await runFind(queries[1].file, archiveDir, indexFile, workDir);
      const unchanged = await runFind(queries[1].file, archiveDir, indexFile, workDir);
      writeFileSync(file, `${readFileSync(file, 'utf8')} And a second one.`);
      utimesSync(file, new Date(), new Date(Date.now() + 1000 * (k + 100)));
      updates.push({ changed: changed.ms, unchanged: unchanged.ms, changedCpu: changed.cpuMs, unchangedCpu: unchanged.cpuMs, inProcess: updateInProcess(core, indexFile, archiveDir, key) });
    }
    const inProcess = (step) => median(updates.map((update) => update.inProcess[step]));
    const warm = warmQueries(core, indexFile, archiveDir, queries);
    const cliDelta = median(updates.map((update) => update.changed - update.unchanged));
    const cliCpuDelta = median(updates.map((update) => update.changedCpu - update.unchangedCpu));

    const buildMs = median(builds.map((run) => run.ms));
    const buildPeak = Math.max(...builds.map((run) => run.peakMB));
    const rows = [
      ['recall of planted sources in the top 10', `${recall.toFixed(4)} (${hits} of ${plantedCount}; word for word ${found.exact.join('/')}, edited ${found.edited.join('/')}, restyled ${found.restyled.join('/')})`, '≥ 0.99', verdict(recall >= 0.99)],
      ['queries with nothing planted: a match with shareOfArticle ≥ 0.05', `${falseAlarms.length} of ${emptyRuns.length} (largest share listed ${(emptyMax * 100).toFixed(1)}%; ${emptyListed} list anything)${falseAlarms.length ? `: ${falseAlarms.map((run) => run.query.name).join(', ')}` : ''}`, 'none', verdict(falseAlarms.length === 0)],
      ['index build, whole process (no index file yet)', `${ms(buildMs)} ms (${builds.map((run) => ms(run.ms)).join(', ')}), ${ms(median(builds.map((run) => run.cpuMs)))} ms CPU`, '< 60 s', verdict(buildMs < 60000)],
      ['index build, peak memory', `${buildPeak.toFixed(0)} MB`, '< 1 GB', verdict(buildPeak < 1024)],
      ['query, whole process, existing index', `median ${ms(median(queryMs))} ms, p90 ${ms(percentile(queryMs, 0.9))} ms, max ${ms(Math.max(...queryMs))} ms; CPU median ${ms(median(queryCpu))} ms, p90 ${ms(percentile(queryCpu, 0.9))} ms`, '< 200 ms', verdict(median(queryMs) < 200)],
      ...baselineRows(runs, baselineRuns, options.baseline),
      ['query with the index in memory (the extension\'s worker), in-process', `median ${ms(median(warm))} ms, p90 ${ms(percentile(warm, 0.9))} ms`, '', ''],
      ['update of one changed file, in-process: stat, read, fingerprint, put, append to the index file', `median ${ms(inProcess('update') + inProcess('save'))} ms (the index file read beforehand: ${ms(inProcess('load'))} ms, which every CLI run pays, see the query)`, '< 100 ms', verdict(inProcess('update') + inProcess('save') < 100)],
      ['update of one changed file, CLI run minus the same run unchanged', `median ${ms(cliDelta)} ms wall (${ms(median(updates.map((u) => u.changed)))} against ${ms(median(updates.map((u) => u.unchanged)))} ms), ${ms(cliCpuDelta)} ms CPU`, '< 100 ms', verdict(cliDelta < 100)],
    ];
    console.log(table(['measure', 'value', 'target', ''], rows));
    console.log(`\nIndex file: ${(indexBytes / 1048576).toFixed(1)} MB for ${(bytes / 1048576).toFixed(1)} MB of text (${(indexBytes / bytes * 100).toFixed(0)}%).`);
    console.log('Whole process: node start included, wall-clock, each CLI run in its own process; CPU: user + system of the process.');
    if (misses.length) {
      console.log(`\nMissed planted sources (${misses.length}):`);
      for (const miss of misses.slice(0, 20)) console.log(`  ${miss.query}: ${miss.source} (${miss.mode}, ${miss.words} words)`);
    }
    console.log(`\nLoad average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (on ${cpus().length} cores; above that, timings include waiting).`);
    if (options.json) {
      writeFileSync(options.json, JSON.stringify({ archive: { articles: archive.length, bytes, origin }, builds, indexBytes, recall, found, misses,
        falseAlarms: falseAlarms.map((run) => run.query.name), emptyMax, queryMs, queryCpu, updates,
        baseline: baselineCli ? { dir: options.baseline, queryMs: baselineRuns.map((run) => run.ms), queryCpu: baselineRuns.map((run) => run.cpuMs) } : null }, null, 2));
    }
  } finally {
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  runFindBench(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
