import type { OpenPlanOptions } from '../plan/open.js';
import type { Format } from '../render/index.js';
import type { AnyReport } from '../render/report.js';
import type { Plan } from '../types.js';

/** An option as commander declares it: `--dept <name>`, repeatable or with a fixed set of values. */
export interface OptionSpec {
  flags: string;
  description: string;
  /** Given several times, its values are collected in a list. */
  repeatable?: boolean;
  choices?: readonly string[];
  /** Reads the value as it is given (a PlanError for a bad one). */
  parse?: (value: string) => unknown;
}

/** A positional argument in commander's syntax: `<query...>`, `[file]`. */
export interface ArgumentSpec {
  name: string;
  description: string;
}

/** What a command gets: its arguments and options as parsed, and the plan on demand. */
export interface CommandInput {
  /** The positional arguments, a variadic one as several strings. */
  args: string[];
  options: Record<string, unknown>;
  /** The plan in use (--plan, $PLAN_FILE, else the bundled plan), loaded on first call. */
  plan: () => Promise<Plan>;
  /** Where the plan in use (or `file`) is read from. */
  source: (file?: string) => OpenPlanOptions;
  /** Columns of the terminal, for views that size bars and lists. */
  width: number;
  /** The output format chosen. */
  format: Format;
}

/**
 * One command of the CLI: everything cli.ts needs to declare it, document it and run it. `run` answers with
 * the report(s) to print; it reads and writes nothing itself.
 */
export interface Command {
  name: string;
  description: string;
  examples: string[];
  arguments?: ArgumentSpec[];
  options?: OptionSpec[];
  run: (input: CommandInput) => Promise<AnyReport | AnyReport[]>;
}

/** The filters of SPEC.md, shared by tasks, search and stats. */
export const FILTER_OPTIONS: OptionSpec[] = [
  { flags: '--dept <name>', description: 'a department, as you write it: 质监局, zhijianju, 重庆市质量技术监督局 (repeat: any of them)', repeatable: true },
  { flags: '--part <n>', description: 'a part: 三, 3 or 三、' },
  { flags: '--section <n>', description: 'a section: （八）, 八, 8, or words of its title (repeat: any of them)', repeatable: true },
  { flags: '--keyword <text>', description: 'literal text in the task (repeat: all of them)', repeatable: true },
  { flags: '--sole', description: 'only tasks a department carries alone (负责)' },
  { flags: '--shared', description: 'only tasks shared by departments (按职责分工负责)' },
];
