import type { Language, Message, MessageKey, Translate } from '../i18n/index.js';
import type { OpenPlanOptions } from '../plan/open.js';
import type { LoadedPlans } from '../plan/plans.js';
import { LANGUAGES } from '../i18n/index.js';
import { COLOR_MODES } from '../output.js';
import { parseLimit } from '../query/input.js';
import { FORMATS, type Format } from '../render/index.js';
import type { AnyReport } from '../render/report.js';
import type { Plan } from '../types.js';

/** An option as commander declares it: `-d, --dept <name>`, repeatable or with a fixed set of values. */
export interface OptionSpec {
  flags: string;
  /** Its help text, from the message catalogue. */
  description: MessageKey;
  /** Given several times, its values are collected in a list (otherwise a second one is refused). */
  repeatable?: boolean;
  /** The values it takes; another is refused with the nearest one suggested. */
  choices?: readonly string[];
  /** Reads the value as it is given (a PlanError for a bad one). */
  parse?: (value: string) => unknown;
}

/** A positional argument in commander's syntax: `<query...>`, `[file]`. */
export interface ArgumentSpec {
  name: string;
  description: MessageKey;
}

/** What a command gets: its arguments and options as parsed, and the plan on demand. */
export interface CommandInput {
  /** The positional arguments, a variadic one as several strings. */
  args: string[];
  options: Record<string, unknown>;
  /**
   * The plan in use (--plan, $PLAN_FILE, else the bundled plan), loaded on first call; several given, one plan
   * that stands for all of them (plan.merged).
   */
  plan: () => Promise<Plan>;
  /** The plans in use, each on its own, and the one to query. */
  plans: () => Promise<LoadedPlans>;
  /** Where the plans in use (or `files`, given instead of --plan: both is a usage error) are read from. */
  sources: (files?: string[]) => OpenPlanOptions[];
  /** The output format chosen. */
  format: Format;
  /** The interface language, and its words. */
  language: Language;
  t: Translate;
  /** Tells the user something beside the answer, on stderr in every format: what a guessed name was taken for. */
  note: (message: string | Message) => void;
}

/**
 * What a command answers when it makes a file rather than a report (plan import): the file's text, for stdout
 * or for `file`, and lines for the person on stderr. cli.ts writes them and sets the exit code.
 */
export interface Product {
  kind: 'product';
  text: string;
  /** Where to write `text` instead of stdout. */
  file?: string;
  /** Lines for stderr (a summary, the decisions to check). */
  notes: string[];
  /** 0 unless said: 1 when there was nothing to make. */
  exitCode?: number;
}

/** What a command answers: a report, several keyed by name (the views of stats), text printed as it is, or a file made. */
export type Answer = AnyReport | Record<string, AnyReport> | { text: string } | Product;

/**
 * One command of the CLI: everything cli.ts needs to declare it, document it and run it. `run` answers with
 * the report(s) to print, several keyed by name (the views of stats); it reads and writes nothing itself.
 */
export interface Command {
  name: string;
  description: MessageKey;
  examples: string[];
  arguments?: ArgumentSpec[];
  options?: OptionSpec[];
  /** Not listed in help (the helper that completion scripts call). */
  hidden?: boolean;
  /** What it writes in a format of its own (a plan file, a shell script), where --format and --json do not apply. */
  writes?: 'writes.planFile' | 'writes.script';
  run: (input: CommandInput) => Promise<Answer>;
}

/** The options of every command (SPEC.md "Commands"). */
export const GLOBAL_OPTIONS: OptionSpec[] = [
  { flags: '-p, --plan <file>', description: 'option.plan', repeatable: true },
  { flags: '-f, --format <format>', description: 'option.format', choices: FORMATS },
  { flags: '--json', description: 'option.json' },
  { flags: '--header', description: 'option.header' },
  { flags: '--no-bom', description: 'option.noBom' },
  { flags: '--color <when>', description: 'option.color', choices: COLOR_MODES },
  { flags: '--no-color', description: 'option.noColor' },
  { flags: '--no-pager', description: 'option.noPager' },
  { flags: '--lang <language>', description: 'option.lang', choices: LANGUAGES },
];

/** Options that set the same thing, and so cannot be given together: --format csv --json. */
export const SAME_SETTING: Record<string, string> = { json: 'format', 'no-color': 'color' };

/** --limit, on every command that lists. */
export const LIMIT_OPTION: OptionSpec = { flags: '-n, --limit <n>', description: 'option.limit', parse: parseLimit };

/** The filters of SPEC.md, shared by tasks, search and stats. */
export const FILTER_OPTIONS: OptionSpec[] = [
  { flags: '-d, --dept <name>', description: 'option.dept', repeatable: true },
  { flags: '--part <n>', description: 'option.part' },
  { flags: '-s, --section <n>', description: 'option.section', repeatable: true },
  { flags: '-k, --keyword <text>', description: 'option.keyword', repeatable: true },
  { flags: '--sole', description: 'option.sole' },
  { flags: '--shared', description: 'option.shared' },
  { flags: '--lead', description: 'option.lead' },
  { flags: '--in <plan>', description: 'option.in', repeatable: true },
];
