#!/usr/bin/env node
// Quote and speaker accuracy on the evaluation corpora, in-process and with the corpus scorer's own
// scoring (score.mjs's scoreArticle), on a fixed split of polnear-train: per publisher, the articles
// sorted by sha1("i21-split:" + id), the first quarter held out. Tune on `train-dev` (and look at its
// misses with --json), check on `dev`, and only now and then read the one line of `train-held-out`:
// that is the figure for articles nobody tuned on. The data is read at run time from ../shared and
// never enters the repository; the core is bundled from the sources (no build step). Quotations are
// scored as `quotes --json` prints them (a multi-paragraph statement is one).
//
//   node scripts/eval/quotes.mjs [--set train-dev|train-held-out|train|dev]... [--data DIR] [--json FILE]
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const args = process.argv.slice(2);
const option = (name) => args.flatMap((arg, i) => (arg === name ? [args[i + 1]] : []));
const data = resolve(option('--data')[0] ?? join(ROOT, '..', 'shared', 'data'));
const sets = option('--set').length ? option('--set') : ['train-dev', 'dev'];
const jsonOut = option('--json')[0];
const scorer = join(data, 'polnear-dev', 'score.mjs');
if (!existsSync(scorer)) {
  console.error(`no polnear data under ${data} (pass --data DIR)`);
  process.exit(2);
}
const { scoreArticle } = await import(pathToFileURL(scorer).href);

/** The held-out quarter of polnear-train: per publisher, the first quarter by sha1 of the id. */
function heldOut(articles) {
  const key = (a) => createHash('sha1').update(`i21-split:${a.id}`).digest('hex');
  const byPublisher = new Map();
  for (const a of articles) {
    const publisher = a.id.split('_')[0];
    if (!byPublisher.has(publisher)) byPublisher.set(publisher, []);
    byPublisher.get(publisher).push(a);
  }
  const held = new Set();
  for (const list of byPublisher.values()) {
    const sorted = [...list].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
    for (const a of sorted.slice(0, Math.round(list.length / 4))) held.add(a.id);
  }
  return held;
}

function articlesOf(set) {
  if (set === 'dev') return JSON.parse(readFileSync(join(data, 'polnear-dev', 'gold-dev.json'), 'utf8')).articles;
  const train = JSON.parse(readFileSync(join(data, 'polnear-train', 'gold-train.json'), 'utf8')).articles;
  const held = heldOut(train);
  if (set === 'train') return train;
  if (set === 'train-dev') return train.filter((a) => !held.has(a.id));
  if (set === 'train-held-out') return train.filter((a) => held.has(a.id));
  throw new Error(`unknown set ${set}`);
}

const dir = mkdtempSync(join(tmpdir(), 'compare-sources-eval-'));
let core;
try {
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, `export { analyzeQuotes } from ${JSON.stringify(join(ROOT, 'src/core/quotes/attribution.ts'))};\nexport { quotesJson } from ${JSON.stringify(join(ROOT, 'src/cli/quotesReport.ts'))};\n`);
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile: join(dir, 'core.mjs'), logLevel: 'error' });
  core = await import(pathToFileURL(join(dir, 'core.mjs')).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const prf = (tp, predicted, gold) => {
  const p = predicted ? tp / predicted : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const report = {};
for (const set of sets) {
  // `doubled` counts every gold quote; `without` marks the doubled-apostrophe ones optional (the scorer's way of not counting them).
  const totals = { all: { tp: 0, predicted: 0, gold: 0, withSource: 0, right: 0, e2e: 0 }, without: { tp: 0, predicted: 0, gold: 0, withSource: 0, right: 0, e2e: 0 } };
  const misses = { missed: [], falsePositives: [], wrongSpeakers: [] };
  const articles = articlesOf(set);
  for (const article of articles) {
    const predictions = core.quotesJson(core.analyzeQuotes(article.text), article.text).quotes.map((q) => ({ start: q.start, end: q.end, valid: true, speaker: q.speaker }));
    for (const [which, gold] of [['all', article.quotes], ['without', article.quotes.map((g) => (g.style === 'doubled' ? { ...g, optional: true } : g))]]) {
      const s = scoreArticle(article.text, gold, predictions);
      const t = totals[which];
      t.tp += s.matched.length;
      t.predicted += s.nPred;
      t.gold += s.nGold;
      for (const m of s.matched) {
        if (m.g.source) t.withSource++;
        if (m.g.source && m.speaker) t.right++;
        if (!m.g.source || m.speaker) t.e2e++;
        if (which === 'all' && m.g.source && !m.speaker) misses.wrongSpeakers.push({ id: article.id, quote: m.g.text, gold: m.g.source.text, predicted: m.p.speaker?.name ?? null });
      }
      if (which === 'all') {
        for (const g of s.missed) misses.missed.push({ id: article.id, start: g.start, quote: g.text });
        for (const p of s.falsePos) misses.falsePositives.push({ id: article.id, start: p.start, text: article.text.slice(p.start, p.end) });
      }
    }
  }
  const line = (t) => {
    const q = prf(t.tp, t.predicted, t.gold);
    const e = prf(t.e2e, t.predicted, t.gold);
    return `quote F1 ${q.f.toFixed(3)} (P ${q.p.toFixed(3)} R ${q.r.toFixed(3)}) | speaker acc ${(t.right / t.withSource).toFixed(3)} | e2e F1 ${e.f.toFixed(3)}`;
  };
  console.log(`${set} (${articles.length} articles): ${line(totals.all)}`);
  console.log(`${' '.repeat(set.length)}  without the doubled-apostrophe quotes: ${line(totals.without)}`);
  report[set] = { totals, ...(set === 'train-held-out' ? {} : misses) };
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 1));
