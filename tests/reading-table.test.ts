// The reading table the build makes (dist/vendor/pinyin-readings.txt): pinyin-pro's readings of the CJK Unified
// Ideographs, so that pinyin, typos and names on plans without precompiled tables do not load pinyin-pro.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { rareHan } from '../src/chinese/pinyin.js';
import { buildReadingTable } from '../src/chinese/tables.js';

const ROOT = new URL('..', import.meta.url).pathname;
const TABLE = path.join(ROOT, 'dist', 'vendor', 'pinyin-readings.txt');

/** A copy of the built tool, without the reading table when `withTable` is false. */
function install(withTable: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-install-'));
  for (const entry of ['bin', 'dist', 'plan.yaml', 'package.json']) cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  if (!withTable) rmSync(path.join(dir, 'dist', 'vendor', 'pinyin-readings.txt'));
  return dir;
}

/** Runs plan from `dir`; `loaded` lists the vendor modules the run required. */
function run(dir: string, args: string[]) {
  const cache = mkdtempSync(path.join(tmpdir(), 'plan-cache-'));
  const log = path.join(cache, 'required.txt');
  const hook = path.join(cache, 'hook.cjs');
  writeFileSync(hook, `const M = require('module'); const fs = require('fs'); const req = M.prototype.require;
    M.prototype.require = function (id) { if (id.includes('vendor/')) fs.appendFileSync(${JSON.stringify(log)}, id + '\\n'); return req.apply(this, arguments); };`);
  writeFileSync(log, '');
  const result = spawnSync(process.execPath, ['-r', hook, path.join(dir, 'bin', 'plan.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, PLAN_CACHE_DIR: cache, PLAN_FILE: undefined, NO_COLOR: '1', COLUMNS: '100' } as NodeJS.ProcessEnv,
    timeout: 20000,
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status, loaded: readFileSync(log, 'utf8').split('\n').filter(Boolean).map((id) => path.basename(id)) };
}

const PLAN = `title: 读音测试
departments:
  - name: 市质监局
    full_name: 重庆市质量技术监督局
  - name: 市林业局
parts:
  - id: 1
    title: 第一部分
sections:
  - id: 1
    part: 1
    title: 第一节
tasks:
  - id: 1
    section: 1
    text: 开展电梯安全监管专项行动。
    departments: [市质监局]
    responsibility: sole
  - id: 2
    section: 1
    text: 加强银行业务和人行征信管理。
    departments: [市林业局]
    responsibility: sole
`;

describe('the reading table', () => {
  it("is pinyin-pro's readings of every character of U+4E00–U+9FFF, a line each", () => {
    expect(readFileSync(TABLE, 'utf8')).toBe(buildReadingTable(pinyin));
    const lines = readFileSync(TABLE, 'utf8').split('\n');
    expect(lines[0x884c - 0x4e00]!.split(',').sort()).toEqual(['hang', 'heng', 'xing']); // 行
  });

  it('names the Han characters outside it, which pinyin-pro still answers', () => {
    expect(rareHan('电梯安全，QC小组')).toBe('');
    expect(rareHan('加强㑇山〇号治理㑇')).toBe('㑇〇');
  });

  const dir = install(true);
  const without = install(false);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'plan-readings-')), 'plan.yaml');
  writeFileSync(file, PLAN);

  it.each([
    [['search', 'dianti']],
    [['search', 'renhang']],
    [['search', 'dian', 'ti']],
    [['search', '电ti安全']],
    [['search', '电悌安全']],
    [['dept', 'zhijianju']],
    [['dept', '质检局']],
  ])('a plan without tables: %j answered from the table, pinyin-pro unloaded, as pinyin-pro answers it', (args) => {
    const fromTable = run(dir, [...args, '--plan', file]);
    const fromLibrary = run(without, [...args, '--plan', file]);
    expect(fromTable.code).toBe(0);
    expect(fromTable.loaded).not.toContain('pinyin-pro.js');
    expect(fromLibrary.loaded).toContain('pinyin-pro.js');
    expect([fromTable.stdout, fromTable.stderr]).toEqual([fromLibrary.stdout, fromLibrary.stderr]);
  });

  it('the bundled plan: a query of characters it does not have leaves pinyin-pro unloaded', () => {
    const typo = run(dir, ['search', '电悌安全']); // 悌 is not in the plan: read ti, as 梯
    expect([typo.code, typo.loaded, typo.stderr]).toEqual([0, [], '电梯安全 ← 电悌安全\n']);
    expect(typo.stdout).toMatch(/^37\t/);
    const absent = run(dir, ['search', '维权热线']);
    expect([absent.code, absent.loaded]).toEqual([1, []]);
  });

  it('a plan with a character outside the table loads pinyin-pro for it: its pinyin still finds it', () => {
    const rare = path.join(path.dirname(file), 'rare.yaml');
    writeFileSync(rare, PLAN.replace('加强银行业务和人行征信管理。', '加强㑇山林地管理。'));
    const result = run(dir, ['search', 'zhoushan', '--plan', rare]);
    expect(result.loaded).toContain('pinyin-pro.js');
    expect(result.stdout).toMatch(/^2\t/);
  });
});
