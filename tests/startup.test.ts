// The start-up path (src/boot.ts): dist/cli.js compiled from the code cache the build made beside it, read-only.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from './helpers.js';

const ROOT = new URL('..', import.meta.url).pathname;

/** A copy of the built tool (bin, dist, plan.yaml) whose code cache a test may damage. */
function install(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-install-'));
  for (const entry of ['bin', 'dist', 'plan.yaml', 'package.json']) cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  return dir;
}

function run(dir: string, args: string[], env: Record<string, string> = {}) {
  const cache = mkdtempSync(path.join(tmpdir(), 'plan-cache-'));
  const result = spawnSync(process.execPath, [path.join(dir, 'bin', 'plan.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, PLAN_CACHE_DIR: cache, PLAN_FILE: undefined, NO_COLOR: '1', COLUMNS: '100', ...env } as NodeJS.ProcessEnv,
    timeout: 20000,
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status, cache };
}

/** Compiles dist/cli.js with dist/cli.js.cache in a child process, as src/boot.ts would without its check. */
function compileWithCache(dir: string) {
  const script = `
    const { readFileSync } = require('node:fs'); const { wrap } = require('node:module'); const { Script } = require('node:vm');
    const file = ${JSON.stringify(path.join(dir, 'dist', 'cli.js'))};
    const cachedData = readFileSync(file + '.cache');
    process.stdout.write(String(!new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData }).cachedDataRejected));`;
  return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
}

/** Whether V8 takes dist/cli.js.cache for dist/cli.js. */
const cacheAccepted = (dir: string) => compileWithCache(dir).stdout === 'true';

describe('the code cache made at build time', () => {
  const dir = install();
  const cacheFile = path.join(dir, 'dist', 'cli.js.cache');

  it('exists beside dist/cli.js, with its copy, and V8 takes it', () => {
    expect(statSync(cacheFile).size).toBeGreaterThan(10_000);
    expect(readFileSync(`${cacheFile}-copy`).equals(readFileSync(cacheFile))).toBe(true);
    expect(cacheAccepted(dir)).toBe(true);
  });

  it('writes nothing at run time: not the cache directory (bundled plan), not dist/', () => {
    const before = readdirSync(path.join(dir, 'dist')).map((f) => [f, statSync(path.join(dir, 'dist', f)).mtimeMs]);
    const result = run(dir, ['dept', '质监局', '--json']);
    expect(result.code).toBe(0);
    expect(readdirSync(result.cache)).toEqual([]);
    expect(readdirSync(path.join(dir, 'dist')).map((f) => [f, statSync(path.join(dir, 'dist', f)).mtimeMs])).toEqual(before);
  });

  const damages: [string, (bytes: Buffer) => Buffer | 'truncate'][] = [
    ['64 garbled bytes in the middle', (b) => { for (let i = 0; i < 64; i++) b[(b.length >> 1) + i]! ^= 0x5a; return b; }],
    ['garbled bytes near the start', (b) => { for (let i = 40; i < 104; i++) b[i]! ^= 0xff; return b; }],
    ['cut in half', () => 'truncate'],
    ['empty', () => Buffer.alloc(0)],
    ['another file', () => readFileSync(path.join(dir, 'dist', 'plan.json'))],
  ];
  const cases = damages.flatMap(([what, damage]) => ['cli.js.cache', 'cli.js.cache-copy'].map((name) => [name, what, damage] as const));
  it.each(cases)('%s %s: ignored, the same answer, exit 0, nothing on stderr', (name, _, damage) => {
    const clean = run(dir, ['tasks', '--dept', '质监局', '--json']);
    const broken = install();
    const target = path.join(broken, 'dist', name);
    const bytes = readFileSync(target);
    const damaged = damage(bytes);
    if (damaged === 'truncate') truncateSync(target, bytes.length >> 1);
    else writeFileSync(target, damaged);
    for (const args of [['tasks', '--dept', '质监局', '--json'], ['--version']]) {
      const result = run(broken, args);
      expect([result.code, result.stderr]).toEqual([0, '']);
      if (args[0] === 'tasks') expect(result.stdout).toBe(clean.stdout);
    }
  });

  it('damaged in a way V8 does not check, the cache crashes V8: the copy is what protects a run', () => {
    const broken = install();
    const target = path.join(broken, 'dist', 'cli.js.cache');
    const original = readFileSync(target);
    // 64 garbled bytes somewhere in the middle part: which places V8 dies on depends on what the bundle holds.
    const fatal = [0.5, 0.4, 0.45, 0.55, 0.6, 0.35, 0.65, 0.3, 0.7].some((share) => {
      const bytes = Buffer.from(original);
      const at = Math.floor(bytes.length * share);
      for (let i = 0; i < 64; i++) bytes[at + i]! ^= 0x5a;
      writeFileSync(target, bytes);
      const crash = compileWithCache(broken);
      return !(crash.status === 0 && crash.signal === null);
    });
    expect(fatal).toBe(true); // V8 alone dies on it …
    const result = run(broken, ['tasks', '--dept', '质监局', '--json']);
    expect([result.code, result.stderr]).toEqual([0, '']); // … boot.ts does not
  });
});

describe('global options stand before or after the command', () => {
  const small = fixturePath('small-plan.yaml');
  it.each([
    [['--plan', small, 'tasks', '--sole', '--json']],
    [['tasks', '--plan', small, '--sole', '--json']],
    [['tasks', '--sole', '--json', '--plan', small]],
    [['--json', '--plan', small, 'tasks', '--sole']],
    [['--format', 'json', 'tasks', '--plan', small, '--sole']],
  ])('plan %j', (args) => {
    const result = run(ROOT, args);
    expect(result.code).toBe(0);
    const tasks = JSON.parse(result.stdout) as { id: number; responsibility: string }[];
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.responsibility === 'sole')).toBe(true);
    expect(tasks.length).toBeLessThan(5);
  });
});
