/**
 * Quote analysis on a second thread, for the CLI: on large texts the quotes of a document cost
 * about as much as the shared passages, and the machine has a second core. The main thread starts
 * the worker as soon as it knows the files are large (a worker takes tens of milliseconds to boot,
 * time the main thread spends reading the files), hands it the texts, finds the passages
 * meanwhile, and then waits for the quotes.
 *
 * The CLI is synchronous from start to end (`main` returns its exit code), so the wait is
 * synchronous too: the worker posts each text's answer on a MessagePort as soon as it has it and
 * counts the answers in shared memory; the main thread sleeps on the count with `Atomics.wait` and
 * reads the port with `receiveMessageOnPort`. (One message per text: the main thread unpacks the
 * first text's quotes while the worker is still on the second.) A worker that fails in any way
 * makes `take` return undefined, and the caller analyses the text itself: the thread can only make
 * the answer faster, never different.
 */
import type { MessagePort, Worker } from 'node:worker_threads';
import type { DocumentQuotes } from './core/attribution';

/**
 * node:worker_threads, loaded on first use: loading it costs the CLI 2-4 ms at start, and only
 * large comparisons start a thread.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workerThreads = (): typeof import('node:worker_threads') => require('node:worker_threads') as typeof import('node:worker_threads');

/** What the worker (src/quoteWorker.ts) is given; the texts follow on `port` as a `QuoteTexts`. */
export interface QuoteJob {
  port: MessagePort;
  /** Element 0: WAITING, then STARTED when the worker runs, then STARTED + n once n answers are on the port. */
  signal: Int32Array;
}

export interface QuoteTexts {
  texts: string[];
}

/**
 * The answer for one text. A failure carries no message: the main thread then analyses the text
 * itself, and meets (and reports) the same error there.
 */
export type QuoteAnswer = { ok: true; quotes: DocumentQuotes } | { ok: false };

export const WAITING = 0;
export const STARTED = 1;

/** How long the main thread waits for the worker before it does the work itself. */
export interface QuoteThreadTimeouts {
  /** For the worker to start running (an exhausted machine, a missing bundle). */
  startMs: number;
  /**
   * For all the answers, from `analyse`, plus `ANSWER_MS_PER_MILLION_CHARS` for each million
   * characters of the texts. A worker that dies without counting its answers (one that runs out of
   * memory is ended with no `finally` run) would otherwise leave the main thread waiting for ever;
   * with the deadline it is a slow run with the same output.
   */
  answerMs: number;
}

const DEFAULT_QUOTE_THREAD_TIMEOUTS: QuoteThreadTimeouts = { startMs: 10_000, answerMs: 30_000 };

// Generous: quote analysis takes about 0.3 s per million characters here, and the hostile shapes
// of the benchmark (unbalanced quotes, one long line) at most about 1 s.
const ANSWER_MS_PER_MILLION_CHARS = 10_000;

/**
 * Makes V8's optimising compiler (TurboFan) do less for the rest of this process: no inlining, no
 * loop peeling, no escape analysis. Quote analysis is a lot of code that a CLI process runs once,
 * cold; TurboFan, compiling it on background threads that compete with the two busy threads for
 * this machine's two cores, spent more time on those passes than the faster code then saved
 * (`perf` on a 1 MB `compare`: a quarter of all CPU time was TurboFan on background threads).
 * Measured on 1 MB pairs, interleaved runs: no inlining took 60-100 ms of wall time and about
 * 150 ms of CPU off `compare` (news, reprint and unrelated texts; 5 MB and the hostile shapes no
 * slower); no loop peeling and no escape analysis then 45-60 ms of wall time (news, median of
 * 21-25 runs) and 50-110 ms of CPU. `passages` alone gains nothing, so it keeps the defaults.
 *
 * When: before the quote analysis is compiled, and not before a worker starts. V8 checks Node's
 * cached compiled internals against the flags, so a worker that boots after the change compiles
 * them all afresh (40-50 ms here); the quote thread therefore calls this itself once it runs.
 * node:v8 is loaded here rather than at the top because it costs 2-3 ms and `passages` never needs it.
 */
export function lightenOptimisingCompiler(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--no-turbo-inlining --no-turbo-loop-peeling --no-turbo-escape');
}

export class QuoteThread {
  /** The answers read from the port so far, by text. */
  private readonly answers: Array<DocumentQuotes | undefined> = [];
  private texts = 0;
  private failed = false;
  /** When the main thread stops waiting for answers, on the `performance.now()` clock (which setting the date does not move). */
  private deadline = Infinity;

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly signal: Int32Array,
    private readonly timeouts: QuoteThreadTimeouts,
  ) {}

  /** Starts a worker running `workerFile` (dist/quoteWorker.js); it waits for `analyse`. */
  static start(workerFile: string, timeouts: Partial<QuoteThreadTimeouts> = {}): QuoteThread {
    const { MessageChannel, Worker } = workerThreads();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const job: QuoteJob = { port: port2, signal };
    const worker = new Worker(workerFile, { workerData: job, transferList: [port2] });
    // The answer is read synchronously; the thread must not keep the process alive after it.
    worker.unref();
    // Load failures surface as an 'error' event; `take` notices them as a worker that never started.
    worker.on('error', () => undefined);
    return new QuoteThread(worker, port1, signal, { ...DEFAULT_QUOTE_THREAD_TIMEOUTS, ...timeouts });
  }

  /** Hands the worker the texts to analyse (once). */
  analyse(texts: string[]): this {
    this.texts = texts.length;
    const millions = texts.reduce((sum, text) => sum + text.length, 0) / 1e6;
    this.deadline = performance.now() + this.timeouts.answerMs + ANSWER_MS_PER_MILLION_CHARS * millions;
    this.port.postMessage({ texts } satisfies QuoteTexts);
    return this;
  }

  /** The analysis of text `index` (in the order given to `analyse`), once the worker has it; undefined if it failed. */
  take(index: number): DocumentQuotes | undefined {
    while (this.answers.length <= index && this.answers.length < this.texts && !this.failed) this.answers.push(this.next());
    return this.answers[index];
  }

  /** Waits for the next answer and reads it; ends the worker after the last one or a failure. */
  private next(): DocumentQuotes | undefined {
    let answer: QuoteAnswer | undefined;
    try {
      if (Atomics.wait(this.signal, 0, WAITING, this.timeouts.startMs) === 'timed-out') return undefined;
      const posted = STARTED + this.answers.length + 1;
      for (let now = Atomics.load(this.signal, 0); now < posted; now = Atomics.load(this.signal, 0)) {
        const left = this.deadline - performance.now();
        if (left <= 0) return undefined;
        Atomics.wait(this.signal, 0, now, left);
      }
      answer = workerThreads().receiveMessageOnPort(this.port)?.message as QuoteAnswer | undefined;
      return answer?.ok ? answer.quotes : undefined;
    } finally {
      if (!answer?.ok) this.failed = true;
      if (this.failed || this.answers.length + 1 === this.texts) this.stop();
    }
  }

  /** Ends the worker, whether or not it was given texts or has answered. */
  stop(): void {
    this.port.close();
    void this.worker.terminate();
  }
}
