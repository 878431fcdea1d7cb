// What the model scripts share: full-batch Adam from zero weights, and writing or checking a generated
// weights file. Deterministic: the same data in the same order give the same weights, to the digit.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../eval/corpus.mjs';

/**
 * Minimises a loss over `n` weights from zero: `gradient(w)` adds the loss's gradient (summed over the
 * examples) into a zeroed array and returns the number of examples; L2 `l2` on every weight but those
 * `unregularised(k)` names. Weights are rounded to four decimals.
 */
export function adam(n, gradient, { iterations, l2, unregularised = () => false }) {
  const w = new Float64Array(n);
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  for (let step = 1; step <= iterations; step++) {
    const grad = new Float64Array(n);
    const count = gradient(w, grad);
    for (let k = 0; k < n; k++) {
      const gk = grad[k] / count + (unregularised(k) ? 0 : l2 * w[k]);
      m[k] = 0.9 * m[k] + 0.1 * gk;
      v[k] = 0.999 * v[k] + 0.001 * gk * gk;
      w[k] -= (0.05 * (m[k] / (1 - 0.9 ** step))) / (Math.sqrt(v[k] / (1 - 0.999 ** step)) + 1e-8);
    }
  }
  return Array.from(w, (x) => Math.round(x * 1e4) / 1e4);
}

/** In a clone without ../shared (the test stage runs everywhere) a `--check` has nothing to check against: says so and exits 0. */
export function skipCheckWithoutData(args, dataOption, what) {
  if (args.includes('--check') && dataOption === undefined && !existsSync(join(ROOT, '..', 'shared', 'data', 'polnear-dev', 'score.mjs'))) {
    console.log(`${what} check skipped: no evaluation data beside the repository`);
    process.exit(0);
  }
}

/**
 * The generated TypeScript file `file` (from the repository root) exporting `name` as the weights, one
 * per feature with the feature's name beside it; `header` is its doc comment's text. With `--check`,
 * exits 1 unless the file holds exactly that; else writes it and returns its path.
 */
export function writeOrCheckWeights(args, file, name, header, weights, features) {
  const path = join(ROOT, file);
  const body = `/**\n${header.map((line) => ` * ${line}`).join('\n')}\n */\nexport const ${name}: readonly number[] = [\n${weights.map((x, k) => `  ${x}, // ${features[k]}`).join('\n')}\n];\n`;
  const base = file.split('/').pop();
  if (args.includes('--check')) {
    const same = existsSync(path) && readFileSync(path, 'utf8') === body;
    console.log(same ? `${base} is what training gives` : `${base} differs from what training gives`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(path, body);
  return path;
}
