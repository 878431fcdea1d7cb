/**
 * What must hold of every comparison of many documents, whatever the input: ranges inside their
 * text and on word edges, ids that point where they say, each quote in exactly one cluster, copies
 * that differ from the common wording exactly by their differences, and an overview that agrees
 * with the comparison of each pair on its own.
 */
import * as assert from 'assert';
import { compareTexts } from '../../../src/core/compare';
import type { ManyComparison, Range, VersionDifference } from '../../../src/core/model';
import { tokenize, wordAt, Vocabulary, type Tokens } from '../../../src/core/text/tokenize';
import { assertRange } from './invariants';

/** The tokens lying wholly inside `range`; asserts that no token straddles its edges. */
function tokensIn(tokens: Tokens, [start, end]: Range, what: string): number[] {
  const inside: number[] = [];
  for (let t = 0; t < tokens.count; t++) {
    if (tokens.end[t] <= start || tokens.start[t] >= end) continue;
    assert.ok(tokens.start[t] >= start && tokens.end[t] <= end, `${what}: [${start}, ${end}) cuts a word`);
    inside.push(t);
  }
  return inside;
}

const within = (inner: Range, outer: Range) => inner[0] >= outer[0] && inner[1] <= outer[1];

/** The tokens a quote's range touches, as the quote pairing reads them (a closing mark may stand inside a word: `𒀁’90s`). */
function tokensTouched(tokens: Tokens, [start, end]: Range): number[] {
  const touched: number[] = [];
  for (let t = 0; t < tokens.count; t++) if (tokens.end[t] > start && tokens.start[t] < end) touched.push(t);
  return touched;
}

/** The words of `range` outside `differences` (on `side` of them), in order. */
function wordsOutside(tokens: Tokens, range: Range, differences: readonly VersionDifference[], side: 'base' | 'here', what: string, quote = false): string[] {
  return (quote ? tokensTouched(tokens, range) : tokensIn(tokens, range, what))
    .filter((t) => !differences.some((d) => d[side][1] > d[side][0] && tokens.start[t] >= d[side][0] && tokens.end[t] <= d[side][1]))
    .map((t) => wordAt(tokens, t));
}

/**
 * `differences` lie inside the two versions and are all that tells their words apart; for an
 * altered quote (`alignedOnly`), which compares only the aligned part of two quotes, words at either
 * edge of one of them may lie outside that part as well.
 */
function assertDifferences(tokens: Tokens[], base: { document: number; range: Range }, here: { document: number; range: Range }, differences: readonly VersionDifference[], what: string, alignedOnly = false): void {
  differences.forEach((d, k) => {
    assertRange(tokens[base.document].text, d.base, `${what} difference ${k} (base)`);
    assertRange(tokens[here.document].text, d.here, `${what} difference ${k} (here)`);
    assert.ok(within(d.base, base.range) && within(d.here, here.range), `${what}: difference ${k} lies outside the two versions`);
    assert.ok(d.base[1] > d.base[0] || d.here[1] > d.here[0], `${what}: difference ${k} is empty on both sides`);
  });
  const outsideHere = wordsOutside(tokens[here.document], here.range, differences, 'here', what, alignedOnly);
  const outsideBase = wordsOutside(tokens[base.document], base.range, differences, 'base', what, alignedOnly);
  if (!alignedOnly) {
    assert.deepStrictEqual(outsideHere, outsideBase, `${what}: the words outside its differences are not the compared version's`);
    return;
  }
  // Unaligned words at the edges aside, the two share their core: at least the run of four words an altered pair needs.
  assert.ok(longestCommonRun(outsideHere, outsideBase) >= Math.min(4, outsideHere.length, outsideBase.length), `${what}: the versions share no aligned core outside their differences`);
}

function longestCommonRun(x: readonly string[], y: readonly string[]): number {
  let best = 0;
  const previous = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= y.length; j++) {
      const above = previous[j];
      previous[j] = x[i - 1] === y[j - 1] ? diagonal + 1 : 0;
      best = Math.max(best, previous[j]);
      diagonal = above;
    }
  }
  return best;
}

const foldEdge = (edge: string): string => edge.replace(/[\s\p{M}\u200d]/gu, '').replace(/["“”„‟«»＂〝〞]/gu, '"').replace(/['‘’‚‛‹›ʼ]/gu, "'")
  .replace(/[-‐‑‒–—―]/gu, '-').replace(/\.\.\./gu, '…');

/**
 * Beyond its first and last word a copy takes in only punctuation (never part of a word), and none
 * that it alone has: the mark nearest its words stands in another copy's edge there too.
 */
function assertCopyEdges(tokens: Tokens[], copies: ReadonlyArray<{ document: number; range: Range }>, what: string): void {
  const edges = copies.map(({ document, range }) => {
    const { text, start, end } = tokens[document];
    const inside = tokensIn(tokens[document], range, what);
    if (inside.length === 0) return { before: '', after: '' };
    return { before: text.slice(range[0], start[inside[0]]), after: text.slice(end[inside[inside.length - 1]], range[1]) };
  });
  edges.forEach((edge, k) => {
    for (const side of ['before', 'after'] as const) {
      const taken = edge[side];
      assert.ok(!/[\p{L}\p{N}]/u.test(taken), `${what} copy ${k}: takes in part of a word ${side} it: ${JSON.stringify(taken)}`);
      const folded = [...foldEdge(taken)];
      if (folded.length === 0) continue;
      const nearest = side === 'after' ? folded[0] : folded[folded.length - 1];
      assert.ok(edges.some((other, m) => m !== k && foldEdge(other[side]).includes(nearest)), `${what} copy ${k}: takes in ${JSON.stringify(taken)} ${side} it, which no other copy has there`);
    }
  });
}

export function assertManyInvariants(texts: readonly string[], comparison: ManyComparison, { pairwise = true } = {}): void {
  const vocabulary = new Vocabulary();
  const tokens = texts.map((text) => tokenize(text, vocabulary));
  const n = texts.length;
  assert.strictEqual(comparison.shape, 'many');
  assert.strictEqual(comparison.documents.length, n);
  comparison.documents.forEach((document, d) => {
    assert.strictEqual(document.id, d);
    assert.strictEqual(document.stats.characters, texts[d].length, `document ${d}: characters`);
    assert.strictEqual(document.stats.words, tokens[d].count, `document ${d}: words`);
    assert.ok(document.stats.share >= 0 && document.stats.share <= 1, `document ${d}: share ${document.stats.share}`);
    document.quotes.forEach((quote, q) => {
      assert.strictEqual(quote.id, q);
      assertRange(texts[d], quote.range, `quote ${d}/${q}`, false);
      assert.strictEqual(quote.text, texts[d].slice(quote.range[0], quote.range[1]));
      if (quote.speaker) {
        const speaker = comparison.speakers[quote.speaker.speaker];
        assert.ok(speaker?.quotes[d].includes(q), `quote ${d}/${q}: its speaker does not list it`);
        assert.strictEqual(quote.speaker.name, speaker.name, `quote ${d}/${q}: speaker name`);
      }
    });
  });
  comparison.speakers.forEach((speaker, s) => {
    assert.strictEqual(speaker.id, s);
    assert.strictEqual(speaker.quotes.length, n);
    speaker.quotes.forEach((ids, d) => ids.forEach((q) => assert.strictEqual(comparison.documents[d].quotes[q]?.speaker?.speaker, s, `speaker ${s} lists quote ${d}/${q}`)));
  });

  const { share, sharedWords, onlyHere } = comparison.overview;
  for (let i = 0; i < n; i++) {
    assert.strictEqual(share[i][i], 1);
    assert.strictEqual(sharedWords[i][i], tokens[i].count);
    assert.ok(Math.abs(onlyHere[i] - (tokens[i].count === 0 ? 0 : 1 - comparison.documents[i].stats.share)) < 1e-9, `onlyHere ${i}`);
    for (let j = i + 1; j < n && pairwise; j++) {
      // One index for all documents finds, for each pair, what comparing the two alone finds.
      const pair = compareTexts({ name: 'x', text: texts[i] }, { name: 'y', text: texts[j] }, comparison.options);
      assert.strictEqual(share[i][j], pair.a.stats.share, `share of ${i} in ${j}`);
      assert.strictEqual(share[j][i], pair.b.stats.share, `share of ${j} in ${i}`);
      assert.strictEqual(sharedWords[i][j], pair.a.stats.sharedWords, `words of ${i} in ${j}`);
    }
  }

  const taken = tokens.map((t) => new Uint8Array(t.count));
  comparison.passageClusters.forEach((cluster, c) => {
    const what = `cluster ${c}`;
    assert.strictEqual(cluster.id, c);
    assert.ok(cluster.documents.length >= 2, `${what}: in one document`);
    assert.deepStrictEqual(cluster.documents, [...new Set(cluster.copies.map((copy) => copy.document))].sort((x, y) => x - y), `${what}: documents`);
    const common = cluster.copies[cluster.common];
    assert.ok(common && common.wording === 0 && common.identical, `${what}: common copy`);
    assert.strictEqual(cluster.identical, cluster.copies.every((copy) => copy.identical));
    const wordsOf = cluster.copies.map((copy) => tokensIn(tokens[copy.document], copy.range, what).map((t) => wordAt(tokens[copy.document], t)).join(' '));
    cluster.copies.forEach((copy, k) => {
      assertRange(texts[copy.document], copy.range, `${what} copy ${k}`, false);
      const inside = tokensIn(tokens[copy.document], copy.range, `${what} copy ${k}`);
      assert.strictEqual(copy.words, inside.length, `${what} copy ${k}: words`);
      for (const t of inside) {
        assert.ok(!taken[copy.document][t], `${what} copy ${k}: word ${t} of document ${copy.document} is in another copy too`);
        taken[copy.document][t] = 1;
      }
      assert.strictEqual(copy.identical, copy.wording === 0, `${what} copy ${k}: identical`);
      assert.strictEqual(copy.identical, copy.differences.length === 0, `${what} copy ${k}: differences of an identical copy`);
      cluster.copies.forEach((other, m) => assert.strictEqual(wordsOf[k] === wordsOf[m], copy.wording === other.wording, `${what}: copies ${k} and ${m} wording`));
      assertDifferences(tokens, common, copy, copy.differences, `${what} copy ${k}`);
    });
    assertCopyEdges(tokens, cluster.copies, what);
  });

  const seen = comparison.documents.map((document) => new Uint8Array(document.quotes.length));
  comparison.quoteClusters.forEach((cluster, c) => {
    const what = `quote cluster ${c}`;
    assert.strictEqual(cluster.id, c);
    assert.deepStrictEqual(cluster.documents, [...new Set(cluster.versions.map((v) => v.document))].sort((x, y) => x - y), `${what}: documents`);
    const quoteOf = (k: number) => comparison.documents[cluster.versions[k].document].quotes[cluster.versions[k].quote];
    const words = (k: number) => tokensTouched(tokens[cluster.versions[k].document], quoteOf(k).range).map((t) => wordAt(tokens[cluster.versions[k].document], t)).join(' ');
    assert.ok(cluster.versions.some((v) => v.wording === 0), `${what}: no common wording`);
    cluster.versions.forEach((version, k) => {
      assert.ok(quoteOf(k), `${what}: version ${k} names no quote`);
      assert.ok(!seen[version.document][version.quote], `${what}: quote ${version.document}/${version.quote} in two clusters`);
      seen[version.document][version.quote] = 1;
      cluster.versions.forEach((other, m) => assert.strictEqual(words(k) === words(m), version.wording === other.wording, `${what}: versions ${k} and ${m} wording`));
      assert.strictEqual(version.relation === null, version.wording === 0, `${what}: version ${k} relation`);
      const relation = version.relation;
      if (!relation) return;
      const against = cluster.versions[relation.against];
      assert.ok(against && against.wording !== version.wording, `${what}: version ${k} compared with its own wording`);
      assert.strictEqual(relation.container !== undefined, relation.kind === 'contained');
      if (relation.kind === 'altered') {
        assertDifferences(tokens, { document: against.document, range: quoteOf(relation.against).range }, { document: version.document, range: quoteOf(k).range }, relation.differences, `${what} version ${k}`, true);
      }
    });
    const attributed = cluster.attributions.flatMap((a) => a.versions).sort((x, y) => x - y);
    assert.deepStrictEqual(attributed, cluster.versions.map((_, k) => k), `${what}: attributions`);
    assert.strictEqual(cluster.conflict, cluster.attributions.filter((a) => a.speaker !== null).length >= 2, `${what}: conflict`);
  });
  seen.forEach((flags, d) => assert.ok(flags.every(Boolean), `document ${d}: a quote in no cluster`));
}
