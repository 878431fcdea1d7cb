import * as assert from 'assert';
import { compareMany } from '../../../../src/core/compareMany';
import { ManyIndex } from '../../../../src/core/views/manyLookup';
import { conflictSentences, copySummary, listNames, manyConflictEvidenceLines, standingSummary } from '../../../../src/core/views/manyWording';
import { exampleArticles } from '../../exampleArticles';

const NAMES = ['Wire', 'Herald', 'Radio'];

describe('ManyIndex and its wording on the three sample articles', () => {
  const sources = exampleArticles();
  const comparison = compareMany(sources);
  const index = new ManyIndex(comparison);
  const quoteOf = (document: number, words: string): number => {
    const offset = sources[document].text.indexOf(words);
    assert.ok(offset >= 0, `"${words}" not in ${sources[document].name}`);
    const id = index.quoteAt(document, offset);
    assert.ok(id !== undefined, `no quote at "${words}"`);
    return id;
  };

  it('says how a quote stands in each other article', () => {
    const radio = quoteOf(2, 'jobs of workers');
    assert.deepStrictEqual(index.standings(2, radio).map((s) => [s.document, s.kind, s.conflict]), [[0, 'altered', false], [1, 'altered', false]]);
    assert.strictEqual(standingSummary(index.standings(2, radio), NAMES), 'altered in Wire, Herald');
    const partial = quoteOf(0, 'a slow closure');
    assert.strictEqual(standingSummary(index.standings(0, partial), NAMES), 'also in Radio; part of a longer quote in Herald');
    const full = quoteOf(1, 'This plan is a slow closure');
    assert.strictEqual(standingSummary(index.standings(1, full), NAMES), 'partly quoted in Wire, Radio');
    assert.strictEqual(standingSummary(index.standings(2, quoteOf(2, 'People think the strike')), NAMES), 'only here');
  });

  it('names the articles that give a quote to someone else', () => {
    const herald = quoteOf(1, 'Both sides must be back');
    const standings = index.standings(1, herald);
    assert.ok(standings.every((s) => s.kind === 'identical' && s.conflict));
    const place = index.quotePlace(1, herald)!;
    assert.deepStrictEqual(conflictSentences(comparison, standings, place.cluster), ['harbour-wire.txt and harbour-radio.txt give these words to Jane Marlow.']);
    const lineOf = (d: number, offset: number) => sources[d].text.slice(0, offset).split('\n').length;
    assert.deepStrictEqual(manyConflictEvidenceLines(comparison, place.cluster, (d, range) => sources[d].text.slice(range[0], range[1]), lineOf), [
      'harbour-wire.txt, line 21: Jane Marlow, named “Ms Marlow”, on the cue “said”',
      'harbour-herald.txt, line 12: Owen Tregarth, named “the harbour master”, on the cue “added”',
      'harbour-radio.txt, line 19: Jane Marlow, named “Ms Marlow”, on the cue “said”',
    ]);
    const wire = quoteOf(0, 'Both sides must be back');
    assert.deepStrictEqual(index.standings(0, wire).map((s) => [s.document, s.conflict]), [[1, true], [2, false]]);
  });

  it('finds the passage copies at a place, and says where else a copy stands', () => {
    const at = sources[2].text.indexOf('losing trade');
    const [place] = index.copiesAt(2, at);
    assert.ok(place, 'the radio\'s report sentence is a copy');
    assert.deepStrictEqual(place.cluster.documents, [0, 1, 2]);
    assert.strictEqual(copySummary(place.cluster, place.cluster.copies.indexOf(place.copy), NAMES), 'edited in Wire, Herald');
    const wireCopy = place.cluster.copies.findIndex((copy) => copy.document === 0);
    assert.strictEqual(copySummary(place.cluster, wireCopy, NAMES), 'also in Herald; edited in Radio');
    assert.deepStrictEqual(index.copiesAt(2, sources[2].text.indexOf('Priya Nandakumar')), []);
    const copies = index.copiesOf(0);
    assert.ok(copies.every((c, k) => k === 0 || copies[k - 1].copy.range[0] <= c.copy.range[0]));
  });

  it('joins names for a sentence', () => {
    assert.strictEqual(listNames([]), '');
    assert.strictEqual(listNames(['A']), 'A');
    assert.strictEqual(listNames(['A', 'B', 'C']), 'A, B and C');
  });
});
