// Reads plan files (never writes them), and answers from the cache of checked plans (cache.ts) where it can.
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, statfsSync, type Stats } from 'node:fs';
import { EXIT, PlanError } from '../errors.js';
import { msg, STDIN, type Message } from '../i18n/index.js';
import type { CharacterTables, Plan } from '../types.js';
import { contentHash, entryPath, identityOf, knownHash, readCache, recordHash, writeCache, type FileIdentity } from './cache.js';
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
const nameOf = (file: string) => (file === '-' ? STDIN : shortName(file));

/** What a file that is not a regular file is, for a message (zh.ts words it in Chinese). */
export function kindOf(stat: Stats): string {
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
  const name = STDIN;
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
    text = utf8Text(bytes);
  }
  if (text.includes('\0')) fail(msg('file.nulCharacters', { file: name }));
  // Old Mac line ends (CR only) are line ends; YAML itself knows only LF and CRLF.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  if (text.replace(/^\uFEFF/, '').trim() === '') fail(msg('file.empty', { file: name }));
  return text;
}

/**
 * Bytes known to be valid UTF-8, as text. Chinese goes through ICU's transcoder to UTF-16, which takes ~5 ms for
 * 4 MB where V8's UTF-8 decoder takes ~17; ASCII, which that decoder copies, stays one byte a character.
 */
function utf8Text(bytes: Uint8Array): string {
  const buffer = process.getBuiltinModule('node:buffer') as typeof import('node:buffer');
  const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.isAscii(bytes)) return whole.toString('latin1');
  return buffer.transcode(whole, 'utf8', 'utf16le').toString('utf16le');
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

/** The cached plan of a file that its record says is as it was when checked: found without reading the file. */
function recorded(cacheDir: string | undefined, file: string): { identity?: FileIdentity; plan?: Plan } {
  if (cacheDir === undefined || file === '-') return {};
  const identity = identityOf(file);
  if (identity === undefined) return {};
  const hash = knownHash(cacheDir, identity);
  const plan = hash === undefined ? undefined : readCache(entryPath(cacheDir, hash));
  return plan ? { identity, plan } : { identity };
}

/** The cache entry for these bytes, recorded as the file's content for the next run. */
function entryFor(cacheDir: string, bytes: Uint8Array, identity?: FileIdentity): string {
  const hash = contentHash(bytes);
  if (identity) recordHash(cacheDir, identity, hash);
  return entryPath(cacheDir, hash);
}

/**
 * Reads and checks a plan file; the file is only ever read.
 * - The bundled plan: its precompiled copy is used while plan.yaml has the text the copy was made from (a string
 *   comparison, cheaper than any hash), so an edited plan.yaml is what the next run answers from.
 * - Any other file: the plan is cached by the SHA-256 of the file's bytes once it has been checked whole, so a
 *   hit is a file that was valid, and is not checked again. A file unchanged since a run before hashed it (its
 *   record in cache.ts) is not read at all.
 */
export async function openPlan({ file, compiled, cacheDir }: OpenPlanOptions): Promise<OpenedPlan> {
  const known = compiled ? {} : recorded(cacheDir, file);
  if (known.plan) return { plan: known.plan };
  const bytes = await readPlanInput(file);
  if (compiled) {
    try {
      const cached = JSON.parse(readFileSync(compiled, 'utf8')) as CompiledPlan;
      if (cached.source === bytes.toString('utf8')) return { plan: cached.plan, ...(cached.index ? { index: cached.index } : {}) };
    } catch {
      // no usable precompiled copy: parse the file itself
    }
  }
  const cacheFile = cacheDir === undefined || compiled ? undefined : entryFor(cacheDir, bytes, known.identity);
  const cached = cacheFile === undefined ? undefined : readCache(cacheFile);
  if (cached) return { plan: cached };
  const plan = await loadPlanText(decodePlanText(bytes, file), file === '-' ? STDIN : file);
  return { plan: cacheFile === undefined ? plan : writeCache(cacheFile, plan) };
}

/**
 * Checks a plan file (plan validate): its plan, or its problems. A file whose bytes have a cache entry was
 * valid when it was written; one that checks valid gets an entry, so that the next command on it is fast.
 */
export async function checkPlanFile({ file, cacheDir }: OpenPlanOptions): Promise<PlanCheck> {
  const known = recorded(cacheDir, file);
  if (known.plan) return { plan: known.plan, problems: [], total: 0 };
  const bytes = await readPlanInput(file);
  const cacheFile = cacheDir === undefined ? undefined : entryFor(cacheDir, bytes, known.identity);
  const cached = cacheFile === undefined ? undefined : readCache(cacheFile);
  if (cached) return { plan: cached, problems: [], total: 0 };
  const check = await checkPlanText(decodePlanText(bytes, file));
  if (check.plan && cacheFile !== undefined) writeCache(cacheFile, check.plan);
  return check;
}
