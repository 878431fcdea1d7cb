/**
 * The quote thread's entry (dist/quoteWorker.js): tunes V8 for quote analysis, then loads the worker
 * program (dist/quoteWorkerMain.js, built from quoteWorker.ts) from V8's code cache as the CLI's
 * launcher loads its own (codeCache.ts). The thread is the critical path of a large `compare`, and
 * compiling the attribution code from source was part of it. The flags come first, so that the
 * cache is made and used under the same ones; the code is saved once every answer is out.
 */
import * as path from 'node:path';
import { cacheDirectory, cacheFileFor, loadProgram } from '../codeCache';
import { tuneForQuoteAnalysis } from '../v8Flags';

tuneForQuoteAnalysis();
const programFile = path.join(__dirname, 'quoteWorkerMain.js');
const directory = cacheDirectory();
const program = loadProgram<typeof import('./quoteWorker')>(programFile, directory && cacheFileFor(directory, programFile, 'quotes'));
program.exports.serve(() => program.save());
