// `npm test`: install what is missing, build, then every check from the cheapest to the slowest. Each stage
// reports its wall time; the last line of output is the one summary line `tests: N passed, N failed, N skipped`
// (tests from unit, integration, e2e and the demo check, plus one failure for each stage that failed without
// reporting tests, e.g. a type error). The exit status is non-zero when any stage failed.
//
// usage: npm test [-- --skip e2e,demo] [-- --only lint,unit]
// Only Node built-ins are imported here: node_modules may not exist yet.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureInstalled } from './install.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const { values: args } = parseArgs({ options: { skip: { type: 'string' }, only: { type: 'string' } } });
const list = (value) => new Set((value ?? '').split(',').map((name) => name.trim()).filter(Boolean));
const skip = list(args.skip);
const only = list(args.only);
const scratch = mkdtempSync(join(tmpdir(), 'compare-sources-test-'));
const resultFile = (stage) => join(scratch, `${stage}.json`);
const minutes = (n) => n * 60000;

/** Stages in order. `needsBuild`: pointless after a failed build. `results`: a JSON file with test counts. */
const stages = [
  { name: 'install', run: async () => ({ ok: true, note: ensureInstalled((line) => console.log(line)) }) },
  { name: 'build', commands: [['node', 'esbuild.js']] },
  {
    // The projects are independent: in parallel they take the time of the slowest one on a multi-core runner.
    name: 'typecheck', parallel: true,
    commands: [
      [bin('tsc'), '--noEmit', '-p', '.'],
      [bin('tsc'), '--noEmit', '-p', 'src/core'],
      ...(existsSync(join(root, 'media', 'src')) ? [[bin('tsc'), '--noEmit', '-p', 'media']] : []),
      [bin('tsc'), '--noEmit', '-p', 'test/e2e'],
    ],
  },
  // eslint for the code, dependency-cruiser for the architecture's import rules (.dependency-cruiser.cjs).
  { name: 'lint', commands: [[bin('eslint'), '.'], [bin('depcruise'), 'src', 'media/src']] },
  {
    name: 'unit',
    commands: [[bin('mocha'), '--reporter', join(root, 'scripts', 'mocha-summary-reporter.cjs')]],
    env: { MOCHA_SUMMARY_FILE: resultFile('unit') },
    results: resultFile('unit'),
  },
  // Issue 21's promise on real copy: no article of the evaluation corpora (read from ../shared when present)
  // shows a conflict or an altered quote against its copy in the other typography; and the speaker model's
  // weights are what training on those corpora gives (stale weights would otherwise go unnoticed).
  { name: 'restyle', commands: [['node', 'scripts/check/restyle.mjs'], ['node', 'scripts/model/speech.mjs', '--check'], ['node', 'scripts/model/speaker.mjs', '--check']] },
  {
    name: 'integration', needsBuild: true, timeoutMs: minutes(10),
    commands: [['node', 'scripts/run-integration.mjs', '--results', resultFile('integration')]],
    results: resultFile('integration'),
  },
  {
    name: 'e2e', needsBuild: true, timeoutMs: minutes(10),
    commands: [['node', 'scripts/e2e.mjs', '--results', resultFile('e2e')]],
    results: resultFile('e2e'),
  },
  {
    name: 'demo', needsBuild: true, timeoutMs: minutes(5),
    commands: [['node', 'scripts/demo.mjs', '--check', '--results', resultFile('demo')]],
    results: resultFile('demo'),
  },
];

/** Runs one command with inherited output; on timeout SIGTERM lets the runners stop their servers first. */
function runCommand([command, ...commandArgs], { env, timeoutMs = minutes(10) }) {
  return new Promise((resolve) => {
    const child = spawn(command === 'node' ? process.execPath : command, commandArgs, {
      cwd: root, stdio: 'inherit', env: { ...process.env, ...env },
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n${command} ${commandArgs.join(' ')}: timed out after ${timeoutMs / 1000}s, stopping it`);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15000).unref();
    }, timeoutMs);
    child.on('error', (error) => { clearTimeout(timer); console.error(error.message); resolve(false); });
    child.on('exit', (code) => { clearTimeout(timer); resolve(code === 0 && !timedOut); });
  });
}

async function runStage(stage) {
  if (stage.run) {
    try { return await stage.run(); } catch (error) { console.error(error.message); return { ok: false }; }
  }
  if (stage.parallel) return { ok: (await Promise.all(stage.commands.map((command) => runCommand(command, stage)))).every(Boolean) };
  let ok = true;
  for (const command of stage.commands) {
    ok = (await runCommand(command, stage)) && ok; // every command runs, so one run shows all the errors
  }
  return { ok };
}

// Forward Ctrl-C/SIGTERM to the running stage (it stops its own servers), then give up.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: waiting for the current stage to stop its processes`);
    setTimeout(() => process.exit(130), 20000).unref();
  });
}

/** `--only x` still installs, and builds when x needs the build. */
function selected(stage) {
  if (skip.has(stage.name)) return false;
  if (only.size === 0 || only.has(stage.name) || stage.name === 'install') return true;
  return stage.name === 'build' && stages.some((other) => other.needsBuild && only.has(other.name));
}

const report = [];
const failures = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
let buildFailed = false;
let anyFailed = false;
for (const stage of stages) {
  if (stopping) break;
  if (!selected(stage)) {
    report.push({ name: stage.name, status: 'skipped', seconds: 0 });
    continue;
  }
  if (stage.needsBuild && buildFailed) {
    report.push({ name: stage.name, status: 'not run (build failed)', seconds: 0 });
    totals.failed += 1;
    failures.push(`${stage.name}: not run, the build failed`);
    anyFailed = true;
    continue;
  }
  console.log(`\n━━ ${stage.name} ━━`);
  const started = Date.now();
  const { ok, note } = await runStage(stage);
  const seconds = (Date.now() - started) / 1000;
  const counts = stage.results && existsSync(stage.results) ? JSON.parse(readFileSync(stage.results, 'utf8')) : null;
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped ?? 0;
  }
  // A failed stage must show in the count even when it reported no failing test (crash, type error, lint).
  if (!ok && !(counts?.failed > 0)) totals.failed += 1;
  if (!ok) anyFailed = true;
  if (!ok && stage.name === 'build') buildFailed = true;
  for (const test of counts?.tests ?? []) if (test.state === 'failed') failures.push(`${stage.name}: ${test.title}`);
  for (const title of counts?.failedTitles ?? []) failures.push(`${stage.name}: ${title}`);
  if (!ok && !(counts?.failed > 0)) failures.push(`${stage.name}: stage failed (see its output above)`);
  const detail = counts ? `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}` : (note ?? '');
  report.push({ name: stage.name, status: ok ? 'ok' : 'FAILED', seconds, detail });
  console.log(`━━ ${stage.name}: ${ok ? 'ok' : 'FAILED'} in ${seconds.toFixed(1)}s${detail ? ` (${detail})` : ''}`);
  if (!ok && stage.name === 'install') break; // nothing else can run
}
rmSync(scratch, { recursive: true, force: true });

if (failures.length > 0) console.log(`\nfailed:\n${failures.map((failure) => `  ✘ ${failure}`).join('\n')}`);
console.log('\nstage         result      time  tests');
for (const row of report) {
  console.log(`${row.name.padEnd(13)} ${row.status.padEnd(10)} ${`${row.seconds.toFixed(1)}s`.padStart(6)}  ${row.detail ?? ''}`);
}
const total = report.reduce((sum, row) => sum + row.seconds, 0);
console.log(`total${' '.repeat(20)}${`${total.toFixed(1)}s`.padStart(6)}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(anyFailed || stopping ? 1 : 0);
