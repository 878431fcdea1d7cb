import * as assert from 'assert';
import { analyzeQuotes } from '../../../../../src/core/quotes/attribution';
import { pairManyQuotes, type ArticleQuotes } from '../../../../../src/core/quotes/matching/manyPairing';
import { clusterQuotes } from '../../../../../src/core/quotes/matching/quoteClusters';
import { matchQuotes } from '../../../../../src/core/quotes/matching/matchQuotes';
import { tokenize, Vocabulary } from '../../../../../src/core/text/tokenize';

function articles(texts: string[]): ArticleQuotes[] {
  const vocabulary = new Vocabulary();
  return texts.map((text) => ({ tokens: tokenize(text, vocabulary), quotes: analyzeQuotes(text).quotes }));
}

const STATEMENT = 'We will rebuild the pier before the summer season begins';

describe('pairManyQuotes', () => {
  it('groups a quote printed word for word by many articles into one wording, with nothing to compare', () => {
    const texts = Array.from({ length: 12 }, (_, k) => `Report ${k}. “${STATEMENT},” the mayor said.`);
    const pairing = pairManyQuotes(articles(texts));
    assert.strictEqual(pairing.wordings.length, 1);
    assert.deepStrictEqual(pairing.wordings[0].documents, texts.map((_, k) => k));
    assert.deepStrictEqual(pairing.pairs, []);
    const [cluster] = clusterQuotes(articles(texts), pairing);
    assert.strictEqual(cluster.versions.length, 12);
    assert.ok(cluster.versions.every((v) => v.wording === 0 && v.relation === null));
  });

  it('compares each pair of distinct wordings once and finds what matchQuotes finds between two articles', () => {
    const texts = [
      `“${STATEMENT},” the mayor said. “Nobody asked us,” a resident said.`,
      `“${STATEMENT.replace('summer', 'autumn')},” said the mayor. Critics said it was “a stunt”.`,
      `The mayor promised to rebuild the pier. “${STATEMENT},” she said. “Nobody asked us at all,” one resident said.`,
    ];
    const input = articles(texts);
    const pairing = pairManyQuotes(input);
    const seen = new Set(pairing.pairs.map((p) => `${p.a},${p.b}`));
    assert.strictEqual(seen.size, pairing.pairs.length, 'no pair twice');
    assert.ok(pairing.pairs.every((p) => p.a < p.b));
    // Every pair that two articles' quotes make shows up between their wordings, with the same kind.
    const kinds: string[] = [];
    for (const [x, y] of [[0, 1], [0, 2], [1, 2]]) {
      for (const match of matchQuotes(input[x], input[y])) {
        kinds.push(match.kind);
        const wordingOf = (d: number, q: number) => pairing.wordings.findIndex((w) => w.members.some((m) => m.document === d && m.quote === q));
        const [a, b] = [wordingOf(x, match.a), wordingOf(y, match.b)];
        if (a === b) {
          assert.strictEqual(match.kind, 'identical');
          continue;
        }
        const pair = pairing.pairs.find((p) => p.a === Math.min(a, b) && p.b === Math.max(a, b));
        assert.ok(pair, `${x}/${match.a} and ${y}/${match.b} (${match.kind}) are not paired`);
        assert.strictEqual(pair.kind, match.kind);
      }
    }
    assert.deepStrictEqual(kinds.sort(), ['altered', 'altered', 'contained', 'identical']);
  });

  it('never pairs two quotes that only one article holds', () => {
    const texts = [`“${STATEMENT},” the mayor said. Later: “${STATEMENT} again,” she said.`, 'Nothing quoted here.', 'Nor here.'];
    const pairing = pairManyQuotes(articles(texts));
    assert.strictEqual(pairing.wordings.length, 2);
    assert.deepStrictEqual(pairing.pairs, []);
  });
});
