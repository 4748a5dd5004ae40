// Property-based tests: whatever the input, these throw nothing but the tool's own error.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { PlanError } from '../src/errors.js';
import { resolveDepartment } from '../src/plan/departments.js';
import { checkPlanText } from '../src/plan/load.js';
import { validatePlan } from '../src/plan/validate.js';
import { FOLDS_ALONE, foldText } from '../src/chinese/fold.js';
import { parseQuery, searchTasks } from '../src/query/search.js';
import { neutralise } from '../src/render/sanitize.js';
import { csvField } from '../src/render/csv.js';
import { fixturePath, realPlan } from './helpers.js';

/** Text with what breaks parsers and terminals: Chinese, YAML syntax, control characters, surrogates. */
const nasty = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('市', '质', '监', '局', ':', '-', ' ', '\n', '&', '*', '!', '[', '{', '#', '\x1b', '\u202e', '\ud800', '"', "'", '?', '|', '>'), maxLength: 60 }),
);
const onlyPlanErrors = async (run: () => unknown) => {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
  }
};

describe('properties', () => {
  it('checkPlanText returns problems, never throws, for any text', async () => {
    await fc.assert(fc.asyncProperty(nasty, async (text) => {
      const { plan, problems } = await checkPlanText(text);
      expect(plan === undefined).toBe(problems.length > 0);
      for (const p of problems) {
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.column).toBeGreaterThanOrEqual(1);
      }
    }), { numRuns: 300 });
  });

  it('checkPlanText locates every problem of a plan with random damage; and reads a plan only when there is none', async () => {
    const base = readFileSync(fixturePath('small-plan.yaml'), 'utf8').split('\n');
    await fc.assert(fc.asyncProperty(fc.nat(base.length - 1), nasty, async (line, junk) => {
      const damaged = [...base];
      damaged[line] = junk;
      const text = damaged.join('\n');
      const { plan, problems } = await checkPlanText(text);
      for (const p of problems) expect(p.line).toBeLessThanOrEqual(text.split('\n').length + 1);
      expect(plan === undefined).toBe(problems.length > 0);
    }), { numRuns: 500 });
  });

  it('validatePlan never throws on any JSON-like data, __proto__ and constructor keys included', () => {
    const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'tasks', 'id', 'departments', 'text'), fc.string({ maxLength: 8 }));
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), fc.array(tie('any'), { maxLength: 3 }), fc.dictionary(key, tie('any'), { maxKeys: 4 })),
    })).any;
    fc.assert(fc.property(value, (data) => {
      validatePlan(data);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }), { numRuns: 500 });
  });

  it('a valid plan written back to YAML loads to the same plan', async () => {
    const { plan } = await checkPlanText(readFileSync(fixturePath('small-plan.yaml'), 'utf8'));
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''), async (text) => {
      const data = {
        title: 'x',
        departments: plan!.departments.map((d) => ({ name: d.name, aliases: d.aliases, group: d.group })),
        parts: plan!.parts,
        sections: plan!.sections,
        tasks: [{ id: 1, section: 1, text, departments: ['市质监局'], responsibility: 'sole' }],
      };
      const loaded = await checkPlanText(stringify(data));
      expect(loaded.problems).toEqual([]);
      expect(loaded.plan!.tasks[0]!.text).toBe(text);
    }), { numRuns: 200 });
  });

  it('resolveDepartment gives a department or a PlanError, never another error', async () => {
    await fc.assert(fc.asyncProperty(nasty, async (name) => {
      await onlyPlanErrors(async () => {
        const { department } = await resolveDepartment(realPlan.departments, name);
        expect(realPlan.departments).toContain(department);
      });
    }), { numRuns: 200 });
  });

  it('parseQuery and searchTasks give results or a PlanError, never another error', async () => {
    await fc.assert(fc.asyncProperty(nasty, async (query) => {
      await onlyPlanErrors(async () => {
        for (const term of parseQuery(query)) expect(term).not.toMatch(/\s/);
        for (const r of (await searchTasks(realPlan, query)).results) {
          expect(r.score).toBeGreaterThan(0);
          expect(r.score).toBeLessThanOrEqual(1);
          for (const [start, end] of r.ranges) expect(0 <= start && start < end && end <= r.task.text.length).toBe(true);
        }
      });
    }), { numRuns: 200 });
  });

  it('neutralised text has no control characters and keeps its length', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (text) => {
      const safe = neutralise(text);
      expect(safe).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
      expect(safe.length).toBe(text.length);
    }));
  });

  it('a CSV field never starts a formula and always reads back', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (value) => {
      const field = csvField(value);
      const inner = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
      expect(inner).not.toMatch(/^[=+\-@\t\r]/);
      // Exactly the value, after a quote where it starts like a formula (a value such as '+ already starts with one).
      expect(inner).toBe(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
    }));
  });
});

describe('plan files are only read', () => {
  it('no command changes the plan file, its bytes or its modification time', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-readonly-'));
    const file = path.join(dir, 'plan.yaml');
    copyFileSync(new URL('../plan.yaml', import.meta.url), file);
    const before = { bytes: readFileSync(file), mtime: statSync(file).mtimeMs, mode: statSync(file).mode };
    const bin = new URL('../bin/plan.js', import.meta.url).pathname;
    const commands = [
      ['tasks'], ['tasks', '--dept', '质监局', '--format', 'csv'], ['search', '电梯'], ['search', 'dianti', '--json'], ['show', '1'],
      ['dept', '质监局', '--format', 'table'], ['depts', '--format', 'yaml'], ['outline', '--format', 'markdown'], ['stats', '--format', 'table'],
      ['validate'], ['validate', file], ['tasks', '--format', 'ndjson'],
    ];
    for (const args of commands) {
      const run = spawnSync(process.execPath, [bin, ...args, '--plan', file], { encoding: 'utf8', env: { ...process.env, PLAN_CACHE_DIR: path.join(dir, 'cache') } });
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    }
    expect(readFileSync(file)).toEqual(before.bytes);
    expect(statSync(file).mtimeMs).toBe(before.mtime);
    expect(statSync(file).mode).toBe(before.mode);
  });

  it('foldText folds text of FOLDS_ALONE characters as it folds each character alone, offsets kept', () => {
    const units: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (FOLDS_ALONE.test(char)) units.push(char);
    }
    const alone = (text: string) => Array.from(text, (c) => c.normalize('NFKC').toLowerCase()).join('');
    for (const char of units) expect(foldText(char)).toEqual({ text: alone(char) });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...units), maxLength: 30 }), (text) => {
      expect(foldText(text)).toEqual({ text: alone(text) });
    }), { numRuns: 2000 });
    // Every pair from the blocks where NFKC reorders or composes marks (Hangul, ideographic tone marks).
    const block = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
    for (const a of [...block(0x3000, 0x303f), ...block(0x1100, 0x11ff), 'e']) {
      for (const b of [...block(0x3000, 0x303f), ...block(0x1160, 0x11ff), '\u0301']) expect(foldText(a + b).text).toBe(alone(a + b));
    }
    // Beside a combining mark, NFKC of the whole text composes: such text takes the character-by-character path.
    expect('e\u0301'.normalize('NFKC')).not.toBe(alone('e\u0301'));
    expect(foldText('e\u0301').text).toBe(alone('e\u0301'));
  });
});

