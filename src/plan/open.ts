// The one module besides cli.ts that touches the file system: it reads plan files (never writes them) and keeps
// the caches of parsed plans in a private directory.
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { EXIT, PlanError } from '../errors.js';
import type { CharacterTables, Plan } from '../types.js';
import { loadPlanData } from './load.js';
import { validatePlan } from './validate.js';

/** A 100,000-task plan is about 40 MB; anything much larger is not a plan and would only stall. */
export const MAX_PLAN_BYTES = 64 * 1024 * 1024;

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

function fail(message: string, cause?: unknown): never {
  throw new PlanError(message, { exitCode: EXIT.planFile, cause });
}

/** Reads a plan file's bytes, refusing what cannot be a plan with a one-line reason. */
export function readPlanBytes(file: string): Buffer {
  let fd: number;
  try {
    // `-` is standard input, whatever it is (a pipe, a socket, a file): read from fd 0, never opened by name.
    fd = file === '-' ? 0 : openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail(`plan file ${file} does not exist: give an existing file with --plan FILE or PLAN_FILE`, error);
    if (code === 'EACCES' || code === 'EPERM') fail(`cannot read plan file ${file}: permission denied`, error);
    if (code === 'EISDIR') fail(`${file} is a directory, not a plan file`, error);
    fail(`cannot open plan file ${file}: ${(error as Error).message}`, error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) fail(`${file} is a directory, not a plan file`);
    if (stat.isFile() && stat.size > MAX_PLAN_BYTES) {
      fail(`${file} is ${(stat.size / 1024 / 1024).toFixed(0)} MB; a plan file may be at most ${MAX_PLAN_BYTES / 1024 / 1024} MB`);
    }
    // Read in chunks so that a FIFO or device that never ends is also cut off at the limit; a small file in one
    // chunk of its size (a megabyte for each of a folder's files would cost more in garbage collection than reading).
    const chunks: Buffer[] = [];
    let total = 0;
    const size = stat.isFile() ? Math.min(stat.size + 1, 1 << 20) : 1 << 20;
    for (;;) {
      const chunk = Buffer.allocUnsafe(size);
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EISDIR') fail(`${file} is a directory, not a plan file`, error);
        fail(`cannot read plan file ${file}: ${(error as Error).message}`, error);
      }
      if (n === 0) break;
      total += n;
      if (total > MAX_PLAN_BYTES) fail(`${file} is larger than ${MAX_PLAN_BYTES / 1024 / 1024} MB, the most a plan file may be`);
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

/** Decodes a plan file's bytes as UTF-8 text, refusing binary files and empty ones. */
export function decodePlanText(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0)) fail(`${file} is not a text file (it contains NUL bytes); a plan file is UTF-8 YAML`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    fail(`${file} is not UTF-8 text; save it as UTF-8 (a plan file is UTF-8 YAML)`, error);
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') fail(`${file} is empty; a plan file needs a title, departments, parts, sections and tasks`);
  return text;
}

export interface OpenPlanOptions {
  /** The plan file to read. */
  file: string;
  /** Where a precompiled copy of this file may be (the bundled plan only). */
  compiled?: string;
  /** Where parsed plan files are cached by content (privateCacheDir); none: no cache. */
  cacheDir?: string;
  /** Read with the strict YAML parser only, not from the cache (plan validate). */
  strict?: boolean;
}

/**
 * The cache directory: $PLAN_CACHE_DIR, else $XDG_CACHE_HOME/plan, else ~/.cache/plan, created mode 0700; none
 * with PLAN_NO_CACHE=1, and none when it is not this user's own or others can write to it: what is cached there
 * (parsed plans, compiled code) is trusted, so a directory others can write is a way to change the answers.
 */
export function privateCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.PLAN_NO_CACHE && env.PLAN_NO_CACHE !== '0') return undefined;
  const dir = env.PLAN_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'plan');
  if (typeof process.getuid !== 'function') return undefined;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = statSync(dir);
    return stat.isDirectory() && stat.uid === process.getuid() && (stat.mode & 0o022) === 0 ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** Bumped when the shape of the cached data changes, so that old entries are ignored. */
const CACHE_FORMAT = 1;

function cachePath(dir: string, bytes: Uint8Array): string {
  // Only external plans come here, so loading node:crypto costs nothing on the bundled plan's path.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return join(dir, `${createHash('sha256').update(bytes).digest('hex')}.json`);
}

/** The parsed data of a file with these bytes, if a run before kept it; anything unreadable is a miss. */
function readCache(file: string): unknown {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { format?: number; data?: unknown };
    return entry.format === CACHE_FORMAT ? entry.data : undefined;
  } catch {
    return undefined;
  }
}

/** Parsed plans kept at most: a plan edited again and again leaves one entry per version. */
const CACHE_ENTRIES = 16;

/**
 * Keeps only the newest `keep` files of a cache directory whose names pass `test`.
 *
 * @example pruneCache(dir, (name) => name.endsWith('.json'), 16)
 */
export function pruneCache(dir: string, test: (name: string) => boolean, keep: number): void {
  try {
    const entries = readdirSync(dir).filter(test).map((name) => ({ name, mtime: statSync(join(dir, name)).mtimeMs }));
    entries.sort((a, b) => b.mtime - a.mtime);
    for (const { name } of entries.slice(keep)) unlinkSync(join(dir, name));
  } catch {
    // another run pruning at the same time, or a file already gone
  }
}

/** Keeps parsed data for the next run: written whole or not at all, and never a reason to fail. */
function writeCache(file: string, data: unknown): void {
  try {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ format: CACHE_FORMAT, data }), { mode: 0o600 });
    renameSync(temporary, file);
    pruneCache(dirname(file), (name) => /^[0-9a-f]{64}\.json$/.test(name), CACHE_ENTRIES);
  } catch {
    // a read-only or full disk only means the next run parses again
  }
}

/**
 * Reads and checks a plan file; the file is only ever read.
 * - The bundled plan: its precompiled copy is used while plan.yaml has the text the copy was made from (a string
 *   comparison, cheaper than any hash), so an edited plan.yaml is what the next run answers from.
 * - Any other file: the parsed YAML is cached by the SHA-256 of its bytes and checked again on every run
 *   (validatePlan is fast; parsing is not), so a cache entry can save time but never let a bad plan through.
 */
export async function openPlan({ file, compiled, cacheDir, strict = false }: OpenPlanOptions): Promise<OpenedPlan> {
  const bytes = readPlanBytes(file);
  if (compiled) {
    try {
      const cached = JSON.parse(readFileSync(compiled, 'utf8')) as CompiledPlan;
      if (cached.source === bytes.toString('utf8')) return { plan: cached.plan, ...(cached.index ? { index: cached.index } : {}) };
    } catch {
      // no usable precompiled copy: parse the file itself
    }
  }
  const cacheFile = cacheDir === undefined || compiled ? undefined : cachePath(cacheDir, bytes);
  const data = cacheFile === undefined || strict ? undefined : readCache(cacheFile);
  if (data !== undefined) {
    const { plan, problems } = validatePlan(data);
    if (problems.length === 0) return { plan };
  }
  const text = decodePlanText(bytes, file);
  const loaded = await loadPlanData(text, file);
  if (cacheFile !== undefined) writeCache(cacheFile, loaded.data);
  return { plan: loaded.plan };
}
