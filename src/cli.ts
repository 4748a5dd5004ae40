// The only module that reads argv and the environment, writes to stdout and stderr, and sets exit codes.
import { Command, CommanderError, Option } from 'commander';
import { fstatSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT, PlanError } from './errors.js';
import { resolveDepartment } from './plan/departments.js';
import { openPlan, privateCacheDir, type OpenPlanOptions } from './plan/open.js';
import { filterTasks, parsePart, parseSections } from './query/filter.js';
import { fold, toSimplified, useKnownSimplified } from './query/normalize.js';
import { useKnownReadings } from './query/pinyin.js';
import { FORMATS, loadRenderer, type Format } from './render/index.js';
import type { Report } from './render/report.js';
import { neutralise } from './render/sanitize.js';
import { displayWidth } from './render/width.js';
import type { FilterOptions, Plan } from './types.js';
import { taskReport } from './views/tasks.js';
import { deptReport, deptsReport } from './views/departments.js';
import { outlineReport } from './views/outline.js';
import { statsReport, STAT_VIEWS, type StatView } from './views/stats.js';
import { searchReport } from './views/search.js';
import { validationReport } from './views/validation.js';
import { maxOf } from './text.js';

const VERSION = '0.1.0';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLED = { file: `${ROOT}plan.yaml`, compiled: `${ROOT}dist/plan.json` };

interface GlobalOptions {
  plan?: string;
  format?: Format;
  json?: boolean;
  color: boolean;
  debug?: boolean;
}

interface TaskFilterFlags {
  dept?: string[];
  part?: string;
  section?: string[];
  keyword?: string[];
  sole?: boolean;
  shared?: boolean;
}

function planSource(options: GlobalOptions, file?: string): OpenPlanOptions {
  const chosen = file ?? options.plan ?? (process.env.PLAN_FILE || undefined);
  if (chosen === undefined) return BUNDLED;
  const cacheDir = privateCacheDir(process.env);
  return { file: chosen, ...(cacheDir === undefined ? {} : { cacheDir }) };
}

async function loadPlan(options: GlobalOptions, file?: string): Promise<Plan> {
  const { plan, index } = await openPlan(planSource(options, file));
  // The bundled plan comes with its characters' pinyin and Traditional forms: pinyin-pro and opencc-js stay unloaded.
  useKnownReadings(index?.readings);
  useKnownSimplified(index?.simplified);
  return plan;
}

/**
 * Whether stdout (1) or stderr (2) is a pipe, a socket or a file, and so written with fs.writeSync: Node's
 * stream for a pipe costs ~5 ms of a run to set up, and `plan … | jq` in a loop pays it every time. A
 * character device (a terminal, /dev/null) goes through process.stdout and process.stderr as usual.
 */
const direct = new Map<1 | 2, boolean>();

function writesDirectly(fd: 1 | 2): boolean {
  let known = direct.get(fd);
  if (known === undefined) {
    try {
      const stats = fstatSync(fd);
      known = stats.isFIFO() || stats.isSocket() || stats.isFile();
    } catch {
      known = false;
    }
    direct.set(fd, known);
  }
  return known;
}

let watching = false;

/** The stream for fd; stdout's ends the run quietly when the reader has gone (`plan … | head`). */
function streamOf(fd: 1 | 2): NodeJS.WriteStream {
  if (fd === 2) return process.stderr;
  if (!watching) {
    watching = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return process.stdout;
}

/** Writes text to stdout (1) or stderr (2), in order, whole; a reader gone ends the run quietly. */
function write(fd: 1 | 2, text: string): void {
  if (!writesDirectly(fd)) {
    streamOf(fd).write(text);
    return;
  }
  const bytes = Buffer.from(text);
  let at = 0;
  try {
    while (at < bytes.length) at += writeSync(fd, bytes, at);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (code !== 'EAGAIN') throw error;
    // A full pipe that the reader set non-blocking: from here on the stream waits for the reader.
    direct.set(fd, false);
    streamOf(fd).write(bytes.subarray(at));
  }
}

function isTerminal(): boolean {
  return !writesDirectly(1) && process.stdout.isTTY === true;
}

function useColor(options: GlobalOptions): boolean {
  if (options.color === false || process.env.NO_COLOR || process.env.TERM === 'dumb') return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return isTerminal();
}

function terminalWidth(): number {
  const columns = (isTerminal() && process.stdout.columns) || Number(process.env.COLUMNS);
  return Number.isFinite(columns) && columns >= 20 ? columns : 80;
}

/** The output format: --json, else --format, else a table on a terminal and TSV elsewhere. */
function chosenFormat(options: GlobalOptions): Format {
  return options.json ? 'json' : options.format ?? (isTerminal() ? 'table' : 'tsv');
}

/** Renders a report in the chosen format and sets the exit code: 0 with results, 1 with none. */
async function emit<R>(report: Report<R>, options: GlobalOptions, empty: string): Promise<void> {
  const format = chosenFormat(options);
  if (report.records.length === 0) {
    process.exitCode = EXIT.noMatch;
    // People get a message; data formats still print their empty document ([] or a header line).
    if (format === 'table' || format === 'tsv') {
      write(2, `${neutralise(empty)}\n`);
      return;
    }
  }
  const render = await loadRenderer(format);
  write(1, render(report, { color: useColor(options), width: terminalWidth() }));
}

async function buildFilter(plan: Plan, flags: TaskFilterFlags): Promise<FilterOptions> {
  if (flags.sole && flags.shared) throw new PlanError('--sole and --shared exclude each other: give one of them');
  const departments = [];
  for (const name of flags.dept ?? []) departments.push((await resolveDepartment(plan.departments, name)).name);
  const keywords = [];
  for (const keyword of flags.keyword ?? []) {
    const folded = fold(await toSimplified(keyword)).trim();
    if (folded === '') throw new PlanError('--keyword is empty: give the text to look for, e.g. --keyword 电梯');
    keywords.push(folded);
  }
  return {
    departments,
    keywords,
    ...(flags.part !== undefined ? { part: parsePart(plan, flags.part) } : {}),
    ...(flags.section?.length ? { sections: [...new Set(flags.section.flatMap((s) => parseSections(plan, s)))] } : {}),
    ...(flags.sole ? { responsibility: 'sole' as const } : flags.shared ? { responsibility: 'shared' as const } : {}),
  };
}

function parseTaskId(plan: Plan, input: string): number {
  const id = Number(input.normalize('NFKC').replace(/[．.、]$/, ''));
  if (Number.isSafeInteger(id) && plan.tasks.some((t) => t.id === id)) return id;
  const ids = plan.tasks.map((t) => t.id);
  const range = ids.length ? `${-maxOf(ids.map((id) => -id))} to ${maxOf(ids)}` : 'none';
  throw new PlanError(`there is no task "${input}": task ids run from ${range}`);
}

function parseLimit(input: string): number {
  const n = Number(input);
  if (!Number.isSafeInteger(n) || n < 1) throw new PlanError(`--limit must be a whole number from 1, not "${input}"`);
  return n;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function addGlobalOptions(command: Command): Command {
  return command
    .option('--plan <file>', 'plan file to read (default: $PLAN_FILE, else the bundled plan.yaml)')
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, else tsv)').choices(FORMATS))
    .option('--json', 'same as --format json')
    .option('--no-color', 'no colour (also NO_COLOR=1, TERM=dumb, or not a terminal)')
    .addOption(new Option('--debug', 'show stack traces of errors').hideHelp());
}

function addFilterOptions(command: Command): Command {
  return command
    .option('--dept <name>', 'a department, as you write it: 质监局, zhijianju, 重庆市质量技术监督局 (repeat: any of them)', collect)
    .option('--part <n>', 'a part: 三, 3 or 三、')
    .option('--section <n>', 'a section: （八）, 八, 8, or words of its title (repeat: any of them)', collect)
    .option('--keyword <text>', 'literal text in the task (repeat: all of them)', collect)
    .option('--sole', 'only tasks a department carries alone (负责)')
    .option('--shared', 'only tasks shared by departments (按职责分工负责)');
}

function helpExamples(command: Command, examples: string[]): Command {
  return command.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}

/**
 * The subcommand argv asks for (`plan --plan x.yaml tasks …` → tasks, `plan help dept` → dept), so that only it is
 * configured: commander's options cost a few milliseconds a command. Undefined when unsure or asking for help.
 */
export function requestedCommand(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--plan' || arg === '--format') i++;
    else if (arg === '--') return undefined;
    else if (!arg.startsWith('-')) return arg === 'help' ? args[i + 1] : arg;
  }
  return undefined;
}

/** The CLI; with `args` (argv without node and the script), only the subcommand they ask for is fully configured. */
export function buildProgram(args?: string[]): Command {
  const wanted = args === undefined ? undefined : requestedCommand(args);
  const program = new Command('plan');
  program
    .description('Query 《重庆市贯彻实施质量发展纲要2016年行动计划》 (or any plan file in the same format) from the terminal.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureHelp({ displayWidth, helpWidth: Math.min(terminalWidth(), 100) })
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({
      writeOut: (text) => write(1, text),
      writeErr: (text) => write(2, text),
      outputError: (text, out) => out(text.replace(/^error: /, 'plan: ')),
    });
  addGlobalOptions(program);
  helpExamples(program, ['plan dept 质监局', 'plan tasks --part 三 --shared', 'plan search 跨境电商', 'plan tasks --dept 市商委 --json | jq ".[].id"']);

  const command = (name: string, description: string, examples: string[], configure: (sub: Command) => void) => {
    const [word] = name.split(' ');
    const sub = program.command(name).description(description);
    if (wanted !== undefined && wanted !== word) return;
    addGlobalOptions(sub);
    helpExamples(sub, examples);
    configure(sub);
  };

  command('tasks', 'list the tasks that match every filter given (no filter: all of them)', [
    'plan tasks --dept 质监局 --sole',
    'plan tasks --part 三 --section 八',
    'plan tasks --keyword 电梯 --json',
  ], (sub) => addFilterOptions(sub).action(async (flags: TaskFilterFlags, cmd: Command) => {
    const options = cmd.optsWithGlobals<GlobalOptions>();
    const plan = await loadPlan(options);
    await emit(taskReport(plan, filterTasks(plan, await buildFilter(plan, flags))), options, 'no task matches these filters');
  }));

  command('search', 'rank tasks by fuzzy relevance to the query, best first, with the matches highlighted', [
    'plan search 跨境电商',
    'plan search 电梯 安全',
    'plan search dianti --limit 3',
    'plan search 電梯 --json',
  ], (sub) => addFilterOptions(sub)
    .argument('<query...>', 'words to find; spaces separate terms that must all match')
    .option('--limit <n>', 'at most this many results', parseLimit)
    .action(async (words: string[], flags: TaskFilterFlags & { limit?: number }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const plan = await loadPlan(options);
      const filter = await buildFilter(plan, flags);
      const { searchTasks } = await import('./query/search.js');
      const results = await searchTasks(plan, words.join(' '), { filter, ...(flags.limit ? { limit: flags.limit } : {}) });
      await emit(searchReport(plan, results), options, `nothing in the plan matches "${words.join(' ')}"`);
    }));

  command('show', 'show tasks in full: part, section, text, departments, responsibility', ['plan show 37', 'plan show 1 2 3 --json'], (sub) => sub
    .argument('<id...>', 'task numbers, e.g. 37')
    .action(async (ids: string[], _flags: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const plan = await loadPlan(options);
      const wanted = ids.map((id) => parseTaskId(plan, id));
      await emit(taskReport(plan, wanted.map((id) => plan.tasks.find((t) => t.id === id)!)), options, 'no task');
    }));

  command('dept', "one department's duty sheet: the tasks it carries alone, those it shares and with whom", [
    'plan dept 质监局',
    'plan dept zhijianju',
    'plan dept 重庆市质量技术监督局 --json',
  ], (sub) => sub
    .argument('<name...>', 'the department, as you write it')
    .action(async (words: string[], _flags: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const plan = await loadPlan(options);
      const department = await resolveDepartment(plan.departments, words.join(''));
      await emit(deptReport(plan, department), options, `${department.name} has no task in this plan`);
    }));

  command('depts', 'every department with its count of tasks (total, sole, shared), most first', ['plan depts', 'plan depts --format csv > depts.csv'], (sub) => sub
    .action(async (_flags: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const plan = await loadPlan(options);
      await emit(deptsReport(plan, terminalWidth()), options, 'the plan lists no department');
    }));

  command('outline', 'parts → sections → task numbers and counts', ['plan outline', 'plan outline --part 三', 'plan outline --json'], (sub) => sub
    .option('--part <n>', 'only this part: 三, 3 or 三、')
    .action(async (flags: { part?: string }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const plan = await loadPlan(options);
      await emit(outlineReport(plan, flags.part === undefined ? undefined : parsePart(plan, flags.part)), options, 'the plan has no part');
    }));

  command('stats', 'who carries the plan: workload per department, department × part, who works with whom', [
    'plan stats',
    'plan stats --part 三',
    'plan stats --dept 质监局',
    'plan stats --view pairs --format csv',
  ], (sub) => addFilterOptions(sub)
    .addOption(new Option('--view <view>', 'one view only').choices(STAT_VIEWS))
    .action(async (flags: TaskFilterFlags & { view?: StatView }, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const plan = await loadPlan(options);
      const filter = await buildFilter(plan, flags);
      // A terminal gets every view; data formats get one: the department's partners, or the workload.
      const views = flags.view ? [flags.view] : chosenFormat(options) === 'table'
        ? STAT_VIEWS.filter((v) => v !== 'partners' || filter.departments?.length)
        : [filter.departments?.length ? 'partners' as const : 'workload' as const];
      for (const view of views) await emit(statsReport(plan, view, filter, terminalWidth()), options, 'no task matches these filters');
    }));

  command('validate', 'check a plan file and report every problem as file:line:column', ['plan validate', 'plan validate my-plan.yaml'], (sub) => sub
    .argument('[file]', 'the plan file (default: --plan, $PLAN_FILE, else the bundled plan.yaml)')
    .action(async (file: string | undefined, _flags: unknown, cmd: Command) => {
      const options = cmd.optsWithGlobals<GlobalOptions>();
      const source = planSource(options, file);
      const { plan } = await openPlan({ ...source, strict: true });
      await emit(validationReport(source.file === BUNDLED.file ? 'plan.yaml' : source.file, plan), options, '');
    }));

  return program;
}

function report(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof PlanError) {
    // Messages quote plan files and queries: neutralised, like all text that reaches the terminal.
    write(2, `plan: ${neutralise(error.message)}\n${error.details.map((d) => `  ${neutralise(d)}\n`).join('')}`);
    if (debug) write(2, `${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(2, `plan: internal error: ${neutralise(message)}${debug ? `\n${(error as Error).stack}` : ' (run again with --debug for details)'}\n`);
  return EXIT.internal;
}

/** Runs the CLI on argv; resolves when output is written, with process.exitCode set. */
export async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  try {
    await buildProgram(argv.slice(2)).parseAsync(argv);
  } catch (error) {
    process.exitCode = report(error, debug);
  }
}


