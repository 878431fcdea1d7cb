import * as assert from 'assert';
import { DEFAULT_COMPARE_OPTIONS } from '../../../../src/core/model';
import { clusterPassages, type PairAlignment } from '../../../../src/core/passages/clusters';
import { alignEveryPair, findSharedPassages } from '../../../../src/core/passages/passages';
import { DocumentEdges } from '../../../../src/core/text/sentences';
import { tokenize, Vocabulary } from '../../../../src/core/text/tokenize';

const S1 = 'The regional council voted on Friday to double the budget for flood defences along the river.';
const S2 = 'Engineers will start work on the northern embankment before the first autumn storms arrive.';
const S3 = 'Residents of the lower town have asked for a public meeting about the plans next month.';
const OWN = ['A spokesperson for the ferry company declined to comment when reached by telephone.', 'Opposition members called the decision a waste of money that the town cannot afford.', 'Shops on the quay reported a quiet morning as rain kept most visitors away from the harbour.'];

/** The pipeline of compareMany up to the clusters: one vocabulary, one seed index, each pair aligned. */
function clusters(texts: string[], minWords = DEFAULT_COMPARE_OPTIONS.minWords) {
  const vocabulary = new Vocabulary();
  const aligned = texts.map((text) => {
    const tokens = tokenize(text, vocabulary);
    return { tokens, ids: tokens.ids, edges: new DocumentEdges(tokens) };
  });
  const pairs: PairAlignment[] = alignEveryPair(aligned, minWords).pairs;
  return { pairs, clusters: clusterPassages(aligned, pairs, minWords).clusters, aligned };
}

const copyText = (texts: string[], copy: { document: number; range: [number, number] }) => texts[copy.document].slice(copy.range[0], copy.range[1]);

describe('clusterPassages', () => {
  it('aligns every pair from the one index exactly as comparing that pair alone does', () => {
    const texts = [`${S1} ${S2} ${S3}`, `${OWN[0]} ${S1} ${S2.replace('northern', 'southern')}`, `${S3} ${OWN[1]} ${S1}`];
    const { pairs, aligned } = clusters(texts);
    assert.strictEqual(pairs.length, 3);
    for (const { x, y, alignment } of pairs) {
      const alone = findSharedPassages(aligned[x].tokens, aligned[y].tokens, DEFAULT_COMPARE_OPTIONS);
      assert.deepStrictEqual(alignment.passages, alone.passages);
      assert.strictEqual(alignment.truncated, alone.truncated);
      assert.strictEqual(alignment.chains.length, alignment.passages.length);
    }
  });

  it('gives each sentence the exact set of documents that hold it', () => {
    const texts = [`${S1} ${S2} ${S3}`, `${OWN[0]} ${S1} ${S2}`, `${S1} ${OWN[1]}`];
    const { clusters: found } = clusters(texts);
    assert.deepStrictEqual(found.map((cluster) => [cluster.documents, copyText(texts, cluster.copies[0])]), [
      [[0, 1, 2], S1],
      [[0, 1], S2],
    ]);
  });

  it('makes consecutive sentences held by the same documents one cluster', () => {
    const texts = [`${S1} ${S2} ${S3}`, `${OWN[0]}\n\n${S1} ${S2} ${S3}`, `${OWN[1]} ${S1} ${S2} ${S3} ${OWN[2]}`];
    const { clusters: found } = clusters(texts);
    assert.strictEqual(found.length, 1);
    assert.deepStrictEqual(found[0].copies.map((copy) => copyText(texts, copy)), [0, 1, 2].map(() => `${S1} ${S2} ${S3}`));
  });

  it('takes the most common wording as the base, and gives every other copy its differences from it', () => {
    const edited = S2.replace('northern embankment', 'old sea wall');
    const texts = [`${S1} ${edited}`, `${S1} ${S2}`, `${OWN[2]} ${S2}`, `${S2} ${OWN[0]}`];
    const { clusters: found } = clusters(texts);
    const cluster = found.find((c) => c.documents.length === 4)!;
    assert.ok(cluster, 'the edited sentence is in all four');
    assert.strictEqual(cluster.copies[cluster.common].document, 1);
    assert.deepStrictEqual(cluster.copies.map((copy) => copy.wording), [1, 0, 0, 0]);
    const [d] = cluster.copies[0].differences;
    assert.deepStrictEqual([texts[1].slice(d.base[0], d.base[1]), texts[0].slice(d.here[0], d.here[1])], ['northern embankment', 'old sea wall']);
    assert.ok(!cluster.identical && cluster.copies.slice(1).every((copy) => copy.identical && copy.differences.length === 0));
  });

  it('keeps the earliest document\'s wording when every copy differs', () => {
    const texts = [S1, S1.replace('Friday', 'Monday'), S1.replace('river', 'coast')];
    const [cluster] = clusters(texts).clusters;
    assert.strictEqual(cluster.common, 0);
    assert.deepStrictEqual(cluster.copies.map((copy) => copy.wording), [0, 1, 2]);
  });

  it('lists a passage a document prints twice as two copies, and marks a point inside the copy for words it lacks at its start', () => {
    const texts = [`${S1} ${OWN[0]} ${S1}`, `${OWN[1]} ${S1}`, `${S1.replace('The regional ', '')} ${OWN[2]}`];
    const cluster = clusters(texts).clusters.find((c) => c.documents.length === 3)!;
    assert.deepStrictEqual(cluster.copies.map((copy) => copy.document), [0, 0, 1, 2]);
    const radio = cluster.copies[3];
    const [missing] = radio.differences;
    assert.deepStrictEqual(texts[0].slice(missing.base[0], missing.base[1]), 'The regional');
    assert.strictEqual(missing.here[0], missing.here[1]);
    assert.strictEqual(missing.here[0], radio.range[0], 'the point stands at the copy\'s first word, not before it');
  });

  it('finds nothing when no two documents share a passage', () => {
    assert.deepStrictEqual(clusters([S1, S2, S3, '']).clusters, []);
  });
});
