// Runs one tool on one pair of files in a child process: wall time from spawn to exit (process
// start included, as a user of the CLI sees it), peak memory, and a hard cut-off.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const PROBE = fileURLToPath(new URL('./rss-probe.cjs', import.meta.url));

/**
 * The tools' environment: ours, less the variables that make every node process do work unrelated to
 * any tool. NODE_EXTRA_CA_CERTS (set machine-wide on sandboxes whose network goes through a proxy)
 * has node read and parse a whole CA bundle before the first line of a script: 50 ms of each start
 * here, for tools that never open a TLS connection. Every tool, peers and ours alike, runs without it.
 */
export function toolEnvironment(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/**
 * Runs `node [nodeArgs] script [args] fileA fileB` once. Resolves to
 * { ms, cpuMs, peakMB, status: 'ok' | 'timeout' | 'failed', outputFile, error?, stderr? } (cpuMs: user +
 * system; stderr: the first 4000 characters, of a run that succeeded).
 * The output goes to a file, not a pipe, so that a tool printing megabytes of JSON is not slowed
 * down by the benchmark reading it.
 */
export function runOnce(tool, fileA, fileB, options) {
  return runOnFiles(tool, [fileA, fileB], options);
}

// Process groups of the tools running now: a detached group no longer hears the terminal's Ctrl-C, so the bench passes it on.
const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const pid of running) killGroup(pid);
    process.exit(130);
  });
}

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group has already gone
  }
}

/** `runOnce` with any number of files: `node [nodeArgs] script [args] files…`. */
export function runOnFiles(tool, files, { timeoutMs, workDir, env = toolEnvironment() }) {
  const outputFile = join(workDir, `${tool.name}.out.json`);
  const rssFile = join(workDir, `${tool.name}.rss`);
  rmSync(rssFile, { force: true });
  const output = openSync(outputFile, 'w');
  const args = ['--require', PROBE, ...(tool.nodeArgs ?? []), tool.script, ...(tool.args ?? []), ...files];
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: tool.cwd,
      env: { ...env, BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', output, 'pipe'],
      // Its own process group, so a timeout also stops the copy a large `compare` relaunches.
      detached: true,
    });
    running.add(child.pid);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on('exit', (code) => {
      running.delete(child.pid);
      const ms = performance.now() - started;
      clearTimeout(timer);
      closeSync(output);
      let peakMB = null;
      let cpuMs = null;
      try {
        const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
        peakMB = usage.maxRssKB / 1024;
        cpuMs = usage.cpuMs;
      } catch {
        // killed before its exit handler ran: no figures
      }
      const run = { ms, cpuMs, peakMB, outputFile };
      if (timedOut) resolve({ ...run, status: 'timeout' });
      else if (code !== 0) resolve({ ...run, status: 'failed', error: stderr.trim().split('\n').slice(-3).join(' | ') });
      else resolve({ ...run, status: 'ok', stderr });
    });
  });
}

/**
 * Characters of B covered by the passages a tool printed, as a share of B: a sanity check that a
 * fast tool did the work (diff-match-patch past its deadline, for one, returns almost nothing).
 */
export function coverageOfB(outputFile, lengthB) {
  if (statSync(outputFile).size === 0 || lengthB === 0) return null;
  const result = JSON.parse(readFileSync(outputFile, 'utf8'));
  const ranges = (result.passages ?? []).map((passage) => passage.b).sort((x, y) => x[0] - y[0]);
  let covered = 0;
  let reach = 0;
  for (const [start, end] of ranges) {
    if (end <= reach) continue;
    covered += end - Math.max(start, reach);
    reach = end;
  }
  return covered / lengthB;
}
