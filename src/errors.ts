import { word, type Language, type Message } from './i18n/index.js';

/** Characters of a further line of an error shown at most: one problem of a plan file, one candidate. */
const DETAIL_LINE = 160;
const cut = (text: string) => (text.length > DETAIL_LINE ? `${text.slice(0, DETAIL_LINE - 1)}…` : text);

/** Exit codes of SPEC.md. */
export const EXIT = { ok: 0, noMatch: 1, usage: 2, planFile: 3, internal: 70 } as const;

export interface PlanErrorOptions {
  exitCode?: number;
  /** Further lines shown after the message (every problem of a plan file, candidate names). */
  details?: (string | Message)[];
  cause?: unknown;
}

/**
 * Something the user got wrong: a bad option value, an unknown department, a broken plan file.
 * The message quotes the bad input and says what to do; cli.ts prints it, in the user's language when it is a
 * Message of the catalogue (`message` is then its English words, for logs and --debug), and exits with `exitCode`.
 */
export class PlanError extends Error {
  readonly exitCode: number;
  /** The further lines in English words (`sayDetails` words them in the user's language). */
  readonly details: string[];
  private readonly saidDetails: (string | Message)[];
  /** The message before it is put into words, when it comes from the catalogue. */
  readonly said?: Message;

  constructor(message: string | Message, options: PlanErrorOptions = {}) {
    super(typeof message === 'string' ? message : word('en', message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PlanError';
    this.exitCode = options.exitCode ?? EXIT.usage;
    this.saidDetails = options.details ?? [];
    this.details = this.sayDetails('en');
    if (typeof message !== 'string') this.said = message;
  }

  /** The message in the user's language. */
  say(language: Language): string {
    return this.said ? word(language, this.said) : this.message;
  }

  /** The further lines in the user's language, each cut to DETAIL_LINE characters. */
  sayDetails(language: Language): string[] {
    return this.saidDetails.map((d) => cut(typeof d === 'string' ? d : word(language, d)));
  }
}
