// The hostile matrix: nasty files, special files, environments and arguments, generated here in a temporary
// folder (nothing large is stored) and run through the built CLI, a few at a time. Every case must end with the
// exit code it expects, within a bound of processor time and memory, with a short stderr, no stack trace and no
// raw control, bidi or invisible character in its output.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from './helpers.js';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;
const dir = mkdtempSync(path.join(tmpdir(), 'plan-matrix-'));
const file = (name: string, content: string | Buffer) => {
  const at = path.join(dir, name);
  writeFileSync(at, content);
  return at;
};

/** Processor time (all threads) and memory a case may take: SPEC "Safety" (5 s, 1 GB). */
const CPU_SECONDS = 5;
const MEMORY_MB = 1024;
/** Wall time after which a case is a hang (generous: machines running these vary). */
const WALL_SECONDS = 30;
const STDERR_BYTES = 4096;

// Reports the processor time and peak memory of the run on fd 3 when it exits (preloaded with node -r).
// (process.cpuUsage() counts every thread of the process; worker threads load this too, and say nothing.)
const probe = file('probe.cjs', `if (require('worker_threads').isMainThread) process.on('exit', () => { try { require('fs').writeSync(3, JSON.stringify({ cpu: process.cpuUsage(), rss: process.resourceUsage().maxRSS }) + '\\n'); } catch {} });\n`);

type Category = 'syntax storms' | 'nesting' | 'amplification' | 'quadratic shapes' | 'encodings' | 'control and invisible characters' | 'special files' | 'hostile environments' | 'hostile arguments';

interface Case {
  category: Category;
  name: string;
  args: string[];
  /** Exit codes that are right (0–3; 70 only for output that cannot be written). */
  codes: number[];
  env?: Record<string, string | undefined>;
  /** What standard input is: text, a file, or a writer that never ends. */
  stdin?: string | { file: string } | 'endless';
  stdout?: RegExp;
  stderr?: RegExp;
  /** Where the run takes place (for cases about the working directory). */
  cwd?: string;
  /** Checked after the run. */
  after?: () => void;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  stderrBytes: number;
  wall: number;
  cpu: number;
  rssMB: number;
}

const cases: Case[] = [];
const add = (category: Category, name: string, args: string[], codes: number[], more: Partial<Case> = {}) => cases.push({ category, name, args, codes, ...more });

// ---- Plans to start from ------------------------------------------------------------------------------------
const small = readFileSync(fixturePath('small-plan.yaml'), 'utf8');
const minimal = readFileSync(fixturePath('minimal-plan.yaml'), 'utf8');
const q = (text: string) => JSON.stringify(text);

/** A valid plan in block YAML: these departments, these tasks (text and departments of each). */
function planText(departments: string[], tasks: { text: string; departments: string[] }[], head = 'title: 测试'): string {
  const lines = [head, 'departments:', ...departments.map((d) => `  - name: ${q(d)}`), 'parts:', '  - id: 1', '    title: 第一部分',
    'sections:', '  - id: 1', '    part: 1', '    title: 第一节', 'tasks:'];
  tasks.forEach((t, i) => lines.push(`  - id: ${i + 1}`, '    section: 1', `    text: ${q(t.text)}`, `    departments: [${t.departments.map(q).join(', ')}]`, `    responsibility: ${t.departments.length > 1 ? 'shared' : 'sole'}`));
  return `${lines.join('\n')}\n`;
}
const withText = (text: string) => planText(['市质监局', '市商委'], [{ text, departments: ['市质监局'] }, { text: '开展电梯安全监管。', departments: ['市质监局', '市商委'] }]);

// ---- Syntax storms: every one is a YAML error, reported first and alone -------------------------------------
const storms: [string, string][] = [
  ['2 MB of ] lines', ']\n'.repeat(1_000_000)],
  ['] lines under a key', `tasks:\n${'  ]\n'.repeat(300_000)}`],
  ['unclosed double quotes', 'title: "x\n'.repeat(100_000)],
  ["unclosed single quotes", "title: 'x\n".repeat(100_000)],
  ['unclosed brackets', `tasks: ${'[a, '.repeat(200_000)}\n`],
  ['unclosed braces', `tasks: ${'{a: '.repeat(100_000)}\n`],
  ['colons', ': : : :\n'.repeat(120_000)],
  ['anchors', `title: ${'&x '.repeat(200_000)}1\n`],
  ['explicit keys', '? a\n'.repeat(200_000)],
  ['tabs as indentation', `title: x\ntasks:\n${'\t- id: 1\n'.repeat(100_000)}`],
  ['one 5 MB line', `title: ${'x: '.repeat(1_700_000)}\n`],
  ['directives', '%YAML 1.2\n'.repeat(100_000)],
  ['document markers', '---\na: 1\n'.repeat(100_000)],
  ['block scalar headers', 'a: |\n'.repeat(100_000)],
  ['junk after a valid plan', `${small}${'  - ]\n'.repeat(200_000)}`],
  ['an error at the top of a long file', `title: [\n${small.repeat(1)}${'# filler line\n'.repeat(200_000)}`],
  ['an error at the end of 10,000 tasks', `${planText(['市质监局'], Array.from({ length: 10_000 }, () => ({ text: '开展电梯安全监管专项行动。', departments: ['市质监局'] })))}  - id: [\n`],
  ['duplicate keys', `title: x\n${Array.from({ length: 20_000 }, (_, i) => `k${i % 1000}: v`).join('\n')}\n`],
  ['quotes and brackets mixed', `${'a: ["\'{[\n'.repeat(50_000)}`],
  ['printable junk', Array.from({ length: 200_000 }, (_, i) => '!@#%^&*()[]{}|:;"\'<>,.?/~`'[i % 26]).join('').replace(/(.{80})/g, '$1\n')],
];
for (const [name, text] of storms) {
  const at = file(`storm-${cases.length}.yaml`, text);
  add('syntax storms', name, ['tasks', '--plan', at], [3], { stderr: /:\d+:\d+: / });
  if (cases.length % 4 === 0) add('syntax storms', `${name}, validated`, ['validate', at], [3], { stdout: /^[^\n]*\t\d+\t\d+\t[^\n]*\n$/ });
}
add('syntax storms', '100,000 wrong values: the first 20 and a count', ['validate', file('wrong-values.yaml', planText(['市质监局'], Array.from({ length: 30_000 }, () => ({ text: 't', departments: ['市外星局'] }))))], [3], { stdout: /^(?:[^\n]*\n){20}$/ });
add('syntax storms', '20,000 unknown keys in one task', ['tasks', '--plan', file('unknown-keys.yaml', minimal.replace('responsibility: sole', `responsibility: sole\n${Array.from({ length: 20_000 }, (_, i) => `    key${i}: x`).join('\n')}`))], [3], { stderr: /and 19980 more/ });

// ---- Nesting ------------------------------------------------------------------------------------------------
const nests: [string, string][] = [
  ['100,000 [', '['.repeat(100_000)],
  ['100,000 { after a key', `title: ${'{a: '.repeat(100_000)}`],
  ['100,000 [ in a task text', minimal.replace('text: 开展电梯安全监管。', `text: ${'['.repeat(100_000)}`)],
  ['1,000 nested block lists', `a:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}- `).join('\n')}x\n`],
  ['300 nested mappings', `${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`],
  ['65 levels of flow lists', `title: x\nnotes: ${'['.repeat(65)}1${']'.repeat(65)}\n`],
  ['60 levels: deep but not too deep', `title: x\nnotes: ${'['.repeat(60)}1${']'.repeat(60)}\n`],
  ['nested lists in a department list', minimal.replace('departments: [市质监局]', `departments: ${'['.repeat(5000)}${']'.repeat(5000)}`)],
  ['a compact list of lists', `${'- '.repeat(20_000)}x\n`],
  ['nesting in a top-level list', `- ${'['.repeat(50_000)}\n`],
];
for (const [name, text] of nests) add('nesting', name, ['tasks', '--plan', file(`nest-${cases.length}.yaml`, text)], [3]);
add('nesting', 'deep nesting, validated', ['validate', file('nest-validate.yaml', `title: ${'['.repeat(100_000)}`)], [3]);
add('nesting', 'deep nesting, searched', ['search', '电梯', '--plan', file('nest-search.yaml', `title: ${'{a: ['.repeat(30_000)}`)], [3]);

// ---- Amplification ------------------------------------------------------------------------------------------
const longText = '质量'.repeat(40_000);
const bomb = (depth: number, width: number) => {
  const lines = ['a0: &a0 [x]'];
  for (let i = 1; i <= depth; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
};
add('amplification', 'billion laughs', ['tasks', '--plan', file('bomb.yaml', bomb(9, 9))], [3], { stderr: /alias/i });
add('amplification', 'billion laughs, validated', ['validate', file('bomb2.yaml', bomb(20, 4))], [3]);
add('amplification', '1,000 aliases of one long text', ['search', '质量', '--plan', file('amplify.yaml', `${minimal.replace('text: 开展电梯安全监管。', `text: &t ${q(longText)}`)}notes:\n${Array.from({ length: 999 }, () => '  - text: *t').join('\n')}\n`)], [3], { stderr: /alias/i });
add('amplification', '500 aliases of a long list', ['tasks', '--plan', file('amplify-list.yaml', `title: x\nnotes: &n [${Array.from({ length: 2000 }, () => q('长')).join(', ')}]\nsynonyms:\n${Array.from({ length: 500 }, () => '  - *n').join('\n')}\n`)], [3]);
const anchored = `title: 测试\ndepartments:\n  - name: 市质监局\n  - name: 市商委\nparts:\n  - id: 1\n    title: p\nsections:\n  - id: 1\n    part: 1\n    title: s\ntasks:\n  - id: 1\n    section: 1\n    text: 开展电梯安全监管。\n    departments: &both [市质监局, 市商委]\n    responsibility: shared\n  - id: 2\n    section: 1\n    text: 推进质量提升。\n    departments: *both\n    responsibility: shared\n`;
add('amplification', 'a few aliases across tasks, as people write them', ['tasks', '--plan', file('anchored.yaml', anchored), '--json'], [0], { stdout: /"市商委"/ });
add('amplification', 'aliases across tasks in a file over 1 MB', ['tasks', '--plan', file('anchored-big.yaml', anchored.replace('  - id: 2\n', `${Array.from({ length: 12_000 }, (_, i) => `  - id: ${i + 3}\n    section: 1\n    text: 开展电梯安全监管专项行动。\n    departments: [市质监局]\n    responsibility: sole\n`).join('')}  - id: 2\n`))], [3], { stderr: /1 MB/ });
add('amplification', 'an alias before its anchor', ['tasks', '--plan', file('alias-first.yaml', anchored.replace('&both', '*later').replace('*both', '&later [市质监局]'))], [3]);
add('amplification', 'merge keys are not a plan feature', ['tasks', '--plan', file('merge.yaml', minimal.replace('responsibility: sole', 'responsibility: sole\n    <<: {x: 1}'))], [3], { stderr: /unknown key/ });
add('amplification', 'an anchor on every value', ['tasks', '--plan', file('anchors-everywhere.yaml', small.replace(/: (\S)/g, (_, c, i: number) => `: &a${i} ${c}`))], [0, 3]);
add('amplification', 'a long text repeated by hand (no alias) is allowed', ['search', '质量', '--plan', file('long-text.yaml', withText(longText))], [0, 1]);

// ---- Quadratic shapes ---------------------------------------------------------------------------------------
const manyNames = Array.from({ length: 6000 }, (_, i) => `部门${i}`);
const pairsPlan = file('pairs.yaml', planText(manyNames, [{ text: '所有部门共同负责。', departments: manyNames }]));
add('quadratic shapes', '6,000 departments on one task: pairs refused', ['stats', '--view', 'pairs', '--plan', pairsPlan], [2], { stderr: /too many pairs/ });
add('quadratic shapes', '6,000 departments on one task: workload answered', ['stats', '--view', 'workload', '--plan', pairsPlan, '--format', 'tsv'], [0]);
add('quadratic shapes', '6,000 departments on one task: their tasks', ['tasks', '--plan', pairsPlan, '--json'], [0]);
add('quadratic shapes', '6,000 departments on one task: one department', ['dept', '部门5999', '--plan', pairsPlan], [0]);
const hundredThousand = Array.from({ length: 100_000 }, (_, i) => `部门${i}`);
add('quadratic shapes', 'one task naming 100,000 departments', ['validate', file('wide-task.yaml', planText(hundredThousand.slice(0, 1000), [{ text: 't', departments: hundredThousand }]))], [3]);
add('quadratic shapes', '20,000 keys in one mapping', ['tasks', '--plan', file('wide-map.yaml', `title: x\nnotes:\n  - text: t\n${Array.from({ length: 20_000 }, (_, i) => `    k${i}: v`).join('\n')}\n`)], [3]);
add('quadratic shapes', '20,000 duplicate task ids', ['validate', file('duplicate-ids.yaml', planText(['市质监局'], Array.from({ length: 20_000 }, () => ({ text: 't', departments: ['市质监局'] }))).replace(/id: \d+/g, 'id: 1'))], [3]);
add('quadratic shapes', '200,000 a and search a', ['search', 'a', '--plan', file('aaaa.yaml', withText('a'.repeat(200_000)))], [0, 1]);
add('quadratic shapes', '200,000 a and search aaa', ['search', 'aaa', '--plan', path.join(dir, 'aaaa.yaml'), '--format', 'table'], [0, 1]);
add('quadratic shapes', '200,000 a and tasks --keyword a', ['tasks', '--keyword', 'a', '--plan', path.join(dir, 'aaaa.yaml')], [0, 1]);
add('quadratic shapes', 'a 1 MB department name', ['tasks', '--plan', file('long-name.yaml', planText(['局'.repeat(500_000)], [{ text: 't', departments: ['局'.repeat(500_000)] }]))], [0]);
add('quadratic shapes', 'a 1 MB department name, as a table', ['depts', '--plan', path.join(dir, 'long-name.yaml'), '--format', 'table'], [0]);
add('quadratic shapes', '3,000 sections', ['outline', '--plan', file('sections.yaml', `title: x\ndepartments:\n  - name: 市质监局\nparts:\n  - id: 1\n    title: p\nsections:\n${Array.from({ length: 3000 }, (_, i) => `  - id: ${i + 1}\n    part: 1\n    title: 第${i}节`).join('\n')}\ntasks:\n  - id: 1\n    section: 3000\n    text: t\n    departments: [市质监局]\n    responsibility: sole\n`)], [0]);
add('quadratic shapes', '10,000 aliases of one department', ['dept', '质监', '--plan', file('aliases.yaml', small.replace('aliases: [质监局]', `aliases: [质监局, ${Array.from({ length: 10_000 }, (_, i) => `别名${i}`).join(', ')}]`))], [0]);

// ---- Encodings ----------------------------------------------------------------------------------------------
const encode = (text: string, encoding: 'utf16le' | 'utf16be' | 'utf32le' | 'utf32be') => {
  const points = Array.from(text, (c) => c.codePointAt(0)!);
  if (encoding === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (encoding === 'utf16be') return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  const out = Buffer.alloc(4 + points.length * 4);
  const le = encoding === 'utf32le';
  out.set(le ? [0xff, 0xfe, 0, 0] : [0, 0, 0xfe, 0xff]);
  points.forEach((p, i) => (le ? out.writeUInt32LE(p, 4 + 4 * i) : out.writeUInt32BE(p, 4 + 4 * i)));
  return out;
};
for (const encoding of ['utf16le', 'utf16be', 'utf32le', 'utf32be'] as const) {
  add('encodings', `${encoding} with a byte order mark`, ['tasks', '--plan', file(`${encoding}.yaml`, encode(small, encoding)), '--json'], [0], { stdout: /开展电梯安全监管专项行动/ });
}
add('encodings', 'UTF-16 with a byte order mark, validated', ['validate', path.join(dir, 'utf16le.yaml')], [0]);
add('encodings', 'UTF-8 with a byte order mark and CRLF', ['tasks', '--plan', file('bom-crlf.yaml', `\ufeff${small.replace(/\n/g, '\r\n')}`)], [0]);
add('encodings', 'CR-only line ends (old Mac)', ['tasks', '--plan', file('cr.yaml', small.replace(/\n/g, '\r')), '--json'], [0], { stdout: /畅通/ });
add('encodings', 'mixed line ends', ['tasks', '--plan', file('mixed-eol.yaml', small.split('\n').map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join(''))], [0]);
add('encodings', 'UTF-16 without a byte order mark', ['tasks', '--plan', file('utf16-nobom.yaml', Buffer.from(small, 'utf16le'))], [3], { stderr: /UTF-16/ });
add('encodings', 'GBK (Chinese Windows)', ['tasks', '--plan', file('gbk.yaml', gbk(small))], [3], { stderr: /iconv -f GB18030 -t UTF-8/ });
add('encodings', 'GBK, validated', ['validate', path.join(dir, 'gbk.yaml')], [3], { stderr: /iconv/ });
add('encodings', 'Latin-1', ['tasks', '--plan', file('latin1.yaml', Buffer.from('title: caf\xe9\n', 'latin1'))], [3], { stderr: /not UTF-8/ });
add('encodings', 'a NUL byte in UTF-8', ['tasks', '--plan', file('nul.yaml', `${small.slice(0, 200)}\0${small.slice(200)}`)], [3], { stderr: /NUL/ });
add('encodings', 'a NUL character in UTF-16', ['tasks', '--plan', file('nul16.yaml', encode(`${small}\0`, 'utf16le'))], [3], { stderr: /NUL/ });
add('encodings', 'broken UTF-8 in the middle', ['tasks', '--plan', file('broken-utf8.yaml', Buffer.concat([Buffer.from(small.slice(0, 300)), Buffer.from([0xe4, 0xb8]), Buffer.from(small.slice(300))]))], [3]);
add('encodings', 'an overlong UTF-8 encoding', ['tasks', '--plan', file('overlong.yaml', Buffer.concat([Buffer.from('title: '), Buffer.from([0xc0, 0xaf]), Buffer.from('\n')]))], [3]);
add('encodings', 'UTF-16 of odd length', ['tasks', '--plan', file('odd16.yaml', Buffer.concat([encode(small, 'utf16le'), Buffer.from([0x41])]))], [3]);
add('encodings', 'UTF-32 with a code point out of range', ['tasks', '--plan', file('bad32.yaml', Buffer.concat([encode(small, 'utf32le'), Buffer.from([0, 0, 0x11, 0])]))], [3]);
add('encodings', 'a lone surrogate in UTF-16', ['tasks', '--plan', file('lone16.yaml', Buffer.concat([encode(small, 'utf16le'), Buffer.from([0x00, 0xd8])]))], [3]);
add('encodings', 'binary (random bytes)', ['tasks', '--plan', file('random.bin', Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919 + 13) % 256)))], [3]);

// ---- Control and invisible characters -----------------------------------------------------------------------
const evil: [string, string][] = [
  ['ESC and CSI', 'A\x1b[2J\x1b[31mB\x1b[0m'],
  ['OSC 52 (a clipboard write) and OSC 8 (a link)', 'A\x1b]52;c;cm0gLXJmIH4=\x07B\x1b]8;;http://example.invalid\x1b\\C'],
  ['C1 controls and DEL', 'A\x9b31mB\x9d0;x\x9cC\x7fD\x85E'],
  ['bidi overrides', 'A\u202eB\u202dC\u2066D\u2069E\u200fF\u061cG'],
  ['invisible characters', 'A\u200bB\u200cC\u200dD\u2060E\ufeffF\u00adG\u2028H\u2029I\u{e0041}J\ufe0fK\u3164L'],
];
const formats = ['table', 'tsv', 'csv', 'markdown', 'json', 'ndjson', 'yaml'];
for (const [name, text] of evil) {
  const at = file(`evil-${cases.length}.yaml`, withText(text));
  for (const format of formats) add('control and invisible characters', `${name} in ${format}`, ['tasks', '--plan', at, '--format', format], [0]);
  add('control and invisible characters', `${name} in a search`, ['search', 'A', '--plan', at, '--format', 'table'], [0, 1]);
  add('control and invisible characters', `${name} in an error message`, ['tasks', '--plan', file(`evil-error-${cases.length}.yaml`, withText(text).replace('responsibility: sole', `responsibility: ${q(text)}`))], [3]);
}
const twins = planText(['市质监局', '市质\u200b监局', '市商委'], [{ text: 't', departments: ['市质\u200b监局'] }, { text: 'u', departments: ['市质监局', '市商委'] }]);
add('control and invisible characters', 'names that differ by an invisible character: validate warns', ['validate', file('twins.yaml', twins)], [0], { stderr: /looks the same as "市质监局"[^\n]*U\+200B/ });
add('control and invisible characters', 'names that differ by a look-alike: validate warns', ['validate', file('lookalike.yaml', planText(['市质监局', '市质监局ー', '市质监局一'], [{ text: 't', departments: ['市质监局ー'] }]))], [0], { stderr: /looks the same/ });
add('control and invisible characters', 'an invisible department, as a table', ['depts', '--plan', path.join(dir, 'twins.yaml'), '--format', 'table'], [0]);
for (const formula of ['=HYPERLINK("http://example.invalid","x")', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1']) {
  // A quote before the formula; a tab or a carriage return shows as ␉ or ␍, which starts none.
  const cell = /^[\t\r]/.test(formula) ? /,[␉␍]=1/ : /\n\d+,[^\n]*,"?'[=+\-@]/;
  add('control and invisible characters', `CSV never starts a formula: ${JSON.stringify(formula)}`, ['tasks', '--plan', file(`formula-${cases.length}.yaml`, withText(formula)), '--format', 'csv'], [0], { stdout: cell });
}

// ---- Special files ------------------------------------------------------------------------------------------
const fifo = path.join(dir, 'fifo');
execFileSync('mkfifo', [fifo]);
const sparse = path.join(dir, 'sparse.yaml');
const fd = openSync(sparse, 'w');
ftruncateSync(fd, 65 * 1024 * 1024);
closeSync(fd);
symlinkSync(path.join(dir, 'loop-b'), path.join(dir, 'loop-a'));
symlinkSync(path.join(dir, 'loop-a'), path.join(dir, 'loop-b'));
symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
add('special files', 'a named pipe with no writer (--plan)', ['tasks', '--plan', fifo], [3], { stderr: /named pipe/ });
add('special files', 'a named pipe with no writer (PLAN_FILE)', ['tasks'], [3], { env: { PLAN_FILE: fifo }, stderr: /named pipe/ });
add('special files', 'a named pipe, validated', ['validate', fifo], [3]);
add('special files', '/dev/zero', ['tasks', '--plan', '/dev/zero'], [3], { stderr: /character device/ });
add('special files', '/dev/null', ['tasks', '--plan', '/dev/null'], [3]);
add('special files', '/dev/urandom', ['tasks', '--plan', '/dev/urandom'], [3]);
add('special files', '/proc/kmsg', ['tasks', '--plan', '/proc/kmsg'], [3], { stderr: /kernel/ });
add('special files', '/proc/self/status', ['tasks', '--plan', '/proc/self/status'], [3]);
add('special files', 'a file of /sys', ['tasks', '--plan', '/sys/kernel/mm/transparent_hugepage/enabled'], [3]);
add('special files', 'a directory', ['tasks', '--plan', '/'], [0, 1, 3]);
add('special files', 'a loop of symbolic links', ['tasks', '--plan', path.join(dir, 'loop-a')], [3]);
add('special files', 'a dangling symbolic link', ['tasks', '--plan', path.join(dir, 'dangling')], [3]);
add('special files', 'a 65 MB file', ['tasks', '--plan', sparse], [3], { stderr: /64 MB/ });
add('special files', 'a path through a file', ['tasks', '--plan', `${path.join(dir, 'bomb.yaml')}/x`], [3]);
add('special files', 'standard input that never ends', ['tasks', '--plan', '-'], [3], { stdin: 'endless', stderr: /did not end/ });
add('special files', 'standard input from /dev/zero', ['tasks', '--plan', '-'], [3], { stdin: { file: '/dev/zero' } });
add('special files', 'standard input, a plan', ['tasks', '--plan', '-', '--json'], [0], { stdin: small, stdout: /畅通/ });
add('special files', 'standard input, empty', ['validate', '-'], [3], { stdin: '' });
add('special files', 'standard input redirected from a file', ['tasks', '--plan', '-'], [0], { stdin: { file: fixturePath('small-plan.yaml') } });

// ---- Hostile environments -----------------------------------------------------------------------------------
const plain = file('env-plan.yaml', small);
const work = mkdtempSync(path.join(tmpdir(), 'plan-cwd-'));
const noCacheIn = (at: string) => () => expect(readdirSync(at)).toEqual([]);
const without = { PLAN_CACHE_DIR: undefined, XDG_CACHE_HOME: undefined };
add('hostile environments', 'HOME empty: no cache in the working directory', ['tasks', '--plan', plain], [0], { env: { ...without, HOME: '' }, cwd: work, after: noCacheIn(work) });
add('hostile environments', 'XDG_CACHE_HOME relative', ['tasks', '--plan', plain], [0], { env: { ...without, XDG_CACHE_HOME: 'cache', HOME: '' }, cwd: work, after: noCacheIn(work) });
add('hostile environments', 'XDG_CACHE_HOME=/proc', ['tasks', '--plan', plain], [0], { env: { ...without, XDG_CACHE_HOME: '/proc' } });
add('hostile environments', 'XDG_CACHE_HOME=/dev/null', ['tasks', '--plan', plain], [0], { env: { ...without, XDG_CACHE_HOME: '/dev/null' } });
add('hostile environments', 'PLAN_CACHE_DIR relative', ['tasks', '--plan', plain], [0], { env: { PLAN_CACHE_DIR: 'cache' }, cwd: work, after: noCacheIn(work) });
add('hostile environments', 'PLAN_CACHE_DIR in /proc', ['tasks', '--plan', plain], [0], { env: { PLAN_CACHE_DIR: '/proc/plan-cache' } });
add('hostile environments', 'PLAN_CACHE_DIR a file', ['tasks', '--plan', plain], [0], { env: { PLAN_CACHE_DIR: plain } });
const open = path.join(dir, 'world-writable');
mkdirSync(open);
chmodSync(open, 0o777);
add('hostile environments', 'a cache parent anyone may write', ['tasks', '--plan', plain], [0], { env: { PLAN_CACHE_DIR: path.join(open, 'cache') }, after: () => expect(readdirSync(open)).toEqual([]) });
const sticky = path.join(dir, 'sticky');
mkdirSync(sticky);
chmodSync(sticky, 0o1777);
add('hostile environments', 'a sticky cache parent (as /tmp) is used', ['tasks', '--plan', plain], [0], { env: { PLAN_CACHE_DIR: path.join(sticky, 'cache') }, after: () => expect(readdirSync(sticky)).toEqual(['cache']) });
const junk = path.join(dir, 'junk-cache');
add('hostile environments', 'a cache of garbled entries', ['tasks', '--plan', plain, '--json'], [0], { env: { PLAN_CACHE_DIR: junk }, stdout: /畅通/ });
add('hostile environments', 'PLAN_FILE empty', ['outline'], [0], { env: { PLAN_FILE: '' } });
add('hostile environments', 'PLAN_FILE=/dev/zero', ['outline'], [3], { env: { PLAN_FILE: '/dev/zero' } });
add('hostile environments', 'COLUMNS=0', ['tasks', '--format', 'table'], [0], { env: { COLUMNS: '0' } });
add('hostile environments', 'COLUMNS=100000', ['depts', '--format', 'table'], [0], { env: { COLUMNS: '100000' } });
add('hostile environments', 'COLUMNS not a number', ['stats', '--format', 'table'], [0], { env: { COLUMNS: '\x1b[31m' } });
add('hostile environments', 'LANG with escapes', ['tasks', '--part', '九'], [2], { env: { LANG: '\x1b]0;x\x07', LC_ALL: undefined } });
add('hostile environments', 'PAGER with escapes (not a terminal)', ['tasks'], [0], { env: { PAGER: '\x1b[31mless' } });
add('hostile environments', 'PLAN_NO_CACHE=1', ['tasks', '--plan', plain], [0], { env: { PLAN_NO_CACHE: '1', PLAN_CACHE_DIR: path.join(dir, 'unused-cache') }, after: () => expect(readdirSync(dir)).not.toContain('unused-cache') });
add('hostile environments', 'output to a full disk', ['tasks'], [70], { stderr: /^plan: cannot write the output: no space left on the device \(ENOSPC\)\n$/ });
add('hostile environments', 'output to a full disk, told in Chinese', ['tasks', '--lang', 'zh'], [70], { stderr: /^plan: 无法写出输出：设备上没有剩余空间（ENOSPC）\n$/ });

// ---- Hostile arguments --------------------------------------------------------------------------------------
for (const id of ['0x25', '0b100101', '0o45', '3.7e1', '+37', '37.0', '-37', '0', '99999999999999999999', '1e400', 'Infinity', 'NaN', '٣٧', '37abc', ' ']) {
  add('hostile arguments', `show ${JSON.stringify(id)}`, ['show', id], [2]);
}
add('hostile arguments', 'show 37 (full-width digits are digits)', ['show', '３７'], [0]);
for (const limit of ['1e1', '0', '-1', '10abc', '0x10', '1.5', '']) add('hostile arguments', `--limit ${JSON.stringify(limit)}`, ['search', '电梯', '--limit', limit], [2]);
add('hostile arguments', 'show a range of 100 million', ['show', '1-100000000'], [2]);
add('hostile arguments', 'show 10,000 ids', ['show', ...Array.from({ length: 10_000 }, () => '37')], [0]);
// Linux takes arguments of up to 128 KB each.
add('hostile arguments', 'a 90 KB department name', ['dept', '局'.repeat(30_000)], [2]);
add('hostile arguments', 'a 90 KB search query', ['search', '电梯'.repeat(15_000)], [0, 1, 2]);
add('hostile arguments', 'a 90 KB --part', ['tasks', '--part', '三'.repeat(30_000)], [2]);
add('hostile arguments', 'a 100 KB --section', ['tasks', '--section', 'x'.repeat(100_000)], [2]);
add('hostile arguments', 'a 90 KB --keyword', ['tasks', '--keyword', '电'.repeat(30_000)], [1]);
add('hostile arguments', 'an unknown command with escapes', ['\x1b]0;owned\x07'], [2]);
add('hostile arguments', 'an unknown option with escapes', ['tasks', '--\x1b[31mred'], [2]);
add('hostile arguments', 'a format with escapes', ['tasks', '--format', '\x1b[2J'], [2]);
add('hostile arguments', 'a department with bidi overrides', ['dept', '\u202e局监质'], [2]);
add('hostile arguments', 'a search with only invisible characters', ['search', '\u200b\u200b'], [1, 2]);
add('hostile arguments', '--dept given 5,000 times', ['tasks', ...Array.from({ length: 5000 }, () => ['--dept', '质监局']).flat()], [0, 2]);
add('hostile arguments', 'a plan path of 10,000 characters', ['tasks', '--plan', `/${'x'.repeat(10_000)}`], [3]);
add('hostile arguments', 'a plan path with escapes', ['tasks', '--plan', `${dir}/\x1b]0;x\x07.yaml`], [3]);

/** GBK bytes of text (what iconv -t GBK writes), through the GB18030 tables of the built-in decoder. */
function gbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (!table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return Buffer.from(Array.from(text).flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c) ?? [0x3f])));
}

// ---- Running ------------------------------------------------------------------------------------------------
function run(c: Case): Promise<Run> {
  return new Promise((resolve) => {
    const started = Date.now();
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, COLUMNS: '80', ...c.env };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
    const full = c.name.startsWith('output to a full disk');
    const stdinFd = typeof c.stdin === 'object' ? openSync(c.stdin.file, 'r') : undefined;
    const child = spawn(process.execPath, ['-r', probe, BIN, ...c.args], {
      env, cwd: c.cwd ?? dir, stdio: [stdinFd ?? 'pipe', full ? openSync('/dev/full', 'w') : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let usage = '';
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (b: Buffer) => (usage += b.toString()));
    let endless: NodeJS.Timeout | undefined;
    if (c.stdin === 'endless') endless = setInterval(() => child.stdin?.write('# still writing\n'), 200);
    else if (typeof c.stdin === 'string') child.stdin!.end(c.stdin);
    else child.stdin?.end();
    child.stdin?.on('error', () => {});
    const timer = setTimeout(() => child.kill('SIGKILL'), WALL_SECONDS * 1000);
    child.on('error', (error) => resolve({ code: null, stdout: '', stderr: String(error), stderrBytes: 0, wall: 0, cpu: Infinity, rssMB: Infinity }));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (endless) clearInterval(endless);
      if (stdinFd !== undefined) closeSync(stdinFd);
      let measured: { cpu: { user: number; system: number }; rss: number } | undefined;
      try {
        measured = JSON.parse(usage.split('\n')[0]!);
      } catch {
        measured = undefined; // killed before it could say: the bounds fail
      }
      const stderr = Buffer.concat(err);
      resolve({
        code,
        stdout: Buffer.concat(out).toString(),
        stderr: stderr.toString(),
        stderrBytes: stderr.length,
        wall: (Date.now() - started) / 1000,
        cpu: measured ? (measured.cpu.user + measured.cpu.system) / 1e6 : Infinity,
        rssMB: measured ? measured.rss / 1024 : Infinity,
      });
    });
  });
}

const results = new Map<Case, Run>();

beforeAll(async () => {
  // A cache of garbled entries for its case: one real entry made, then garbled, plus junk files.
  await run({ category: 'hostile environments', name: 'prepare', args: ['tasks', '--plan', plain], codes: [0], env: { PLAN_CACHE_DIR: junk } });
  for (const install of readdirSync(junk)) {
    for (const entry of readdirSync(path.join(junk, install))) {
      const at = path.join(junk, install, entry);
      const bytes = readFileSync(at);
      bytes.writeUInt8(bytes.readUInt8(bytes.length >> 1) ^ 0xff, bytes.length >> 1);
      writeFileSync(at, bytes);
    }
    for (let i = 0; i < 50; i++) writeFileSync(path.join(junk, install, `${'f'.repeat(63)}${i % 10}.plan${i}`), 'junk');
  }
  // A few at a time: each case is one process, and some take a core for a second.
  const queue = [...cases];
  const workers = Array.from({ length: Math.max(2, Math.min(4, availableParallelism())) }, async () => {
    for (let c = queue.shift(); c; c = queue.shift()) results.set(c, await run(c));
  });
  await Promise.all(workers);
}, 600_000);

/** Raw characters a terminal or a spreadsheet could act on: controls but tab, newline and CR, and the rest of UNSAFE. */
// eslint-disable-next-line no-misleading-character-class -- variation selectors and fillers are listed to be found, not combined
const RAW = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0\ufe00-\ufe0f]/u;

describe('the hostile matrix', () => {
  it('has at least 150 cases, in every category', () => {
    const counts = new Map<string, number>();
    for (const c of cases) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
    console.log(`hostile matrix: ${cases.length} cases: ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(counts.size).toBe(9);
  });

  it.each(cases.map((c) => [`${c.category}: ${c.name}`, c] as const))('%s', (_, c) => {
    const r = results.get(c)!;
    const where = `${c.args.join(' ').slice(0, 100)}\nstderr: ${r.stderr.slice(0, 600)}`;
    expect(c.codes, where).toContain(r.code);
    expect(r.wall, where).toBeLessThan(WALL_SECONDS);
    expect(r.cpu, where).toBeLessThan(CPU_SECONDS);
    expect(r.rssMB, where).toBeLessThan(MEMORY_MB);
    expect(r.stderrBytes, where).toBeLessThan(STDERR_BYTES);
    expect(r.stderr, where).not.toMatch(/^\s+at .*\d+:\d+\)?$|node:internal|Error: /m);
    expect(r.stderr, where).not.toMatch(RAW);
    expect(r.stdout.slice(0, 2_000_000), where).not.toMatch(RAW);
    // Nothing matched, a usage error, a bad file: something says so.
    if (r.code !== 0) expect(r.stderr + r.stdout, where).not.toBe('');
    if (c.stdout) expect(r.stdout, where).toMatch(c.stdout);
    if (c.stderr) expect(r.stderr, where).toMatch(c.stderr);
    c.after?.();
  });
});
