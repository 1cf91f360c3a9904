/**
 * Preloaded into the command line the bench runs (`node --require`): at exit, writes the
 * process's peak resident memory (all its threads) in bytes to the file named by
 * USERCUBE_BENCH_RSS_FILE.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.USERCUBE_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
