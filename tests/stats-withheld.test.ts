// plan stats on a plan of 6,000 departments, one task naming them all: 18 million pairs, too many to count. Asked
// alone (--view pairs), the pairs view is refused; asked with the others, it is said in its place (table,
// markdown) or given as null (json, yaml; ndjson: no lines) and said on stderr, and every other view is given.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;

/** A plan of `count` departments: one task names them all, two name one or two of them. */
function widePlan(count: number): string {
  const names = Array.from({ length: count }, (_, i) => `部门${i}`);
  const tasks = [
    { text: '所有部门共同负责。', departments: names, responsibility: 'shared' },
    { text: '部门1负责。', departments: ['部门1'], responsibility: 'sole' },
    { text: '部门1、部门2按职责分工负责。', departments: ['部门1', '部门2'], responsibility: 'shared' },
  ];
  const q = (text: string) => JSON.stringify(text);
  return [
    'title: 六千个部门的计划', 'departments:', ...names.map((d) => `  - name: ${q(d)}`),
    'parts:', '  - id: 1', '    title: 第一部分', 'sections:', '  - id: 1', '    part: 1', '    title: 第一节', 'tasks:',
    ...tasks.flatMap((t, i) => [`  - id: ${i + 1}`, '    section: 1', `    text: ${q(t.text)}`, `    departments: [${t.departments.map(q).join(', ')}]`, `    responsibility: ${t.responsibility}`]),
    '',
  ].join('\n');
}

const WIDE = path.join(mkdtempSync(path.join(tmpdir(), 'plan-wide-')), 'wide.yaml');
writeFileSync(WIDE, widePlan(6000));

function plan(args: string[], env: Record<string, string> = {}) {
  const clean = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, PLAN_FILE: undefined, PLAN_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'C.UTF-8', COLUMNS: '100', TERM: 'xterm' };
  const result = spawnSync(process.execPath, [BIN, '--plan', WIDE, ...args], { env: { ...clean, ...env } as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 20000, maxBuffer: 64 * 1024 * 1024 });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

const TOO_MANY = 'these tasks name their departments together 17,997,001 times, too many pairs to count (at most 2,000,000)';
const NOTE = `pairs: ${TOO_MANY}: narrow them with --part, --section or --keyword, or ask for one department's partners with --dept\n`;

describe('plan stats with a view too large to count', () => {
  it('--view pairs alone is refused whole, as before (exit 2)', () => {
    const run = plan(['stats', '--view', 'pairs', '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(TOO_MANY);
  });

  it('says it in Chinese too', () => {
    const run = plan(['stats', '--view', 'pairs', '--json'], { LANG: 'zh_CN.UTF-8' });
    expect([run.code, run.stderr]).toEqual([2, 'plan: 这些任务中各单位两两同列 17,997,001 次，组合太多，无法统计（至多 2,000,000）：请用 --part、--section 或 --keyword 缩小范围，或用 --dept 看一个单位与谁合作\n']);
  });

  it('json: every view, pairs null, and stderr says why', () => {
    const run = plan(['stats', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(NOTE);
    const views = JSON.parse(run.stdout);
    expect(Object.keys(views)).toEqual(['workload', 'matrix', 'pairs', 'sections']);
    expect(views.pairs).toBeNull();
    expect(views.workload).toHaveLength(6000);
    expect(views.workload[0]).toEqual({ department: '部门1', group: false, total: 3, lead: 0, sole: 1, shared: 2, led: 0, guided: 0, share: 1 });
    expect(views.matrix).toHaveLength(6000);
    expect(views.sections).toEqual([
      { part: { id: 1, title: '第一部分' }, section: null, tasks: 3, departments: 6000, groups: 0 },
      { part: { id: 1, title: '第一部分' }, section: { id: 1, title: '第一节' }, tasks: 3, departments: 6000, groups: 0 },
    ]);
  });

  it('yaml: every view, pairs null', () => {
    const run = plan(['stats', '--format', 'yaml']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(NOTE);
    const views = parse(run.stdout, { maxAliasCount: -1 });
    expect(Object.keys(views)).toEqual(['workload', 'matrix', 'pairs', 'sections']);
    expect(views.pairs).toBeNull();
    expect(views.workload).toHaveLength(6000);
  });

  it('ndjson: the lines of every other view, none of pairs, and stderr says why', () => {
    const run = plan(['stats', '--format', 'ndjson']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(NOTE);
    const counts: Record<string, number> = {};
    for (const line of run.stdout.trimEnd().split('\n')) counts[JSON.parse(line).view] = (counts[JSON.parse(line).view] ?? 0) + 1;
    expect(counts).toEqual({ workload: 6000, matrix: 6000, sections: 2 });
  });

  it.each(['table', 'markdown'])('%s: the pairs view says so under its heading, the others are given', (format) => {
    const run = plan(['stats', '--format', format, '--no-pager'], { COLUMNS: '120' });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const heading = 'Departments named together on the most tasks, all 3 tasks';
    // The message as a paragraph of its own under the heading (a table wraps it to the terminal's width).
    expect(run.stdout.replace(/(?<=\S)\n(?=\S)/g, ' ')).toContain(`${heading}\n\n${TOO_MANY}: narrow them with --part, --section or --keyword, or ask for one department's partners with --dept\n`);
    for (const other of ['Workload per department, all 3 tasks', 'Tasks per department and part, all 3 tasks', 'Tasks and departments per part and section, all 3 tasks']) {
      expect(run.stdout).toContain(other);
    }
    expect(run.stdout.indexOf('Tasks per department and part')).toBeLessThan(run.stdout.indexOf(heading));
    expect(run.stdout.indexOf(heading)).toBeLessThan(run.stdout.indexOf('Tasks and departments per part and section'));
  });

  it('tsv without --view: the format error only (no word of a view it did not give)', () => {
    const run = plan(['stats', '--format', 'tsv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^plan: --format tsv holds one table: pick one with --view/);
    expect(run.stderr).not.toContain('pairs: ');
  });

  it('narrowed to tasks with few pairs, every view is given', () => {
    const views = JSON.parse(plan(['stats', '--keyword', '部门1', '--json']).stdout);
    expect(views.pairs).toEqual([{ department: '部门1', partner: '部门2', count: 1, tasks: [3] }]);
  });
});
