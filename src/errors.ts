import { word, type Language, type Message } from './i18n/index.js';

/** Exit codes of SPEC.md. */
export const EXIT = { ok: 0, noMatch: 1, usage: 2, planFile: 3, internal: 70 } as const;

export interface PlanErrorOptions {
  exitCode?: number;
  /** Further lines shown after the message (every problem of a plan file, candidate names). */
  details?: string[];
  cause?: unknown;
}

/**
 * Something the user got wrong: a bad option value, an unknown department, a broken plan file.
 * The message quotes the bad input and says what to do; cli.ts prints it, in the user's language when it is a
 * Message of the catalogue (`message` is then its English words, for logs and --debug), and exits with `exitCode`.
 */
export class PlanError extends Error {
  readonly exitCode: number;
  readonly details: string[];
  /** The message before it is put into words, when it comes from the catalogue. */
  readonly said?: Message;

  constructor(message: string | Message, options: PlanErrorOptions = {}) {
    super(typeof message === 'string' ? message : word('en', message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PlanError';
    this.exitCode = options.exitCode ?? EXIT.usage;
    this.details = options.details ?? [];
    if (typeof message !== 'string') this.said = message;
  }

  /** The message in the user's language. */
  say(language: Language): string {
    return this.said ? word(language, this.said) : this.message;
  }
}
