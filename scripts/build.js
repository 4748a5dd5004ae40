// Builds dist/ (README, "Start-up"):
// - dist/cli.js: one CommonJS bundle of all our own code (CommonJS: Node reads it synchronously; the ES module
//   loader costs ~15 ms more a run). Every module of ours is in it once.
// - dist/vendor/*.js: the third-party libraries that only some runs need (VENDOR below), one bundle each, loaded
//   by the `await import()` that asks for them. A static import of one of them is a build error: it would load
//   the library on every run.
// - dist/cli.js.cache: V8's compiled code of cli.js, made here by running representative commands
//   (scripts/warm-code-cache.cjs) and only read at run time (src/boot.ts).
// - dist/plan.json: the bundled plan.yaml checked and precompiled, with the text it came from (an edited plan.yaml
//   is never answered from a stale copy) and the pinyin and Traditional forms of its characters.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(path.join(dist, 'vendor'), { recursive: true });
writeFileSync(path.join(dist, 'package.json'), '{ "type": "commonjs" }\n');

/** Third-party libraries loaded lazily, where they are used: import specifier → bundle name in dist/vendor/. */
export const VENDOR = {
  yaml: 'yaml',
  chalk: 'chalk',
  'opencc-js/t2cn': 'opencc-t2cn',
  'pinyin-pro': 'pinyin-pro',
  'fuse.js': 'fuse',
  fflate: 'fflate',
  htmlparser2: 'htmlparser2',
  'hanzi/lib/data/cjk-decomp.txt.js': 'cjk-decomp',
};

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Identifiers stay readable so that --debug stack traces mean something.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  // commander loads child_process at start-up and never uses it here; chalk detects colour support, which plan
  // decides itself: see the shims.
  alias: { 'node:child_process': './src/child-process-shim.cjs', '#supports-color': './src/supports-color-shim.cjs' },
  // The sources are ES modules: in CommonJS, import.meta.dirname and filename are __dirname and __filename.
  define: { 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
  // import() becomes require(), synchronous and without the ES module loader.
  supported: { 'dynamic-import': false },
};

/** Sends imports of VENDOR libraries to their bundles in dist/vendor/, and refuses static ones. */
const vendorImports = {
  name: 'vendor-imports',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = VENDOR[args.path];
      if (!name) return undefined;
      if (args.kind !== 'dynamic-import') {
        return { errors: [{ text: `${args.path} is loaded lazily (scripts/build.js VENDOR): write await import('${args.path}') where it is used` }] };
      }
      return { path: `./vendor/${name}.js`, external: true };
    });
  },
};

// yaml's Node build reads process.env.LOG_TOKENS for every token it parses (~0.9 s of the 4 s that reading
// 100,000 tasks takes); its browser build is the same code without that.
const SOURCE = { yaml: './node_modules/yaml/browser/index.js' };

await Promise.all([
  build({ ...common, entryPoints: ['src/cli.ts'], outfile: path.join(dist, 'cli.js'), plugins: [vendorImports] }),
  build({ ...common, entryPoints: ['src/boot.ts'], outfile: path.join(dist, 'boot.js'), define: {} }),
  // Used here only, to precompile the bundled plan's character tables.
  build({ ...common, entryPoints: ['src/chinese/tables.ts'], outfile: path.join(dist, 'tools', 'characters.js') }),
  ...Object.entries(VENDOR).map(([specifier, name]) => build({
    ...common,
    stdin: { contents: `module.exports = require(${JSON.stringify(SOURCE[specifier] ?? specifier)});`, resolveDir: root, loader: 'js' },
    outfile: path.join(dist, 'vendor', `${name}.js`),
  })),
]);

// V8 keeps a script's source as one byte a character only when every character is Latin-1: one Chinese character
// in a regular expression literal (esbuild escapes them in strings, not there) made all of cli.js two-byte, a UTF-8
// decoding of 370 KB and twice the memory at every start. They are written as \u escapes, which mean the same
// everywhere in JavaScript (an astral character as its two surrogates, which a u-flag regular expression reads
// as one code point).
const cliFile = path.join(dist, 'cli.js');
const bundled = readFileSync(cliFile, 'utf8');
if (/\\[^\x00-\x7f]/.test(bundled)) throw new Error('dist/cli.js: a backslash before a non-ASCII character cannot be escaped as \\u; write the character itself');
writeFileSync(cliFile, bundled.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

// Precompile the bundled plan with the loader just built.
const require = createRequire(import.meta.url);
const cli = require(path.join(dist, 'cli.js'));
const { buildCharacterTables, buildReadingTable } = require(path.join(dist, 'tools', 'characters.js'));
const { pinyin } = require(path.join(dist, 'vendor', 'pinyin-pro.js'));
// pinyin-pro's readings of the CJK Unified Ideographs, for plans without tables of their own (src/chinese/pinyin.ts).
writeFileSync(path.join(dist, 'vendor', 'pinyin-readings.txt'), buildReadingTable(pinyin));
const source = readFileSync(path.join(root, 'plan.yaml'), 'utf8');
const { plan, problems } = await cli.checkPlanText(source);
if (plan) {
  const { Converter } = require(path.join(dist, 'vendor', 'opencc-t2cn.js'));
  const index = buildCharacterTables(plan, pinyin, Converter({ from: 't', to: 'cn' }));
  writeFileSync(path.join(dist, 'plan.json'), JSON.stringify({ source, plan, index }));
} else {
  // Not fatal: the CLI then reads plan.yaml itself and reports every problem (plan validate).
  console.warn(`plan.yaml has ${problems.length} problem(s); not precompiled. Run: npx plan validate`);
}
rmSync(path.join(dist, 'tools'), { recursive: true, force: true });

// V8's compiled code for cli.js, warmed by the commands people run most (not fatal: without it cli.js compiles).
// What the commands say on stderr (notes, corrections) is theirs; only a failure of the script itself is shown.
const warmed = spawnSync(process.execPath, [path.join(root, 'scripts', 'warm-code-cache.cjs')], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
if (warmed.status !== 0) console.warn(`plan: no code cache made (scripts/warm-code-cache.cjs failed); plan still works, a little slower\n${warmed.stderr}`);
