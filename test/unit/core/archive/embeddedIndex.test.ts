import * as assert from 'assert';
import { EmbeddedArchiveIndex, IndexFileError, sortPairs } from '../../../../src/core/archive/embeddedIndex';
import { DEFAULT_FINGERPRINT_SETTINGS, Fingerprinter } from '../../../../src/core/archive/fingerprints';
import { ArticleWriter, plant } from './archiveFixture';

const stamp = (n: number) => ({ size: n, modified: 1000 + n, hash: 7 * n });

function archive(count: number, seed = 1): { texts: Map<string, string>; index: EmbeddedArchiveIndex; fingerprinter: Fingerprinter } {
  const writer = new ArticleWriter(seed);
  const fingerprinter = new Fingerprinter();
  const index = new EmbeddedArchiveIndex(DEFAULT_FINGERPRINT_SETTINGS);
  const texts = new Map<string, string>();
  for (let k = 0; k < count; k++) {
    const key = `archive/${String(k).padStart(4, '0')}.txt`;
    texts.set(key, writer.article(300 + writer.integer(400)));
    index.put(key, fingerprinter.fingerprint(texts.get(key)!), stamp(k));
  }
  return { texts, index, fingerprinter };
}

/** Words `[from, from + count)` of a text, as one line. */
function wordsOf(text: string, from: number, count: number): string {
  return text.split(/\s+/).slice(from, from + count).join(' ');
}

const keysOf = (index: EmbeddedArchiveIndex, fingerprints: Uint32Array, limit = 10) => index.candidates({ fingerprints, limit }).map((c) => c.key);

describe('core/archive/embeddedIndex', () => {
  it('ranks the documents a passage was copied from first, and no document for unrelated text', () => {
    const { texts, index, fingerprinter } = archive(300);
    const keys = [...texts.keys()];
    const writer = new ArticleWriter(99);
    let planted = 0;
    for (let query = 0; query < 40; query++) {
      let article = writer.article(500);
      const sources = new Set<string>();
      const count = 1 + (query % 5);
      while (sources.size < count) sources.add(keys[writer.integer(keys.length)]);
      for (const source of sources) {
        const text = texts.get(source)!;
        const length = 30 + writer.integer(31);
        const passage = wordsOf(text, writer.integer(Math.max(1, text.split(/\s+/).length - length)), length);
        article = plant(article, passage, writer.integer(6));
        planted++;
      }
      const found = keysOf(index, fingerprinter.fingerprint(article));
      for (const source of sources) assert.ok(found.includes(source), `query ${query}: ${source} not among ${found.join(', ')}`);
    }
    assert.strictEqual(planted, 120);
    for (let query = 0; query < 20; query++) {
      const candidates = index.candidates({ fingerprints: fingerprinter.fingerprint(new ArticleWriter(500 + query).article(600)), limit: 10 });
      assert.ok(candidates.every((candidate) => candidate.shared <= 1), JSON.stringify(candidates));
    }
  });

  it('replaces a document put again, and forgets a removed one', () => {
    const { texts, index, fingerprinter } = archive(50);
    const old = texts.get('archive/0007.txt')!;
    const fresh = new ArticleWriter(77).article(400);
    index.put('archive/0007.txt', fingerprinter.fingerprint(fresh), stamp(1));
    assert.strictEqual(index.size, 50);
    assert.ok(!keysOf(index, fingerprinter.fingerprint(old)).includes('archive/0007.txt'));
    assert.strictEqual(keysOf(index, fingerprinter.fingerprint(fresh))[0], 'archive/0007.txt');
    assert.deepStrictEqual(index.stamp('archive/0007.txt'), stamp(1));

    assert.strictEqual(index.remove('archive/0007.txt'), true);
    assert.strictEqual(index.remove('archive/0007.txt'), false);
    assert.strictEqual(index.size, 49);
    assert.deepStrictEqual(keysOf(index, fingerprinter.fingerprint(fresh)), []);
    assert.strictEqual(index.stamp('archive/0007.txt'), undefined);
  });

  it('keeps a renamed document’s fingerprints under its new key, replacing a document there', () => {
    const { texts, index, fingerprinter } = archive(20);
    const moved = fingerprinter.fingerprint(texts.get('archive/0003.txt')!);
    assert.strictEqual(index.rename('archive/0003.txt', 'moved/three.txt'), true);
    assert.strictEqual(keysOf(index, moved)[0], 'moved/three.txt');
    assert.ok(!index.has('archive/0003.txt'));
    assert.deepStrictEqual(index.stamp('moved/three.txt'), stamp(3));

    assert.strictEqual(index.rename('moved/three.txt', 'archive/0004.txt'), true);
    assert.strictEqual(index.size, 19);
    assert.strictEqual(keysOf(index, moved)[0], 'archive/0004.txt');
    // The document that stood at the new key is gone.
    assert.deepStrictEqual(keysOf(index, fingerprinter.fingerprint(texts.get('archive/0004.txt')!)), []);
    assert.strictEqual(index.rename('nowhere.txt', 'elsewhere.txt'), false);
  });

  it('answers the same before and after compaction, with documents waiting, removed and renamed', () => {
    const { texts, index, fingerprinter } = archive(80);
    index.compact();
    const writer = new ArticleWriter(5);
    for (let k = 0; k < 10; k++) index.put(`late/${k}.txt`, fingerprinter.fingerprint(writer.article(300)), stamp(k));
    index.remove('archive/0010.txt');
    index.rename('archive/0011.txt', 'renamed.txt');
    index.put('archive/0012.txt', fingerprinter.fingerprint(writer.article(300)), stamp(3));
    const queries = [...texts.values()].slice(0, 30).map((text) => fingerprinter.fingerprint(text));
    const before = queries.map((query) => index.candidates({ fingerprints: query, limit: 20 }));
    index.compact();
    assert.deepStrictEqual(queries.map((query) => index.candidates({ fingerprints: query, limit: 20 })), before);
    assert.strictEqual(index.size, 89);
  });

  it('leaves out excluded keys and keeps to the limit', () => {
    const { texts, index, fingerprinter } = archive(30);
    const query = fingerprinter.fingerprint(texts.get('archive/0001.txt')!);
    assert.strictEqual(keysOf(index, query)[0], 'archive/0001.txt');
    assert.ok(!index.candidates({ fingerprints: query, limit: 10, exclude: ['archive/0001.txt'] }).some((c) => c.key === 'archive/0001.txt'));
    assert.strictEqual(index.candidates({ fingerprints: query, limit: 0 }).length, 0);
  });

  it('counts a fingerprint held by a large share of the archive for nothing (boilerplate)', () => {
    const fingerprinter = new Fingerprinter();
    const index = new EmbeddedArchiveIndex(DEFAULT_FINGERPRINT_SETTINGS);
    const boilerplate = 'This article is published under the terms of the house licence and may not be reprinted without asking the desk first.';
    const writer = new ArticleWriter(8);
    for (let k = 0; k < 100; k++) index.put(`doc${k}`, fingerprinter.fingerprint(`${writer.article(200)}\n\n${boilerplate}`), stamp(k));
    assert.deepStrictEqual(index.candidates({ fingerprints: fingerprinter.fingerprint(`${writer.article(300)}\n\n${boilerplate}`), limit: 10 }), []);
  });

  it('round-trips through its bytes: documents, stamps, settings, caller data and answers', () => {
    const { texts, index, fingerprinter } = archive(60);
    index.remove('archive/0002.txt');
    index.put('extra.txt', fingerprinter.fingerprint('Words of an extra document that is not like the others at all, put in last.'), stamp(99));
    const queries = [...texts.values()].slice(0, 10).map((text) => fingerprinter.fingerprint(text));
    const answers = queries.map((query) => index.candidates({ fingerprints: query, limit: 10 }));
    assert.strictEqual(index.hasUnsavedChanges, true);
    const bytes = index.serialize({ root: '/archive' });
    assert.strictEqual(index.hasUnsavedChanges, false);
    const { index: loaded, meta } = EmbeddedArchiveIndex.deserialize(bytes);
    assert.deepStrictEqual(meta, { root: '/archive' });
    assert.deepStrictEqual(loaded.settings, index.settings);
    assert.deepStrictEqual(loaded.documents().sort((x, y) => (x.key < y.key ? -1 : 1)), index.documents().sort((x, y) => (x.key < y.key ? -1 : 1)));
    assert.deepStrictEqual(queries.map((query) => loaded.candidates({ fingerprints: query, limit: 10 })), answers);
    assert.strictEqual(loaded.hasUnsavedChanges, false);
    // Fingerprints cost 8 bytes each; a document its key and stamp; the file a table of 4,097 bucket starts.
    assert.ok(bytes.length < 8 * loaded.postings + 60 * loaded.size + 4 * 4097 + 200, `${bytes.length} bytes`);

    // Bytes at an odd offset of their buffer (a slice of a larger read) load too.
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    assert.deepStrictEqual(EmbeddedArchiveIndex.deserialize(shifted.subarray(1)).index.candidates({ fingerprints: queries[0], limit: 10 }), answers[0]);

    // A loaded index takes changes like a new one.
    loaded.put('later.txt', queries[3], stamp(5));
    assert.ok(loaded.candidates({ fingerprints: queries[3], limit: 10 }).some((c) => c.key === 'later.txt'));
    assert.strictEqual(loaded.hasUnsavedChanges, true);
  });

  it('answers from a file read piece by piece as from one read whole, reading the postings of the query only', () => {
    const { texts, index, fingerprinter } = archive(300);
    index.remove('archive/0002.txt');
    const bytes = index.serialize({ root: '/archive' });
    index.put('journal.txt', fingerprinter.fingerprint(texts.get('archive/0005.txt')!), stamp(3));
    const file = new Uint8Array([...bytes, ...index.save({ root: '/archive' })!.bytes]);
    let read = 0;
    const reader = { size: file.length, read: (at: number, length: number) => (read += length, file.slice(at, at + length)) };
    const { index: opened, meta } = EmbeddedArchiveIndex.open(reader);
    const { index: whole } = EmbeddedArchiveIndex.deserialize(file);
    assert.deepStrictEqual(meta, { root: '/archive' });
    assert.ok(read < file.length / 4, `${read} of ${file.length} bytes read to open`);
    const query = fingerprinter.fingerprint(texts.get('archive/0005.txt')!);
    const before = read;
    assert.deepStrictEqual(opened.candidates({ fingerprints: query, limit: 10 }), whole.candidates({ fingerprints: query, limit: 10 }));
    assert.ok(opened.candidates({ fingerprints: query, limit: 10 }).some((candidate) => candidate.key === 'journal.txt'));
    assert.ok(read - before < file.length / 2, `${read - before} bytes read for a query`);
    for (const text of [...texts.values()].slice(10, 30)) {
      const fingerprints = fingerprinter.fingerprint(text);
      assert.deepStrictEqual(opened.candidates({ fingerprints, limit: 20 }), whole.candidates({ fingerprints, limit: 20 }));
    }
    assert.strictEqual(opened.postings, whole.postings);
    // Changed and saved whole, it reads the rest of its postings first: the same file as the one read whole makes.
    opened.remove('archive/0007.txt');
    whole.remove('archive/0007.txt');
    assert.deepStrictEqual(opened.serialize({ root: '/archive' }), whole.serialize({ root: '/archive' }));
  });

  it('refuses bytes that are not a whole index of this version', () => {
    const bytes = archive(5).index.serialize();
    assert.throws(() => EmbeddedArchiveIndex.deserialize(new Uint8Array(3)), IndexFileError);
    assert.throws(() => EmbeddedArchiveIndex.deserialize(new TextEncoder().encode('{"not":"an index"}........')), IndexFileError);
    assert.throws(() => EmbeddedArchiveIndex.deserialize(bytes.subarray(0, bytes.length - 16)), /truncated/);
    const otherVersion = bytes.slice();
    otherVersion[4] = 99;
    assert.throws(() => EmbeddedArchiveIndex.deserialize(otherVersion), /another version/);
    const damaged = bytes.slice();
    damaged[30] = 0xff; // inside the JSON header
    assert.throws(() => EmbeddedArchiveIndex.deserialize(damaged), /damaged/);
    const badBuckets = bytes.slice();
    badBuckets.fill(0xff, bytes.length - 8); // the last bucket start (and any padding after it)
    assert.throws(() => EmbeddedArchiveIndex.deserialize(badBuckets), /damaged postings/);
  });

  it('saves a few changes as journal records appended to its file, and reads them back', () => {
    const { texts, index, fingerprinter } = archive(100);
    let file = index.save({ root: 'x' })!.bytes;
    assert.strictEqual(index.save({ root: 'x' }), undefined, 'nothing changed: nothing to write');
    const writer = new ArticleWriter(11);
    const loaded = EmbeddedArchiveIndex.deserialize(file).index;
    const fresh = writer.article(300);
    loaded.put('archive/0001.txt', fingerprinter.fingerprint(fresh), stamp(500));
    loaded.remove('archive/0002.txt');
    loaded.rename('archive/0003.txt', 'moved.txt');
    loaded.restamp('archive/0004.txt', stamp(600));
    const save = loaded.save({ root: 'x' })!;
    assert.strictEqual(save.append, true);
    assert.ok(save.bytes.length < 2000, `${save.bytes.length} bytes appended`);
    file = concat(file, save.bytes);

    const again = EmbeddedArchiveIndex.deserialize(file).index;
    assert.strictEqual(again.hasUnsavedChanges, false);
    assert.strictEqual(again.size, 99);
    assert.deepStrictEqual(again.stamp('archive/0004.txt'), stamp(600));
    assert.deepStrictEqual(again.stamp('archive/0001.txt'), stamp(500));
    const queries = [fresh, ...[...texts.values()].slice(0, 10)].map((text) => fingerprinter.fingerprint(text));
    const answers = queries.map((query) => loaded.candidates({ fingerprints: query, limit: 10 }));
    assert.deepStrictEqual(queries.map((query) => again.candidates({ fingerprints: query, limit: 10 })), answers);
    assert.strictEqual(answers[0][0].key, 'archive/0001.txt');
    assert.ok(answers.every((answer) => !answer.some((candidate) => candidate.key === 'archive/0002.txt' || candidate.key === 'archive/0003.txt')));

    // A record cut short (a write interrupted) is dropped; the ones before stand; the next save writes the whole file.
    again.put('late.txt', fingerprinter.fingerprint(writer.article(200)), stamp(1));
    again.put('later.txt', fingerprinter.fingerprint(writer.article(200)), stamp(2));
    const records = again.save({ root: 'x' })!.bytes;
    const firstRecord = new DataView(records.buffer, records.byteOffset).getUint32(4, true);
    const cut = concat(file, records.subarray(0, firstRecord + 60));
    const recovered = EmbeddedArchiveIndex.deserialize(cut).index;
    assert.ok(recovered.has('late.txt'));
    assert.ok(!recovered.has('later.txt'));
    recovered.remove('moved.txt');
    assert.strictEqual(recovered.save({ root: 'x' })!.append, false);

    // So does a change of the caller's record.
    assert.strictEqual(again.save({ root: 'y' })!.append, false);
  });

  it('folds its journal into a whole file once the journal would grow large', () => {
    const { index, fingerprinter } = archive(40);
    let file = index.save(null)!.bytes;
    const loaded = EmbeddedArchiveIndex.deserialize(file).index;
    const writer = new ArticleWriter(12);
    let appended = 0;
    for (let round = 0; round < 200; round++) {
      loaded.put(`new/${round}.txt`, fingerprinter.fingerprint(writer.article(300)), stamp(round));
      const save = loaded.save(null)!;
      if (!save.append) break;
      appended++;
      file = concat(file, save.bytes);
    }
    assert.ok(appended > 5 && appended < 200, `${appended} saves appended before a whole file was written`);
    assert.strictEqual(EmbeddedArchiveIndex.deserialize(file).index.size, 40 + appended);
  });

  it('splits a listing into unchanged and changed files and names the documents it does not list, in any order', () => {
    const { index } = archive(12);
    const keys = [...index.keys()];
    const listed = (order: string[]) => order.map((key) => ({ key, size: index.stamp(key)!.size, modified: index.stamp(key)!.modified }));
    // In the index's own order, then shuffled, with a file changed, one added, one renamed, two missing: the same answer.
    const files = listed(keys.slice(0, 10));
    files[3] = { ...files[3], modified: files[3].modified + 1 };
    files.splice(5, 0, { key: 'archive/new.txt', size: 1, modified: 1 });
    files[8] = { ...files[8], key: `${files[8].key}.moved` };
    const expected = {
      unchanged: 8,
      changed: [files[3].key, 'archive/new.txt', files[8].key].sort(),
      unlisted: [keys[7], keys[10], keys[11]].sort(),
    };
    for (const order of [files, [...files].reverse(), [...files.slice(6), ...files.slice(0, 6)]]) {
      const { unchanged, changed, unlisted } = index.compareStamps(order);
      assert.deepStrictEqual({ unchanged, changed: changed.map((file) => file.key).sort(), unlisted: [...unlisted].sort() }, expected);
    }
    // Loaded from its file, and after a removal and a compaction (slots renumbered): still the same.
    const { index: loaded } = EmbeddedArchiveIndex.deserialize(index.serialize());
    assert.strictEqual(loaded.compareStamps(files).unchanged, 8);
    loaded.remove(keys[0]);
    assert.deepStrictEqual(loaded.compareStamps(files).changed.map((file) => file.key).sort(), [keys[0], ...expected.changed].sort());
    loaded.compact();
    assert.deepStrictEqual(loaded.compareStamps(files).unlisted.sort(), expected.unlisted);
    assert.deepStrictEqual(new EmbeddedArchiveIndex(DEFAULT_FINGERPRINT_SETTINGS).compareStamps(files).changed, files);
  });

  it('sorts postings by fingerprint, carrying the documents along', () => {
    const keys = Uint32Array.from([5, 0xffffffff, 3, 70000, 3, 0, 65536]);
    const values = Uint32Array.from([0, 1, 2, 3, 4, 5, 6]);
    sortPairs(keys, values);
    assert.deepStrictEqual([...keys], [0, 3, 3, 5, 65536, 70000, 0xffffffff]);
    assert.deepStrictEqual([...values], [5, 2, 4, 0, 6, 3, 1]);
  });
});

function concat(x: Uint8Array, y: Uint8Array): Uint8Array {
  const both = new Uint8Array(x.length + y.length);
  both.set(x);
  both.set(y, x.length);
  return both;
}
