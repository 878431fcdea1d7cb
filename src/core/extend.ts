/**
 * Grows a chain of exact matches past its ends, over edits that leave too few exact words for a
 * seed: a changed word two words from the end of a sentence, or a word dropped right after its
 * first word. The next few words on each side are aligned exactly (a longest-common-subsequence
 * table of at most `window`² cells, so the cost per chain is constant), and the chain grows to
 * the farthest aligned word that is convincing:
 * - at least twice as many words matched as skipped on either side, and at least two; or
 * - the extension stops at a sentence edge in both texts, with as many words matched as skipped,
 *   which chance rarely produces ("“Do I [think that] if…", "…of [several→many] hours.").
 */
import type { ExactMatch } from './seeds';
import type { Chain } from './chain';
import type { Tokens } from './tokenize';
import { isSentenceBoundary } from './sentences';

export function extendChain(chain: Chain, a: Tokens, b: Tokens, idsA: Int32Array, idsB: Int32Array, window: number): Chain {
  const table = new Int32Array((window + 1) * (window + 1));
  for (let blocks = extendOnce(chain, a, b, idsA, idsB, window, table, 1); blocks !== null; blocks = extendOnce(chain, a, b, idsA, idsB, window, table, 1)) {
    chain.push(...blocks);
  }
  for (let blocks = extendOnce(chain, a, b, idsA, idsB, window, table, -1); blocks !== null; blocks = extendOnce(chain, a, b, idsA, idsB, window, table, -1)) {
    chain.unshift(...blocks);
  }
  return chain;
}

/** The exact blocks of one convincing extension beyond the chain's end (1) or start (-1), or null. */
function extendOnce(
  chain: Chain, a: Tokens, b: Tokens, idsA: Int32Array, idsB: Int32Array, window: number, table: Int32Array, direction: 1 | -1,
): ExactMatch[] | null {
  const forward = direction === 1;
  const edge = forward ? chain[chain.length - 1] : chain[0];
  // Words are numbered away from the chain: word x of A' is idsA[fromI + x] going forward,
  // idsA[fromI - 1 - x] going backward.
  const fromI = forward ? edge.i + edge.length : edge.i;
  const fromJ = forward ? edge.j + edge.length : edge.j;
  const countA = Math.min(window, forward ? idsA.length - fromI : fromI);
  const countB = Math.min(window, forward ? idsB.length - fromJ : fromJ);
  if (countA === 0 || countB === 0) return null;
  const wordA = (x: number) => (forward ? idsA[fromI + x] : idsA[fromI - 1 - x]);
  const wordB = (y: number) => (forward ? idsB[fromJ + y] : idsB[fromJ - 1 - y]);
  const width = countB + 1;
  for (let x = 0; x <= countA; x++) {
    for (let y = 0; y <= countB; y++) {
      table[x * width + y] = x === 0 || y === 0 ? 0
        : wordA(x - 1) === wordB(y - 1) ? table[(x - 1) * width + y - 1] + 1
          : Math.max(table[(x - 1) * width + y], table[x * width + y - 1]);
    }
  }
  let bestX = 0;
  let bestY = 0;
  for (let x = 1; x <= countA; x++) {
    for (let y = 1; y <= countB; y++) {
      if (wordA(x - 1) !== wordB(y - 1) || x + y <= bestX + bestY) continue;
      const matched = table[x * width + y];
      const skipped = Math.max(x - matched, y - matched);
      const convincing = matched >= 2 && matched >= 2 * skipped;
      if (!convincing) {
        if (matched < skipped) continue;
        const atEdges = forward
          ? isSentenceBoundary(a, fromI + x) && isSentenceBoundary(b, fromJ + y)
          : isSentenceBoundary(a, fromI - x) && isSentenceBoundary(b, fromJ - y);
        if (!atEdges) continue;
      }
      bestX = x;
      bestY = y;
    }
  }
  if (bestX === 0) return null;

  // Walk the table back from the chosen end to recover the aligned pairs, then group them into blocks.
  const pairs: Array<[number, number]> = [];
  for (let x = bestX, y = bestY; x > 0 && y > 0;) {
    if (wordA(x - 1) === wordB(y - 1) && table[x * width + y] === table[(x - 1) * width + y - 1] + 1) {
      pairs.push(forward ? [fromI + x - 1, fromJ + y - 1] : [fromI - x, fromJ - y]);
      x--;
      y--;
    } else if (table[(x - 1) * width + y] >= table[x * width + y - 1]) x--;
    else y--;
  }
  pairs.sort((p, q) => p[0] - q[0]);
  const blocks: ExactMatch[] = [];
  for (const [i, j] of pairs) {
    const last = blocks[blocks.length - 1];
    if (last !== undefined && last.i + last.length === i && last.j + last.length === j) last.length++;
    else blocks.push({ i, j, length: 1 });
  }
  return blocks;
}
