// Article pairs with known shared passages, built from polnear-train's texts in the manner of
// reuse-dev's heavy set (its README and its `params`): passages of 1–4 sentences or a paragraph
// (15–150 words) copied into an unrelated article at paragraph gaps or inside a paragraph, each with
// some of quote-mark swaps, reflowing and heavy edits (about one per 20 words: words dropped or
// inserted, titles and numbers changed, and from three sentences up, half lose an inner sentence),
// shuffled or not; edited reprints (the same edits per paragraph); unrelated pairs. The texts are
// articles reuse-dev never uses, so the pairs are a held-out check that no tuning has seen. Read at
// run time only: nothing built here is written into the repository.
import { createHash } from 'node:crypto';
import { createRandom } from '../bench/generate.mjs';

const ADVERBS = ['also', 'even', 'clearly', 'recently', 'again', 'really', 'still', 'just', 'reportedly', 'indeed', 'now', 'already'];
const OBFUSCATIONS = [[[], 30], [['quotes'], 17], [['reflow'], 17], [['edit'], 17], [['quotes', 'reflow'], 4], [['quotes', 'edit'], 4], [['reflow', 'edit'], 4], [['quotes', 'reflow', 'edit'], 3]];

/** The bench's seeded generator (mulberry32), with a weighted pick. */
function random(seed) {
  const rng = createRandom(seed);
  return {
    ...rng,
    weighted: (rows) => {
      let r = rng.next() * rows.reduce((sum, [, w]) => sum + w, 0);
      for (const [value, w] of rows) if ((r -= w) < 0) return value;
      return rows[rows.length - 1][0];
    },
  };
}

export const paragraphsOf = (text) => text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 0);
/**
 * The sentences of a paragraph, split the naive way reuse-dev's construction splits them: after a
 * full stop, question or exclamation mark and a space before a capital, "Mr. Trump" included. So a
 * "sentence" left out may end or start at a title, as in reuse-dev ("drop-sentence:Mr.").
 */
function sentencesOf(paragraph) {
  return paragraph.split(/(?<=[.!?]["”’)]*)\s+(?=["“‘(]?[A-Z])/).map((s) => s.trim()).filter((s) => s.length > 0);
}
const wordCount = (text) => text.split(/\s+/).filter(Boolean).length;

/** About one edit per 20 words on `text` (sentences as a list, so a dropped sentence is whole). */
function heavyEdit(sentences, rng, ops, dropSentence) {
  let list = [...sentences];
  if (dropSentence && list.length >= 3 && rng.chance(0.5)) {
    const k = rng.int(1, list.length - 2);
    ops.push(`drop-sentence:${list[k].split(/\s+/).slice(0, 5).join(' ')}`);
    list = [...list.slice(0, k), ...list.slice(k + 1)];
  }
  const words = list.join(' ').split(' ');
  const edits = Math.max(1, Math.round(words.length / 20));
  for (let e = 0; e < edits; e++) {
    const at = rng.int(1, Math.max(1, words.length - 2));
    const kind = rng.weighted([['drop', 4], ['insert', 4], ['number', 1], ['mr', 1]]);
    if (kind === 'drop' && !/[.!?]["”’]?$/.test(words[at])) {
      const n = rng.chance(0.3) ? 2 : 1;
      if (words.slice(at, at + n).some((w) => /[.!?]["”’]?$/.test(w))) continue;
      ops.push(`drop:${words.slice(at, at + n).join(' ')}`);
      words.splice(at, n);
    } else if (kind === 'insert') {
      const inserted = rng.chance(0.15) ? [rng.pick(ADVERBS), rng.pick(ADVERBS)] : [rng.pick(ADVERBS)];
      ops.push(`insert:${inserted.join(' ')}`);
      words.splice(at, 0, ...inserted);
    } else if (kind === 'number') {
      const n = words.findIndex((w, i) => i >= at && /\d/.test(w));
      if (n >= 0) {
        words[n] = words[n].replace(/\d+/, (d) => String(Number(d) + rng.int(1, 9)));
        ops.push('number');
      }
    } else {
      const n = words.findIndex((w, i) => i >= at && /^(Mr|Mrs|Ms|Dr)\.?$/.test(w));
      if (n >= 0) {
        words[n] = words[n].endsWith('.') ? words[n].slice(0, -1) : `${words[n]}.`;
        ops.push('mr');
      }
    }
  }
  return words.join(' ');
}

function swapQuotes(text, rng) {
  const curly = /[“”‘’]/.test(text);
  if (curly) return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
  let count = 0;
  return text.replace(/"/g, () => (count++ % 2 === 0 ? '“' : '”')).replace(/'/g, () => (rng.chance(0.9) ? '’' : '‘'));
}

function reflow(text, rng) {
  const words = text.split(' ');
  return words.map((w, i) => (i === 0 ? w : (rng.chance(0.06) ? '\n' : rng.chance(0.05) ? '  ' : ' ') + w)).join('');
}

/** One edited copy of `sentences` (a unit of the source) with its obfuscations applied. */
function obfuscate(sentences, tags, rng, ops) {
  let text = tags.includes('edit') ? heavyEdit(sentences, rng, ops, true) : sentences.join(' ');
  if (tags.includes('quotes')) text = swapQuotes(text, rng);
  if (tags.includes('reflow')) text = reflow(text, rng);
  return text;
}

const sixGrams = (text) => {
  const words = text.toLowerCase().split(/\W+/).filter(Boolean);
  const grams = new Set();
  for (let k = 0; k + 6 <= words.length; k++) grams.add(words.slice(k, k + 6).join(' '));
  return grams;
};

function repeatsItself(text) {
  const words = text.toLowerCase().split(/\W+/).filter(Boolean);
  const seen = new Set();
  for (let k = 0; k + 6 <= words.length; k++) {
    const gram = words.slice(k, k + 6).join(' ');
    if (seen.has(gram)) return true;
    seen.add(gram);
  }
  return false;
}

/** `count` pairs from `articles`, deterministic in `seed`. */
export function makePairs(articles, count, seed) {
  const rng = random(seed);
  const pairs = [];
  const grams = new Map();
  const gramsOf = (article) => grams.get(article.id) ?? grams.set(article.id, sixGrams(article.text)).get(article.id);
  const unrelated = (x) => {
    for (;;) {
      const y = rng.pick(articles);
      if (y === x) continue;
      const gx = gramsOf(x);
      let shared = 0;
      for (const g of gramsOf(y)) if (gx.has(g)) shared++;
      if (shared === 0) return y;
    }
  };
  for (let n = 0; pairs.length < count; n++) {
    const kind = rng.weighted([['insert', 70], ['reprint', 15], ['negative', 15]]);
    const source = rng.pick(articles);
    // A source that repeats itself (a headline quoted in the body, a live update keeping its earlier
    // version) has passages whose reuse the gold could not place: the construction skips it.
    if (kind !== 'negative' && repeatsItself(source.text)) continue;
    const id = `gen-${seed}-${String(n).padStart(3, '0')}`;
    if (kind === 'negative') {
      pairs.push({ id, kind, a: { text: source.text }, b: { text: unrelated(source).text }, passages: [] });
      continue;
    }
    if (kind === 'reprint') {
      const ops = [];
      const quotes = rng.chance(0.4);
      const paragraphs = paragraphsOf(source.text);
      // Edits fall on some paragraphs, and at most one of them loses a sentence (as in reuse-dev's reprints).
      let dropped = false;
      const edited = paragraphs.map((p) => {
        if (wordCount(p) < 15 || !rng.chance(0.35)) return p;
        const before = ops.length;
        const text = heavyEdit(sentencesOf(p), rng, ops, !dropped);
        dropped ||= ops.slice(before).some((op) => op.startsWith('drop-sentence'));
        return text;
      });
      let b = edited.join('\n\n');
      if (quotes) b = swapQuotes(b, rng);
      const a = paragraphs.join('\n\n');
      pairs.push({ id, kind, a: { text: a }, b: { text: b }, passages: [{ a: [0, a.length], b: [0, b.length], obfuscation: quotes ? ['quotes', 'edit'] : ['edit'], ops }] });
      continue;
    }
    // Units of the source: a paragraph, or 1–4 consecutive sentences of one, 15–150 words.
    const paragraphs = paragraphsOf(source.text);
    const units = [];
    for (let tries = 0; units.length < rng.int(1, 5) && tries < 40; tries++) {
      const p = rng.int(0, paragraphs.length - 1);
      if (units.some((u) => u.p === p)) continue;
      const sentences = sentencesOf(paragraphs[p]);
      let chosen = sentences;
      if (!rng.chance(0.4) || wordCount(paragraphs[p]) > 150) {
        const first = rng.int(0, sentences.length - 1);
        chosen = sentences.slice(first, first + rng.int(1, 4));
      }
      const words = wordCount(chosen.join(' '));
      if (words < 15 || words > 150) continue;
      units.push({ p, sentences: chosen });
    }
    if (units.length === 0) continue;
    units.sort((x, y) => x.p - y.p);
    const a = paragraphs.join('\n\n');
    const host = paragraphsOf(unrelated(source).text);
    const tags = rng.weighted(OBFUSCATIONS);
    const shuffled = units.length > 1 && rng.chance(0.35);
    const order = units.map((_, k) => k);
    if (shuffled) for (let k = order.length - 1; k > 0; k--) { const r = rng.int(0, k); [order[k], order[r]] = [order[r], order[k]]; }
    const slots = order.map(() => rng.int(0, host.length)).sort((x, y) => x - y);
    let b = '';
    const passages = [];
    let u = 0;
    for (let h = 0; h <= host.length; h++) {
      while (u < order.length && slots[u] === h) {
        const unit = units[order[u++]];
        const ops = [];
        const text = obfuscate(unit.sentences, tags, rng, ops);
        const original = unit.sentences.join(' ');
        const startA = a.indexOf(original);
        if (startA < 0) continue;
        if (b) b += '\n\n';
        passages.push({ a: [startA, startA + original.length], b: [b.length, b.length + text.length], obfuscation: shuffled ? [...tags, 'order'] : tags, ops });
        b += text;
      }
      if (h < host.length) b += (b ? '\n\n' : '') + host[h];
    }
    if (passages.length > 0) pairs.push({ id, kind, a: { text: a }, b: { text: b }, passages });
  }
  return pairs;
}

/** Splits articles by sha1 of their id into two halves, so tuning and held-out pairs share no text. */
export function articleHalf(articles, half) {
  const key = (a) => createHash('sha1').update(`i30-gen:${a.id}`).digest('hex');
  return articles.filter((a) => (parseInt(key(a).slice(0, 8), 16) % 2 === 0) === (half === 0));
}
