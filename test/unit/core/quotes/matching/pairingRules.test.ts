import * as assert from 'assert';
import fc from 'fast-check';
import type { Quote } from '../../../../../src/core/model';
import { matchQuotes } from '../../../../../src/core/quotes/matching/matchQuotes';
import { MAX_QUOTE_EDITS, runIndex } from '../../../../../src/core/quotes/matching/pairingRules';
import { QuotePairing } from '../../../../../src/core/quotes/matching/quotePairing';
import { tokenize, Vocabulary } from '../../../../../src/core/text/tokenize';
import { smallVocabularyText } from '../../../fuzz/hostileText';

/** The index of `inner` in `outer` the obvious way. */
function naiveIndex(outer: number[], inner: number[]): number {
  for (let i = 0; i + inner.length <= outer.length; i++) if (inner.every((word, k) => outer[i + k] === word)) return i;
  return -1;
}

/** Each paragraph of `text` (separated by blank lines) that is a quote `“…”`, as a Quote. */
function quotesIn(text: string): Quote[] {
  const quotes: Quote[] = [];
  for (const match of text.matchAll(/“([^”]*)”/g)) {
    const start = match.index + 1;
    quotes.push({ id: quotes.length, range: [start, start + match[1].length], text: match[1], statement: quotes.length, speaker: null });
  }
  return quotes;
}

describe('runIndex', () => {
  it('finds a run exactly where a plain search does, in linear time (Knuth-Morris-Pratt)', () => {
    const word = fc.integer({ min: 0, max: 3 });
    fc.assert(fc.property(fc.array(word, { maxLength: 40 }), fc.array(word, { maxLength: 6 }), (outer, inner) => {
      assert.strictEqual(runIndex(outer, inner), naiveIndex(outer, inner));
    }), { numRuns: 2000 });
    // The shape that makes a plain search quadratic: many near matches, none whole.
    const outer = new Array<number>(200000).fill(1);
    const inner = [...new Array<number>(5000).fill(1), 2];
    assert.strictEqual(runIndex(outer, inner), -1);
  });
});

describe('quote pairing: bounded work', () => {
  it('reports two long quotes that share most words but differ in hundreds as altered, too different to align word by word', () => {
    // 700 words each, every fifth word changed: over MAX_QUOTE_EDITS words dropped and inserted.
    const words = smallVocabularyText(5000, 700, 7).split(' ');
    const changed = words.map((word, k) => (k % 5 === 4 ? `other${k}` : word));
    const a = `“${words.join(' ')}”`;
    const b = `“${changed.join(' ')}”`;
    const [match, ...rest] = matchQuotes({ tokens: tokenize(a), quotes: quotesIn(a) }, { tokens: tokenize(b), quotes: quotesIn(b) });
    assert.deepStrictEqual(rest, []);
    assert.strictEqual(match.kind, 'altered');
    assert.strictEqual(match.unaligned, true);
    assert.deepStrictEqual(match.differences, []);
    assert.ok(2 * (700 / 5) > MAX_QUOTE_EDITS, 'the case must pass the bound');
  });

  it('still aligns an altered quote within the bound word by word', () => {
    const words = smallVocabularyText(5000, 200, 8).split(' ');
    const changed = words.map((word, k) => (k % 10 === 5 ? `other${k}` : word));
    const a = `“${words.join(' ')}”`;
    const b = `“${changed.join(' ')}”`;
    const [match] = matchQuotes({ tokens: tokenize(a), quotes: quotesIn(a) }, { tokens: tokenize(b), quotes: quotesIn(b) });
    assert.strictEqual(match.kind, 'altered');
    assert.strictEqual(match.unaligned, undefined);
    assert.strictEqual(match.differences.length, 20);
  });

  it('stops pairing when its work budget is spent, and says so', function () {
    this.timeout(20000); // a hang guard, not a speed assertion
    // 600 quotes a side over eight words: every quote shares runs with every other.
    const quote = (k: number, seed: number): string => `“${smallVocabularyText(8, 30, seed * 10000 + k)}”`;
    const textA = Array.from({ length: 600 }, (_, k) => quote(k, 1)).join('\n\n');
    const textB = Array.from({ length: 600 }, (_, k) => quote(k, 2)).join('\n\n');
    const vocabulary = new Vocabulary();
    const tokensA = tokenize(textA, vocabulary);
    const tokensB = tokenize(textB, vocabulary);
    const quotesB = quotesIn(textB);
    const pairing = new QuotePairing({ tokens: tokensA, quotes: quotesIn(textA) }, tokensB, quotesB.map((q) => q.range));
    const pairs = pairing.finish(quotesB);
    assert.strictEqual(pairing.truncated, true);
    assert.ok(pairs.length > 0, 'the pairs found within the budget are kept');
  });
});
