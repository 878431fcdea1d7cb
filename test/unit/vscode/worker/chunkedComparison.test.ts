import * as assert from 'assert';
import { chunkComparison, joinComparison } from '../../../../src/vscode/worker/chunkedComparison';
import { fixtureComparison } from '../../comparisonFixture';

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
});
