// `npm run demo`: install what is missing, build, package the .vsix, and serve VS Code in the browser
// (code-server on 127.0.0.1) with the extension installed from that .vsix and examples/ open (or a folder
// of the user's own articles), until Ctrl-C.
// `npm run demo -- --check`: the same start, then headless Chromium loads the workbench as a user would,
// checks that `Compare Sources` is in the palette and that running it activates the extension, and stops.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureInstalled } from './install.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const USAGE = `Usage: npm run demo -- [DIR] [--port N] [--check] [--results FILE]

Starts VS Code in the browser (code-server on 127.0.0.1) with Compare Sources installed, and prints its address.

  DIR             a folder of articles to open (default: the sample articles in examples/)
  --port N        the port to serve on (default 8080, or a free one)
  --check         start, check in a headless browser that Compare Sources runs, and stop
  --results FILE  with --check: write the result as JSON
  -h, --help      this help
`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { check: { type: 'boolean' }, port: { type: 'string' }, results: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
} catch (error) {
  process.stderr.write(`${error.message}\n\n${USAGE}`);
  process.exit(2);
}
const { values: args, positionals } = parsed;
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (positionals.length > 1 || (args.port !== undefined && !/^\d+$/.test(args.port))) {
  process.stderr.write(`${positionals.length > 1 ? 'one folder at most' : `not a port: ${args.port}`}\n\n${USAGE}`);
  process.exit(2);
}
const folder = positionals[0] === undefined ? join(root, 'examples') : resolve(positionals[0]);
if (!existsSync(folder) || !statSync(folder).isDirectory()) {
  process.stderr.write(`not a folder: ${positionals[0]}\n\n${USAGE}`);
  process.exit(2);
}
const commandLabel = 'Compare Sources: Compare Sources';
const t0 = Date.now();
const lap = (message) => console.log(`[demo ${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}`);

function finish(ok, message) {
  console.log(`demo check: ${ok ? 'OK' : 'FAILED'}: ${message}`);
  if (args.results) {
    writeFileSync(args.results, JSON.stringify({ stage: 'demo', passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, tests: [{ title: 'demo --check', state: ok ? 'passed' : 'failed', error: ok ? undefined : message }] }));
  }
}

try {
  lap(ensureInstalled((line) => console.log(line)));
} catch (error) {
  console.error(error.message);
  if (args.check) finish(false, 'install failed');
  process.exit(1);
}
// Imported only now: before the install there may be no playwright-core to import.
const { startCodeServer, launchChromium, workbenchUrl, waitForActivation, onInterrupt } = await import('./codeServer.mjs');
const { packageVsix } = await import('./vsix.mjs');

const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) { if (args.check) finish(false, 'build failed'); process.exit(1); }
const scratch = mkdtempSync(join(tmpdir(), 'compare-sources-demo-'));
const vsix = packageVsix(join(scratch, 'compare-sources.vsix'));
lap(`built and packaged ${vsix}`);

let browser;
const running = { server: undefined };
const stopAll = async () => { await browser?.close().catch(() => {}); await running.server?.stop(); rmSync(scratch, { recursive: true, force: true }); };
let interrupted = false;
onInterrupt(() => { interrupted = true; return stopAll(); });

// A fixed port is easier to remember for the demo; the check takes any free one so it never collides.
const server = running.server = await startCodeServer({
  workspace: folder, vsix, parentDir: scratch,
  port: args.port ? Number(args.port) : args.check ? 0 : 8080,
  settings: { 'editor.wordWrap': 'on' },
});
const url = workbenchUrl(server, folder);

if (!args.check) {
  console.log(`\nCompare Sources demo: open ${url}\n(press F1 and run "Compare Sources"; Ctrl-C here stops the server)\n`);
  const code = await server.exited;
  if (interrupted) await new Promise(() => {}); // the interrupt handler is stopping everything and exits
  console.error(`code-server exited by itself (${code})`);
  await stopAll();
  process.exit(1);
}

lap(`code-server up at ${url}`);
let ok = false;
let message = '';
try {
  const require = createRequire(import.meta.url);
  require('../test/unit/register.js');
  const { Workbench } = require('../test/e2e/harness.ts');
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const workbench = new Workbench(page);
  await page.goto(url);
  await workbench.waitUntilReady();
  lap('workbench loaded');
  // The folder's first two articles (the sample articles in examples/).
  const articles = readdirSync(folder).filter((name) => /\.(txt|text|md|markdown|html?)$/i.test(name) && name !== 'README.md').sort().slice(0, 2);
  for (const name of articles) await workbench.openFile(name);
  const labels = await workbench.paletteLabels('Compare Sources');
  if (!labels.includes(commandLabel)) throw new Error(`"${commandLabel}" is not in the palette (found ${JSON.stringify(labels)})`);
  await workbench.runCommand(commandLabel);
  const activation = await waitForActivation(server, 20000);
  ok = true;
  message = `"${commandLabel}" is in the palette; ${activation}`;
} catch (error) {
  message = String(error?.message ?? error);
} finally {
  await stopAll();
  lap('stopped');
}
finish(ok, message);
process.exit(ok ? 0 : 1);
