import * as assert from 'assert';
import { EmbeddedArchiveIndex } from '../../../../src/core/archive/embeddedIndex';
import { syncArchive, syncArchiveNow, type ArchiveFile, type ArchiveReader } from '../../../../src/core/archive/archiveSync';
import { DEFAULT_FINGERPRINT_SETTINGS, Fingerprinter } from '../../../../src/core/archive/fingerprints';
import { ArticleWriter } from './archiveFixture';

/** An archive in memory that counts its reads. */
class FakeDisk implements ArchiveReader {
  readonly files = new Map<string, { bytes: Uint8Array; modified: number }>();
  reads: string[] = [];

  write(key: string, text: string | Uint8Array, modified: number): void {
    this.files.set(key, { bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text, modified });
  }

  list(): ArchiveFile[] {
    return [...this.files].map(([key, file]) => ({ key, size: file.bytes.length, modified: file.modified }));
  }

  read(key: string): Uint8Array | undefined {
    this.reads.push(key);
    return this.files.get(key)?.bytes;
  }
}

const options = { maxBytes: 1 << 20, removeUnlisted: true };

describe('core/archive/archiveSync', () => {
  const writer = new ArticleWriter(4);
  const texts = Array.from({ length: 6 }, () => writer.article(200));
  const fingerprinter = new Fingerprinter();
  const sourcesOf = (index: EmbeddedArchiveIndex, text: string) => index.candidates({ fingerprints: fingerprinter.fingerprint(text), limit: 5 }).map((c) => c.key);

  it('reads only what changed, and fingerprints again only what changed in content', () => {
    const disk = new FakeDisk();
    texts.slice(0, 4).forEach((text, k) => disk.write(`${k}.txt`, text, 100));
    const index = new EmbeddedArchiveIndex(DEFAULT_FINGERPRINT_SETTINGS);
    assert.deepStrictEqual(syncArchiveNow(index, disk.list(), disk, fingerprinter, options), { added: 4, updated: 0, restamped: 0, removed: 0, unchanged: 0, skipped: [] });
    assert.strictEqual(disk.reads.length, 4);

    disk.reads = [];
    assert.strictEqual(syncArchiveNow(index, disk.list(), disk, fingerprinter, options).unchanged, 4);
    assert.deepStrictEqual(disk.reads, []);

    disk.write('1.txt', texts[1], 200); // touched, same content
    disk.write('2.txt', texts[4], 200); // new content
    disk.files.delete('3.txt');
    disk.write('5.txt', texts[5], 200);
    const report = syncArchiveNow(index, disk.list(), disk, fingerprinter, options);
    assert.deepStrictEqual(report, { added: 1, updated: 1, restamped: 1, removed: 1, unchanged: 1, skipped: [] });
    assert.deepStrictEqual(disk.reads.sort(), ['1.txt', '2.txt', '5.txt']);
    assert.strictEqual(index.stamp('1.txt')?.modified, 200);
    assert.deepStrictEqual(sourcesOf(index, texts[4]), ['2.txt']);
    assert.deepStrictEqual(sourcesOf(index, texts[2]), []);
    assert.deepStrictEqual(sourcesOf(index, texts[3]), []);
    assert.deepStrictEqual(sourcesOf(index, texts[5]), ['5.txt']);
  });

  it('takes a list of changes without removing what it does not list', () => {
    const disk = new FakeDisk();
    texts.forEach((text, k) => disk.write(`${k}.txt`, text, 100));
    const index = new EmbeddedArchiveIndex(DEFAULT_FINGERPRINT_SETTINGS);
    syncArchiveNow(index, disk.list(), disk, fingerprinter, options);
    disk.write('0.txt', texts[5], 300);
    const report = syncArchiveNow(index, disk.list().filter((file) => file.key === '0.txt'), disk, fingerprinter, { ...options, removeUnlisted: false });
    assert.strictEqual(report.updated, 1);
    assert.strictEqual(index.size, 6);
    assert.deepStrictEqual(sourcesOf(index, texts[5]).sort(), ['0.txt', '5.txt']);
  });

  it('indexes binary and too large files empty, so that they are not read again while they stay the same', () => {
    const disk = new FakeDisk();
    disk.write('picture.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]), 100);
    disk.write('huge.txt', texts[0].repeat(40), 100);
    disk.write('fine.txt', texts[1], 100);
    const index = new EmbeddedArchiveIndex(DEFAULT_FINGERPRINT_SETTINGS);
    const report = syncArchiveNow(index, disk.list(), disk, fingerprinter, { ...options, maxBytes: 20000 });
    assert.deepStrictEqual(report.skipped.map((skip) => skip.key).sort(), ['huge.txt', 'picture.txt']);
    assert.match(report.skipped.find((skip) => skip.key === 'picture.txt')!.reason, /binary/);
    assert.deepStrictEqual(disk.reads.sort(), ['fine.txt', 'picture.txt']);
    disk.reads = [];
    assert.strictEqual(syncArchiveNow(index, disk.list(), disk, fingerprinter, { ...options, maxBytes: 20000 }).unchanged, 3);
    assert.deepStrictEqual(disk.reads, []);
    assert.deepStrictEqual(sourcesOf(index, texts[0]), []);
  });

  it('drops a listed file that is gone when it is read', () => {
    const disk = new FakeDisk();
    disk.write('a.txt', texts[0], 100);
    const index = new EmbeddedArchiveIndex(DEFAULT_FINGERPRINT_SETTINGS);
    syncArchiveNow(index, disk.list(), disk, fingerprinter, options);
    const listed = disk.list().map((file) => ({ ...file, modified: 999 }));
    disk.files.delete('a.txt');
    assert.strictEqual(syncArchiveNow(index, listed, disk, fingerprinter, options).removed, 1);
    assert.strictEqual(index.size, 0);
  });

  it('reads articles through the reader’s own reading of a format', () => {
    const disk = new FakeDisk();
    const page = `<html><body><p>${texts[2]}</p></body></html>`;
    disk.write('page.html', page, 1);
    const reader: ArchiveReader = { read: (key) => disk.read(key), articleText: (_key, text) => text.replace(/<[^>]+>/g, ' ') };
    const index = new EmbeddedArchiveIndex(DEFAULT_FINGERPRINT_SETTINGS);
    syncArchiveNow(index, disk.list(), reader, fingerprinter, options);
    assert.deepStrictEqual(sourcesOf(index, texts[2]), ['page.html']);
  });

  it('reports its progress file by file', () => {
    const disk = new FakeDisk();
    texts.forEach((text, k) => disk.write(`${k}.txt`, text, 1));
    const steps = syncArchive(new EmbeddedArchiveIndex(DEFAULT_FINGERPRINT_SETTINGS), disk.list(), disk, fingerprinter, options);
    const seen: number[] = [];
    for (let step = steps.next(); !step.done; step = steps.next()) seen.push(step.value.done);
    assert.deepStrictEqual(seen, [1, 2, 3, 4, 5, 6]);
  });
});
