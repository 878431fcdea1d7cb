import * as assert from 'assert';
import { compareMany } from '../../../../src/core/compareMany';
import { ManyIndex } from '../../../../src/core/views/manyLookup';
import { manyQuoteStatus, planManyPassageMarks, planManyQuoteMarks } from '../../../../src/core/views/manyQuoteMarks';
import { ManySpeakerTreeContent } from '../../../../src/core/views/manySpeakerTreeContent';
import { quoteDifferenceBlocks } from '../../../../src/core/views/manyWording';
import { exampleArticles } from '../../exampleArticles';

describe('the editor surfaces of a comparison of the three sample articles', () => {
  const sources = exampleArticles();
  const texts = sources.map((source) => source.text);
  const index = new ManyIndex(compareMany(sources));
  const tree = new ManySpeakerTreeContent(index);
  const quoteAt = (document: number, words: string) => index.quoteAt(document, texts[document].indexOf(words))!;
  const words = (document: number, [start, end]: [number, number]) => texts[document].slice(start, end);

  it('marks each quote once: a conflict, else its strongest standing in any other article', () => {
    const marks = planManyQuoteMarks(index, 1, { onlyHere: false });
    const kindOf = (words: string) => marks.filter((mark) => texts[1].slice(mark.range[0], mark.range[1]).includes(words)).map((mark) => mark.kind);
    assert.deepStrictEqual(kindOf('kept this port alive'), ['altered']);
    assert.deepStrictEqual(kindOf('Both sides must be back'), ['conflict']);
    assert.deepStrictEqual(kindOf('This plan is a slow closure'), ['contained']);
    assert.deepStrictEqual(kindOf('This town was built'), ['identical']);
    assert.deepStrictEqual(kindOf('I don\'t blame the dockers'), [], 'a quote only the herald has is not marked');
    assert.ok(planManyQuoteMarks(index, 1, { onlyHere: true }).some((mark) => mark.kind === 'onlyHere'));
    assert.strictEqual(manyQuoteStatus(index, 2, quoteAt(2, 'The harbour is safe')).conflict, true);
  });

  it('marks the shared text of each article: its copies by kind, the words its copy changed, and the common copy\'s words others changed', () => {
    const comparison = index.comparison;
    const marks = (d: number) => planManyPassageMarks(comparison, d).map((mark) => [mark.kind, texts[d].slice(mark.range[0], mark.range[1])]);
    assert.ok(marks(1).some(([kind, words]) => kind === 'changedWords' && words === 'negotiations'));
    assert.ok(marks(0).some(([kind, words]) => kind === 'changedWords' && words === 'talks'), 'the wire\'s word the herald changed');
    assert.ok(marks(2).some(([kind, words]) => kind === 'identicalPassage' && words.startsWith('About 1,200 people')));
    assert.ok(marks(2).some(([kind, words]) => kind === 'changedWords' && words === 'workers'), 'the radio\'s altered quote');
    assert.ok(!marks(2).some(([kind, words]) => kind !== 'changedWords' && words.includes('Priya Nandakumar')));
  });

  it('gives the word differences of a quote against the others, its own words first', () => {
    const wire = index.quotePlace(0, quoteAt(0, 'kept this port alive'))!;
    assert.deepStrictEqual(quoteDifferenceBlocks(wire.cluster, wire.version, words), [
      { document: 1, rows: [['people', 'families'], ['generations', 'decades']] },
      { document: 2, rows: [['people', 'workers']] },
    ]);
    const radio = index.quotePlace(2, quoteAt(2, 'jobs of workers'))!;
    assert.deepStrictEqual(quoteDifferenceBlocks(radio.cluster, radio.version, words), [{ document: 0, rows: [['workers', 'people']] }]);
  });

  it('shows no empty table for a version that was not aligned word by word', () => {
    const radio = index.quotePlace(2, quoteAt(2, 'jobs of workers'))!;
    const unaligned = { ...radio.cluster, versions: radio.cluster.versions.map((v) => (v.relation?.kind === 'altered' ? { ...v, relation: { ...v.relation, differences: [], unaligned: true as const } } : v)) };
    assert.deepStrictEqual(quoteDifferenceBlocks(unaligned, radio.version, words), []);
    const wire = unaligned.versions.findIndex((v) => v.document === 0);
    assert.deepStrictEqual(quoteDifferenceBlocks(unaligned, wire, words), []);
  });

  it('lists each speaker\'s statements across the articles, with each article\'s version', () => {
    const marlow = tree.roots.find((node) => node.label === 'Jane Marlow')!;
    assert.match(marlow.description, /^1 conflict · in 3 articles$/);
    const conflict = marlow.statements.find((statement) => statement.status === 'conflict')!;
    assert.strictEqual(conflict.label, 'conflict');
    assert.match(conflict.description, /^Both sides must be back at the table/);
    assert.deepStrictEqual(conflict.versions.map((version) => [version.label, version.description.includes('given to Owen Tregarth')]), [
      ['harbour-wire.txt', false], ['harbour-herald.txt', true], ['harbour-radio.txt', false],
    ]);
    // The same statement is under the speaker the herald gives it to, the other versions marked as given to Jane Marlow.
    const tregarth = tree.roots.find((node) => node.label === 'Owen Tregarth')!;
    const same = tregarth.statements.find((statement) => statement.cluster === conflict.cluster)!;
    assert.deepStrictEqual(same.versions.map((version) => version.description.includes('given to Jane Marlow')), [true, false, true]);
    const achebe = tree.roots.find((node) => node.label === 'Ruth Achebe')!;
    const altered = achebe.statements.find((statement) => statement.status === 'altered')!;
    assert.deepStrictEqual(altered.versions.map((version) => version.tooltip), ['altered in harbour-herald.txt, harbour-radio.txt', 'altered in harbour-wire.txt, harbour-radio.txt', 'altered in harbour-wire.txt, harbour-herald.txt']);
    assert.strictEqual(tree.roots.find((node) => node.label === 'Priya Nandakumar')!.statements[0].label, 'only in harbour-radio.txt');
  });

  it('knows every node\'s parent, with ids that are names and ordinals', () => {
    for (const version of tree.allVersions()) {
      const statement = tree.parent(version)!;
      assert.strictEqual(statement.kind, 'manyStatement');
      assert.ok(tree.children(statement).includes(version));
      assert.ok(tree.children(tree.parent(statement)).includes(statement));
      assert.match(version.id, /^(speaker:[^/]+|unattributed)\/s\d+\/v\d+$/);
    }
    const ids = [...tree.roots, ...tree.roots.flatMap((r) => r.statements), ...tree.allVersions()].map((node) => node.id);
    assert.strictEqual(new Set(ids).size, ids.length);
  });
});
