// The evaluation corpora as the scripts read them (from ../shared at run time; never copied into the
// repository), the fixed split of polnear-train, and the core bundled from the sources.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The data directory (`--data DIR` or ../shared/data) and its scorer module, or exits with a message. */
export async function openCorpus(dataOption) {
  const data = resolve(dataOption ?? join(ROOT, '..', 'shared', 'data'));
  const scorer = join(data, 'polnear-dev', 'score.mjs');
  if (!existsSync(scorer)) {
    console.error(`no polnear data under ${data} (pass --data DIR)`);
    process.exit(2);
  }
  return { data, scorer: await import(pathToFileURL(scorer).href) };
}

/**
 * The held-out quarter of polnear-train: per publisher, the articles sorted by
 * sha1("i21-split:" + id), the first quarter.
 */
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

/** The articles of a set: `dev`, `train`, `train-dev` (the part to tune on) or `train-held-out`. */
export function articlesOf(data, set) {
  if (set === 'dev') return JSON.parse(readFileSync(join(data, 'polnear-dev', 'gold-dev.json'), 'utf8')).articles;
  const train = JSON.parse(readFileSync(join(data, 'polnear-train', 'gold-train.json'), 'utf8')).articles;
  const held = heldOut(train);
  if (set === 'train') return train;
  if (set === 'train-dev') return train.filter((a) => !held.has(a.id));
  if (set === 'train-held-out') return train.filter((a) => held.has(a.id));
  throw new Error(`unknown set ${set}`);
}

/** The given exports of source modules (paths from the repository root), bundled into one module and imported. */
export async function bundle(exports) {
  const dir = mkdtempSync(join(tmpdir(), 'compare-sources-eval-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, Object.entries(exports).map(([file, names]) => `export { ${names.join(', ')} } from ${JSON.stringify(join(ROOT, file))};\n`).join(''));
    await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile: join(dir, 'core.mjs'), logLevel: 'error' });
    return await import(pathToFileURL(join(dir, 'core.mjs')).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Counts of a scoring run: matched quotes, predictions, gold quotes, matches with a gold speaker, right speakers, end-to-end matches. */
export const emptyTotals = () => ({ tp: 0, predicted: 0, gold: 0, withSource: 0, right: 0, e2e: 0 });

/** Adds one article's scoring (the scorer's `scoreArticle` result) to `totals`. */
export function addScore(totals, score) {
  totals.tp += score.matched.length;
  totals.predicted += score.nPred;
  totals.gold += score.nGold;
  for (const m of score.matched) {
    if (m.g.source) totals.withSource++;
    if (m.g.source && m.speaker) totals.right++;
    if (!m.g.source || m.speaker) totals.e2e++;
  }
}
