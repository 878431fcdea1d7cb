import * as assert from 'assert';
import { compareTexts } from '../../../../src/core/compare';
import type { ArchiveIndex } from '../../../../src/core/archive/archiveIndex';
import { EmbeddedArchiveIndex } from '../../../../src/core/archive/embeddedIndex';
import { findSources, findSourcesIn, rankMatches } from '../../../../src/core/archive/findSources';
import { DEFAULT_FINGERPRINT_SETTINGS, Fingerprinter } from '../../../../src/core/archive/fingerprints';
import { ArticleWriter, plant } from './archiveFixture';

function setUp(count: number) {
  const writer = new ArticleWriter(21);
  const fingerprinter = new Fingerprinter();
  const index = new EmbeddedArchiveIndex(DEFAULT_FINGERPRINT_SETTINGS);
  const texts = new Map<string, string>();
  for (let k = 0; k < count; k++) {
    const key = `doc${k}.txt`;
    texts.set(key, writer.article(250 + writer.integer(300)));
    index.put(key, fingerprinter.fingerprint(texts.get(key)!), { size: 0, modified: 0, hash: 0 });
  }
  return { writer, index, texts, read: (key: string) => texts.get(key) };
}

const paragraphs = (text: string) => text.split('\n\n');

describe('core/archive/findSources', () => {
  it('lists the sources with the very figures of the pair’s comparison, best first', () => {
    const { writer, index, texts, read } = setUp(120);
    // The article: its own paragraphs, two paragraphs of doc5 (one restyled), one of doc9 and a sentence of doc40.
    let article = writer.article(400);
    article = plant(article, paragraphs(texts.get('doc5.txt')!)[0], 1);
    article = plant(article, paragraphs(texts.get('doc5.txt')!)[1].toUpperCase().replace(/\. /g, '.\r\n'), 2);
    article = plant(article, paragraphs(texts.get('doc9.txt')!)[2], 4);
    article = plant(article, texts.get('doc40.txt')!.split('. ')[1], 6);
    const matches = findSources(index, article, read);
    assert.deepStrictEqual(matches.slice(0, 3).map((match) => match.key).sort(), ['doc40.txt', 'doc5.txt', 'doc9.txt']);
    for (const match of matches) {
      const comparison = compareTexts({ name: 'article', text: article }, { name: match.key, text: texts.get(match.key)! });
      assert.strictEqual(match.shareOfArticle, comparison.a.stats.share, match.key);
      assert.strictEqual(match.shareOfMatch, comparison.b.stats.share, match.key);
      assert.strictEqual(match.passages, comparison.passages.length, match.key);
      assert.strictEqual(match.sharedWords.article, comparison.a.stats.sharedWords);
    }
    assert.deepStrictEqual(matches, rankMatches([...matches]));
    assert.ok(matches[0].shareOfArticle >= matches[1].shareOfArticle);
    assert.strictEqual(matches[0].key, 'doc5.txt');
  });

  it('lists nothing for an article that shares no passage with the archive', () => {
    const { index, read } = setUp(120);
    for (let k = 0; k < 10; k++) assert.deepStrictEqual(findSources(index, new ArticleWriter(300 + k).article(600), read), []);
    assert.deepStrictEqual(findSources(index, '', read), []);
  });

  it('leaves out the article itself, documents that cannot be read, and keeps to top', () => {
    const { index, texts, read } = setUp(40);
    const article = texts.get('doc3.txt')!;
    assert.strictEqual(findSources(index, article, read)[0].key, 'doc3.txt');
    assert.deepStrictEqual(findSources(index, article, read, { exclude: ['doc3.txt'] }), []);
    assert.deepStrictEqual(findSources(index, article, (key) => (key === 'doc3.txt' ? undefined : read(key))), []);
    // Eight documents holding a paragraph of doc3 each, with more and more of their own around it.
    const shared = paragraphs(article)[0];
    for (let k = 0; k < 8; k++) index.put(`copy${k}.txt`, new Fingerprinter().fingerprint(`${shared}\n\n${new ArticleWriter(k).article(20 * (k + 1))}`), { size: 0, modified: 0, hash: 0 });
    const copies = (key: string) => (key.startsWith('copy') ? `${shared}\n\n${new ArticleWriter(Number(key.slice(4, -4))).article(20 * (Number(key.slice(4, -4)) + 1))}` : read(key));
    const top3 = findSources(index, article, copies, { top: 3, exclude: ['doc3.txt'] });
    assert.deepStrictEqual(top3.map((match) => match.key), ['copy0.txt', 'copy1.txt', 'copy2.txt']);
  });

  it('honours the comparison’s shortest passage', () => {
    const { index, texts, read } = setUp(30);
    // Twelve words: more than the index always sees (guaranteedRunWords), fewer than 13.
    const twelve = texts.get('doc2.txt')!.split(/\s+/).slice(10, 22).join(' ');
    const article = `${new ArticleWriter(1234).article(200)}\n\n${twelve}\n\n${new ArticleWriter(4321).article(200)}`;
    const found = findSources(index, article, read);
    assert.strictEqual(found[0]?.key, 'doc2.txt');
    assert.strictEqual(found[0].passages, 1);
    assert.ok(!findSources(index, article, read, { compare: { minWords: 13 } }).some((match) => match.key === 'doc2.txt'));
  });
});

describe('core/archive/findSourcesIn (any ArchiveIndex, answers by promise)', () => {
  it('gives the same answer through an index that answers asynchronously, as a search engine would', async () => {
    const { writer, index, texts, read } = setUp(80);
    // A stand-in for a remote index: every method answers later, by promise.
    const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 1));
    const remote: ArchiveIndex = {
      settings: index.settings,
      documents: () => later(index.documents()),
      stamp: (key) => later(index.stamp(key)),
      put: (key, fingerprints, stamp) => later(index.put(key, fingerprints, stamp)),
      restamp: (key, stamp) => later(index.restamp(key, stamp)),
      remove: (key) => later(index.remove(key)),
      rename: (from, to) => later(index.rename(from, to)),
      candidates: (query) => later(index.candidates(query)),
    };
    const article = plant(plant(writer.article(300), texts.get('doc11.txt')!.split('\n\n')[0], 1), texts.get('doc60.txt')!.split('\n\n')[1], 3);
    const expected = findSources(index, article, read);
    assert.deepStrictEqual(expected.map((match) => match.key).sort(), ['doc11.txt', 'doc60.txt']);
    assert.deepStrictEqual(await findSourcesIn(remote, article, (key) => later(read(key))), expected);
    await remote.remove('doc11.txt');
    assert.deepStrictEqual((await findSourcesIn(remote, article, read)).map((match) => match.key), ['doc60.txt']);
  });
});
