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
import { writeFileSync } from 'node:fs';
import { addScore, articlesOf, bundle, emptyTotals, openCorpus } from './corpus.mjs';

const args = process.argv.slice(2);
const option = (name) => args.flatMap((arg, i) => (arg === name ? [args[i + 1]] : []));
const sets = option('--set').length ? option('--set') : ['train-dev', 'dev'];
const jsonOut = option('--json')[0];
const { data, scorer: { scoreArticle } } = await openCorpus(option('--data')[0]);
const core = await bundle({ 'src/core/quotes/attribution.ts': ['analyzeQuotes'], 'src/cli/quotesReport.ts': ['quotesJson'] });

const prf = (tp, predicted, gold) => {
  const p = predicted ? tp / predicted : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const report = {};
for (const set of sets) {
  // `doubled` counts every gold quote; `without` marks the doubled-apostrophe ones optional (the scorer's way of not counting them).
  const totals = { all: emptyTotals(), without: emptyTotals() };
  const misses = { missed: [], falsePositives: [], wrongSpeakers: [] };
  const articles = articlesOf(data, set);
  for (const article of articles) {
    const predictions = core.quotesJson(core.analyzeQuotes(article.text), article.text).quotes.map((q) => ({ start: q.start, end: q.end, valid: true, speaker: q.speaker }));
    for (const [which, gold] of [['all', article.quotes], ['without', article.quotes.map((g) => (g.style === 'doubled' ? { ...g, optional: true } : g))]]) {
      const s = scoreArticle(article.text, gold, predictions);
      addScore(totals[which], s);
      if (which === 'all') {
        for (const m of s.matched) {
          if (m.g.source && !m.speaker) misses.wrongSpeakers.push({ id: article.id, quote: m.g.text, gold: m.g.source.text, predicted: m.p.speaker?.name ?? null });
        }
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
