// The completion scripts, loaded in the shells they are for and asked what they offer: bash (an interactive bash
// on a pseudo-terminal asked by readline, tests/shells/bash-capture.zsh; and its completion function called with
// the words readline gives it), zsh (compinit and the script in an interactive zsh, a Tab typed:
// tests/shells/zsh-capture.zsh) and fish (`complete -C`). Both pseudo-terminals are zsh's zpty. Runs the built
// binary, as `plan` on PATH. A shell that is not installed skips its cases, saying so; .ci/run installs zsh and
// fish where it can.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from './helpers.js';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;
const ZSH_CAPTURE = new URL('shells/zsh-capture.zsh', import.meta.url).pathname;
const BASH_CAPTURE = new URL('shells/bash-capture.zsh', import.meta.url).pathname;
const SMALL = fixturePath('small-plan.yaml');
const dir = mkdtempSync(path.join(tmpdir(), 'plan-completion-'));
const bin = path.join(dir, 'bin');
mkdirSync(bin);
const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
writeFileSync(path.join(bin, 'plan'), `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(BIN)} "$@"\n`);
chmodSync(path.join(bin, 'plan'), 0o755);
mkdirSync(path.join(dir, 'plans'));
for (const name of ['a.yaml', 'b.yaml']) writeFileSync(path.join(dir, 'plans', name), '');

const ENV = {
  ...process.env, PATH: `${bin}:${process.env.PATH}`, PLAN_FILE: undefined, PLAN_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined,
  LANG: 'C.UTF-8', PLAN_CACHE_DIR: path.join(dir, 'cache'), HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'), ZDOTDIR: dir,
} as NodeJS.ProcessEnv;

const run = (command: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(command, args, { cwd: dir, env: { ...ENV, ...env }, encoding: 'utf8', timeout: 30000 });
const installed = (shell: string) => run(shell, ['-c', 'exit 0']).status === 0;

/** The completion script for a shell, made once by the built binary. */
const scripts = new Map<string, string>();
function script(shell: string): string {
  if (!scripts.has(shell)) {
    const file = path.join(dir, `plan.${shell}`);
    const made = run('plan', ['completion', shell]);
    expect(made.status).toBe(0);
    writeFileSync(file, made.stdout);
    scripts.set(shell, file);
  }
  return scripts.get(shell)!;
}

/** What each shell offers for a command line, the cursor at its end (words split at spaces). */
const SHELLS: Record<string, (line: string, env?: Record<string, string>) => string[]> = {
  'bash (readline)': (line, env) => {
    const result = run('zsh', ['-f', BASH_CAPTURE, script('bash'), line], env);
    expect(result.status).toBe(0);
    return result.stdout.split('\n').filter(Boolean);
  },
  bash(line, env) {
    // Readline's words: bash splits at COMP_WORDBREAKS, among them =; a line ending in a space has an empty last word.
    const words = line.split(' ').flatMap((w) => w.split(/(=)/).filter((p, _, all) => p !== '' || all.length === 1));
    const call = `source ${quote(script('bash'))}; COMP_WORDS=(${words.map(quote).join(' ')}); COMP_CWORD=${words.length - 1}; _plan_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const result = run('bash', ['--norc', '-c', call], env);
    expect(result.stderr).toBe('');
    return result.stdout.split('\n').filter(Boolean);
  },
  zsh(line, env) {
    const result = run('zsh', ['-f', ZSH_CAPTURE, script('zsh'), line], env);
    expect(result.status).toBe(0);
    return result.stdout.split('\n').filter(Boolean);
  },
  fish(line, env) {
    const result = run('fish', ['--no-config', '-c', `source ${quote(script('fish'))}; complete -C ${quote(line)}`], env);
    expect(result.stderr).toBe('');
    // fish prints each match with its description after a tab; a value given as --opt=value comes back whole.
    return result.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]!.replace(/^--[a-z-]+=/, ''));
  },
};

const COMMANDS = ['completion', 'dept', 'depts', 'import', 'outline', 'plans', 'search', 'show', 'stats', 'tasks', 'validate'];
const TASKS_OPTIONS = ['--color', '--dept', '--format', '--header', '--help', '--in', '--json', '--keyword', '--lang', '--lead', '--limit', '--no-bom', '--no-color', '--no-pager', '--part', '--plan', '--section', '--shared', '--sole'];

const CASES: { line: string; expected: string[]; env?: Record<string, string>; shells?: string[] }[] = [
  { line: 'plan s', expected: ['search', 'show', 'stats'] },
  { line: 'plan ', expected: [...COMMANDS, 'help'].sort() },
  { line: 'plan help ', expected: COMMANDS },
  { line: 'plan tasks --', expected: TASKS_OPTIONS },
  { line: 'plan tasks --f', expected: ['--format'] },
  { line: 'plan tasks --format ', expected: ['csv', 'json', 'markdown', 'ndjson', 'table', 'tsv', 'yaml'] },
  { line: 'plan tasks --format j', expected: ['json'] },
  { line: 'plan tasks --format=j', expected: ['json'] },
  { line: 'plan -f csv stats --view ', expected: ['matrix', 'pairs', 'partners', 'sections', 'workload'] },
  { line: 'plan stats --view pa', expected: ['pairs', 'partners'] },
  { line: 'plan tasks --lang ', expected: ['en', 'zh'] },
  { line: 'plan completion ', expected: ['bash', 'fish', 'zsh'] },
  { line: 'plan tasks --dept 市质', expected: ['市质监局', '市质量工作部门联席会议成员单位'] },
  { line: 'plan tasks --dept=市质', expected: ['市质监局', '市质量工作部门联席会议成员单位'] },
  { line: 'plan search -d 商', expected: ['商委'] },
  { line: 'plan dept 质', expected: ['质监局', '质量技术监督局'] },
  { line: `plan --plan ${SMALL} dept 市`, expected: ['市商委', '市政府有关部门', '市教委', '市质监局'] },
  { line: `plan -p ${SMALL} tasks --dept 市`, expected: ['市商委', '市政府有关部门', '市教委', '市质监局'] },
  { line: `plan --plan=${SMALL} dept 市`, expected: ['市商委', '市政府有关部门', '市教委', '市质监局'] },
  { line: 'plan tasks -d 商', env: { PLAN_FILE: SMALL }, expected: ['商委'] },
  // zsh's _files offers the names in the folder typed; bash and fish the paths.
  { line: 'plan validate plans/', expected: ['plans/a.yaml', 'plans/b.yaml'], shells: ['bash', 'fish'] },
  { line: 'plan validate plans/', expected: ['a.yaml', 'b.yaml'], shells: ['zsh'] },
];

for (const [name, complete] of Object.entries(SHELLS)) {
  const shell = name.split(' ')[0]!;
  // readline is driven from zsh's zpty.
  const missing = [shell, ...(name.includes('readline') ? ['zsh'] : [])].filter((s) => !installed(s));
  const reason = missing.length ? ` (skipped: ${missing.join(' and ')} not installed)` : '';
  if (reason) console.warn(`tests/completion-shells.test.ts: ${name} completion not tested${reason}; apt-get install ${missing.join(' ')}`);
  describe.skipIf(missing.length > 0)(`${name} completion${reason}`, () => {
    it.each(CASES.filter((c) => !c.shells || c.shells.includes(shell)))('$line', ({ line, expected, env }) => {
      expect([...new Set(complete(line, env))].sort()).toEqual([...expected].sort());
    });
  });
}
