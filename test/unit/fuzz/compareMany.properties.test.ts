// Property tests of the comparison of many documents (`compareMany`) over families of near copies
// and hostile texts. Case counts scale with FUZZ_SCALE (`npm run fuzz`); FUZZ_SEED replays a failure.
import * as assert from 'assert';
import fc from 'fast-check';
import { compareMany } from '../../../src/core/compareMany';
import { articleText, degenerateText, fuzzParameters, storyFamily } from './hostileText';
import { assertManyInvariants } from './manyInvariants';

const documents = (texts: readonly string[]) => texts.map((text, d) => ({ name: `${d}.txt`, text }));

describe('compareMany properties (fuzz)', function () {
  this.timeout(0);

  it('keeps every invariant on versions of one story, and agrees with each pair compared alone', () => {
    const parameters = fuzzParameters(200);
    let withClusters = 0;
    let withEdits = 0;
    fc.assert(fc.property(storyFamily, fc.constantFrom(undefined, 1, 3, 6), (texts, minWords) => {
      const comparison = compareMany(documents(texts), minWords === undefined ? {} : { minWords });
      assertManyInvariants(texts, comparison);
      if (comparison.passageClusters.some((cluster) => cluster.documents.length >= 3)) withClusters++;
      if (comparison.passageClusters.some((cluster) => !cluster.identical)) withEdits++;
    }), parameters);
    // The generator must exercise what the invariants check, or the test proves nothing.
    const cases = parameters.numRuns ?? 0;
    assert.ok(withClusters > cases / 5 && withEdits > cases / 20, `only ${withClusters} cases had three-way clusters, ${withEdits} edited ones`);
  });

  it('keeps every invariant on degenerate and hostile documents', () => {
    fc.assert(fc.property(fc.array(fc.oneof(degenerateText, articleText(80)), { minLength: 3, maxLength: 5 }), (texts) => {
      assertManyInvariants(texts, compareMany(documents(texts)));
    }), fuzzParameters(200));
  });
});
