/** What the CLI needs of its process (output, files, a thread), so that the unit tests can drive `main` with their own. */
import * as fs from 'node:fs';
import { join } from 'node:path';
import type { Range } from '../core/model';
import type { DocumentQuotes } from '../core/quotes/attribution';
import type { SpeakerMerge } from '../core/quotes/speakerMerge';
import { QuoteThread } from './quoteThread/quoteThread';
import { standardOutput } from './standardOutput';
import { delayOptimisingCompilerForPassages, delayOptimisingCompilerForQuotes, tuneForQuoteAnalysis } from './v8Flags';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a whole file; may throw Node's fs errors (`code` ENOENT, EISDIR, …). */
  readFile(path: string): Uint8Array;
  /** Size in bytes and kind of a path, read before the file so that a huge file is never loaded. */
  stat(path: string): { size: number; isFile: boolean };
  /** Writes a whole file (`--output`); may throw Node's fs errors. */
  writeFile(path: string, text: string): void;
  /** The time a report is made (the tests fix it). */
  now(): Date;
  /** Starts a thread for quote analysis, if this io can (see quoteThread/quoteThread.ts). */
  startQuoteThread?(): QuoteThreadHandle | undefined;
  /** Called once before a command analyses the quotes of `chars` characters of text: a chance to tune the process for that work (see nodeIo). */
  beforeQuoteAnalysis?(chars: number): void;
  /** Called once before `passages` finds the passages of texts of `chars` characters together, likewise. */
  beforePassages?(chars: number): void;
  /** Node's streams that output went through, if any (see standardOutput.ts): the process waits for them to drain before it exits. */
  outputStreams?(): NodeJS.WriteStream[];
}

/** A quote thread as the CLI uses it (QuoteThread in quoteThread/quoteThread.ts). */
export interface QuoteThreadHandle {
  analyse(texts: string[], options?: { mergeSpeakers?: boolean }): void;
  /** The ranges of text `index`'s quoted regions (in the order of the texts); undefined if the thread failed. */
  quotedRegions(index: number): Range[] | undefined;
  /** The analysis of text `index`; undefined if the thread failed. */
  take(index: number): DocumentQuotes | undefined;
  /** The two texts' merged speakers, when `analyse` asked for them; undefined if the thread failed. */
  takeSpeakerMerge(): SpeakerMerge | undefined;
  stop(): void;
}

// A reader that closes the pipe early (`| head`) is not an error worth a stack trace; a message for
// a standard error that nobody reads any more is dropped.
const out = standardOutput(1, () => process.stdout, () => process.exit(0));
const err = standardOutput(2, () => process.stderr, () => undefined);

export const nodeIo: CliIo = {
  stdout: (text) => out.write(text),
  stderr: (text) => err.write(text),
  outputStreams: () => [out.stream, err.stream].filter((stream) => stream !== undefined),
  readFile: (path) => fs.readFileSync(path),
  writeFile: (path, text) => fs.writeFileSync(path, text),
  now: () => new Date(),
  stat: (path) => {
    const info = fs.statSync(path);
    return { size: info.size, isFile: info.isFile() };
  },
  startQuoteThread: () => {
    // The worker is a bundle beside dist/cli.js; run from the sources (the unit tests), there is none.
    const workerFile = join(__dirname, 'quoteWorker.js');
    return fs.existsSync(workerFile) ? QuoteThread.start(workerFile) : undefined;
  },
  beforeQuoteAnalysis: (chars) => {
    tuneForQuoteAnalysis();
    delayOptimisingCompilerForQuotes(chars);
  },
  beforePassages: delayOptimisingCompilerForPassages,
};

