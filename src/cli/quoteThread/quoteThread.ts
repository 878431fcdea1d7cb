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
 * reads the port with `receiveMessageOnPort`. (One message per answer, in the order the main
 * thread needs them: it starts pairing A's quotes with B's quoted regions, and it merges nothing
 * itself, while the worker is still attributing B's quotes and then merging the two speaker lists;
 * see `QuoteAnswer`.) A worker that fails in any way makes the answer undefined, and the caller
 * does that work itself: the thread can only make the answer faster, never different.
 */
import type { MessagePort, Worker } from 'node:worker_threads';
import type { DocumentQuotes } from '../../core/quotes/attribution';
import type { Range } from '../../core/model';
import type { SpeakerMerge } from '../../core/quotes/speakerMerge';

/** node:worker_threads, loaded on first use: only large comparisons start a thread, and every run would pay for loading it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workerThreads = (): typeof import('node:worker_threads') => require('node:worker_threads') as typeof import('node:worker_threads');

/** What the worker (quoteWorker.ts beside this file) is given; the texts follow on `port` as a `QuoteTexts`. */
export interface QuoteJob {
  port: MessagePort;
  /** Element 0: WAITING, then STARTED when the worker runs, then STARTED + n once n answers are on the port. */
  signal: Int32Array;
}

export interface QuoteTexts {
  texts: string[];
  /** Also merge the speakers of the two texts (`mergeSpeakerLists`) once both are analysed. */
  mergeSpeakers: boolean;
}

/**
 * The worker's answers, in the order it posts them: for each text, the ranges of its quoted regions
 * (they come first, and the main thread starts pairing quotes with them) and then its quotes; last,
 * if asked, the merged speakers. A failure carries no message: the main thread then does that work
 * itself, and meets (and reports) the same error there.
 */
export type QuoteAnswer =
  | { ok: true; regions: Range[] }
  | { ok: true; quotes: DocumentQuotes }
  | { ok: true; merge: SpeakerMerge }
  | { ok: false };

/** How many answers the worker posts for `texts` texts. */
export const answersFor = (texts: number, mergeSpeakers: boolean): number => 2 * texts + (mergeSpeakers ? 1 : 0);

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

// Generous, many times what quote analysis takes on any shape of text, so that only a dead worker meets it.
const ANSWER_MS_PER_MILLION_CHARS = 10_000;

export class QuoteThread {
  /** The answers read from the port so far, in the order posted (see `QuoteAnswer`). */
  private readonly answers: Array<QuoteAnswer | undefined> = [];
  private texts = 0;
  private expected = 0;
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

  /** Hands the worker the texts to analyse (once); with `mergeSpeakers`, two texts whose speakers it then merges. */
  analyse(texts: string[], { mergeSpeakers = false }: { mergeSpeakers?: boolean } = {}): this {
    this.texts = texts.length;
    this.expected = answersFor(texts.length, mergeSpeakers);
    const millions = texts.reduce((sum, text) => sum + text.length, 0) / 1e6;
    this.deadline = performance.now() + this.timeouts.answerMs + ANSWER_MS_PER_MILLION_CHARS * millions;
    this.port.postMessage({ texts, mergeSpeakers } satisfies QuoteTexts);
    return this;
  }

  /** The ranges of the quoted regions of text `index` (in the order given to `analyse`); undefined if that failed. */
  quotedRegions(index: number): Range[] | undefined {
    const answer = index < this.texts ? this.answer(2 * index) : undefined;
    return answer?.ok && 'regions' in answer ? answer.regions : undefined;
  }

  /** The analysis of text `index`, once the worker has it; undefined if it failed. */
  take(index: number): DocumentQuotes | undefined {
    const answer = index < this.texts ? this.answer(2 * index + 1) : undefined;
    return answer?.ok && 'quotes' in answer ? answer.quotes : undefined;
  }

  /** The merged speakers of the two texts, if `analyse` asked for them and the worker made them; undefined otherwise. */
  takeSpeakerMerge(): SpeakerMerge | undefined {
    const answer = this.expected > 2 * this.texts ? this.answer(2 * this.texts) : undefined;
    return answer?.ok && 'merge' in answer ? answer.merge : undefined;
  }

  /** Answer `index`, read (and waited for) in order; undefined once one has failed. */
  private answer(index: number): QuoteAnswer | undefined {
    while (this.answers.length <= index && this.answers.length < this.expected && !this.failed) this.answers.push(this.next());
    return this.answers[index];
  }

  /** Waits for the next answer and reads it; ends the worker after a failure, lets it go after the last answer (see `stop`). */
  private next(): QuoteAnswer | undefined {
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
      return answer;
    } finally {
      if (!answer?.ok) this.failed = true;
      if (this.failed) this.stop();
      else if (this.answers.length + 1 === this.expected) this.port.close();
    }
  }

  /**
   * Ends the worker, whether or not it was given texts or has answered; one that has given every
   * answer is left to end by itself (it may be saving its compiled code: see quoteWorkerLaunch.ts),
   * holding the process to nothing (`unref`).
   */
  stop(): void {
    this.port.close();
    if (this.failed || this.answers.length < this.expected || this.expected === 0) void this.worker.terminate();
  }
}
