import { describe, expect, it } from 'vitest';
import { PlanError } from '../src/errors.js';
import { namesOf, resolveDepartment } from '../src/plan/departments.js';
import { realPlan } from './helpers.js';

const resolve = async (input: string) => (await resolveDepartment(realPlan.departments, input)).name;

describe('resolveDepartment: names as staff type them', () => {
  it.each([
    { input: '市质监局', expected: '市质监局', why: 'the name in the plan' },
    { input: '质监局', expected: '市质监局', why: 'without 市' },
    { input: '重庆市质监局', expected: '市质监局', why: 'with 重庆' },
    { input: '重庆市质量技术监督局', expected: '市质监局', why: 'the official full name' },
    { input: '质监', expected: '市质监局', why: 'a part that fits one department' },
    { input: 'zhijianju', expected: '市质监局', why: 'pinyin' },
    { input: 'ZhiJianJu', expected: '市质监局', why: 'pinyin in capitals' },
    { input: 'zjj', expected: '市质监局', why: 'pinyin initials' },
    { input: '質監局', expected: '市质监局', why: 'Traditional characters' },
    { input: '质检局', expected: '市质监局', why: 'one wrong character' },
    { input: '经信委', expected: '市经济信息委', why: 'an alias' },
    { input: '发改委', expected: '市发展改革委', why: 'an alias' },
    { input: 'fgw', expected: '市发展改革委', why: 'initials of an alias' },
    { input: '人社局', expected: '市人力社保局', why: 'an alias' },
    { input: '食药监局', expected: '市食品药品监管局', why: 'an alias' },
    { input: '卫计委', expected: '市卫生计生委', why: 'an alias' },
    { input: 'renhang', expected: '人行重庆营管部', why: 'a polyphone read right (行 hang)' },
    { input: '中华人民共和国重庆海关', expected: '重庆海关', why: 'the official full name' },
    { input: '邮政局', expected: '市邮政管理局', why: 'an alias' },
    { input: '联席会议', expected: '市质量工作部门联席会议成员单位', why: 'a group' },
    { input: ' 质 监 局 ', expected: '市质监局', why: 'stray spaces' },
  ])('$input → $expected ($why)', async ({ input, expected }) => {
    expect(await resolve(input)).toBe(expected);
  });

  it('resolves every name, full name and alias of the registry to its own department', async () => {
    for (const d of realPlan.departments) {
      for (const name of [d.name, d.fullName, ...d.aliases].filter((n): n is string => n !== undefined)) {
        expect(await resolve(name), name).toBe(d.name);
      }
    }
  });

  it('derives no name that two departments share', () => {
    const owner = new Map<string, string>();
    for (const d of realPlan.departments) {
      for (const n of namesOf(d)) {
        expect(owner.get(n) ?? d.name, n).toBe(d.name);
        owner.set(n, d.name);
      }
    }
  });

  it.each([
    { input: '市', message: /^department "市" is ambiguous: it could be 市经济信息委, 市科委, .* and \d+ more; type more of the name$/ },
    { input: '局', message: /^department "局" is ambiguous/ },
    { input: '文化', message: /^department "文化" is ambiguous: it could be 市文化执法总队, 市文化委; type more of the name$/ },
    { input: 'jw', message: /^department "jw" is ambiguous: it could be 市交委, 市教委/ },
    { input: '外星局', message: /^unknown department "外星局": did you mean .+\? \(plan depts lists all\)$/ },
    { input: 'xyz', message: /^unknown department "xyz": .*\(plan depts lists all\)$/ },
    { input: '', message: /^a department name is empty/ },
  ])('$input is a usage error (exit 2): never a silent pick', async ({ input, message }) => {
    const error = await resolveDepartment(realPlan.departments, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).exitCode).toBe(2);
    expect((error as PlanError).message).toMatch(message);
  });
});
