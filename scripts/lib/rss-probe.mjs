// Preloaded into a benchmarked process with --import: records its peak resident set size at exit, and
// (when asked) the CPU time it used, user and system, in microseconds: on a shared machine the CPU time
// moves less with the other load than the wall time does.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(usage.maxRSS));
  if (process.env.BENCH_CPU_FILE)
    writeFileSync(process.env.BENCH_CPU_FILE, String(usage.userCPUTime + usage.systemCPUTime));
});
