import * as assert from 'assert';
import { shorten, SpeakerTreeContent, UNATTRIBUTED_LABEL } from '../../../../src/core/views/speakerTreeContent';
import { fixtureComparison, TEXT_B } from '../../comparisonFixture';

describe('speakerTreeContent.SpeakerTreeContent', () => {
  const comparison = fixtureComparison();
  const speakerTree = new SpeakerTreeContent(comparison);
  const tree = speakerTree.roots;

  it('lists speakers quoted in both articles first, then the others, then unattributed quotes', () => {
    assert.deepStrictEqual(tree.map((node) => [node.label, node.inBoth]), [
      ['Ann Lee', true], ['Jo Park', false], ['A resident', false], [UNATTRIBUTED_LABEL, false],
    ]);
  });

  it('describes aliases, counts per article, altered quotes and conflicts', () => {
    const ann = tree[0];
    assert.match(ann.description, /the mayor/);
    assert.match(ann.description, /1 in a\.txt · 1 in b\.txt · 1 altered/);
    assert.strictEqual(ann.altered, 1);
    assert.match(ann.tooltip, /Mayor/);
    const resident = tree.find((node) => node.label === 'A resident');
    assert.strictEqual(resident?.conflicts, 1, 'the conflicting pair counts for the speaker A gives it to');
  });

  it('groups quotes by article with their match and the partner range', () => {
    const ann = tree[0];
    assert.deepStrictEqual(ann.articles.map((article) => [article.side, article.label, article.description]), [['a', 'a.txt', '1 quote'], ['b', 'b.txt', '1 quote']]);
    const quoteB = speakerTree.children(ann.articles[1])[0];
    assert.ok(quoteB.kind === 'quote');
    assert.strictEqual(quoteB.text, 'We will rebuild the pier by summer,');
    assert.strictEqual(quoteB.match?.kind, 'altered');
    assert.strictEqual(quoteB.match?.otherQuoteId, 0);
    const jo = tree.find((node) => node.label === 'Jo Park');
    assert.ok(jo);
    const [joQuote] = speakerTree.children(jo.articles[0]);
    assert.ok(joQuote.kind === 'quote');
    assert.strictEqual(joQuote.match?.conflict, true);
    assert.strictEqual(TEXT_B.slice(...joQuote.range), 'nobody asked us');
  });

  it('gives every node a unique id that does not contain offsets, and a parent for every child', () => {
    const ids: string[] = [];
    for (const speaker of speakerTree.children()) {
      ids.push(speaker.id);
      assert.strictEqual(speakerTree.parent(speaker), undefined);
      for (const article of speakerTree.children(speaker)) {
        ids.push(article.id);
        assert.strictEqual(speakerTree.parent(article), speaker);
        for (const quote of speakerTree.children(article)) {
          ids.push(quote.id);
          assert.strictEqual(speakerTree.parent(quote), article);
          assert.strictEqual(speakerTree.children(quote).length, 0);
        }
      }
    }
    assert.strictEqual(speakerTree.allQuotes().length, comparison.a.quotes.length + comparison.b.quotes.length);
    assert.strictEqual(new Set(ids).size, ids.length);
  });

  it('keeps ids when the texts shift (offsets change, names do not)', () => {
    const shifted = fixtureComparison();
    for (const quote of shifted.a.quotes) quote.range = [quote.range[0] + 100, quote.range[1] + 100];
    assert.deepStrictEqual(new SpeakerTreeContent(shifted).allQuotes().map((node) => node.id), speakerTree.allQuotes().map((node) => node.id));
  });

  it('makes ids unique when two speakers share a name', () => {
    const twins = fixtureComparison();
    twins.speakers[1].name = 'Ann Lee';
    const ids = new SpeakerTreeContent(twins).roots.map((node) => node.id);
    assert.strictEqual(new Set(ids).size, ids.length);
  });

  it('shortens long quotes at a word boundary', () => {
    const long = 'word '.repeat(40).trim();
    const short = shorten(long);
    assert.ok(short.length <= 80 && short.endsWith('word…'), short);
    assert.strictEqual(shorten('line one\r\n  line two'), 'line one line two');
  });
});
