/**
 * The `compare-sources` command (dist/cli.js): loads the CLI bundle, dist/cliMain.js, with the V8
 * code cache that the build writes beside it, so that a run does not parse and compile the bundle's
 * functions again: about 10 ms of the 130 ms that comparing two 30 KB articles takes here (most
 * of the rest is starting Node), which counts when a script runs the command over a whole corpus. V8 rejects a cache made for other source or another Node version, and
 * the bundle is then compiled as usual: the cache can make a run faster, never different.
 *
 * COMPARE_SOURCES_WRITE_CODE_CACHE=1 makes a run write the cache when it ends (esbuild.js does this
 * with the examples), so that it holds the functions a comparison compiles, not only the top level.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

const bundle = join(__dirname, 'cliMain.js');
const cacheFile = `${bundle}.cache`;

let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // no cache: compile as usual
}
const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
const cli = new Module(bundle, module);
cli.filename = bundle;
const load = Module.createRequire(bundle);
// The bundle runs its command only as the main module, as when started directly.
load.main = cli;
if (process.env.COMPARE_SOURCES_WRITE_CODE_CACHE === '1') process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
(script.runInThisContext() as (...args: unknown[]) => void).call(cli.exports, cli.exports, load, cli, bundle, dirname(bundle));
