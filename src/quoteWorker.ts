// The worker side of quoteThread.ts: waits for the texts, analyses their quotes, posts them, and
// raises the flag the main thread sleeps on. The flag is raised whatever happens, so the main
// thread never waits for an answer that will not come.
import { workerData } from 'node:worker_threads';
import { analyzeQuotes } from './core/attribution';
import { compileWithoutInlining, DONE, STARTED, type QuoteAnswer, type QuoteJob, type QuoteTexts } from './quoteThread';

compileWithoutInlining();
const job = workerData as QuoteJob;
Atomics.store(job.signal, 0, STARTED);
Atomics.notify(job.signal, 0);
job.port.once('message', ({ texts }: QuoteTexts) => {
  let answer: QuoteAnswer;
  try {
    answer = { ok: true, quotes: texts.map((text) => analyzeQuotes(text)) };
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
});
