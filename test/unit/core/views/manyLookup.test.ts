import * as assert from 'assert';
import fc from 'fast-check';
import { compareMany } from '../../../../src/core/compareMany';
import type { ManyComparison } from '../../../../src/core/model';
import { ManyIndex, type Standing } from '../../../../src/core/views/manyLookup';
import { articleText, degenerateText, fuzzParameters, storyFamily } from '../../fuzz/hostileText';
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

/** The plain definition of `standings`: every other version walked, the strongest kind per document, the first of it leading. */
function standingsByWalk(comparison: ManyComparison, document: number, quoteId: number): Standing[] {
  const cluster = comparison.quoteClusters.find((c) => c.versions.some((v) => v.document === document && v.quote === quoteId));
  if (!cluster) return [];
  const strength = { identical: 0, contained: 1, altered: 2, related: 3 };
  const speakerOf = (k: number) => comparison.documents[cluster.versions[k].document].quotes[cluster.versions[k].quote]?.speaker?.speaker ?? null;
  const k0 = cluster.versions.findIndex((v) => v.document === document && v.quote === quoteId);
  const mine = cluster.versions[k0];
  const best = new Map<number, Standing>();
  cluster.versions.forEach((other, k) => {
    if (other.document === document) return;
    const link = cluster.links.find((l) => (l.wordings[0] === mine.wording && l.wordings[1] === other.wording) || (l.wordings[0] === other.wording && l.wordings[1] === mine.wording));
    const kind: Standing['kind'] = mine.wording === other.wording ? 'identical' : link ? link.kind : 'related';
    const standing: Standing = { document: other.document, kind, conflict: speakerOf(k0) !== null && speakerOf(k) !== null && speakerOf(k0) !== speakerOf(k), version: k };
    if (link?.kind === 'contained' && mine.wording !== other.wording) standing.container = link.container === mine.wording ? 'this' : 'other';
    const known = best.get(other.document);
    if (!known || strength[kind] < strength[known.kind]) best.set(other.document, standing);
    else if (standing.conflict && strength[kind] === strength[known.kind]) known.conflict = true;
  });
  return [...best.values()].sort((p, q) => p.document - q.document);
}

describe('ManyIndex.standings', function () {
  this.timeout(0);

  it('gives what walking every other version gives, on versions of one story and on hostile sets', () => {
    fc.assert(fc.property(fc.oneof(storyFamily, fc.array(fc.oneof(degenerateText, articleText(80)), { minLength: 3, maxLength: 5 })), (texts) => {
      const comparison = compareMany(texts.map((text, d) => ({ name: `${d}`, text })));
      const index = new ManyIndex(comparison);
      comparison.documents.forEach((document, d) => document.quotes.forEach((quote) => {
        assert.deepStrictEqual(index.standings(d, quote.id), standingsByWalk(comparison, d, quote.id), `quote ${d}/${quote.id}`);
      }));
    }), fuzzParameters(100));
  });

  it('answers every quote of a statement printed thousands of times, conflicts included', () => {
    const line = '“We will not accept this offer from the port,” she said.\n';
    const texts = [0, 1, 2, 3, 4].map((d) => (d === 2 ? line.replace('she', 'he') : line).repeat(2000) + (d === 4 ? '“We will not accept this offer,” he said.\n' : ''));
    const comparison = compareMany(texts.map((text, d) => ({ name: `${d}`, text })));
    const cluster = comparison.quoteClusters.find((c) => c.versions.length >= 10000);
    assert.ok(cluster, 'one statement in every document, thousands of times');
    const index = new ManyIndex(comparison);
    // Each document's every quote: as many answers as quotes, each of at most four documents (no walk over 10,000 versions each, which took minutes).
    let answers = 0;
    for (const [d, document] of comparison.documents.entries()) {
      for (const quote of document.quotes) {
        const standings = index.standings(d, quote.id);
        assert.ok(standings.length <= 4);
        answers += standings.length;
      }
    }
    assert.ok(answers >= 10000 * 4);
    const fromHe = index.standings(2, 0);
    assert.ok(fromHe.every((standing) => standing.conflict && standing.kind !== 'related'), JSON.stringify(fromHe));
    assert.deepStrictEqual(index.standings(2, 0), standingsByWalk(comparison, 2, 0));
  });
});
