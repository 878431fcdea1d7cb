/**
 * `compare-sources` (dist/cli.js): loads the program (dist/cliMain.js, built from main.ts; for
 * `find …` and `passages …`, that command alone: dist/cliFind.js from findMain.ts, dist/cliPassages.js
 * from passagesMain.ts) from V8's code cache when it can (codeCache.ts) and runs it. After the run, with V8's flags put back as the launcher set them,
 * the code it compiled is kept for the next start.
 */
import * as path from 'node:path';
import { cacheDirectory, cacheFileFor, loadProgram } from './codeCache';
import { relaunch, relaunchEnvironment } from './mallocRelaunch';
import { delayOptimisingCompiler, restoreStartingFlags, setStartingFlags } from './v8Flags';

const relaunchUnder = relaunchEnvironment(process.argv.slice(2), process.env, process.platform);
if (relaunchUnder) relaunch(relaunchUnder);
// Before anything is compiled: a cache is only accepted under the flags it was made with.
setStartingFlags(process.argv[2]);
const find = process.argv[2] === 'find';
if (find) delayOptimisingCompiler();
const programFile = path.join(__dirname, find ? 'cliFind.js' : process.argv[2] === 'passages' ? 'cliPassages.js' : 'cliMain.js');
const directory = cacheDirectory();
const program = loadProgram<typeof import('./main')>(programFile, directory && cacheFileFor(directory, programFile, process.argv[2] ?? ''));
process.once('exit', () => {
  restoreStartingFlags(process.argv[2]);
  program.save();
});
program.exports.runProcess();
