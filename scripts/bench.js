// npm run bench: start-up and answer times of every command against `node -e 0`, measured side by side, then
// how time and memory grow on generated plans of 1,000, 10,000 and 100,000 tasks. Both sides run without
// NODE_EXTRA_CA_CERTS and NODE_OPTIONS: a CA bundle loaded at every start (~55 ms here) hides the tool's own cost.
//   BENCH_RUNS=30 npm run bench      more runs (default 21)
//   BENCH_SIZES=1000,10000 npm run bench    (BENCH_SIZES=none: the bundled plan only)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bench = path.join(root, '.bench');
mkdirSync(bench, { recursive: true });
const runs = Number(process.env.BENCH_RUNS ?? 21);
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').filter((s) => /^\d+$/.test(s)).map(Number);
const bin = path.join(root, 'bin', 'plan.js');
const rssFile = path.join(bench, 'rss.txt');
const cacheDir = path.join(bench, 'cache');
const env = { ...process.env, PLAN_CACHE_DIR: cacheDir, NO_COLOR: '1', COLUMNS: '100' };
for (const name of ['PLAN_FILE', 'NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS']) delete env[name];

/** Wall time of one run in ms, or throws if the command failed unexpectedly. */
function time(args, expectCodes = [0, 1]) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!expectCodes.includes(result.status)) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

/** Peak memory of one run in MiB. */
function memory(args) {
  rmSync(rssFile, { force: true });
  spawnSync(process.execPath, ['-r', path.join(root, 'scripts', 'bench-rss.cjs'), ...args], { env: { ...env, BENCH_RSS_FILE: rssFile }, stdio: 'ignore' });
  return Number(readFileSync(rssFile, 'utf8').trim()) / 1024;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A run with an empty cache (cold) and the median of runs after it (warm): times, ratios to `base`, memory. */
function coldAndWarm(args, base) {
  rmSync(cacheDir, { recursive: true, force: true });
  const coldMemory = memory(args);
  rmSync(cacheDir, { recursive: true, force: true });
  const cold = time(args);
  const warmRuns = [];
  for (let i = 0; i < Math.max(3, Math.round(runs / 3)); i++) warmRuns.push(time(args));
  const warm = median(warmRuns);
  return `${padStart(`${(cold / 1000).toFixed(2)} s`, 10)}${padStart(`${(warm / 1000).toFixed(2)} s`, 10)}${padStart((cold / base).toFixed(1), 8)}${padStart((warm / base).toFixed(1), 8)}${padStart(coldMemory.toFixed(0), 10)}${padStart(memory(args).toFixed(0), 10)}`;
}
// Chinese takes two columns in a terminal: pad by display width, not by length.
const width = (s) => [...String(s)].reduce((n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);
const pad = (s, n) => `${s}${' '.repeat(Math.max(0, n - width(s)))}`;
const padStart = (s, n) => String(s).padStart(n);

if (process.env.BENCH_MANY === 'only') {
  const baseline = [];
  for (let i = 0; i < runs; i++) baseline.push(time(['-e', '0']));
  benchManyPlans(median(baseline));
  rmSync(cacheDir, { recursive: true, force: true });
  process.exit(0);
}
console.log(`plan benchmark: node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown cpu'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()}`);
console.log(`median of ${runs} runs, each command alternating with node -e 0 in the same rounds`);
console.log('clean environment: NODE_EXTRA_CA_CERTS and NODE_OPTIONS unset for every run, node -e 0 included\n');

const commands = [
  ['tasks --dept 质监局', ['tasks', '--dept', '质监局']],
  ['tasks --json', ['tasks', '--json']],
  ['search 电梯', ['search', '电梯']],
  ['search 電梯 (opencc)', ['search', '電梯']],
  ['search dianti (pinyin)', ['search', 'dianti']],
  ['dept 质监局', ['dept', '质监局']],
  ['tasks --format table', ['tasks', '--format', 'table']],
  ['dept 质监局 --format table', ['dept', '质监局', '--format', 'table']],
  ['stats --json', ['stats', '--json']],
  ['stats --format table', ['stats', '--format', 'table']],
  ['outline', ['outline']],
  ['validate', ['validate']],
];
const baseline = ['-e', '0'];
// The floor: reading the precompiled plan, filtering and writing, and nothing else (scripts/bench-floor.cjs).
const floor = [path.join(root, 'scripts', 'bench-floor.cjs')];
const commanderFloor = await buildCommanderFloor();
const times = new Map([['node -e 0', []], ['floor', []], ['floor + commander', []], ...commands.map(([name]) => [name, []])]);
for (const [, args] of commands) time([bin, ...args]); // warm the file cache
for (let round = 0; round < runs; round++) {
  times.get('node -e 0').push(time(baseline));
  times.get('floor').push(time(floor));
  times.get('node -e 0').push(time(baseline));
  times.get('floor + commander').push(time(commanderFloor));
  for (const [name, args] of commands) {
    times.get('node -e 0').push(time(baseline));
    times.get(name).push(time([bin, ...args]));
  }
}
const base = median(times.get('node -e 0'));
const baseMemory = memory(baseline);
console.log(`${pad('command (bundled plan, 75 tasks)', 34)}${padStart('median', 10)}${padStart('× node', 9)}${padStart('peak MiB', 10)}`);
console.log(`${pad('node -e 0', 34)}${padStart(`${base.toFixed(1)} ms`, 10)}${padStart('1.00', 9)}${padStart(baseMemory.toFixed(0), 10)}`);
const floorMs = median(times.get('floor'));
console.log(`${pad('floor (read, filter, write)', 34)}${padStart(`${floorMs.toFixed(1)} ms`, 10)}${padStart((floorMs / base).toFixed(2), 9)}${padStart(memory(floor).toFixed(0), 10)}`);
const commanderMs = median(times.get('floor + commander'));
console.log(`${pad('floor + commander', 34)}${padStart(`${commanderMs.toFixed(1)} ms`, 10)}${padStart((commanderMs / base).toFixed(2), 9)}${padStart(memory(commanderFloor).toFixed(0), 10)}`);
for (const [name, args] of commands) {
  const ms = median(times.get(name));
  console.log(`${pad(`plan ${name}`, 34)}${padStart(`${ms.toFixed(1)} ms`, 10)}${padStart((ms / base).toFixed(2), 9)}${padStart(memory([bin, ...args]).toFixed(0), 10)}`);
}

console.log('\ngenerated plans (scripts/generate-plan.js): cold = first run, parsing the YAML; warm = parsed copy cached by content');
console.log(`${pad('tasks', 9)}${pad('file', 9)}${pad('query', 22)}${padStart('cold', 10)}${padStart('warm', 10)}${padStart('× cold', 8)}${padStart('× warm', 8)}${padStart('cold MiB', 10)}${padStart('warm MiB', 10)}`);
for (const size of sizes) {
  const file = path.join(bench, `plan-${size}.yaml`);
  if (!existsSync(file)) {
    const generated = spawnSync(process.execPath, [path.join(root, 'scripts', 'generate-plan.js'), String(size)], { maxBuffer: 1 << 30 });
    writeFileSync(file, generated.stdout);
  }
  const megabytes = (readFileSync(file).length / 2 ** 20).toFixed(1);
  // plan validate of 100,000 tasks: cold reads and checks the YAML; warm is a file checked before (its cache entry).
  const validate = size >= 100_000 ? [['validate', ['validate']]] : [];
  for (const [name, args] of [['search 电梯', ['search', '电梯']], ['tasks --dept 质监局', ['tasks', '--dept', '质监局']], ...validate]) {
    console.log(`${pad(size, 9)}${pad(`${megabytes} MB`, 9)}${pad(name, 22)}${coldAndWarm([bin, ...args, '--plan', file], base)}`);
  }
}
if (process.env.BENCH_MANY !== 'none') benchManyPlans(base);
rmSync(cacheDir, { recursive: true, force: true });
console.log('\ntargets: bundled plan ≤ 1.15× node -e 0 (1.25× as a table); 10,000 tasks: search and department query ≤ 3× warm, ≤ 6× cold; 20 plans of ~50 tasks ≤ 1.5× one; 10 plans of 10,000 tasks ≤ 6× cold; validate of 100,000 tasks ≤ 3 s and 600 MB');

/**
 * The floor with commander (scripts/bench-floor-commander.js), bundled and code-cached as dist/cli.js is and run
 * through dist/boot.js: what any plan that declares its commands with commander costs at least. Its command line.
 */
async function buildCommanderFloor() {
  const dir = path.join(bench, 'floor-commander');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root, bundle: true, format: 'cjs', platform: 'node', target: 'node20', minifyWhitespace: true, minifySyntax: true,
    legalComments: 'none', logLevel: 'warning', entryPoints: ['scripts/bench-floor-commander.js'], outfile: path.join(dir, 'cli.js'),
    alias: { 'node:child_process': './src/child-process-shim.cjs' }, define: { 'import.meta.dirname': '__dirname' },
  });
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "commonjs" }\n');
  writeFileSync(path.join(dir, 'boot.js'), readFileSync(path.join(root, 'dist', 'boot.js')));
  const args = ['tasks', '--dept', '质监局', '--json'];
  // Its code cache, made as scripts/warm-code-cache.cjs makes plan's: compiled, run once, saved twice.
  const warm = `const { readFileSync, writeFileSync } = require('node:fs'); const { wrap } = require('node:module'); const { Script } = require('node:vm');
    const file = ${JSON.stringify(path.join(dir, 'cli.js'))}; const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file });
    const bundle = { exports: {} }; script.runInThisContext()(bundle.exports, require, bundle, file, ${JSON.stringify(dir)});
    bundle.exports.main([process.execPath, 'plan', ...${JSON.stringify(args)}]).then(() => { const cache = script.createCachedData();
    writeFileSync(file + '.cache', cache); writeFileSync(file + '.cache-copy', cache); });`;
  const made = spawnSync(process.execPath, ['-e', warm], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (made.status !== 0) throw new Error('the commander floor did not build');
  return [path.join(dir, 'boot.js'), ...args];
}

// Many plans (SPEC "Many plans"): 20 plans of ~50 tasks against one of 50, the same query alternating; then 10
// plans of ~10,000 tasks, cold and warm, against node -e 0 (base).   BENCH_MANY=none: leave this out;
// BENCH_MANY=only: this alone.
function benchManyPlans(base) {
  const generate = (file, n) => {
    if (!existsSync(file)) writeFileSync(file, spawnSync(process.execPath, [path.join(root, 'scripts', 'generate-plan.js'), String(n)], { maxBuffer: 1 << 30 }).stdout);
    return file;
  };
  const folder = (name, sizes) => {
    const dir = path.join(bench, name);
    mkdirSync(dir, { recursive: true });
    for (const n of sizes) generate(path.join(dir, `plan-${n}.yaml`), n);
    return dir;
  };
  const twenty = folder('plans-20x50', Array.from({ length: 20 }, (_, i) => 45 + i));
  const one = generate(path.join(bench, 'plan-50.yaml'), 50);
  const queries = [['search 电梯', ['search', '电梯']], ['dept 质监局', ['dept', '质监局']], ['tasks --dept 质监局', ['tasks', '--dept', '质监局']],
    ['depts', ['depts']], ['stats --view workload', ['stats', '--view', 'workload']], ['outline', ['outline']], ['show 3-5', ['show', '3-5']]];
  console.log(`\nmany plans: 20 plans of 45–64 tasks (${twenty}) against one of 50, warm, median of ${runs} alternating runs`);
  console.log(`${pad('query', 22)}${padStart('1 plan', 10)}${padStart('20 plans', 10)}${padStart('ratio', 8)}`);
  for (const [name, args] of queries) {
    const single = [bin, ...args, '--plan', one];
    const many = [bin, ...args.map((a) => (a === '3-5' ? 'plan-50:3-5' : a)), '--plan', twenty];
    time(single); time(many);
    const [a, b] = [[], []];
    for (let round = 0; round < runs; round++) {
      a.push(time(single));
      b.push(time(many));
    }
    console.log(`${pad(name, 22)}${padStart(`${median(a).toFixed(1)} ms`, 10)}${padStart(`${median(b).toFixed(1)} ms`, 10)}${padStart((median(b) / median(a)).toFixed(2), 8)}`);
  }
  const ten = folder('plans-10x10000', Array.from({ length: 10 }, (_, i) => 10000 + i));
  console.log(`\nmany plans: 10 plans of 10,000–10,009 tasks (${ten}): cold = first run, parsing every file; warm = cached`);
  console.log(`${pad('query', 22)}${padStart('cold', 10)}${padStart('warm', 10)}${padStart('× cold', 8)}${padStart('× warm', 8)}${padStart('cold MiB', 10)}${padStart('warm MiB', 10)}`);
  for (const [name, args] of [['search 电梯', ['search', '电梯']], ['dept 质监局', ['dept', '质监局']]]) {
    console.log(`${pad(name, 22)}${coldAndWarm([bin, ...args, '--plan', ten], base)}`);
  }
  // What any cold run must do at least: read the ten files and decode their UTF-8 into strings, nothing else.
  const decode = ['-e', `const fs = require('node:fs'); for (const f of fs.readdirSync(${JSON.stringify(ten)})) fs.readFileSync(${JSON.stringify(ten)} + '/' + f, 'utf8');`];
  time(decode);
  const decodes = [];
  for (let round = 0; round < Math.max(3, Math.round(runs / 3)); round++) decodes.push(time(decode));
  console.log(`${pad('floor: read as text', 22)}${padStart(`${(median(decodes) / 1000).toFixed(2)} s`, 10)}${padStart('', 10)}${padStart((median(decodes) / base).toFixed(1), 8)}`);
}
