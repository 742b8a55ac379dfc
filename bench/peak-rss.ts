// Preloaded into a benchmarked process (`node -r bench/peak-rss.js`): on exit, writes the process's
// peak resident set size in bytes to the file named by BENCH_PEAK_FILE, and its CPU time (user and
// system) in milliseconds to the one named by BENCH_CPU_FILE.
import * as fs from 'fs';

const target = process.env.BENCH_PEAK_FILE;
if (target) {
  process.on('exit', () => {
    // resourceUsage().maxRSS is in kilobytes.
    fs.writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}

const cpuTarget = process.env.BENCH_CPU_FILE;
if (cpuTarget) {
  process.on('exit', () => {
    const usage = process.cpuUsage();
    fs.writeFileSync(cpuTarget, String((usage.user + usage.system) / 1000));
  });
}
