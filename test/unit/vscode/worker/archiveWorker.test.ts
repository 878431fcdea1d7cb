// The archive worker in a real worker thread (bundled from the sources): its messages, its index
// kept in a storage file across restarts, and a sync cancelled between slices.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { DEFAULT_FINGERPRINT_SETTINGS } from '../../../../src/core/archive/fingerprints';
import type { ArchiveCommand, ArchiveResponse, FindResult, OpenResult, SyncResult, WorkspaceFile } from '../../../../src/vscode/worker/archiveMessages';
import { ArticleWriter, plant } from '../../core/archive/archiveFixture';

class Client {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; progress: number[] }>();

  constructor(bundle: string) {
    this.worker = new Worker(bundle);
    this.worker.on('message', (response: ArchiveResponse) => {
      const entry = this.waiting.get(response.id)!;
      if (response.type === 'progress') entry.progress.push(response.done);
      else {
        this.waiting.delete(response.id);
        if (response.type === 'done') entry.resolve(response.result);
        else entry.reject(new Error(response.error));
      }
    });
  }

  send<T>(command: ArchiveCommand, progress: number[] = []): { id: number; result: Promise<T> } {
    const id = this.nextId++;
    const result = new Promise<T>((resolve, reject) => this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject, progress }));
    this.worker.postMessage({ ...command, id });
    return { id, result };
  }

  request<T>(command: ArchiveCommand, progress?: number[]): Promise<T> {
    return this.send<T>(command, progress).result;
  }

  cancel(id: number): void {
    this.worker.postMessage({ type: 'cancel', id });
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

describe('vscode/worker/archiveWorker', function () {
  this.timeout(60000);
  let dir: string;
  let bundle: string;
  let storageFile: string;
  const writer = new ArticleWriter(64);
  const files: WorkspaceFile[] = [];
  const texts = new Map<string, string>();

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-sources-archive-worker-'));
    bundle = path.join(dir, 'archiveWorker.js');
    buildSync({ entryPoints: [path.join(__dirname, '../../../../src/vscode/worker/archiveWorker.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
    storageFile = path.join(dir, 'storage', 'find-sources.index');
    for (let k = 0; k < 40; k++) {
      const file = path.join(dir, 'docs', `doc${k}.txt`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      texts.set(`file:///doc${k}`, writer.article(200 + writer.integer(200)));
      fs.writeFileSync(file, texts.get(`file:///doc${k}`)!);
      files.push({ key: `file:///doc${k}`, path: file });
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const open = (client: Client, fresh = false) => client.request<OpenResult>({ type: 'open', storageFile, settings: DEFAULT_FINGERPRINT_SETTINGS, inputFormat: 'auto', maxBytes: 1 << 20, fresh });

  it('indexes the files it is given, answers with the exact figures, and keeps the index in its storage file', async () => {
    const client = new Client(bundle);
    try {
      assert.deepStrictEqual(await open(client), { documents: 0 });
      const synced = await client.request<SyncResult>({ type: 'sync', files, complete: true });
      assert.strictEqual(synced.finished, true);
      assert.strictEqual(synced.report.added, 40);
      const article = plant(writer.article(300), texts.get('file:///doc12')!.split('\n\n')[0], 1);
      const found = await client.request<FindResult>({ type: 'find', article: { key: 'file:///article', text: article, format: 'text' }, top: 5, minWords: 6 });
      assert.strictEqual(found.documents, 40);
      assert.strictEqual(found.matches[0].key, 'file:///doc12');
      await client.request({ type: 'save' });
      assert.ok(fs.statSync(storageFile).size > 1000);
    } finally {
      await client.stop();
    }

    // A new worker loads the kept index and reads only what changed since.
    const again = new Client(bundle);
    try {
      assert.deepStrictEqual(await open(again), { documents: 40 });
      fs.writeFileSync(files[3].path, writer.article(200));
      fs.utimesSync(files[3].path, new Date(), new Date(Date.now() + 5000));
      const synced = await again.request<SyncResult>({ type: 'sync', files: files.slice(0, 39), complete: true });
      assert.deepStrictEqual({ ...synced.report, skipped: synced.report.skipped.length }, { added: 0, updated: 1, restamped: 0, removed: 1, unchanged: 38, skipped: 0 });
      await again.request({ type: 'rename', from: files[12], to: { key: 'file:///renamed', path: files[12].path } });
      await again.request({ type: 'remove', keys: ['file:///doc1'], withContents: false });
      await again.request({ type: 'remove', keys: ['file:///doc2'], withContents: true });
      const found = await again.request<FindResult>({ type: 'find', article: { key: 'file:///x', text: texts.get('file:///doc12')!, format: 'text' }, top: 5, minWords: 6 });
      assert.strictEqual(found.matches[0].key, 'file:///renamed');
      assert.strictEqual(found.documents, 37);
      assert.deepStrictEqual((await open(again, true)), { documents: 0 });
      assert.ok(!fs.existsSync(storageFile), 'a fresh start drops the kept file');
    } finally {
      await again.stop();
    }
  });

  it('reads web pages and Markdown by their article text, the article too, and starts afresh when files are to be read otherwise', async () => {
    const paragraph = writer.article(80).split('\n\n')[0];
    const page = path.join(dir, 'pages', 'page.html');
    fs.mkdirSync(path.dirname(page), { recursive: true });
    fs.writeFileSync(page, `<html><head><script>var x = 1;</script></head><body><nav>Home</nav><article><p>${paragraph}</p><p>${writer.article(60)}</p></article></body></html>`);
    const client = new Client(bundle);
    try {
      await open(client, true);
      await client.request<SyncResult>({ type: 'sync', files: [...files.slice(0, 5), { key: 'file:///page', path: page }], complete: true });
      const article = `<html><body><main><h1>Our story</h1><p>${writer.article(60)}</p><p>${paragraph}</p></main></body></html>`;
      const found = await client.request<FindResult>({ type: 'find', article: { key: 'file:///a.html', text: article, format: 'html' }, top: 5, minWords: 6 });
      assert.deepStrictEqual(found.matches.map((match) => match.key), ['file:///page']);
      assert.strictEqual(found.matches[0].passages, 1);
      await client.request({ type: 'save' });
      const reopened = await client.request<OpenResult>({ type: 'open', storageFile, settings: DEFAULT_FINGERPRINT_SETTINGS, inputFormat: 'text', maxBytes: 1 << 20, fresh: false });
      assert.strictEqual(reopened.documents, 0);
      assert.match(reopened.discarded ?? '', /read as auto, now as text/);
    } finally {
      await client.stop();
    }
  });

  it('starts afresh from a kept index made with other settings or damaged', async () => {
    fs.mkdirSync(path.dirname(storageFile), { recursive: true });
    fs.writeFileSync(storageFile, 'damaged');
    const client = new Client(bundle);
    try {
      const opened = await open(client);
      assert.strictEqual(opened.documents, 0);
      assert.match(opened.discarded ?? '', /not an index file/);
    } finally {
      await client.stop();
    }
  });

  it('stops a sync when cancelled, keeping what it did, and reports progress meanwhile', async () => {
    const many: WorkspaceFile[] = [];
    const big = writer.article(3000);
    for (let k = 0; k < 400; k++) {
      const file = path.join(dir, 'many', `m${k}.txt`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${k}\n\n${big}`);
      many.push({ key: `file:///m${k}`, path: file });
    }
    const client = new Client(bundle);
    try {
      await open(client, true);
      const progress: number[] = [];
      const sync = client.send<SyncResult>({ type: 'sync', files: many, complete: true }, progress);
      while (progress.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      client.cancel(sync.id);
      const result = await sync.result;
      assert.strictEqual(result.finished, false);
      assert.ok(result.documents > 0 && result.documents < 400, `${result.documents} documents when cancelled`);
      // The next sync goes on from there.
      const rest = await client.request<SyncResult>({ type: 'sync', files: many, complete: true });
      assert.strictEqual(rest.report.unchanged, result.documents);
      assert.strictEqual(rest.documents, 400);
    } finally {
      await client.stop();
    }
  });
});
