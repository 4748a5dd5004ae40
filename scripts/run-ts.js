// Runs a TypeScript file of this repository (the search evaluation, the benchmark) by bundling it with esbuild.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
mkdirSync('.bench', { recursive: true });
const outfile = `.bench/${entry.replace(/\W+/g, '_')}.mjs`;
await build({
  entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
