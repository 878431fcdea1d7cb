import * as assert from 'assert';
import { shorten, SpeakerTreeContent, UNATTRIBUTED_LABEL, uniqueIds } from '../../../../src/core/views/speakerTreeContent';
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

  it('describes flags first, then counts per article; aliases, cleaned, and titles go to the tooltip', () => {
    const ann = tree[0];
    assert.strictEqual(ann.description, '1 altered · 1 in a.txt · 1 in b.txt');
    assert.strictEqual(ann.altered, 1);
    assert.match(ann.tooltip, /Mayor/);
    assert.doesNotMatch(ann.tooltip, /Also: the mayor/, 'an alias that is a title is the title');
    const resident = tree.find((node) => node.label === 'A resident');
    assert.strictEqual(resident?.description, '1 conflict · 1 in a.txt');
    assert.strictEqual(resident?.conflicts, 1);
  });

  it('groups a speaker\'s quotes by statement, status first, each article\'s version under it', () => {
    const ann = tree[0];
    assert.deepStrictEqual(ann.statements.map((statement) => [statement.label, statement.description, statement.status, statement.expanded]),
      [['Altered', '“we will rebuild the pier by spring”', 'altered', true]]);
    const versions = speakerTree.children(ann.statements[0]);
    assert.deepStrictEqual(versions.map((node) => node.kind === 'quote' && [node.side, node.label, node.description]), [
      ['a', 'a.txt', 'we will rebuild the pier by spring'],
      ['b', 'b.txt', 'We will rebuild the pier by summer,'],
    ]);
    const quoteB = versions[1];
    assert.ok(quoteB.kind === 'quote');
    assert.strictEqual(quoteB.text, 'We will rebuild the pier by summer,');
    assert.strictEqual(quoteB.match?.kind, 'altered');
    assert.strictEqual(quoteB.match?.otherQuoteId, 0);
  });

  it('shows a conflicting statement under both speakers, saying who the other version is given to', () => {
    const jo = tree.find((node) => node.label === 'Jo Park');
    const resident = tree.find((node) => node.label === 'A resident');
    assert.ok(jo && resident);
    assert.deepStrictEqual(jo.statements.map((statement) => statement.label), ['Conflict']);
    const [fromA, fromB] = speakerTree.children(jo.statements[0]);
    assert.ok(fromA.kind === 'quote' && fromB.kind === 'quote');
    assert.strictEqual(fromA.description, 'nobody asked us — given to A resident');
    assert.strictEqual(fromB.description, 'nobody asked us');
    assert.strictEqual(fromB.match?.conflict, true);
    assert.strictEqual(TEXT_B.slice(...fromB.range), 'nobody asked us');
    assert.strictEqual(speakerTree.children(resident.statements[0])[1].description, 'nobody asked us — given to Jo Park');
  });

  it('names the article a lone quote is only in', () => {
    const nobody = tree.find((node) => node.label === UNATTRIBUTED_LABEL);
    assert.deepStrictEqual(nobody?.statements.map((statement) => [statement.label, statement.status, statement.expanded]), [['Only in a.txt', 'onlyHere', false]]);
  });

  it('gives every node a unique id that does not contain offsets, and a parent for every child', () => {
    const ids: string[] = [];
    for (const speaker of speakerTree.children()) {
      ids.push(speaker.id);
      assert.strictEqual(speakerTree.parent(speaker), undefined);
      for (const statement of speakerTree.children(speaker)) {
        ids.push(statement.id);
        assert.strictEqual(speakerTree.parent(statement), speaker);
        for (const quote of speakerTree.children(statement)) {
          ids.push(quote.id);
          assert.strictEqual(speakerTree.parent(quote), statement);
          assert.strictEqual(speakerTree.children(quote).length, 0);
        }
      }
    }
    // The conflicting pair stands under both of its speakers; every other quote once.
    assert.strictEqual(speakerTree.allQuotes().length, comparison.a.quotes.length + comparison.b.quotes.length + 2);
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

describe('speakerTreeContent.uniqueIds', () => {
  it('gives a base taken before the next free suffix, also when a suffixed id was taken as a base', () => {
    const uniqueId = uniqueIds();
    assert.deepStrictEqual(['a', 'a', 'a#2', 'a', 'b', 'a#3', 'a'].map(uniqueId), ['a', 'a#2', 'a#2#2', 'a#3', 'b', 'a#3#2', 'a#4']);
  });

  it('numbers thousands of one name in order (each from where the last stopped, not from #2 again)', () => {
    const uniqueId = uniqueIds();
    const ids = Array.from({ length: 20000 }, () => uniqueId('speaker:she'));
    assert.strictEqual(new Set(ids).size, 20000);
    assert.strictEqual(ids[19999], 'speaker:she#20000');
  });
});
