#!/usr/bin/env node
// Shared-passage accuracy on the reuse-dev pairs, in-process and with the set's own scoring
// (lib/pan.mjs: plagdet, precision, recall, granularity), on a fixed split of each pairs file: the
// pairs sorted by sha1("i30-split:" + id) within each kind (insert, reprint, negative), the second
// half held out. Tune on the `-tune` halves (look at their misses with --json) and only now and then
// read the `-held-out` line: that is the figure for pairs nobody tuned on. The data is read at run
// time from ../shared and never enters the repository; the core is bundled from the sources (no build
// step), and the passages are what `compare-sources passages --json` prints.
//
// `gen-tune` and `gen-held-out` are 400 heavy pairs each built the same way from polnear-train's texts
// (reusePairs.mjs), from two halves of its articles.
//
//   node scripts/eval/passages.mjs [--set light|heavy|light-tune|light-held-out|heavy-tune|heavy-held-out|gen-tune|gen-held-out]... [--data DIR] [--json FILE] [--core CHECKOUT]
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { articleHalf, makePairs } from './reusePairs.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const args = process.argv.slice(2);
const option = (name) => args.flatMap((arg, i) => (arg === name ? [args[i + 1]] : []));
const data = resolve(option('--data')[0] ?? join(ROOT, '..', 'shared', 'data'));
const sets = option('--set').length ? option('--set') : ['light-tune', 'heavy-tune'];
const jsonOut = option('--json')[0];
// Another checkout's sources (a parent commit's), to compare before and after on the same pairs.
const core = resolve(option('--core')[0] ?? ROOT);
const reuse = join(data, 'reuse-dev');
if (!existsSync(join(reuse, 'lib', 'pan.mjs'))) {
  console.error(`no reuse-dev data under ${data} (pass --data DIR)`);
  process.exit(2);
}
const { panMeasures } = await import(pathToFileURL(join(reuse, 'lib', 'pan.mjs')).href);
const FILES = { light: 'pairs-dev.json', heavy: 'pairs-dev-heavy.json' };
const TAGS = ['none', 'quotes', 'reflow', 'edit', 'order'];

/** The held-out half of a pairs file: per kind, the second half of the pairs by sha1 of the id. */
function heldOut(pairs) {
  const key = (pair) => createHash('sha1').update(`i30-split:${pair.id}`).digest('hex');
  const held = new Set();
  for (const kind of new Set(pairs.map((pair) => pair.kind))) {
    const sorted = pairs.filter((pair) => pair.kind === kind).sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
    for (const pair of sorted.slice(Math.ceil(sorted.length / 2))) held.add(pair.id);
  }
  return held;
}

function pairsOf(set) {
  // Pairs built from polnear-train's texts (reusePairs.mjs), each half from its own half of the articles.
  if (set === 'gen-tune' || set === 'gen-held-out') {
    const articles = JSON.parse(readFileSync(join(data, 'polnear-train', 'gold-train.json'), 'utf8')).articles;
    return set === 'gen-tune' ? makePairs(articleHalf(articles, 0), 400, 1) : makePairs(articleHalf(articles, 1), 400, 2);
  }
  const [name, part] = set.split(/-(.*)/s);
  if (!FILES[name] || ![undefined, 'tune', 'held-out'].includes(part)) throw new Error(`unknown set ${set}`);
  const pairs = JSON.parse(readFileSync(join(reuse, FILES[name]), 'utf8')).pairs;
  if (part === undefined) return pairs;
  const held = heldOut(pairs);
  return pairs.filter((pair) => held.has(pair.id) === (part === 'held-out'));
}

const dir = mkdtempSync(join(tmpdir(), 'compare-sources-eval-'));
let predictor;
try {
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, `export { sharePassages } from ${JSON.stringify(join(core, 'src/core/compare.ts'))};\n`);
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile: join(dir, 'core.mjs'), logLevel: 'error' });
  predictor = await import(pathToFileURL(join(dir, 'core.mjs')).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const f3 = (x) => x.toFixed(3);
const report = {};
for (const set of sets) {
  const pairs = pairsOf(set);
  const cases = [];
  const detections = [];
  let truncated = 0;
  for (const [index, pair] of pairs.entries()) {
    for (const c of pair.passages) cases.push({ pair: index, a: c.a, b: c.b, tags: c.obfuscation, kind: pair.kind, ops: c.ops });
    const found = predictor.sharePassages({ name: 'A.txt', text: pair.a.text }, { name: 'B.txt', text: pair.b.text });
    if (found.truncated) truncated++;
    for (const passage of found.passages) detections.push({ pair: index, a: passage.a, b: passage.b, differences: passage.differences.length });
  }
  const all = panMeasures(cases, detections);
  const tags = TAGS.map((tag) => {
    const which = cases.map((_, i) => i).filter((i) => (tag === 'none' ? cases[i].tags.length === 0 : cases[i].tags.includes(tag)));
    return { tag, n: which.length, recall: which.reduce((sum, i) => sum + all.caseRecall[i], 0) / Math.max(1, which.length) };
  }).filter((row) => row.n > 0);
  const kinds = {};
  for (const kind of ['insert', 'reprint', 'negative']) {
    const ofKind = new Set(pairs.flatMap((pair, i) => (pair.kind === kind ? [i] : [])));
    const measures = panMeasures(cases.filter((c) => ofKind.has(c.pair)), detections.filter((d) => ofKind.has(d.pair)));
    kinds[kind] = { pairs: ofKind.size, detections: detections.filter((d) => ofKind.has(d.pair)).length, ...measures };
  }
  console.log(`${set} (${pairs.length} pairs, ${cases.length} cases): plagdet ${f3(all.plagdet)} P ${f3(all.precision)} R ${f3(all.recall)} gran ${all.granularity.toFixed(3)}`);
  console.log(`  recall ${tags.map((row) => `${row.tag} ${f3(row.recall)}`).join(', ')}`);
  console.log(`  insert gran ${kinds.insert.granularity.toFixed(3)} R ${f3(kinds.insert.recall)} | reprint gran ${kinds.reprint.granularity.toFixed(3)} R ${f3(kinds.reprint.recall)} P ${f3(kinds.reprint.precision)} | negative: false detections ${kinds.negative.detections}${truncated ? ` | cut short by a budget: ${truncated} pairs` : ''}`);
  report[set] = {
    summary: { plagdet: all.plagdet, precision: all.precision, recall: all.recall, granularity: all.granularity },
    tags,
    // Every case that is not found whole in one detection, and every detection that is not all reuse.
    misses: cases.flatMap((c, i) => (all.caseRecall[i] < 0.99 || all.caseDetections[i] > 1
      ? [{ id: pairs[c.pair].id, kind: c.kind, a: c.a, b: c.b, tags: c.tags, ops: c.ops, recall: all.caseRecall[i], detections: all.caseDetections[i],
          found: detections.filter((d) => d.pair === c.pair && d.a[0] < c.a[1] && c.a[0] < d.a[1]).map(({ a, b, differences }) => ({ a, b, differences })) }]
      : [])),
    falseDetections: detections.flatMap((d, i) => (all.detPrecision[i] < 0.99 ? [{ id: pairs[d.pair].id, kind: pairs[d.pair].kind, a: d.a, b: d.b, precision: all.detPrecision[i], textA: pairs[d.pair].a.text.slice(d.a[0], d.a[1]) }] : [])),
  };
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 1));
