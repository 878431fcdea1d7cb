// Property tests of the whole core (`compareTexts`) over random, adversarial and near-copy texts.
// Case counts scale with FUZZ_SCALE (`npm run fuzz`); a failure prints its seed, FUZZ_SEED replays it.
import * as assert from 'assert';
import fc from 'fast-check';
import { compareTexts } from '../../../src/core/compare';
import { articleText, degenerateText, emojiNearCopies, fuzzParameters, hugeWord, nearCopies, proseText, unbalancedQuotes } from './hostileText';
import { assertComparisonInvariants } from './invariants';

function compareAndCheck(a: string, b: string, minWords?: number): void {
  const comparison = compareTexts({ name: 'a.txt', text: a }, { name: 'b.txt', text: b }, minWords === undefined ? {} : { minWords });
  assertComparisonInvariants(a, b, comparison);
}

describe('compareTexts properties (fuzz)', function () {
  this.timeout(0);

  it('keeps every invariant on random article-like texts', () => {
    fc.assert(fc.property(articleText(), articleText(), (a, b) => compareAndCheck(a, b)), fuzzParameters(2500));
  });

  it('keeps every invariant on a text and a near copy of it, and finds the shared passages', () => {
    const parameters = fuzzParameters(4000);
    let withPassages = 0;
    let withDifferences = 0;
    fc.assert(fc.property(nearCopies, fc.constantFrom(undefined, 1, 2, 3, 6, 10), ([a, b], minWords) => {
      const comparison = compareTexts({ name: 'a', text: a }, { name: 'b', text: b }, minWords === undefined ? {} : { minWords });
      assertComparisonInvariants(a, b, comparison);
      if (comparison.passages.length > 0) withPassages++;
      if (comparison.passages.some((passage) => !passage.identical)) withDifferences++;
    }), parameters);
    // The generator must exercise what the invariants check, or the test proves nothing.
    const cases = parameters.numRuns ?? 0;
    assert.ok(withPassages > cases / 10 && withDifferences > cases / 50, `only ${withPassages} cases had passages, ${withDifferences} edited ones`);
  });

  it('keeps every range on code points and on the real, shared edges of its words in emoji- and punctuation-dense near copies', () => {
    const parameters = fuzzParameters(2000);
    let withPassages = 0;
    fc.assert(fc.property(emojiNearCopies, fc.constantFrom(2, 3, 6), ([a, b], minWords) => {
      const comparison = compareTexts({ name: 'a', text: a }, { name: 'b', text: b }, { minWords });
      assertComparisonInvariants(a, b, comparison);
      if (comparison.passages.length > 0) withPassages++;
    }), parameters);
    assert.ok(withPassages > (parameters.numRuns ?? 0) / 2, `only ${withPassages} cases had passages`);
  });

  it('keeps every invariant on prose with quotes, compared with itself in another line-break convention', () => {
    fc.assert(fc.property(proseText(16), fc.constantFrom('\r\n', '\r', '\n'), (a, lineBreak) => {
      const b = a.replace(/\r\n|\r|\n/gu, lineBreak);
      const comparison = compareTexts({ name: 'a', text: a }, { name: 'b', text: b }, { minWords: 1 });
      assertComparisonInvariants(a, b, comparison);
      // The same words with other line breaks: every word is shared (line breaks are not words).
      assert.strictEqual(comparison.a.stats.sharedWords, comparison.a.stats.words);
    }), fuzzParameters(1500));
  });

  it('keeps every invariant on degenerate texts (quote marks only, empty lines, control characters, raw UTF-16)', () => {
    fc.assert(fc.property(degenerateText, fc.oneof(degenerateText, articleText(60)), (a, b) => {
      compareAndCheck(a, b);
      compareAndCheck(b, a);
    }), fuzzParameters(1000));
  });

  it('keeps every invariant on thousands of unbalanced quote marks', () => {
    fc.assert(fc.property(unbalancedQuotes, articleText(60), (a, b) => compareAndCheck(a, b)), fuzzParameters(40));
  });

  it('keeps every invariant on 10,000-character words, and shares them', () => {
    fc.assert(fc.property(hugeWord, (a) => {
      const comparison = compareTexts({ name: 'a', text: a }, { name: 'b', text: a }, { minWords: 1 });
      assertComparisonInvariants(a, a, comparison);
      assert.strictEqual(comparison.a.stats.sharedWords, comparison.a.stats.words);
    }), fuzzParameters(60));
  });

  it('keeps every invariant on any UTF-16 string', () => {
    const raw = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 200 });
    fc.assert(fc.property(raw, raw, (a, b) => compareAndCheck(a, b)), fuzzParameters(1000));
  });
});
