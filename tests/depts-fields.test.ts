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
      { department: '市质监局', full_name: '测试市质量技术监督局', full_name_confirmed: true, aliases: ['质监局'], group: false, total: 1, lead: 0, sole: 0, shared: 1 },
      { department: '市科委', full_name: '测试市科学技术委员会', full_name_confirmed: false, aliases: [], group: false, total: 1, lead: 0, sole: 0, shared: 1 },
      { department: '市口岸办', full_name: null, full_name_confirmed: null, aliases: [], group: false, total: 1, lead: 0, sole: 0, shared: 1 },
    ]);
  });

  it('TSV, one plan: a column beside full_name', () => {
    expect(plan(['--plan', A, 'depts', '--header']).stdout).toBe([
      'department\tfull_name\tfull_name_confirmed\tgroup\ttotal\tlead\tsole\tshared',
      '市质监局\t测试市质量技术监督局\ttrue\tfalse\t1\t0\t0\t1',
      '市科委\t测试市科学技术委员会\tfalse\tfalse\t1\t0\t0\t1',
      '市口岸办\t\t\tfalse\t1\t0\t0\t1',
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
