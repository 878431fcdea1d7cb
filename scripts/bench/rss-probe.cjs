// Preloaded into every benchmarked process (`node --require rss-probe.cjs …`): on exit it writes the
// process's peak resident set size and CPU time to the file named by BENCH_RSS_FILE. This measures
// each tool in its own process without /usr/bin/time, which many machines lack. CPU time is kept
// next to wall time because on a shared machine waiting for a core inflates only the latter.
const fs = require('node:fs');

const target = process.env.BENCH_RSS_FILE;
// Worker threads load preloads too; their process is the same one, which the main thread reports.
if (target && require('node:worker_threads').isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    // maxRSS is in kilobytes (getrusage's ru_maxrss); CPU times are in microseconds.
    const own = { maxRssKB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
    // A copy of this process that it started and waited for (the CLI starts itself again for a large
    // compare, the probe preloaded in both) wrote first: the run's figures are both processes'.
    let copy = null;
    try {
      copy = JSON.parse(fs.readFileSync(target, 'utf8'));
    } catch {
      // none
    }
    const total = copy ? { maxRssKB: Math.max(own.maxRssKB, copy.maxRssKB), cpuMs: own.cpuMs + copy.cpuMs } : own;
    fs.writeFileSync(target, JSON.stringify(total));
  });
}
