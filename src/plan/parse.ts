// YAML text → plain data, with the `yaml` library only. First from yaml's Lexer tokens alone (compose-tokens.ts;
// the tokens cut line by line in lex-lines.ts where the lines are the usual ones, which yaml is not loaded for),
// for the YAML plan files are written in: a plan of 10,000 tasks in ~240 ms of processor time against ~1.1 s
// through yaml's Parser and Composer, which keep a node for every token and value (measured here on a busy
// machine). A text outside that subset, or with an error in it, is read by yaml's parser piece by piece: a whole
// 40 MB document in yaml costs ~8 s and 1.6 GB (its parser keeps every token, its composer every node with its
// place); the same text as pieces of a few kilobytes, each parsed on its own (from tokens where the piece allows),
// costs a fraction, and a syntax error stops the reading where it stands instead of after every other error in the
// file has been collected.
import type { Document, Node as YamlNode, ParsedNode, ScalarTag, Tags } from 'yaml';
import { msg, word, type Message } from '../i18n/index.js';
import { composeTokens, INTEGER, integerOf } from './compose-tokens.js';
import { LineTokens } from './lex-lines.js';

type Yaml = typeof import('yaml');
/** The yaml library, loaded on first use: the bundled plan is answered from its precompiled copy without it. */
let yaml: Yaml;
async function loadYaml(): Promise<void> {
  yaml ??= await import('yaml');
}

/** More aliases than this in one file is an alias bomb ("billion laughs"), not a plan. */
const MAX_ALIAS_COUNT = 1000;

/** Deeper than this is not a plan (a plan nests five levels: plan → tasks → task → departments → name). */
export const MAX_DEPTH = 64;

/** Pieces are cut at about this many characters (measured: 4 KB pieces read 100,000 tasks fastest). */
const PIECE_CHARS = 4096;

/**
 * A text that cannot be read in pieces (directives, `---`, explicit keys, aliases between tasks, a top level that
 * is not a mapping) is read whole, which yaml does slower than in pieces and with ~40 bytes of memory a byte.
 */
export const MAX_WHOLE_CHARS = 1024 * 1024;

/** What stopped the reading: a YAML syntax error, at an offset into the text. */
export interface SyntaxProblem {
  offset: number;
  message: Message;
}

/**
 * A piece of the text, parsed on its own: top-level `entries` (key: value pairs), or `items` of the block
 * sequence under the top-level key `key` (the first of them the sequence's item number `first`); the first
 * item of a text that is a `list` (not a plan, which is a mapping); or the `whole` text.
 */
export type Piece =
  | { kind: 'entries'; start: number; end: number }
  | { kind: 'list'; start: number; end: number }
  | { kind: 'items'; key: string; first: number; count: number; start: number; end: number }
  | { kind: 'whole'; start: number; end: number };

/** The data of a plan file, and where its pieces are (to find the place of a problem later). */
export interface ParsedText {
  data?: unknown;
  problem?: SyntaxProblem;
  pieces: Piece[];
}

/**
 * The work a file may take, so that any file is answered within seconds. yaml reads 200–1,000 tokens a
 * millisecond whatever their shape (a plan of 100,000 tasks is 4.6 million); a file of more than MAX_TOKENS, or
 * one that has taken more than MAX_CPU_SECONDS of processor time (all threads; not wall time, which depends on
 * what else the machine is doing), is not read further.
 */
export const MAX_TOKENS = 5_000_000;
/**
 * The token reader (compose-tokens.ts) takes twice as many: it only lexes, ~3 times cheaper a token than yaml's
 * parser, and the plans it reads are the large ones (a plan of 100,000 tasks with roles and leads has more than 5 million).
 */
export const MAX_LEXED_TOKENS = 10_000_000;
const MAX_CPU_SECONDS = 8;

/** Processor time this process has used, in microseconds. */
const cpuTime = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

class Work {
  private tokens = 0;

  constructor(private readonly most = MAX_TOKENS, private readonly deadline = cpuTime() + MAX_CPU_SECONDS * 1e6) {}

  /** Counts a token at `offset`; every 64K tokens, looks at the clock. */
  count(offset: number): void {
    if (++this.tokens % 65536 !== 0) return;
    if (this.tokens > this.most) throw new Stop(offset, msg('yaml.tokens', { most: this.most }), 'WORK');
    if (cpuTime() > this.deadline) throw new Stop(offset, msg('yaml.cpu', { seconds: MAX_CPU_SECONDS }), 'WORK');
  }
}

class Stop extends Error {
  constructor(readonly offset: number, readonly said: Message, readonly code = '') {
    super(word('en', said));
  }
}

// The options yaml reads plan files with: numbers are plain decimal integers only (compose-tokens.ts, INTEGER).
const intTag: ScalarTag = {
  identify: (value: unknown) => typeof value === 'number' && Number.isInteger(value),
  default: true,
  tag: 'tag:yaml.org,2002:int',
  test: INTEGER,
  resolve: integerOf,
};
export const YAML_OPTIONS = {
  version: '1.2' as const,
  schema: 'core' as const,
  customTags: (tags: Tags): Tags => [...tags.filter((t) => typeof t === 'string' || (t.tag !== 'tag:yaml.org,2002:int' && t.tag !== 'tag:yaml.org,2002:float')), intTag],
  // Unique keys are checked below in linear time: yaml's own check compares every key with every other one.
  uniqueKeys: false,
  // yaml would print warnings of its own to stderr; the first one is reported here as a problem instead.
  logLevel: 'error' as const,
};

const MESSAGES: Record<string, Message> = {
  RESOURCE_EXHAUSTION: msg('yaml.depth', { most: MAX_DEPTH }),
};

/** yaml's message without the position and excerpt it appends (plan shows its own). */
function cleanMessage(code: string, message: string): Message {
  return MESSAGES[code] ?? msg('yaml.says', { text: message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim() });
}

/**
 * Parses one piece of text as one YAML document, stopping at its first error. yaml collects every error of a
 * document before returning it (2 MB of `]` lines: 18 s); here the first one, from its parser (pop) or its
 * composer (onError), ends the reading.
 */
function composePiece(source: string, work?: Work, base = 0): Document.Parsed {
  const parser = new yaml.Parser();
  const hooks = parser as unknown as { pop: (error?: { offset: number; message: string }) => Generator };
  const pop = hooks.pop.bind(parser);
  hooks.pop = function* (error) {
    if (error) throw new Stop(error.offset, cleanMessage('', error.message));
    yield* pop();
  };
  const composer = new yaml.Composer(YAML_OPTIONS);
  // The first error is the one reported: yaml catches what is thrown inside a collection and reports it again
  // as RESOURCE_EXHAUSTION (it expects only a stack overflow there).
  let stopped: Stop | undefined;
  (composer as unknown as { onError: (at: number | [number, number] | { offset: number }, code: string, message: string) => void }).onError = (at, code, message) => {
    const offset = typeof at === 'number' ? at : Array.isArray(at) ? at[0]! : at.offset;
    stopped ??= new Stop(offset, cleanMessage(code, message), code);
    throw stopped;
  };
  // parser.parse(source), token by token, so that the tokens can be counted.
  function* tokens() {
    const lexer = new yaml.Lexer();
    for (const lexeme of lexer.lex(source)) {
      work?.count(base + parser.offset);
      for (const token of parser.next(lexeme)) {
        if (token.type === 'error') throw new Stop(token.offset, cleanMessage('', token.message));
        yield token;
      }
    }
    yield* parser.end();
  }
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens(), true, source.length)) {
    if (doc) throw new Stop(next.range[0], msg('yaml.documents'));
    doc = next;
  }
  const first = [...doc!.errors, ...doc!.warnings].sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (first) throw new Stop(first.pos[0], cleanMessage(first.code, first.message), first.code);
  return doc!;
}

/** Checks what yaml is not asked to: unique keys (in linear time) and depth. Returns whether there is an alias. */
function checkNodes(root: YamlNode | null): boolean {
  let aliases = false;
  const stack: [YamlNode, number][] = root ? [[root, 1]] : [];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) throw new Stop((node as ParsedNode).range?.[0] ?? 0, MESSAGES.RESOURCE_EXHAUSTION!);
    if (yaml.isAlias(node)) aliases = true;
    else if (yaml.isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        if (yaml.isScalar(key)) {
          if (seen.has(key.value)) throw new Stop((key as ParsedNode).range[0], msg('yaml.duplicateKey', {}));
          seen.add(key.value);
        }
        if (key && typeof key === 'object') stack.push([key, depth + 1]);
        if (pair.value && typeof pair.value === 'object') stack.push([pair.value as YamlNode, depth + 1]);
      }
    } else if (yaml.isSeq(node)) {
      for (const item of node.items) if (item && typeof item === 'object') stack.push([item as YamlNode, depth + 1]);
    }
  }
  return aliases;
}

/**
 * How much text and how many values the data holds once aliases are expanded, and each string made flat:
 * yaml builds double-quoted strings a character at a time, and a plan of 100,000 tasks kept as those chains
 * of characters takes 540 MB instead of 70.
 */
class Budget {
  constructor(private left: number) {}

  measure(value: unknown, offset: number): void {
    const stack = [value];
    while (stack.length > 0) {
      const v = stack.pop();
      this.left--;
      if (typeof v === 'string') {
        v.charCodeAt(0); // flattens the string
        this.left -= v.length;
      } else if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) stack.push(v[i]);
      } else if (typeof v === 'object' && v !== null) {
        for (const key of Object.keys(v)) stack.push((v as Record<string, unknown>)[key]);
      }
      if (this.left < 0) throw new Stop(offset, msg('yaml.aliasBomb'));
    }
  }
}

/** The data of one parsed piece, aliases expanded and within budget. */
function toData(doc: Document.Parsed, offset: number, budget: Budget): unknown {
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws a ReferenceError for alias bombs and for aliases to anchors it has not seen
    const message = error instanceof Error ? error.message : String(error);
    throw new Stop(offset, msg('yaml.alias', { text: message }), /Unresolved alias/.test(message) ? 'UNRESOLVED_ALIAS' : 'ALIAS');
  }
  budget.measure(data, offset);
  return data;
}

// A node property (anchor, tag) in column 0 may belong to the lines after it (`&a` then `a|:` is one key, which yaml
// refuses): no cut after one.
const SPLITS = /^(?:---|\.\.\.|%|\?|:|&|!)/m;
// `key:` alone, or with a comment after a space: `a:#` is a plain scalar, not a key (a # starts a comment only after a space).
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(?:#.*)?)?\r?$/;
const NOT_TEXT_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/** Whether the line from `at` is blank or a comment: only spaces and tabs, then its end or a #. */
function isBlankOrComment(text: string, at: number): boolean {
  for (let c = text.charCodeAt(at); ; c = text.charCodeAt(++at)) {
    if (c === 32 || c === 9) continue;
    return Number.isNaN(c) || c === 10 || c === 13 || c === 35;
  }
}

/** Whether the line at `at` (its first character) starts a block sequence item: `-` and a space or line end. */
function isItem(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 45) return false;
  const next = text.charCodeAt(at + 1);
  return Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13;
}

/**
 * Where the text can be cut into pieces that yaml reads alone exactly as it reads them in the whole text: before
 * each top-level key (a line that starts in column 0), and, under a top-level key whose value is a block sequence,
 * before each of its items (a `-` at the column of the first one). Nothing a YAML line can continue into starts
 * there: block scalars, quoted and plain scalars and flow collections all continue only on lines indented
 * further (yaml refuses them otherwise). Anything else (directives, document markers, explicit keys, a top level
 * that is not a block mapping) is read whole.
 *
 * @example splitText('title: x\ntasks:\n  - id: 1\n').map((p) => p.kind) // ['entries', 'items']
 */
export function splitText(text: string, size = PIECE_CHARS): Piece[] {
  const whole: Piece[] = [{ kind: 'whole', start: 0, end: text.length }];
  if (SPLITS.test(text)) return whole;
  const pieces: Piece[] = [];
  let entriesStart = 0;
  let at = 0;
  let seenKey = false;
  const flushEntries = (end: number) => {
    if (end > entriesStart) pieces.push({ kind: 'entries', start: entriesStart, end });
    entriesStart = end;
  };
  while (at < text.length) {
    if (!startsEntry(text, at)) {
      // Before the first key: blank lines and comments; an item in column 0 starts a list.
      if (!seenKey && isItem(text, at)) return [{ kind: 'list', start: 0, end: listItemEnd(text, at) }];
      if (!seenKey && text.charCodeAt(at) === 32 && /^ +[^ \t\r\n#]/.test(text.slice(at, nextLine(text, at)))) return whole;
      at = nextLine(text, at);
      continue;
    }
    // The first key must be a plain one: a flow collection, a quoted text, an anchor or a tag in column 0 may
    // be the whole document rather than its first key.
    if (!seenKey && /^[[{"'&*!|>@`]/.test(text[at]!)) return whole;
    seenKey = true;
    const lineEnd = nextLine(text, at);
    const key = KEY_LINE.exec(text.slice(at, lineEnd).replace(/\n$/, ''));
    // A key whose value is a block sequence on the following lines: cut between its items.
    const items = key && !NOT_TEXT_KEY.test(key[1]!) ? sequenceItems(text, lineEnd) : undefined;
    if (!items) {
      // An entry goes with the entries before it until they are long enough to be a piece.
      if (at - entriesStart >= size) flushEntries(at);
      at = lineEnd;
      while (at < text.length && !startsEntry(text, at)) at = nextLine(text, at);
      continue;
    }
    flushEntries(at);
    // The key line itself is in no piece: its value is the items below, as a list.
    let first = 0;
    for (let i = 0; i < items.starts.length;) {
      const start = items.starts[i]!;
      let j = i + 1;
      while (j < items.starts.length && items.starts[j]! - start < size) j++;
      const end = j < items.starts.length ? items.starts[j]! : items.end;
      pieces.push({ kind: 'items', key: key![1]!, first, count: j - i, start, end });
      first += j - i;
      i = j;
    }
    at = items.end;
    entriesStart = at;
  }
  flushEntries(text.length);
  return seenKey ? pieces : whole;
}

/** Where the item of a list in column 0 that starts at `at` ends: at the next line that starts in column 0. */
function listItemEnd(text: string, at: number): number {
  let end = nextLine(text, at);
  while (end < text.length && (isBlankOrComment(text, end) || text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9)) end = nextLine(text, end);
  return end;
}

function nextLine(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end + 1;
}

/** A top-level key or junk in column 0; not a comment, a blank line or an item of a sequence at column 0. */
function startsEntry(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c !== 32 && c !== 9 && !isBlankOrComment(text, at) && !isItem(text, at);
}

/**
 * The items of the block sequence that follows a key line (from `from`, the next line): where each starts, and
 * where the sequence ends. Undefined when the value is not such a sequence, or a line does not fit one (a line
 * indented less than the items, or at their column but not an item): such an entry is read as one piece.
 */
function sequenceItems(text: string, from: number): { starts: number[]; end: number } | undefined {
  let at = from;
  let indent = -1;
  const starts: number[] = [];
  while (at < text.length) {
    const lineEnd = nextLine(text, at);
    if (isBlankOrComment(text, at)) {
      at = lineEnd;
      continue;
    }
    let column = 0;
    while (text.charCodeAt(at + column) === 32) column++;
    const c = text.charCodeAt(at + column);
    if (indent < 0) {
      if (!isItem(text, at + column)) return undefined;
      indent = column;
    }
    if (column === 0 && !isItem(text, at)) break; // the next top-level key
    if (column < indent || c === 9 && column <= indent) return undefined;
    if (column === indent) {
      if (!isItem(text, at + column)) return undefined;
      starts.push(at);
    }
    at = lineEnd;
  }
  return starts.length > 0 ? { starts, end: at } : undefined;
}

function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The offset of the key `key` in a parsed mapping piece. */
function keyOffset(doc: Document.Parsed, key: string): number {
  const map = doc.contents;
  if (yaml.isMap(map)) {
    for (const pair of map.items) if (yaml.isScalar(pair.key) && pair.key.value === key) return (pair.key as ParsedNode).range[0];
  }
  return 0;
}

/** What a piece read to: its data, and the shape of its document (what merging the pieces checks). */
interface PieceData {
  data: unknown;
  shape: 'list' | 'map' | 'empty' | 'other';
  /** Items of a list. */
  count: number;
}

/** Reads one piece; a Stop's offset is made an offset into the whole text. */
function readPiece(text: string, piece: Piece, budget: Budget, work: Work): PieceData {
  const source = text.slice(piece.start, piece.end);
  try {
    // Most plan files: plain data straight from yaml's tokens, in a tenth of the time of its nodes.
    const root = piece.kind === 'entries' ? 'mapping' : piece.kind === 'whole' ? 'any' : 'sequence';
    const fast = composeTokens(source, new yaml.Lexer().lex(source), { root, count: (at) => work.count(piece.start + at) });
    if (fast) {
      const { data } = fast;
      return { data, shape: data === null ? 'empty' : Array.isArray(data) ? 'list' : 'map', count: Array.isArray(data) ? data.length : 0 };
    }
    const doc = composePiece(source, work, piece.start);
    checkNodes(doc.contents as YamlNode | null);
    const data = toData(doc, 0, budget);
    const contents = doc.contents;
    // A piece of entries is a block mapping whose keys start lines, as they do in the whole text (`&a` alone on a
    // line, then an indented key, is a mapping on its own but an error in the whole text; so is `{}` in column 0
    // after the plan's keys, a flow mapping of its own).
    const atLineStart = (node: unknown) => {
      const at = (node as ParsedNode | null)?.range?.[0];
      return at !== undefined && (at === 0 || source[at - 1] === '\n');
    };
    const shape = yaml.isSeq(contents) ? 'list'
      : yaml.isMap(contents) ? (!contents.flow && contents.items.every((pair) => atLineStart(pair.key)) ? 'map' : 'other')
        : contents === null ? 'empty' : 'other';
    return { data, shape, count: yaml.isSeq(contents) ? contents.items.length : 0 };
  } catch (error) {
    if (error instanceof Stop) {
      // An alias to an anchor in another piece: the text is read whole.
      if (error.code === 'UNRESOLVED_ALIAS' && piece.kind !== 'whole') throw new Anomaly(msg('yaml.anomaly.aliases'));
      throw error.code === 'WORK' ? error : new Stop(piece.start + error.offset, error.said, error.code);
    }
    if (error instanceof RangeError) throw new Stop(piece.start, MESSAGES.RESOURCE_EXHAUSTION!, 'RESOURCE_EXHAUSTION');
    throw error;
  }
}

class Anomaly extends Error {
  constructor(readonly said: Message) {
    super(word('en', said));
  }
}

/** Puts the data of the pieces together into the plan's top-level mapping. */
function mergePieces(text: string, pieces: Piece[], read: PieceData[]): unknown {
  // The whole text, or the first item of a list: the rest of a list is not read, as it is not a plan either way.
  if (pieces[0]?.kind === 'whole' || pieces[0]?.kind === 'list') return read[0]?.data;
  const top: Record<string, unknown> = {};
  pieces.forEach((piece, i) => {
    const { data, shape, count } = read[i]!;
    if (piece.kind === 'items') {
      if (shape !== 'list' || count !== piece.count || !Array.isArray(data)) throw new Anomaly(msg('yaml.anomaly.list'));
      let list = top[piece.key];
      if (piece.first === 0) {
        if (Object.hasOwn(top, piece.key)) throw new Stop(piece.start, msg('yaml.duplicateKey', { key: piece.key }));
        list = [];
        defineKey(top, piece.key, list);
      }
      for (const item of data) (list as unknown[]).push(item);
    } else if (shape !== 'empty') {
      if (shape !== 'map' || typeof data !== 'object' || data === null || Array.isArray(data)) throw new Anomaly(msg('yaml.anomaly.top'));
      for (const key of Object.keys(data)) {
        if (Object.hasOwn(top, key)) {
          const doc = composeQuietly(text.slice(piece.start, piece.end));
          throw new Stop(piece.start + (doc ? keyOffset(doc, key) : 0), msg('yaml.duplicateKey', {}));
        }
        defineKey(top, key, (data as Record<string, unknown>)[key]);
      }
    }
  });
  return top;
}

/** Reads pieces in order, stopping at the first that fails. */
function readPieces(text: string, pieces: Piece[], budget: Budget, work: Work): PieceData[] {
  const last = pieces[0]?.kind === 'whole' || pieces[0]?.kind === 'list' ? 1 : pieces.length;
  return pieces.slice(0, last).map((piece) => readPiece(text, piece, budget, work));
}

/** A text this long is read by several threads when the machine has the cores (each takes a share of the pieces). */
const PARALLEL_CHARS = 2 * 1024 * 1024;
const MAX_THREADS = 4;

/** What a thread reading a share of the pieces is given, and what it answers. */
interface ShareTask {
  text: string;
  pieces: Piece[];
  budget: number;
  tokens: number;
  deadline: number;
}
type ShareResult = { read: PieceData[] } | { stop: { offset: number; said: Message; code: string } } | { anomaly: Message };

function readShare({ text, pieces, budget, tokens, deadline }: ShareTask): ShareResult {
  try {
    return { read: readPieces(text, pieces, new Budget(budget), new Work(tokens, deadline)) };
  } catch (error) {
    if (error instanceof Stop) return { stop: { offset: error.offset, said: error.said, code: error.code } };
    if (error instanceof Anomaly) return { anomaly: error.said };
    throw error;
  }
}

/** Runs in a worker thread (parseText starts it): reads the share of pieces it was given. */
export async function readShareInWorker(): Promise<void> {
  const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads') as typeof import('node:worker_threads');
  await loadYaml();
  parentPort!.postMessage(readShare(workerData as ShareTask));
}

/** The file of this module when it is the built bundle (which exports readShareInWorker), else undefined. */
function bundleFile(): string | undefined {
  const file = import.meta.filename;
  return file.endsWith('.js') ? file : undefined;
}

/** Splits pieces into `count` runs of about equal length. */
function shareOut(pieces: Piece[], count: number): Piece[][] {
  const total = pieces.reduce((sum, p) => sum + p.end - p.start, 0);
  const shares: Piece[][] = [[]];
  let done = 0;
  for (const piece of pieces) {
    if (done >= (total * shares.length) / count && shares.length < count) shares.push([]);
    shares[shares.length - 1]!.push(piece);
    done += piece.end - piece.start;
  }
  return shares;
}

/**
 * Reads the pieces: a long text in several threads, each with its share (yaml reads ~1,000 tokens a millisecond
 * on one core; a plan of 100,000 tasks has 4.6 million), the first share in this one.
 */
async function readAllPieces(text: string, pieces: Piece[], budget: number, deadline: number): Promise<PieceData[]> {
  const os = process.getBuiltinModule('node:os') as typeof import('node:os');
  const file = text.length >= PARALLEL_CHARS ? bundleFile() : undefined;
  const threads = file ? Math.min(MAX_THREADS, os.availableParallelism(), Math.ceil(text.length / PARALLEL_CHARS)) : 1;
  const task = (share: Piece[]): ShareTask => {
    const start = share[0]?.start ?? 0;
    const end = share[share.length - 1]?.end ?? 0;
    const part = (end - start) / Math.max(1, text.length);
    return {
      text: text.slice(start, end),
      pieces: share.map((p) => ({ ...p, start: p.start - start, end: p.end - start })),
      budget: Math.ceil(budget * part),
      tokens: Math.ceil(MAX_TOKENS * part),
      deadline,
    };
  };
  // Offsets in a share are the share's own: made the whole text's again.
  const settle = (result: ShareResult, start: number): PieceData[] => {
    if ('read' in result) return result.read;
    if ('anomaly' in result) throw new Anomaly(result.anomaly);
    throw new Stop(start + result.stop.offset, result.stop.said, result.stop.code);
  };
  if (threads <= 1 || pieces.length < threads || pieces[0]?.kind === 'whole' || pieces[0]?.kind === 'list') {
    return settle(readShare(task(pieces)), 0);
  }
  const { Worker } = process.getBuiltinModule('node:worker_threads') as typeof import('node:worker_threads');
  const shares = shareOut(pieces, threads);
  const workers = shares.slice(1).map((share) => {
    const worker = new Worker(`require(${JSON.stringify(file)}).readShareInWorker()`, { eval: true, workerData: task(share), stdout: true, stderr: true });
    const result = new Promise<ShareResult>((resolve) => {
      worker.once('message', resolve);
      // A thread that cannot start or dies: its share is read here instead.
      worker.once('error', () => resolve(readShare(task(share))));
    });
    return { worker, result, start: share[0]!.start };
  });
  try {
    const read = settle(readShare(task(shares[0]!)), 0);
    for (const { result, start } of workers) for (const data of settle(await result, start)) read.push(data);
    return read;
  } finally {
    for (const { worker } of workers) void worker.terminate();
  }
}

/**
 * Parses the text of a plan file into plain data, or stops at its first YAML syntax error.
 *
 * @example (await parseText('title: x\n')).data // { title: 'x' }
 */
export async function parseText(text: string): Promise<ParsedText> {
  const deadline = cpuTime() + MAX_CPU_SECONDS * 1e6;
  try {
    // Most plan files: the whole text at once from its tokens, on one thread (measured: in pieces, or in two
    // threads, it costs more and gains nothing on a busy machine). The tokens are cut line by line where the
    // lines are the usual ones (lex-lines.ts), else by yaml's Lexer; each gives the same tokens.
    const lines = new LineTokens(text);
    const count = (work: Work) => (at: number) => work.count(at);
    let fast = composeTokens(text, lines, { root: 'mapping', count: count(new Work(MAX_LEXED_TOKENS, deadline)) });
    if (!fast && lines.gaveUp) {
      await loadYaml();
      fast = composeTokens(text, new yaml.Lexer().lex(text), { root: 'mapping', count: count(new Work(MAX_LEXED_TOKENS, deadline)) });
    }
    // The pieces are wanted only to find the places of problems in the plan's content.
    let pieces: Piece[] | undefined;
    if (fast) return { data: fast.data, get pieces() { return (pieces ??= splitText(text)); } };
  } catch (error) {
    if (error instanceof Stop) return { problem: { offset: error.offset, message: error.said }, pieces: [] };
    throw error;
  }
  await loadYaml();
  const budget = 2 * text.length + 1_000_000;
  let pieces = splitText(text);
  const whole = (reason: Message): ParsedText => {
    const mb = Math.round(MAX_WHOLE_CHARS / 1024 / 1024);
    return { problem: { offset: 0, message: msg('yaml.whole', { mb, reason }) }, pieces };
  };
  try {
    if (pieces[0]?.kind === 'whole' && text.length > MAX_WHOLE_CHARS) return whole(msg('yaml.wholeReason'));
    try {
      return { data: mergePieces(text, pieces, await readAllPieces(text, pieces, budget, deadline)), pieces };
    } catch (error) {
      if (!(error instanceof Anomaly)) throw error;
      if (text.length > MAX_WHOLE_CHARS) return whole(error.said);
      pieces = [{ kind: 'whole', start: 0, end: text.length }];
      return { data: mergePieces(text, pieces, await readAllPieces(text, pieces, budget, deadline)), pieces };
    }
  } catch (error) {
    if (error instanceof Stop) return { problem: { offset: error.offset, message: error.said }, pieces };
    throw error;
  }
}

/** A parsed piece of the text, and the path of a value inside it. */
export interface PieceAt {
  doc: Document.Parsed;
  path: (string | number)[];
  /** Where the piece starts in the text. */
  start: number;
}

/**
 * Finds the parsed piece that holds the value at a path, and the path inside it: what locating a problem needs,
 * without keeping a whole document's nodes for the places where there is none. Each piece is parsed once.
 */
export async function pieceFinder(text: string, pieces: Piece[]): Promise<(path: (string | number)[]) => PieceAt | undefined> {
  await loadYaml();
  const parsed = new Map<Piece, Document.Parsed | undefined>();
  const docOf = (piece: Piece) => {
    if (!parsed.has(piece)) parsed.set(piece, composeQuietly(text.slice(piece.start, piece.end)));
    return parsed.get(piece);
  };
  const at = (piece: Piece | undefined, path: (string | number)[]): PieceAt | undefined => {
    const doc = piece && docOf(piece);
    return doc && piece ? { doc, path, start: piece.start } : undefined;
  };
  return (path) => {
    const [key, index] = path;
    if (pieces[0]?.kind === 'whole' || pieces[0]?.kind === 'list') return at(pieces[0], path);
    if (typeof key !== 'string') return at(pieces[0], []);
    const items = pieces.filter((p) => p.kind === 'items' && p.key === key);
    if (items.length > 0) {
      // A value inside an item, or the list as a whole (its first item).
      const piece = typeof index === 'number' ? items.find((p) => p.kind === 'items' && index >= p.first && index < p.first + p.count) : undefined;
      if (piece?.kind === 'items') return at(piece, [index as number - piece.first, ...path.slice(2)]);
      return at(items[0], []);
    }
    for (const piece of pieces) {
      if (piece.kind !== 'entries') continue;
      const doc = docOf(piece);
      if (doc && yaml.isMap(doc.contents) && doc.contents.has(key)) return at(piece, path);
    }
    return at(pieces[0], []);
  };
}

function composeQuietly(source: string): Document.Parsed | undefined {
  // A piece that read once reads again: no pace to keep.
  try {
    return composePiece(source);
  } catch {
    return undefined;
  }
}
