// Builds dist/: one ES module for the CLI with lazily loaded chunks (cli-table3, chalk, yaml, opencc-js and
// pinyin-pro load only when a command needs them), and dist/plan.json, the bundled plan.yaml checked and
// precompiled, keyed by the SHA-256 of its bytes so that an edited plan.yaml is never answered from a stale copy.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const dist = new URL('dist/', root);
rmSync(dist, { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli.ts', load: 'src/plan/load.ts' },
  absWorkingDir: root.pathname,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Identifiers stay readable so that --debug stack traces mean something.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'linked',
  // cli-table3 and its dependencies are CommonJS; they need `require` inside an ES module.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});

const yamlFile = new URL('plan.yaml', root);
const bytes = readFileSync(yamlFile);
const { checkPlanText } = await import(new URL('load.js', dist).href);
const { plan, problems } = checkPlanText(bytes.toString('utf8'));
if (plan) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  writeFileSync(new URL('plan.json', dist), JSON.stringify({ sha256, plan }));
} else {
  // Not fatal: the CLI then reads plan.yaml itself and reports every problem (plan validate).
  console.warn(`plan.yaml has ${problems.length} problem(s); not precompiled. Run: npx plan validate`);
}
