// Builds dist/, shaped for start-up time (README, "Performance"):
// - dist/start.js: what bin/plan.js runs; it loads dist/cli.js through V8's code cache (src/start.ts).
// - dist/cli.js: one CommonJS bundle with everything a plain query needs. CommonJS because Node reads it
//   synchronously; the ES module loader reads every file asynchronously and costs ~15 ms more per run.
// - dist/lazy/*.js: what only some commands need (the table renderer and chalk, the yaml parser, opencc-js,
//   pinyin-pro, fuse.js), each its own bundle, loaded by require() at the dynamic import() that asks for it.
// - dist/plan.json: the bundled plan.yaml checked and precompiled, with the text it came from, so that an
//   edited plan.yaml is never answered from a stale copy, and the pinyin and Traditional forms of its characters
//   (src/query/characters.ts), so that its queries need neither pinyin-pro nor opencc-js.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(path.join(dist, 'lazy'), { recursive: true });
writeFileSync(path.join(dist, 'package.json'), '{ "type": "commonjs" }\n');

/** What a dynamic import() resolves to at run time: a bundle of its own under dist/lazy/. */
const LAZY = {
  'src/render/table.ts': 'table',
  'src/render/yaml.ts': 'yaml-render',
  'src/plan/load.ts': 'load',
  'src/plan/fast-load.ts': 'fast-load',
  'opencc-js/t2cn': 't2cn',
  'pinyin-pro': 'pinyin',
  'fuse.js': 'fuse',
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
  // The sources are ES modules: in CommonJS, import.meta.url is this file's URL.
  define: { 'import.meta.url': '__import_meta_url' },
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  // import() becomes require(), synchronous and without the ES module loader.
  supported: { 'dynamic-import': false },
};

/** Sends the dynamic imports named in LAZY to their bundles; `from` is where the importing bundle lies. */
function lazyImports(from) {
  return {
    name: 'lazy-imports',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const resolved = args.path.startsWith('.')
          ? path.relative(root, path.resolve(args.resolveDir, args.path)).replace(/\.js$/, '.ts')
          : args.path;
        const name = LAZY[resolved];
        if (!name) return undefined;
        const target = path.relative(from, path.join(dist, 'lazy', `${name}.js`));
        return { path: target.startsWith('.') ? target : `./${target}`, external: true };
      });
    },
  };
}

const entries = Object.entries(LAZY).map(([source, name]) => {
  const entry = source.startsWith('src/') ? source : `data:text/javascript,module.exports = require(${JSON.stringify(source)});`;
  return { name, entry };
});
await Promise.all([
  build({ ...common, entryPoints: ['src/cli.ts'], outfile: path.join(dist, 'cli.js'), plugins: [lazyImports(dist)] }),
  // What bin/plan.js runs: cli.js through V8's code cache (src/start.ts).
  build({ ...common, entryPoints: ['src/start.ts'], outfile: path.join(dist, 'start.js') }),
  // Used here only, to precompile the bundled plan's character tables.
  build({ ...common, entryPoints: ['src/query/characters.ts'], outfile: path.join(dist, 'tools', 'characters.js') }),
  ...entries.map(({ name, entry }) => build({
    ...common,
    ...(entry.startsWith('data:') ? { stdin: { contents: entry.slice('data:text/javascript,'.length), resolveDir: root, loader: 'js' } } : { entryPoints: [entry] }),
    outfile: path.join(dist, 'lazy', `${name}.js`),
    plugins: [lazyImports(path.join(dist, 'lazy'))],
  })),
]);

// Precompile the bundled plan with the loader just built.
const bytes = readFileSync(path.join(root, 'plan.yaml'));
const { createRequire } = await import('node:module');
const require = createRequire(import.meta.url);
const { checkPlanText } = require(path.join(dist, 'lazy', 'load.js'));
const source = bytes.toString('utf8');
const { plan, problems } = checkPlanText(source);
if (plan) {
  const { buildCharacterIndex } = require(path.join(dist, 'tools', 'characters.js'));
  const { pinyin } = require(path.join(dist, 'lazy', 'pinyin.js'));
  const { Converter } = require(path.join(dist, 'lazy', 't2cn.js'));
  const index = buildCharacterIndex(plan, pinyin, Converter({ from: 't', to: 'cn' }));
  writeFileSync(path.join(dist, 'plan.json'), JSON.stringify({ source, plan, index }));
} else {
  // Not fatal: the CLI then reads plan.yaml itself and reports every problem (plan validate).
  console.warn(`plan.yaml has ${problems.length} problem(s); not precompiled. Run: npx plan validate`);
}
