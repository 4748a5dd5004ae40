// The one module besides cli.ts that touches the file system: it reads plan files (never writes them) and keeps
// the cache of parsed plans in a private directory.
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, statfsSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { foldedCorpus } from '../chinese/fold.js';
import { EXIT, PlanError } from '../errors.js';
import { msg, type Message } from '../i18n/index.js';
import type { CharacterTables, Plan } from '../types.js';
import { checkPlanText, loadPlanText, shortName, type PlanCheck } from './load.js';

/** A 100,000-task plan is about 40 MB; anything much larger is not a plan and would only stall. */
export const MAX_PLAN_BYTES = 64 * 1024 * 1024;

/** How long `--plan -` waits for standard input to end. */
export const STDIN_SECONDS = 4;

/** The bundled plan precompiled at build time, with the text of the plan.yaml it came from. */
export interface CompiledPlan {
  source: string;
  plan: Plan;
  index?: CharacterTables;
}

/** A plan as read, and the character tables that came precompiled with it (the bundled plan only). */
export interface OpenedPlan {
  plan: Plan;
  index?: CharacterTables;
}

function fail(message: Message, cause?: unknown): never {
  throw new PlanError(message, { exitCode: EXIT.planFile, cause });
}

/** How a file is named in messages: `-` is standard input; long paths are cut. */
const nameOf = (file: string) => (file === '-' ? 'standard input' : shortName(file));

/** What a file that is not a regular file is, for a message. */
function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

// Kernel file systems: their files say they are empty and may block when read (/proc/kmsg) or never end.
const KERNEL_FILE_SYSTEMS = new Set([0x9fa0 /* proc */, 0x62656572 /* sysfs */, 0x64626720 /* debugfs */, 0x74726163 /* tracefs */, 0x73636673 /* securityfs */]);

/** Sleeps this thread (a CLI with nothing else to do while it waits for standard input). */
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Reads from fd until its end or MAX_PLAN_BYTES. A read that would block means there is nothing to read, unless
 * there is a deadline (standard input): then it waits for more until the deadline.
 */
function readAll(fd: number, name: string, deadline?: number, size = 1 << 16): Buffer {
  // One buffer, read into until the end: a regular file (size: its length + 1) in one read and no copy; anything
  // else grows it by doubling.
  let buffer = Buffer.allocUnsafe(size);
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_PLAN_BYTES + 1));
      buffer.copy(larger, 0, 0, total);
      buffer = larger;
    }
    let n: number;
    try {
      n = readSync(fd, buffer, total, buffer.length - total, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EISDIR') fail(msg('file.directory', { file: name }), error);
      if ((code === 'EAGAIN' || code === 'EWOULDBLOCK') && deadline !== undefined) {
        if (Date.now() > deadline) fail(msg('file.stdinTimeout', { file: name, seconds: STDIN_SECONDS }), error);
        sleep(5);
        continue;
      }
      if (code === 'EAGAIN' || code === 'EWOULDBLOCK') fail(msg('file.nothingToRead', { file: name }), error);
      fail(msg('file.readFailed', { file: name, reason: code ?? (error as Error).message }), error);
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_PLAN_BYTES) fail(msg('file.larger', { file: name, most: MAX_PLAN_BYTES / 1024 / 1024 }));
  }
  return buffer.subarray(0, total);
}

/**
 * Reads a plan file's bytes, refusing what cannot be a plan with a one-line reason. The file is opened without
 * blocking (a named pipe with no writer would wait forever) and looked at before it is read: only regular files
 * are read, and none of the kernel's (/proc, /sys).
 */
export function readPlanBytes(file: string): Buffer {
  const name = nameOf(file);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail(msg('file.missing', { file: name }), error);
    if (code === 'EACCES' || code === 'EPERM') fail(msg('file.denied', { file: name }), error);
    if (code === 'EISDIR') fail(msg('file.directory', { file: name }), error);
    if (code === 'ENOTDIR') fail(msg('file.notDirectory', { file: name }), error);
    if (code === 'ENAMETOOLONG') fail(msg('file.nameTooLong', { file: name }), error);
    if (code === 'ELOOP') fail(msg('file.loop', { file: name }), error);
    fail(msg('file.openFailed', { file: name, reason: code ?? (error as Error).message }), error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) fail(msg('file.directory', { file: name }));
    if (!stat.isFile()) {
      fail(msg('file.special', { file: name, kind: kindOf(stat), pipe: stat.isFIFO() }));
    }
    if (stat.size > MAX_PLAN_BYTES) fail(msg('file.tooLarge', { file: name, size: Math.round(stat.size / 1024 / 1024), most: MAX_PLAN_BYTES / 1024 / 1024 }));
    let kernel = false;
    try {
      kernel = KERNEL_FILE_SYSTEMS.has(statfsSync(file).type);
    } catch {
      // no answer: an ordinary file system
    }
    if (kernel) fail(msg('file.kernel', { file: name }));
    return readAll(fd, name, undefined, stat.size + 1);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a plan from standard input (`--plan -`): a file redirected to it is read at once; a pipe or a device until
 * it ends, at most MAX_PLAN_BYTES and STDIN_SECONDS (through a non-blocking descriptor of its own, so that a
 * writer that never ends cannot hold the run); a terminal is refused, since nobody types a plan. A socket (what
 * a program that starts plan may give it) cannot be opened again: it is read through Node's stream, with the
 * same bounds.
 */
export async function readStandardInput(): Promise<Buffer> {
  const name = 'standard input';
  const stat = fstatSync(0);
  if (stat.isFile()) return readAll(0, name);
  if (stat.isDirectory()) fail(msg('file.directory', { file: name }));
  if ((process.getBuiltinModule('node:tty') as typeof import('node:tty')).isatty(0)) {
    fail(msg('file.stdinTerminal'));
  }
  if (stat.isSocket()) return readStream(process.stdin, name);
  let fd: number;
  try {
    fd = openSync('/dev/stdin', constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return readStream(process.stdin, name);
  }
  try {
    return readAll(fd, name, Date.now() + STDIN_SECONDS * 1000);
  } finally {
    closeSync(fd);
  }
}

/** Reads a stream to its end, at most MAX_PLAN_BYTES and STDIN_SECONDS. */
function readStream(stream: NodeJS.ReadableStream & { destroy: () => void }, name: string): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const finish = (error?: PlanError) => {
      clearTimeout(timer);
      stream.removeAllListeners('data');
      stream.destroy();
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, total));
    };
    const timer = setTimeout(() => finish(new PlanError(msg('file.stdinTimeout', { file: name, seconds: STDIN_SECONDS }), { exitCode: EXIT.planFile })), STDIN_SECONDS * 1000);
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > MAX_PLAN_BYTES) finish(new PlanError(msg('file.larger', { file: name, most: MAX_PLAN_BYTES / 1024 / 1024 }), { exitCode: EXIT.planFile }));
      else chunks.push(chunk);
    });
    stream.once('end', () => finish());
    stream.once('error', (error: NodeJS.ErrnoException) => finish(new PlanError(msg('file.readFailed', { file: name, reason: error.code ?? error.message }), { exitCode: EXIT.planFile, cause: error })));
  });
}

/** The bytes of a plan file, or of standard input for `-`. */
export async function readPlanInput(file: string): Promise<Buffer> {
  return file === '-' ? readStandardInput() : readPlanBytes(file);
}

/** The line (1-based) that byte `at` is on. */
function lineOfByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = bytes.indexOf(10); i >= 0 && i < at; i = bytes.indexOf(10, i + 1)) line++;
  return line;
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean, name: string): string {
  if (bytes.length % 4 !== 0) fail(msg('file.utf32Length', { file: name }));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  const points: number[] = [];
  for (let at = 0; at < bytes.length; at += 4) {
    const point = view.getUint32(at, littleEndian);
    if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) fail(msg('file.utf32Invalid', { file: name, at }));
    points.push(point);
    if (points.length === 4096) {
      parts.push(String.fromCodePoint(...points));
      points.length = 0;
    }
  }
  parts.push(String.fromCodePoint(...points));
  return parts.join('');
}

function decodeWith(encoding: string, bytes: Uint8Array, name: string, label: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    fail(msg('file.badEncoding', { file: name, label }), error);
  }
}

/** Text in GB18030 or GBK (what Chinese Windows saves as "ANSI"): Chinese characters once decoded so. */
function looksChinese(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes.subarray(0, 1 << 16));
    return /[\u4e00-\u9fff]/.test(text);
  } catch {
    return false;
  }
}

/**
 * Decodes a plan file's bytes: UTF-8 (with or without a byte order mark), and UTF-16 or UTF-32 with one (what
 * Windows saves as "Unicode"); CR-only line ends are read as line ends. Refuses binary files, empty ones, and
 * other encodings, saying how to convert GBK/GB18030.
 */
export function decodePlanText(bytes: Uint8Array, file: string): string {
  const name = nameOf(file);
  const [a, b, c, d] = bytes;
  let text: string;
  if (a === 0xef && b === 0xbb && c === 0xbf) text = decodeWith('utf-8', bytes.subarray(3), name, 'UTF-8');
  else if (a === 0xff && b === 0xfe && c === 0 && d === 0) text = decodeUtf32(bytes.subarray(4), true, name);
  else if (a === 0 && b === 0 && c === 0xfe && d === 0xff) text = decodeUtf32(bytes.subarray(4), false, name);
  else if (a === 0xff && b === 0xfe) text = decodeWith('utf-16le', bytes.subarray(2), name, 'UTF-16');
  else if (a === 0xfe && b === 0xff) text = decodeWith('utf-16be', bytes.subarray(2), name, 'UTF-16');
  else {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      // ASCII in UTF-16 without a byte order mark: every other byte is NUL.
      const pairs = Math.min(bytes.length >> 1, 512);
      let zeros = 0;
      for (let i = 0; i < pairs; i++) if (bytes[2 * i] === 0 || bytes[2 * i + 1] === 0) zeros++;
      if (zeros > pairs * 0.6) fail(msg('file.utf16NoBom', { file: name }));
      fail(msg('file.nulOnLine', { file: name, line: lineOfByte(bytes, nul) }));
    }
    if (!isUtf8(bytes)) {
      if (looksChinese(bytes)) {
        const shown = file === '-' ? 'plan.yaml' : name;
        fail(msg('file.gbk', { file: name, shown }));
      }
      fail(msg('file.notUtf8', { file: name }));
    }
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }
  if (text.includes('\0')) fail(msg('file.nulCharacters', { file: name }));
  // Old Mac line ends (CR only) are line ends; YAML itself knows only LF and CRLF.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  if (text.replace(/^\uFEFF/, '').trim() === '') fail(msg('file.empty', { file: name }));
  return text;
}

function isUtf8(bytes: Uint8Array): boolean {
  return (process.getBuiltinModule('node:buffer') as typeof import('node:buffer')).isUtf8(bytes);
}

export interface OpenPlanOptions {
  /** The plan file to read; `-` is standard input. */
  file: string;
  /** Where a precompiled copy of this file may be (the bundled plan only). */
  compiled?: string;
  /** Where parsed plan files are cached by content (privateCacheDir); none: no cache. */
  cacheDir?: string;
}

/** Whether a directory may hold what plan trusts: ours, a real directory, and nobody else may write to it. */
function isPrivate(dir: string): boolean {
  try {
    const stat = lstatSync(dir);
    return stat.isDirectory() && stat.uid === process.getuid!() && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * Whether a directory may hold a private one: it exists, belongs to us or to root, and if others may write to it
 * the sticky bit keeps them from renaming what is ours (as in /tmp).
 */
function isSafeParent(dir: string): boolean {
  try {
    const stat = statSync(dir);
    const uid = process.getuid!();
    const othersWrite = (stat.mode & 0o002) !== 0 || ((stat.mode & 0o020) !== 0 && stat.uid !== uid);
    return stat.isDirectory() && (stat.uid === uid || stat.uid === 0) && (!othersWrite || (stat.mode & 0o1000) !== 0);
  } catch {
    return false;
  }
}

/** Makes a directory (one level: a recursive mkdir spins on /proc) and says whether it is private. */
function privateDirectory(dir: string): boolean {
  if (!isSafeParent(dirname(dir))) return false;
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
  }
  return isPrivate(dir);
}

/** This install: its real path, so that two copies of plan keep apart caches and never evict each other. */
function installId(): string {
  const here = realpathSync(import.meta.dirname);
  const { createHash } = process.getBuiltinModule('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(here).digest('hex').slice(0, 16);
}

/**
 * The cache directory of this install: $PLAN_CACHE_DIR, else $XDG_CACHE_HOME/plan, else ~/.cache/plan, then a
 * folder for this install. None with PLAN_NO_CACHE=1, and none unless every path is absolute (a relative
 * XDG_CACHE_HOME or an empty HOME would put it in the working directory) and the directory is private: what is
 * cached there is trusted, so a directory others can write to is a way to change the answers.
 */
export function privateCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.PLAN_NO_CACHE && env.PLAN_NO_CACHE !== '0') return undefined;
  if (typeof process.getuid !== 'function') return undefined;
  let root: string;
  if (env.PLAN_CACHE_DIR) root = env.PLAN_CACHE_DIR;
  else {
    // node:os only without $HOME: loading it costs ~0.15 ms a start.
    const home = env.HOME === undefined ? (process.getBuiltinModule('node:os') as typeof import('node:os')).homedir() : env.HOME;
    const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : home && isAbsolute(home) ? join(home, '.cache') : undefined;
    if (base === undefined) return undefined;
    privateDirectory(base); // ~/.cache may not exist yet on a new account
    root = join(base, 'plan');
  }
  if (!isAbsolute(root) || !privateDirectory(root)) return undefined;
  try {
    const dir = join(root, installId());
    return privateDirectory(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** Entries kept at most, and bytes: a plan edited again and again leaves one entry per version. */
const CACHE_ENTRIES = 16;
const CACHE_BYTES = 256 * 1024 * 1024;

/**
 * Keeps only the newest files of a cache directory whose names pass `test`: at most `keep` of them and, with
 * `bytes`, at most that many bytes together. Temporary files of a run that died are removed after an hour.
 *
 * @example pruneCache(dir, (name) => name.endsWith('.plan'), 16)
 */
export function pruneCache(dir: string, test: (name: string) => boolean, keep: number, bytes = Infinity): void {
  try {
    const now = Date.now();
    const entries = [];
    for (const name of readdirSync(dir)) {
      if (!test(name) && !name.endsWith('.tmp')) continue;
      const stat = lstatSync(join(dir, name));
      if (name.endsWith('.tmp')) {
        if (now - stat.mtimeMs > 3600_000) unlinkSync(join(dir, name));
      } else entries.push({ name, mtime: stat.mtimeMs, size: stat.size });
    }
    entries.sort((a, b) => b.mtime - a.mtime);
    let total = 0;
    entries.forEach(({ name, size }, i) => {
      total += size;
      if (i >= keep || total > bytes) unlinkSync(join(dir, name));
    });
  } catch {
    // another run pruning at the same time, or a file already gone
  }
}

/**
 * A cache entry: a header line, then the checked plan as JSON, all in UTF-16LE, which Node turns into a string
 * without decoding (UTF-8 JSON of 100,000 tasks: ~300 ms to read; UTF-16: ~150 ms, v8.deserialize ~180 ms).
 * The header names the build that checked the plan and carries the length and CRC-32 of the rest, so that a
 * truncated, garbled or foreign entry is a miss, never an answer.
 */
const MAGIC = 'plan-cache/2';

/** The build that checks plans: its file's size and time. An entry written by another build is not used. */
function buildId(): string {
  const { size, mtimeMs } = statSync(import.meta.filename);
  return `${size}-${Math.trunc(mtimeMs)}`;
}

function crc32(bytes: Uint8Array): string {
  return (process.getBuiltinModule('node:zlib') as typeof import('node:zlib')).crc32(bytes).toString(16);
}

function cachePath(dir: string, bytes: Uint8Array): string {
  const { createHash } = process.getBuiltinModule('node:crypto') as typeof import('node:crypto');
  return join(dir, `${createHash('sha256').update(bytes).digest('hex')}.plan`);
}

/** The plan of a file with these bytes, if a run before checked and kept it; anything else is a miss. */
export function readCache(file: string): Plan | undefined {
  try {
    const bytes = readFileSync(file);
    let end = 0;
    while (end + 1 < bytes.length && end < 400 && !(bytes[end] === 10 && bytes[end + 1] === 0)) end += 2;
    const [magic, build, length, sum] = bytes.toString('utf16le', 0, end).split(' ');
    const body = bytes.subarray(end + 2);
    if (magic !== MAGIC || build !== buildId() || Number(length) !== body.length || sum !== crc32(body)) return undefined;
    const plan = (JSON.parse(body.toString('utf16le')) as { plan?: Plan }).plan;
    return plan && Array.isArray(plan.tasks) ? plan : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps a checked plan for the next run, with its folded text (what a search of it would fold first), and answers
 * with the plan as kept. Written whole or not at all, and never a reason to fail.
 */
export function writeCache(file: string, checked: Plan): Plan {
  const foldedText = checked.foldedText ?? foldedCorpus(checked.tasks.map((t) => t.text));
  const plan = foldedText === undefined ? checked : { ...checked, foldedText };
  try {
    const body = Buffer.from(JSON.stringify({ plan }), 'utf16le');
    const header = Buffer.from(`${MAGIC} ${buildId()} ${body.length} ${crc32(body)}\n`, 'utf16le');
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat([header, body]), { mode: 0o600, flag: 'wx' });
    renameSync(temporary, file);
    pruneCache(dirname(file), (name) => /^[0-9a-f]{64}\.plan$/.test(name), CACHE_ENTRIES, CACHE_BYTES);
  } catch {
    // a read-only or full disk only means the next run parses again
  }
  return plan;
}

/**
 * Reads and checks a plan file; the file is only ever read.
 * - The bundled plan: its precompiled copy is used while plan.yaml has the text the copy was made from (a string
 *   comparison, cheaper than any hash), so an edited plan.yaml is what the next run answers from.
 * - Any other file: the plan is cached by the SHA-256 of the file's bytes once it has been checked whole, so a
 *   hit is a file that was valid, and is not checked again.
 */
export async function openPlan({ file, compiled, cacheDir }: OpenPlanOptions): Promise<OpenedPlan> {
  const bytes = await readPlanInput(file);
  if (compiled) {
    try {
      const cached = JSON.parse(readFileSync(compiled, 'utf8')) as CompiledPlan;
      if (cached.source === bytes.toString('utf8')) return { plan: cached.plan, ...(cached.index ? { index: cached.index } : {}) };
    } catch {
      // no usable precompiled copy: parse the file itself
    }
  }
  const cacheFile = cacheDir === undefined || compiled ? undefined : cachePath(cacheDir, bytes);
  const cached = cacheFile === undefined ? undefined : readCache(cacheFile);
  if (cached) return { plan: cached };
  const plan = await loadPlanText(decodePlanText(bytes, file), file === '-' ? 'standard input' : file);
  return { plan: cacheFile === undefined ? plan : writeCache(cacheFile, plan) };
}

/**
 * Checks a plan file (plan validate): its plan, or its problems. A file whose bytes have a cache entry was
 * valid when it was written; one that checks valid gets an entry, so that the next command on it is fast.
 */
export async function checkPlanFile({ file, cacheDir }: OpenPlanOptions): Promise<PlanCheck> {
  const bytes = await readPlanInput(file);
  const cacheFile = cacheDir === undefined ? undefined : cachePath(cacheDir, bytes);
  const cached = cacheFile === undefined ? undefined : readCache(cacheFile);
  if (cached) return { plan: cached, problems: [], total: 0 };
  const check = await checkPlanText(decodePlanText(bytes, file));
  if (check.plan && cacheFile !== undefined) writeCache(cacheFile, check.plan);
  return check;
}
