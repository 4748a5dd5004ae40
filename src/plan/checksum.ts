// The checksum of the cache's files: FNV-1a over 64-bit words in four lanes, run as WebAssembly. A check against
// damage (a garbled byte, a file cut short), not against a forger. zlib's CRC-32 did the same, but a run that loads
// node:zlib pays ~2.4 ms for it (it brings node:stream) and ~2.7 ms to sum the 6 MB entry of 10,000 tasks; this
// module is compiled in ~0.3 ms and sums that entry in ~1.2 ms, read straight into its memory (roomFor).
//
// The sum: four FNV-1a 64 states take the words 0, 4, 8, …; 1, 5, 9, …; 2, 6, …; 3, 7, … of the whole 32-byte
// blocks (four lanes, so that the multiplications do not wait on each other), then are folded into one, which
// takes the words left (the last one padded with zeros) and lastly the length in bytes, so that zeros added at
// the end make another sum. tests/checksum.test.ts checks it against the same sum written plainly with BigInt.

const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

/** Unsigned LEB128, the encoding of WebAssembly's lengths and counts. */
function uleb(value: number): number[] {
  const out: number[] = [];
  for (let v = value; ; v >>>= 7) {
    if (v < 0x80) return [...out, v];
    out.push((v & 0x7f) | 0x80);
  }
}

/** Signed LEB128, the encoding of WebAssembly's integer constants. */
function leb(value: bigint): number[] {
  const out: number[] = [];
  for (let v = BigInt.asIntN(64, value); ; v >>= 7n) {
    const byte = Number(v & 0x7fn);
    const done = (v >> 7n === 0n && (byte & 0x40) === 0) || (v >> 7n === -1n && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

// The instructions used, and the function's locals: its parameters $at (i32) and $bytes (i32), then the lanes
// $h0…$h3 (i64) and $end (i32).
const [BLOCK, LOOP, BR, BR_IF, END, GET, SET] = [0x02, 0x03, 0x0c, 0x0d, 0x0b, 0x20, 0x21];
const [I32_CONST, I32_ADD, I32_GE_U, I64_CONST, I64_LOAD, I64_XOR, I64_MUL] = [0x41, 0x6a, 0x4f, 0x42, 0x29, 0x85, 0x7e];
const [AT, BYTES, H0, END_AT] = [0, 1, 2, 6];
const LANES = [0, 1, 2, 3];

/** The module's bytes: made when first needed (a run that keeps no cache never makes them). */
function moduleBytes(): Uint8Array<ArrayBuffer> {
  /** (func (param $at i32) (param $bytes i32) (result i64)): the four lanes over [at, at + bytes), folded. */
  const body = [
    ...LANES.flatMap((l) => [I64_CONST, ...leb(OFFSET), SET, H0 + l]), // $hl = offset basis
    GET, AT, GET, BYTES, I32_ADD, SET, END_AT, // $end = $at + $bytes
    BLOCK, 0x40, LOOP, 0x40,
    GET, AT, GET, END_AT, I32_GE_U, BR_IF, 1, // $at >= $end: out
    // $hl = ($hl ^ the word at $at + 8·l) × prime
    ...LANES.flatMap((l) => [GET, H0 + l, GET, AT, I64_LOAD, 0, 8 * l, I64_XOR, I64_CONST, ...leb(PRIME), I64_MUL, SET, H0 + l]),
    GET, AT, I32_CONST, 32, I32_ADD, SET, AT, // $at += 32
    BR, 0, END, END,
    // ((($h0 × prime) ^ $h1) × prime ^ $h2) × prime ^ $h3
    GET, H0, ...LANES.slice(1).flatMap((l) => [I64_CONST, ...leb(PRIME), I64_MUL, GET, H0 + l, I64_XOR]),
    END,
  ];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // \0asm, version 1
    ...section(1, [1, 0x60, 2, 0x7f, 0x7f, 1, 0x7e]), // one type: (i32, i32) → i64
    ...section(3, [1, 0]), // one function, of that type
    ...section(5, [1, 0, 1]), // one memory, of one page to start with
    ...section(7, [2, 1, 0x6d, 0x02, 0, 1, 0x68, 0x00, 0]), // exports: "m" the memory, "h" the function
    ...section(10, [1, ...uleb(body.length + 5), 2, 4, 0x7e, 1, 0x7f, ...body]), // its code: locals 4 × i64, 1 × i32
  ]);
}

/** A section of a module: its id, then its length and contents. */
const section = (id: number, contents: number[]) => [id, ...uleb(contents.length), ...contents];

const PAGE = 65536;

interface Summer {
  memory: WebAssembly.Memory;
  sum: (at: number, bytes: number) => bigint;
}

let summer: Summer | null | undefined;

/** The compiled module, or null where there is no WebAssembly (node --jitless). */
function compiled(): Summer | null {
  if (summer === undefined) {
    try {
      const { exports } = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes()));
      summer = { memory: exports.m as WebAssembly.Memory, sum: exports.h as Summer['sum'] };
    } catch {
      summer = null;
    }
  }
  return summer;
}

/**
 * Room for `size` bytes whose checksum can then be taken without a copy: read a file into it and pass it (or any
 * part of it) to checksum. The module's memory, grown to hold them; valid until the next roomFor or checksum of
 * other bytes. Undefined without WebAssembly.
 */
export function roomFor(size: number): Uint8Array | undefined {
  const s = compiled();
  if (s === null) return undefined;
  const need = Math.max(1, Math.ceil(size / PAGE));
  const pages = s.memory.buffer.byteLength / PAGE;
  if (need > pages) s.memory.grow(need - pages);
  return new Uint8Array(s.memory.buffer, 0, size);
}

/**
 * The checksum of bytes (or of a string's UTF-8), 16 hex digits; undefined without WebAssembly (node --jitless),
 * where the cache is not used. Bytes in roomFor's memory are summed where they are; others are copied there first.
 *
 * @example checksum('plan') // 16 hex digits
 */
export function checksum(data: Uint8Array | string): string | undefined {
  const s = compiled();
  if (s === null) return undefined;
  let bytes = typeof data === 'string' ? Buffer.from(data) : data;
  if (bytes.buffer !== s.memory.buffer) {
    const room = roomFor(bytes.length)!;
    room.set(bytes);
    bytes = room;
  }
  const blocks = bytes.length - (bytes.length % 32);
  let h = BigInt.asUintN(64, s.sum(bytes.byteOffset, blocks));
  for (let at = blocks; at < bytes.length; at += 8) {
    let word = 0n;
    for (let i = Math.min(at + 8, bytes.length) - 1; i >= at; i--) word = (word << 8n) | BigInt(bytes[i]!);
    h = ((h ^ word) * PRIME) & MASK;
  }
  return (((h ^ BigInt(bytes.length)) * PRIME) & MASK).toString(16).padStart(16, '0');
}
