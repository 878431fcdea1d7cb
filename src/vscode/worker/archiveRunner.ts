import * as vscode from 'vscode';
import { Worker } from 'node:worker_threads';
import type { ArchiveCancel, ArchiveCommand, ArchiveRequest, ArchiveResponse } from './archiveMessages';

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
  progress?(done: number, total: number): void;
}

/**
 * The host's side of the archive worker (dist/archiveWorker.js): one long-lived thread that holds
 * the index in memory, so it is never terminated to cancel (that would lose the index): a sync is
 * cancelled by message and stops between slices. Should the thread die, `onDidLoseIndex` fires and
 * the next request starts a new one, which must be opened and synced again.
 */
export class ArchiveRunner implements vscode.Disposable {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly lost = new vscode.EventEmitter<void>();
  readonly onDidLoseIndex = this.lost.event;

  constructor(private readonly workerPath: string, private readonly log: vscode.LogOutputChannel) {}

  request<T>(command: ArchiveCommand, options: { token?: vscode.CancellationToken; progress?: (done: number, total: number) => void } = {}): Promise<T> {
    const { token } = options;
    if (token?.isCancellationRequested) return Promise.reject(new vscode.CancellationError());
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const subscription = token?.onCancellationRequested(() => {
        worker.postMessage({ type: 'cancel', id } satisfies ArchiveCancel);
      });
      this.pending.set(id, {
        resolve: (result) => {
          subscription?.dispose();
          if (token?.isCancellationRequested) reject(new vscode.CancellationError());
          else resolve(result as T);
        },
        reject: (error) => {
          subscription?.dispose();
          reject(error);
        },
        progress: options.progress,
      });
      worker.postMessage({ ...command, id } satisfies ArchiveRequest);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath);
    worker.on('message', (response: ArchiveResponse) => {
      const waiting = this.pending.get(response.id);
      if (!waiting) return;
      if (response.type === 'progress') {
        waiting.progress?.(response.done, response.total);
        return;
      }
      this.pending.delete(response.id);
      if (response.type === 'done') waiting.resolve(response.result);
      else waiting.reject(new Error(response.error));
    });
    worker.on('error', (error) => this.log.error('archive worker failed', error));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const waiting = [...this.pending.values()];
      this.pending.clear();
      for (const entry of waiting) entry.reject(new Error(`the Find Sources worker stopped (exit code ${code})`));
      this.lost.fire();
    });
    this.worker = worker;
    return worker;
  }

  /** Lets the worker write what it has not written yet (a second at most), then ends it. */
  dispose(): void {
    const worker = this.worker;
    this.lost.dispose();
    if (!worker) return;
    const saved = this.request({ type: 'save' }).catch(() => undefined);
    const timeout = new Promise((resolve) => setTimeout(resolve, 1000));
    this.worker = undefined;
    void Promise.race([saved, timeout]).then(() => {
      for (const entry of this.pending.values()) entry.reject(new vscode.CancellationError());
      this.pending.clear();
      return worker.terminate();
    });
  }
}
