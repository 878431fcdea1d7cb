import * as assert from 'assert';
import { Budget } from '../../../../src/core/budget';
import * as fc from 'fast-check';
import { ChainExtender, StepCache } from '../../../../src/core/passages/extend';
import type { Chain } from '../../../../src/core/passages/chain';
import { SentenceEdges } from '../../../../src/core/text/sentences';
import { tokenize, Vocabulary } from '../../../../src/core/text/tokenize';

const WINDOW = 8;

/** `count` distinct words `w0 w1 …` from `from` on. */
const words = (from: number, count: number): string[] => Array.from({ length: count }, (_, k) => `w${from + k}`);

function extender(a: string, b: string): { extender: ChainExtender; wordsA: number; wordsB: number } {
  const vocabulary = new Vocabulary();
  const tokensA = tokenize(a, vocabulary);
  const tokensB = tokenize(b, vocabulary);
  return { extender: new ChainExtender(tokensA.ids, tokensB.ids, WINDOW, new SentenceEdges(tokensA, tokensB)), wordsA: tokensA.count, wordsB: tokensB.count };
}

/** The words of A and B a chain covers, as `[i, j]` pairs. */
const pairs = (chain: Chain): Array<[number, number]> => chain.flatMap((block) => Array.from({ length: block.length }, (_, k): [number, number] => [block.i + k, block.j + k]));

describe('ChainExtender', () => {
  it('grows a chain over a changed word and takes the identical words after it in whole windows', () => {
    // A: w0 … w99; B: the same with w10 changed. A seed on w0–w3 reaches the end of both texts.
    const a = words(0, 100).join(' ');
    const b = [...words(0, 10), 'changed', ...words(11, 89)].join(' ');
    const { extender: grow } = extender(a, b);
    const chain = grow.extend([{ i: 0, j: 0, length: 4 }]);
    const covered = pairs(chain);
    assert.deepStrictEqual(covered, Array.from({ length: 100 }, (_, k): [number, number] => [k, k]).filter(([i]) => i !== 10));
    // The identical stretch after the edit comes as one block per whole run of windows, not one block per window.
    assert.ok(chain.length <= 4, `${chain.length} blocks: ${JSON.stringify(chain)}`);
    for (let k = 1; k < chain.length; k++) assert.ok(chain[k - 1].i + chain[k - 1].length <= chain[k].i, 'blocks in order, not overlapping');
  });

  it('grows a chain backward the same way', () => {
    const a = words(0, 100).join(' ');
    const b = [...words(0, 89), 'changed', ...words(90, 10)].join(' ');
    const { extender: grow } = extender(a, b);
    const chain = grow.extend([{ i: 96, j: 96, length: 4 }]);
    assert.deepStrictEqual(pairs(chain), Array.from({ length: 100 }, (_, k): [number, number] => [k, k]).filter(([i]) => i !== 89));
    assert.ok(chain.length <= 4, `${chain.length} blocks: ${JSON.stringify(chain)}`);
  });

  it('stops at the end of the shorter text', () => {
    const a = words(0, 60).join(' ');
    const b = [...words(0, 10), 'changed', ...words(11, 30)].join(' ');
    const { extender: grow, wordsB } = extender(a, b);
    const chain = grow.extend([{ i: 0, j: 0, length: 4 }]);
    const last = chain[chain.length - 1];
    assert.strictEqual(last.j + last.length, wordsB);
    assert.deepStrictEqual(pairs(chain), Array.from({ length: wordsB }, (_, k): [number, number] => [k, k]).filter(([i]) => i !== 10));
  });
});

describe('ChainExtender with a budget of steps', () => {
  it('stops growing chains when its steps are spent, and says so', () => {
    // Every fourth word changed: each step crosses one edit, so the whole text takes many steps.
    const a = words(0, 400).join(' ');
    const b = words(0, 400).map((word, k) => (k % 4 === 3 ? `x${k}` : word)).join(' ');
    const vocabulary = new Vocabulary();
    const tokensA = tokenize(a, vocabulary);
    const tokensB = tokenize(b, vocabulary);
    const edges = new SentenceEdges(tokensA, tokensB);
    const free = new ChainExtender(tokensA.ids, tokensB.ids, WINDOW, edges);
    const grown = free.extend([{ i: 0, j: 0, length: 3 }]);
    assert.strictEqual(free.truncated, false);
    const bounded = new ChainExtender(tokensA.ids, tokensB.ids, WINDOW, edges, new Budget(5));
    const short = bounded.extend([{ i: 0, j: 0, length: 3 }]);
    assert.strictEqual(bounded.truncated, true);
    const reach = (chain: Chain): number => chain[chain.length - 1].i + chain[chain.length - 1].length;
    assert.ok(reach(short) < reach(grown) && reach(short) > 3, `${reach(short)} words against ${reach(grown)}`);
  });
});

describe('StepCache', () => {
  it('answers as a map from each word of B to its last step does, steps that found nothing and steps replaced included', () => {
    // Operations: set (i, j) to a step (null for a third of them), or get (i, j); few words, so that steps replace each other.
    const operation = fc.record({ set: fc.boolean(), i: fc.nat(5), j: fc.nat(30) });
    fc.assert(fc.property(fc.array(operation, { maxLength: 3000 }), (operations) => {
      const cache = new StepCache(30);
      const plain = new Map<number, { fromI: number; blocks: Chain | null }>();
      operations.forEach(({ set, i, j }, k) => {
        if (set) {
          const blocks = k % 3 === 0 ? null : [{ i, j, length: k }];
          cache.set(i, j, blocks);
          plain.set(j, { fromI: i, blocks });
        } else {
          const last = plain.get(j);
          assert.strictEqual(cache.get(i, j), last !== undefined && last.fromI === i ? last.blocks : undefined);
        }
      });
      for (const [j, { fromI, blocks }] of plain) assert.strictEqual(cache.get(fromI, j), blocks);
    }), { numRuns: 200 });
  });
});
