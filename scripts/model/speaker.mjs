#!/usr/bin/env node
// Trains the speaker model (src/core/quotes/speakerModel.ts) on the tuning part of polnear-train
// (`train-dev`, 630 articles; the held-out quarter is never read), deterministically: every speech
// statement's candidates with their features, each labelled right or wrong by the corpus scorer's
// own rule (scoreArticle, speakerCorrect), and a conditional logit over each statement's candidates
// fitted by full-batch gradient descent from zero weights. The data is read at run time from
// ../shared and never enters the repository; only the weights do.
//
//   node scripts/model/speaker.mjs [--data DIR] [--cv K]   cross-validation on train-dev: model against rules, per fold
//   node scripts/model/speaker.mjs --write                 trains on all of train-dev, writes src/core/quotes/speakerWeights.ts
//   options: --l2 X (0.01), --iterations N (400), --check (exit 1 unless the written weights are what training gives)
import { createHash } from 'node:crypto';
import { addScore, articlesOf, bundle, emptyTotals, openCorpus } from '../eval/corpus.mjs';
import { adam, skipCheckWithoutData, writeOrCheckWeights } from './fit.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const folds = Number(option('--cv', 0));
const l2 = Number(option('--l2', 0.01));
const iterations = Number(option('--iterations', 400));
skipCheckWithoutData(args, option('--data'), 'speaker weights');
const { data, scorer } = await openCorpus(option('--data'));
const core = await bundle({
  'src/core/quotes/attribution.ts': ['attributeQuotes', 'ruleChoice'],
  'src/core/quotes/quotedRegions.ts': ['extractQuotedRegions'],
  'src/core/quotes/speakerModel.ts': ['SPEAKER_FEATURES'],
  'src/cli/quotesReport.ts': ['quotesJson'],
});
const FEATURES = core.SPEAKER_FEATURES;

/** The article's quotes as the scorer takes them, each with its statement, and the scorer's matches. */
function analyse(article, choose) {
  const doc = core.attributeQuotes(article.text, core.extractQuotedRegions(article.text), choose);
  const quotes = core.quotesJson(doc, article.text).quotes;
  const predictions = quotes.map((q) => ({ start: q.start, end: q.end, valid: true, speaker: q.speaker, statement: q.statement }));
  return { quotes, score: scorer.scoreArticle(article.text, article.quotes, predictions) };
}

/** Every statement with a gold speaker and candidates: the features and whether each candidate is right. */
function examples(article) {
  const choices = [];
  const { quotes, score } = analyse(article, (choice) => { choices.push(choice); return choice.rule; });
  const speakerOf = new Map(quotes.map((q) => [q.statement, q.speaker]));
  const goldOf = new Map(score.matched.filter((m) => m.g.source).map((m) => [m.p.statement, m.g.source]));
  const out = [];
  for (const { statement, candidates, features, rule } of choices.map((choice) => ({ ...choice, features: choice.features() }))) {
    const gold = goldOf.get(statement);
    if (!gold) continue;
    // The carried candidate speaks as the last statement before with a speaker did.
    let carried = null;
    for (let m = statement - 1; m >= 0 && !carried; m--) carried = speakerOf.get(m) ?? null;
    const chosen = candidates[rule];
    const labels = candidates.map((c) => {
      if (!c.attribution) return scorer.speakerCorrect(carried, gold);
      const [start, end] = c.attribution.phrase.range;
      // The rules' own choice is labelled by what the analysis printed (its resolved name); the others by their phrase.
      const speaker = chosen?.attribution && chosen.attribution.phrase.range[0] === start ? speakerOf.get(statement) : { name: c.attribution.phrase.name, start, end };
      return scorer.speakerCorrect(speaker, gold);
    });
    out.push({ id: article.id, features, labels, rule });
  }
  return out;
}

/** Fits the conditional logit: full-batch Adam from zero, a fixed number of steps. */
function train(groups) {
  const n = FEATURES.length;
  const useful = groups.filter((g) => g.labels.some(Boolean) && !g.labels.every(Boolean));
  return adam(n, (w, grad) => {
    for (const g of useful) {
      const scores = g.features.map((f) => f.reduce((s, x, k) => s + x * w[k], 0));
      const top = Math.max(...scores);
      const e = scores.map((s) => Math.exp(s - top));
      const all = e.reduce((a, b) => a + b, 0);
      const pos = e.reduce((a, b, i) => a + (g.labels[i] ? b : 0), 0);
      g.features.forEach((f, i) => {
        const d = e[i] / all - (g.labels[i] ? e[i] / pos : 0);
        if (d !== 0) for (let k = 0; k < n; k++) if (f[k] !== 0) grad[k] += d * f[k];
      });
    }
    return useful.length;
  }, { iterations, l2 });
}

/** Speaker accuracy and end-to-end F1 of the real analysis over `articles` with a chooser. */
function measure(articles, choose) {
  const t = emptyTotals();
  for (const article of articles) addScore(t, analyse(article, choose).score);
  const p = t.e2e / t.predicted;
  const r = t.e2e / t.gold;
  return { speaker: t.right / t.withSource, e2e: (2 * p * r) / (p + r), right: t.right, withSource: t.withSource };
}

const modelChooser = (w) => ({ best }) => best(w);
const format = (x) => `speaker acc ${x.speaker.toFixed(4)} (${x.right}/${x.withSource}) e2e F1 ${x.e2e.toFixed(4)}`;
const articles = articlesOf(data, 'train-dev');
const byArticle = new Map(articles.map((a) => [a.id, examples(a)]));
const allGroups = [...byArticle.values()].flat();
const oracle = allGroups.filter((g) => g.labels.some(Boolean)).length;
console.log(`${allGroups.length} statements with a gold speaker; rules right on ${allGroups.filter((g) => g.labels[g.rule]).length}, some candidate right on ${oracle}`);

if (folds > 1) {
  const fold = (id) => parseInt(createHash('sha1').update(`speaker-cv:${id}`).digest('hex').slice(0, 8), 16) % folds;
  const total = { rules: [], model: [] };
  for (let k = 0; k < folds; k++) {
    const w = train(allGroups.filter((g) => fold(g.id) !== k));
    const test = articles.filter((a) => fold(a.id) === k);
    const rules = measure(test, core.ruleChoice);
    const model = measure(test, modelChooser(w));
    total.rules.push(rules);
    total.model.push(model);
    console.log(`fold ${k} (${test.length} articles): rules ${format(rules)} | model ${format(model)}`);
  }
  const sum = (list) => { const right = list.reduce((a, x) => a + x.right, 0); const withSource = list.reduce((a, x) => a + x.withSource, 0); return { right, withSource, speaker: right / withSource, e2e: list.reduce((a, x) => a + x.e2e, 0) / list.length }; };
  console.log(`cross-validated: rules ${format(sum(total.rules))} | model ${format(sum(total.model))} (e2e: mean over folds)`);
}

if (args.includes('--write') || args.includes('--check')) {
  const w = train(allGroups);
  const written = writeOrCheckWeights(args, 'src/core/quotes/speakerWeights.ts', 'SPEAKER_WEIGHTS', [
    'The speaker model\'s weights, by feature (see SPEAKER_FEATURES in speakerModel.ts). Generated by',
    `\`node scripts/model/speaker.mjs --write\` from polnear-train's tuning part (${articles.length} articles): do not edit.`,
  ], w, FEATURES);
  console.log(`wrote ${written}: ${w.length} weights; on train-dev itself: rules ${format(measure(articles, core.ruleChoice))} | model ${format(measure(articles, modelChooser(w)))}`);
}
