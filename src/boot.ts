// What bin/plan.js runs: dist/cli.js, compiled from the code cache that the build made beside it
// (scripts/warm-code-cache.cjs). Nothing is written here. V8 rejects a cache made by another Node version,
// other flags or another source length; --verify-snapshot-checksum makes it check the cache's checksum too, so that
// a damaged file is rejected and cli.js compiles as usual (without it V8 trusts the bytes and crashes on garbage).
import { readFileSync } from 'node:fs';
import { wrap } from 'node:module';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

/** The V8 flag the cache is made and read with (scripts/warm-code-cache.cjs sets it too: flags are part of the match). */
export const CODE_CACHE_FLAG = '--verify-snapshot-checksum';

const file = join(__dirname, 'cli.js');
setFlagsFromString(CODE_CACHE_FLAG);
let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(`${file}.cache`);
} catch {
  // no cache (the build could not make one): compile
}
const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, ...(cachedData ? { cachedData } : {}) });
const module = { exports: {} as { main: (argv: string[]) => Promise<void> } };
script.runInThisContext()(module.exports, require, module, file, __dirname);
void module.exports.main(process.argv);
