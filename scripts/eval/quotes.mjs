#!/usr/bin/env node
// Quote and speaker accuracy on the evaluation corpora, in-process and with the corpus scorer's own
// scoring (score.mjs's scoreArticle), on a fixed split of polnear-train: per publisher, the articles
// sorted by sha1("i21-split:" + id), the first quarter held out. Tune on `train-dev` (and look at its
// misses with --json), check on `dev`, and only now and then read the one line of `train-held-out`:
// that is the figure for articles nobody tuned on. The data is read at run time from ../shared and
// never enters the repository; the core is bundled from the sources (no build step). Quotations are
// scored as `quotes --json` prints them (a multi-paragraph statement is one).
//
// `--errors` sorts every quote-level miss and false positive into classes (see quoteErrors.mjs) and
// prints their counts; `--show TEXT` prints each error of the classes whose name holds TEXT, in its
// paragraph. Neither reads the held-out quarter.
//
//   node scripts/eval/quotes.mjs [--set train-dev|train-held-out|train|dev]... [--data DIR] [--json FILE] [--errors] [--show TEXT]
import { writeFileSync } from 'node:fs';
import { addScore, articlesOf, bundle, emptyTotals, openCorpus } from './corpus.mjs';
import { classifyErrors, inParagraph } from './quoteErrors.mjs';

const args = process.argv.slice(2);
const option = (name) => args.flatMap((arg, i) => (arg === name ? [args[i + 1]] : []));
const sets = option('--set').length ? option('--set') : ['train-dev', 'dev'];
const jsonOut = option('--json')[0];
const { data, scorer: { scoreArticle } } = await openCorpus(option('--data')[0]);
const show = option('--show')[0];
const errors = args.includes('--errors') || show !== undefined;
const core = await bundle({
  'src/core/quotes/attribution.ts': ['analyzeQuotes', 'attributeQuotes'],
  'src/core/quotes/quotedRegions.ts': ['extractQuotedRegions'],
  'src/core/quotes/speechModel.ts': ['modelWeighs', 'modelReadsAsSpeech'],
  'src/core/quotes/speechWeights.ts': ['SPEECH_WEIGHTS'],
  'src/cli/quotesReport.ts': ['quotesJson'],
});

/** Every lone quotation the analysis decided, with the rules' reading and the verdict, as the shipped speech decider gives it. */
function readingsOf(text, predictions) {
  const readings = [];
  const doc = core.attributeQuotes(text, core.extractQuotedRegions(text), undefined, ({ range, reading, score }) => {
    const speech = core.modelWeighs(reading) ? core.modelReadsAsSpeech(reading, score(core.SPEECH_WEIGHTS)) : reading.kind === 'speech';
    readings.push({ range, reading, speech });
    return speech;
  });
  const same = core.quotesJson(doc, text).quotes.map((q) => `${q.start}-${q.end}`).join() === predictions.map((q) => `${q.start}-${q.end}`).join();
  if (!same) throw new Error('the readings were not taken as analyzeQuotes takes them (see modelSpeech in attribution.ts)');
  return readings;
}

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
  const classes = new Map();
  const articles = articlesOf(data, set);
  if (errors && set.includes('held-out')) {
    console.error('--errors and --show never read the held-out quarter');
    process.exit(2);
  }
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
        if (errors) {
          for (const e of classifyErrors(article.text, gold, predictions, s, readingsOf(article.text, predictions))) {
            const key = `${e.kind} ${e.class}`;
            if (!classes.has(key)) classes.set(key, { count: 0, doubled: 0 });
            classes.get(key).count++;
            if (e.doubled) classes.get(key).doubled++;
            if (show !== undefined && key.includes(show)) console.log(`${key} | ${article.id} ${e.start}\n    ${inParagraph(article.text, e.start, e.end)}`);
          }
        }
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
  if (errors) {
    console.log(`  errors by class (count, of which doubled-apostrophe quotes):`);
    for (const [key, { count, doubled }] of [...classes].sort((x, y) => x[0].slice(0, 2).localeCompare(y[0].slice(0, 2)) || y[1].count - x[1].count)) console.log(`  ${String(count).padStart(5)} ${String(doubled).padStart(4)}  ${key}`);
  }
  report[set] = { totals, ...(set === 'train-held-out' ? {} : misses) };
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 1));
