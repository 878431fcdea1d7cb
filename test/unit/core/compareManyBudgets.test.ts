// Issue 22's guarantee for three or more documents: the work of every step is bounded in
// proportion to the total text, the hostile shapes of `npm run bench -- --worst` meet the budgets
// and say so (`truncated`), and ordinary articles never do. Work is checked through what each step
// may keep (matches, walked words, pairs), never through time.
import * as assert from 'assert';
import { compareMany } from '../../../src/core/compareMany';
import { maxWordingPairs, pairManyQuotes } from '../../../src/core/quotes/matching/manyPairing';
import { analyzeQuotes } from '../../../src/core/quotes/attribution';
import { DEFAULT_MATCHER_SETTINGS, seedOptions } from '../../../src/core/passages/passages';
import { findExactMatchesOfMany } from '../../../src/core/passages/seedIndex';
import { tokenize, Vocabulary } from '../../../src/core/text/tokenize';
import { DEFAULT_COMPARE_OPTIONS } from '../../../src/core/model';
import type { WorstShape } from '../../../scripts/bench/worstShapes.mjs';
import { exampleArticles } from '../exampleArticles';

/** Five documents from a worst shape: its A and B in turn (A, B, A, B, A), each `chars` long. */
function fiveCopies(shapes: readonly WorstShape[], name: string, chars: number): string[] {
  const shape = shapes.find((candidate) => `${candidate.family}: ${candidate.name}` === name);
  assert.ok(shape, `no shape ${name}`);
  const { a, b } = shape.make(chars);
  return [a, b, a, b, a];
}

const documents = (texts: readonly string[]) => texts.map((text, d) => ({ name: `${d}.txt`, text }));

describe('compareMany: work bounded by the total text', function () {
  this.timeout(0); // a hang guard would only hide a slow run: what is checked is the work kept
  let shapes: WorstShape[] = [];

  before(async () => {
    shapes = (await import('../../../scripts/bench/worstShapes.mjs')).worstShapes();
  });

  it('five copies of a small-vocabulary shape at 200 KB: every pair within its seed budgets, and the model says it was cut short', () => {
    const texts = fiveCopies(shapes, 'vocabulary quoted: V=3 independent', 200_000);
    const vocabulary = new Vocabulary();
    const ids = texts.map((text) => tokenize(text, vocabulary).ids);
    const minWords = DEFAULT_COMPARE_OPTIONS.minWords;
    const optionsOf = (x: number, y: number) => seedOptions(minWords, ids[x].length + ids[y].length, DEFAULT_MATCHER_SETTINGS);
    const pairs = findExactMatchesOfMany(ids, optionsOf);
    assert.ok(pairs.some((pair) => pair.truncated), 'the shape must meet a seed budget');
    for (const { x, y, matches } of pairs) {
      const options = optionsOf(x, y);
      // Each budget may be overrun by the one step that crossed it, never more.
      assert.ok(matches.count <= options.maxMatches + 1, `pair ${x},${y}: ${matches.count} matches, budget ${options.maxMatches}`);
      const walked = matches.lengths.subarray(0, matches.count).reduce((sum, length) => sum + length, 0);
      assert.ok(walked <= options.maxWalk + Math.min(ids[x].length, ids[y].length), `pair ${x},${y}: ${walked} words walked, budget ${options.maxWalk}`);
    }
    const comparison = compareMany(documents(texts));
    assert.strictEqual(comparison.truncated, true);
    assert.ok(comparison.truncatedParts.includes('passageClusters'), comparison.truncatedParts.join());
    // What the model keeps grows with the text: each word in at most one copy per document, differences within their copies.
    const words = ids.reduce((sum, list) => sum + list.length, 0);
    const copies = comparison.passageClusters.reduce((sum, cluster) => sum + cluster.copies.length, 0);
    const differences = comparison.passageClusters.reduce((sum, cluster) => sum + cluster.copies.reduce((n, copy) => n + copy.differences.length, 0), 0);
    assert.ok(copies <= words && differences <= words, `${copies} copies and ${differences} differences for ${words} words`);
  });

  it('five copies of a shape made of short attributed quotes at 200 KB: quote pairs within their cap, the passages cut short', () => {
    const texts = fiveCopies(shapes, 'attributed quotes: 5 words V=10 independent', 200_000);
    const vocabulary = new Vocabulary();
    const articles = texts.map((text) => ({ tokens: tokenize(text, vocabulary), quotes: analyzeQuotes(text).quotes }));
    const pairing = pairManyQuotes(articles);
    assert.ok(pairing.pairs.length <= maxWordingPairs(pairing.wordings.length, texts.length), `${pairing.pairs.length} pairs of ${pairing.wordings.length} wordings`);
    const comparison = compareMany(documents(texts));
    assert.strictEqual(comparison.truncated, true);
    const versions = comparison.quoteClusters.reduce((sum, cluster) => sum + cluster.versions.length, 0);
    const links = comparison.quoteClusters.reduce((sum, cluster) => sum + cluster.links.length, 0);
    const quotes = articles.reduce((sum, article) => sum + article.quotes.length, 0);
    assert.strictEqual(versions, quotes, 'every quote in one cluster');
    assert.ok(links <= maxWordingPairs(pairing.wordings.length, texts.length), `${links} links`);
  });

  it('never cuts ordinary articles short: the samples, and twenty documents made of them', () => {
    const samples = exampleArticles();
    const three = compareMany(samples);
    assert.strictEqual(three.truncated, false);
    assert.deepStrictEqual(three.truncatedParts, []);
    // Twenty documents, the samples again and again (every pair shares whole articles): the budgets grow with the pairs.
    const twenty = compareMany(Array.from({ length: 20 }, (_, d) => ({ ...samples[d % 3], name: `${d}-${samples[d % 3].name}` })));
    assert.strictEqual(twenty.truncated, false, twenty.truncatedParts.join());
    assert.ok(twenty.passageClusters.some((cluster) => cluster.documents.length === 20));
  });
});
