// The worst-case shapes of `npm run bench -- --worst` (scripts/bench/worstShapes.mjs) at small sizes:
// every invariant holds on each, including the shapes built to meet the work budgets.
import * as assert from 'assert';
import { compareTexts } from '../../../src/core/compare';
import { compareMany } from '../../../src/core/compareMany';
import type { WorstShape } from '../../../scripts/bench/worstShapes.mjs';
import { runs } from './hostileText';
import { assertComparisonInvariants } from './invariants';
import { assertManyInvariants } from './manyInvariants';

describe('worst-case shapes at small sizes (the generators of bench --worst)', function () {
  this.timeout(0);
  let shapes: WorstShape[] = [];

  before(async () => {
    shapes = (await import('../../../scripts/bench/worstShapes.mjs')).worstShapes();
  });

  it('keeps every invariant on every shape', () => {
    assert.ok(shapes.length > 100, `${shapes.length} shapes`);
    // FUZZ_SCALE adds larger sizes: 3 KB in the unit run.
    const sizes = Array.from({ length: Math.min(4, runs(1)) }, (_, k) => 3000 * 2 ** k);
    let truncated = 0;
    for (const shape of shapes) {
      for (const size of sizes) {
        const { a, b } = shape.make(size);
        const comparison = compareTexts({ name: 'a', text: a }, { name: 'b', text: b });
        try {
          assertComparisonInvariants(a, b, comparison);
        } catch (error) {
          throw new Error(`${shape.family}: ${shape.name} at ${size}: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (comparison.truncated) truncated++;
      }
    }
    // The shapes are built to reach the budgets: some must reach them even this small.
    assert.ok(truncated > 0, 'no shape met a budget');
  });

  it('keeps every invariant of many documents on every shape, three at a time (A, B, A)', () => {
    let truncated = 0;
    for (const shape of shapes) {
      const { a, b } = shape.make(3000);
      const texts = [a, b, a];
      const comparison = compareMany(texts.map((text, d) => ({ name: `${d}`, text })));
      try {
        assertManyInvariants(texts, comparison);
      } catch (error) {
        throw new Error(`${shape.family}: ${shape.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (comparison.truncated) truncated++;
    }
    assert.ok(truncated > 0, 'no shape met a budget');
  });
});
