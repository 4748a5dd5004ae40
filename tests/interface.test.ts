// The interface people meet: language, help, completion, the pager, colour, narrow terminals, data formats that
// agree with each other, usage errors, and the ways of naming parts, sections and tasks. Runs the built binary.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth, stripAnsi } from '../src/render/width.js';
import { fixturePath } from './helpers.js';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;
const SMALL = fixturePath('small-plan.yaml');
const dir = mkdtempSync(path.join(tmpdir(), 'plan-interface-'));

interface Run { stdout: string; stderr: string; code: number | null }

const CLEAN = { NO_COLOR: undefined, FORCE_COLOR: undefined, PLAN_FILE: undefined, PLAN_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'C.UTF-8', COLUMNS: undefined, LINES: undefined, PAGER: undefined, TERM: 'xterm' };

function plan(args: string[], env: Record<string, string | undefined> = {}, input?: string): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...CLEAN, ...env } as NodeJS.ProcessEnv, encoding: 'utf8', input, timeout: 20000 });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** Runs plan on a pseudo-terminal of this size (util-linux `script`); stdout and stderr both come back, as seen. */
function onTerminal(args: string[], env: Record<string, string | undefined> = {}, size = { columns: 80, rows: 24 }): Run {
  const command = `stty cols ${size.columns} rows ${size.rows}; exec ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}`;
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { env: { ...process.env, ...CLEAN, ...env } as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 20000 });
  return { stdout: result.stdout.replace(/\r\n/g, '\n'), stderr: result.stderr, code: result.status };
}
const hasScript = spawnSync('script', ['--version']).status === 0;

const ZH = { LANG: 'zh_CN.UTF-8' };
const widest = (text: string) => Math.max(0, ...stripAnsi(text).split('\n').map(displayWidth));

describe('interface language', () => {
  it.each([
    { env: ZH, args: [], zh: true },
    { env: { LANG: 'zh_TW.UTF-8' }, args: [], zh: true },
    { env: { LANG: 'en_US.UTF-8' }, args: [], zh: false },
    { env: { LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }, args: [], zh: true },
    { env: { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }, args: [], zh: false },
    { env: { LC_ALL: 'zh_CN.UTF-8', PLAN_LANG: 'en' }, args: [], zh: false },
    { env: { PLAN_LANG: 'zh' }, args: [], zh: true },
    { env: ZH, args: ['--lang', 'en'], zh: false },
    { env: {}, args: ['--lang=zh'], zh: true },
  ])('$env $args → Chinese: $zh', ({ env, args, zh }) => {
    const help = plan([...args, 'tasks', '--help'], env).stdout;
    expect(help.startsWith(zh ? '用法：' : 'Usage:')).toBe(true);
  });

  it('help in Chinese: titles, descriptions, options, examples, within 80 columns', () => {
    const help = plan(['--help'], { ...ZH, COLUMNS: '80' });
    expect(help.code).toBe(0);
    expect(help.stdout.startsWith('用法：plan [选项] [命令]\n')).toBe(true);
    for (const word of ['用法：', '选项：', '命令：', '示例：', '列出符合全部筛选条件的任务', '显示该命令的帮助', '显示版本号', '界面语言']) expect(help.stdout).toContain(word);
    expect(help.stdout).not.toMatch(/display help|output the version|Options:|Commands:/);
    expect(widest(help.stdout)).toBeLessThanOrEqual(80);
  });

  it('headers and values people read follow the language; JSON and TSV do not', () => {
    const table = plan(['dept', '质监局', '--format', 'table'], { ...ZH, COLUMNS: '100' }).stdout;
    for (const word of ['编号', '内容', '负责：4 项', '按职责分工负责：29 项', '合作单位', '合作最多：']) expect(table).toContain(word);
    expect(plan(['tasks', '--keyword', '96333', '--format', 'table'], { ...ZH, COLUMNS: '100' }).stdout).toMatch(/│ {3}37 │ （八） │ 负责 │ 市质监局/);
    expect(plan(['tasks', '--section', '八', '--limit', '1', '--format', 'table'], { ...ZH, COLUMNS: '120' }).stdout).toContain('按职责分工负责');
    for (const args of [['tasks', '--json'], ['tasks'], ['stats', '--json'], ['depts', '--format', 'csv']]) {
      expect(plan(args, ZH).stdout).toBe(plan(args).stdout);
    }
  });

  it('messages follow the language', () => {
    expect(plan(['search', '量子计算'], ZH)).toEqual({ stdout: '', stderr: '计划中没有与“量子计算”相符的内容\n', code: 1 });
    expect(plan(['tasks', '--part', '九'], ZH).stderr).toBe('plan: 没有部分“九”：计划的部分为 1（一、）、2（二、）、3（三、）、4（四、）、5（五、）\n');
    expect(plan(['tasks', '--frobnicate'], ZH).stderr).toBe('plan: 没有选项 --frobnicate（plan tasks --help 列出全部选项）\n');
  });

  it('counts say 1 task, not 1 tasks', () => {
    const outline = plan(['outline', '--plan', SMALL, '--format', 'table']).stdout;
    expect(outline).toContain('（一）电梯安全。  1 task: 1\n');
    expect(outline).toContain('2 tasks: 2, 3');
    expect(plan(['outline', '--plan', SMALL, '--format', 'table'], ZH).stdout).toContain('（一）电梯安全。  1 项任务：1\n');
  });
});

describe('plan completion', () => {
  const bin = path.join(dir, 'bin');
  spawnSync('mkdir', ['-p', bin]);
  writeFileSync(path.join(bin, 'plan'), `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(BIN)} "$@"\n`);
  chmodSync(path.join(bin, 'plan'), 0o755);
  const script = path.join(dir, 'plan.bash');
  writeFileSync(script, plan(['completion', 'bash']).stdout);

  /** What bash offers for the words typed so far (the last one being completed). */
  function complete(words: string[], env: Record<string, string> = {}): string[] {
    const line = `source ${quote(script)}; COMP_WORDS=(${words.map(quote).join(' ')}); COMP_CWORD=${words.length - 1}; _plan_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const result = spawnSync('bash', ['-c', line], { env: { ...process.env, ...CLEAN, PATH: `${bin}:${process.env.PATH}`, ...env } as NodeJS.ProcessEnv, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    return result.stdout.split('\n').filter(Boolean).sort();
  }

  it.each([
    { words: ['plan', 's'], expected: ['search', 'show', 'stats'] },
    { words: ['plan', 'tasks', '--f'], expected: ['--format'] },
    { words: ['plan', 'tasks', '--format', 'j'], expected: ['json'] },
    { words: ['plan', '-f', 'csv', 'stats', '--view', 'pa'], expected: ['pairs', 'partners'] },
    { words: ['plan', 'tasks', '--lang', ''], expected: ['en', 'zh'] },
    { words: ['plan', 'tasks', '--color', 'a'], expected: ['always', 'auto'] },
    { words: ['plan', 'completion', ''], expected: ['bash', 'fish', 'zsh'] },
    { words: ['plan', 'search', '--li'], expected: ['--limit'] },
    { words: ['plan', 'tasks', '--dept', '市质'], expected: ['市质监局', '市质量工作部门联席会议成员单位'] },
    { words: ['plan', 'dept', '质'], expected: ['质监局', '质量技术监督局'] },
    { words: ['plan', '--plan', SMALL, 'dept', '市'], expected: ['市商委', '市政府有关部门', '市教委', '市质监局'] },
  ])('bash: $words', ({ words, expected }) => {
    expect(complete(words)).toEqual(expected);
  });

  it('bash: department names of the plan in PLAN_FILE', () => {
    expect(complete(['plan', 'tasks', '-d', '商'], { PLAN_FILE: SMALL })).toEqual(['商委']);
  });

  it('the helper lists names and aliases, and no name a shell would run', () => {
    const evil = path.join(dir, 'evil-names.yaml');
    writeFileSync(evil, readFileSync(SMALL, 'utf8').replace('aliases: [商委]', 'aliases: [商委, "$(touch pwned)", "a;b"]'));
    expect(plan(['__complete', 'departments', '--plan', evil]).stdout).toBe('市质监局\n质监局\n市商委\n商委\n市教委\n市政府有关部门\n');
  });

  it('zsh and fish scripts name the commands, formats and the department helper', () => {
    const zsh = plan(['completion', 'zsh']).stdout;
    expect(zsh).toContain('compdef _plan plan');
    expect(zsh).toContain('compadd -- table tsv json ndjson csv markdown yaml');
    expect(zsh).toContain('__complete departments');
    // Commands and options with their descriptions beside them, in the run's language, as fish has them.
    expect(zsh).toContain("'tasks:list the tasks that match every filter given (no filter: all of them)'");
    expect(zsh).toContain('_describe -t commands command items');
    expect(plan(['completion', 'zsh'], ZH).stdout).toContain("'--sole:只列单位独自负责的任务（负责）'");
    const fish = plan(['completion', 'fish'], ZH).stdout;
    expect(fish).toContain("complete -c plan -n __fish_use_subcommand -a tasks -d '列出符合全部筛选条件的任务（不加条件：全部任务）'");
    expect(fish).toContain("complete -c plan -n '__fish_seen_subcommand_from tasks' -s d -l dept -x -a '(__plan_departments)'");
    expect(fish).toContain("-s f -l format -x -a 'table tsv json ndjson csv markdown yaml'");
    const zshFound = spawnSync('zsh', ['--version']).status === 0;
    if (zshFound) expect(spawnSync('zsh', ['-n'], { input: zsh }).status).toBe(0);
  });

  it('refuses another shell', () => {
    expect(plan(['completion', 'tcsh'])).toEqual({ stdout: '', stderr: 'plan: no completion for "tcsh": give bash, zsh or fish\n', code: 2 });
  });
});

describe.skipIf(!hasScript)('on a terminal', () => {
  const recorder = path.join(dir, 'pager.sh');
  const paged = path.join(dir, 'paged.txt');
  writeFileSync(recorder, `#!/bin/sh\ncat > ${quote(paged)}\n`);
  chmodSync(recorder, 0o755);
  const pagedText = () => {
    try {
      return readFileSync(paged, 'utf8');
    } catch {
      return undefined;
    }
  };

  it('long output goes through $PAGER, drawn at the terminal width', () => {
    rmSync(paged, { force: true });
    const run = onTerminal(['tasks', '--part', '三'], { PAGER: recorder }, { columns: 70, rows: 20 });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const text = pagedText()!;
    expect(text).toContain('\x1b['); // colour kept for less -R
    expect(widest(text)).toBe(70);
    expect(stripAnsi(text)).toBe(plan(['tasks', '--part', '三', '--format', 'table'], { COLUMNS: '70' }).stdout);
  });

  it.each([
    { what: '--no-pager', args: ['tasks', '--part', '三', '--no-pager'], rows: 20 },
    { what: 'output that fits the screen', args: ['tasks', '--keyword', '96333'], rows: 20 },
  ])('$what: written directly', ({ args, rows }) => {
    rmSync(paged, { force: true });
    const run = onTerminal(args, { PAGER: recorder }, { columns: 80, rows });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('│');
    expect(pagedText()).toBeUndefined();
  });

  it('never when stdout is not a terminal', () => {
    rmSync(paged, { force: true });
    expect(plan(['tasks'], { PAGER: recorder }).stdout.split('\n')).toHaveLength(76);
    expect(pagedText()).toBeUndefined();
  });

  it('a pager that does not exist: the text is written anyway', () => {
    const run = onTerminal(['tasks', '--part', '三'], { PAGER: '/nonexistent/pager' }, { columns: 80, rows: 10 });
    expect(stripAnsi(run.stdout)).toContain('│ 29 │');
  });

  it.each([
    { args: [], env: {}, colour: true },
    { args: ['--color', 'never'], env: {}, colour: false },
    { args: ['--no-color'], env: {}, colour: false },
    { args: [], env: { NO_COLOR: '1' }, colour: false },
    { args: [], env: { FORCE_COLOR: '0' }, colour: false },
    { args: ['--color', 'always'], env: { NO_COLOR: '1' }, colour: true },
  ])('colour $args $env: $colour', ({ args, env, colour }) => {
    expect(onTerminal(['show', '37', '--no-pager', ...args], env).stdout.includes('\x1b[1m')).toBe(colour);
  });

  it.each([20, 40, 60, 80, 120])('at %i columns nothing is wider than the terminal (Chinese interface)', (columns) => {
    for (const args of [['--help'], ['tasks', '--help'], ['tasks', '--part', '三'], ['search', '电梯'], ['dept', '质监局'], ['depts'], ['stats'], ['outline']]) {
      const run = onTerminal([...args, '--no-pager'], ZH, { columns, rows: 50 });
      expect(run.code, args.join(' ')).toBe(0);
      expect(widest(run.stdout), `${args.join(' ')} at ${columns}`).toBeLessThanOrEqual(columns);
    }
  });

  it('a CSV written to the terminal starts with a byte order mark', () => {
    expect(onTerminal(['depts', '--format', 'csv', '--no-pager']).stdout.startsWith('\ufeffdepartment,')).toBe(true);
  });
});

describe('narrow terminals (COLUMNS)', () => {
  it.each([20, 40, 59])('below 60 columns, one record a block: %i', (columns) => {
    const out = plan(['search', '电梯', '--format', 'table'], { COLUMNS: String(columns) }).stdout;
    expect(out).not.toContain('┌');
    expect(widest(out)).toBeLessThanOrEqual(columns);
    expect(out.split('\n\n')).toHaveLength(2);
    expect(out.replace(/\s+/g, '')).toContain('“96333”');
  });

  it('from 60 columns, a table; less important columns give way before names wrap, bars before anything', () => {
    const at60 = plan(['search', '电梯', '--format', 'table'], { COLUMNS: '60' }).stdout;
    expect(at60.split('\n')[1]).toBe('│ id │ section  │ departments    │ text                    │');
    expect(plan(['search', '电梯', '--format', 'table'], { COLUMNS: '100' }).stdout.split('\n')[1]).toContain('│ score │');
    const stats = plan(['stats', '--view', 'workload', '--format', 'table'], { COLUMNS: '80' }).stdout;
    expect(stats).toContain('│ 市食品药品监管局 │'); // the longest name on one line
    expect(widest(stats)).toBeLessThanOrEqual(80);
  });

  it('help wraps at any width', () => {
    for (const columns of [20, 30, 50]) {
      for (const env of [{}, ZH]) expect(widest(plan(['stats', '--help'], { ...env, COLUMNS: String(columns) }).stdout)).toBeLessThanOrEqual(columns);
    }
  });
});

describe('data formats that agree', () => {
  const TASK = 'id\tpart\tsection\tresponsibility\tdepartments\ttext';
  it.each([
    { args: ['tasks'], header: TASK },
    { args: ['show', '1'], header: TASK },
    { args: ['search', '电梯'], header: `${TASK}\tscore\tsnippet` },
    { args: ['dept', '质监局'], header: `${TASK}\tpartners\tduty` },
  ])('$args --header: the task columns first, in one order', ({ args, header }) => {
    const lines = plan([...args, '--plan', SMALL, '--header']).stdout.split('\n');
    expect(lines[0]).toBe(header);
    expect(lines[1]!.split('\t').slice(0, 6)).toEqual(['1', '1', '（一）', 'sole', '市质监局', '开展电梯安全监管专项行动，推进电梯责任保险。']);
  });

  it('search: the same score in TSV as in JSON', () => {
    const json = JSON.parse(plan(['search', '电梯', '--plan', SMALL, '--json']).stdout);
    const tsv = plan(['search', '电梯', '--plan', SMALL]).stdout.trimEnd().split('\n').map((l) => Number(l.split('\t')[6]));
    expect(tsv).toEqual(json.map((r: { score: number }) => r.score));
  });

  it('stats: every view in one JSON object, a view picked with --view, none silently left out of a table format', () => {
    const all = JSON.parse(plan(['stats', '--plan', SMALL, '--json']).stdout);
    expect(Object.keys(all)).toEqual(['workload', 'matrix', 'pairs', 'sections']);
    expect(Object.keys(JSON.parse(plan(['stats', '--plan', SMALL, '--json', '-d', '商委']).stdout))).toEqual(['workload', 'matrix', 'pairs', 'partners', 'sections']);
    expect(JSON.parse(plan(['stats', '--plan', SMALL, '--json', '--view', 'pairs']).stdout)).toEqual(all.pairs);
    expect(plan(['stats', '--plan', SMALL, '--format', 'csv'])).toEqual({
      stdout: '',
      stderr: 'plan: --format csv holds one table: pick one with --view workload|matrix|pairs|sections, or use --format table, json, ndjson, markdown, yaml for all of them\n',
      code: 2,
    });
    expect(plan(['stats', '--plan', SMALL, '--format', 'ndjson']).stdout.split('\n')[0]).toBe('{"view":"workload","department":"市质监局","group":false,"total":3,"lead":0,"sole":1,"shared":2,"led":0,"guided":0,"share":0.6}');
    expect(plan(['stats', '--plan', SMALL, '--view', 'workload', '--format', 'csv']).stdout).toBe('department,group,total,lead,sole,shared,led,guided,share\r\n'
      + '市质监局,false,3,0,1,2,0,0,0.6\r\n市商委,false,2,0,0,2,0,0,0.4\r\n市教委,false,2,0,0,2,0,0,0.4\r\n市政府有关部门,true,2,0,0,2,0,0,0.4\r\n');
  });

  it('import and completion write a format of their own: --format and --json are refused, not ignored', () => {
    expect(plan(['completion', 'bash', '--format', 'json'])).toEqual({ stdout: '', stderr: 'plan: plan completion writes a shell script: --format json does not apply\n', code: 2 });
    expect(plan(['import', fixturePath('import/levels.txt'), '--json', '--lang', 'zh'])).toEqual({ stdout: '', stderr: 'plan: plan import 输出的是 YAML 格式的计划文件：--json 不适用\n', code: 2 });
    expect(plan(['completion', 'bash']).code).toBe(0);
  });

  it('validate takes several files (a shell glob), never a file and --plan both, and says which were valid', () => {
    const broken = path.join(dir, 'broken-one.yaml');
    writeFileSync(broken, 'title: x\n');
    const both = plan(['validate', SMALL, SMALL]);
    expect([both.code, both.stdout.split('\n').filter(Boolean).length]).toEqual([0, 2]);
    const mixed = plan(['validate', SMALL, broken]);
    expect(mixed.code).toBe(3);
    expect(mixed.stdout).toContain(`${broken}\t1\t1\tthe plan has no departments`);
    expect(mixed.stdout).not.toContain(SMALL);
    expect(mixed.stderr).toBe(`valid: ${SMALL} (1 file)\n`);
    expect(plan(['validate', SMALL, '--plan', broken])).toEqual({ stdout: '', stderr: `plan: ${SMALL} and --plan ${broken} both name what to read: give the files once, as arguments or with --plan\n`, code: 2 });
  });

  it('nothing found: exit 1, [] in JSON, a message on stderr in every other format, data formats their empty document', () => {
    const none = (format: string, ...more: string[]) => plan(['tasks', '--keyword', '区块链', '--format', format, ...more]);
    const said = 'no task matches these filters\n';
    expect(none('json')).toEqual({ stdout: '[]\n', stderr: '', code: 1 });
    for (const format of ['table', 'tsv', 'ndjson', 'markdown']) expect(none(format), format).toEqual({ stdout: '', stderr: said, code: 1 });
    expect(none('yaml')).toEqual({ stdout: '[]\n', stderr: said, code: 1 });
    expect(none('csv')).toEqual({ stdout: 'id,part,section,responsibility,departments,text\r\n', stderr: said, code: 1 });
    expect(none('tsv', '--header')).toEqual({ stdout: 'id\tpart\tsection\tresponsibility\tdepartments\ttext\n', stderr: said, code: 1 });
  });

  it('standard input is named in the language, and the hint gives plan validate what it reads it as (-)', () => {
    const zh = plan(['tasks', '--plan', '-', '--lang', 'zh'], {}, 'a\n');
    expect(zh.stderr).toBe('plan: 标准输入 不是有效的计划文件（1 个问题）；请修改后运行：plan validate -\n  标准输入:1:1：计划应为映射（含 title、departments、tasks），实为“a”\n');
    expect(plan(['tasks', '--plan', '-'], {}, 'a\n').stderr).toMatch(/^plan: standard input is not a valid plan \(1 problem\); fix it and run: plan validate -\n/);
  });

  it('a search that finds nothing says whether the filters left anything, and announces no correction', () => {
    expect(plan(['search', '电梯', '--dept', '林业局'])).toEqual({ stdout: '', stderr: 'nothing matches "电梯" among the 4 tasks the filters keep\n', code: 1 });
    expect(plan(['search', '电梯', '--dept', '林业局', '--lang', 'zh']).stderr).toBe('在符合筛选条件的 4 项任务中，没有与“电梯”相符的内容\n');
    expect(plan(['search', '电梯', '--part', '一', '--dept', '质监局', '--sole']).stderr).toBe('no task passes the filters, so nothing was searched for "电梯"\n');
    expect(plan(['search', '工匠精伸考核'])).toEqual({ stdout: '', stderr: 'nothing in the plan matches "工匠精伸考核"\n', code: 1 });
    expect(plan(['search', '工匠精伸']).stderr).toBe('工匠精神 ← 工匠精伸\n');
    // Terms no task has together: what each finds alone.
    expect(plan(['search', '电梯', '锅炉'])).toEqual({ stdout: '', stderr: 'nothing in the plan matches "电梯 锅炉"; no task has all the terms, but alone: 电梯 2 tasks, 锅炉 1 task\n', code: 1 });
    expect(plan(['search', '电梯 锅炉', '--lang', 'zh']).stderr).toBe('计划中没有与“电梯 锅炉”相符的内容；没有同时含有各个词的任务，单独搜索时：电梯 2 项，锅炉 1 项\n');
  });

  it('YAML: a string a YAML 1.1 reader would take for a date, a boolean or a number is quoted', () => {
    const yaml = plan(['plans', '--format', 'yaml']).stdout;
    expect(yaml).toContain('  date: "2016-06-23"\n');
    const odd = path.join(dir, 'odd-values.yaml');
    writeFileSync(odd, readFileSync(SMALL, 'utf8').replace('title: 测试行动计划', 'title: "yes"').replace('aliases: [商委]', 'aliases: [商委, "on", "1_000", "0755", "1:20"]'));
    const depts = plan(['depts', '--plan', odd, '--format', 'yaml']).stdout;
    for (const value of ['"on"', '"1_000"', '"0755"', '"1:20"']) expect(depts).toContain(value);
    expect(plan(['plans', '--plan', odd, '--format', 'yaml']).stdout).toContain('title: "yes"');
  });

  it('outline --limit on a terminal: a table of the sections kept, not the whole tree', () => {
    const run = plan(['outline', '-n', '2', '--format', 'table'], { COLUMNS: '100' });
    expect(run.stdout.split('\n').filter((line) => /^│ +\d/.test(line))).toHaveLength(2);
    expect(run.stdout).not.toContain('（三）');
    expect(run.stderr).toBe('the first 2 of 17 (--limit)\n');
  });

  it('stats pairs: the table says how many of how many it shows, --limit included', () => {
    const table = (args: string[]) => plan(['stats', '--view', 'pairs', '--format', 'table', ...args], { COLUMNS: '100' });
    const rows = (text: string) => text.split('\n').filter((line) => /^│ [^ ]/.test(line)).length - 1; // the header is one
    const whole = table([]);
    expect(whole.stdout).toContain('the top 20 of 271 pairs (plan stats --view pairs --format tsv lists all)');
    expect(rows(whole.stdout)).toBe(20);
    const five = table(['--limit', '5']);
    expect(five.stdout).toContain('the top 5 of 271 pairs');
    expect(five.stdout).not.toContain('the top 20');
    expect(rows(five.stdout)).toBe(5);
    expect(five.stderr).toBe(''); // said once, under the heading, not again on stderr
    // Among the other views, the same line, with the other views cut as well.
    expect(plan(['stats', '--format', 'table', '--limit', '5', '--lang', 'zh'], { COLUMNS: '100' }).stdout).toContain('271 对中的前 5 对');
    expect(table(['--plan', SMALL]).stdout).not.toContain('the top');
  });

  it('the department is `department` everywhere', () => {
    expect(JSON.parse(plan(['depts', '--plan', SMALL, '--json']).stdout)[0].department).toBe('市质监局');
    expect(JSON.parse(plan(['stats', '--plan', SMALL, '--json', '--view', 'pairs']).stdout)[0]).toEqual({ department: '市商委', partner: '市质监局', count: 2, tasks: [2, 3] });
  });

  it('validate --format json: the problems as records', () => {
    const file = fixturePath('broken/unknown-department.yaml');
    expect(plan(['validate', file, '--json'])).toEqual({
      stdout: `${JSON.stringify([{ file, line: 15, column: 25, message: 'task 1 names department "市外星局", which is not in the departments list' }], null, 2)}\n`,
      stderr: '',
      code: 3,
    });
    expect(plan(['validate', file, '--header']).stdout).toBe(`file\tline\tcolumn\tmessage\n${file}\t15\t25\ttask 1 names department "市外星局", which is not in the departments list\n`);
  });

  it('markdown escapes what GitHub would read as markup', () => {
    const marked = path.join(dir, 'marked.yaml');
    writeFileSync(marked, readFileSync(SMALL, 'utf8').replace('开展学校质量教育活动。', '开展**学校**<b>质量</b>|教育\\活动。'));
    const out = plan(['tasks', '--keyword', '学校', '--plan', marked, '--format', 'markdown']).stdout;
    expect(out).toBe('| id | section | resp. | departments | text |\n| ---: | --- | --- | --- | --- |\n'
      + '| 4 | （三） | shared | 市教委、市政府有关部门 | 开展\\*\\*学校\\*\\*&lt;b&gt;质量&lt;/b&gt;\\|教育\\\\活动。 |\n');
  });
});

describe('usage errors: one line, plan: …, with what would be right', () => {
  it.each([
    { args: ['tsak'], stderr: 'plan: unknown command "tsak": did you mean tasks? (plan --help lists the commands)' },
    { args: ['tasks', '--limt', '3'], stderr: 'plan: unknown option --limt: did you mean --limit? (plan tasks --help lists the options)' },
    { args: ['tasks', '--format', 'jsn'], stderr: 'plan: --format jsn is not one of table, tsv, json, ndjson, csv, markdown, yaml: did you mean json?' },
    { args: ['stats', '--view', 'pair'], stderr: 'plan: --view pair is not one of workload, matrix, pairs, partners, sections: did you mean pairs?' },
    { args: ['tasks', '--part', '三', '--part', '四'], stderr: 'plan: --part is given twice: give it once' },
    { args: ['tasks', '--format', 'csv', '--json'], stderr: 'plan: --json and --format set the same thing: give one of them' },
    { args: ['--format', 'csv', 'tasks', '--format', 'json'], stderr: 'plan: --format is given twice: give it once' },
    { args: ['tasks', '--color', 'always', '--no-color'], stderr: 'plan: --no-color and --color set the same thing: give one of them' },
    { args: ['tasks', '--format'], stderr: 'plan: --format needs a value (plan --help shows how)' },
    { args: ['outline', 'extra'], stderr: 'plan: plan outline takes no "extra" (plan outline --help shows how)' },
    { args: ['tasks', '-n', '0x25'], stderr: 'plan: --limit must be a whole number from 1, such as 10, not "0x25"' },
    { args: ['tasks', '-n', '1e1'], stderr: 'plan: --limit must be a whole number from 1, such as 10, not "1e1"' },
    { args: ['show', '+37'], stderr: 'plan: "+37" is not a task number: give numbers such as 37, ranges such as 37-40, or lists such as 37,38' },
    { args: ['show', '37', '999'], stderr: "plan: there is no task 999: the plan's tasks are 1–75" },
    { args: ['tasks', '--plan', ''], stderr: 'plan: a plan file name is empty: give a file or folder, or - for standard input' },
    { args: ['show', '3-1'], stderr: 'plan: 3-1 runs backwards: a range goes from the lower number up (1-3)' },
    { args: ['show', '3-1', '--lang', 'zh'], stderr: 'plan: 范围 3-1 是倒过来的：范围从小号写到大号（1-3）' },
    { args: ['show', '74-77'], stderr: "plan: there is no task 76: the plan's tasks are 1–75" },
    { args: ['tasks', '--part', '一', '--section', '八'], stderr: "plan: section 八 is not in part 一: （八） is in part 三 (plan outline --part 一 lists part 一's sections)" },
  ])('$args', ({ args, stderr }) => {
    expect(plan(args)).toEqual({ stdout: '', stderr: `${stderr}\n`, code: 2 });
  });
});

describe('naming parts, sections and tasks as SPEC.md lists', () => {
  const ids = (args: string[], input?: string) => {
    const run = plan([...args, '--json'], {}, input);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout).map((t: { id: number }) => t.id);
  };
  const outline = plan(['outline', '--format', 'table', '--no-pager'], { COLUMNS: '200' }).stdout.split('\n');

  it.each([
    { args: ['tasks', '--part', '优化'], expected: Array.from({ length: 27 }, (_, i) => 29 + i) },
    { args: ['tasks', '--part', '第五部分'], expected: [67, 68, 69, 70, 71, 72, 73, 74, 75] },
    { args: ['tasks', '--section', '第八'], expected: [36, 37, 38, 39, 40, 41, 42, 43] },
    { args: ['tasks', '--section', '(八)'], expected: [36, 37, 38, 39, 40, 41, 42, 43] },
    { args: ['tasks', '--part', '三', '--section', '八', '--sole'], expected: [37, 40, 42] },
    { args: ['tasks', '-d', '市林业局,市邮政管理局'], expected: [12, 30, 36, 38, 64] },
    { args: ['show', '37-40'], expected: [37, 38, 39, 40] },
    { args: ['show', '37,38', '40'], expected: [37, 38, 40] },
    { args: ['show', '３７．'], expected: [37] },
  ])('$args', ({ args, expected }) => {
    expect(ids(args)).toEqual(expected);
  });

  it('--lead: tasks with a lead, or those the --dept leads', () => {
    const led = path.join(dir, 'led.yaml');
    writeFileSync(led, readFileSync(SMALL, 'utf8').replace('departments: [市商委, 市质监局]\n    responsibility: shared', 'departments: [市商委, 市质监局]\n    responsibility: led\n    leads: [市商委]'));
    expect(ids(['tasks', '--plan', led, '--lead'])).toEqual([2]);
    expect(ids(['tasks', '--plan', led, '--lead', '-d', '市商委'])).toEqual([2]);
    expect(plan(['tasks', '--plan', led, '--lead', '-d', '市质监局'])).toEqual({ stdout: '', stderr: 'no task matches these filters\n', code: 1 });
    expect(plan(['tasks', '--lead', '--plan', led, '--format', 'table'], { ...ZH, COLUMNS: '100' }).stdout).toContain('│ 牵头 │');
    expect(plan(['show', '2', '--plan', led, '--format', 'table'], { ...ZH, COLUMNS: '100' }).stdout).toMatch(/\n职责 +牵头\n/);
  });

  it('a heading pasted from plan outline, part or section, in either language', () => {
    const part = outline.find((l) => l.startsWith('三、'))!;
    const section = outline.find((l) => l.includes('（八）'))!;
    expect(part).toMatch(/ {2}\(\d+ tasks\)$/);
    expect(ids(['tasks', '--part', part])).toHaveLength(27);
    expect(ids(['tasks', '--section', section])).toEqual([36, 37, 38, 39, 40, 41, 42, 43]);
    const zh = plan(['outline', '--format', 'table'], { ...ZH, COLUMNS: '200' }).stdout.split('\n').find((l) => l.includes('（八）'))!;
    expect(ids(['tasks', '--section', zh])).toEqual([36, 37, 38, 39, 40, 41, 42, 43]);
  });

  it.each(['tasks', 'search 电梯', 'dept 质监局', 'depts', 'outline', 'stats --view workload'])('--limit on %s', (command) => {
    const run = plan([...command.split(' '), '-n', '2', '--json']);
    expect(JSON.parse(run.stdout)).toHaveLength(2);
  });

  it('- reads the plan from standard input', () => {
    const small = readFileSync(SMALL, 'utf8');
    expect(plan(['validate', '-'], {}, small)).toEqual({ stdout: '-\tvalid\t5\t3\t2\t4\n', stderr: '', code: 0 });
    expect(ids(['tasks', '--plan', '-'], small)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('messages of the lower layers in the interface language, with hints true where they are printed', () => {
  const empty = path.join(dir, 'empty.yaml');
  writeFileSync(empty, '\n');
  it.each([
    { args: ['tasks', '--plan', '/nonexistent/a.yaml'], env: {}, stderr: 'plan: plan file /nonexistent/a.yaml does not exist: give an existing file with --plan FILE', code: 3 },
    { args: ['tasks'], env: { PLAN_FILE: '/nonexistent/b.yaml' }, stderr: 'plan: plan file /nonexistent/b.yaml (from PLAN_FILE) does not exist: set PLAN_FILE to an existing file, or unset it for the bundled plan', code: 3 },
    { args: ['validate', '/nonexistent/c.yaml'], env: {}, stderr: 'plan: plan file /nonexistent/c.yaml does not exist: give an existing file (plan validate with no file checks the plan in use)', code: 3 },
    { args: ['tasks', '--plan', '/nonexistent/a.yaml'], env: ZH, stderr: 'plan: 计划文件 /nonexistent/a.yaml 不存在：请用 --plan 文件 给出已有的文件', code: 3 },
    { args: ['tasks', '--plan', empty], env: ZH, stderr: `plan: ${empty} 是空的；计划文件需要标题、单位、部分、节和任务`, code: 3 },
    { args: ['search', '  '], env: ZH, stderr: 'plan: 查询中没有可查找的词：请至少给一个，例如 plan search 电梯', code: 2 },
  ])('$args $env', ({ args, env, stderr, code }) => {
    expect(plan(args, env)).toEqual({ stdout: '', stderr: `${stderr}\n`, code });
  });
});
