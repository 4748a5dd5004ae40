// What bin/plan.js runs: dist/cli.js, compiled from the code cache that the build made beside it
// (scripts/warm-code-cache.cjs). Nothing is written here.
//
// V8 rejects a cache made by another Node version, with other flags or for a source of another length, but it
// trusts the bytes themselves: a damaged cache crashes the process. Its own checksum is checked only with the
// --verify-snapshot-checksum flag, which takes node:v8 to set, and loading node:v8 costs as much as the cache
// saves. So the build writes the cache twice, and a run uses it only when both copies are the same: a file
// damaged on disk, cut short or replaced does not match the other one, and cli.js is compiled as usual.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wrap } from 'node:module';
import { Script } from 'node:vm';

const file = join(__dirname, 'cli.js');

function readCache(): Buffer | undefined {
  try {
    const cache = readFileSync(`${file}.cache`);
    return cache.length > 0 && cache.equals(readFileSync(`${file}.cache-copy`)) ? cache : undefined;
  } catch {
    return undefined; // no cache (the build could not make one): compile
  }
}

const cachedData = readCache();
const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, ...(cachedData ? { cachedData } : {}) });
const bundle = { exports: {} as { main: (argv: string[]) => Promise<boolean> } };
script.runInThisContext()(bundle.exports, require, bundle, file, __dirname);
// A run whose output is all written ends at once: letting Node take down a heap of 10,000 tasks costs ~1.5 ms.
void bundle.exports.main(process.argv).then((done) => done && process.exit());
