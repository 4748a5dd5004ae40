// plan depts: whether a full name is confirmed, under the plan file's own name (full_name_confirmed), in every
// data format, over one plan and over two that differ (tests/fixtures/names/).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fixturePath } from './helpers.js';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;

function plan(args: string[]) {
  const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, PLAN_FILE: undefined, PLAN_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'C.UTF-8', COLUMNS: '100', TERM: 'xterm' };
  const result = spawnSync(process.execPath, [BIN, ...args], { env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 20000 });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

const A = fixturePath('names/a.yaml');
const BOTH = fixturePath('names');

describe('full_name_confirmed', () => {
  it('JSON, one plan: true, false, or null where there is no full name', () => {
    expect(JSON.parse(plan(['--plan', A, 'depts', '--json']).stdout)).toEqual([
      { department: '市质监局', full_name: '测试市质量技术监督局', full_name_confirmed: true, aliases: ['质监局'], group: false, total: 1, lead: 0, sole: 0, shared: 1, led: 0, guided: 0 },
      { department: '市科委', full_name: '测试市科学技术委员会', full_name_confirmed: false, aliases: [], group: false, total: 1, lead: 0, sole: 0, shared: 1, led: 0, guided: 0 },
      { department: '市口岸办', full_name: null, full_name_confirmed: null, aliases: [], group: false, total: 1, lead: 0, sole: 0, shared: 1, led: 0, guided: 0 },
    ]);
  });

  it('TSV, one plan: a column beside full_name', () => {
    expect(plan(['--plan', A, 'depts', '--header']).stdout).toBe([
      'department\tfull_name\tfull_name_confirmed\tgroup\ttotal\tlead\tsole\tshared\tled\tguided',
      '市质监局\t测试市质量技术监督局\ttrue\tfalse\t1\t0\t0\t1\t0\t0',
      '市科委\t测试市科学技术委员会\tfalse\tfalse\t1\t0\t0\t1\t0\t0',
      '市口岸办\t\t\tfalse\t1\t0\t0\t1\t0\t0',
      '',
    ].join('\n'));
  });

  it('two plans: confirmed where either confirms it; a full name only one has, with its confirmation', () => {
    const rows = JSON.parse(plan(['--plan', BOTH, 'depts', '--json']).stdout);
    expect(rows.map((r: Record<string, unknown>) => [r.department, r.full_name, r.full_name_confirmed])).toEqual([
      ['市科委', '测试市科学技术委员会', true],
      ['市口岸办', '测试市人民政府口岸办公室', false],
      ['市质监局', '测试市质量技术监督局', true],
    ]);
  });

  it('the same fields in yaml and ndjson', () => {
    expect(plan(['--plan', A, 'depts', '--format', 'yaml']).stdout).toContain('- department: 市科委\n  full_name: 测试市科学技术委员会\n  full_name_confirmed: false\n');
    expect(JSON.parse(plan(['--plan', A, 'depts', '--format', 'ndjson']).stdout.split('\n')[2]!)).toMatchObject({ department: '市口岸办', full_name: null, full_name_confirmed: null });
  });

  it('plan dept says a full name is not confirmed, in the user\'s language', () => {
    expect(plan(['--plan', A, 'dept', '市科委', '--format', 'table']).stdout.split('\n')[0]).toBe('市科委 — 测试市科学技术委员会 (full name not confirmed)');
    expect(plan(['--plan', A, 'dept', '市科委', '--format', 'table', '--lang', 'zh']).stdout.split('\n')[0]).toBe('市科委 — 测试市科学技术委员会（全称未经确认）');
    expect(plan(['--plan', A, 'dept', '市质监局', '--format', 'table']).stdout.split('\n')[0]).toBe('市质监局 — 测试市质量技术监督局');
  });
});

describe('counts by responsibility add up to the total', () => {
  const DUTIES = fixturePath('duties');

  it('depts and stats workload: sole + shared + led + guided = total; lead counts those it leads among them', () => {
    const [depts] = JSON.parse(plan(['--plan', DUTIES, 'depts', '--json']).stdout);
    expect(depts).toMatchObject({ department: '财政部', total: 9, lead: 2, sole: 4, shared: 2, led: 3, guided: 0 });
    const [workload] = JSON.parse(plan(['--plan', DUTIES, 'stats', '--view', 'workload', '--json']).stdout);
    expect(workload).toMatchObject({ department: '财政部', total: 9, lead: 2, sole: 4, shared: 2, led: 3, guided: 0 });
    expect(plan(['--plan', DUTIES, 'depts', '--header']).stdout.split('\n').slice(0, 2)).toEqual([
      'department\tfull_name\tfull_name_confirmed\tgroup\ttotal\tlead\tsole\tshared\tled\tguided\tplan_count\tin',
      '财政部\t\t\tfalse\t9\t2\t4\t2\t3\t0\t2\ta 5, b 4',
    ]);
  });

  it('a table shows lead, and the led and guided tasks in one column, where a plan has them, and not where none has', () => {
    const header = (args: string[]) => plan([...args, '--format', 'table']).stdout.split('\n')[1];
    expect(header(['--plan', DUTIES, 'depts'])).toMatch(/│ total │ lead │ sole │ shared │ led\/guided │ plans │/);
    expect(header(['--plan', fixturePath('duties/a.yaml'), 'depts', '--lang', 'zh'])).toMatch(/│ 合计 │ 牵头 │ 负责 │ 分工负责 │ 牵头\/指导类 │/);
    expect(header(['depts'])).toMatch(/│ total │ sole │ shared │ +│$/);
    expect(plan(['depts', '--header']).stdout.split('\n')[0]).toContain('\ttotal\tlead\tsole\t'); // data formats always
  });
});
