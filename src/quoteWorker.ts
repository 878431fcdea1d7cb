// The worker side of quoteThread.ts: waits for the texts, analyses their quotes one by one,
// posting each answer as soon as it has it and counting it in the shared flag the main thread
// sleeps on. Every text is counted whatever happens, so the main thread never waits for an answer
// that will not come.
import { workerData } from 'node:worker_threads';
import { analyzeQuotes } from './core/attribution';
import { lightenOptimisingCompiler, STARTED, type QuoteAnswer, type QuoteJob, type QuoteTexts } from './quoteThread';

lightenOptimisingCompiler();
const job = workerData as QuoteJob;
const count = (answers: number): void => {
  Atomics.store(job.signal, 0, STARTED + answers);
  Atomics.notify(job.signal, 0);
};
count(0);
job.port.once('message', ({ texts }: QuoteTexts) => {
  try {
    texts.forEach((text, k) => {
      let answer: QuoteAnswer;
      try {
        answer = { ok: true, quotes: analyzeQuotes(text) };
      } catch {
        answer = { ok: false };
      }
      job.port.postMessage(answer);
      count(k + 1);
    });
  } finally {
    // A message that could not be posted leaves its text (and those after it) unanswered on the port: the main thread reads undefined.
    count(texts.length);
    job.port.close();
  }
});
