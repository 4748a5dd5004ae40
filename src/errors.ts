/** Exit codes of SPEC.md. */
export const EXIT = { ok: 0, noMatch: 1, usage: 2, planFile: 3, internal: 70 } as const;

/**
 * Something the user got wrong: a bad option value, an unknown department, a broken plan file.
 * The message quotes the bad input and says what to do; cli.ts prints it and exits with `exitCode`.
 */
export class PlanError extends Error {
  readonly exitCode: number;
  /** Further lines shown after the message (every problem of a plan file, candidate names). */
  readonly details: string[];

  constructor(message: string, options: { exitCode?: number; details?: string[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PlanError';
    this.exitCode = options.exitCode ?? EXIT.usage;
    this.details = options.details ?? [];
  }
}
