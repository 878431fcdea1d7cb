// The worker side of quoteThread.ts: analyses the quotes of the texts it is given, posts them, and
// raises the flag the main thread sleeps on. The flag is raised whatever happens, so the main
// thread never waits for an answer that will not come.
import { workerData } from 'node:worker_threads';
import { analyzeQuotes } from './core/attribution';
import { compileWithoutInlining, DONE, STARTED, type QuoteAnswer, type QuoteJob } from './quoteThread';

compileWithoutInlining();
const job = workerData as QuoteJob;
Atomics.store(job.signal, 0, STARTED);
Atomics.notify(job.signal, 0);
let answer: QuoteAnswer;
try {
  answer = { ok: true, quotes: job.texts.map((text) => analyzeQuotes(text)) };
} catch (error) {
  answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
}
try {
  job.port.postMessage(answer);
} finally {
  Atomics.store(job.signal, 0, DONE);
  Atomics.notify(job.signal, 0);
  job.port.close();
}
