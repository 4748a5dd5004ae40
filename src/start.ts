// What bin/plan.js runs: dist/cli.js, compiled from V8's code cache when there is a good one. Node 20 has no
// compile cache of its own (22 has), and compiling cli.js is ~7 ms of each run: a tenth of the whole.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { privateCacheDir, pruneCache } from './plan/open.js';

interface Cli {
  main: (argv: string[]) => Promise<void>;
}

function load(file: string): Cli {
  // V8 trusts cached code: only a directory no one else can write (privateCacheDir).
  const dir = privateCacheDir(process.env);
  if (dir === undefined) return require(file) as Cli;
  const source = readFileSync(file, 'utf8');
  const { size, mtimeMs } = statSync(file);
  const cacheFile = path.join(dir, `cli-${process.version}-${size}-${Math.trunc(mtimeMs)}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected) {
    // Written at exit, so that the functions this run compiled are in it too.
    process.once('exit', () => {
      try {
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, cacheFile);
        // One build, one cache: those of earlier builds or Node versions go.
        pruneCache(dir, (name) => name.startsWith('cli-') && name.endsWith('.v8cache'), 1);
      } catch {
        // the next run compiles again
      }
    });
  }
  const module = { exports: {} as Cli };
  script.runInThisContext()(module.exports, Module.createRequire(file), module, file, path.dirname(file));
  return module.exports;
}

void load(path.join(__dirname, 'cli.js')).main(process.argv);
