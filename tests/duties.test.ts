// plan dept: one order in every format — what the department leads, then alone, with others, shared, the rest —
// over one plan and over two (tests/fixtures/duties/: 财政部 does each kind of duty, in another order than that).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixturePath } from './helpers.js';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;
const TWO = fixturePath('duties');
const ONE = fixturePath('duties/a.yaml');

function plan(args: string[], env: Record<string, string> = {}) {
  const clean = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, PLAN_FILE: undefined, PLAN_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'C.UTF-8', COLUMNS: '100', TERM: 'xterm' };
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { ...clean, ...env } as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 20000 });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

const expected = (name: string) => readFileSync(fixturePath(`duties/expected/${name}`), 'utf8');

// The sheet's order over two plans: each kind across both, in plan order within it.
const ORDER_TWO = ['a:4', 'b:2', 'a:3', 'b:3', 'a:5', 'b:1', 'a:1', 'b:4', 'a:2'];
const ORDER_ONE = ['4', '3', '5', '1', '2'];

describe('plan dept: leads first in every format', () => {
  it('JSON, two plans: exactly the expected records, each with its duty', () => {
    const run = plan(['--plan', TWO, 'dept', '财政部', '--json']);
    expect(run).toEqual({ stdout: expected('dept-two.json'), stderr: '', code: 0 });
  });

  it('JSON, one plan: exactly the expected records, plain ids, no plan field', () => {
    const run = plan(['--plan', ONE, 'dept', '财政部', '--json']);
    expect(run).toEqual({ stdout: expected('dept-a.json'), stderr: '', code: 0 });
  });

  it('TSV, two plans: exactly, with the duty column', () => {
    expect(plan(['--plan', TWO, 'dept', '财政部', '--header']).stdout).toBe([
      'id\tpart\tsection\tresponsibility\tdepartments\ttext\tpartners\tduty',
      'a:4\t1\t一、\tled\t财政部、教育部\t甲四财政部牵头，教育部参与。\t教育部\tleads',
      'b:2\t\t\tled\t财政部、商务部\t乙二财政部牵头，商务部参与。\t商务部\tleads',
      'a:3\t1\t一、\tsole\t财政部\t甲三财政部负责。\t\tsole',
      'b:3\t\t\tsole\t财政部\t乙三财政部负责。\t\tsole',
      'a:5\t1\t一、\tsole\t财政部、教育部\t甲五财政部、教育部负责。\t教育部\ttogether',
      'b:1\t\t\tsole\t商务部、财政部\t乙一商务部、财政部负责。\t商务部\ttogether',
      'a:1\t1\t一、\tshared\t商务部、财政部\t甲一按职责分工负责。\t商务部\tshared',
      'b:4\t\t\tshared\t财政部、商务部\t乙四按职责分工负责。\t商务部\tshared',
      'a:2\t1\t一、\tled\t商务部、财政部\t甲二商务部牵头，财政部参与。\t商务部\tother',
      '',
    ].join('\n'));
  });

  it('TSV, one plan: exactly', () => {
    expect(plan(['--plan', ONE, 'dept', '财政部']).stdout).toBe([
      '4\t1\t一、\tled\t财政部、教育部\t甲四财政部牵头，教育部参与。\t教育部\tleads',
      '3\t1\t一、\tsole\t财政部\t甲三财政部负责。\t\tsole',
      '5\t1\t一、\tsole\t财政部、教育部\t甲五财政部、教育部负责。\t教育部\ttogether',
      '1\t1\t一、\tshared\t商务部、财政部\t甲一按职责分工负责。\t商务部\tshared',
      '2\t1\t一、\tled\t商务部、财政部\t甲二商务部牵头，财政部参与。\t商务部\tother',
      '',
    ].join('\n'));
  });

  const firstCells = (text: string, pattern: RegExp) => text.split('\n').flatMap((line) => pattern.exec(line)?.[1] ?? []);
  it.each([
    { format: 'csv', ids: (out: string) => firstCells(out.replace(/^\uFEFF/, ''), /^([\w:]+),/).slice(1) },
    { format: 'ndjson', ids: (out: string) => out.trimEnd().split('\n').map((line) => String(JSON.parse(line).id)) },
    { format: 'yaml', ids: (out: string) => (parse(out) as { id: unknown }[]).map((r) => String(r.id)) },
    { format: 'markdown', ids: (out: string) => firstCells(out, /^\| ((?:\w+:)?\d+) \|/) },
    { format: 'table', ids: (out: string) => firstCells(out, /^│ +((?:\w+:)?\d+) │/) },
  ])('$format: the same order, over two plans and over one', ({ format, ids }) => {
    expect(ids(plan(['--plan', TWO, 'dept', '财政部', '--format', format]).stdout)).toEqual(ORDER_TWO);
    expect(ids(plan(['--plan', ONE, 'dept', '财政部', '--format', format]).stdout)).toEqual(ORDER_ONE);
  });

  it('markdown, like the terminal, titles each group; the plans are a list', () => {
    const out = plan(['--plan', TWO, 'dept', '财政部', '--format', 'markdown']).stdout;
    expect(firstCells(out, /^\*\*(.+)\*\*$/)).toEqual(['Leads (牵头): 2', 'Alone (负责): 2', 'With others (A、B负责): 2', 'Shared (按职责分工负责): 2', 'Guides or takes part (指导/参与/配合): 1']);
    expect(out).toContain('in 2 of 2 plans:\n\n- a（测发〔2020〕1号）: 5 tasks — leads 1, alone 1, with others 1, shared 1, guides or takes part 1\n- b: 4 tasks — leads 1, alone 1, with others 1, shared 1\n\n');
  });

  it('each plan\'s counts are those of the groups (A、B负责 is "with others", not "alone")', () => {
    const out = plan(['--plan', TWO, 'dept', '财政部', '--format', 'table', '--lang', 'zh'], { COLUMNS: '160' }).stdout;
    expect(out).toContain('  a（测发〔2020〕1号）: 5 项任务 — 牵头 1，负责 1，与其他单位共同负责 1，按职责分工负责 1，指导或参与 1\n  b: 4 项任务 — 牵头 1，负责 1，与其他单位共同负责 1，按职责分工负责 1\n');
  });

  it('--limit keeps the first of the sheet: what it leads', () => {
    expect(plan(['--plan', TWO, 'dept', '财政部', '--limit', '3']).stdout.split('\n').map((l) => l.split('\t')[0])).toEqual(['a:4', 'b:2', 'a:3', '']);
  });

  it('plan tasks --dept keeps plan order: it filters, and --dept may name several', () => {
    const ids = (args: string[]) => JSON.parse(plan(args).stdout).map((r: { id: string }) => r.id);
    expect(ids(['--plan', TWO, 'tasks', '--dept', '财政部', '--json'])).toEqual(['a:1', 'a:2', 'a:3', 'a:4', 'a:5', 'b:1', 'b:2', 'b:3', 'b:4']);
  });
});
