// Runs the built bin/plan.js as a user would (npm test builds it first) and checks stdout, stderr and exit code.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../src/render/width.js';
import { fixturePath } from './helpers.js';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;
const SMALL = fixturePath('small-plan.yaml');

interface Run { stdout: string; stderr: string; code: number | null }

function plan(args: string[], env: Record<string, string | undefined> = {}, input?: string): Run {
  const clean = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, PLAN_FILE: undefined, PLAN_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'C.UTF-8', COLUMNS: '100', TERM: 'xterm' };
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { ...clean, ...env } as NodeJS.ProcessEnv, encoding: 'utf8', input, timeout: 20000 });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

const ids = (run: Run) => JSON.parse(run.stdout).map((t: { id: number }) => t.id);

describe('plan tasks: filters', () => {
  it.each([
    { args: [], expected: Array.from({ length: 75 }, (_, i) => i + 1) },
    { args: ['--dept', '质监局', '--sole'], expected: [25, 28, 37, 45] },
    { args: ['--dept', '市林业局'], expected: [12, 30, 36, 38] },
    { args: ['--dept', '林业局', '--dept', '邮政管理局'], expected: [12, 30, 36, 38, 64] },
    { args: ['--part', '五'], expected: [67, 68, 69, 70, 71, 72, 73, 74, 75] },
    { args: ['--part', '5'], expected: [67, 68, 69, 70, 71, 72, 73, 74, 75] },
    { args: ['--part', '五、'], expected: [67, 68, 69, 70, 71, 72, 73, 74, 75] },
    { args: ['--section', '（十一）'], expected: [51, 52] },
    { args: ['--section', '十一'], expected: [51, 52] },
    { args: ['--section', '11'], expected: [51, 52] },
    { args: ['--section', '考核'], expected: [51, 52] },
    { args: ['--section', '8', '--section', '11'], expected: [36, 37, 38, 39, 40, 41, 42, 43, 51, 52] },
    { args: ['--keyword', '电梯'], expected: [37, 67] },
    { args: ['--keyword', '電梯', '--keyword', '保险'], expected: [37] },
    { args: ['--keyword', '１２３１５'], expected: [48] },
    { args: ['--shared', '--part', '二', '--dept', '人社局'], expected: [15, 18] },
    { args: ['--sole', '--section', '八'], expected: [37, 40, 42] },
  ])('tasks $args', ({ args, expected }) => {
    const run = plan(['tasks', ...args, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(ids(run)).toEqual(expected);
  });

  it('exits 1 with a message on stderr when nothing matches', () => {
    const run = plan(['tasks', '--dept', '市林业局', '--part', '四']);
    expect(run).toEqual({ stdout: '', stderr: 'no task matches these filters\n', code: 1 });
    expect(plan(['tasks', '--keyword', '区块链', '--json'])).toEqual({ stdout: '[]\n', stderr: '', code: 1 });
  });
});

describe('formats on the small plan', () => {
  it('tsv is the default when stdout is not a terminal', () => {
    expect(plan(['tasks', '--plan', SMALL, '--dept', '质监局', '--sole']).stdout).toBe('1\t1\t（一）\tsole\t市质监局\t开展电梯安全监管专项行动，推进电梯责任保险。\n');
  });

  it('json, exactly', () => {
    expect(plan(['show', '1', '--plan', SMALL, '--json']).stdout).toBe(`[
  {
    "id": 1,
    "number": "1",
    "part": {
      "id": 1,
      "title": "第一部分"
    },
    "section": {
      "id": 1,
      "title": "电梯安全。"
    },
    "headings": [
      "一、第一部分",
      "（一）电梯安全。"
    ],
    "text": "开展电梯安全监管专项行动，推进电梯责任保险。",
    "departments": [
      "市质监局"
    ],
    "leads": [],
    "roles": [
      {
        "department": "市质监局",
        "role": "responsible",
        "word": "负责"
      }
    ],
    "responsibility": "sole"
  }
]
`);
  });

  it('csv, exactly', () => {
    expect(plan(['depts', '--plan', SMALL, '--format', 'csv']).stdout).toBe('department,full_name,full_name_confirmed,group,total,lead,sole,shared,led,guided\r\n'
      + '市质监局,测试市质量技术监督局,true,false,3,0,1,2,0,0\r\n市商委,,,false,2,0,0,2,0,0\r\n市教委,,,false,2,0,0,2,0,0\r\n市政府有关部门,,,true,2,0,0,2,0,0\r\n');
  });

  it('ndjson, markdown and yaml', () => {
    expect(plan(['tasks', '--plan', SMALL, '--part', '2', '--format', 'ndjson']).stdout.trimEnd().split('\n').map((l) => JSON.parse(l).id)).toEqual([4, 5]);
    expect(plan(['outline', '--plan', SMALL, '--format', 'markdown']).stdout.split('\n')[0]).toBe('| part | part title | section | section title | count | tasks |');
    expect(plan(['tasks', '--plan', SMALL, '--part', '2', '--format', 'yaml']).stdout).toContain('- id: 4\n  number: "4"\n  part:\n    id: 2\n');
  });

  it('search results carry score and matches in JSON', () => {
    const [first] = JSON.parse(plan(['search', '电梯', '--plan', SMALL, '--json']).stdout);
    expect(first.id).toBe(1);
    expect(first.score).toBeGreaterThan(0.5);
    expect(first.matches).toEqual([{ start: 2, end: 4, text: '电梯' }, { start: 15, end: 17, text: '电梯' }]);
  });

  it('dept gives a duty sheet: each task with its partners', () => {
    const tasks = JSON.parse(plan(['dept', '商委', '--plan', SMALL, '--json']).stdout);
    expect(tasks.map((t: { id: number; partners: string[] }) => [t.id, t.partners])).toEqual([[2, ['市质监局']], [3, ['市教委', '市质监局']]]);
  });
});

describe('departments as staff type them', () => {
  it.each(['质监局', '市质监局', '重庆市质量技术监督局', '质监', 'zhijianju', '質監局', '质检局'])('plan dept %s is 市质监局', (name) => {
    const run = plan(['dept', name, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(33);
  });

  it('an ambiguous name exits 2 and lists the candidates', () => {
    const run = plan(['dept', '文化']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('plan: department "文化" is ambiguous: it could be 市文化执法总队, 市文化委 (文化 = culture); name one, or give them all: --dept 市文化执法总队,市文化委\n');
  });

  it('an unknown name exits 2 with a hint, and nearest names only when plausibly meant', () => {
    const run = plan(['tasks', '--dept', '外星局']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('plan: unknown department "外星局" (plan depts lists all)\n');
  });
});

describe('the bundled plan answers from its precompiled tables as the libraries would', () => {
  // A copy of plan.yaml given with --plan is parsed, and pinyin-pro and opencc-js are loaded for it.
  const copy = path.join(mkdtempSync(path.join(tmpdir(), 'plan-copy-')), 'plan.yaml');
  copyFileSync(new URL('../plan.yaml', import.meta.url), copy);

  it.each([
    ['search', 'dianti'], ['search', 'kjds'], ['search', '電梯'], ['search', '跨境電商 質量'], ['search', '工匠精伸'],
    ['dept', 'zhijianju'], ['dept', '質監局'], ['dept', 'fgw'], ['tasks', '--keyword', '電梯'],
  ])('%s %s', (...args) => {
    const bundled = plan([...args, '--json']);
    expect(bundled.code).toBe(0);
    expect(plan([...args, '--json', '--plan', copy], { PLAN_NO_CACHE: '1' }).stdout).toBe(bundled.stdout);
  });
});

describe('terminal tables', () => {
  it.each([80, 120])('dept 质监局 fits %i columns and shows every task in full', (columns) => {
    const run = plan(['dept', '质监局', '--format', 'table'], { COLUMNS: String(columns) });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
    const flat = lines.filter((l) => l.startsWith('│')).map((l) => l.slice(1, -1).split('│').at(-1)!.trim()).join('');
    for (const task of JSON.parse(plan(['dept', '质监局', '--json']).stdout)) expect(flat).toContain(task.text);
  });

  it('colours a table only where colour is wanted', () => {
    const args = ['tasks', '--part', '五', '--format', 'table'];
    expect(plan(args).stdout).not.toContain('\x1b[');
    expect(plan(args, { FORCE_COLOR: '1' }).stdout).toContain('\x1b[');
    expect(plan(args, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain('\x1b[');
    expect(plan([...args, '--no-color'], { FORCE_COLOR: '1' }).stdout).not.toContain('\x1b[');
    expect(plan(args, { FORCE_COLOR: '1', TERM: 'dumb' }).stdout).not.toContain('\x1b[');
  });
});

describe('pipes', () => {
  it.each([
    ['tasks', '--format', 'json'],
    ['tasks', '--format', 'table'],
    ['stats', '--format', 'table'],
  ])('plan %s … | head -1 ends quietly', (...args) => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${args.join(' ')} | head -1`], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')).toHaveLength(2);
  });
});

describe('output to pipes and files (written directly, not through a Node stream)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-pipes-'));
  const big = path.join(dir, 'big.yaml');
  writeFileSync(big, spawnSync(process.execPath, [new URL('../scripts/generate-plan.js', import.meta.url).pathname, '2000'], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout);
  const args = ['tasks', '--json', '--plan', big];

  it('a file gets the whole answer', () => {
    const file = path.join(dir, 'out.json');
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${args.join(' ')} > "${file}"`]);
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveLength(2000);
  });

  it('a slow reader gets the whole answer, larger than a pipe holds', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${args.join(' ')} | (sleep 0.3; cat)`], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(result.stdout.length).toBeGreaterThan(1 << 17);
    expect(JSON.parse(result.stdout)).toHaveLength(2000);
  });

  // Node makes the pipes of the children it starts blocking; Python can hand over one that is not.
  const python = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!python)('a non-blocking pipe that fills up gets the whole answer, in order', () => {
    const script = [
      'import os, subprocess, sys, time',
      'r, w = os.pipe()',
      'os.set_blocking(w, False)',
      'p = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(0.5)',
      'out = b"".join(iter(lambda: os.read(r, 65536), b""))',
      'sys.stdout.buffer.write(out)',
      'sys.exit(p.wait())',
    ].join('\n');
    const result = spawnSync('python3', ['-c', script, process.execPath, BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toBe(spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout);
  });
});

describe('--limit', () => {
  it('a table cut by it says so on stderr, in the language of the run; data formats are cut silently', () => {
    const table = plan(['tasks', '--limit', '3', '--format', 'table']);
    expect(table.stderr).toBe('the first 3 of 75 (--limit)\n');
    expect(table.stdout).toMatch(/^│ {2}3 │/m);
    expect(table.stdout).not.toMatch(/^│ {2}4 │/m);
    expect(plan(['dept', '质监局', '-n', '2', '--format', 'table'], { LANG: 'zh_CN.UTF-8' }).stderr).toBe('33 项中的前 2 项（--limit）\n');
    for (const format of ['json', 'tsv', 'csv']) {
      const data = plan(['tasks', '--limit', '3', '--format', format]);
      expect([data.code, data.stderr]).toEqual([0, '']);
    }
    expect(ids(plan(['tasks', '--limit', '3', '--json']))).toEqual([1, 2, 3]);
    // Not cut: nothing said.
    expect(plan(['tasks', '--limit', '75', '--format', 'table']).stderr).toBe('');
  });
});

describe('exit codes and errors', () => {
  it.each([
    { args: ['frobnicate'], stderr: /^plan: unknown command "frobnicate" \(plan --help lists the commands\)\n$/ },
    { args: ['tasks', '--frobnicate'], stderr: /^plan: unknown option --frobnicate \(plan tasks --help lists the options\)\n$/ },
    { args: ['tasks', '--format', 'xml'], stderr: /^plan: --format xml is not one of table, tsv, json, ndjson, csv, markdown, yaml\n$/ },
    { args: ['tasks', '--part', '九'], stderr: /^plan: there is no part "九": the plan has parts 1 \(一、\), 2 \(二、\)/ },
    { args: ['tasks', '--section', '99'], stderr: /^plan: there is no section "99"/ },
    { args: ['tasks', '--section', '外星'], stderr: /^plan: no section title contains "外星"/ },
    { args: ['tasks', '--sole', '--shared'], stderr: /^plan: --sole and --shared exclude each other/ },
    { args: ['tasks', '--keyword', ' '], stderr: /^plan: --keyword is empty/ },
    { args: ['show', '76'], stderr: /^plan: there is no task 76: the plan's tasks are 1–75\n$/ },
    { args: ['show', 'abc'], stderr: /^plan: "abc" is not a task number/ },
    { args: ['search'], stderr: /^plan: plan search needs its <query> argument \(plan search --help shows how\)\n$/ },
    { args: ['search', '   '], stderr: /^plan: the query has no words to search for/ },
    { args: ['search', 'x'.repeat(300)], stderr: /^plan: the query is 300 characters long/ },
    { args: ['search', '电梯', '--limit', '0'], stderr: /^plan: --limit must be a whole number from 1/ },
    { args: ['stats', '--view', 'partners'], stderr: /^plan: the partners view is about one department/ },
  ])('$args exits 2', ({ args, stderr }) => {
    const run = plan(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(stderr);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 1 for a search that finds nothing', () => {
    expect(plan(['search', '量子计算'])).toEqual({ stdout: '', stderr: 'nothing in the plan matches "量子计算"\n', code: 1 });
  });

  it('exits 3 for a plan file that is missing or broken, in one line per problem, without a stack', () => {
    const missing = plan(['tasks', '--plan', '/nonexistent/plan.yaml']);
    expect(missing).toEqual({ stdout: '', stderr: 'plan: plan file /nonexistent/plan.yaml does not exist: give an existing file with --plan FILE\n', code: 3 });
    const broken = plan(['validate', fixturePath('broken/unknown-department.yaml'), '--format', 'table'], { COLUMNS: '200' });
    expect(broken.code).toBe(3);
    expect(broken.stdout.split('\n')[1]).toBe(`${fixturePath('broken/unknown-department.yaml')}:15:25: task 1 names department "市外星局", which is not in the departments list`);
  });

  it('shows a stack trace only with --debug', () => {
    expect(plan(['tasks', '--plan', '/nonexistent', '--debug']).stderr).toMatch(/^\s+at /m);
  });

  it('reads PLAN_FILE, and --plan over it', () => {
    expect(ids(plan(['tasks', '--json'], { PLAN_FILE: SMALL }))).toEqual([1, 2, 3, 4, 5]);
    expect(plan(['tasks', '--json', '--plan', SMALL], { PLAN_FILE: '/nonexistent' }).code).toBe(0);
  });

  it('validates the bundled plan', () => {
    expect(plan(['validate', '--header'])).toEqual({ stdout: 'file\tstatus\ttasks\tsections\tparts\tdepartments\nplan.yaml\tvalid\t75\t17\t5\t36\n', stderr: '', code: 0 });
    expect(plan(['validate', '--format', 'table'], { COLUMNS: '80' }).stdout).toBe('plan.yaml: valid, 75 tasks, 17 sections, 5 parts, 36 departments\n');
  });

  it('prints help and version with exit 0', () => {
    expect(plan(['--version'])).toEqual({ stdout: `${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`, stderr: '', code: 0 });
    const help = plan(['--help'], { COLUMNS: '80', LANG: 'C' });
    expect(help.code).toBe(0);
    for (const line of help.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
  });

  it.each(['tasks', 'search', 'show', 'dept', 'depts', 'outline', 'stats', 'validate', 'completion'])('plan %s --help has an example', (command) => {
    const help = plan([command, '--help'], { LANG: 'C' });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:\n {2}\$ plan /);
  });
});
