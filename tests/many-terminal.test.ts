// Several plans on a terminal, as people read them: what a narrow or middling terminal shows first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../src/render/width.js';
import { fixturePath } from './helpers.js';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;

function plan(args: string[], env: Record<string, string> = {}) {
  const clean = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, PLAN_FILE: undefined, PLAN_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'zh_CN.UTF-8', COLUMNS: '80', TERM: 'xterm' };
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { ...clean, ...env } as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 20000 });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

// Two plans with titles as long as the State Council's (国务院关于促进综合保税区高水平开放高质量发展的若干意见).
const LONG = mkdtempSync(path.join(tmpdir(), 'plan-long-titles-'));
const titles: [string, string, string][] = [
  ['gbf2018-128', '国办发〔2018〕128号', '国务院办公厅关于印发“无废城市”建设试点工作方案的通知'],
  ['gf2018-38', '国发〔2018〕38号', '国务院关于支持自由贸易试验区深化改革创新若干措施的通知'],
];
for (const [name, number, title] of titles) {
  const text = readFileSync(fixturePath('duties/a.yaml'), 'utf8').replace('title: 甲计划', `title: ${title}`).replace('测发〔2020〕1号', number);
  writeFileSync(path.join(LONG, `${name}.yaml`), text);
}

describe('plan plans on a terminal', () => {
  it('at 80 columns the title keeps room: the date and the departments\' count give way first', () => {
    const out = plan(['--plan', LONG, 'plans', '--format', 'table']).stdout;
    const lines = out.split('\n');
    expect(lines[3]).toMatch(/^│ 编号 +│ 文号 +│ 任务数 │ 标题 +│$/);
    // Each title on at most two lines.
    expect(out).toMatch(/│ 国务院关于支持自由贸易试验区深 *│\n│ +│ +│ +│ 化改革创新若干措施的通知 +│\n└/);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('at 120 columns every column', () => {
    expect(plan(['--plan', LONG, 'plans', '--format', 'table'], { COLUMNS: '120' }).stdout.split('\n')[3]).toMatch(/^│ 编号 +│ 文号 +│ 日期 +│ 任务数 │ 单位数 │ 标题 +│$/);
  });
});

describe('lines that wrap stay under the line they continue', () => {
  it('a duty sheet\'s plans, at 40 columns: each plan\'s line continues indented under it', () => {
    const out = plan(['--plan', fixturePath('duties'), 'dept', '财政部', '--format', 'table'], { COLUMNS: '40' }).stdout;
    const head = out.split('\n\n')[0]!.split('\n');
    const from = head.findIndex((l) => l.startsWith('涉及 2 个计划中的 2 个：'));
    const plans = head.slice(from + 1);
    expect(plans.length).toBeGreaterThan(2);
    expect(plans.filter((l) => /^ {2}\S/.test(l)).map((l) => l.trim().split('（')[0]!.split(':')[0])).toEqual(['a', 'b']);
    for (const line of plans) expect(line).toMatch(/^ {2}(a|b| {2}\S)/);
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(40);
  });

  it('an outline\'s branch continues under its bar', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'plan-outline-')), 'sections.yml');
    writeFileSync(file, [
      'title: 测试', 'departments:', '  - name: 甲', 'parts:', '  - id: 1', '    title: 主要任务', 'sections:',
      '  - id: 1', '    part: 1', '    title: 实施工业绿色生产，推动大宗工业固体废物贮存处置总量趋零增长。',
      '  - id: 2', '    part: 1', '    title: 短。', 'tasks:',
      '  - id: 1', '    section: 1', '    text: 一。', '    departments: [甲]', '    responsibility: sole',
      '  - id: 2', '    section: 2', '    text: 二。', '    departments: [甲]', '    responsibility: sole', '',
    ].join('\n'));
    const out = plan(['--plan', file, 'outline', '--format', 'table'], { COLUMNS: '60' }).stdout;
    expect(out).toContain('├─ （一）实施工业绿色生产，推动大宗工业固体废物贮存处置总\n│  量趋零增长。  1 项任务：1\n└─ （二）短。  1 项任务：2\n');
  });
});

describe('plan dept: a name with and without the 国家 of a central body', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-twins-'));
  const planOf = (title: string, name: string, n: number) => [
    `title: ${title}`, 'departments:', `  - name: ${name}`, '  - name: 财政部', 'tasks:',
    ...Array.from({ length: n }, (_, i) => [`  - id: ${i + 1}`, `    text: 任务${i + 1}。`, `    departments: [${name}, 财政部]`, '    responsibility: sole']).flat(), '',
  ].join('\n');
  writeFileSync(path.join(dir, 'a.yaml'), planOf('甲', '发展改革委', 2));
  writeFileSync(path.join(dir, 'b.yaml'), planOf('乙', '国家发展改革委', 3));

  it('says on stderr, in every format, that the other name is listed apart, and how to see both', () => {
    const run = plan(['--plan', dir, 'dept', '发展改革委', '--json'], { LANG: 'C.UTF-8' });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).map((r: { id: string }) => r.id)).toEqual(['a:1', 'a:2']);
    expect(run.stderr).toBe('国家发展改革委 is listed apart (b: 3 tasks): perhaps the same body as 发展改革委; plan dept 国家发展改革委 shows its tasks, plan tasks --dept 发展改革委,国家发展改革委 those of both\n');
    expect(plan(['--plan', dir, 'dept', '国家发展改革委']).stderr).toBe('发展改革委 另列（a: 2 项任务），可能与 国家发展改革委 是同一单位：plan dept 发展改革委 列出其任务，plan tasks --dept 国家发展改革委,发展改革委 列出两者的任务\n');
    expect(plan(['--plan', dir, 'tasks', '--dept', '发展改革委,国家发展改革委']).stdout.trimEnd().split('\n')).toHaveLength(5);
  });

  it('says nothing where there is no such other name', () => {
    expect(plan(['--plan', dir, 'dept', '财政部']).stderr).toBe('');
    expect(plan(['--plan', path.join(dir, 'a.yaml'), 'dept', '发展改革委']).stderr).toBe('');
  });
});

describe('plan dept across plans: a name one plan writes out and another only reads', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-across-'));
  const planOf = (title: string, names: string[]) => [
    `title: ${title}`, 'departments:', ...names.map((n) => `  - name: ${n}`), 'tasks:',
    ...names.map((n, i) => [`  - id: ${i + 1}`, `    text: 任务${i + 1}。`, `    departments: [${n}]`, '    responsibility: sole']).flat(), '',
  ].join('\n');
  writeFileSync(path.join(dir, 'city.yaml'), planOf('市', ['重庆海关', '市质监局', '市教委']));
  writeFileSync(path.join(dir, 'state.yaml'), planOf('国', ['海关总署', '市场监管总局', '教育部']));

  it.each([
    // 重庆海关 without its place in one plan, the start of 海关总署's name in the other: either.
    { name: '海关', stderr: 'plan: department "海关" is ambiguous across the plans loaded: it could be 重庆海关, 海关总署; name one, or give them all: --dept 重庆海关,海关总署\n' },
    // Read in each plan as its own body (a slip of 质监, a later name): either.
    { name: '质检', stderr: /^plan: department "质检" is ambiguous across the plans loaded: it could be .*(市质监局.*市场监管总局|市场监管总局.*市质监局)/ },
  ])('$name is ambiguous, in dept and in the --dept filter', ({ name, stderr }) => {
    for (const args of [['dept', name], ['tasks', '--dept', name]]) {
      const run = plan(['--plan', dir, ...args], { LANG: 'C.UTF-8' });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(stderr);
    }
  });

  it('a name as a plan writes it answers as it is, across plans too', () => {
    expect(plan(['--plan', dir, 'dept', '海关总署', '--json']).code).toBe(0);
    expect(plan(['--plan', path.join(dir, 'city.yaml'), 'dept', '海关', '--json']).code).toBe(0);
  });
});
