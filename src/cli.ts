// The only module that reads argv and the environment, writes to stdout and stderr, and sets exit codes. It
// declares the commands of src/commands/ with commander and runs each through one generic action.
import { Command as Program, CommanderError, Option } from 'commander';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from './commands/index.js';
import type { Command, CommandInput } from './commands/command.js';
import { EXIT, PlanError } from './errors.js';
import { openPlan, privateCacheDir, type OpenPlanOptions } from './plan/open.js';
import { isTerminal, terminalWidth, useColor, write } from './output.js';
import { FORMATS, loadRenderer, type Format } from './render/index.js';
import type { AnyReport } from './render/report.js';
import { neutralise } from './render/sanitize.js';
import { displayWidth } from './render/width.js';
import type { Plan } from './types.js';

export { checkPlanText } from './plan/load.js';

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

function planSource(options: GlobalOptions, file?: string): OpenPlanOptions {
  const chosen = file ?? options.plan ?? (process.env.PLAN_FILE || undefined);
  if (chosen === undefined) return BUNDLED;
  const cacheDir = privateCacheDir(process.env);
  return { file: chosen, ...(cacheDir === undefined ? {} : { cacheDir }) };
}

async function loadPlan(options: GlobalOptions): Promise<Plan> {
  const { plan, index } = await openPlan(planSource(options));
  // The bundled plan comes with its characters' pinyin and Traditional forms: pinyin-pro and opencc-js stay unloaded.
  return index ? { ...plan, characters: index } : plan;
}

/** The output format: --json, else --format, else a table on a terminal and TSV elsewhere. */
function chosenFormat(options: GlobalOptions): Format {
  return options.json ? 'json' : options.format ?? (isTerminal() ? 'table' : 'tsv');
}

/** Renders reports in the chosen format and sets the exit code: 0 with results, 1 with none. */
async function emit(reports: AnyReport[], options: GlobalOptions): Promise<void> {
  const format = chosenFormat(options);
  for (const report of reports) {
    if (report.records.length === 0) {
      process.exitCode = EXIT.noMatch;
      // People get a message; data formats still print their empty document ([] or a header line).
      if (format === 'table' || format === 'tsv') {
        write(2, `${neutralise(report.empty ?? 'nothing to show')}\n`);
        continue;
      }
    }
    const render = loadRenderer(format);
    write(1, await render(report, { color: useColor(options.color), width: terminalWidth() }));
  }
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function addGlobalOptions(program: Program): Program {
  return program
    .option('--plan <file>', 'plan file to read (default: $PLAN_FILE, else the bundled plan.yaml)')
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, else tsv)').choices(FORMATS))
    .option('--json', 'same as --format json')
    .option('--no-color', 'no colour (also NO_COLOR=1, TERM=dumb, or not a terminal)')
    .addOption(new Option('--debug', 'show stack traces of errors').hideHelp());
}

function helpExamples(program: Program, examples: string[]): Program {
  return program.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}

/** Declares one command of src/commands/: its name, description and arguments (what `plan --help` lists). */
function declare(program: Program, command: Command): Program {
  const sub = program.command(command.name).description(command.description);
  for (const argument of command.arguments ?? []) sub.argument(argument.name, argument.description);
  return sub;
}

/**
 * Completes a declared command: its options, examples and the generic action (parse, run, render). Done for the
 * command a run dispatches to (commander's preSubcommand hook), since options cost time to declare.
 */
export function complete(sub: Program, command: Command): void {
  helpExamples(sub, command.examples);
  for (const spec of command.options ?? []) {
    const option = new Option(spec.flags, spec.description);
    if (spec.choices) option.choices(spec.choices);
    if (spec.repeatable) option.argParser(collect);
    else if (spec.parse) option.argParser(spec.parse);
    sub.addOption(option);
  }
  sub.action(async (...received: unknown[]) => {
    const cmd = received.at(-1) as Program;
    const options = cmd.optsWithGlobals<GlobalOptions>();
    const args = received.slice(0, -2).flatMap((a) => (a === undefined ? [] : Array.isArray(a) ? a : [String(a)]));
    let plan: Promise<Plan> | undefined;
    const input: CommandInput = {
      args,
      options: cmd.opts(),
      plan: () => (plan ??= loadPlan(options)),
      source: (file) => planSource(options, file),
      width: terminalWidth(),
      format: chosenFormat(options),
    };
    const answer = await command.run(input);
    await emit(Array.isArray(answer) ? answer : [answer], options);
  });
}

/** The CLI: every command declared, each completed when a run dispatches to it. */
export function buildProgram(): Program {
  const program = new Program('plan');
  program
    .description('Query 《重庆市贯彻实施质量发展纲要2016年行动计划》 (or any plan file in the same format) from the terminal.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    // Global options are the program's: commander takes them before or after the command, and lists them in its help.
    .configureHelp({ displayWidth, helpWidth: Math.min(terminalWidth(), 100), showGlobalOptions: true })
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({
      writeOut: (text) => write(1, text),
      writeErr: (text) => write(2, text),
      outputError: (text, out) => out(text.replace(/^error: /, 'plan: ')),
    });
  addGlobalOptions(program);
  helpExamples(program, ['plan dept 质监局', 'plan tasks --part 三 --shared', 'plan search 跨境电商', 'plan tasks --dept 市商委 --json | jq ".[].id"']);
  const declared = new Map(COMMANDS.map((command) => [declare(program, command), command]));
  program.hook('preSubcommand', (_, sub) => {
    const command = declared.get(sub);
    if (command) complete(sub, command);
  });
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
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.exitCode = report(error, debug);
  }
}
