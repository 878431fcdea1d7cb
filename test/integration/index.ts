// Entry point the VS Code extension host loads through `extensionTestsPath` (see scripts/run-integration.mjs);
// it must export run(): Promise<void>. esbuild bundles this file to dist/test/integration.js.
import Mocha from 'mocha';
import * as fs from 'fs';

/**
 * The suite's files, in run order. esbuild cannot glob, so every integration test file is listed here:
 * add yours to this one list. Each is `require`d after mocha's BDD globals (describe/it) exist.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- an import would run before mocha defines describe/it */
function loadTestFiles(): void {
  require('./activation.test');
  require('./comparison.test');
  require('./speakerTree.test');
  require('./viewPlacement.test');
  require('./navigation.test');
  require('./robustness.test');
  require('./exportReport.test');
  require('./formats.test');
  require('./manySources.test');
  require('./limits.test');
  require('./findSources.test');
}
/* eslint-enable @typescript-eslint/no-require-imports */

interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs?: number;
  error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, grep: process.env.MOCHA_GREP });
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  loadTestFiles();

  // The runner outside the host counts passes and failures from this file (scripts/test.mjs sums them).
  const resultFile = process.env.COMPARE_SOURCES_TEST_RESULTS;
  const tests: TestOutcome[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (resultFile) {
        const count = (state: TestOutcome['state']) => tests.filter((test) => test.state === state).length;
        const summary = { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), tests };
        fs.writeFileSync(resultFile, JSON.stringify(summary, null, 2));
      }
      if (failures) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
    runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'skipped' }));
    // Hook failures arrive here too, so a broken before() counts as a failure rather than silence.
    runner.on('fail', (test, error: Error) => tests.push({ title: test.fullTitle(), state: 'failed', error: String(error?.stack ?? error) }));
  });
}
