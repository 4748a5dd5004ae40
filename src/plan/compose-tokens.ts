// Plain data straight from the tokens of yaml's own Lexer, for the YAML that plan files are written in: block
// mappings and sequences, flow collections on one line, quoted and plain scalars on one line, comments. yaml's
// Parser and Composer build a node for every token and every value (a plan of 10,000 tasks: ~400 ms of its
// ~640 ms cold); here each token is looked at once. Anything outside that subset, or anything yaml would
// warn about or refuse (anchors, aliases, tags, directives, `---`, explicit keys, block scalars, multi-line
// scalars and flows, tabs, control characters, a byte order mark, a duplicate key, odd indentation, deep nesting,
// a top level other than the one asked for), gives undefined: the caller then reads the text with yaml itself,
// which gives the data, the errors and their places. So a text read here gives exactly the data yaml gives it.
//
// Tokens (yaml's dist/parse/lexer.js): slices of the source in order, and control characters that are not in it:
// \x02 a document starts, \x1f the next token is a plain scalar, \x18 a flow ended too early.

import { LineTokens } from './lex-lines.js';

/** Deeper than this is left to yaml, which applies the depth limit (a plan nests five levels). */
const MAX_DEPTH = 32;
/** yaml refuses an implicit key longer than 1,024 characters. */
const MAX_KEY_CHARS = 1000;

// C0 controls but line ends, DEL, a byte order mark (yaml refuses one before a block sequence; plan takes it off
// before reading), a CR not before LF: left to yaml. (Two patterns: one class alone is scanned several times
// faster than the two alternatives.)
const UNUSUAL = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\ufeff]/;
const LONE_CR = /\r(?!\n)/;

const DOCUMENT = '\x02';
const SCALAR = '\x1f';

// The plain scalars the options in parse.ts (core schema; integers only plain decimal safe ones) do not read as
// text: null and true/false forms; numbers are matched below.
const NOT_TEXT = new Map<string, null | boolean>([
  ['~', null], ['null', null], ['Null', null], ['NULL', null],
  ['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false],
]);
/**
 * Numbers in a plan file are plain decimal integers: 0x25, 0o45, +37, 037, 3.7e1 and 4503599627370496.5 stay text,
 * so that ids are what they look like and `id: 4503599627370496.5` is refused rather than rounded. yaml's int tag
 * (parse.ts) and the token reader both resolve them here.
 */
export const INTEGER = /^(?:0|-?[1-9][0-9]*)$/;

/** A plain integer's number, or the text itself (not such an integer, or beyond the safe ones). */
export function integerOf(text: string): number | string {
  const n = Number(text);
  return INTEGER.test(text) && Number.isSafeInteger(n) ? n : text;
}

/** Thrown to give up: the text is read by yaml instead. */
class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

/** A plain scalar's value, as yaml resolves it with plan's options. */
function plainValue(source: string): unknown {
  const c = source.charCodeAt(0);
  // Starts yaml refuses (, % | > @ `) or that mean something else.
  if (source === '' || c === 44 || c === 37 || c === 124 || c === 62 || c === 64 || c === 96) bail();
  if (source.length <= 5 && NOT_TEXT.has(source)) return NOT_TEXT.get(source);
  return (c >= 48 && c <= 57) || c === 45 ? integerOf(source) : source;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
const HEX = /^[0-9a-fA-F]+$/;

/** A quoted scalar on one line, as yaml reads it (its resolve-flow-scalar.js); multi-line ones are left to yaml. */
function quotedValue(source: string): string {
  const quote = source[0];
  if (source.length < 2 || source[source.length - 1] !== quote || source.includes('\n')) bail();
  const inside = source.slice(1, -1);
  if (quote === "'") {
    if (!inside.includes("'")) return inside;
    // The lexer ends a text at a quote not doubled; one left inside is a text that did not end.
    if (inside.replace(/''/g, '').includes("'")) bail();
    const value = inside.replace(/''/g, "'");
    return value;
  }
  if (!inside.includes('\\')) return inside;
  let value = '';
  for (let i = 0; i < inside.length; i++) {
    const ch = inside[i]!;
    if (ch !== '\\') {
      value += ch;
      continue;
    }
    const next = inside[++i];
    if (next === undefined) bail();
    const escaped = ESCAPES[next!];
    if (escaped !== undefined) value += escaped;
    else if (next === 'x' || next === 'u' || next === 'U') {
      const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = inside.substr(i + 1, length);
      if (hex.length !== length || !HEX.test(hex)) bail();
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) bail();
      value += String.fromCodePoint(code);
      i += length;
    } else bail();
  }
  return value;
}

/** An open block collection: a mapping (its key waiting for a value, if any) or a sequence (an item waiting). */
interface Block {
  indent: number;
  map?: Record<string, unknown>;
  list?: unknown[];
  key?: string;
  /** An item (`-`) or the document waiting for its value. */
  waiting: boolean;
}

/** An open flow collection: where in an entry it is. */
interface Flow {
  map?: Record<string, unknown>;
  list?: unknown[];
  key?: string;
  /** item: an entry may start (or the collection end); after: an entry ended; colon/value: in a mapping's entry. */
  expect: 'item' | 'after' | 'colon' | 'value';
}

/** What the next token may be, on a line of block content. */
type Expect =
  | 'indent' // the start of a line
  | 'content' // a node: after the indentation, or after `- `, or after `key:`
  | 'held' // after a scalar that may be a key
  | 'end' // after a value: only spaces, a comment, the line end
  | 'flow';

/** What the text must hold: a block mapping, a block sequence (or nothing, either of them), or anything. */
export type Root = 'mapping' | 'sequence' | 'any';

export interface ComposeOptions {
  root?: Root;
  /** Called for every token with its offset (the caller's work limits). */
  count?: (offset: number) => void;
}

/**
 * The plain data of a YAML text from yaml's tokens (null for a text of only comments), or undefined when the text
 * is not in the subset read here or its top level is not the `root` asked for.
 *
 * @example composeTokens('a: [b, "c"]\n', new Lexer().lex('a: [b, "c"]\n'))?.data // { a: ['b', 'c'] }
 */
export function composeTokens(text: string, tokens: Iterable<string>, { root = 'mapping', count }: ComposeOptions = {}): { data: unknown } | undefined {
  // LineTokens has looked for these (and gives up on every CR), so the text is not scanned for them twice.
  if (!(tokens instanceof LineTokens) && (UNUSUAL.test(text) || (text.includes('\r') && LONE_CR.test(text)))) return undefined;
  try {
    return { data: compose(tokens, root, count) };
  } catch (error) {
    if (error instanceof Bail) return undefined;
    throw error;
  }
}

function compose(tokens: Iterable<string>, want: Root, count?: (offset: number) => void): unknown {
  let root: unknown = null;
  // What the top level was opened as.
  let rootKind: 'item' | 'key' | 'value' | undefined;
  const blocks: Block[] = [{ indent: -1, waiting: true }];
  const flows: Flow[] = [];
  let offset = 0;
  let lineStart = 0;
  let started = false;
  // Set by the helpers above too: declared so that TypeScript does not narrow it to what the loop assigns.
  let expect = 'indent' as Expect;
  // Content position: whether it is the first of its line, and whether it follows `key:` (where only a value may be).
  let first = true;
  let afterColon = false;
  let plain = false;
  let spaced = true;
  // A scalar that is a key if `:` follows: its value, column, and where it stood.
  let held: unknown;
  let heldColumn = 0;
  let heldFirst = false;
  let heldAfterColon = false;
  let heldKeyable = false;

  const top = () => blocks[blocks.length - 1]!;
  /** Gives a value to what waits for one at the top of the block stack. */
  const give = (value: unknown) => {
    const block = top();
    if (block.map) {
      block.map[block.key!] = value;
      block.key = undefined;
    } else if (block.list) {
      block.list.push(value);
      block.waiting = false;
    } else {
      root = value;
      block.waiting = false;
    }
  };
  const waits = (block: Block) => (block.map ? block.key !== undefined : block.waiting);
  const close = () => {
    if (waits(top())) give(null);
    blocks.pop();
  };
  const depth = () => {
    if (blocks.length + flows.length > MAX_DEPTH) bail();
  };
  /**
   * Places a node that starts at `column`: a `-` item, a `key`, or a `value` (scalar or flow collection). A node
   * first on its line closes the blocks indented more; then it continues the block at its column, or opens one
   * inside the block that waits for a value.
   */
  const place = (column: number, kind: 'item' | 'key' | 'value', lineFirst: boolean) => {
    if (lineFirst) {
      while (top().indent > column) close();
      // A sequence at the column of its mapping's keys (`key:\n- a\nnext: b`) ends at the next key.
      const parent = blocks[blocks.length - 2];
      if (kind === 'key' && top().list && top().indent === column && parent?.map && parent.indent === column) close();
    }
    const block = top();
    if (block.indent === column) {
      if (kind === 'key' && block.map) {
        if (block.key !== undefined) give(null);
        return;
      }
      if (kind === 'item' && block.list) {
        if (block.waiting) give(null);
        block.waiting = true;
        return;
      }
      if (kind === 'item' && block.map && block.key !== undefined) return open(column, 'item');
      bail();
    }
    if (block.indent > column || !waits(block)) bail();
    if (kind !== 'value') open(column, kind);
    else if (blocks.length === 1) rootKind = 'value';
  };
  const open = (column: number, kind: 'item' | 'key') => {
    if (blocks.length === 1) rootKind = kind;
    const block: Block = kind === 'key' ? { indent: column, map: {}, waiting: false } : { indent: column, list: [], waiting: true };
    give(block.map ?? block.list);
    blocks.push(block);
    depth();
  };
  const setKey = (key: unknown) => {
    if (typeof key !== 'string' || key === '__proto__' || key === '<<' || key.length > MAX_KEY_CHARS) bail();
    const map = top().map!;
    if (Object.hasOwn(map, key as string)) bail();
    top().key = key as string;
  };
  /** Decides what a held scalar was: a key when `:` follows, else a value. */
  const settle = (isKey: boolean) => {
    if (isKey) {
      if (heldAfterColon || !heldKeyable) bail();
      place(heldColumn, 'key', heldFirst);
      setKey(held);
      expect = 'content';
      first = false;
      afterColon = true;
    } else {
      place(heldColumn, 'value', heldFirst);
      give(held);
      expect = 'end';
    }
  };
  const hold = (value: unknown, keyable: boolean) => {
    held = value;
    heldKeyable = keyable;
    heldColumn = offset - lineStart;
    heldFirst = first;
    heldAfterColon = afterColon;
    expect = 'held';
  };

  // Flow collections: one line, scalars and flow collections inside.
  const flowValue = (value: unknown) => {
    const flow = flows[flows.length - 1]!;
    if (flow.list) {
      if (flow.expect !== 'item') bail();
      flow.list.push(value);
    } else if (flow.expect === 'item') {
      if (typeof value !== 'string' || value === '__proto__' || value === '<<' || Object.hasOwn(flow.map!, value)) bail();
      flow.key = value as string;
      flow.expect = 'colon';
      return;
    } else if (flow.expect === 'value') {
      flow.map![flow.key!] = value;
    } else bail();
    flow.expect = 'after';
  };
  const openFlow = (token: string) => {
    const flow: Flow = token === '[' ? { list: [], expect: 'item' } : { map: {}, expect: 'item' };
    if (flows.length === 0) {
      place(offset - lineStart, 'value', first);
      give(flow.list ?? flow.map);
    } else flowValue(flow.list ?? flow.map);
    flows.push(flow);
    depth();
    expect = 'flow';
  };
  const closeFlow = (token: string) => {
    const flow = flows.pop()!;
    if ((token === ']') !== Boolean(flow.list)) bail();
    if (flow.map && (flow.expect === 'colon' || flow.expect === 'value')) flow.map[flow.key!] = null;
    if (flows.length === 0) expect = 'end';
  };
  const flowToken = (token: string) => {
    const flow = flows[flows.length - 1]!;
    switch (token) {
      case ',':
        if (flow.expect === 'item') bail();
        if (flow.map && flow.expect !== 'after') flow.map[flow.key!] = null;
        flow.expect = 'item';
        return;
      case ':':
        if (!flow.map || flow.expect !== 'colon') bail();
        flow.expect = 'value';
        return;
      case '[':
      case '{':
        return openFlow(token);
      case ']':
      case '}':
        return closeFlow(token);
    }
    const c = token[0];
    if (c === ' ') return;
    if (c === '"' || c === "'") return flowValue(quotedValue(token));
    bail();
  };

  for (const token of tokens) {
    count?.(offset);
    if (plain) {
      // The source of a plain scalar.
      plain = false;
      if (token.includes('\n')) bail();
      const value = plainValue(token);
      if (expect === 'flow') flowValue(value);
      else hold(value, typeof value === 'string');
      offset += token.length;
      spaced = false;
      continue;
    }
    if (token === SCALAR) {
      if (expect === 'indent') expect = 'content';
      if (expect !== 'content' && expect !== 'flow') bail();
      plain = true;
      continue;
    }
    if (!started) {
      // Before the document: blank lines and comments.
      if (token === DOCUMENT) {
        started = true;
        continue;
      }
      if (token !== '\n' && token !== '\r\n' && token[0] !== ' ' && token[0] !== '#') bail();
      offset += token.length;
      if (token === '\n' || token === '\r\n') lineStart = offset;
      continue;
    }
    const c = token[0];
    if (token === '\n' || token === '\r\n') {
      if (expect === 'flow') bail();
      if (expect === 'held') settle(false);
      offset += token.length;
      lineStart = offset;
      expect = 'indent';
      first = true;
      afterColon = false;
      spaced = true;
      continue;
    }
    if (c === '#') {
      if (!spaced || expect === 'flow') bail();
      if (expect === 'held') settle(false);
      expect = 'end';
      offset += token.length;
      continue;
    }
    if (c === ' ') {
      if (expect === 'indent') expect = 'content';
      offset += token.length;
      spaced = true;
      continue;
    }
    if (expect === 'indent') expect = 'content';
    if (expect === 'flow') {
      flowToken(token);
      offset += token.length;
      spaced = false;
      continue;
    }
    if (expect === 'held') {
      if (token !== ':') bail();
      settle(true);
      offset += token.length;
      spaced = false;
      continue;
    }
    if (expect !== 'content') bail();
    if (token === '-') {
      if (afterColon) bail();
      place(offset - lineStart, 'item', first);
      first = false;
    } else if (token === '[' || token === '{') openFlow(token);
    else if (c === '"' || c === "'") hold(quotedValue(token), true);
    else bail();
    offset += token.length;
    spaced = false;
  }
  if (plain || expect === 'flow') bail();
  if (expect === 'held') settle(false);
  while (blocks.length > 1) close();
  if (want !== 'any' && rootKind !== undefined && rootKind !== (want === 'mapping' ? 'key' : 'item')) bail();
  return root;
}
