// Loaded with `node --import` into a process under test: on exit it prints the CPU time and the
// peak memory the process used, so a test can hold the process to a budget (import-limits).
import { readFileSync } from 'node:fs';

/**
 * The peak resident memory of this program, in MB. Linux's `VmHWM`, not `resourceUsage().maxRSS`:
 * getrusage's peak survives exec, so a child of a big test worker would report the worker's.
 */
function peakRssMb(usage) {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Math.round(Number(kb) / 1024);
  } catch {}
  return Math.round(usage.maxRSS / 1024);
}

process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  process.stderr.write(`\nUSAGE ${JSON.stringify({ cpuMs, maxRssMb: peakRssMb(usage) })}\n`);
});
