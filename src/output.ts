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
    if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (code !== 'EAGAIN') throw error;
    // A full pipe that the reader set non-blocking: from here on the stream waits for the reader.
    direct.set(fd, false);
    streamOf(fd).write(bytes.subarray(at));
  }
}

/** True when stdout is a terminal. */
export function isTerminal(): boolean {
  return !writesDirectly(1) && process.stdout.isTTY === true;
}

/** Colour on stdout: never with --no-color, NO_COLOR or TERM=dumb; always with FORCE_COLOR; else on a terminal. */
export function useColor(flag: boolean): boolean {
  if (flag === false || process.env.NO_COLOR || process.env.TERM === 'dumb') return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return isTerminal();
}

/** Columns to fit output in: the terminal's, else $COLUMNS, else 80. */
export function terminalWidth(): number {
  const columns = (isTerminal() && process.stdout.columns) || Number(process.env.COLUMNS);
  return Number.isFinite(columns) && columns >= 20 ? columns : 80;
}
