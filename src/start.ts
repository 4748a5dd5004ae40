// What bin/plan.js runs: dist/cli.js, compiled from V8's code cache when there is a good one. Node 20 has no
// compile cache of its own (22 has), and compiling cli.js is ~7 ms of each run: a tenth of the whole.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { privateCacheDir, pruneCache } from './plan/open.js';

interface Cli {
  main: (argv: string[]) => Promise<void>;
}

/**
 * V8 keeps in a code cache the functions compiled by the run that made it, so a cache made by `plan --version`
 * would hold little of `plan search`. The first runs therefore each rewrite it, adding what they compiled to what
 * they loaded; the first byte of the file counts how often it has been written.
 */
const REFINEMENTS = 5;

/** The bundles that import() loads (scripts/build.js), from cli.js or from one another. */
const LAZY = join(__dirname, 'lazy');

/** What a bundle exports, by file: each runs once, as with require(). */
const loaded = new Map<string, unknown>();

/**
 * Runs a CommonJS bundle of dist/ compiled from its code cache in `dir`, one cache file a bundle. Its require()
 * sends the bundles of dist/lazy/ (import() in the source) here too, so that `plan tasks` as a table, say,
 * also compiles the renderer from cache.
 */
function load(file: string, dir: string): unknown {
  if (loaded.has(file)) return loaded.get(file);
  const source = readFileSync(file, 'utf8');
  const { size, mtimeMs } = statSync(file);
  const name = basename(file, '.js');
  const cacheFile = join(dir, `${name}-${process.version}-${size}-${Math.trunc(mtimeMs)}.v8cache`);
  let written = 0;
  let cachedData: Buffer | undefined;
  try {
    const stored = readFileSync(cacheFile);
    written = stored[0] ?? 0;
    cachedData = stored.subarray(1);
  } catch {
    // no cache yet
  }
  const script = new Script(wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected || written < REFINEMENTS) {
    // Written at exit, so that the functions this run compiled are in it too.
    process.once('exit', () => {
      try {
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        const count = cachedData && !script.cachedDataRejected ? written + 1 : 1;
        writeFileSync(temporary, Buffer.concat([Buffer.of(count), script.createCachedData()]), { mode: 0o600 });
        renameSync(temporary, cacheFile);
        // One build, one cache: those of earlier builds or Node versions go.
        pruneCache(dir, (entry) => entry.startsWith(`${name}-`) && entry.endsWith('.v8cache'), 1);
      } catch {
        // the next run compiles again
      }
    });
  }
  const module = { exports: {} };
  const plain = createRequire(file);
  const require = Object.assign((id: string) => {
    const target = id.startsWith('.') ? join(dirname(file), id) : undefined;
    return target && dirname(target) === LAZY ? load(target, dir) : plain(id);
  }, plain);
  loaded.set(file, module.exports); // what a circular require() gets, as in Node
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
  loaded.set(file, module.exports); // the bundle may have replaced module.exports
  return module.exports;
}

const cli = join(__dirname, 'cli.js');
// V8 trusts cached code: only a directory no one else can write (privateCacheDir).
const dir = privateCacheDir(process.env);
void ((dir === undefined ? createRequire(cli)(cli) : load(cli, dir)) as Cli).main(process.argv);
