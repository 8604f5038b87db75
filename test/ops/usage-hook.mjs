// Loaded with `node --import` into a process under test: on exit it prints the CPU time and the
// peak memory the process used, so a test can hold the process to a budget (import-limits).
process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  process.stderr.write(
    `\nUSAGE ${JSON.stringify({ cpuMs, maxRssMb: Math.round(usage.maxRSS / 1024) })}\n`,
  );
});
