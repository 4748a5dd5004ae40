// Makes dist/cli.js.cache (and its copy, dist/cli.js.cache-copy: src/boot.ts says why) at build time: compiles dist/cli.js as src/boot.ts does, runs the commands people run
// most (so that V8 has compiled their functions), then saves the compiled code. Their output goes nowhere
// (the build runs this with stdout ignored); their exit codes do not matter.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire, wrap } = require('node:module');
const path = require('node:path');
const { Script } = require('node:vm');

const dist = path.join(__dirname, '..', 'dist');
const file = path.join(dist, 'cli.js');
const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file });
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(file), bundle, file, dist);

const COMMANDS = [
  ['tasks', '--dept', '质监局', '--json'],
  ['tasks', '--part', '三', '--format', 'tsv'],
  ['tasks', '--format', 'table'],
  ['search', '电梯'],
  ['search', 'dianti', '--json'],
  ['search', '電梯'],
  ['show', '37'],
  ['dept', '质监局'],
  ['dept', '质监局', '--format', 'table'],
  ['depts'],
  ['outline'],
  ['stats', '--view', 'workload'],
  ['stats', '--format', 'table'],
  ['validate'],
  ['--help'],
];

(async () => {
  process.env.PLAN_NO_CACHE = '1';
  for (const args of COMMANDS) await bundle.exports.main([process.execPath, 'plan', ...args]);
  const cache = script.createCachedData();
  for (const name of [`${file}.cache`, `${file}.cache-copy`]) {
    writeFileSync(`${name}.${process.pid}.tmp`, cache);
    renameSync(`${name}.${process.pid}.tmp`, name);
  }
  process.exitCode = 0;
})();
