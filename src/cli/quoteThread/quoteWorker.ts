// The worker side of quoteThread.ts: waits for the texts and analyses them one by one, posting
// each answer as soon as it has it (a text's quoted regions, then its quotes; last, if asked, the
// merged speakers) and counting it in the shared flag the main thread sleeps on. Every answer is
// counted whatever happens, so the main thread never waits for an answer that will not come.
// Built as dist/quoteWorkerMain.js, which dist/quoteWorker.js (quoteWorkerLaunch.ts) loads from V8's
// code cache; run directly (a bundle of this file alone, as the tests make), it serves by itself.
import { workerData } from 'node:worker_threads';
import { attributeQuotes, type DocumentQuotes } from '../../core/quotes/attribution';
import { extractQuotedRegions } from '../../core/quotes/quotedRegions';
import { mergeSpeakerLists } from '../../core/quotes/speakerMerge';
import { answersFor, STARTED, type QuoteAnswer, type QuoteJob, type QuoteTexts } from './quoteThread';
import { delayOptimisingCompilerForQuotes, restoreInterruptBudget, tuneForQuoteAnalysis } from '../v8Flags';

const count = (job: QuoteJob, answers: number): void => {
  Atomics.store(job.signal, 0, STARTED + answers);
  Atomics.notify(job.signal, 0);
};

/**
 * All of `quotes` that `mergeSpeakerLists` reads: its speakers, copied (a name may be a slice of the
 * text, and would keep the whole text).
 */
export function speakersOnly(quotes: DocumentQuotes): DocumentQuotes {
  return { quotes: [], nonSpeech: [], speakers: structuredClone(quotes.speakers) };
}

/** `make()`, or undefined if it throws: the main thread then does that work itself, and meets (and reports) the error there. */
function attempt<T>(make: () => T): T | undefined {
  try {
    return make();
  } catch {
    return undefined;
  }
}

/**
 * Tells the main thread that this worker runs, answers its texts, then calls `whenAnswered` (the
 * launcher saves the code it compiled then, off the main thread's path: every answer is out).
 */
export function serve(whenAnswered?: () => void): void {
  const job = workerData as QuoteJob;
  count(job, 0);
  job.port.once('message', ({ texts, mergeSpeakers }: QuoteTexts) => {
    delayOptimisingCompilerForQuotes(texts.reduce((sum, text) => sum + text.length, 0));
    let posted = 0;
    const post = (answer: QuoteAnswer): void => {
      job.port.postMessage(answer);
      count(job, ++posted);
    };
    try {
      const analyses: Array<DocumentQuotes | undefined> = [];
      for (let index = 0; index < texts.length; index++) {
        const text = texts[index];
        const extracted = attempt(() => extractQuotedRegions(text));
        post(extracted ? { ok: true, regions: extracted.regions.map((region) => region.range) } : { ok: false });
        const quotes = extracted && attempt(() => attributeQuotes(text, extracted));
        post(quotes ? { ok: true, quotes } : { ok: false });
        // Once posted, a text and its analysis are let go (they would otherwise stay until the last
        // answer, at the comparison's peak of memory), but for what the merge reads.
        texts[index] = '';
        analyses.push(quotes && mergeSpeakers ? speakersOnly(quotes) : undefined);
      }
      if (mergeSpeakers) {
        const [a, b] = analyses;
        const merge = texts.length === 2 && a && b ? attempt(() => mergeSpeakerLists(a, b)) : undefined;
        post(merge ? { ok: true, merge } : { ok: false });
      }
    } finally {
      // An answer that could not be posted leaves it (and those after it) unread on the port: the main thread reads undefined.
      count(job, answersFor(texts.length, mergeSpeakers));
      job.port.close();
    }
    // The code is saved under the flags it was loaded with (see quoteWorkerLaunch.ts).
    restoreInterruptBudget();
    whenAnswered?.();
  });
}

if (require.main === module) {
  tuneForQuoteAnalysis();
  serve();
}
