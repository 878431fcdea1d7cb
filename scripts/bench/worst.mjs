// `npm run bench -- --worst`: a search for the input shapes that make the comparison slowest or
// hungriest per byte. Every shape of worstShapes.mjs runs at the smallest size; at each larger size
// the finalists run again: each family's worst few at the size before, and, for the vocabulary
// families, the vocabularies whose runs cross the seed cap at this size (the crossing moves with
// the size). Each run is a whole process (`node dist/cli.js compare|passages A B --json`), timed
// wall and CPU, with its peak memory. Prints the worst seconds and megabytes per megabyte of input
// (both sides counted) with the shape that caused them, and the growth from one size to the next.
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatBytes, table } from './format.mjs';
import { runOnce } from './measure.mjs';
import { worstShapes } from './worstShapes.mjs';

/** The issue's bounds: seconds per MB of input (both sides, whole process) and peak MB for a pair of 1 MB texts. */
const MAX_SECONDS_PER_MB = 2;
const MAX_PEAK_MB_AT_1MB = 400;
/** Growth from 300 KB to 1 MB: at most this many times linear. */
const MAX_GROWTH = 1.2;

/** Vocabulary sizes whose 4-word runs recur about as often as the seed cap (50) at `bytes` per side, and one either side. */
function crossingVocabularies(bytes) {
  const words = bytes / 6;
  const crossing = Math.pow(words / 50, 1 / 4);
  return new Set([Math.floor(crossing) - 1, Math.floor(crossing), Math.ceil(crossing), Math.ceil(crossing) + 1]);
}

function vocabularyOf(shape) {
  const match = /^V=(\d+) /.exec(shape.name);
  return match ? Number(match[1]) : null;
}

async function runShape(shape, bytes, commands, tool, options) {
  const { a, b } = shape.make(bytes);
  const fileA = join(options.workDir, 'worst-a.txt');
  const fileB = join(options.workDir, 'worst-b.txt');
  writeFileSync(fileA, a);
  writeFileSync(fileB, b);
  const inputMB = (Buffer.byteLength(a) + Buffer.byteLength(b)) / 1048576;
  const rows = [];
  for (const command of commands) {
    const run = await runOnce({ ...tool, name: `worst-${command}`, args: [command, '--json'] }, fileA, fileB, { timeoutMs: options.timeoutMs, workDir: options.workDir });
    const row = {
      family: shape.family, shape: shape.name, command, bytes, inputMB, status: run.status, error: run.error,
      seconds: run.ms / 1000, cpuSeconds: run.cpuMs === null ? null : run.cpuMs / 1000, peakMB: run.peakMB,
    };
    row.secondsPerMB = row.seconds / inputMB;
    row.peakPerMB = row.peakMB === null ? null : row.peakMB / inputMB;
    rows.push(row);
    options.log(`  ${formatBytes(bytes)} ${shape.family}: ${shape.name} ${command}: ${run.status === 'ok' ? `${row.seconds.toFixed(2)} s, ${row.peakMB?.toFixed(0)} MB` : run.status}`);
  }
  return rows;
}

/** The shapes to run at the next size: each family's `top` worst by time and by memory, and the vocabulary crossing. */
function finalists(shapes, rows, nextBytes, top) {
  const chosen = new Set();
  const byFamily = new Map();
  for (const row of rows) {
    if (!byFamily.has(row.family)) byFamily.set(row.family, []);
    byFamily.get(row.family).push(row);
  }
  const badness = (row) => (row.status === 'ok' ? 0 : Infinity);
  for (const familyRows of byFamily.values()) {
    for (const key of ['secondsPerMB', 'peakPerMB']) {
      const ranked = [...familyRows].sort((x, y) => badness(y) - badness(x) || (y[key] ?? 0) - (x[key] ?? 0));
      for (const row of ranked.slice(0, top)) chosen.add(`${row.family}: ${row.shape}`);
    }
  }
  const crossing = crossingVocabularies(nextBytes);
  return shapes.filter((shape) => chosen.has(`${shape.family}: ${shape.name}`) || (shape.family.startsWith('vocabulary') && crossing.has(vocabularyOf(shape))));
}

export async function worstCaseSearch({ cli, sizes, timeoutMs, workDir, top = 2, commands = ['compare', 'passages'], log = () => undefined, filter = null }) {
  const tool = { name: 'worst', script: cli };
  let shapes = worstShapes().filter((shape) => !filter || filter.test(`${shape.family}: ${shape.name}`));
  const rows = [];
  for (const [k, bytes] of sizes.entries()) {
    if (k > 0) shapes = finalists(shapes, rows.filter((row) => row.bytes === sizes[k - 1]), bytes, top);
    log(`${formatBytes(bytes)} per side: ${shapes.length} shapes`);
    for (const shape of shapes) rows.push(...(await runShape(shape, bytes, commands, tool, { timeoutMs, workDir, log })));
  }
  return rows;
}

const fixed = (value, digits = 2) => (value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits));

/** The report: the worst per size by each measure, the growth between sizes, and the bounds met or missed. */
export function worstCaseReport(rows, sizes) {
  const lines = [];
  const describe = (row) => [formatBytes(row.bytes), `${row.family}: ${row.shape}`, row.command,
    row.status === 'ok' ? fixed(row.secondsPerMB) : `${row.status} (${fixed(row.secondsPerMB)}+)`, fixed(row.cpuSeconds === null ? null : row.cpuSeconds / row.inputMB),
    fixed(row.peakPerMB, 0), fixed(row.peakMB, 0)];
  const header = ['size/side', 'shape', 'command', 's per MB', 'CPU s per MB', 'MB per MB', 'peak MB'];
  const worst = [];
  for (const bytes of sizes) {
    const here = rows.filter((row) => row.bytes === bytes);
    if (here.length === 0) continue;
    const failed = here.filter((row) => row.status !== 'ok');
    const bySeconds = [...here].sort((x, y) => (x.status === 'ok') - (y.status === 'ok') || y.secondsPerMB - x.secondsPerMB);
    const byMemory = [...here].sort((x, y) => (x.status === 'ok') - (y.status === 'ok') || (y.peakPerMB ?? Infinity) - (x.peakPerMB ?? Infinity));
    worst.push(...bySeconds.slice(0, 3), ...byMemory.slice(0, 2).filter((row) => !bySeconds.slice(0, 3).includes(row)), ...failed.filter((row) => !bySeconds.slice(0, 3).includes(row)));
  }
  lines.push('## Worst shapes per size (whole process; input = both sides)\n');
  lines.push(table(header, worst.map(describe)));

  // Growth of each finalist from one size to the next, as a multiple of linear growth, in CPU time
  // (which waiting for a core on a busy machine does not inflate) and in wall time beside it.
  const growth = [];
  for (let k = 1; k < sizes.length; k++) {
    for (const row of rows.filter((r) => r.bytes === sizes[k] && r.status === 'ok')) {
      const before = rows.find((r) => r.bytes === sizes[k - 1] && r.family === row.family && r.shape === row.shape && r.command === row.command && r.status === 'ok');
      if (!before || !before.cpuSeconds || !row.cpuSeconds) continue;
      const sizeRatio = row.inputMB / before.inputMB;
      growth.push({ row, before, times: (row.cpuSeconds / before.cpuSeconds) / sizeRatio, wallTimes: (row.seconds / before.seconds) / sizeRatio });
    }
  }
  growth.sort((x, y) => y.times - x.times);
  if (growth.length) {
    lines.push('\n## Growth between sizes, as a multiple of linear (1 = linear), worst first\n');
    lines.push(table(['sizes', 'shape', 'command', 'CPU seconds', '× linear', 'wall × linear'], growth.slice(0, 8).map(({ row, before, times, wallTimes }) =>
      [`${formatBytes(before.bytes)}→${formatBytes(row.bytes)}`, `${row.family}: ${row.shape}`, row.command, `${fixed(before.cpuSeconds)}→${fixed(row.cpuSeconds)}`, fixed(times), fixed(wallTimes)])));
  }

  lines.push('\n## Bounds (issue 22)\n');
  const verdict = (ok, text) => lines.push(`${ok ? 'met   ' : 'MISSED'}  ${text}`);
  // Time per MB is judged at the largest size: on small inputs node's start (a fixed 0.05-0.1 s) dominates.
  const largest = rows.filter((row) => row.bytes === sizes[sizes.length - 1]);
  const worstSeconds = [...largest].sort((x, y) => (x.status === 'ok') - (y.status === 'ok') || y.secondsPerMB - x.secondsPerMB)[0];
  if (worstSeconds) verdict(worstSeconds.status === 'ok' && worstSeconds.secondsPerMB <= MAX_SECONDS_PER_MB, `worst time ${fixed(worstSeconds.secondsPerMB)} s per MB (${worstSeconds.family}: ${worstSeconds.shape}, ${worstSeconds.command}, ${formatBytes(worstSeconds.bytes)}; ${worstSeconds.status}) — bound ${MAX_SECONDS_PER_MB}`);
  const worstCpu = [...largest].filter((row) => row.cpuSeconds !== null).sort((x, y) => y.cpuSeconds / y.inputMB - x.cpuSeconds / x.inputMB)[0];
  if (worstCpu) verdict(worstCpu.cpuSeconds / worstCpu.inputMB <= MAX_SECONDS_PER_MB, `worst CPU time ${fixed(worstCpu.cpuSeconds / worstCpu.inputMB)} s per MB (${worstCpu.family}: ${worstCpu.shape}, ${worstCpu.command}, ${formatBytes(worstCpu.bytes)}): what the wall time is on an idle machine, or less — bound ${MAX_SECONDS_PER_MB}`);
  const atOneMB = rows.filter((row) => row.bytes >= 1048576);
  if (atOneMB.length) {
    const hungriest = atOneMB.reduce((max, row) => ((row.peakMB ?? Infinity) > (max.peakMB ?? -1) ? row : max));
    verdict(hungriest.peakMB !== null && hungriest.peakMB <= MAX_PEAK_MB_AT_1MB, `worst peak memory at 1 MB per side ${fixed(hungriest.peakMB, 0)} MB (${hungriest.family}: ${hungriest.shape}, ${hungriest.command}) — bound ${MAX_PEAK_MB_AT_1MB} MB`);
  }
  const failures = rows.filter((row) => row.status !== 'ok');
  verdict(failures.length === 0, `every run exited 0 (${failures.length} did not${failures.length ? `: ${failures.slice(0, 3).map((row) => `${row.family}: ${row.shape} ${row.command} ${row.status}`).join('; ')}` : ''})`);
  const lastGrowth = growth.filter(({ row }) => row.bytes === sizes[sizes.length - 1]);
  if (lastGrowth.length) verdict(lastGrowth[0].times <= MAX_GROWTH, `worst growth to ${formatBytes(sizes[sizes.length - 1])}: ${fixed(lastGrowth[0].times)}× linear in CPU time (${lastGrowth[0].row.family}: ${lastGrowth[0].row.shape}, ${lastGrowth[0].row.command}) — bound ${MAX_GROWTH}×`);
  return lines.join('\n');
}
