// Help in Chinese has no English of commander's left: titles, placeholders ([options], <file>, <query...>), the
// help option and command, at any width. Runs the built binary.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../src/render/width.js';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;
const plan = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, PLAN_FILE: undefined, PLAN_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'C.UTF-8', ...env } as NodeJS.ProcessEnv, encoding: 'utf8' });

/** commander's English: what it writes around our words unless told otherwise. */
const COMMANDER_WORDS = /Usage:|Options:|Commands:|Arguments:|Global Options:|\[options\]|\[command\]|\(default:|display help|output the version|<(?:file|format|when|language|name|n|text|plan|view|query|id|document|words)(?:\.\.\.)?>|\[file\]/;

describe('help in Chinese', () => {
  const pages = [['--help'], ['search', '--help'], ['tasks', '--help'], ['dept', '--help'], ['show', '--help'], ['validate', '--help'], ['import', '--help'], ['stats', '--help'], ['help', 'outline']];
  it.each([40, 120])('at %i columns: no word of commander left in English, nothing wider than the terminal', (columns) => {
    for (const args of pages) {
      const run = plan([...args, '--lang', 'zh'], { COLUMNS: String(columns) });
      expect(run.status, args.join(' ')).toBe(0);
      expect(run.stdout, args.join(' ')).not.toMatch(COMMANDER_WORDS);
      expect(Math.max(...run.stdout.split('\n').map(displayWidth)), args.join(' ')).toBeLessThanOrEqual(columns);
    }
  });

  it('usage lines and terms with Chinese placeholders, in both places they stand', () => {
    const top = plan(['--help'], { LANG: 'zh_CN.UTF-8', COLUMNS: '120' }).stdout;
    expect(top.split('\n')[0]).toBe('用法：plan [选项] [命令]');
    expect(top).toMatch(/^ {2}-p, --plan <文件> +要读取的计划文件/m);
    expect(top).toMatch(/^ {2}search <查询\.\.\.> +按与查询的相关程度排列任务/m);
    expect(top).toMatch(/^ {2}help \[命令\] +显示某个命令的帮助$/m);
    const search = plan(['search', '--help', '--lang', 'zh'], { COLUMNS: '120' }).stdout;
    expect(search.split('\n')[0]).toBe('用法：plan search [选项] <查询...>');
    expect(search).toMatch(/^参数：\n {2}查询 +要查找的内容/m);
    expect(search).toMatch(/^ {2}-n, --limit <条数> +最多列出这么多条$/m);
    expect(search).toMatch(/^ {2}-d, --dept <单位> +单位，按您习惯的写法/m);
  });

  it('English help keeps commander placeholders as they are', () => {
    const search = plan(['search', '--help'], { COLUMNS: '120' }).stdout;
    expect(search.split('\n')[0]).toBe('Usage: plan search [options] <query...>');
    expect(search).toMatch(/^ {2}-n, --limit <n> +at most this many results$/m);
  });

  it('a missing argument is named as help names it', () => {
    expect(plan(['search', '--lang', 'zh']).stderr).toBe('plan: plan search 需要参数 <查询>（plan search --help 说明用法）\n');
    expect(plan(['search']).stderr).toBe('plan: plan search needs its <query> argument (plan search --help shows how)\n');
  });
});
