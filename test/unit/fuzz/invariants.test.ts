// The property tests are only as good as their checks: each corruption of a correct comparison
// must be caught by assertComparisonInvariants.
import * as assert from 'assert';
import { compareTexts } from '../../../src/core/compare';
import type { Comparison } from '../../../src/core/model';
import { assertComparisonInvariants, splitsSurrogatePair } from './invariants';

const A = 'The harbour board said on Tuesday: “We will reopen the north pier before the storms arrive.” Repairs cost 😀 more.\r\nIt added nothing.';
const B = 'Officials said: “We will reopen the north pier well before the storms arrive.” Repairs cost 😀 more.\nNothing else was said.';

function fresh(): Comparison {
  return compareTexts({ name: 'a', text: A }, { name: 'b', text: B }, { minWords: 3 });
}

describe('fuzz invariants', () => {
  it('accept a correct comparison that has passages, differences and matched quotes', () => {
    const comparison = fresh();
    assert.ok(comparison.passages.some((passage) => !passage.identical), 'the fixture needs an edited passage');
    assert.ok(comparison.a.quotes.length > 0 && comparison.quoteMatches.length > 0, 'the fixture needs matched quotes');
    assertComparisonInvariants(A, B, comparison);
  });

  const corruptions: Array<[string, (c: Comparison) => void]> = [
    ['a range past the end', (c) => { c.passages[0].a = [0, A.length + 1]; }],
    ['a reversed range', (c) => { c.a.quotes[0].range = [c.a.quotes[0].range[1], c.a.quotes[0].range[0]]; }],
    ['a split surrogate pair', (c) => { c.passages[0].b[1] = B.indexOf('😀') + 1; }],
    ['a quote text that is not its slice', (c) => { c.a.quotes[0].text += ' '; }],
    ['a quote range that does not start after a quote mark', (c) => { const q = c.a.quotes[0]; q.range = [q.range[0] + 3, q.range[1]]; q.text = A.slice(q.range[0], q.range[1]); }],
    ['a difference that hides unequal words', (c) => { c.passages.find((p) => !p.identical)!.differences = []; }],
    ['a wrong word count', (c) => { c.passages[0].words.a++; }],
    ['a share above 1', (c) => { c.b.stats.share = 1.5; }],
    ['a dangling quote match', (c) => { c.quoteMatches[0].b = 99; }],
  ];
  for (const [name, corrupt] of corruptions) {
    it(`reject ${name}`, () => {
      const comparison = fresh();
      corrupt(comparison);
      assert.throws(() => assertComparisonInvariants(A, B, comparison), assert.AssertionError);
    });
  }

  it('tell a split surrogate pair from a whole one', () => {
    assert.strictEqual(splitsSurrogatePair('a😀b', 2), true);
    assert.strictEqual(splitsSurrogatePair('a😀b', 1), false);
    assert.strictEqual(splitsSurrogatePair('a😀b', 3), false);
    assert.strictEqual(splitsSurrogatePair('\ud800x', 1), false);
  });
});
