import * as assert from 'assert';
import { compareMany } from '../../../../src/core/compareMany';
import { chunkComparison, chunkManyComparison, joinComparison, joinManyComparison } from '../../../../src/vscode/worker/chunkedComparison';
import { fixtureComparison } from '../../comparisonFixture';
import { exampleArticles } from '../../exampleArticles';

describe('chunkedComparison', () => {
  it('round-trips a comparison through small chunks, yielding between them', async () => {
    const comparison = fixtureComparison();
    const chunked = chunkComparison(comparison, 60);
    assert.ok(chunked.chunks.length >= 6, `${chunked.chunks.length} chunks`);
    assert.ok(chunked.chunks.every(({ json }) => json.startsWith('[') && json.endsWith(']')));
    let pauses = 0;
    const rebuilt = await joinComparison(chunked, async () => { pauses++; });
    assert.deepStrictEqual(rebuilt, comparison);
    assert.strictEqual(pauses, chunked.chunks.length);
  });

  it('keeps every list in order and the shell without lists', async () => {
    const comparison = fixtureComparison();
    const chunked = chunkComparison(comparison, 1);
    assert.strictEqual(chunked.chunks.filter((chunk) => chunk.list === 'aQuotes').length, comparison.a.quotes.length, 'one item per chunk when items exceed the size');
    const shell = JSON.parse(chunked.shell);
    assert.deepStrictEqual([shell.passages, shell.a.quotes, shell.quoteMatches], [[], [], []]);
    assert.strictEqual(shell.a.name, 'a.txt');
    assert.deepStrictEqual(await joinComparison(chunked, async () => undefined), comparison);
  });

  it('round-trips a comparison of many articles, each document\'s quotes in their own lists', async () => {
    const comparison = compareMany(exampleArticles());
    const chunked = chunkManyComparison(comparison, 2000);
    const lists = new Set(chunked.chunks.map((chunk) => chunk.list));
    for (const list of ['passageClusters', 'quoteClusters', 'speakers', 'quotes.0', 'quotes.1', 'quotes.2', 'nonSpeech.0']) assert.ok(lists.has(list), list);
    const shell = JSON.parse(chunked.shell);
    assert.deepStrictEqual([shell.passageClusters, shell.documents[2].quotes], [[], []]);
    assert.deepStrictEqual(shell.overview, comparison.overview);
    let pauses = 0;
    assert.deepStrictEqual(await joinManyComparison(chunked, async () => { pauses++; }), comparison);
    assert.ok(pauses > 10);
  });
});
