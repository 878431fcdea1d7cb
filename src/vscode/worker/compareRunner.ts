import * as vscode from 'vscode';
import { Worker } from 'node:worker_threads';
import { joinComparison, joinManyComparison } from './chunkedComparison';
import type { Comparison, ManyComparison } from '../../core/model';
import type { CompareRequest, CompareResponse, PackedDocument, ReadArticle } from './messages';

export interface CompareInput {
  /** The texts as packed by packText; the host keeps them (they are copied to the worker, not moved) for the page. */
  a: PackedDocument;
  b: PackedDocument;
  options: CompareRequest['options'];
  /** Most heap, in MB, the worker may use (see CompareRunner). */
  memoryLimitMb: number;
}

export interface CompareManyInput {
  documents: PackedDocument[];
  options: CompareRequest['options'];
  /** Most heap, in MB, the worker may use (see CompareRunner). */
  memoryLimitMb: number;
}

/** A comparison stopped because its worker reached its memory limit (the worker is gone; the next run starts a fresh one). */
export class ComparisonOutOfMemory extends Error {
  constructor(readonly limitMb: number) {
    super(`the comparison needed more than its limit of ${limitMb} MB of memory`);
  }
}

export interface CompareResult {
  /** The model, in source offsets. */
  comparison: Comparison;
  /** The comparison as the page's payload encodes it, in the offsets of the texts the page shows, serialized by the worker (see protocol/comparisonPayload.ts). */
  comparisonPieces: Uint8Array[];
  /** The sides read as a web page or Markdown: the article text the page shows, and its map to the source. */
  articles: { a?: ReadArticle; b?: ReadArticle };
}

/** `CompareResult` of three or more documents: `articles` in the documents' order. */
export interface CompareManyResult {
  comparison: ManyComparison;
  /** What the view of many articles shows, in the pieces the panel posts (protocol/manyViewMessages.ts). */
  viewPieces: Uint8Array[];
  articles: Array<ReadArticle | undefined>;
}

/** How a response's pieces become a result (the pair model or the many model). */
type Join<T> = (response: Extract<CompareResponse, { ok: true }>) => Promise<T>;

/**
 * Runs comparisons on one long-lived worker thread (dist/worker.js). A cancelled run terminates
 * the worker, since the comparison is a single synchronous call that cannot be interrupted any
 * other way; the next run starts a fresh worker (a few tens of milliseconds, off this thread).
 *
 * The worker's heap is limited (`resourceLimits`), a last line of defence behind the core's work
 * budgets: without a limit, a worker that runs out of memory takes the whole extension host down
 * with it; with one, Node ends only the worker, and the run fails with ComparisonOutOfMemory.
 */
export class CompareRunner implements vscode.Disposable {
  private worker: Worker | undefined;
  /** The heap limit the current worker was started with. */
  private workerLimitMb = 0;
  private nextId = 1;
  private pending = new Map<number, { join: Join<unknown>; resolve: (result: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly workerPath: string, private readonly log: vscode.LogOutputChannel) {}

  /** Two documents: the pair model. */
  run(input: CompareInput, token: vscode.CancellationToken): Promise<CompareResult> {
    return this.request((id) => ({ id, a: input.a, b: input.b, options: input.options }), async (response) => ({
      comparison: await joinComparison(response.chunked, yieldToEventLoop),
      comparisonPieces: response.comparisonPieces,
      articles: { a: response.articles[0], b: response.articles[1] },
    }), token, input.memoryLimitMb);
  }

  /** Three or more documents: the many model. */
  runMany(input: CompareManyInput, token: vscode.CancellationToken): Promise<CompareManyResult> {
    return this.request((id) => ({ id, documents: input.documents, options: input.options }), async (response) => ({
      comparison: await joinManyComparison(response.chunked, yieldToEventLoop),
      viewPieces: response.comparisonPieces,
      articles: response.articles,
    }), token, input.memoryLimitMb);
  }

  private request<T>(message: (id: number) => CompareRequest, join: Join<T>, token: vscode.CancellationToken, memoryLimitMb: number): Promise<T> {
    if (token.isCancellationRequested) return Promise.reject(new vscode.CancellationError());
    // A worker's limits are fixed when it starts: a changed setting takes a fresh one.
    if (this.worker && this.workerLimitMb !== memoryLimitMb) this.restartWorker(new vscode.CancellationError());
    const worker = this.ensureWorker(memoryLimitMb);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const subscription = token.onCancellationRequested(() => {
        this.pending.delete(id);
        this.restartWorker(new vscode.CancellationError());
        reject(new vscode.CancellationError());
      });
      this.pending.set(id, {
        join,
        resolve: (result) => { subscription.dispose(); resolve(result as T); },
        reject: (error) => { subscription.dispose(); reject(error); },
      });
      worker.postMessage(message(id) satisfies CompareRequest);
    });
  }

  private ensureWorker(memoryLimitMb: number): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath, { resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb } });
    this.workerLimitMb = memoryLimitMb;
    worker.on('message', (response: CompareResponse) => {
      const waiting = this.pending.get(response.id);
      if (!waiting) return; // cancelled meanwhile
      this.pending.delete(response.id);
      if (!response.ok) {
        waiting.reject(new Error(response.error));
        return;
      }
      waiting.join(response).then(
        (result) => waiting.resolve(result),
        (error: unknown) => waiting.reject(error instanceof Error ? error : new Error(String(error))),
      );
    });
    // A terminated (cancelled) worker still reports its exit later; by then the pending requests
    // belong to its successor, so only the current worker may fail them.
    worker.on('error', (error: Error & { code?: string }) => {
      this.log.error('comparison worker failed', error);
      if (this.worker === worker) this.failAll(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ComparisonOutOfMemory(memoryLimitMb) : error);
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (this.pending.size > 0) this.failAll(new Error(`comparison worker exited with code ${code}`));
    });
    this.worker = worker;
    return worker;
  }

  private restartWorker(reason: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(reason);
    void worker?.terminate();
  }

  private failAll(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const entry of waiting) entry.reject(error);
  }

  dispose(): void {
    this.restartWorker(new vscode.CancellationError());
  }
}

/** Lets queued events (keystrokes, UI requests) run between pieces of work on the host thread. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
