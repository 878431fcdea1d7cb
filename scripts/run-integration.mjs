// Runs the mocha suite bundled at dist/test/integration.js INSIDE code-server's Node extension host.
// The workbench URL's payload [["extensionDevelopmentPath",…],["extensionTestsPath",…]] is what VS Code
// itself uses for web "Extension Development Host" windows; when the suite's run() settles the workbench
// calls window.codeAutomationExit(code) and forwards the extension host's console (mocha) to codeAutomationLog.
//
// usage: node scripts/run-integration.mjs [--results FILE] [--tests dist/test/integration.js]
// env:   TEST_TIMEOUT_MS (default 180000), MOCHA_GREP (run a subset), VERBOSE=1, KEEP=1 (keep server.log)
import { dirname, join, resolve } from 'node:path';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { format, parseArgs } from 'node:util';
import { startCodeServer, launchChromium, workbenchUrl, remoteUri, onInterrupt, tail, PROJECT_ROOT } from './codeServer.mjs';

const { values: args } = parseArgs({ options: { results: { type: 'string' }, tests: { type: 'string' } } });
const testsModule = resolve(PROJECT_ROOT, args.tests ?? 'dist/test/integration.js');
const timeoutMs = Number(process.env.TEST_TIMEOUT_MS ?? 180000);
const exampleFiles = ['examples/harbour-wire.txt', 'examples/harbour-herald.txt', 'examples/harbour-radio.txt'];

const t0 = Date.now();
const lap = (message) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}`);
// Workbench chatter that says nothing about the tests.
const noise = /^(Resolv|Creating a socket|Updating additional|\[Service Worker\]|ChatSessionStore|Started local extension host|Started initializing|Loading development extension|Extension host with pid|getaddrinfo ENOTFOUND|File not found: .*vsda|.*open-vsx\.org)/;

if (!existsSync(testsModule)) fail(`no test bundle at ${testsModule}: run \`node esbuild.js\` first`);

let server;
let browser;
onInterrupt(async () => { await browser?.close().catch(() => {}); await server?.stop(); });

let exitCode = 'not started';
try {
  server = await startCodeServer({
    workspaceFiles: exampleFiles,
    keepDir: !!process.env.KEEP,
    // The extension host inherits the server's environment: this is how the suite learns where to report.
    env: (dir) => ({ COMPARE_SOURCES_TEST_RESULTS: join(dir, 'host-results.json') }),
  });
  lap(`code-server up at ${server.url} (run dir ${server.dir})`);
  browser = await launchChromium();
  const page = await browser.newPage();
  if (process.env.VERBOSE) page.on('console', (message) => console.log('[browser]', message.text().slice(0, 500)));
  let settle;
  const exited = new Promise((res) => (settle = res));
  await page.exposeFunction('codeAutomationExit', (code) => settle(code));
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    const line = format(...(logArgs ?? []));
    if (process.env.VERBOSE || !noise.test(line)) console.log(line.replace(/^/gm, '  '));
  });
  await page.goto(workbenchUrl(server, server.workspace, [
    ['extensionDevelopmentPath', remoteUri(server, PROJECT_ROOT)],
    ['extensionTestsPath', remoteUri(server, testsModule)],
  ]));
  lap('workbench loading; the extension host runs the suite');
  exitCode = await Promise.race([exited, new Promise((res) => setTimeout(() => res('timeout'), timeoutMs))]);
  lap(`codeAutomationExit(${exitCode})`);
  if (exitCode !== 0) {
    const shot = join(PROJECT_ROOT, '.test-artifacts', 'integration', 'failure.png');
    mkdirSync(dirname(shot), { recursive: true });
    await page.screenshot({ path: shot }).then(() => console.log(`workbench at the end: ${shot}`), () => {});
  }
} catch (error) {
  console.error(error);
} finally {
  await browser?.close().catch(() => {});
  const hostResults = server && join(server.dir, 'host-results.json');
  const summary = hostResults && existsSync(hostResults) ? JSON.parse(readFileSync(hostResults, 'utf8')) : null;
  // Only when the suite never reported: then the server log is the one clue (crash, bad bundle, timeout).
  if (exitCode !== 0 && !summary && server) console.log(`server.log (last lines):\n${tail(server.logPath, 15)}`);
  await server?.stop();
  lap('stopped');
  report(summary);
}

/** Writes the runner's result file: the suite's own counts, or one failure when the suite never reported. */
function report(summary) {
  const result = summary ?? { passed: 0, failed: 0, skipped: 0, tests: [] };
  if (exitCode !== 0 && result.failed === 0) {
    result.failed = 1;
    result.tests.push({ title: `integration host: ${exitCode === 'timeout' ? `no result after ${timeoutMs} ms` : `exit ${exitCode}`}`, state: 'failed' });
  }
  if (args.results) writeFileSync(args.results, JSON.stringify({ stage: 'integration', ...result }, null, 2));
  console.log(`integration: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`);
  process.exit(exitCode === 0 && result.failed === 0 ? 0 : 1);
}

function fail(message) {
  console.error(message);
  if (args.results) writeFileSync(args.results, JSON.stringify({ stage: 'integration', passed: 0, failed: 1, skipped: 0, tests: [{ title: message, state: 'failed' }] }));
  process.exit(1);
}
