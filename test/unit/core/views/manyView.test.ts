import * as assert from 'assert';
import { compareMany, compareManyDocuments } from '../../../../src/core/compareMany';
import { readHtml } from '../../../../src/core/formats/html/htmlReader';
import { manyViewContent } from '../../../../src/core/views/manyView';
import { exampleArticles } from '../../exampleArticles';

describe('manyViewContent on the three sample articles', () => {
  const sources = exampleArticles();
  const comparison = compareMany(sources);
  const view = manyViewContent(comparison, sources.map((source) => source.text));

  it('sums the comparison up and names the articles', () => {
    assert.strictEqual(view.title, '3 articles: harbour-wire.txt, harbour-herald.txt and harbour-radio.txt');
    assert.deepStrictEqual(view.summary.map((item) => item.key), ['articles', 'passages', 'statements', 'conflicts']);
    assert.match(view.summary[1].text, /^\d+ passages in two or more \(\d+ in all\)$/);
    assert.deepStrictEqual(view.summary[3], { key: 'conflicts', text: '2 attribution conflicts', alert: true });
    assert.deepStrictEqual(view.documents.map((d) => [d.name, d.readAs]), [['harbour-wire.txt', null], ['harbour-herald.txt', null], ['harbour-radio.txt', null]]);
  });

  it('adds an alert when a work budget cut the comparison short', () => {
    const cut = manyViewContent({ ...comparison, truncated: true, truncatedParts: ['passageClusters'] }, sources.map((source) => source.text));
    assert.deepStrictEqual(cut.summary[cut.summary.length - 1], { key: 'truncated', text: 'Cut short: some shared passages may be missing or shorter', alert: true });
  });

  it('lays the overview out as a table of shares, each cell saying what it means', () => {
    assert.strictEqual(view.overview.length, 3);
    const wire = view.overview[0];
    assert.deepStrictEqual(wire.cells.map((cell) => cell.text), ['–', '55%', '35%']);
    assert.strictEqual(wire.cells[1].title, '55% of harbour-wire.txt is in harbour-herald.txt');
    assert.deepStrictEqual(wire.cells.map((cell) => cell.level), [0, 3, 2]);
    assert.strictEqual(wire.onlyHere.title, '41% of harbour-wire.txt is in no other article');
    assert.strictEqual(view.overview[2].cells[0].share, comparison.overview.share[2][0]);
  });

  it('lists passages held by the most articles first, each copy with its changes as words', () => {
    assert.ok(view.passages.every((p, k) => k === 0 || view.passages[k - 1].documents.length >= p.documents.length));
    const strike = view.passages.find((p) => p.text.startsWith('The strike, called by'))!;
    assert.strictEqual(strike.heading, 'In all 3 articles');
    assert.strictEqual(strike.detail, '25 words · edited in harbour-herald.txt');
    assert.deepStrictEqual(strike.copies.map((copy) => copy.status), ['common', 'edited', 'same']);
    assert.deepStrictEqual(strike.copies[1].changes, [{ common: 'talks', here: 'negotiations' }, { common: 'broke down', here: 'collapsed' }, { common: 'due', here: 'expected' }]);
    const parents = view.passages.find((p) => p.text.startsWith('Parents were warned'))!;
    assert.strictEqual(parents.heading, 'In harbour-herald.txt and harbour-radio.txt');
    assert.strictEqual(parents.detail.endsWith('word for word'), true);
  });

  it('lists statements in two or more, conflicts first, with each version\'s speaker, words it rests on and changes', () => {
    assert.deepStrictEqual(view.statements.slice(0, 3).map((s) => s.badge), ['conflict', 'conflict', 'altered']);
    const table = view.statements.find((s) => s.text.startsWith('Both sides must be back'))!;
    assert.strictEqual(table.attribution, 'Jane Marlow in harbour-wire.txt and harbour-radio.txt; Owen Tregarth in harbour-herald.txt');
    assert.deepStrictEqual(table.versions.map((v) => [v.document, v.speaker, v.mention, v.conflicting]), [
      [0, 'Jane Marlow', 'Ms Marlow', false], [1, 'Owen Tregarth', 'the harbour master', true], [2, 'Jane Marlow', 'Ms Marlow', false],
    ]);
    assert.deepStrictEqual(table.versions.map((v) => v.evidence), ['named “Ms Marlow”, on the cue “said”', 'named “the harbour master”, on the cue “added”', 'named “Ms Marlow”, on the cue “said”']);
    assert.ok(view.statements.filter((s) => s.status !== 'conflict').every((s) => s.versions.every((v) => v.evidence === null)), 'evidence for conflicts only');
    const achebe = view.statements.find((s) => s.status === 'altered')!;
    assert.deepStrictEqual(achebe.versions.map((v) => [v.status, v.changes]), [
      ['common wording', []],
      ['altered', [{ common: 'people', here: 'families' }, { common: 'generations', here: 'decades' }]],
      ['altered', [{ common: 'people', here: 'workers' }]],
    ]);
    assert.ok(view.statements.every((s) => s.versions.length >= 2), 'no statement of one article');
  });

  it('says how a web page was read, and quotes its article text, not its markup', () => {
    const page = `<html><body><article>${sources[2].text.split(/\n\s*\n/).map((p) => `<p>${p.replace('workers', '<b>workers</b>')}</p>`).join('')}</article></body></html>`;
    const read = compareManyDocuments([sources[0], sources[1], { name: 'radio.html', text: page, article: readHtml(page) }]);
    const pageView = manyViewContent(read.inArticles, read.articles.map((article) => article.text));
    assert.match(pageView.documents[2].readAs ?? '', /^read as a web page/);
    const changes = pageView.statements.find((s) => s.status === 'altered')!.versions[2].changes;
    assert.deepStrictEqual(changes, [{ common: 'people', here: 'workers' }]);
    assert.ok(!JSON.stringify(pageView).includes('<b>'));
  });
});
