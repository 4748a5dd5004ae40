// Department names given to the built bin/plan.js: guesses said on stderr in every format, two names to
// `plan dept`, lists given to --dept.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;

function plan(args: string[]) {
  const env = { ...process.env, NO_COLOR: undefined, PLAN_FILE: undefined, COLUMNS: '100', PLAN_LANG: 'en' } as NodeJS.ProcessEnv;
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

describe('in Chinese (--lang zh)', () => {
  it('says the guess in Chinese', () => {
    const run = plan(['dept', '工信局', '--json', '--lang', 'zh']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('工信局 → 市经济信息委（重庆市经济和信息化委员会）（同一职能：工信即经济和信息化）\n');
  });

  it.each([
    ['质检局', '质检局 → 市质监局（重庆市质量技术监督局）（监误作检，同音 jian）\n'],
    ['市卫健委', '市卫健委 → 市卫生计生委（重庆市卫生和计划生育委员会）（后来的名称：卫健涵盖卫生、人口和计划生育，2018 年起的名称）\n'],
  ])('plan tasks --dept %s', (name, note) => {
    expect(plan(['tasks', '--dept', name, '--json', '--lang', 'zh']).stderr).toBe(note);
  });

  it.each([
    ['商务局', 'plan: 单位“商务局”有歧义：可能是 市外经贸委、市商委（商务涵盖商业、对外贸易经济合作）；请选其一，或全部给出：--dept 市外经贸委,市商委\n'],
    ['审计局', 'plan: 未知单位“审计局”：本计划中没有负责这一职能的单位（审计）（plan depts 列出全部）\n'],
    ['工信部', 'plan: 未知单位“工信部”：是国家级机关，不在本计划中（工信即经济和信息化）；是否指 市经济信息委？（plan depts 列出全部）\n'],
  ])('refuses %s in Chinese', (name, message) => {
    const run = plan(['dept', name, '--lang', 'zh']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(message);
  });

  it('two names to plan dept', () => {
    expect(plan(['dept', '质监局', '林业局', '--lang', 'zh']).stderr)
      .toBe('plan: plan dept 只查一个单位，这里给了 2 个：要看其中任一单位的任务，用 plan tasks --dept 市质监局 --dept 市林业局（或 --dept 市质监局,市林业局）\n');
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
