#!/usr/bin/env node
// Profile before optimising: runs `node --cpu-prof dist/cli.js <command> --json A B` on a generated
// input and prints the functions with the most self time (and their inclusive time), mapped back
// to src/ through dist/cli.js.map.
//
//   node scripts/bench/profile.mjs [--size 1m] [--shape news|reprint|unrelated|<pathological shape>]
//        [--command passages|compare] [--top 25] [--keep DIR] [--interval US]
//   node scripts/bench/profile.mjs --summarise FILE.cpuprofile [--top 25] [--ours]
// --ours: only our functions (src/), by inclusive time.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePair, generatePathological, PATHOLOGICAL_SHAPES } from './generate.mjs';
import { parseSize, table } from './format.mjs';
import { toolEnvironment } from './measure.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CLI = join(ROOT, 'dist', 'cli.js');

const sourceMaps = new Map();

/** The source map of one of our bundles (dist/cli.js, dist/extension.js, …), or null. */
function sourceMapOf(url) {
  const match = /\/dist\/([\w/.-]+\.js)$/.exec(url);
  if (!match) return null;
  const file = join(ROOT, 'dist', `${match[1]}.map`);
  if (!sourceMaps.has(file)) sourceMaps.set(file, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null);
  return sourceMaps.get(file);
}

/** "function (src/core/passages.ts:120)" for a profile call frame; bundle lines mapped to sources. */
function describe(frame) {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const sourceMap = sourceMapOf(frame.url);
  if (sourceMap) {
    const entry = sourceMap.findEntry(frame.lineNumber, frame.columnNumber);
    if (entry?.originalSource) {
      const source = entry.originalSource.replace(/^(\.\.\/)+/, '');
      return `${name} (${source}:${entry.originalLine + 1})`;
    }
  }
  const where = frame.url.startsWith('file://') ? relative(ROOT, fileURLToPath(frame.url)) : frame.url;
  return `${name} (${where}:${frame.lineNumber + 1})`;
}

/**
 * Self and inclusive milliseconds per function. Self: the samples whose top frame is the function.
 * Inclusive: the samples with the function anywhere on the stack, counted once per sample so that
 * recursion does not inflate it.
 */
export function summarise(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = new Map(profile.nodes.map((node) => [node.id, describe(node.callFrame)]));
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    total += ms;
    self.set(label.get(id), (self.get(label.get(id)) ?? 0) + ms);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const key = label.get(at);
      if (!seen.has(key) && byId.get(at).callFrame.functionName !== '(root)') {
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
      }
    }
  });
  const rows = [...self.entries()].sort((x, y) => y[1] - x[1]).map(([key, ms]) => ({ key, selfMs: ms, inclusiveMs: inclusive.get(key) ?? ms }));
  return { totalMs: total, rows };
}

/** The top rows by self time; with `ours`, only functions from src/ ranked by inclusive time (who calls the cost). */
function printTop(profile, top, ours = false) {
  const { totalMs, rows: all } = summarise(profile);
  const rows = ours ? all.filter((row) => row.key.includes('(src/')).sort((x, y) => y.inclusiveMs - x.inclusiveMs) : all;
  console.log(table(['self ms', 'self %', 'incl. ms', 'function (source)'], rows.slice(0, top).map((row) => [
    row.selfMs.toFixed(1), `${((row.selfMs / totalMs) * 100).toFixed(1)}%`, row.inclusiveMs.toFixed(1), row.key,
  ])));
}

function main() {
  const argv = process.argv.slice(2);
  const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
  if (argv.includes('--summarise')) {
    // An existing .cpuprofile (e.g. the extension host's, from extension-host-delay.mjs).
    printTop(JSON.parse(readFileSync(option('--summarise'), 'utf8')), Number(option('--top', '25')), argv.includes('--ours'));
    return;
  }
  const size = parseSize(option('--size', '1m'));
  const shape = option('--shape', 'news');
  const command = option('--command', 'passages');
  const top = Number(option('--top', '25'));
  const keep = option('--keep', null);
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`node esbuild.js\` first`);
  const pair = PATHOLOGICAL_SHAPES.includes(shape) ? generatePathological(shape, size) : generatePair(size, { seed: 1, kind: shape });
  const dir = mkdtempSync(join(tmpdir(), 'compare-sources-profile-'));
  try {
    writeFileSync(join(dir, 'a.txt'), pair.a);
    writeFileSync(join(dir, 'b.txt'), pair.b);
    const started = process.hrtime.bigint();
    execFileSync(process.execPath, [
      '--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', option('--interval', '200'),
      CLI, command, '--json', join(dir, 'a.txt'), join(dir, 'b.txt'),
    ], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 300000, env: toolEnvironment() });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const { totalMs } = summarise(profile);
    console.log(`${command} on ${shape}, ${(pair.a.length / 1048576).toFixed(2)} + ${(pair.b.length / 1048576).toFixed(2)} M chars: ` +
      `${wallMs.toFixed(0)} ms wall with the profiler on, ${totalMs.toFixed(0)} ms sampled\n`);
    printTop(profile, top, argv.includes('--ours'));
    if (keep) {
      writeFileSync(resolve(keep, `${command}-${shape}-${size}.cpuprofile`), JSON.stringify(profile));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
