// plan import as a user runs it: the built bin/plan.js (npm test builds it first), its stdout, stderr and exit code.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;
const fixture = (name: string) => new URL(`fixtures/import/${name}`, import.meta.url).pathname;

function plan(args: string[]) {
  const env = { ...process.env, NO_COLOR: '1', PLAN_FILE: undefined, COLUMNS: '100' } as NodeJS.ProcessEnv;
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 20000 });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status, ms: performance.now() - started };
}

const dir = mkdtempSync(path.join(tmpdir(), 'plan-import-'));

describe('plan import', () => {
  it('writes the plan file on stdout and the summary on stderr, exit 0', () => {
    const run = plan(['import', fixture('levels.txt')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('title: 某市质量提升行动计划\n');
    expect(run.stdout).toContain('    departments: [市经济信息委, 市教委]\n    responsibility: shared\n');
    expect(run.stderr).toMatch(/^imported .*levels\.txt \(text, UTF-8\)\n/);
    expect(run.stderr).toContain('  tasks        4 (4 numbered, 0 with a lead, 0 with a list ending in 等)\n');
  });

  it('-o FILE: a plan that validate accepts and dept answers from', () => {
    const out = path.join(dir, 'plan.yaml');
    const run = plan(['import', fixture('starts-at-three.txt'), '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(plan(['validate', out]).code).toBe(0);
    const dept = plan(['dept', '商务部', '--plan', out, '--json']);
    expect(dept.code).toBe(0);
    expect(JSON.parse(dept.stdout).map((t: { id: number; leads: string[] }) => [t.id, t.leads])).toEqual([[1, ['商务部']], [2, ['商务部']], [3, ['发展改革委']], [4, ['国务院办公厅']]]);
    const table = plan(['dept', '商务部', '--plan', out, '--format', 'table']);
    expect(table.stdout).toContain('leads 2');
    expect(table.stdout).toContain('Leads (牵头): 2');
    // 财政部 is named with 商务部 under 负责 (商务部、财政部负责): with others, not alone.
    const finance = plan(['dept', '财政部', '--plan', out, '--format', 'table']).stdout;
    expect(finance).toContain('With others (A、B负责): 1');
    expect(finance).toContain('商务部');
    const depts = plan(['depts', '--plan', out, '--format', 'csv']).stdout;
    expect(depts).toContain('\r\n商务部,,,false,4,2,');
  });

  it('speaks Chinese with --lang zh: the summary and the errors', () => {
    const run = plan(['import', fixture('levels.txt'), '--lang', 'zh']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^已导入 .*levels\.txt（文本，UTF-8）\n/);
    expect(run.stderr).toContain('  任务      4 项（4 项有编号');
    const pdf = path.join(dir, 'zh.pdf');
    writeFileSync(pdf, '%PDF-1.4\n');
    const refused = plan(['import', pdf, '--lang', 'zh']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^plan: .*zh\.pdf 是 PDF，plan import 不读取 PDF：请导出为文本（\.txt）或 Word（\.docx）后再导入\n$/);
  });

  it('-o into a folder that does not exist: one line, exit 3, no summary saying it was imported; in Chinese too', () => {
    const out = path.join(dir, 'no-such-folder', 'plan.yaml');
    const run = plan(['import', fixture('levels.txt'), '-o', out]);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`plan: cannot write ${out}: its folder does not exist (ENOENT)\n`);
    expect(plan(['import', fixture('levels.txt'), '-o', out, '--lang', 'zh']).stderr).toBe(`plan: 无法写入 ${out}：所在的文件夹不存在（ENOENT）\n`);
  });

  it('-o never writes over a plan file made before (it may hold corrections) unless --force; a folder is refused', () => {
    const out = path.join(dir, 'again.yaml');
    expect(plan(['import', fixture('levels.txt'), '-o', out]).code).toBe(0);
    writeFileSync(out, `${readFileSync(out, 'utf8')}# corrected by hand\n`);
    const again = plan(['import', fixture('levels.txt'), '-o', out]);
    expect({ ...again, ms: 0 }).toEqual({ ms: 0, stdout: '', stderr: `plan: -o ${out} exists: plan import does not write over a plan file (it may hold your corrections); give another name, or add --force to replace it\n`, code: 2 });
    expect(readFileSync(out, 'utf8')).toMatch(/# corrected by hand\n$/);
    expect(plan(['import', fixture('levels.txt'), '-o', out, '--force']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toMatch(/# corrected by hand/);
    expect(plan(['import', fixture('levels.txt'), '-o', '/dev/null']).code).toBe(0); // a device is written to as asked
    expect({ ...plan(['import', fixture('levels.txt'), '-o', dir, '--lang', 'zh']), ms: 0 }).toEqual({ ms: 0, stdout: '', stderr: `plan: -o ${dir} 是文件夹：请给出其中计划文件的名称（${dir}/plan.yaml）\n`, code: 2 });
  });

  it('- reads the document from standard input, a file or a pipe, and names it so', () => {
    const env = { ...process.env, NO_COLOR: '1', PLAN_FILE: undefined } as NodeJS.ProcessEnv;
    const fromFile = spawnSync(process.execPath, [BIN, 'import', fixture('levels.txt')], { env, encoding: 'utf8' });
    const piped = spawnSync(process.execPath, [BIN, 'import', '-'], { env, encoding: 'utf8', input: readFileSync(fixture('levels.txt')) });
    expect(piped.status).toBe(0);
    expect(piped.stdout.split('\n').slice(1)).toEqual(fromFile.stdout.split('\n').slice(1)); // all but the comment naming the source
    expect(piped.stdout.split('\n')[0]).toBe('# Imported by plan import from standard input.');
    expect(piped.stderr.split('\n')[0]).toBe('imported standard input (text, UTF-8)');
  });

  it('refuses a pipe or a device at once, never waiting on it (a FIFO with no writer, /dev/zero)', () => {
    const fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    for (const [file, kind] of [[fifo, 'a named pipe'], ['/dev/zero', 'a character device']] as const) {
      const run = plan(['import', file]); // a wait would end in the helper's timeout, with no exit code
      expect([run.code, run.stdout, run.stderr]).toEqual([3, '', `plan: ${file} is ${kind}, not a document: plan import reads .txt, .docx and .html files (save it to one first)\n`]);
    }
  });

  it('never writes over its input', () => {
    const copy = path.join(dir, 'doc.txt');
    writeFileSync(copy, readFileSync(fixture('levels.txt')));
    const run = plan(['import', copy, '-o', copy]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^plan: -o .* is the document itself/);
    expect(readFileSync(copy)).toEqual(readFileSync(fixture('levels.txt')));
  });

  it('a document with no attribution: exit 1 saying so; --allow-empty imports its headings', () => {
    const doc = path.join(dir, 'prose.txt');
    writeFileSync(doc, '关于某事的通知\n一、总体要求\n（一）指导思想。坚持新发展理念。\n二、保障措施\n加强组织领导。\n');
    const run = plan(['import', doc]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('has no attribution');
    const empty = plan(['import', doc, '--allow-empty', '-o', path.join(dir, 'empty.yaml')]);
    expect(empty.code).toBe(0);
    expect(plan(['validate', path.join(dir, 'empty.yaml')]).code).toBe(0);
    expect(readFileSync(path.join(dir, 'empty.yaml'), 'utf8')).toContain('parts:\n  - id: 1\n    title: 总体要求\n');
  });

  it.each([
    { label: 'a missing file', make: () => path.join(dir, 'nothing.txt'), message: /does not exist/ },
    { label: 'a PDF', make: () => { const f = path.join(dir, 'a.pdf'); writeFileSync(f, '%PDF-1.4\n'); return f; }, message: /PDF, which plan import does not read: export it as text/ },
    { label: 'a .docx that is not a zip', make: () => { const f = path.join(dir, 'a.docx'); writeFileSync(f, '一、总体要求'); return f; }, message: /is not one/ },
    { label: 'a 100 MB page', make: () => { const f = path.join(dir, 'big.html'); const fd = openSync(f, 'w'); ftruncateSync(fd, 100 * 1024 * 1024); closeSync(fd); return f; }, message: /is 100 MB; plan import reads documents up to 8 MB/ },
    { label: 'a directory', make: () => dir, message: /is a directory/ },
  ])('$label: one line, exit 3, within 5 s', ({ make, message }) => {
    const run = plan(['import', make()]);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.ms).toBeLessThan(5000);
  });

  it('the seed text imports in under 1 s', () => {
    const source = new URL('fixtures/chongqing-2016-quality-plan.txt', import.meta.url).pathname;
    const out = path.join(dir, 'seed.yaml');
    const run = plan(['import', source, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.ms).toBeLessThan(1000);
    expect(existsSync(out)).toBe(true);
    expect(JSON.parse(plan(['tasks', '--plan', out, '--json']).stdout)).toEqual(JSON.parse(plan(['tasks', '--json']).stdout));
  });
});
