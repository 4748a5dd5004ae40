import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksum, roomFor } from '../src/plan/checksum.js';
import { fixturePath } from './helpers.js';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;

const PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

/**
 * The sum src/plan/checksum.ts says it computes, written plainly: four FNV-1a lanes over the words of the whole
 * 32-byte blocks, folded, then the words left (zero-padded), then the length.
 */
function reference(bytes: Uint8Array): string {
  const padded = new Uint8Array(Math.ceil(bytes.length / 8) * 8);
  padded.set(bytes);
  const word = (i: number) => new DataView(padded.buffer).getBigUint64(8 * i, true);
  const mix = (h: bigint, w: bigint) => ((h ^ w) * PRIME) & MASK;
  const blocks = Math.floor(bytes.length / 32);
  const lanes = [0, 1, 2, 3].map((l) => {
    let h = 0xcbf29ce484222325n;
    for (let b = 0; b < blocks; b++) h = mix(h, word(4 * b + l));
    return h;
  });
  let h = lanes.slice(1).reduce((folded, lane) => ((folded * PRIME) & MASK) ^ lane, lanes[0]!);
  for (let i = 4 * blocks; i < padded.length / 8; i++) h = mix(h, word(i));
  return mix(h, BigInt(bytes.length)).toString(16).padStart(16, '0');
}

describe('checksum', () => {
  it('is FNV-1a over 64-bit words, for any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      expect(checksum(bytes)).toBe(reference(bytes));
    }), { numRuns: 500 });
  });

  it('sums bytes read into its room where they are, and a string as its UTF-8', () => {
    const text = '重庆市质量技术监督局 plan-cache';
    const room = roomFor(Buffer.byteLength(text))!;
    room.set(Buffer.from(text));
    expect(checksum(room)).toBe(reference(Buffer.from(text)));
    expect(checksum(text)).toBe(reference(Buffer.from(text)));
  });

  it('tells apart what damage makes: a byte changed, zeros added, a file cut short, a large file', () => {
    const big = new Uint8Array(3_000_000).map((_, i) => (i * 7919) & 0xff);
    const sums = new Set([big, big.subarray(0, big.length - 1), new Uint8Array([...big.subarray(0, 100), 0])].map(checksum));
    const garbled = big.slice();
    garbled[1_500_000]! ^= 0x20;
    sums.add(checksum(garbled));
    sums.add(checksum(new Uint8Array(0)));
    sums.add(checksum(new Uint8Array(8)));
    expect(sums.size).toBe(6);
    expect(checksum(big)).toBe(reference(big));
  });

  it('without WebAssembly (node --jitless) plan answers the same and keeps no cache', () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'plan-jitless-'));
    const run = (flags: string[]) => spawnSync(process.execPath, [...flags, BIN, 'tasks', '--plan', fixturePath('small-plan.yaml'), '--json'], { env: { ...process.env, PLAN_CACHE_DIR: cacheDir }, encoding: 'utf8' });
    const jitless = run(['--jitless']);
    expect(jitless.status).toBe(0);
    expect(readdirSync(cacheDir)).toEqual([]);
    expect(jitless.stdout).toBe(run([]).stdout);
    expect(readdirSync(cacheDir)).not.toEqual([]); // and with it, the cache is kept
    rmSync(cacheDir, { recursive: true, force: true });
  });
});
