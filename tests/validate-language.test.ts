// plan validate in both interface languages: every problem of a plan file, the look-alike warnings and YAML's
// syntax errors are worded from the one catalogue, and each has its Chinese. Runs the built binary for the CLI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.js';
import { word, type Message } from '../src/i18n/index.js';
import { zh } from '../src/i18n/zh.js';
import { confusableNames } from '../src/plan/confusable.js';
import { checkPlanText } from '../src/plan/load.js';
import { parseText } from '../src/plan/parse.js';
import { validatePlan } from '../src/plan/validate.js';
import { fixturePath } from './helpers.js';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;
const dir = mkdtempSync(path.join(tmpdir(), 'plan-validate-language-'));
const CLEAN = { PLAN_FILE: undefined, PLAN_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'C.UTF-8', NO_COLOR: '1' };

function plan(args: string[], env: Record<string, string | undefined> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, ...CLEAN, PLAN_CACHE_DIR: dir, ...env } as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 20000 });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

const write = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  return name;
};

/** A plan with a few representative problems, in file order. */
const BAD = write('bad.yaml', [
  'title: 测试计划',
  'departments:',
  '  - name: 市质监局',
  '  - name: 市质监局',
  'sections:',
  '  - id: 1',
  '    title: 第一节',
  'tasks:',
  '  - id: 3',
  '    section: 99',
  '    text: 做事',
  '    departments: [市外星局]',
  '    responsibility: alone',
  '    owner: 张三',
  '',
].join('\n'));

describe('plan validate in Chinese and English', () => {
  const zhLines = [
    'bad.yaml\t4\t11\t单位“市质监局”重复列出',
    'bad.yaml\t10\t14\t第 3 项任务所属的第 99 节在计划中不存在',
    'bad.yaml\t12\t19\t第 3 项任务所列的单位“市外星局”不在单位名单（departments）中',
    'bad.yaml\t13\t21\t第 3 项任务的 responsibility 应为 shared、sole、led 或 guided，实为“alone”',
    'bad.yaml\t14\t5\t第 3 项任务中有未知的键“owner”（可用的键：id、number、section、part、heading、text、departments、responsibility、leads、roles、incomplete、scope、deadline、implied）',
  ];
  const enLines = [
    'bad.yaml\t4\t11\tduplicate department "市质监局"',
    'bad.yaml\t10\t14\ttask 3 names section 99, which the plan does not have',
    'bad.yaml\t12\t19\ttask 3 names department "市外星局", which is not in the departments list',
    'bad.yaml\t13\t21\tresponsibility of task 3 must be shared, sole, led or guided, found "alone"',
    'bad.yaml\t14\t5\tunknown key "owner" in task 3 (known: id, number, section, part, heading, text, departments, responsibility, leads, roles, incomplete, scope, deadline, implied)',
  ];

  it.each([
    { how: '--lang zh', args: ['--lang', 'zh'], env: {}, lines: zhLines },
    { how: 'LANG=zh_CN.UTF-8', args: [], env: { LANG: 'zh_CN.UTF-8' }, lines: zhLines },
    { how: 'PLAN_LANG=zh', args: [], env: { PLAN_LANG: 'zh' }, lines: zhLines },
    { how: 'English (LANG=C.UTF-8)', args: [], env: {}, lines: enLines },
    { how: '--lang en over LANG=zh_CN.UTF-8', args: ['--lang', 'en'], env: { LANG: 'zh_CN.UTF-8' }, lines: enLines },
  ])('$how: one line a problem, file line column message (exit 3)', ({ args, env, lines }) => {
    const run = plan(['validate', ...args, BAD], env);
    expect(run.stdout).toBe(`${lines.join('\n')}\n`);
    expect(run.code).toBe(3);
  });

  it('--format json: the message follows the language, the field names do not', () => {
    const zhRecords = JSON.parse(plan(['validate', '--lang', 'zh', '--format', 'json', BAD]).stdout) as Record<string, unknown>[];
    const enRecords = JSON.parse(plan(['validate', '--format', 'json', BAD], { LANG: 'en_US.UTF-8' }).stdout) as Record<string, unknown>[];
    expect(zhRecords[1]).toEqual({ file: 'bad.yaml', line: 10, column: 14, message: '第 3 项任务所属的第 99 节在计划中不存在' });
    expect(enRecords[1]).toEqual({ file: 'bad.yaml', line: 10, column: 14, message: 'task 3 names section 99, which the plan does not have' });
    expect(zhRecords.map((r) => Object.keys(r))).toEqual(enRecords.map((r) => Object.keys(r)));
    expect(zhRecords.map((r) => r.message)).toEqual(zhLines.map((l) => l.split('\t')[3]));
  });

  it('another command on a broken plan: the error and each problem line in Chinese', () => {
    const run = plan(['tasks', '--plan', BAD], { LANG: 'zh_CN.UTF-8' });
    expect(run.code).toBe(3);
    expect(run.stderr.split('\n').slice(0, 3)).toEqual([
      'plan: bad.yaml 不是有效的计划文件（5 个问题）；请修改后运行：plan validate bad.yaml',
      '  bad.yaml:4:11：单位“市质监局”重复列出',
      '  bad.yaml:10:14：第 3 项任务所属的第 99 节在计划中不存在',
    ]);
  });

  it('a YAML syntax error: the first one, its line shown and marked, in Chinese', () => {
    const file = write('syntax.yaml', 'title: x\ndepartments:\n  - name: a\n    aliases: [b, c\ntasks: []\n');
    expect(plan(['validate', '--lang', 'zh', file]).stdout).toBe('syntax.yaml\t5\t1\t方括号列表须比所在的键缩进更深，并以 ] 结束\n');
    const run = plan(['tasks', '--plan', file], { LANG: 'zh_CN.UTF-8' });
    expect(run.stderr).toBe([
      'plan: syntax.yaml:5:1：方括号列表须比所在的键缩进更深，并以 ] 结束（YAML 语法错误：修改后运行 plan validate syntax.yaml）',
      '  5 | tasks: []',
      '    | ^',
      '',
    ].join('\n'));
  });

  it('names that look the same: the warning in Chinese on stderr, the verdict on stdout', () => {
    const file = write('lookalike.yaml', 'title: x\ndepartments:\n  - name: 市质监局\n  - name: "市质\\u200b监局"\ntasks:\n  - id: 1\n    text: t\n    departments: [市质监局]\n    responsibility: sole\n');
    const zhRun = plan(['validate', '--lang', 'zh', file]);
    // The invisible character is shown as a visible mark on the terminal (neutralised).
    expect(zhRun.stderr).toMatch(/^lookalike\.yaml：警告：“市质.监局”（市质.监局）与“市质监局”（市质监局）看起来相同，但所用字符不同（U\+200B）：读者无法分辨\n$/u);
    expect(zhRun.stdout).toBe('lookalike.yaml\tvalid\t1\t0\t0\t2\n');
    expect(plan(['validate', file]).stderr).toMatch(/^lookalike\.yaml: warning: "市质.监局" \(市质.监局\) looks the same as "市质监局" \(市质监局\) but differs by U\+200B: a reader cannot tell them apart\n$/u);
  });
});

/** Every catalogue key a message (and the messages in its parameters) uses. */
function keysOf(message: Message, into = new Set<string>()): Set<string> {
  into.add(message.key);
  if (typeof message.params === 'object' && message.params !== null) {
    for (const value of Object.values(message.params)) {
      if (typeof value === 'object' && value !== null && 'key' in value) keysOf(value as Message, into);
    }
  }
  return into;
}

const HAN = /\p{Script=Han}/u;

describe('every problem message has its Chinese', () => {
  it('the catalogues have the same keys, each a text or a function in both', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect([key, typeof zh[key]]).toEqual([key, typeof en[key]]);
  });

  it('a fixture with one of each problem kind uses every problem message of the catalogue, each worded in Chinese', async () => {
    const { data } = await parseText(readFileSync(fixturePath('broken/every-problem.yaml'), 'utf8'));
    const { problems, total } = validatePlan(data);
    expect(total).toBe(problems.length);
    const used = new Set<string>();
    for (const p of problems) keysOf(p.message, used);
    // Every message validate.ts can make: problems, what they are about, what was expected and found.
    const validateKeys = Object.keys(en).filter((k) => /^(problem|subject|expected|found)\./.test(k) && k !== 'problem.at');
    expect(validateKeys.filter((k) => !used.has(k))).toEqual([]);
    for (const p of problems) {
      const [english, chinese] = [word('en', p.message), word('zh', p.message)];
      expect(chinese, english).toMatch(HAN);
      expect(chinese, english).not.toBe(english);
      // No English words of the message left in the Chinese (keys, values and names of the file may stay).
      expect(chinese.replace(/“[^”]*”|（可用的键：[^）]*）|[a-z_]+(?= 应为|$| 或|、|，)|\b(?:YYYY-MM-DD|departments|synonyms|true|false|null)\b/g, ''), english).not.toMatch(/\b(?:the|of|a|an|is|must|names|found|task|part|section|department)\b/);
    }
  });

  it.each([
    { what: 'a flow list not closed', text: 'title: x\ndepartments:\n  - name: a\n    aliases: [b, c\ntasks: []\n', en: 'Flow sequence in block collection must be sufficiently indented and end with a ]', zh: '方括号列表须比所在的键缩进更深，并以 ] 结束' },
    { what: 'a tab as indentation', text: 'title: x\ndepartments:\n\t- name: a\n', en: 'Tabs are not allowed as indentation', zh: '不能用制表符（Tab）缩进' },
    { what: 'a quote not closed', text: 'title: "x\ndepartments: []\n', en: 'Missing closing "quote', zh: '缺少结尾的双引号 "' },
    { what: 'a key twice', text: 'title: x\ntitle: y\n', en: 'Map keys must be unique', zh: '同一映射中的键不能重复' },
    { what: 'a list given twice', text: `title: x\ntasks:\n${'  - id: 1\n    text: 一项任务的文字\n'.repeat(500)}tasks:\n  - id: 2\n`, en: 'Map keys must be unique ("tasks" twice)', zh: '键“tasks”出现了两次：同一映射中的键不能重复' },
    { what: 'a value that starts with @', text: 'title: @x\ndepartments: []\n', en: 'Plain value cannot start with reserved character @', zh: '不加引号的值不能以 @ 开头（请给值加引号）' },
    { what: 'a } with no {', text: 'title: x\n}\n', en: 'Unexpected flow-map-end token in YAML stream', zh: '此处不应出现“}”' },
    { what: 'two documents', text: 'title: x\n---\ntitle: y\n', en: 'Source contains more than one YAML document (a plan file is one)', zh: '文件中有不止一个 YAML 文档（计划文件只能有一个）' },
    { what: 'nesting too deep', text: `title: ${'['.repeat(70)}${']'.repeat(70)}\n`, en: 'the YAML nests too deeply (a plan nests at most 64 levels)', zh: 'YAML 嵌套过深（计划最多嵌套 64 层）' },
    { what: 'an alias without its anchor', text: 'title: x\ndepartments: *nothing\n', en: 'cannot expand YAML aliases: Unresolved alias (the anchor must be set before the alias): nothing', zh: '无法展开 YAML 别名：别名 nothing 没有对应的锚点（锚点须写在别名之前）' },
  ])('YAML: $what', async ({ text, en: english, zh: chinese }) => {
    const { problems, syntax } = await checkPlanText(text);
    expect(syntax).toBe(true);
    expect([problems[0]!.message, word('zh', problems[0]!.said)]).toEqual([english, chinese]);
  });

  it('a message of yaml that has no Chinese of its own is marked as a YAML error, its words kept', () => {
    expect(word('zh', { key: 'yaml.says', params: { text: 'Some new complaint of yaml' } })).toBe('YAML 写法有误（Some new complaint of yaml）');
  });

  it('look-alike warnings, both kinds, in both languages', () => {
    const department = (name: string, aliases: string[] = []) => ({ name, aliases, group: false });
    const plan = { departments: [department('市质监局'), department('市质\u200b监局'), department('市商委', ['Ｑ\u0421局']), department('市经信委', ['QC局'])] } as never;
    expect(confusableNames(plan).map((m) => word('zh', m))).toEqual([
      '“市质\u200b监局”（市质\u200b监局）与“市质监局”（市质监局）看起来相同，但所用字符不同（U+200B）：读者无法分辨',
      '“QC局”（市经信委）与“Ｑ\u0421局”（市商委）看起来相同，但所用字符不同（U+FF31, U+0421）：读者无法分辨',
    ]);
    const invisible = { departments: [department('市质\u200b监局')] } as never;
    expect(confusableNames(invisible).map((m) => [word('en', m), word('zh', m)])).toEqual([[
      '"市质\u200b监局" (市质\u200b监局) has a character no one can see (U+200B): remove it',
      '“市质\u200b监局”（市质\u200b监局）含有看不见的字符（U+200B）：请删除',
    ]]);
  });
});
