import * as assert from 'assert';
import { compareMany } from '../../../../src/core/compareMany';
import { ManyIndex } from '../../../../src/core/views/manyLookup';
import { manyStops } from '../../../../src/core/views/manyNavigation';
import { exampleArticles } from '../../exampleArticles';

describe('manyStops (F7 through many articles) on the three sample articles', () => {
  const sources = exampleArticles();
  const comparison = compareMany(sources);
  const index = new ManyIndex(comparison);

  it('stops at each passage copy of the article, in its text order, naming its cluster', () => {
    for (let document = 0; document < sources.length; document++) {
      const stops = manyStops(index, document, 'passage');
      const copies = comparison.passageClusters.flatMap((cluster) => cluster.copies.filter((copy) => copy.document === document).map((copy) => ({ id: cluster.id, range: copy.range })));
      assert.strictEqual(stops.length, copies.length);
      assert.ok(stops.every((stop, k) => k === 0 || stops[k - 1].range[0] <= stop.range[0]), 'in text order');
      for (const stop of stops) assert.ok(copies.some((copy) => copy.id === stop.id && copy.range[0] === stop.range[0] && copy.range[1] === stop.range[1]));
    }
  });

  it('stops at the quotes another article alters, gives in part or to another speaker, and passes the identical ones', () => {
    const radio = manyStops(index, 2, 'statement');
    const text = sources[2].text;
    const quoted = radio.map((stop) => text.slice(...stop.range));
    assert.ok(quoted.some((words) => words.includes('jobs of workers')), 'the altered quote');
    assert.ok(quoted.some((words) => words.includes('The harbour is safe')), 'the conflict');
    for (const stop of radio) {
      assert.strictEqual(stop.kind, 'statement');
      const cluster = comparison.quoteClusters[stop.id];
      assert.ok(cluster.versions.some((version) => version.document === 2 && version.quote === stop.quote));
    }
    const identical = comparison.quoteClusters.find((cluster) => cluster.documents.length === 3 && cluster.versions.every((version) => version.relation === null || version.relation.kind === 'identical') && !cluster.conflict);
    assert.ok(identical, 'a quote all three print alike');
    assert.ok(!radio.some((stop) => stop.id === identical.id), 'an identical, agreed quote is no stop');
  });
});
