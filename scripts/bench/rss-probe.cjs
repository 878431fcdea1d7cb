// Preloaded into every benchmarked process (`node --require rss-probe.cjs …`): on exit it writes the
// process's peak resident set size and CPU time to the file named by BENCH_RSS_FILE. This measures
// each tool in its own process without /usr/bin/time, which many machines lack. CPU time is kept
// next to wall time because on a shared machine waiting for a core inflates only the latter.
const fs = require('node:fs');

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    // maxRSS is in kilobytes (getrusage's ru_maxrss); CPU times are in microseconds.
    fs.writeFileSync(target, JSON.stringify({ maxRssKB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
