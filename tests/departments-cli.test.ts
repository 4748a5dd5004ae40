// Department names given to the built bin/plan.js: guesses said on stderr in every format, two names to
// `plan dept`, lists given to --dept.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;

function plan(args: string[]) {
  const env = { ...process.env, NO_COLOR: undefined, PLAN_FILE: undefined, COLUMNS: '100' } as NodeJS.ProcessEnv;
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 20000 });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

const ids = (stdout: string) => JSON.parse(stdout).map((t: { id: number }) => t.id);
const NOTE = '工信局 → 市经济信息委（重庆市经济和信息化委员会） (the same remit: 工信 = economy and information technology)\n';

describe('a guessed name is said on stderr in every format', () => {
  it.each(['json', 'ndjson', 'csv', 'tsv', 'yaml', 'markdown', 'table'])('plan dept 工信局 --format %s', (format) => {
    const run = plan(['dept', '工信局', '--format', format]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(NOTE);
    expect(run.stdout).not.toContain('→');
  });

  it.each([['tasks'], ['stats', '--view', 'partners'], ['search', '质量']])('plan %s --dept 工信局 says it too', (...args) => {
    const [command, ...rest] = args;
    const run = plan([command!, ...rest, '--dept', '工信局', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(NOTE);
  });

  it('the same tasks as the department found', () => {
    expect(plan(['tasks', '--dept', '工信局', '--json']).stdout).toBe(plan(['tasks', '--dept', '市经济信息委', '--json']).stdout);
  });

  it('no note for the registry\'s own spellings', () => {
    for (const name of ['市质监局', '质监局', '重庆市质量技术监督局']) expect(plan(['dept', name, '--json']).stderr).toBe('');
  });

  it('what the user typed reaches stderr neutralised', () => {
    const run = plan(['dept', '质检局\u001b[31m', '--json']);
    expect(run.stderr).not.toContain('\u001b');
  });
});

describe('several departments', () => {
  it('plan dept with two names points to --dept', () => {
    const run = plan(['dept', '质监局', '林业局']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('plan: plan dept takes one department, not 2: for the tasks of any of them, plan tasks --dept 市质监局 --dept 市林业局 (or --dept 市质监局,市林业局)\n');
  });

  it('a name split by spaces is still one name', () => {
    expect(plan(['dept', 'zhi', 'jian', 'ju', '--json']).code).toBe(0);
    expect(plan(['dept', '质', '监', '局', '--json']).stdout).toBe(plan(['dept', '质监局', '--json']).stdout);
  });

  it.each(['林业局,邮政管理局', '林业局、邮政管理局', '林业局，邮政管理局'])('--dept %s is either department', (value) => {
    const run = plan(['tasks', '--dept', value, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(ids(run.stdout)).toEqual([12, 30, 36, 38, 64]);
  });

  it('--dept with no name in it is a usage error', () => {
    const run = plan(['tasks', '--dept', ',']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('plan: --dept "," names no department: give a name, e.g. --dept 质监局 (plan depts lists all)\n');
  });
});
