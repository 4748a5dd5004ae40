import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlanError } from '../src/errors.js';
import { word } from '../src/i18n/index.js';
import { checkPlanText, excerpt, loadPlanText, MAX_LOCATED } from '../src/plan/load.js';
import { contentHash, identityOf, knownHash, pruneCache, readCache, recordHash, writeCache } from '../src/plan/cache.js';
import { decodePlanText, openPlan, readPlanBytes } from '../src/plan/open.js';
import { parseText, YAML_OPTIONS } from '../src/plan/parse.js';
import { validatePlan } from '../src/plan/validate.js';

const fixture = (name: string) => new URL(`fixtures/${name}`, import.meta.url).pathname;
const read = (name: string) => readFileSync(fixture(name), 'utf8');

describe('checkPlanText on broken plans', () => {
  it.each([
    { file: 'syntax.yaml', line: 16, column: 5, message: 'Flow sequence in block collection must be sufficiently indented and end with a ]' },
    { file: 'missing-field.yaml', line: 12, column: 5, message: 'task 1 has no text' },
    { file: 'wrong-type.yaml', line: 13, column: 14, message: 'section of task 1 must be a whole number from 1, found "first"' },
    { file: 'duplicate-id.yaml', line: 17, column: 9, message: 'duplicate task id 1' },
    { file: 'missing-section.yaml', line: 13, column: 14, message: 'task 1 names section 9, which the plan does not have' },
    { file: 'missing-part.yaml', line: 9, column: 11, message: 'section 1 names part 7, which the plan does not have (parts: 1)' },
    { file: 'unknown-department.yaml', line: 15, column: 25, message: 'task 1 names department "市外星局", which is not in the departments list' },
    { file: 'unknown-key.yaml', line: 17, column: 5, message: 'unknown key "owner" in task 1 (known: id, number, section, part, heading, text, departments, responsibility, leads, roles, incomplete, scope, deadline, implied)' },
    { file: 'bad-responsibility.yaml', line: 16, column: 21, message: 'responsibility of task 1 must be shared, sole, led or guided, found "alone"' },
    { file: 'duplicate-key.yaml', line: 2, column: 1, message: 'Map keys must be unique' },
    { file: 'proto-key.yaml', line: 7, column: 5, message: 'unknown key "__proto__" in part 1 (known: id, number, title)' },
    { file: 'not-a-mapping.yaml', line: 1, column: 1, message: 'expected the plan (a mapping with title, departments, tasks), found a list' },
    { file: 'alias-bomb.yaml', line: 1, column: 1, message: 'cannot expand YAML aliases: Excessive alias count indicates a resource exhaustion attack' },
  ])('$file: $message at $line:$column', async ({ file, line, column, message }) => {
    const { plan, problems } = await checkPlanText(read(`broken/${file}`));
    expect(plan).toBeUndefined();
    expect(problems.map((p) => ({ line: p.line, column: p.column, message: p.message }))).toEqual([{ line, column, message }]);
  });

  it('reports every problem, in file order, not only the first', async () => {
    const text = read('minimal-plan.yaml').replace('section: 1\n    text', 'section: 9\n    text').replace('responsibility: sole', 'responsibility: alone\n    owner: x');
    const { problems } = await checkPlanText(text);
    expect(problems.map((p) => p.message)).toEqual([
      'task 1 names section 9, which the plan does not have',
      'responsibility of task 1 must be shared, sole, led or guided, found "alone"',
      'unknown key "owner" in task 1 (known: id, number, section, part, heading, text, departments, responsibility, leads, roles, incomplete, scope, deadline, implied)',
    ]);
  });

  it('does not let __proto__ in a plan reach any object prototype', async () => {
    await checkPlanText(read('broken/proto-key.yaml'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts a UTF-8 byte order mark and CRLF line ends, with the same result as the clean file', async () => {
    const clean = (await checkPlanText(read('small-plan.yaml'))).plan;
    const windows = (await checkPlanText(`\ufeff${read('small-plan.yaml').replace(/\n/g, '\r\n')}`)).plan;
    expect(clean).toBeDefined();
    expect(windows).toEqual(clean);
  });
});

describe('loadPlanText', () => {
  it('throws a PlanError with exit code 3 listing file:line:column', async () => {
    try {
      await loadPlanText(read('broken/missing-section.yaml'), 'x.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PlanError);
      expect((error as PlanError).exitCode).toBe(3);
      expect((error as PlanError).message).toBe('x.yaml is not a valid plan (1 problem); fix it and run: plan validate x.yaml');
      expect((error as PlanError).details).toEqual(['x.yaml:13:14: task 1 names section 9, which the plan does not have']);
    }
  });

  it('loads the small fixture plan', async () => {
    const plan = await loadPlanText(read('small-plan.yaml'), 'small-plan.yaml');
    expect(plan.tasks.map((t) => t.id)).toEqual([1, 2, 3, 4, 5]);
    expect(plan.departments.find((d) => d.name === '市质监局')).toEqual({ name: '市质监局', fullName: '测试市质量技术监督局', aliases: ['质监局'], group: false });
  });
});

describe('reading plan files', () => {
  const fails = (fn: () => unknown, message: string) => {
    try {
      fn();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PlanError);
      expect((error as PlanError).exitCode).toBe(3);
      expect((error as PlanError).message).toBe(message);
    }
  };

  it.each([
    { name: 'a missing file', file: '/nonexistent/plan.yaml', message: 'plan file /nonexistent/plan.yaml does not exist: give an existing file with --plan FILE' },
    { name: 'a directory', file: fixture('broken'), message: `${fixture('broken')} is a directory, not a plan file` },
  ])('refuses $name', ({ file, message }) => fails(() => readPlanBytes(file), message));

  it.each([
    { file: 'empty.yaml', message: 'is empty; a plan file needs a title, departments, parts, sections and tasks' },
    { file: 'binary.yaml', message: 'is not a text file (it contains NUL bytes, the first on line 3); a plan file is UTF-8 YAML' },
    { file: 'latin1.yaml', message: 'is not UTF-8 text; save it as UTF-8 (a plan file is UTF-8 YAML)' },
  ])('refuses $file', ({ file, message }) => fails(() => decodePlanText(readPlanBytes(fixture(`broken/${file}`)), file), `${file} ${message}`));

  it('decodes any UTF-8 text as Node does, whether ASCII, Chinese or astral', () => {
    const text = fc.oneof(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '：', '电', '梯', '𠀀', '😀', 'é', '\u2028'), minLength: 1 }), fc.string({ unit: 'binary', minLength: 1 }));
    fc.assert(fc.property(text, (t) => {
      fc.pre(!t.includes('\0') && !t.includes('\r') && t.replace(/^\uFEFF/, '').trim() !== '');
      const bytes = Buffer.from(`x${t}`, 'utf8');
      expect(decodePlanText(bytes, 'plan.yaml')).toBe(bytes.toString('utf8'));
    }), { numRuns: 500 });
  });

  it('prunes a cache directory to its newest entries, leaving other files alone', async () => {
    const { mkdtempSync, writeFileSync, utimesSync, readdirSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/plan-prune-');
    for (let i = 0; i < 5; i++) {
      writeFileSync(`${dir}/${String(i).repeat(64)}.json`, '{}');
      utimesSync(`${dir}/${String(i).repeat(64)}.json`, 1000 + i, 1000 + i);
    }
    writeFileSync(`${dir}/notes.txt`, 'mine');
    pruneCache(dir, (name) => name.endsWith('.json'), 2);
    expect(readdirSync(dir).sort()).toEqual([`${'3'.repeat(64)}.json`, `${'4'.repeat(64)}.json`, 'notes.txt']);
  });

  it('answers from a precompiled copy only while the file has the text it was made from', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/plan-test-');
    const file = `${dir}/plan.yaml`;
    const compiled = `${dir}/plan.json`;
    writeFileSync(file, read('small-plan.yaml'));
    const stale = { source: 'not the text of this file', plan: { meta: { title: 'stale', implements: [] }, departments: [], parts: [], sections: [], tasks: [] } };
    writeFileSync(compiled, JSON.stringify(stale));
    expect((await openPlan({ file, compiled })).plan.meta.title).toBe('测试行动计划');
    writeFileSync(compiled, JSON.stringify({ ...stale, source: readFileSync(file, 'utf8') }));
    expect((await openPlan({ file, compiled })).plan.meta.title).toBe('stale');
  });
});

describe('a YAML syntax error', () => {
  const broken = (name: string) => read(`broken/${name}.yaml`);
  it('stops the reading: the first error only, with its line shown and its column marked', async () => {
    const text = `${broken('syntax')}${'  ]\n'.repeat(50_000)}`;
    try {
      await loadPlanText(text, 'x.yaml');
      expect.unreachable();
    } catch (error) {
      expect((error as PlanError).exitCode).toBe(3);
      expect((error as PlanError).message).toBe('x.yaml:16:5: Flow sequence in block collection must be sufficiently indented and end with a ] (a YAML syntax error: fix it, then run plan validate x.yaml)');
      expect((error as PlanError).details).toEqual(['16 |     responsibility: sole', '   |     ^']);
    }
  });

  it.each([
    { name: 'a long line', text: `title: x\nnotice: ${'长'.repeat(500)}: b\n`, line: 2, shown: /^2 \| notice: 长{52}…$/, mark: `  | ${' '.repeat(8)}^` },
    { name: 'far into a long line', text: `title: x\nnotice: [${'长'.repeat(100)}, 0, {a: 1, a: 2}]\n`, line: 2, shown: /^2 \| …长{18}, 0, \{a: 1, a: 2\}\]$/, mark: `  | ${' '.repeat(1 + 36 + 12)}^` },
  ])('shows $name cut short, the mark under the column', async ({ text, line, shown, mark }) => {
    const { problems, syntax } = await checkPlanText(text);
    expect(syntax).toBe(true);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(line);
    expect(excerpt(problems[0]!)).toEqual([expect.stringMatching(shown), mark]);
  });

  it.each([
    { name: '2 MB of ]', text: ']\n'.repeat(1_000_000) },
    { name: 'unclosed quotes', text: 'title: "x\n'.repeat(100_000) },
    { name: 'unclosed brackets', text: `tasks: ${'[a, '.repeat(50_000)}\n` },
    { name: 'colons', text: ': : : :\n'.repeat(200_000) },
    { name: 'anchors', text: `a: ${'&x '.repeat(200_000)}1\n` },
    { name: 'nesting', text: `a: ${'['.repeat(100_000)}` },
    { name: 'block nesting', text: `a:\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}- `).join('\n')}x\n` },
    { name: 'duplicate keys', text: `title: x\n${Array.from({ length: 20_000 }, (_, i) => `k${i % 10_000}: v`).join('\n')}\n` },
  ])('a storm ($name) is one problem, found quickly', async ({ text }) => {
    const started = Date.now();
    const { problems, total } = await checkPlanText(text);
    // Generous: a bound, not a benchmark (tests/hostile.test.ts holds the built CLI to 5 s).
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(problems).toHaveLength(1);
    expect(total).toBe(1);
  }, 20_000);
});

describe('the problems of a plan', () => {
  it('are reported by the first ones, in file order, and a count', async () => {
    const tasks = Array.from({ length: 5000 }, (_, i) => `  - id: ${i + 1}\n    section: 1\n    text: t\n    departments: [市外星局]\n    responsibility: sole\n`).join('');
    const text = read('minimal-plan.yaml').replace(/tasks:[\s\S]*$/, `tasks:\n${tasks}`);
    const { problems, total } = await checkPlanText(text);
    expect(total).toBe(5000);
    expect(problems).toHaveLength(MAX_LOCATED);
    expect(problems.map((p) => p.line)).toEqual(Array.from({ length: MAX_LOCATED }, (_, i) => 15 + 5 * i));
    try {
      await loadPlanText(text, 'x.yaml');
    } catch (error) {
      expect((error as PlanError).details.at(-1)).toBe(`… and ${5000 - MAX_LOCATED} more`);
      expect((error as PlanError).details.join('\n').length).toBeLessThan(3000);
    }
  });

  it('quote long names cut short', async () => {
    const text = read('minimal-plan.yaml').replace('departments: [市质监局]', `departments: [${'局'.repeat(100_000)}]`);
    const { problems } = await checkPlanText(text);
    expect(problems[0]!.message).toBe(`task 1 names department "${'局'.repeat(40)}…", which is not in the departments list`);
  });

  it.each(['0x25', '0o45', '+37', '037', '3.7e1', '37.0', '4503599627370496.5', '9007199254740993'])('id: %s is not taken for a number', async (id) => {
    const { problems } = await checkPlanText(read('minimal-plan.yaml').replace('  - id: 1\n    section', `  - id: ${id}\n    section`));
    expect(problems.map((p) => p.message)).toEqual([`id of a task must be a whole number from 1, found "${id}"`]);
  });

  it('one task naming 100,000 departments is checked in linear time', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `部门${i}`);
    const data = {
      title: 'x', departments: names.map((name) => ({ name })), parts: [{ id: 1, title: 'p' }], sections: [{ id: 1, part: 1, title: 's' }],
      tasks: [{ id: 1, section: 1, text: 't', departments: [...names, names[0]], responsibility: 'shared' }],
    };
    const started = Date.now();
    const { problems, total } = validatePlan(data);
    // indexOf for each name took 19–50 s.
    expect(Date.now() - started).toBeLessThan(2000);
    expect([total, problems[0] && word('en', problems[0].message)]).toEqual([1, 'task 1 lists "部门0" twice']);
  });
});

describe('reading in pieces', () => {
  const whole = async (text: string) => {
    const { parseDocument } = await import('yaml');
    const doc = parseDocument(text, { ...YAML_OPTIONS, uniqueKeys: true });
    if (doc.errors.length + doc.warnings.length > 0) return undefined;
    try {
      return doc.toJS({ maxAliasCount: 1000 });
    } catch {
      return undefined; // an alias to an anchor not set before it
    }
  };
  const texts = [read('small-plan.yaml'), read('minimal-plan.yaml'), readFileSync(new URL('../plan.yaml', import.meta.url), 'utf8'),
    'a: &x [1, 2]\nb:\n  - *x\n  - *x\n', 'tasks:\n- id: 1\n- id: 2\ntitle: x\n', 'tasks:\n  - |\n    text\n  - id: 2\n  # note\n  -\n  - [a,\n     b]\n',
    '# comment\n\ntitle: x # c\ntasks: # c\n  - a\n\n  - b\n', '{title: x,\ntasks: [1]}\n', 'title: x\n---\ntitle: y\n', '? a\n: b\n',
    'tasks:\n  - id: 1\n tasks: 2\n', 'tasks:\n  - a\ntasks:\n  - b\n', 'tasks:\n  - a\n  b: 1\n', 'x: 1\ntasks:\n  - &a {id: 1}\n  - *a\n',
    // Found by the property below (seed -408288595): a flow mapping in column 0 after a list of tasks.
    'title: x\ntasks:\n  - id: 39\n{}\n', 'title: x\n{a: 1}\n', 'title: x\ntasks:\n  - id: 1\n[1]\n',
    // … (seed 2034850636): `a:#` in column 0, a plain scalar, not the key of the list below it.
    'title: x\ntasks:\n  - id: 1\na:#\n  - id: 2\n'];
  it.each(texts.map((text, i) => ({ i, text })))('text $i reads as yaml reads it whole', async ({ text }) => {
    const expected = await whole(text);
    const { data, problem } = await parseText(text);
    if (expected === undefined) expect(problem).toBeDefined();
    else expect(data).toEqual(expected);
  });

  it('a list is not a plan: its first item is all that is read', async () => {
    const { data } = await parseText(`- a\n  # c\n- ${'['.repeat(100_000)}\n`);
    expect(data).toEqual(['a']);
    expect((await checkPlanText('- a\n- b\n')).problems[0]).toMatchObject({ line: 1, column: 1, message: expect.stringMatching(/found a list$/) });
  });

  it('an anchor or a tag in column 0 belongs to the lines after it: not cut there (seed 1465711110)', async () => {
    const lines = readFileSync(new URL('../plan.yaml', import.meta.url), 'utf8').split('\n').slice(0, 400);
    for (const property of ['&a', '!!str']) {
      const damaged = [...lines];
      damaged[132] = `${property}\na|:`;
      expect(await whole(damaged.join('\n'))).toBeUndefined();
      expect((await parseText(damaged.join('\n'))).problem).toBeDefined();
    }
  });

  it('any damage to a plan is found in pieces exactly when yaml finds it whole', async () => {
    const base = readFileSync(new URL('../plan.yaml', import.meta.url), 'utf8').split('\n').slice(0, 400);
    const junk = fc.string({ unit: fc.constantFrom('a', ':', '-', ' ', '  ', '"', "'", '[', ']', '{', '}', '#', '&a', '*a', '|', '>', '?', '\t', '\n'), maxLength: 12 });
    await fc.assert(fc.asyncProperty(fc.nat(base.length - 1), junk, async (line, text) => {
      const damaged = [...base];
      damaged[line] = text;
      const source = damaged.join('\n');
      const expected = await whole(source);
      const { data, problem } = await parseText(source);
      // A list is read only as far as its first item (it is not a plan either way).
      if (Array.isArray(data)) return;
      if (expected === undefined) expect(problem).toBeDefined();
      else expect(data).toEqual(expected);
    }), { numRuns: 200 });
  }, 60_000);
});

describe('the cache of checked plans', () => {
  const setup = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-cache-'));
    const file = path.join(dir, 'plan.yaml');
    writeFileSync(file, read('small-plan.yaml'));
    const cacheDir = path.join(dir, 'cache');
    mkdirSync(cacheDir, { mode: 0o700 });
    return { file, cacheDir };
  };
  const entryOf = (cacheDir: string) => path.join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith('.plan'))!);

  it('keeps every character (astral ones, escapes) and the departments of each task', async () => {
    const { file, cacheDir } = setup();
    const odd = read('small-plan.yaml')
      .replace('title: 测试行动计划', 'title: "测试𠀀计划 \\\\ \\" \\u00e9 😀"')
      .replace(/开展学校质量教育活动。/, '开展𠀀学校“质量”\\\\教育😀活动。');
    expect(odd).not.toBe(read('small-plan.yaml'));
    writeFileSync(file, odd);
    const first = await openPlan({ file, cacheDir });
    expect(first.plan.meta.title).toBe('测试𠀀计划 \\ " é 😀');
    expect(JSON.stringify(first.plan)).toContain('𠀀学校');
    expect(JSON.stringify(readCache(entryOf(cacheDir)))).toBe(JSON.stringify(first.plan));
    // Departments are kept as numbers into a list of names (src/plan/cache.ts): each task gets its own back.
    expect(readCache(entryOf(cacheDir))!.tasks.map((t) => t.departments)).toEqual(first.plan.tasks.map((t) => t.departments));
  });

  it('answers a second run from an entry, not by reading the YAML again', async () => {
    const { file, cacheDir } = setup();
    const first = await openPlan({ file, cacheDir });
    const entry = entryOf(cacheDir);
    expect(readCache(entry)).toEqual(first.plan);
    // The same fields in the same order (the texts are kept apart from the JSON, and put back in their place).
    expect(JSON.stringify(readCache(entry))).toBe(JSON.stringify(first.plan));
    expect(JSON.stringify(readCache(entry)!.tasks)).toBe(JSON.stringify((await openPlan({ file, cacheDir: undefined })).plan.tasks));
    // An entry that says another plan is what the next run answers: it is not checked twice.
    const other = { ...first.plan, meta: { ...first.plan.meta, title: 'from the cache' } };
    writeCache(entry, other);
    expect((await openPlan({ file, cacheDir })).plan.meta.title).toBe('from the cache');
  });

  describe('records of what a file held', () => {
    afterEach(() => vi.useRealTimers());
    // A file is recorded once it has been unchanged for a few seconds: the clock moves on rather than the test wait.
    const later = () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 10_000);
    };
    const recordOf = (cacheDir: string) => readdirSync(cacheDir).find((f) => f.endsWith('.known'));

    it('finds the entry of a file unchanged since a run before from its record, without reading the file', async () => {
      const { file, cacheDir } = setup();
      later();
      await openPlan({ file, cacheDir });
      expect(recordOf(cacheDir)).toBeDefined();
      // A record that names another content's entry is what the next run answers from: the file was not read.
      const otherBytes = Buffer.from(read('minimal-plan.yaml'));
      const other = { ...(await loadPlanText(read('minimal-plan.yaml'), 'other')), foldedText: undefined };
      writeCache(path.join(cacheDir, `${contentHash(otherBytes)}.plan`), { ...other, meta: { ...other.meta, title: 'the other entry' } });
      recordHash(cacheDir, identityOf(file)!, contentHash(otherBytes));
      expect((await openPlan({ file, cacheDir })).plan.meta.title).toBe('the other entry');
    });

    it('reads a file changed since again, even at the same size and with its modification time put back', async () => {
      const { file, cacheDir } = setup();
      later();
      const first = await openPlan({ file, cacheDir });
      const { execFileSync } = await import('node:child_process');
      const times = `${file}.times`;
      writeFileSync(times, '');
      execFileSync('touch', ['-r', file, times]); // to the nanosecond, as Node's utimes cannot
      const text = read('small-plan.yaml');
      const changed = text.replace(first.plan.meta.title, (title) => [...title].reverse().join(''));
      expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(text));
      const before = statSync(file, { bigint: true });
      writeFileSync(file, changed);
      execFileSync('touch', ['-r', times, file]);
      const after = statSync(file, { bigint: true });
      expect([after.ino, after.size, after.mtimeNs]).toEqual([before.ino, before.size, before.mtimeNs]);
      vi.setSystemTime(Date.now() + 10_000);
      expect((await openPlan({ file, cacheDir })).plan.meta.title).toBe([...first.plan.meta.title].reverse().join(''));
    });

    it('records no file changed in the last seconds (one tick of a coarse clock could hide a second change)', async () => {
      const { file, cacheDir } = setup();
      await openPlan({ file, cacheDir });
      expect(identityOf(file)!.settled).toBe(false);
      expect(recordOf(cacheDir)).toBeUndefined();
    });

    it.each([
      { name: 'a garbled byte', damage: (t: string) => t.replace('plan-known', 'plan-knowm') },
      { name: 'another hash', damage: (t: string) => t.replace(/\n([0-9a-f])/, (_, c: string) => `\n${c === '0' ? '1' : '0'}`) },
      { name: 'truncation', damage: (t: string) => t.slice(0, -3) },
      { name: 'nothing', damage: () => '' },
    ])('takes a record damaged by $name as no record', async ({ damage }) => {
      const { file, cacheDir } = setup();
      later();
      const first = await openPlan({ file, cacheDir });
      const record = path.join(cacheDir, recordOf(cacheDir)!);
      writeFileSync(record, damage(readFileSync(record, 'utf8')));
      expect(knownHash(cacheDir, identityOf(file)!)).toBeUndefined();
      expect((await openPlan({ file, cacheDir })).plan).toEqual(first.plan);
      expect(knownHash(cacheDir, identityOf(file)!)).toBe(contentHash(readFileSync(file)));
    });

    it('knows nothing of what is not a regular file', () => {
      expect(identityOf(tmpdir())).toBeUndefined();
      expect(identityOf(path.join(tmpdir(), 'no such plan file'))).toBeUndefined();
    });
  });

  it('keeps the folded text of the tasks in the entry, and a search of the cached plan is a search of the file', async () => {
    const { searchTasks } = await import('../src/query/search.js');
    const { file, cacheDir } = setup();
    const first = await openPlan({ file, cacheDir });
    const cached = readCache(entryOf(cacheDir))!;
    expect(cached.foldedText).toBe(first.plan.tasks.map((t) => `${t.text.normalize('NFKC').toLowerCase()}\0`).join(''));
    const parsed = await openPlan({ file, cacheDir: undefined });
    expect(parsed.plan.foldedText).toBeUndefined();
    for (const query of ['电梯', 'dianti', '质量 安全']) {
      expect(await searchTasks(cached, query, { filter: {} })).toEqual(await searchTasks(parsed.plan, query, { filter: {} }));
    }
  });

  it.each([
    { name: 'a garbled byte', damage: (b: Buffer) => { b.writeUInt8(b.readUInt8(b.length >> 1) ^ 0x20, b.length >> 1); return b; } },
    { name: 'a garbled header', damage: (b: Buffer) => { b.writeUInt8(b.readUInt8(4) ^ 1, 4); return b; } },
    { name: 'truncation', damage: (b: Buffer) => b.subarray(0, b.length - 7) },
    { name: 'truncation to nothing', damage: () => Buffer.alloc(0) },
    { name: 'an odd length', damage: (b: Buffer) => b.subarray(0, b.length - 1) },
    { name: 'foreign bytes', damage: (b: Buffer) => Buffer.from(`{"plan": ${JSON.stringify({ tasks: [] })}}`.padEnd(b.length)) },
    { name: 'another build', damage: (b: Buffer) => Buffer.from(b.toString('utf16le').replace(/^(plan-cache\/\d+ )\S+/, '$11-1'), 'utf16le') },
  ])('ignores an entry damaged by $name, and reads the file again', async ({ damage }) => {
    const { file, cacheDir } = setup();
    const first = await openPlan({ file, cacheDir });
    const entry = entryOf(cacheDir);
    writeFileSync(entry, damage(readFileSync(entry)));
    expect(readCache(entry)).toBeUndefined();
    expect((await openPlan({ file, cacheDir })).plan).toEqual(first.plan);
    expect(readCache(entry)).toEqual(first.plan);
  });

  it('keeps no entry for a plan that is not valid', async () => {
    const { file, cacheDir } = setup();
    writeFileSync(file, read('broken/missing-section.yaml'));
    await expect(openPlan({ file, cacheDir })).rejects.toThrow(PlanError);
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});
