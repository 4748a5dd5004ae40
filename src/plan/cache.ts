// The cache of checked plans, in a private directory: an entry for each file's content (by SHA-256), and a record
// for each file of what its content was while the file stayed as it is, so that a warm run need not read and hash
// the file to find its entry. What is cached here is trusted, so every file of it is checked on reading and
// anything damaged, truncated or foreign is a miss; nothing in it is ever a reason to fail.
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { foldedCorpus } from '../chinese/fold.js';
import { checksum, roomFor } from './checksum.js';
import type { Plan } from '../types.js';

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

/**
 * This install: its real path, so that two copies of plan keep apart caches and never evict each other. A
 * checksum, not a SHA-256: it only names a folder, and node:crypto costs ~3 ms to load, which a warm run no longer
 * needs. Undefined without WebAssembly (checksum.ts), and then there is no cache.
 */
function installId(): string | undefined {
  return checksum(realpathSync.native(import.meta.dirname));
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
    const id = installId();
    if (id === undefined) return undefined;
    const dir = join(root, id);
    return privateDirectory(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Entries kept at most, and bytes: a plan edited again and again leaves one entry per version, and a folder of
 * plans one for each of its files (so many, that a folder does not push out its own entries).
 */
const CACHE_ENTRIES = 128;
const CACHE_BYTES = 512 * 1024 * 1024;

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
 * A cache entry: a header line in UTF-16LE; the checked plan as ASCII JSON (every other character a \u escape), its
 * tasks' texts left empty and their lengths beside it, its tasks' departments numbers into a list of the names;
 * then, in UTF-16LE, the texts one after another and the folded text. Node turns ASCII and UTF-16LE into strings
 * without decoding (UTF-8 JSON of 100,000 tasks: ~300 ms to read; UTF-16: ~150 ms, v8.deserialize ~180 ms), and
 * JSON.parse reads a one-byte string faster than a two-byte one; the names are one string each, not one a task
 * (10,000 tasks read back in 12.2 ms instead of 16.6 with the JSON in UTF-16 and the names repeated). The texts
 * are slices of one string, neither parsed nor copied (13.7 ms instead of 17 with them inside the JSON). The
 * header names the build that checked the plan and carries the lengths of the rest and of its JSON, and the
 * checksum of the rest (checksum.ts), so that a truncated, garbled or foreign entry is a miss, never an answer.
 */
const MAGIC = 'plan-cache/5';

/** What the JSON of an entry holds: the plan, each task's departments as numbers into `names`. */
interface EntryJson {
  plan: Omit<Plan, 'tasks'> & { tasks: (Omit<Plan['tasks'][number], 'departments'> & { departments: number[] })[] };
  /** The department names the tasks name, each once. */
  names: string[];
  /** The length of each task's text, in UTF-16 units, in the order of plan.tasks. */
  lengths: number[];
  /** The length of the folded text, or -1 for none. */
  folded: number;
}

/** A character outside ASCII as a JSON escape: the same string to JSON.parse. */
const escapeNonAscii = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

let build: string | undefined;

/** The build that checks plans: its file's size and time. An entry written by another build is not used. */
function buildId(): string {
  if (build === undefined) {
    const { size, mtimeMs } = statSync(import.meta.filename);
    build = `${size}-${Math.trunc(mtimeMs)}`;
  }
  return build;
}


/** The SHA-256 of a file's bytes, in hex: what its cache entry is named by. */
export function contentHash(bytes: Uint8Array): string {
  const { createHash } = process.getBuiltinModule('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

/** The entry of the plan whose file has this content hash. */
export function entryPath(dir: string, hash: string): string {
  return join(dir, `${hash}.plan`);
}

/** Entries are at most this large (one of 100,000 tasks is ~60 MB); anything larger is not one of ours. */
const MAX_ENTRY_BYTES = 512 * 1024 * 1024;

/**
 * The bytes of a file of the cache, if it is a regular file of ours: a FIFO, a device, a symbolic link or a
 * directory put where an entry goes is a miss, and never a read that waits (a FIFO would, for ever).
 */
function readOwnFile(file: string, room: (size: number) => Uint8Array | undefined = Buffer.allocUnsafe): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_ENTRY_BYTES) return undefined;
    const bytes = room(stat.size);
    if (bytes === undefined) return undefined;
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, null);
      if (n === 0) break;
      at += n;
    }
    return Buffer.from(bytes.buffer, bytes.byteOffset, at);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The plan of a file with these bytes, if a run before checked and kept it; anything else is a miss. */
export function readCache(file: string): Plan | undefined {
  try {
    // Read where its checksum is taken (checksum.ts), not copied there.
    const bytes = readOwnFile(file, roomFor);
    if (bytes === undefined) return undefined;
    let end = 0;
    while (end + 1 < bytes.length && end < 400 && !(bytes[end] === 10 && bytes[end + 1] === 0)) end += 2;
    const [magic, build, length, jsonLength, sum] = bytes.toString('utf16le', 0, end).split(' ');
    const body = bytes.subarray(end + 2);
    const json = Number(jsonLength);
    if (magic !== MAGIC || build !== buildId() || Number(length) !== body.length || !(json >= 0 && json <= body.length && json % 2 === 0) || sum !== checksum(body)) return undefined;
    const { plan, names, lengths, folded } = JSON.parse(body.toString('latin1', 0, json)) as Partial<EntryJson>;
    if (!plan || !Array.isArray(plan.tasks) || !Array.isArray(names) || !Array.isArray(lengths) || lengths.length !== plan.tasks.length || typeof folded !== 'number') return undefined;
    const text = body.toString('utf16le', json);
    let at = 0;
    const tasks = plan.tasks as unknown as Plan['tasks'];
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[i]!;
      const length = lengths[i];
      if (!Number.isSafeInteger(length) || length! < 0 || !Array.isArray(task.departments)) return undefined;
      const departments = task.departments as unknown[];
      for (let k = 0; k < departments.length; k++) {
        const name = names[departments[k] as number];
        if (typeof name !== 'string') return undefined;
        departments[k] = name;
      }
      task.text = text.slice(at, (at += length!));
    }
    const kept = plan as unknown as Plan;
    if (folded >= 0) kept.foldedText = text.slice(at, (at += folded));
    return at === text.length ? kept : undefined;
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
    const numbers = new Map<string, number>();
    const number = (name: string) => numbers.get(name) ?? numbers.set(name, numbers.size).size - 1;
    // Each task with its text empty, not left out, so that its fields keep their order.
    const entry: EntryJson = {
      plan: { ...plan, tasks: plan.tasks.map((task) => ({ ...task, text: '', departments: task.departments.map(number) })), foldedText: undefined },
      names: [],
      lengths: plan.tasks.map((task) => task.text.length),
      folded: plan.foldedText?.length ?? -1,
    };
    entry.names = [...numbers.keys()];
    // ASCII, and of an even length, so that the texts after it start on a UTF-16 unit.
    let json = JSON.stringify(entry).replace(/[^\x00-\x7f]/g, escapeNonAscii);
    if (json.length % 2 === 1) json += ' ';
    const text = `${plan.tasks.map((task) => task.text).join('')}${plan.foldedText ?? ''}`;
    // Made where its checksum is taken (checksum.ts), not copied there.
    const room = roomFor(json.length + text.length * 2);
    if (room === undefined) return plan;
    const body = Buffer.from(room.buffer, room.byteOffset, room.length);
    body.write(json, 0, 'latin1');
    body.write(text, json.length, 'utf16le');
    const header = Buffer.from(`${MAGIC} ${buildId()} ${body.length} ${json.length} ${checksum(body)}\n`, 'utf16le');
    const temporary = `${file}.${process.pid}.tmp`;
    // Header and body written one after the other: joined, they were another copy of the whole (~120 MB at
    // 100,000 tasks).
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      for (const bytes of [header, body]) for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
    pruneCache(dirname(file), (name) => /^[0-9a-f]{64}\.plan$/.test(name), CACHE_ENTRIES, CACHE_BYTES);
  } catch {
    // a read-only or full disk only means the next run parses again
  }
  return plan;
}

// Records of what files held. A record says: the file at this path, while stat says this of it (device, inode, size,
// and modification and change times to the nanosecond), has content of this hash. The change time is the kernel's:
// every write sets it and no program can set it back, so a file changed since has another identity and its record
// does not hold. A record is made only of a file unchanged for SETTLED_MS: a file written twice within one tick of
// the file system's clock (up to 2 s on FAT) would otherwise keep its identity (git's "racy" case).

const KNOWN = 'plan-known/2';
const SETTLED_MS = 3000;
/** Records kept at most: one a plan file in use (a folder of plans has one for each of its files). */
const KNOWN_RECORDS = 256;

/** A file as stat tells it, and whether it has been unchanged long enough to be recorded; undefined if not a file. */
export interface FileIdentity {
  path: string;
  stat: string;
  settled: boolean;
}

/** What stat says of a regular file now, or undefined for anything else (or a file that cannot be stat'ed). */
export function identityOf(file: string, now = Date.now()): FileIdentity | undefined {
  try {
    const s = statSync(file, { bigint: true });
    if (!s.isFile()) return undefined;
    const changed = s.mtimeNs > s.ctimeNs ? s.mtimeNs : s.ctimeNs;
    return { path: resolve(file), stat: `${s.dev} ${s.ino} ${s.size} ${s.mtimeNs} ${s.ctimeNs}`, settled: BigInt(now - SETTLED_MS) * 1_000_000n > changed };
  } catch {
    return undefined;
  }
}

function recordPath(dir: string, identity: FileIdentity): string {
  return join(dir, `${checksum(identity.path)}.known`);
}

/** The content hash a run before recorded for the file, if the file is still as it was then. */
export function knownHash(dir: string, identity: FileIdentity): string | undefined {
  try {
    const text = readOwnFile(recordPath(dir, identity))?.toString('utf8');
    if (text === undefined) return undefined;
    const sumAt = text.lastIndexOf('\n') + 1;
    if (text.slice(sumAt) !== checksum(text.slice(0, sumAt))) return undefined;
    const [magic, path, stat, hash] = text.split('\n');
    return magic === KNOWN && path === JSON.stringify(identity.path) && stat === identity.stat && /^[0-9a-f]{64}$/.test(hash!) ? hash : undefined;
  } catch {
    return undefined;
  }
}

/** Records the content hash of a file as it is (if it has settled), for the next run. Never a reason to fail. */
export function recordHash(dir: string, identity: FileIdentity, hash: string): void {
  if (!identity.settled || knownHash(dir, identity) === hash) return;
  try {
    const body = `${KNOWN}\n${JSON.stringify(identity.path)}\n${identity.stat}\n${hash}\n`;
    const record = recordPath(dir, identity);
    const temporary = `${record}.${process.pid}.tmp`;
    const sum = checksum(body);
    if (sum === undefined) return;
    writeFileSync(temporary, `${body}${sum}`, { mode: 0o600, flag: 'wx' });
    renameSync(temporary, record);
    pruneCache(dir, (name) => /^[0-9a-f]{16}\.known$/.test(name), KNOWN_RECORDS);
  } catch {
    // a read-only or full disk only means the next run hashes the file again
  }
}
