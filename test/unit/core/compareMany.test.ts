import * as assert from 'assert';
import { compareTexts } from '../../../src/core/compare';
import { compareMany, compareManyDocuments, compareSources } from '../../../src/core/compareMany';
import { readHtml } from '../../../src/core/formats/html/htmlReader';
import { readMarkdown } from '../../../src/core/formats/markdown/markdownReader';
import { MANY_MODEL_VERSION, type ManyComparison, type PassageCluster, type QuoteCluster } from '../../../src/core/model';
import { exampleArticles } from '../exampleArticles';

const [WIRE, HERALD, RADIO] = [0, 1, 2];

describe('compareMany on the three sample articles', () => {
  const sources = exampleArticles();
  const texts = sources.map((source) => source.text);
  let comparison: ManyComparison;
  before(() => (comparison = compareMany(sources)));

  const slice = (document: number, range: [number, number]) => texts[document].slice(range[0], range[1]);
  const clusterWith = (document: number, words: string): PassageCluster => {
    const found = comparison.passageClusters.find((cluster) => cluster.copies.some((copy) => copy.document === document && slice(document, copy.range).includes(words)));
    assert.ok(found, `no cluster holds "${words}" in document ${document}`);
    return found;
  };
  const statementWith = (words: string): QuoteCluster => {
    const found = comparison.quoteClusters.find((cluster) => cluster.versions.some((v) => comparison.documents[v.document].quotes[v.quote].text.includes(words)));
    assert.ok(found, `no quote cluster holds "${words}"`);
    return found;
  };
  const differenceWords = (cluster: PassageCluster, copy: number) => {
    const base = cluster.copies[cluster.common].document;
    return cluster.copies[copy].differences.map((d) => [slice(base, d.base), slice(cluster.copies[copy].document, d.here)]);
  };

  it('has its own shape and version, each document with its file name', () => {
    assert.strictEqual(comparison.shape, 'many');
    assert.strictEqual(comparison.version, MANY_MODEL_VERSION);
    assert.deepStrictEqual(comparison.documents.map((d) => d.name), ['harbour-wire.txt', 'harbour-herald.txt', 'harbour-radio.txt']);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(comparison)), comparison);
  });

  it('gives, for each ordered pair, the share of one found in the other: what comparing the two alone gives', () => {
    for (let i = 0; i < 3; i++) {
      for (let j = i + 1; j < 3; j++) {
        const pair = compareTexts(sources[i], sources[j]);
        assert.strictEqual(comparison.overview.share[i][j], pair.a.stats.share);
        assert.strictEqual(comparison.overview.share[j][i], pair.b.stats.share);
      }
    }
    // The radio piece is mostly wire copy: most of it is in the wire, much less of the wire is in it.
    assert.ok(comparison.overview.share[RADIO][WIRE] > 0.6 && comparison.overview.share[WIRE][RADIO] < 0.4);
    comparison.documents.forEach((document, d) => {
      assert.ok(comparison.overview.onlyHere[d] > 0.2 && comparison.overview.onlyHere[d] < 0.5, `only here in ${document.name}`);
      assert.ok(Math.abs(comparison.overview.onlyHere[d] - (1 - document.stats.share)) < 1e-12);
    });
  });

  it('clusters a paragraph that all three print word for word', () => {
    const cluster = clusterWith(WIRE, 'About 1,200 people are employed at the port');
    assert.deepStrictEqual(cluster.documents, [WIRE, HERALD, RADIO]);
    assert.ok(cluster.identical);
    for (const copy of cluster.copies) {
      assert.strictEqual(slice(copy.document, copy.range), 'About 1,200 people are employed at the port, which handles roughly a fifth of all freight entering the region. Fishing boats and the island ferry were not affected by the walkout.');
    }
  });

  it('takes the wording two of three share as the common one, and gives the third its word differences', () => {
    const cluster = clusterWith(WIRE, 'The strike, called by the Westhaven Dockers’ Union');
    assert.deepStrictEqual(cluster.documents, [WIRE, HERALD, RADIO]);
    assert.strictEqual(cluster.copies[cluster.common].document, WIRE);
    const herald = cluster.copies.findIndex((copy) => copy.document === HERALD);
    const radio = cluster.copies.find((copy) => copy.document === RADIO)!;
    assert.ok(radio.identical && radio.wording === 0);
    assert.deepStrictEqual(differenceWords(cluster, herald), [['talks', 'negotiations'], ['broke down', 'collapsed'], ['due', 'expected']]);
  });

  it('keeps each cluster\'s documents exact: what only two hold is its own cluster', () => {
    assert.deepStrictEqual(clusterWith(HERALD, 'Parents were warned that school meals').documents, [HERALD, RADIO]);
    assert.deepStrictEqual(clusterWith(WIRE, 'so-called “recovery plan”').documents, [WIRE, HERALD]);
    // The report's first sentence is in all three (the radio changes a word); its second only in two.
    const first = clusterWith(WIRE, 'Last year the council’s report');
    assert.deepStrictEqual(first.documents, [WIRE, HERALD, RADIO]);
    assert.deepStrictEqual(differenceWords(first, first.copies.findIndex((copy) => copy.document === RADIO)), [['business', 'trade']]);
    assert.deepStrictEqual(clusterWith(WIRE, 'Losing a single day of trade').documents, [WIRE, HERALD]);
    assert.ok(!clusterWith(WIRE, 'Losing a single day of trade').copies.some((copy) => slice(copy.document, copy.range).includes('Last year')));
  });

  it('finds the statement all three alter, each version against the common wording', () => {
    const cluster = statementWith('We don’t want this fight');
    assert.deepStrictEqual(cluster.documents, [WIRE, HERALD, RADIO]);
    assert.deepStrictEqual(cluster.versions.map((v) => v.wording), [0, 1, 2]);
    assert.ok(cluster.links.every((link) => link.kind === 'altered') && cluster.links.length === 3);
    const changes = (k: number) => cluster.versions[k].relation!.differences.map((d) => [slice(WIRE, d.base), slice(cluster.versions[k].document, d.here)]);
    assert.strictEqual(cluster.versions[1].relation?.kind, 'altered');
    assert.deepStrictEqual(changes(1), [['people', 'families'], ['generations', 'decades']]);
    assert.deepStrictEqual(changes(2), [['people', 'workers']]);
    assert.ok(!cluster.conflict);
    assert.deepStrictEqual(cluster.attributions.map((a) => [a.name, a.versions]), [['Ruth Achebe', [0, 1, 2]]]);
  });

  it('finds the partial quote two print and the full one the third holds', () => {
    const cluster = statementWith('a slow closure dressed up as progress');
    assert.deepStrictEqual(cluster.versions.map((v) => [v.document, v.wording]), [[WIRE, 0], [HERALD, 1], [RADIO, 0]]);
    assert.deepStrictEqual(cluster.versions[1].relation, { against: 0, kind: 'contained', container: 'this', differences: [] });
  });

  it('lists attribution conflicts with the speaker each outlet gives and the words it rests on', () => {
    const table = statementWith('Both sides must be back at the table');
    assert.ok(table.conflict);
    assert.deepStrictEqual(table.attributions.map((a) => [a.name, a.versions.map((v) => table.versions[v].document)]), [['Jane Marlow', [WIRE, RADIO]], ['Owen Tregarth', [HERALD]]]);
    const evidence = table.versions.map((v) => {
      const mention = comparison.documents[v.document].quotes[v.quote].speaker!;
      return slice(v.document, mention.range);
    });
    assert.deepStrictEqual(evidence, ['Ms Marlow', 'the harbour master', 'Ms Marlow']);
    const safe = statementWith('The harbour is safe');
    assert.ok(safe.conflict);
    assert.deepStrictEqual(safe.attributions.map((a) => a.versions.length), [2, 1]);
  });

  it('merges the speakers of all three into one list, those quoted in all first', () => {
    const achebe = comparison.speakers.find((s) => s.name === 'Ruth Achebe')!;
    assert.ok(achebe.quotes.every((ids) => ids.length > 0));
    assert.strictEqual(comparison.speakers.filter((s) => /Achebe/.test(s.name)).length, 1);
    const inAll = comparison.speakers.findIndex((s) => s.quotes.some((ids) => ids.length === 0));
    assert.ok(comparison.speakers.slice(inAll).every((s) => s.quotes.some((ids) => ids.length === 0)), 'speakers quoted in all three come first');
    const priya = comparison.speakers.find((s) => s.name === 'Priya Nandakumar')!;
    assert.deepStrictEqual(priya.quotes.map((ids) => ids.length), [0, 0, 1]);
  });

  it('puts every quote of every article in exactly one quote cluster', () => {
    const count = comparison.quoteClusters.reduce((sum, cluster) => sum + cluster.versions.length, 0);
    assert.strictEqual(count, comparison.documents.reduce((sum, d) => sum + d.quotes.length, 0));
  });
});

describe('compareSources', () => {
  it('keeps the two-document model exactly: the same object as compareTexts', () => {
    const [wire, herald] = exampleArticles();
    const both = compareSources([wire, herald]);
    assert.strictEqual(JSON.stringify(both), JSON.stringify(compareTexts(wire, herald)));
  });

  it('compares three or more in the many shape, with empty and quote-less documents among them', () => {
    const [wire, herald] = exampleArticles();
    const result = compareSources([wire, { name: 'empty.txt', text: '' }, { name: 'plain.txt', text: 'No quotes here at all.' }, herald]);
    assert.ok('shape' in result && result.shape === 'many');
    assert.deepStrictEqual(result.overview.share[1], [0, 1, 0, 0]);
    assert.strictEqual(result.overview.onlyHere[1], 0);
    assert.ok(result.passageClusters.every((cluster) => cluster.documents.every((d) => d === 0 || d === 3)));
  });
});

describe('compareManyDocuments of web pages and Markdown', () => {
  const [wire, herald, radio] = exampleArticles();
  // The radio piece as a saved web page, the herald as a Markdown note: markup around every paragraph.
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const page = `<!DOCTYPE html><html><head><title>Radio</title><script>var x = "Both sides";</script></head><body><nav><a href="/">Home</a></nav><article>${
    radio.text.split(/\n\s*\n/).map((p) => `<p>${escape(p).replace('jobs of workers', 'jobs of <em>workers</em>')}</p>`).join('\n')}</article></body></html>`;
  const note = herald.text.split('\n').map((line) => `${line}\n`).join('\n').replace('Westhaven Herald', '*Westhaven Herald*');
  const sources = [wire, { name: 'harbour-herald.md', text: note, article: readMarkdown(note) }, { name: 'harbour-radio.html', text: page, article: readHtml(page) }];
  const read = compareManyDocuments(sources);

  it('compares the article texts and finds what the plain texts give', () => {
    const plain = compareMany(exampleArticles());
    assert.deepStrictEqual(read.inArticles.passageClusters.map((c) => c.documents), plain.passageClusters.map((c) => c.documents));
    assert.deepStrictEqual(read.model.quoteClusters.map((c) => c.conflict), plain.quoteClusters.map((c) => c.conflict));
    assert.deepStrictEqual(read.model.documents.map((d) => d.format), ['text', 'markdown', 'html']);
  });

  it('maps every range of the model into its own source, the words inside the tags', () => {
    const { model } = read;
    const texts = sources.map((source) => source.text);
    for (const document of model.documents) {
      for (const quote of document.quotes) {
        const inSource = texts[document.id].slice(quote.range[0], quote.range[1]).replace(/<[^>]*>/g, '').replace(/\*/g, '');
        assert.strictEqual(inSource.replace(/\s+/g, ' '), quote.text.replace(/\s+/g, ' '), `quote ${document.id}/${quote.id}`);
      }
    }
    const altered = model.quoteClusters.find((c) => c.documents.length === 3 && c.versions.some((v) => v.relation?.kind === 'altered'))!;
    const radioVersion = altered.versions.find((v) => v.document === 2)!;
    const [change] = radioVersion.relation!.differences;
    assert.strictEqual(texts[2].slice(change.here[0], change.here[1]), 'workers', 'the changed word inside its tags, in the page');
    assert.strictEqual(texts[0].slice(change.base[0], change.base[1]), 'people');
    for (const cluster of model.passageClusters) {
      for (const copy of cluster.copies) assert.ok(!/^<|>$/.test(texts[copy.document].slice(copy.range[0], copy.range[1])), 'a copy does not start or end on a tag');
    }
  });
});
