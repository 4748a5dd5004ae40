// Several plans at once (SPEC "Many plans"): the folder and file lists, the merge, qualified ids, filters across
// plans, and the built CLI over tests/fixtures/plans/ (three small plans and a README that is not one).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../src/errors.js';
import { lookup } from '../src/plan/lookup.js';
import { mergePlans, openPlans, planFiles, planIds, planPaths } from '../src/plan/plans.js';
import { filterTasks } from '../src/query/filter.js';
import { parsePartAcross, parsePlanIds, parseTaskRefs } from '../src/query/plans.js';
import { searchTasks } from '../src/query/search.js';
import { fixturePath, smallPlan } from './helpers.js';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;
const PLANS = fixturePath('plans');
const at = (name: string) => path.join(PLANS, name);
const loaded = await openPlans([{ file: PLANS }]);
const { plan: merged, members } = loaded;

interface Run { stdout: string; stderr: string; code: number | null }

function plan(args: string[], env: Record<string, string | undefined> = {}): Run {
  const clean = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, PLAN_FILE: undefined, COLUMNS: '100', TERM: 'xterm' };
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { ...clean, ...env } as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 20000 });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

const json = (run: Run) => JSON.parse(run.stdout);

describe('which files a --plan stands for', () => {
  it('a folder: its *.yaml and *.yml files sorted, other files skipped', () => {
    expect(planFiles(PLANS)).toEqual({ files: [at('gf2018-39.yaml'), at('gf2019-3.yaml'), at('zone.yml')], skipped: [at('README.md')] });
  });

  it('a file is itself, even one with another extension', () => {
    expect(planFiles(fixturePath('small-plan.yaml'))).toEqual({ files: [fixturePath('small-plan.yaml')], skipped: [] });
    expect(planFiles(at('README.md'))).toEqual({ files: [at('README.md')], skipped: [] });
  });

  it('a folder with no plan file is refused (exit 3), hidden files and subfolders not counted', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-empty-'));
    mkdirSync(path.join(dir, 'sub.yaml'));
    writeFileSync(path.join(dir, '.hidden.yaml'), 'title: x\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    expect(() => planFiles(dir)).toThrow(/has no plan file \(\*\.yaml or \*\.yml\)/);
    try {
      planFiles(dir);
    } catch (error) {
      expect((error as PlanError).exitCode).toBe(3);
    }
  });

  it.each([
    { files: ['a/gf2018-39.yaml', 'b/gf2019-3.yml'], expected: ['gf2018-39', 'gf2019-3'] },
    { files: ['a/plan.yaml', 'b/plan.yaml', 'c/plan.yml'], expected: ['plan', 'plan-2', 'plan-3'] },
    { files: ['a/plan-2.yaml', 'b/plan.yaml', 'c/plan.yaml'], expected: ['plan-2', 'plan', 'plan-3'] },
    { files: ['a/x:y.yaml', 'b/国发 3号.yaml'], expected: ['x-y', '国发-3号'] },
  ])('ids $files → $expected', ({ files, expected }) => {
    expect(planIds(files)).toEqual(expected);
  });

  it('PLAN_FILE: one path, or several joined by the path delimiter', () => {
    expect(planPaths(PLANS)).toEqual([PLANS]);
    expect(planPaths(`${at('zone.yml')}${path.delimiter}${at('gf2019-3.yaml')}`)).toEqual([at('zone.yml'), at('gf2019-3.yaml')]);
    expect(planPaths('missing.yaml')).toEqual(['missing.yaml']);
  });
});

describe('plans merged into one', () => {
  it('keeps every task in plan order, renumbered, with its origin', () => {
    expect(merged.tasks.map((t) => t.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(merged.tasks.map((t) => lookup(merged).label(t))).toEqual(['gf2018-39:1', 'gf2018-39:2', 'gf2018-39:3', 'gf2018-39:4', 'gf2019-3:1', 'gf2019-3:2', 'gf2019-3:3', 'zone:1', 'zone:2']);
    expect(merged.tasks.map((t) => t.number)).toEqual(['（一）', '（二）', '（三）', '（四）', '1', '2', '3', '1', '2']);
  });

  it('merges departments of the same name: aliases united, a full name kept', () => {
    const byName = new Map(merged.departments.map((d) => [d.name, d]));
    expect(merged.departments.map((d) => d.name)).toEqual(['人力资源社会保障部', '财政部', '教育部', '各省级人民政府', '海关总署', '商务部', '质检总局']);
    expect(byName.get('财政部')).toEqual({ name: '财政部', fullName: '中华人民共和国财政部', aliases: ['财政'], group: false });
    expect(byName.get('商务部')!.aliases).toEqual(['商务']);
  });

  it('a full name that differs between plans becomes an alias', () => {
    const other = { ...smallPlan, departments: smallPlan.departments.map((d) => (d.name === '市质监局' ? { ...d, fullName: '另一个名字' } : d)) };
    const plan = mergePlans([{ id: 'a', file: 'a.yaml', plan: smallPlan }, { id: 'b', file: 'b.yaml', plan: other }]);
    expect(plan.departments.find((d) => d.name === '市质监局')).toEqual({ name: '市质监局', fullName: '测试市质量技术监督局', aliases: ['质监局', '另一个名字'], group: false });
  });

  it.each([
    {
      name: 'a full name only the second plan has is taken with its confirmation',
      first: { fullName: undefined }, second: { fullName: '全称甲', fullNameConfirmed: false as const },
      expected: { fullName: '全称甲', fullNameConfirmed: false, aliases: ['质监局'] },
    },
    {
      name: 'the same full name, confirmed by the second plan, is confirmed',
      first: { fullName: '全称甲', fullNameConfirmed: false as const }, second: { fullName: '全称甲' },
      expected: { fullName: '全称甲', aliases: ['质监局'] },
    },
    {
      name: 'a confirmed full name is kept over an unconfirmed first one, which becomes an alias',
      first: { fullName: '全称甲', fullNameConfirmed: false as const }, second: { fullName: '全称乙' },
      expected: { fullName: '全称乙', aliases: ['质监局', '全称甲'] },
    },
    {
      name: 'an unconfirmed full name does not replace a confirmed one',
      first: { fullName: '全称甲' }, second: { fullName: '全称乙', fullNameConfirmed: false as const },
      expected: { fullName: '全称甲', aliases: ['质监局', '全称乙'] },
    },
  ])('$name', ({ first, second, expected }) => {
    const withName = (fields: object) => ({ ...smallPlan, departments: smallPlan.departments.map((d) => {
      if (d.name !== '市质监局') return d;
      const rest: Partial<typeof d> = { ...d };
      delete rest.fullName;
      delete rest.fullNameConfirmed;
      return JSON.parse(JSON.stringify({ ...rest, ...fields }));
    }) });
    const plan = mergePlans([{ id: 'a', file: 'a.yaml', plan: withName(first) }, { id: 'b', file: 'b.yaml', plan: withName(second) }]);
    expect(plan.departments.find((d) => d.name === '市质监局')).toEqual({ name: '市质监局', group: false, ...expected });
  });

  it('records say their plan, with the id qualified and headings as the plan has them', () => {
    const record = lookup(merged).record(merged.tasks[6]!);
    expect(record).toMatchObject({
      id: 'gf2019-3:3',
      number: '3',
      plan: { id: 'gf2019-3', title: '关于促进综合保税区发展的测试意见', number: '国发〔2019〕3号' },
      part: { id: 2, title: '主要任务' },
      section: { id: 2, title: '推动产业升级。' },
      headings: ['二、主要任务', '（二）推动产业升级。'],
    });
    expect(Object.keys(record).slice(0, 3)).toEqual(['id', 'number', 'plan']);
    expect(lookup(merged).record(merged.tasks[7]!).plan).toEqual({ id: 'zone', title: '测试试验区改革措施', number: null });
  });

  it('one plan stays itself: no merge, plain ids, no plan in the records', async () => {
    const one = await openPlans([{ file: fixturePath('small-plan.yaml') }]);
    expect(one.plan.merged).toBeUndefined();
    expect(lookup(one.plan).record(one.plan.tasks[0]!)).not.toHaveProperty('plan');
    expect(lookup(one.plan).label(one.plan.tasks[0]!)).toBe('1');
  });

  it('a file named twice is read once', async () => {
    const twice = await openPlans([{ file: at('zone.yml') }, { file: PLANS }]);
    expect(twice.members.map((m) => m.id)).toEqual(['zone', 'gf2018-39', 'gf2019-3']);
  });
});

describe('input across plans', () => {
  const refs = (inputs: string[]) => parseTaskRefs(merged, members, inputs).map((id) => lookup(merged).label(merged.tasks[id - 1]!));

  it.each([
    { inputs: ['gf2018-39:3'], expected: ['gf2018-39:3'] },
    { inputs: ['gf2018-39:2-4'], expected: ['gf2018-39:2', 'gf2018-39:3', 'gf2018-39:4'] },
    { inputs: ['gf2018-39：2～3', 'zone:1'], expected: ['gf2018-39:2', 'gf2018-39:3', 'zone:1'] },
    { inputs: ['GF2019-3:1,zone:2'], expected: ['gf2019-3:1', 'zone:2'] },
    { inputs: ['4'], expected: ['gf2018-39:4'] },
    { inputs: ['国发〔2019〕3号:2'], expected: ['gf2019-3:2'] },
    { inputs: ['gf2018-39:2-gf2018-39:3'], expected: ['gf2018-39:2', 'gf2018-39:3'] },
    // The plan named in a list holds for the ids after it there.
    { inputs: ['gf2018-39:2,3'], expected: ['gf2018-39:2', 'gf2018-39:3'] },
    { inputs: ['zone:1,gf2019-3:1,2'], expected: ['zone:1', 'gf2019-3:1', 'gf2019-3:2'] },
  ])('show $inputs', ({ inputs, expected }) => {
    expect(refs(inputs)).toEqual(expected);
  });

  it.each([
    { inputs: ['3'], message: 'task "3" is in 2 plans: give one of gf2018-39:3, gf2019-3:3' },
    { inputs: ['1-2'], message: 'task "1-2" is in 3 plans: give one of gf2018-39:1-2, gf2019-3:1-2, zone:1-2' },
    { inputs: ['nope:1'], message: 'no plan "nope" is loaded: give a plan\'s id, file, 文号 or words of its title (loaded: gf2018-39, gf2019-3, zone; plan plans lists them)' },
    { inputs: ['zone:9'], message: 'there is no task zone:9: the tasks of zone are 1, 2' },
    { inputs: ['gf2018-39:1-zone:2'], message: 'gf2018-39:1-zone:2 runs from one plan into another: a range is of one plan\'s tasks, such as gf2018-39:1-2' },
    { inputs: ['gf2018-39:4-2'], message: '4-2 runs backwards: a range goes from the lower number up (2-4)' },
  ])('show $inputs is refused', ({ inputs, message }) => {
    expect(() => refs(inputs)).toThrow(message);
  });

  it('--in takes an id, a file name or a 文号', () => {
    expect(parsePlanIds(members, ['zone', '国发〔2018〕39号', 'gf2019-3.yaml'])).toEqual(['zone', 'gf2018-39', 'gf2019-3']);
    expect(parsePlanIds(members, ['zone,ZONE'])).toEqual(['zone']);
    // A 文号 with its year in other brackets; words of one plan's title.
    expect(parsePlanIds(members, ['国发[2019]3号', '国发【2018】39号'])).toEqual(['gf2019-3', 'gf2018-39']);
    expect(parsePlanIds(members, ['综合保税区', '试验区改革'])).toEqual(['gf2019-3', 'zone']);
    expect(parsePlanIds(members, ['2019'])).toEqual(['gf2019-3']); // part of one 文号
    expect(() => parsePlanIds(members, ['国发'])).toThrow(/^"国发" is in the titles or 文号 of several plans: give one of gf2018-39, gf2019-3$/);
    expect(() => parsePlanIds(members, ['测试'])).toThrow(/^"测试" is in the titles or 文号 of several plans: give one of /);
  });

  it('a part is that part of every plan that has one; filters take parts and plans', () => {
    expect(parsePartAcross(merged, '二')).toEqual([2]);
    expect(parsePartAcross(merged, '一')).toEqual([1, 3]);
    expect(() => parsePartAcross(merged, '九')).toThrow(/there is no part "九"/);
    const labels = (filter: Parameters<typeof filterTasks>[1]) => filterTasks(merged, filter).map((t) => lookup(merged).label(t));
    expect(labels({ parts: [1, 3] })).toEqual(['gf2019-3:1', 'zone:1', 'zone:2']);
    expect(labels({ plans: ['zone', 'gf2018-39'], departments: ['财政部'] })).toEqual(['gf2018-39:1', 'gf2018-39:2', 'gf2018-39:3', 'zone:2']);
  });

  it('search ranks the tasks of every plan together', async () => {
    const { results } = await searchTasks(merged, '电梯');
    expect(results.map((r) => lookup(merged).label(r.task))).toEqual(['zone:1', 'gf2019-3:3']);
  });
});

describe('the CLI over a folder of plans', () => {
  it('plan plans lists them: id, 文号, date, tasks, departments, title, file', () => {
    expect(plan(['--plan', PLANS, 'plans'])).toEqual({
      stdout: `gf2018-39\t国发〔2018〕39号\t2018-11-16\t4\t4\t关于做好促进就业工作的测试意见\t${at('gf2018-39.yaml')}\n`
        + `gf2019-3\t国发〔2019〕3号\t2019-01-12\t3\t3\t关于促进综合保税区发展的测试意见\t${at('gf2019-3.yaml')}\n`
        + `zone\t\t2018-11-07\t2\t3\t测试试验区改革措施\t${at('zone.yml')}\n`,
      stderr: '',
      code: 0,
    });
    expect(json(plan(['plans', '--plan', at('zone.yml'), '--json']))).toEqual([
      { id: 'zone', file: at('zone.yml'), title: '测试试验区改革措施', number: null, issuer: null, date: '2018-11-07', tasks: 2, departments: 3 },
    ]);
  });

  it('--plan repeated, PLAN_FILE a folder, PLAN_FILE a list: the same plans', () => {
    const files = ['gf2018-39.yaml', 'gf2019-3.yaml', 'zone.yml'].map(at);
    const folder = plan(['tasks', '--plan', PLANS]).stdout;
    expect(folder.split('\n')[0]).toBe('gf2018-39:1\t\t（一）\tled\t人力资源社会保障部、财政部\t加大稳岗支持力度，对不裁员的企业返还失业保险费。');
    expect(plan(['tasks', ...files.flatMap((f) => ['--plan', f])]).stdout).toBe(folder);
    expect(plan(['tasks'], { PLAN_FILE: PLANS }).stdout).toBe(folder);
    expect(plan(['tasks'], { PLAN_FILE: files.join(path.delimiter) }).stdout).toBe(folder);
  });

  it('one plan in a folder answers exactly as the file does', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-one-'));
    cpSync(fixturePath('small-plan.yaml'), path.join(dir, 'small.yaml'));
    for (const args of [['tasks', '--json'], ['dept', '质监局'], ['stats', '--format', 'table'], ['outline'], ['show', '2']]) {
      expect(plan([...args, '--plan', dir])).toEqual(plan([...args, '--plan', fixturePath('small-plan.yaml')]));
    }
  });

  it('dept across plans: every plan\'s tasks, the plan of each said', () => {
    const records = json(plan(['--plan', PLANS, 'dept', '财政部', '--json']));
    // In the sheet's order, as on a terminal: leads, alone, shared, takes part; each kind in plan order.
    expect(records.map((r: { id: string; plan: { id: string }; duty: string }) => [r.id, r.plan.id, r.duty])).toEqual([
      ['gf2018-39:2', 'gf2018-39', 'leads'], ['gf2019-3:2', 'gf2019-3', 'sole'], ['gf2018-39:3', 'gf2018-39', 'shared'], ['gf2019-3:3', 'gf2019-3', 'shared'], ['zone:2', 'zone', 'shared'],
      ['gf2018-39:1', 'gf2018-39', 'other'],
    ]);
    const table = plan(['--plan', PLANS, 'dept', '财政', '--format', 'table']).stdout;
    expect(table).toContain('in 3 of 3 plans:\n  gf2018-39（国发〔2018〕39号）: 3 tasks — leads 1, shared 1, guides or takes part 1\n  gf2019-3（国发〔2019〕3号）: 2 tasks — alone 1, shared 1\n  zone: 1 task — shared 1\n');
    // What it leads first, then what it does alone, shares, and takes part in: each row's id says its plan.
    const rows = table.split('\n').flatMap((l) => /^(Leads|Alone|Shared|Guides)/.exec(l)?.[1] ?? /^│ +([\w-]+:\d+) │/.exec(l)?.[1] ?? []);
    expect(rows).toEqual(['Leads', 'gf2018-39:2', 'Alone', 'gf2019-3:2', 'Shared', 'gf2018-39:3', 'gf2019-3:3', 'zone:2', 'Guides', 'gf2018-39:1']);
  });

  it('a name in one plan\'s registry only resolves across all (海关 is gf2019-3\'s alias of 海关总署)', () => {
    const run = plan(['--plan', PLANS, 'tasks', '--dept', '海关', '--json']);
    expect(json(run).map((r: { id: string }) => r.id)).toEqual(['gf2019-3:1', 'gf2019-3:3']);
  });

  it('show takes qualified ids and ranges; a plain id several plans have exits 2', () => {
    expect(json(plan(['--plan', PLANS, 'show', 'gf2018-39:2-3', 'zone:1', '--json'])).map((r: { id: string }) => r.id)).toEqual(['gf2018-39:2', 'gf2018-39:3', 'zone:1']);
    expect(plan(['--plan', PLANS, 'show', '1'])).toEqual({ stdout: '', stderr: 'plan: task "1" is in 3 plans: give one of gf2018-39:1, gf2019-3:1, zone:1\n', code: 2 });
  });

  it.each([
    { args: ['show', '99'], stderr: 'plan: there is no task 99 in any of the 3 plans: their tasks are gf2018-39 1–4; gf2019-3 1–3; zone 1, 2\n' },
    { args: ['show', 'gf2019-3:99'], stderr: 'plan: there is no task gf2019-3:99: the tasks of gf2019-3 are 1–3\n' },
    { args: ['show', 'gf2019-3:2-9'], stderr: 'plan: there is no task gf2019-3:4: the tasks of gf2019-3 are 1–3\n' },
    { args: ['show', 'zone:9', '--lang', 'zh'], stderr: 'plan: 没有任务 zone:9：zone 的任务编号为 1, 2\n' },
  ])('a task no plan has names the plans and their tasks: $args', ({ args, stderr }) => {
    expect(plan(['--plan', PLANS, ...args])).toEqual({ stdout: '', stderr, code: 2 });
  });

  it('--in narrows tasks, search and stats to some of the plans', () => {
    expect(plan(['--plan', PLANS, 'tasks', '--in', 'zone']).stdout).toBe('zone:1\t1\t（一）\tsole\t质检总局\t开展电梯安全监管试点。\nzone:2\t1\t（一）\tshared\t商务部、财政部\t支持试验区开展跨境电商业务，落实财政支持政策。\n');
    expect(json(plan(['--plan', PLANS, 'search', '电梯', '--in', 'gf2019-3', '--json'])).map((r: { id: string }) => r.id)).toEqual(['gf2019-3:3']);
    expect(json(plan(['--plan', PLANS, 'stats', '--view', 'workload', '--in', 'gf2018-39', '--json']))[0]).toMatchObject({ department: '人力资源社会保障部', total: 3 });
    expect(plan(['--plan', PLANS, 'tasks', '--in', 'nope']).code).toBe(2);
  });

  it('search ranks every plan\'s tasks together, ids qualified', () => {
    expect(plan(['--plan', PLANS, 'search', '跨境电商']).stdout.split('\n').map((l) => l.split('\t')[0])).toEqual(['zone:2', 'gf2019-3:3', '']);
  });

  it('depts: departments of the same name merged, with the plans each is in', () => {
    const [first] = json(plan(['--plan', PLANS, 'depts', '--json']));
    expect(first).toMatchObject({ department: '财政部', total: 6, lead: 1, plans: { 'gf2018-39': 3, 'gf2019-3': 2, zone: 1 } });
  });

  it('stats: department × plan, and pairs with qualified ids', () => {
    const matrix = json(plan(['--plan', PLANS, 'stats', '--view', 'matrix', '--json']));
    expect(matrix[0]).toEqual({ department: '财政部', group: false, total: 6, plans: { 'gf2018-39': 3, 'gf2019-3': 2, zone: 1 } });
    const pairs = json(plan(['--plan', PLANS, 'stats', '--view', 'pairs', '--json']));
    expect(pairs[2]).toEqual({ department: '商务部', partner: '财政部', count: 2, tasks: ['gf2019-3:3', 'zone:2'] });
  });

  it('outline: one per plan, task ids qualified in data formats', () => {
    const rows = json(plan(['--plan', PLANS, 'outline', '--json']));
    expect(rows.map((r: { plan: { id: string }; tasks: string[] }) => [r.plan.id, r.tasks])).toEqual([
      ['gf2018-39', ['gf2018-39:1', 'gf2018-39:2']], ['gf2018-39', ['gf2018-39:3', 'gf2018-39:4']],
      ['gf2019-3', ['gf2019-3:1']], ['gf2019-3', ['gf2019-3:2']], ['gf2019-3', ['gf2019-3:3']], ['zone', ['zone:1', 'zone:2']],
    ]);
    expect(plan(['--plan', PLANS, 'outline', '--format', 'table']).stdout).toMatch(/^gf2018-39 {2}国发〔2018〕39号 {2}关于做好促进就业工作的测试意见: /);
    expect(json(plan(['--plan', PLANS, 'outline', '--part', '二', '--json'])).map((r: { plan: { id: string } }) => r.plan.id)).toEqual(['gf2019-3', 'gf2019-3']);
  });

  it('validate checks every plan of a folder', () => {
    expect(plan(['validate', PLANS]).stdout.trimEnd().split('\n').map((l) => l.split('\t').slice(0, 2).join(' '))).toEqual([
      `${at('gf2018-39.yaml')} valid`, `${at('gf2019-3.yaml')} valid`, `${at('zone.yml')} valid`,
    ]);
  });

  it('an invalid plan in a folder is refused with its file named (exit 3)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-bad-'));
    cpSync(PLANS, dir, { recursive: true });
    writeFileSync(path.join(dir, 'broken.yaml'), 'title: x\ntasks: 3\n');
    const run = plan(['--plan', dir, 'tasks']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^plan: .*broken\.yaml is not a valid plan/);
  });
});

describe('a folder is cached by content', () => {
  it('a changed file is never answered from the cache, even with its size and time kept', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-cached-'));
    const folder = path.join(dir, 'plans');
    const cache = path.join(dir, 'cache');
    cpSync(PLANS, folder, { recursive: true });
    const run = () => plan(['--plan', folder, 'tasks', '--dept', '质检总局', '--json'], { PLAN_CACHE_DIR: cache });
    expect(json(run()).map((r: { text: string }) => r.text)).toEqual(['开展电梯安全监管试点。']);
    expect(readdirSync(cache).length).toBeGreaterThan(0);
    expect(json(run()).map((r: { text: string }) => r.text)).toEqual(['开展电梯安全监管试点。']);
    // Same length in bytes (two characters for two), same modification time: only the content tells.
    const file = path.join(folder, 'zone.yml');
    const { atime, mtime } = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('开展电梯安全监管试点。', '开展锅炉安全监管试点。'));
    utimesSync(file, atime, mtime);
    expect(json(run()).map((r: { text: string }) => r.text)).toEqual(['开展锅炉安全监管试点。']);
  });

  it('an entry for each plan of the folder; a damaged entry is a miss, never a wrong answer or a failure', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-damaged-'));
    const cache = path.join(dir, 'cache');
    const run = () => plan(['--plan', PLANS, 'tasks', '--json'], { PLAN_CACHE_DIR: cache });
    const answer = run().stdout;
    // The cache holds a folder for each install of plan (src/plan/cache.ts).
    const [install] = readdirSync(cache);
    const entries = readdirSync(path.join(cache, install!)).filter((name) => name.endsWith('.plan'));
    expect(entries).toHaveLength(readdirSync(PLANS).filter((name) => /^[^.].*\.ya?ml$/.test(name)).length);
    const damages = [(b: Buffer) => b.subarray(0, b.length >> 1), (b: Buffer) => Buffer.from(b.map((x, i) => (i === b.length - 9 ? x ^ 1 : x))), () => Buffer.from('junk')];
    for (const [i, damage] of damages.entries()) {
      const file = path.join(cache, install!, entries[i % entries.length]!);
      writeFileSync(file, damage(readFileSync(file)));
      expect(run()).toEqual({ stdout: answer, stderr: '', code: 0 });
    }
  });
});

// The four State Council documents beside the repository (../shared/corpus, not part of it), imported on the fly.
const CORPUS = path.resolve(new URL('..', import.meta.url).pathname, '../shared/corpus');
const documents = existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => /\.(txt|docx|html?)$/.test(name)).sort() : [];

describe.skipIf(documents.length === 0)('the corpus, imported into a folder and queried at once', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-corpus-'));
  // gf2018-39_cujin_jiuye.txt → gf2018-39.yaml: the document number is the plan's id.
  for (const name of documents) {
    const run = plan(['import', path.join(CORPUS, name), '-o', path.join(dir, `${name.replace(/_.*$/, '').replace(/\.\w+$/, '')}.yaml`)]);
    if (run.code !== 0) throw new Error(`plan import ${name} exited ${run.code}: ${run.stderr}`);
  }
  const ids = documents.map((name) => name.replace(/_.*$/, '').replace(/\.\w+$/, ''));

  it('plan plans lists every document with its 文号', () => {
    const listed = json(plan(['--plan', dir, 'plans', '--json']));
    expect(listed.map((p: { id: string }) => p.id)).toEqual([...ids].sort());
    for (const p of listed) expect(p.number).toMatch(/^国(办)?发〔20\d\d〕\d+号$/);
  });

  it('plan --plan DIR dept 财政部: the ministry\'s tasks from every document, leads first, each with its document', () => {
    const records = json(plan(['--plan', dir, 'dept', '财政部', '--json']));
    const plans = new Set(records.map((r: { plan: { id: string } }) => r.plan.id));
    expect([...plans].sort()).toEqual([...ids].sort());
    for (const r of records) {
      expect(r.departments).toContain('财政部');
      expect(r.id).toBe(`${r.plan.id}:${r.id.split(':')[1]}`);
    }
    // Each document on its own names the ministry on the same tasks, and its own sheet lists them in the same order.
    for (const id of ids) {
      const file = path.join(dir, `${id}.yaml`);
      const numbers = (list: { number: string }[]) => list.map((r) => r.number);
      const mine = records.filter((r: { plan: { id: string } }) => r.plan.id === id);
      expect(numbers(mine).sort()).toEqual(numbers(json(plan(['--plan', file, 'tasks', '--dept', '财政部', '--json']))).sort());
      expect(numbers(mine)).toEqual(numbers(json(plan(['--plan', file, 'dept', '财政部', '--json']))));
    }
    // In JSON as on a terminal: the tasks it leads come first.
    const leads = records.filter((r: { leads: string[] }) => r.leads.includes('财政部')).map((r: { id: string }) => r.id);
    expect(leads.length).toBeGreaterThan(0);
    expect(records.slice(0, leads.length).map((r: { id: string }) => r.id)).toEqual(leads);
    const table = plan(['--plan', dir, 'dept', '财政部', '--format', 'table'], { COLUMNS: '160' }).stdout;
    const shown = table.split('\n').flatMap((l) => /^(Leads|Alone|Shared|Guides)/.exec(l)?.[1] ?? /^│ +([\w-]+:\d+) │/.exec(l)?.[1] ?? []);
    expect(shown.slice(0, leads.length + 1)).toEqual(['Leads', ...leads]);
    expect(table).toContain(`in ${ids.length} of ${ids.length} plans:`);
  });

  it('search ranks the tasks of every document together', () => {
    const results = json(plan(['--plan', dir, 'search', '税收', '--json']));
    expect(results.length).toBeGreaterThan(1);
    expect(new Set(results.map((r: { plan: { id: string } }) => r.plan.id)).size).toBeGreaterThan(1);
    const scores = results.map((r: { score: number }) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

if (documents.length === 0) console.warn(`tests/plans.test.ts: ${CORPUS} is absent: the corpus test is skipped`);
