// Preloaded by scripts/bench.js (node -r): on exit, appends this process's peak memory (KiB) to $BENCH_RSS_FILE.
const { appendFileSync } = require('node:fs');
process.on('exit', () => appendFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`));
