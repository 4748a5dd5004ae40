// The tokens of yaml's own Lexer, several times faster, for the lines plan files are written in: `key: value`,
// `- item`, quoted and plain scalars on one line, flow collections on one line, comments and blank lines. The
// tokens are exactly those yaml's Lexer gives the text (tests/compose-tokens.test.ts checks that on random texts).
// At the first thing outside those lines (a multi-line scalar, a tab or CR, an anchor, a tag, a block scalar, a
// document marker, an indented first line…) it yields GAVE_UP, on which compose-tokens.ts gives up too, and sets
// `gaveUp`: the caller then reads the text with yaml's Lexer. yaml's Lexer yields every token through several
// nested generators (~125 ms of the ~320 ms a plan of 10,000 tasks took cold); here a line is cut into tokens at
// once and they are handed out one by one.
//
// Tokens (yaml's dist/parse/lexer.js): slices of the source in order, and control characters that are not in it:
// \x02 a document starts, \x1f the next token is a plain scalar.

/** Yielded where the text leaves the lines read here: compose-tokens.ts gives up on a token it does not know. */
export const GAVE_UP = '\x00';

const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DOUBLE = 34;
const SINGLE = 39;
const BACKSLASH = 92;

const CONTROL = /[\x00-\x09\x0b-\x1f\x7f\ufeff]/;

/** Characters a plain scalar cannot start with (indicators), and those that start one only before a non-space. */
const NOT_PLAIN_START = new Set([...',[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));
const PLAIN_IF_FOLLOWED = new Set([...'-?:'].map((c) => c.charCodeAt(0)));
const FLOW_INDICATOR = new Set([...',[]{}'].map((c) => c.charCodeAt(0)));

/** The tokens of a text, as yaml's Lexer gives them, or GAVE_UP where they might differ. */
export class LineTokens implements Iterable<string>, Iterator<string> {
  gaveUp = false;
  private readonly text: string;
  /** Where the next line starts. */
  private at = 0;
  private started = false;
  /** The tokens of the current line, handed out from `next`. */
  private line: string[] = [];
  /** How many of them are handed out. */
  private given = 0;
  private readonly result: IteratorResult<string> = { value: '', done: false };

  constructor(text: string) {
    this.text = text;
    // Controls (tabs, CR: yaml's Lexer treats them apart) and a byte order mark are left to yaml.
    if (CONTROL.test(text)) this.giveUp();
  }

  [Symbol.iterator](): Iterator<string> {
    return this;
  }

  next(): IteratorResult<string> {
    while (this.given >= this.line.length) {
      if (this.at >= this.text.length || this.gaveUp) return { value: undefined, done: true };
      this.line.length = 0;
      this.given = 0;
      this.lexLine();
    }
    (this.result as { value: string }).value = this.line[this.given++]!;
    return this.result;
  }

  private giveUp(): void {
    this.gaveUp = true;
    this.line.push(GAVE_UP);
  }

  /** Cuts the line at `this.at` into tokens, and moves to the next. */
  private lexLine(): void {
    const { text, line } = this;
    const start = this.at;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    this.at = end + 1;
    let p = start;
    while (p < end && text.charCodeAt(p) === SPACE) p++;
    if (p === end) {
      // Blank, or spaces only.
      if (p > start) line.push(text.slice(start, p));
    } else if (text.charCodeAt(p) === HASH) {
      if (p > start) line.push(text.slice(start, p));
      line.push(text.slice(p, end));
    } else {
      if (!this.started) {
        if (p > start) return this.giveUp();
        line.push('\x02');
        this.started = true;
      }
      const c = text.charCodeAt(start);
      if (p === start && (c === DASH || c === 46) && /^(?:---|\.\.\.)(?:[ \n]|$)/.test(text.slice(start, start + 4))) return this.giveUp();
      if (p > start) line.push(text.slice(start, p));
      if (!this.content(p, end, p - start)) return this.giveUp();
    }
    if (end < text.length) line.push('\n');
  }

  /**
   * The content of a line from `p` (column `column`) to `end`: items, keys and one value. False where it leaves
   * the lines read here.
   */
  private content(p: number, end: number, column: number): boolean {
    const { text, line } = this;
    // The column of the innermost node of the line that a plain scalar's continuation would have to pass.
    let node = -1;
    for (;;) {
      const c = text.charCodeAt(p);
      const next = p + 1 < end ? text.charCodeAt(p + 1) : -1;
      if (c === DASH && (next === SPACE || next === -1)) {
        // An item after a key or another item on the same line (`a: - b`, `- - b`) is left to yaml.
        if (node >= 0) return false;
        line.push('-');
        node = column;
        p++;
        column++;
        const spaces = this.spaces(p, end);
        if (spaces > p) line.push(text.slice(p, spaces));
        column += spaces - p;
        p = spaces;
        if (p === end) return true;
        continue;
      }
      if (c === 91 /* [ */ || c === 123 /* { */) {
        p = this.flow(p, end);
        return p >= 0 && this.lineEnd(p, end);
      }
      if (c === DOUBLE || c === SINGLE) {
        const close = this.quoted(p, end);
        if (close < 0) return false;
        line.push(text.slice(p, close));
        // A quoted key (`"a": b`) is left to yaml.
        return this.lineEnd(close, end);
      }
      if (NOT_PLAIN_START.has(c) || (PLAIN_IF_FOLLOWED.has(c) && (next === SPACE || next === -1))) return false;
      // A plain scalar: to `: ` or `:` at the line end (a key), ` #` (a comment), or the line end.
      let q = p;
      let stop = end;
      let key = false;
      for (; q < end; q++) {
        const d = text.charCodeAt(q);
        if (d === COLON && (q + 1 === end || text.charCodeAt(q + 1) === SPACE)) {
          stop = q;
          key = true;
          break;
        }
        if (d === HASH && text.charCodeAt(q - 1) === SPACE) {
          stop = q;
          break;
        }
      }
      let last = stop;
      while (text.charCodeAt(last - 1) === SPACE) last--;
      line.push('\x1f', text.slice(p, last));
      if (key) {
        // `a  : b` (spaces before the colon) is left to yaml.
        if (last !== stop) return false;
        line.push(':');
        node = column;
        column += stop + 1 - p;
        p = stop + 1;
        const spaces = this.spaces(p, end);
        if (spaces > p) line.push(text.slice(p, spaces));
        column += spaces - p;
        p = spaces;
        if (p === end) return true;
        if (text.charCodeAt(p) === HASH) {
          line.push(text.slice(p, end));
          return true;
        }
        continue;
      }
      // A value: its line is the last of it only if the next line with anything on it is not indented past the
      // node it belongs to (a bare scalar, belonging to none, is left to yaml).
      if (node < 0 || this.continues(node)) return false;
      if (last < stop) line.push(text.slice(last, stop));
      if (stop < end) line.push(text.slice(stop, end));
      return true;
    }
  }

  /** After a value: spaces, then a comment or the line end; false for anything else. */
  private lineEnd(p: number, end: number): boolean {
    const { text, line } = this;
    if (p === end) return true;
    const spaces = this.spaces(p, end);
    if (spaces === p) return false;
    line.push(text.slice(p, spaces));
    if (spaces === end) return true;
    if (text.charCodeAt(spaces) !== HASH) return false;
    line.push(text.slice(spaces, end));
    return true;
  }

  /**
   * A flow collection on one line, from its `[` or `{`: quoted and plain scalars, keys, nested collections.
   * Where it ends, or -1 where it leaves what is read here (a comment, `? `, a plain scalar with `#`, a line end).
   */
  private flow(p: number, end: number): number {
    const { text, line } = this;
    let depth = 0;
    while (p < end) {
      const c = text.charCodeAt(p);
      if (c === 91 /* [ */ || c === 123 /* { */) {
        line.push(c === 91 ? '[' : '{');
        depth++;
        p++;
      } else if (c === 93 /* ] */ || c === 125 /* } */) {
        line.push(c === 93 ? ']' : '}');
        p++;
        if (--depth === 0) return p;
      } else if (c === 44 /* , */) {
        line.push(',');
        p++;
      } else if (c === SPACE) {
        const spaces = this.spaces(p, end);
        line.push(text.slice(p, spaces));
        p = spaces;
      } else if (c === DOUBLE || c === SINGLE) {
        const close = this.quoted(p, end);
        if (close < 0) return -1;
        line.push(text.slice(p, close));
        p = close;
        // A quoted key: its colon right after it.
        if (text.charCodeAt(p) === COLON) {
          line.push(':');
          p++;
          if (!this.flowValueFollows(p, end)) return -1;
        }
      } else if (!NOT_PLAIN_START.has(c) && c !== COLON && c !== 63 /* ? */ && !(c === DASH && (p + 1 === end || text.charCodeAt(p + 1) === SPACE || FLOW_INDICATOR.has(text.charCodeAt(p + 1))))) {
        // A plain scalar: to a flow indicator, or to a colon before a space, an indicator or the line end (a key).
        let stop = p;
        let key = false;
        for (; stop < end; stop++) {
          const d = text.charCodeAt(stop);
          if (d === HASH) return -1;
          if (FLOW_INDICATOR.has(d)) break;
          if (d === COLON && (stop + 1 === end || text.charCodeAt(stop + 1) === SPACE || FLOW_INDICATOR.has(text.charCodeAt(stop + 1)))) {
            key = true;
            break;
          }
        }
        if (stop === end) return -1;
        let last = stop;
        while (text.charCodeAt(last - 1) === SPACE) last--;
        line.push('\x1f', text.slice(p, last));
        if (last < stop) line.push(text.slice(last, stop));
        p = stop;
        if (key) {
          line.push(':');
          p++;
          if (!this.flowValueFollows(p, end)) return -1;
        }
      } else return -1;
    }
    return -1;
  }

  /**
   * After a key's colon in a flow: a value, or the collection's end right after the colon (`{a:}`). False for a
   * comma or an end after spaces (`{a:, b}`, `{a: }`, where yaml's Lexer adds an empty scalar) and a collection.
   */
  private flowValueFollows(p: number, end: number): boolean {
    const q = this.spaces(p, end);
    if (q === end) return false;
    const c = this.text.charCodeAt(q);
    return !FLOW_INDICATOR.has(c) || (q === p && (c === 93 /* ] */ || c === 125 /* } */));
  }

  /** Where a quoted scalar that starts at `p` ends (after its closing quote), or -1 if not on this line. */
  private quoted(p: number, end: number): number {
    const { text } = this;
    const quote = text[p]!;
    // Natively from quote to quote: a quote escaped by an odd number of backslashes (in "…"), or doubled (in '…'),
    // does not end it.
    for (let q = p + 1; ; ) {
      const close = text.indexOf(quote, q);
      if (close < 0 || close >= end) return -1;
      if (quote === "'") {
        if (close + 1 < end && text.charCodeAt(close + 1) === SINGLE) {
          q = close + 2;
          continue;
        }
        return close + 1;
      }
      let before = close - 1;
      while (before > p && text.charCodeAt(before) === BACKSLASH) before--;
      if ((close - 1 - before) % 2 === 0) return close + 1;
      q = close + 1;
    }
  }

  private spaces(p: number, end: number): number {
    while (p < end && this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  /** Whether the next line with anything on it is indented past `column` (a plain scalar would go on there). */
  private continues(column: number): boolean {
    const { text } = this;
    let p = this.at;
    while (p < text.length) {
      let q = p;
      while (q < text.length && text.charCodeAt(q) === SPACE) q++;
      if (q === text.length) return false;
      if (text.charCodeAt(q) !== NEWLINE) return q - p > column;
      p = q + 1;
    }
    return false;
  }
}
