// mocha's spec reporter for people, plus a counts file for scripts/test.mjs (mocha runs one reporter at a
// time, and parsing the spec output would break on the first test title that looks like a summary).
const fs = require('node:fs');
const Mocha = require('mocha');

class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const file = process.env.MOCHA_SUMMARY_FILE;
    if (!file) return;
    const failedTitles = [];
    runner.on('fail', (test) => failedTitles.push(test.fullTitle()));
    runner.once('end', () => {
      const { passes, failures, pending } = this.stats;
      fs.writeFileSync(file, JSON.stringify({ stage: 'unit', passed: passes, failed: failures, skipped: pending, failedTitles }, null, 2));
    });
  }
}

module.exports = SpecWithSummary;
