// Where output goes: stdout and stderr, whole and in order, and what the terminal can show (colour, width).
// Only cli.ts calls this; everything above it builds strings.
import { fstatSync, statSync, writeSync } from 'node:fs';

/**
 * Whether stdout (1) or stderr (2) is a pipe, a socket, a file or /dev/null, and so written with fs.writeSync:
 * Node's stream for a pipe costs ~5 ms of a run to set up, and `plan … | jq` in a loop pays it every time. A
 * terminal (any other character device) goes through process.stdout and process.stderr as usual.
 */
const direct = new Map<1 | 2, boolean>();

function writesDirectly(fd: 1 | 2): boolean {
  let known = direct.get(fd);
  if (known === undefined) {
    try {
      const stats = fstatSync(fd);
      known = stats.isFIFO() || stats.isSocket() || stats.isFile() || (stats.isCharacterDevice() && stats.rdev === statSync('/dev/null').rdev);
    } catch {
      known = false;
    }
    direct.set(fd, known);
  }
  return known;
}

let watching = false;

/** What a failed write says: `code` the error's (ENOSPC), `message` Node's words for it. */
export type FailureLine = (code: string, message: string) => string;

/** In English until cli.ts, knowing the run's language, says how (sayWriteFailures). */
let failureLine: FailureLine = (code, message) => `cannot write the output: ${message} (${code})`;

/**
 * How a write that fails is told from now on (one line on stderr, in the run's language). Set once, by cli.ts:
 * a failure can come from a stream's error event, long after the call that wrote.
 */
export function sayWriteFailures(line: FailureLine): void {
  failureLine = line;
}

/** The exit code of a run whose output could not be written (README, "Exit codes"). */
export const EXIT_WRITE_FAILED = 70;

/**
 * Ends the run when output cannot be written: a reader gone (`plan … | head`) quietly, as it asked for no more;
 * anything else (a full disk: `plan tasks > /dev/full`) with one line on stderr, where it can still be written.
 */
function writeFailed(error: NodeJS.ErrnoException): never {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  try {
    writeSync(2, `plan: ${failureLine(error.code ?? 'error', error.message)}\n`);
  } catch {
    // stderr cannot be written either: the exit code says it
  }
  process.exit(EXIT_WRITE_FAILED);
}

/** Whether any output went through a stream, which may still hold some of it. */
let streamed = false;

/**
 * True when every byte written so far went straight to its file or pipe, so the process may end at once. Not
 * after a stream: it may still hold output, or an error it will emit (a write to /dev/full fails on the next tick).
 */
export function allWritten(): boolean {
  return !streamed;
}

/** The stream for fd; stdout's ends the run quietly when the reader has gone (`plan … | head`). */
function streamOf(fd: 1 | 2): NodeJS.WriteStream {
  streamed = true;
  if (fd === 2) return process.stderr;
  if (!watching) {
    watching = true;
    process.stdout.on('error', writeFailed);
  }
  return process.stdout;
}

/** Writes text to stdout (1) or stderr (2), in order, whole; a reader gone ends the run quietly. */
export function write(fd: 1 | 2, text: string): void {
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
    if (code !== 'EAGAIN') writeFailed(error as NodeJS.ErrnoException);
    // A full pipe that the reader set non-blocking: from here on the stream waits for the reader.
    direct.set(fd, false);
    streamOf(fd).write(bytes.subarray(at));
  }
}

/** True when stdout is a terminal. */
export function isTerminal(): boolean {
  return !writesDirectly(1) && process.stdout.isTTY === true;
}

/** True when stdout is a file (not a pipe or a terminal): where a CSV gets its byte order mark. */
export function isFile(): boolean {
  try {
    return fstatSync(1).isFile();
  } catch {
    return false;
  }
}

export type ColorMode = 'auto' | 'always' | 'never';
export const COLOR_MODES: readonly ColorMode[] = ['auto', 'always', 'never'];

/**
 * Colour on stdout. --color always/never (--no-color is never) decide; with auto, NO_COLOR or TERM=dumb turn it
 * off, FORCE_COLOR turns it on (FORCE_COLOR=0 or false off), and otherwise a terminal gets colour.
 */
export function useColor(mode: ColorMode): boolean {
  if (mode !== 'auto') return mode === 'always';
  if (process.env.NO_COLOR || process.env.TERM === 'dumb') return false;
  const force = process.env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force !== undefined) return true;
  return isTerminal();
}

const validColumns = (value: unknown) => {
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 10 ? n : undefined;
};

/** Columns to fit output in: $COLUMNS, else the terminal's, else 80. */
export function terminalWidth(): number {
  return validColumns(process.env.COLUMNS) ?? (isTerminal() ? validColumns(process.stdout.columns) : undefined) ?? 80;
}

/** Lines the terminal shows: $LINES, else the terminal's, else 24. */
function terminalHeight(): number {
  return validColumns(process.env.LINES) ?? validColumns(process.stdout.rows) ?? 24;
}

/**
 * Writes output for people: through the pager ($PAGER, else `less -R`) when stdout is a terminal and the text
 * is longer than the screen, as gh and git do; directly otherwise. LESS defaults to FRX (quit when it fits, keep
 * colours, leave the text on the screen) as git sets it. A pager that cannot start gets the text written directly.
 */
export async function writePaged(text: string, pager: boolean): Promise<void> {
  const command = process.env.PAGER ?? 'less -R';
  const lines = text.length > 0 ? text.split('\n').length - 1 : 0;
  if (!pager || !isTerminal() || command.trim() === '' || command.trim() === 'cat' || lines < terminalHeight()) {
    write(1, text);
    return;
  }
  const { spawn } = process.getBuiltinModule('node:child_process');
  // Our output is UTF-8 whatever the locale says (zh_CN.UTF-8 may not be installed, and less then shows bytes).
  const env = { ...process.env, LESS: process.env.LESS ?? 'FRX', LV: process.env.LV ?? '-c', LESSCHARSET: process.env.LESSCHARSET ?? 'utf-8' };
  const status = await new Promise<number | null>((resolve) => {
    const child = spawn('/bin/sh', ['-c', command], { stdio: ['pipe', 'inherit', 'inherit'], env });
    // Ctrl-C belongs to the pager (less uses it to stop a search) while it runs.
    const ignore = () => {};
    process.on('SIGINT', ignore);
    child.on('error', () => resolve(127));
    child.on('close', (code) => {
      process.off('SIGINT', ignore);
      resolve(code);
    });
    child.stdin.on('error', () => {}); // the reader quit before the end: nothing more to say
    child.stdin.end(text);
  });
  // 126/127: the shell could not find or run the pager, and the text was never shown.
  if (status === 126 || status === 127) write(1, text);
}
