// UI end-to-end tests: the packaged .vsix installed into code-server with --install-extension, driven in
// headless Chromium. One server per run; each scenario (test/e2e/scenarios.ts) gets its own workspace
// folder and browser context, so editors restored from one scenario never leak into the next.
//
// usage: node scripts/e2e.mjs [--vsix FILE] [--results FILE] [--only NAME] [--readme-images DIR]
//   without --vsix the current dist/ is packaged into the run folder (run `node esbuild.js` first).
// env:   KEEP=1 keeps the server's run folder (server.log, extension host logs).
import { createRequire } from 'node:module';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  startCodeServer, launchChromium, workbenchUrl, waitForActivation, onInterrupt, tail, PROJECT_ROOT, EXTENSION_ID,
} from './codeServer.mjs';
import { packageVsix } from './vsix.mjs';

const require = createRequire(import.meta.url);
require('../test/unit/register.js'); // lets Node require the TypeScript scenarios
const { scenarios } = require('../test/e2e/scenarios.ts');
const { Workbench } = require('../test/e2e/harness.ts');

const { values: args } = parseArgs({
  options: { vsix: { type: 'string' }, results: { type: 'string' }, only: { type: 'string' }, 'readme-images': { type: 'string' } },
});
const artifacts = join(PROJECT_ROOT, '.test-artifacts', 'e2e');
const readmeImages = args['readme-images'] && resolve(PROJECT_ROOT, args['readme-images']);
const selected = scenarios.filter((scenario) => !args.only || scenario.name === args.only);
if (selected.length === 0) { console.error(`no scenario named ${args.only}`); process.exit(1); }

const maxVsixKilobytes = 500;
const t0 = Date.now();
const lap = (message) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}`);

const scratch = mkdtempSync(join(tmpdir(), 'compare-sources-e2e-'));
let server;
let browser;
const outcomes = [];
onInterrupt(async () => { await browser?.close().catch(() => {}); await server?.stop(); rmSync(scratch, { recursive: true, force: true }); });

try {
  const vsix = args.vsix ? resolve(args.vsix) : packageVsix(join(scratch, 'compare-sources.vsix'));
  const kilobytes = Math.round(statSync(vsix).size / 1024);
  lap(`packaged ${vsix} (${kilobytes} KB)`);
  // Users download the .vsix: a leak of sources, maps or node_modules past .vscodeignore shows up here first.
  outcomes.push(kilobytes <= maxVsixKilobytes
    ? { title: `.vsix is at most ${maxVsixKilobytes} KB`, state: 'passed' }
    : { title: `.vsix is at most ${maxVsixKilobytes} KB`, state: 'failed', error: `${kilobytes} KB` });
  server = await startCodeServer({ workspace: scratch, vsix, keepDir: !!process.env.KEEP, settings: { 'editor.wordWrap': 'on' } });
  lap(`code-server up at ${server.url}, extension installed from the .vsix`);
  browser = await launchChromium();
  for (const scenario of selected) outcomes.push(await runScenario(scenario));
} catch (error) {
  console.error(error);
  outcomes.push({ title: 'e2e setup', state: 'failed', error: String(error?.stack ?? error) });
  if (server) console.log(`server.log (last lines):\n${tail(server.logPath, 15)}`);
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
  lap('stopped');
}

const count = (state) => outcomes.filter((outcome) => outcome.state === state).length;
const summary = { stage: 'e2e', passed: count('passed'), failed: count('failed'), skipped: 0, tests: outcomes };
if (args.results) writeFileSync(args.results, JSON.stringify(summary, null, 2));
console.log(`e2e: ${summary.passed} passed, ${summary.failed} failed`);
process.exit(summary.failed === 0 && summary.passed > 0 ? 0 : 1);

async function runScenario(scenario) {
  const started = Date.now();
  const folder = join(scratch, 'workspaces', scenario.name);
  mkdirSync(folder, { recursive: true });
  for (const file of scenario.files ?? ['examples/harbour-wire.txt', 'examples/harbour-herald.txt']) {
    copyFileSync(join(PROJECT_ROOT, file), join(folder, file.split('/').pop()));
  }
  for (const [name, text] of Object.entries(scenario.generatedFiles?.() ?? {})) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  const shots = join(artifacts, scenario.name);
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  const log = (message) => console.log(`  [${scenario.name}] ${message}`);
  const screenshot = async (name, options = {}) => {
    const path = join(shots, `${name}.png`);
    await (options.page ?? page).screenshot({ path });
    if (options.readme && readmeImages) {
      mkdirSync(readmeImages, { recursive: true });
      copyFileSync(path, join(readmeImages, `${name}.png`));
      log(`README image refreshed: ${join(args['readme-images'], `${name}.png`)}`);
    }
    return path;
  };
  const workbench = new Workbench(page);
  const scenarioContext = {
    page, workbench, workspace: folder, extensionId: EXTENSION_ID, log, screenshot,
    waitForActivation: (timeoutMs = 20000) => waitForActivation(server, timeoutMs),
  };
  const timeoutMs = scenario.timeoutMs ?? 120000;
  try {
    await page.goto(workbenchUrl(server, folder));
    await workbench.waitUntilReady();
    log(`workbench ready (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    let timer;
    await Promise.race([
      scenario.run(scenarioContext),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs); }),
    ]).finally(() => clearTimeout(timer));
    console.log(`  ✔ ${scenario.name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    return { title: scenario.name, state: 'passed', durationMs: Date.now() - started };
  } catch (error) {
    await page.screenshot({ path: join(shots, 'failure.png') }).catch(() => {});
    console.log(`  ✘ ${scenario.name}: ${error?.stack ?? error}\n    screenshot: ${join(shots, 'failure.png')}`);
    return { title: scenario.name, state: 'failed', durationMs: Date.now() - started, error: String(error?.stack ?? error) };
  } finally {
    await context.close().catch(() => {});
  }
}
