// Preloaded into benchmarked processes: writes the process's peak resident memory when it exits.
const { writeFileSync } = require("node:fs");
process.on("exit", () => {
  if (process.env.BENCH_USAGE_FILE)
    writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
});
