// The only module that reads argv and the environment, writes to stdout and stderr, and sets exit codes. It
// declares the commands of src/commands/ with commander and runs each through one generic action.
import { Command as Commander, CommanderError, Help, Option, type Argument } from 'commander';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from './commands/index.js';
import { GLOBAL_OPTIONS, SAME_SETTING, type Answer, type Command, type CommandInput, type OptionSpec, type Product } from './commands/command.js';
import { suggest } from './commands/suggest.js';
import { EXIT, PlanError } from './errors.js';
import { chooseLanguage, LANGUAGES, msg, translator, word, type Language, type Message, type Translate } from './i18n/index.js';
import { privateCacheDir } from './plan/cache.js';
import type { OpenPlanOptions } from './plan/open.js';
import { openPlans, planPaths, type LoadedPlans } from './plan/plans.js';
import { allWritten, sayWriteFailures, isFile, isTerminal, terminalWidth, useColor, write, writePaged, type ColorMode } from './output.js';
import { renderAnswer, type Format } from './render/index.js';
import type { AnyReport } from './render/report.js';
import { forMessage } from './render/sanitize.js';
import { displayWidth } from './render/width.js';
import { wrapText } from './render/wrap.js';

export { checkPlanText } from './plan/load.js';
// What the worker threads that read large plan files run (src/plan/parse.ts).
export { readShareInWorker } from './plan/parse.js';

const VERSION = '0.1.0';
const ROOT = join(import.meta.dirname, '..');
const BUNDLED = { file: join(ROOT, 'plan.yaml'), compiled: join(ROOT, 'dist', 'plan.json') };

interface GlobalOptions {
  plan?: string[];
  format?: Format;
  json?: boolean;
  /** --color WHEN, false for --no-color, undefined for neither. */
  color?: ColorMode | false;
  pager: boolean;
  header?: boolean;
  bom: boolean;
  limit?: number;
  debug?: boolean;
}

/**
 * Where the plans in use are read from: `files` (a command's arguments: plan validate a.yaml b.yaml), else every
 * --plan, else $PLAN_FILE, else the bundled plan. Files and a --plan of others: a usage error, never one of them
 * ignored.
 */
function planSources(options: GlobalOptions, files: string[] = []): OpenPlanOptions[] {
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((f) => b.includes(f));
  if ([...files, ...(options.plan ?? [])].some((f) => f.trim() === '')) throw new PlanError(msg('usage.emptyFile'));
  if (files.length > 0 && options.plan?.length && !same(files, options.plan)) throw new PlanError(msg('usage.filesAndPlan', { files: files.join(' '), plan: options.plan.join(' ') }));
  const chosen = files.length > 0 ? files : options.plan?.length ? options.plan : process.env.PLAN_FILE ? planPaths(process.env.PLAN_FILE) : [];
  if (chosen.length === 0) return [BUNDLED];
  const cacheDir = privateCacheDir(process.env);
  return chosen.map((path) => ({ file: path, ...(cacheDir === undefined ? {} : { cacheDir }) }));
}

/**
 * Reads the plans in use (several: merged into one to query, src/plan/plans.ts). The bundled plan comes with its
 * characters' pinyin and Traditional forms: pinyin-pro and opencc-js stay unloaded.
 */
function loadPlans(options: GlobalOptions): Promise<LoadedPlans> {
  return openPlans(planSources(options));
}

/** The output format: --json, else --format, else a table on a terminal and TSV elsewhere. */
function chosenFormat(options: GlobalOptions): Format {
  return options.json ? 'json' : options.format ?? (isTerminal() ? 'table' : 'tsv');
}

/**
 * A missing plan file's message, told where its name came from (the command's argument, --plan or PLAN_FILE), so
 * that the hint it gives is true where it is printed.
 */
function withOrigin(error: unknown, args: string[], options: GlobalOptions): unknown {
  if (!(error instanceof PlanError) || error.said?.key !== 'file.missing') return error;
  const { file } = error.said.params as { file: string };
  const from = args.includes(file) ? 'argument' : options.plan?.includes(file) ? 'option' : process.env.PLAN_FILE ? 'env' : 'option';
  return new PlanError(msg('file.missing', { file, from }), { exitCode: error.exitCode, cause: error });
}

/**
 * The first `limit` records of a report, its groups cut to match; one drawn as lines of its own (the outline's
 * tree, made from the whole plan) is then a table of the records kept.
 */
function limitReport(report: AnyReport, limit: number | undefined): AnyReport {
  if (limit === undefined || report.records.length <= limit) return report;
  const kept = new Set(report.records.slice(0, limit));
  return {
    ...report,
    lines: undefined,
    records: report.records.slice(0, limit),
    total: report.records.length,
    ...(report.groups ? { groups: report.groups.map((g) => ({ ...g, records: g.records.filter((r: unknown) => kept.has(r)) })) } : {}),
  };
}

/**
 * Renders the answer in the chosen format and sets the exit code: 0 with results, 1 with none. A table cut by
 * --limit says so on stderr (data formats are cut silently, as `head` would).
 */
async function emit(answer: Answer, options: GlobalOptions, t: Translate): Promise<void> {
  if ((answer as Partial<Product>).kind === 'product') {
    deliver(answer as Product);
    return;
  }
  if ('text' in answer && typeof answer.text === 'string') {
    write(1, answer.text);
    return;
  }
  const format = chosenFormat(options);
  const single = 'records' in answer && Array.isArray(answer.records);
  const named: Record<string, AnyReport> = single ? { '': answer as AnyReport } : (answer as Record<string, AnyReport>);
  const all = single ? (answer as AnyReport).records.length : 0;
  for (const [name, report] of Object.entries(named)) named[name] = limitReport(report, options.limit);
  const reports = Object.values(named);
  const found = reports.filter((r) => r.records.length > 0);
  process.exitCode = found.length === 0 ? EXIT.noMatch : Math.max(...found.map((r) => r.exitCode ?? EXIT.ok));
  if (found.length === 0) {
    // A message on stderr in every format but JSON, whose [] says it; data formats still print their empty
    // document (a CSV's header line, TSV's with --header), people's formats nothing more.
    if (format !== 'json') write(2, `${forMessage(reports[0]?.empty ?? '')}\n`);
    if (format === 'table' || format === 'markdown' || (format === 'tsv' && options.header !== true)) return;
  }
  const width = terminalWidth();
  const text = await renderAnswer(format, single ? named['']! : named, {
    color: useColor(options.color === false ? 'never' : options.color ?? 'auto'),
    width,
    header: options.header === true,
    // Excel needs the byte order mark to read UTF-8; a program reading a pipe does not want it.
    bom: options.bom && (isTerminal() || isFile()),
  });
  await writePaged(text, options.pager);
  if (single && format === 'table' && reports[0]!.records.length < all && !reports[0]!.cut) write(2, `${t('note.limited', { shown: reports[0]!.records.length, of: all })}\n`);
}

/** Writes what a command made: its text to its file (then its notes, which may say it was written), or its notes on stderr and its text to stdout. */
function deliver(product: Product): void {
  if (product.file !== undefined && product.text !== '') {
    try {
      writeFileSync(product.file, product.text);
    } catch (error) {
      throw new PlanError(msg('output.cannotWrite', { file: product.file, code: (error as NodeJS.ErrnoException).code, reason: (error as Error).message }), { exitCode: EXIT.planFile, cause: error });
    }
  }
  if (product.notes.length > 0) write(2, `${product.notes.map(forMessage).join('\n')}\n`);
  if (product.file === undefined) write(1, product.text);
  process.exitCode = product.exitCode ?? EXIT.ok;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Reads an option's value from a fixed set, suggesting the nearest for a typo (`--format jsn`: json?). */
function oneOf(option: string, choices: readonly string[]) {
  return (value: string) => {
    if (choices.includes(value)) return value;
    const near = suggest(value, choices);
    throw new PlanError(msg('usage.badValue', { option, value, choices: choices.join(', '), ...(near.length ? { suggestion: near.join(', ') } : {}) }));
  };
}

/**
 * Declares options from their specs. An option that takes one value refuses a second (`--part 三 --part 四`)
 * and one that sets the same thing as another given refuses it (`--format csv --json`): `seen` is shared by the
 * program and its commands, so that a global option before the command counts too.
 */
function addOptions(command: Commander, specs: OptionSpec[], t: Translate, seen: Map<string, string>): void {
  for (const spec of specs) {
    const option = new Option(spec.flags, t(spec.description));
    if (spec.repeatable) option.argParser(collect);
    else if (spec.choices) option.argParser(oneOf(option.long!, spec.choices));
    else if (spec.parse) option.argParser(spec.parse);
    command.addOption(option);
    if (spec.repeatable) continue;
    const name = option.name();
    const setting = SAME_SETTING[name] ?? option.attributeName();
    command.on(`option:${name}`, () => {
      const earlier = seen.get(setting);
      seen.set(setting, option.long!);
      if (earlier === undefined || (earlier === option.long && !option.required)) return;
      throw new PlanError(earlier === option.long ? msg('usage.repeated', { option: earlier }) : msg('usage.conflict', { option: option.long!, earlier }));
    });
  }
}

/**
 * Commander, its own error messages replaced by the catalogue's: one line in plan's style, in the user's
 * language, with the nearest command or option suggested and where to find the right ones.
 */
class Program extends Commander {
  t: Translate = translator('en');

  override createCommand(name?: string): Program {
    const command = new Program(name);
    command.t = this.t;
    return command;
  }

  /** This command and the ones above it, innermost first. */
  private lineage(): Commander[] {
    const chain: Commander[] = [this];
    while (chain.at(-1)!.parent) chain.push(chain.at(-1)!.parent!);
    return chain;
  }

  private where(): string {
    return this.lineage().map((c) => c.name()).reverse().join(' ');
  }

  private usageError(message: Message): never {
    throw new PlanError(message, { exitCode: EXIT.usage });
  }

  unknownOption(flag: string): never {
    const known = this.lineage().flatMap((c) => c.options.flatMap((o) => (o.long ? [o.long] : [])));
    const near = flag.startsWith('--') ? suggest(flag, [...new Set(known)]) : [];
    this.usageError(msg('usage.unknownOption', { option: flag, command: this.where(), ...(near.length ? { suggestion: near.join(', ') } : {}) }));
  }

  unknownCommand(): never {
    const name = String(this.args[0]);
    const near = suggest(name, this.commands.filter((c) => !(c as unknown as { _hidden: boolean })._hidden).map((c) => c.name()));
    this.usageError(msg('usage.unknownCommand', { name, ...(near.length ? { suggestion: near.join(', ') } : {}) }));
  }

  missingArgument(name: string): never {
    this.usageError(msg('usage.missingArgument', { name: msg('help.placeholder', { name }), command: this.where() }));
  }

  optionMissingArgument(option: Option): never {
    this.usageError(msg('usage.missingValue', { option: option.long ?? option.flags, command: this.where() }));
  }

  _excessArguments(received: string[]): never {
    this.usageError(msg('usage.excessArguments', { command: this.where(), extra: received.slice(this.registeredArguments.length).join(' ') }));
  }
}

/**
 * Help that reads in either language and fits any width: titles from the catalogue, descriptions wrapped with
 * Chinese counted as two columns (commander breaks only at spaces, and Chinese has none), and below ~50
 * columns each option's description under it instead of beside it.
 */
function helpConfiguration(t: Translate, width: number): Partial<Help> {
  const defaults = (description: string) => description.replace(/ \(default: (.*)\)$/, (_, value: string) => t('help.default', { value }));
  const titles: Record<string, string> = {
    'Usage:': t('help.usage'),
    'Arguments:': t('help.arguments'),
    'Options:': t('help.options'),
    'Commands:': t('help.commands'),
    'Global Options:': t('help.globalOptions'),
  };
  // commander's own words in terms and usage lines: [options], [command], <file>, <query...>.
  const placeholders = (text: string, option?: string) =>
    text.replace(/([<[])([a-z]+)(\.\.\.)?([>\]])/g, (_, open: string, name: string, more = '', close: string) => `${open}${t('help.placeholder', { name, ...(option ? { option } : {}) })}${more}${close}`);
  const boxWrap = (text: string, columns: number) =>
    text.split('\n').map((line) => wrapText(line, Math.max(8, columns)).map((l, i) => (i === 0 ? l : l.trimStart()).trimEnd()).join('\n')).join('\n');
  return {
    displayWidth,
    helpWidth: width,
    showGlobalOptions: true,
    styleTitle: (title: string) => titles[title] ?? title,
    styleOptionText: (text: string) => placeholders(text, /--[a-z-]+/.exec(text)?.[0]),
    styleSubcommandText: (text: string) => (text === '[command]' ? placeholders(text) : text),
    // An argument's term is its bare name (query); in a usage line it is <query...>.
    styleArgumentText: (text: string) => (/^[a-z]+$/.test(text) ? t('help.placeholder', { name: text }) : placeholders(text)),
    optionDescription(option: Option) {
      return defaults(Help.prototype.optionDescription.call(this, option));
    },
    argumentDescription(argument: Argument) {
      return defaults(Help.prototype.argumentDescription.call(this, argument));
    },
    boxWrap,
    formatItem(term: string, termWidth: number, description: string) {
      const room = width - termWidth - 4;
      if (!description) return `  ${term}`;
      if (room >= 20) {
        const pad = ' '.repeat(Math.max(0, termWidth - displayWidth(term)));
        return `  ${term}${pad}  ${boxWrap(description, room).replace(/\n/g, `\n${' '.repeat(termWidth + 4)}`)}`;
      }
      return `  ${boxWrap(term, width - 2).replace(/\n/g, '\n  ')}\n      ${boxWrap(description, width - 6).replace(/\n/g, '\n      ')}`;
    },
  };
}

/** Wraps any line of help that is still too wide (a usage line, an example), keeping its indentation. */
function fitHelp(text: string, width: number): string {
  // commander puts a space after the title of the usage line; after a full-width colon (用法：) it is one too many.
  return text.replace(/^(\S+：) /, '$1').split('\n').map((line) => {
    if (displayWidth(line) <= width) return line;
    const indent = /^ */.exec(line)![0].length;
    const room = Math.max(8, width - indent - 2);
    return wrapText(line.slice(indent), room).map((l, i) => `${' '.repeat(i === 0 ? indent : indent + 2)}${(i === 0 ? l : l.trimStart()).trimEnd()}`).join('\n');
  }).join('\n');
}

function helpExamples(command: Commander, t: Translate, examples: string[]): void {
  command.addHelpText('after', `\n${t('help.examples')}\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}

/** Declares one command of src/commands/: its name, description and arguments (what `plan --help` lists). */
function declare(program: Program, command: Command, t: Translate): Program {
  const sub = program.command(command.name, command.hidden ? { hidden: true } : {}).description(t(command.description));
  for (const argument of command.arguments ?? []) sub.argument(argument.name, t(argument.description));
  return sub;
}

/**
 * Completes a declared command: its options, examples and the generic action (parse, run, render). Done for the
 * command a run dispatches to (commander's preSubcommand hook), since options cost time to declare.
 */
export function complete(sub: Program, command: Command, language: Language, seen: Map<string, string>): void {
  const t = translator(language);
  helpExamples(sub, t, command.examples);
  addOptions(sub, command.options ?? [], t, seen);
  sub.action(async (...received: unknown[]) => {
    const cmd = received.at(-1) as Commander;
    const options = cmd.optsWithGlobals<GlobalOptions>();
    const args = received.slice(0, -2).flatMap((a) => (a === undefined ? [] : Array.isArray(a) ? a : [String(a)]));
    let plans: Promise<LoadedPlans> | undefined;
    const loaded = () => (plans ??= loadPlans(options));
    const input: CommandInput = {
      args,
      options: cmd.opts(),
      plan: async () => (await loaded()).plan,
      plans: loaded,
      sources: (files) => planSources(options, files),
      format: chosenFormat(options),
      language,
      t,
      // Notes quote what the user typed: neutralised, like all text that reaches the terminal.
      note: (message) => write(2, `${forMessage(typeof message === 'string' ? message : word(language, message))}\n`),
    };
    // A command that writes a format of its own is not asked for another, which it would not write.
    const format = options.json ? '--json' : options.format === undefined ? undefined : `--format ${options.format}`;
    if (command.writes && format) throw new PlanError(msg('format.notApplicable', { command: `plan ${command.name}`, format, writes: msg(command.writes) }));
    let answer: Answer;
    try {
      answer = await command.run(input);
    } catch (error) {
      throw withOrigin(error, args, options);
    }
    await emit(answer, options, t);
  });
}

/** The language asked for with --lang (read before commander, whose help must already speak it), if valid. */
function requestedLanguage(argv: string[]): string | undefined {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (at < 0) return undefined;
  const value = argv[at]!.startsWith('--lang=') ? argv[at]!.slice(7) : argv[at + 1];
  return LANGUAGES.includes(value as Language) ? value : undefined;
}

/** The CLI, every command declared, speaking `language`. */
export function buildProgram(language: Language = 'en'): Program {
  const t = translator(language);
  const width = terminalWidth();
  const seen = new Map<string, string>();
  const program = new Program('plan');
  program.t = t;
  program
    .description(t('program.description'))
    .version(VERSION, '-V, --version', t('help.version'))
    .helpOption('-h, --help', t('help.help'))
    .helpCommand('help [command]', t('help.helpCommand'))
    .exitOverride()
    .configureHelp(helpConfiguration(t, width))
    .configureOutput({
      writeOut: (text) => write(1, fitHelp(text, width)),
      writeErr: (text) => write(2, fitHelp(text, width)),
      // commander's messages quote argv: neutralised and cut like every message.
      outputError: (text, out) => out(forMessage(text.replace(/^error: /, 'plan: '))),
    });
  // Global options are the program's: commander takes them before or after the command, and lists them in its help.
  addOptions(program, GLOBAL_OPTIONS, t, seen);
  program.addOption(new Option('--debug', 'show stack traces of errors').hideHelp());
  helpExamples(program, t, ['plan dept 质监局', 'plan tasks --part 三 --shared', 'plan search 跨境电商', 'plan tasks -d 市商委 --json | jq ".[].id"', 'plan completion bash']);
  const declared = new Map(COMMANDS.map((command) => [declare(program, command, t), command]));
  program.hook('preSubcommand', (_, sub) => {
    const command = declared.get(sub as Program);
    if (command) complete(sub as Program, command, language, seen);
  });
  return program;
}

/** Lines shown after an error's message at most (problems of a plan file, candidates). */
const MAX_DETAILS = 30;

function report(error: unknown, debug: boolean, language: Language): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof PlanError) {
    // Messages quote plan files and queries: neutralised, like all text that reaches the terminal.
    const said = error.sayDetails(language);
    const details = said.length > MAX_DETAILS ? [...said.slice(0, MAX_DETAILS - 1), '…'] : said;
    write(2, `plan: ${forMessage(error.say(language))}\n${details.map((d) => `  ${forMessage(d)}\n`).join('')}`);
    if (debug) write(2, `${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  const t = translator(language);
  write(2, `plan: ${t('error.internal', { message: forMessage(message) })}${debug ? `\n${(error as Error).stack}` : ` ${t('error.debugHint')}`}\n`);
  return EXIT.internal;
}

/**
 * Runs the CLI on argv; resolves when output is written, with process.exitCode set, to whether nothing is left
 * to do (all output written), so that the process may end at once.
 */
export async function main(argv: string[]): Promise<boolean> {
  const debug = argv.includes('--debug');
  const language = chooseLanguage(requestedLanguage(argv), process.env);
  const t = translator(language);
  sayWriteFailures((code, message) => t('output.failed', { code, message }));
  try {
    await buildProgram(language).parseAsync(argv);
  } catch (error) {
    process.exitCode = report(error, debug, language);
  }
  return allWritten();
}
