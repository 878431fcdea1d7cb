import * as assert from 'assert';
import { bestMatch, clampRange, findAtOffset, otherSide, partnerQuote, passagesAt, quoteAt, speakerOfQuote } from '../../../../src/core/views/lookup';
import { indexMatches } from '../../../../src/core/views/matchStrength';
import { find, fixtureComparison, TEXT_A, TEXT_B } from '../../comparisonFixture';

describe('lookup', () => {
  const comparison = fixtureComparison();

  it('finds the quote under an offset, half-open at the end', () => {
    const [start, end] = find(TEXT_A, 'nobody asked us');
    assert.strictEqual(quoteAt(comparison, 'a', start)?.id, 1);
    assert.strictEqual(quoteAt(comparison, 'a', end - 1)?.id, 1);
    assert.strictEqual(quoteAt(comparison, 'a', end), undefined);
    assert.strictEqual(quoteAt(comparison, 'a', start - 1), undefined);
    assert.strictEqual(quoteAt(comparison, 'a', 0), undefined);
    assert.strictEqual(quoteAt(comparison, 'b', find(TEXT_B, 'summer')[0])?.id, 0);
  });

  it('binary search agrees with a linear scan at every offset', () => {
    const quotes = comparison.a.quotes;
    for (let offset = 0; offset <= TEXT_A.length; offset++) {
      const linear = quotes.find((quote) => quote.range[0] <= offset && offset < quote.range[1]);
      assert.strictEqual(findAtOffset(quotes, (quote) => quote.range, offset), linear, `offset ${offset}`);
    }
  });

  it('finds passages on either side', () => {
    assert.deepStrictEqual(passagesAt(comparison, 'b', find(TEXT_B, 'ferry')[0]).map((p) => p.id), [0]);
    assert.deepStrictEqual(passagesAt(comparison, 'a', 0), []);
  });

  it('ranks matches identical before contained before altered, and finds the partner quote', () => {
    const withContained = { ...comparison, quoteMatches: [...comparison.quoteMatches, { a: 0, b: 1, kind: 'contained' as const, container: 'a' as const, conflict: false, differences: [] }] };
    assert.strictEqual(bestMatch(withContained, 'a', 0)?.kind, 'contained');
    assert.deepStrictEqual(indexMatches(withContained, 'a').get(0)?.map((match) => match.kind), ['contained', 'altered']);
    const match = bestMatch(comparison, 'b', 1);
    assert.ok(match);
    assert.strictEqual(partnerQuote(comparison, 'b', match)?.text, 'nobody asked us');
    assert.strictEqual(bestMatch(comparison, 'a', 2), undefined);
  });

  it('resolves speakers and sides', () => {
    assert.strictEqual(speakerOfQuote(comparison, comparison.b.quotes[1])?.name, 'Jo Park');
    assert.strictEqual(speakerOfQuote(comparison, comparison.a.quotes[2]), undefined);
    assert.strictEqual(otherSide('a'), 'b');
    assert.strictEqual(otherSide('b'), 'a');
  });

  it('clamps ranges into the text', () => {
    assert.deepStrictEqual(clampRange([-5, 3], 10), [0, 3]);
    assert.deepStrictEqual(clampRange([8, 99], 10), [8, 10]);
    assert.deepStrictEqual(clampRange([7, 2], 10), [7, 7]);
    assert.deepStrictEqual(clampRange([2.7, 4.2], 10), [2, 4]);
  });
});
