// Real news for the benches: the PolNeAR texts in ../shared/data (read at run time, never copied
// into the repository), and article pairs of any size made of them the way the reuse pairs are made
// (scripts/eval/reusePairs.mjs): paragraphs of one article copied into another.
import { Buffer } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom, generateArticles, interleave } from './generate.mjs';
import { paragraphsOf } from '../eval/reusePairs.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const POLNEAR_FILES = ['polnear-train/gold-train.json', 'polnear-dev/gold-dev.json'];

/** Whether `dataDir` holds the PolNeAR texts. */
export function hasRealNews(dataDir) {
  return POLNEAR_FILES.some((file) => existsSync(join(dataDir, file)));
}

/** The PolNeAR texts (train and dev) when present, generated ones otherwise. */
export function loadTexts(dataDir) {
  const files = POLNEAR_FILES.map((file) => join(dataDir, file)).filter(existsSync);
  if (files.length) {
    const texts = files.flatMap((file) => JSON.parse(readFileSync(file, 'utf8')).articles.map((article) => article.text));
    return { texts, origin: `PolNeAR (${texts.length} texts from ${files.map((file) => relative(ROOT, file)).join(', ')})` };
  }
  return { texts: generateArticles(924, 4900), origin: 'generated news (924 texts; ../shared/data not found)' };
}

/**
 * Two texts of about `bytes` UTF-8 bytes each: A is the articles of one half of `texts` (in a
 * seeded order) one after another, B those of the other half with `share` of A's paragraphs
 * copied in at paragraph gaps, in A's order (as generatePair's news pairs). The halves share no
 * article, so what B shares with A is what was copied; past half the corpus (about 2 MB of
 * PolNeAR) a side starts over from its first article, as a large archive repeats its stories.
 * `sharedB`: the share of B's characters copied from A.
 */
export function realNewsPair(texts, bytes, { seed = 29, share = 0.3 } = {}) {
  const random = createRandom(seed);
  const order = texts.map((_, k) => k);
  for (let k = order.length - 1; k > 0; k--) {
    const r = random.int(0, k);
    [order[k], order[r]] = [order[r], order[k]];
  }
  const half = order.length >> 1;
  const halves = [order.slice(0, half), order.slice(half)].map((indices) => indices.flatMap((k) => paragraphsOf(texts[k])));
  // Paragraphs of a half, cycled, until they make `size` bytes (with the blank lines between them).
  const fill = (paragraphs, size) => {
    const out = [];
    for (let total = 0, k = 0; total < size; k++) {
      const paragraph = paragraphs[k % paragraphs.length];
      out.push(paragraph);
      total += Buffer.byteLength(paragraph) + 2;
    }
    return out;
  };
  const paragraphsA = fill(halves[0], bytes);
  const reused = paragraphsA.filter(() => random.chance(share));
  const reusedBytes = reused.reduce((sum, paragraph) => sum + Buffer.byteLength(paragraph) + 2, 0);
  const b = interleave(fill(halves[1], Math.max(0, bytes - reusedBytes)), reused).join('\n\n') + '\n';
  const reusedChars = reused.reduce((sum, paragraph) => sum + paragraph.length, 0);
  return { a: paragraphsA.join('\n\n') + '\n', b, sharedB: reusedChars / b.length };
}
