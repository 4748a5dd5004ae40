// The second floor of `npm run bench`: the first one (scripts/bench-floor.cjs: read plan.yaml and dist/plan.json,
// compare, filter, write) plus the one thing the design asks of every run before it answers: commander, declaring
// plan's commands and options (as many as `plan --help` lists, with their descriptions) and parsing argv. The
// bench bundles it as the build bundles dist/cli.js (esbuild, the same child_process shim) and runs it through
// dist/boot.js with a code cache, so that it costs what the same work inside plan would cost, and nothing more.
import { Command } from 'commander';
import { readFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/** plan's commands and how many options each has (`plan COMMAND --help`), --help left out. */
const SHAPES = [
  ['tasks', 10], ['search <query...>', 10], ['show <id...>', 1], ['dept <name...>', 2], ['depts', 2], ['outline', 3],
  ['stats', 11], ['plans', 1], ['validate [file]', 1], ['import <document>', 3], ['completion <shell>', 1],
];
const GLOBAL_OPTIONS = 10;
const collect = (value, previous = []) => [...previous, value];

/** Answers `tasks --dept 质监局 --json` from the precompiled plan, as the first floor does; true once written. */
export async function main(argv) {
  const program = new Command('plan').description('a description the length of a line in plan --help, in words');
  program.version('0.1.0', '-V, --version', 'print the version');
  for (let i = 0; i < GLOBAL_OPTIONS; i++) program.option(`--global-${i} <value>`, `global option ${i}, described in a line or two of help text`, collect);
  let answered = false;
  for (const [usage, options] of SHAPES) {
    const command = program.command(usage).description(`the ${usage} command, described in a line or two of help text`);
    for (let i = 0; i < options - 1; i++) command.option(`--option-${i} <value>`, `option ${i}, described in a line or two of help text`, collect);
    command.option('-d, --dept <name>', 'a department', collect).option('--json', 'same as --format json');
    command.action((...args) => {
      const options = args.at(-2);
      const root = path.join(import.meta.dirname, '..', '..'); // the bundle is in .bench/floor-commander/
      const source = readFileSync(path.join(root, 'plan.yaml'), 'utf8');
      const compiled = JSON.parse(readFileSync(path.join(root, 'dist', 'plan.json'), 'utf8'));
      if (compiled.source !== source) throw new Error('dist/plan.json is stale: npm run build');
      const wanted = `市${options.dept?.[0] ?? ''}`;
      const tasks = compiled.plan.tasks.filter((task) => task.departments.includes(wanted));
      writeSync(1, `${JSON.stringify(tasks, null, 2)}\n`);
      answered = true;
    });
  }
  await program.parseAsync(argv);
  return answered;
}
