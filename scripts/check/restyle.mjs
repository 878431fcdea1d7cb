#!/usr/bin/env node
// The restyle check (issue 21): every article of the evaluation corpora compared with a copy of
// itself in the other typography (test/unit/fuzz/restyle.ts: straight double quotes to curly ones
// alternating within each paragraph, curly ones to straight, two spaces after each sentence end)
// must report no attribution conflict and no altered quote, and match every quote of two words or
// more identically. The articles are read at run time from ../shared (evaluation data never enters
// the repository); the core is bundled from the sources, so no build step is needed. Prints counts
// and exits 1 when any is not zero (0, with a note, when the corpora are not there).
//
//   node scripts/check/restyle.mjs [--gold FILE]... [-v]
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DATA = resolve(ROOT, '..', 'shared', 'data');
const args = process.argv.slice(2);
const golds = args.flatMap((arg, i) => (arg === '--gold' ? [resolve(args[i + 1])] : []));
if (golds.length === 0) golds.push(join(DATA, 'polnear-dev', 'gold-dev.json'), join(DATA, 'polnear-train', 'gold-train.json'));
const verbose = args.includes('-v');

const dir = mkdtempSync(join(tmpdir(), 'compare-sources-restyle-'));
let core;
try {
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, `export { compareTexts } from ${JSON.stringify(join(ROOT, 'src/core/compare.ts'))};\nexport { restyle } from ${JSON.stringify(join(ROOT, 'test/unit/fuzz/restyle.ts'))};\n`);
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile: join(dir, 'core.mjs'), logLevel: 'error' });
  core = await import(pathToFileURL(join(dir, 'core.mjs')).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const totals = { articles: 0, quotes: 0, conflicts: 0, altered: 0, notIdentical: 0, withProblems: 0 };
const examples = [];
for (const gold of golds) {
  if (!existsSync(gold)) {
    // A clone without ../shared beside it (the corpora are never copied into the repository).
    console.log(`restyle check skipped: no evaluation data at ${gold}`);
    process.exit(0);
  }
  for (const article of JSON.parse(readFileSync(gold, 'utf8')).articles) {
    const copy = core.restyle(article.text);
    const c = core.compareTexts({ name: 'original', text: article.text }, { name: 'restyled', text: copy });
    const conflicts = c.quoteMatches.filter((m) => m.conflict);
    const altered = c.quoteMatches.filter((m) => m.kind === 'altered');
    const identical = new Set(c.quoteMatches.filter((m) => m.kind === 'identical').map((m) => m.a));
    // A one-word quote pairs with nothing by design (see pairingRules.ts).
    const notIdentical = c.a.quotes.filter((q) => /\s/u.test(q.text.trim()) && !identical.has(q.id));
    totals.articles++;
    totals.quotes += c.a.quotes.length;
    totals.conflicts += conflicts.length;
    totals.altered += altered.length;
    totals.notIdentical += notIdentical.length;
    if (conflicts.length || altered.length || notIdentical.length) {
      totals.withProblems++;
      for (const m of [...conflicts, ...altered]) examples.push(`${article.id}: ${m.kind}${m.conflict ? ', conflict' : ''}: ${JSON.stringify(c.a.quotes[m.a].text.slice(0, 70))} (${c.a.quotes[m.a].speaker?.name}) / (${c.b.quotes[m.b].speaker?.name})`);
      for (const q of notIdentical) examples.push(`${article.id}: not matched identical: ${JSON.stringify(q.text.slice(0, 70))}`);
    }
  }
}
console.log(`${totals.articles} articles, ${totals.quotes} quotes, each compared with its restyled copy: ${totals.conflicts} attribution conflicts, ${totals.altered} altered quotes, ${totals.notIdentical} quotes of two words or more not matched identically (${totals.withProblems} articles with any)`);
if (verbose) for (const line of examples) console.log(`  ${line}`);
process.exit(totals.conflicts || totals.altered || totals.notIdentical ? 1 : 0);
