/**
 * Preloaded into the command line the bench runs (`node --require`): at exit, writes the
 * process's peak resident memory in bytes and its CPU time in milliseconds (user and system,
 * all its threads) to the file named by USERCUBE_BENCH_USAGE_FILE, as JSON.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.USERCUBE_BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ peakRss: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
