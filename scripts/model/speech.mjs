#!/usr/bin/env node
// Trains the speech model (src/core/quotes/speechModel.ts) on the tuning part of polnear-train
// (`train-dev`, 630 articles; the held-out quarter is never read), deterministically: every lone
// quotation the analysis asks about, with its features, labelled speech when it matches a gold
// quote by the corpus scorer's own rule (`matches`; those that only meet a gold quote the scorer
// does not count are left out), and a logistic regression fitted by full-batch Adam from zero
// weights. The data is read at run time from ../shared and never enters the repository; only the
// weights do. Train this model before the speaker model (scripts/model/speaker.mjs): the speaker
// model learns from the statements this one lets through.
//
//   node scripts/model/speech.mjs [--data DIR] [--cv K]   cross-validation on train-dev: model against rules, per fold
//   node scripts/model/speech.mjs --write                 trains on all of train-dev, writes src/core/quotes/speechWeights.ts
//   options: --l2 X (0.001), --iterations N (600), --threshold X (SPEECH_MARGIN), --doubt X (DOUBT_MARGIN; both for cross-validation),
//            --check (exit 1 unless the written weights are what training gives)
import { createHash } from 'node:crypto';
import { addScore, articlesOf, bundle, emptyTotals, openCorpus } from '../eval/corpus.mjs';
import { adam, skipCheckWithoutData, writeOrCheckWeights } from './fit.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const folds = Number(option('--cv', 0));
const l2 = Number(option('--l2', 0.001));
const iterations = Number(option('--iterations', 600));
skipCheckWithoutData(args, option('--data'), 'speech weights');
const { data, scorer } = await openCorpus(option('--data'));
const core = await bundle({
  'src/core/quotes/attribution.ts': ['attributeQuotes', 'ruleSpeech'],
  'src/core/quotes/quotedRegions.ts': ['extractQuotedRegions'],
  'src/core/quotes/speechModel.ts': ['SPEECH_FEATURES', 'SPEECH_MARGIN', 'DOUBT_MARGIN', 'modelWeighs', 'modelReadsAsSpeech'],
  'src/cli/quotesReport.ts': ['quotesJson'],
});
const FEATURES = core.SPEECH_FEATURES;

/** The scorer's result for the article analysed with a speech decider (the shipped speaker model chooses speakers). */
function analyse(article, decide) {
  const doc = core.attributeQuotes(article.text, core.extractQuotedRegions(article.text), undefined, decide);
  const predictions = core.quotesJson(doc, article.text).quotes.map((q) => ({ start: q.start, end: q.end, valid: true, speaker: q.speaker }));
  return scorer.scoreArticle(article.text, article.quotes, predictions);
}

/** Every lone quotation the analysis asks about, with its features and whether it is speech. */
function examples(article) {
  const out = [];
  const required = article.quotes.filter((g) => !g.optional);
  core.attributeQuotes(article.text, core.extractQuotedRegions(article.text), undefined, (decision) => {
    const p = { start: decision.range[0], end: decision.range[1] };
    const speech = required.some((g) => scorer.matches(p, g));
    // The model weighs only what `modelWeighs` gives it.
    if (core.modelWeighs(decision.reading) && (speech || !article.quotes.some((g) => g.optional && scorer.matches(p, g)))) out.push({ id: article.id, features: decision.features(), speech, rule: core.ruleSpeech(decision) });
    return core.ruleSpeech(decision);
  });
  return out;
}

/** Fits the logistic regression: full-batch Adam from zero, a fixed number of steps. */
function train(items) {
  const n = FEATURES.length;
  return adam(n, (w, grad) => {
    for (const { features, speech } of items) {
      let score = 0;
      for (let k = 0; k < n; k++) if (features[k] !== 0) score += features[k] * w[k];
      const d = 1 / (1 + Math.exp(-score)) - (speech ? 1 : 0);
      for (let k = 0; k < n; k++) if (features[k] !== 0) grad[k] += d * features[k];
    }
    return items.length;
  }, { iterations, l2, unregularised: (k) => FEATURES[k] === 'bias' });
}

/** Quote F1, speaker accuracy and end-to-end F1 of the real analysis over `articles` with a speech decider. */
function measure(articles, decide) {
  const t = emptyTotals();
  for (const article of articles) addScore(t, analyse(article, decide));
  const f1 = (tp) => (2 * tp) / (t.predicted + t.gold);
  return { ...t, quoteF1: f1(t.tp), p: t.tp / t.predicted, r: t.tp / t.gold, speaker: t.right / t.withSource, e2eF1: f1(t.e2e) };
}

const threshold = Number(option('--threshold', core.SPEECH_MARGIN));
const doubt = Number(option('--doubt', core.DOUBT_MARGIN));
const modelSpeech = (w) => ({ reading, score }) => (core.modelWeighs(reading) ? core.modelReadsAsSpeech(reading, score(w), threshold, doubt) : reading.kind === 'speech');
const format = (x) => `quote F1 ${x.quoteF1.toFixed(4)} (P ${x.p.toFixed(4)} R ${x.r.toFixed(4)}) speaker acc ${x.speaker.toFixed(4)} e2e F1 ${x.e2eF1.toFixed(4)}`;
const articles = articlesOf(data, 'train-dev');
const all = articles.flatMap(examples);
console.log(`${all.length} lone quotations, ${all.filter((x) => x.speech).length} of them speech`);

if (folds > 1) {
  const fold = (id) => parseInt(createHash('sha1').update(`speech-cv:${id}`).digest('hex').slice(0, 8), 16) % folds;
  const total = { rules: emptyTotals(), model: emptyTotals() };
  for (let k = 0; k < folds; k++) {
    const w = train(all.filter((x) => fold(x.id) !== k));
    const test = articles.filter((a) => fold(a.id) === k);
    const held = all.filter((x) => fold(x.id) === k);
    const wrong = (f) => held.filter((x) => f(x) !== x.speech).length;
    console.log(`  lone quotations wrong: rules ${wrong((x) => x.rule)} model ${wrong((x) => x.features.reduce((s, v, i) => s + v * w[i], 0) >= 0)} of ${held.length}`);
    const rules = measure(test, core.ruleSpeech);
    const model = measure(test, modelSpeech(w));
    for (const [name, x] of [['rules', rules], ['model', model]]) for (const key of Object.keys(total[name])) total[name][key] += x[key];
    console.log(`fold ${k} (${test.length} articles): rules ${format(rules)} | model ${format(model)}`);
  }
  const summary = (t) => ({ quoteF1: (2 * t.tp) / (t.predicted + t.gold), p: t.tp / t.predicted, r: t.tp / t.gold, speaker: t.right / t.withSource, e2eF1: (2 * t.e2e) / (t.predicted + t.gold) });
  console.log(`cross-validated: rules ${format(summary(total.rules))}\n                 model ${format(summary(total.model))}`);
}

if (args.includes('--write') || args.includes('--check')) {
  const w = train(all);
  const written = writeOrCheckWeights(args, 'src/core/quotes/speechWeights.ts', 'SPEECH_WEIGHTS', [
    'The speech model\'s weights, by feature (see SPEECH_FEATURES in speechModel.ts). Generated by',
    `\`node scripts/model/speech.mjs --write\` from polnear-train's tuning part (${articles.length} articles): do not edit.`,
  ], w, FEATURES);
  console.log(`wrote ${written}: ${w.length} weights; on train-dev itself: rules ${format(measure(articles, core.ruleSpeech))} | model ${format(measure(articles, modelSpeech(w)))}`);
}
