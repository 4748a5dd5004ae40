// Bundled in place of node:child_process (scripts/build.js): commander requires it at start-up for executable
// subcommands, which plan has none of, and loading it costs ~3.5 ms of every run. Loaded on first use instead.
let real;
module.exports = new Proxy({}, { get: (_, key) => (real ??= require('child_process'))[key] });
