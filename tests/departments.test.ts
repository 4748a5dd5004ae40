import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { readingsOf } from '../src/chinese/tables.js';
import { PlanError } from '../src/errors.js';
import { describeMatch, isGuess, namesOf, resolveDepartment, splitDepartmentList } from '../src/plan/departments.js';
import { canonicalWord, FIELD_WORDS, glossWords, parseName } from '../src/plan/naming.js';
import { nameSlip } from '../src/plan/slips.js';
import { realPlan } from './helpers.js';

const resolve = (input: string) => resolveDepartment(realPlan.departments, input);
const refusal = async (input: string) => {
  const error = await resolve(input).then(
    (m) => new Error(`${input} resolved to ${m.department.name}`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlanError);
  expect((error as PlanError).exitCode).toBe(2);
  return (error as PlanError).message;
};

describe('resolveDepartment: the old spellings still resolve', () => {
  it.each([
    { input: '市质监局', expected: '市质监局', how: 'name' },
    { input: '质监局', expected: '市质监局', how: 'alias' },
    { input: '重庆市质量技术监督局', expected: '市质监局', how: 'full name' },
    { input: ' 质 监 局 ', expected: '市质监局', how: 'alias' },
    { input: '重庆市质监局', expected: '市质监局', how: 'place' },
    { input: '质监', expected: '市质监局', how: 'field' },
    { input: 'zhijianju', expected: '市质监局', how: 'pinyin' },
    { input: 'ZhiJianJu', expected: '市质监局', how: 'pinyin' },
    // Tone marks, and ü as v; a name pasted with the document's brackets, quotes or full stop.
    { input: 'zhìjiānjú', expected: '市质监局', how: 'pinyin' },
    { input: 'lǚyóujú', expected: '市旅游局', how: 'pinyin' },
    { input: '（市质监局）', expected: '市质监局', how: 'name' },
    { input: '“质监局”。', expected: '市质监局', how: 'alias' },
    { input: '旅发委', expected: '市旅游局', how: 'field' },
    // Words of a long name in its order, with words between left out.
    { input: '质量工作联席会议', expected: '市质量工作部门联席会议成员单位', how: 'part' },
    { input: 'zhijian', expected: '市质监局', how: 'pinyin' },
    { input: '質監局', expected: '市质监局', how: 'traditional' },
    { input: '质检局', expected: '市质监局', how: 'slip' },
    { input: '经信委', expected: '市经济信息委', how: 'alias' },
    { input: 'fgw', expected: '市发展改革委', how: 'initials' },
    { input: 'renhang', expected: '人行重庆营管部', how: 'pinyin' },
    { input: '中华人民共和国重庆海关', expected: '重庆海关', how: 'full name' },
    { input: '重庆市质监局办公室', expected: '市质监局', how: 'unit' },
    { input: '林业和草原局', expected: '市林业局', how: 'successor' },
    { input: '城管执法局', expected: '市市政委', how: 'field' },
    { input: '市农伟', expected: '市农委', how: 'slip' },
    { input: 'jiaoyuju', expected: '市教委', how: 'pinyin' },
  ])('$input → $expected ($how)', async ({ input, expected, how }) => {
    const match = await resolve(input);
    expect(match.department.name).toBe(expected);
    expect(match.how).toBe(how);
  });

  it('resolves every name, full name and alias of the registry to its own department, with no note', async () => {
    for (const d of realPlan.departments) {
      for (const name of [d.name, d.fullName, ...d.aliases].filter((n): n is string => n !== undefined)) {
        const match = await resolve(name);
        expect(match.department.name, name).toBe(d.name);
        expect(isGuess(match), name).toBe(false);
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
});

describe('resolveDepartment: a guess is said, with the full name and why', () => {
  it.each([
    { input: '工信局', line: '工信局 → 市经济信息委（重庆市经济和信息化委员会） (the same remit: 工信 = economy and information technology)' },
    { input: '质检局', line: '质检局 → 市质监局（重庆市质量技术监督局） (检 for 监, both read jian)' },
    { input: '市料委', line: '市料委 → 市科委（重庆市科学技术委员会） (料 for 科, which it looks like; full name not confirmed)' },
    { input: '市卫健委', line: '市卫健委 → 市卫生计生委（重庆市卫生和计划生育委员会） (a name used since 2018: 卫健 = health, the 2018 successor of health and family planning)' },
    { input: '联席会议', line: '联席会议 → 市质量工作部门联席会议成员单位 (a part of the name 市质量工作部门联席会议成员单位)' },
  ])('$input', async ({ input, line }) => {
    const match = await resolve(input);
    expect(isGuess(match)).toBe(true);
    expect(describeMatch(input, match)).toBe(line);
  });

  it('in Chinese too, with an unconfirmed full name said so', async () => {
    expect(describeMatch('市料委', await resolve('市料委'), 'zh')).toBe('市料委 → 市科委（重庆市科学技术委员会）（科误作料，形近；全称未经确认）');
  });

  // Demoted from aliases (issue 12): each names a kind of body, another body too, or an old name.
  it.each([
    ['邮政局', '市邮政管理局'], ['人行', '人行重庆营管部'], ['联席会议', '市质量工作部门联席会议成员单位'], ['有关部门', '市政府有关部门'],
    ['海关', '重庆海关'], ['建委', '市城乡建委'], ['技监局', '市质监局'],
  ])('%s still finds %s, with a note', async (input, expected) => {
    const match = await resolve(input);
    expect(match.department.name).toBe(expected);
    expect(isGuess(match)).toBe(true);
  });
});

describe('resolveDepartment: never a silent pick', () => {
  it.each([
    { input: '市', message: /^department "市" is ambiguous: it could be 市经济信息委, 市科委, .* and \d+ more; type more of the name$/ },
    { input: '局', message: /^department "局" is ambiguous/ },
    { input: '文化', message: /^department "文化" is ambiguous: it could be 市文化执法总队, 市文化委 \(文化 = culture\); name one, or give them all: --dept 市文化执法总队,市文化委$/ },
    { input: 'jw', message: /^department "jw" is ambiguous: it could be 市交委, 市教委/ },
    // 住建局 (zhujianju) is other cities' 市城乡建委: zjj fits both.
    { input: 'zjj', message: /^department "zjj" is ambiguous: it could be 市质监局, 市城乡建委; type more of the name$/ },
    { input: '商务局', message: /^department "商务局" is ambiguous: it could be 市外经贸委, 市商委 \(商务 = commerce, domestic and foreign\)/ },
    { input: '市场监管局', message: /it could be 市质监局, 市工商局, 市食品药品监管局 \(市场监管 = market regulation, the 2018 merger/ },
    { input: '审计局', message: /^unknown department "审计局": no department of this plan has the remit it names \(审计 = audit\) \(plan depts lists all\)$/ },
    { input: '市科协', message: /^unknown department "市科协": 协 ends the name of a people's organisation/ },
    { input: '工信部', message: /^unknown department "工信部": a national body, not in this plan .*; did you mean 市经济信息委\?/ },
    // 会 after a regulator's field (监督管理委员会 shortened) is a national commission, not an association.
    { input: '银监会', message: /^unknown department "银监会": a national body, not in this plan .*; did you mean 重庆银监局\?/ },
    { input: '中国银保监会', message: /^unknown department "中国银保监会": a national body, not in this plan .*; did you mean 重庆银监局\?/ },
    // The city's own 金融监管局 (地方金融监督管理局, after 市金融办) or the national regulator's office in the city.
    { input: '市金融监管局', message: /^department "市金融监管局" is ambiguous: it could be 市金融办, 重庆银监局/ },
    { input: '重庆证监局', message: /^unknown department "重庆证监局": .*证监 = securities regulation/ },
    { input: '审记局', message: /^unknown department "审记局": 审计局 is not in this plan \(记 for 计, both read ji\)/ },
    { input: '市场', message: /^unknown department "市场" \(plan depts lists all\)$/ },
    { input: '林', message: /^unknown department "林": did you mean 市林业局\? \(plan depts lists all\)$/ },
    { input: '渝北区质监局', message: /^unknown department "渝北区质监局": a body of 渝北区, not of this plan; did you mean 市质监局\?/ },
    { input: '县教委', message: /^unknown department "县教委": a district or county body, not of this plan; did you mean 市教委\?/ },
    { input: '北京市商务局', message: /^unknown department "北京市商务局": a body of 北京市, not of this plan; did you mean 市外经贸委, 市商委\?/ },
    { input: '人大', message: /^unknown department "人大": .*the people's congress, not a government department/ },
    { input: '供销社', message: /^unknown department "供销社": 社 ends the name of a people's organisation/ },
    { input: '外星局', message: /^unknown department "外星局" \(plan depts lists all\)$/ },
    { input: 'xyz', message: /^unknown department "xyz" \(plan depts lists all\)$/ },
    { input: '', message: /^a department name is empty/ },
  ])('$input is a usage error (exit 2)', async ({ input, message }) => {
    expect(await refusal(input)).toMatch(message);
  });
});

describe('resolveDepartment: the knowledge is about names, not about this plan', () => {
  // A registry of after the 2018 reform: the 2016 names are now the earlier names of its bodies.
  const later = ['市市场监管局', '市商务委', '市卫生健康委', '市农业农村委', '市文化旅游委', '市经济信息委', '市大数据发展局']
    .map((name) => ({ name, aliases: [], group: false }));
  it.each([
    ['质监局', '市市场监管局'], ['工商局', '市市场监管局'], ['外经贸委', '市商务委'], ['商委', '市商务委'], ['卫计委', '市卫生健康委'],
    ['农委', '市农业农村委'], ['旅游局', '市文化旅游委'], ['工信厅', '市经济信息委'], ['大数据局', '市大数据发展局'],
  ])('%s → %s, said', async (input, expected) => {
    const match = await resolveDepartment(later, input);
    expect(match.department.name).toBe(expected);
    expect(isGuess(match)).toBe(true);
  });

  // A plan of the central government names national bodies; a local one of the same remit is not one of them.
  const central = ['工业和信息化部', '财政部', '海关总署', '市经济信息委'].map((name) => ({ name, aliases: [], group: false }));
  it.each([['工信部', '工业和信息化部'], ['工业和信息化部', '工业和信息化部'], ['工信局', '市经济信息委'], ['海关', '海关总署']])('%s → %s among national bodies', async (input, expected) => {
    expect((await resolveDepartment(central, input)).department.name).toBe(expected);
  });

  it.each(['知识产权局', '审计局', '科委'])('%s is not in it', async (input) => {
    await expect(resolveDepartment(later, input)).rejects.toThrow(/^unknown department/);
  });
});

describe('the registry', () => {
  it('writes no later name back as a full name of 2016', () => {
    for (const d of realPlan.departments) {
      const parsed = d.fullName ? parseName(d.fullName) : undefined;
      expect(parsed?.since, d.fullName).toBeUndefined();
    }
  });

  it('marks the full names not confirmed from a full-form source', () => {
    const unconfirmed = realPlan.departments.filter((d) => d.fullNameConfirmed === false).map((d) => d.name);
    expect(unconfirmed).toEqual(['市科委', '市外经贸委', '市金融办', '重庆银监局', '市政府法制办']);
  });

  it('knows the remit of every department that is not a group', () => {
    for (const d of realPlan.departments.filter((x) => !x.group)) {
      expect(parseName(d.name)?.fields.size, d.name).toBeGreaterThan(0);
    }
  });
});

describe('naming: how bodies are named', () => {
  it('says every field in Chinese where it tells a Chinese reader what a word covers (应急涵盖应急管理、安全生产监督管理)', () => {
    for (const entry of FIELD_WORDS) {
      for (const field of entry.fields) expect(canonicalWord(field), field).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(glossWords(entry.words[0]!, entry).zh, entry.words[0]).not.toMatch(/[a-z]/);
    }
    expect(glossWords('应急', FIELD_WORDS.find((e) => e.words.includes('应急'))!).zh).toBe('应急涵盖应急管理、安全生产监督管理，2018 年起的名称');
  });

  it.each([
    { name: '重庆市经济和信息化委员会', fields: ['industry-it'], suffix: 'organ', national: false },
    { name: '工业和信息化厅', fields: ['industry-it'], suffix: 'organ', national: false },
    { name: '市市政委', fields: ['urban'], suffix: 'organ', national: false },
    { name: '市场监管局', fields: ['industry-commerce', 'quality', 'food'], suffix: 'organ', national: false },
    { name: '中国银行业监督管理委员会重庆监管局', fields: ['banking'], suffix: 'office', national: false },
    { name: '海关总署', fields: ['customs'], suffix: 'national', national: true },
    { name: '国家邮政局', fields: ['postal'], suffix: 'organ', national: true },
    { name: '市文化执法总队', fields: ['culture', 'enforcement'], suffix: 'corps', national: false },
    { name: '市工商联', fields: ['industry-commerce'], suffix: 'social', national: false },
    { name: '证监会', fields: ['securities'], suffix: 'national', national: true },
    { name: '消费者协会', fields: ['consumer'], suffix: 'social', national: false },
  ])('$name', ({ name, ...expected }) => {
    const parsed = parseName(name)!;
    expect({ fields: [...parsed.fields].sort(), suffix: parsed.suffix, national: parsed.national }).toEqual({ ...expected, fields: [...expected.fields].sort() });
  });

  it.each(['质建', '联席会议', '外星局', ''])('%s is not a name of the vocabulary', (name) => {
    expect(parseName(name)).toBeUndefined();
  });

  it('has no field word twice', () => {
    const words = FIELD_WORDS.flatMap((f) => f.words);
    expect(words.length).toBe(new Set(words).size);
  });
});

describe('slips: which one-character differences are slips', () => {
  const readings = (c: string) => readingsOf(pinyin, c);
  it.each([
    { typed: '质检局', meant: '质监局', cost: 0.5 },
    { typed: '市料委', meant: '市科委', cost: 0.5 },
    { typed: '经济信委', meant: '经济信息委', cost: 0.5 },
    { typed: '质局', meant: '质监局', cost: 1 },
    { typed: '市环卫局', meant: '市环保局', cost: 1 },
    { typed: '市市政委', meant: '市政委', cost: 0.5 },
    { typed: '市龙委', meant: '市农委', cost: 0.75 },
  ])('$typed for $meant costs $cost', ({ typed, meant, cost }) => {
    expect(nameSlip(typed, meant, readings)?.cost).toBe(cost);
  });

  it.each([['质监局', '质监局'], ['审计局', '质监局'], ['重庆市质监局', '质监局']])('%s is no one-character slip of %s', (typed, meant) => {
    expect(nameSlip(typed, meant, readings)).toBeUndefined();
  });
});

describe('splitDepartmentList', () => {
  it.each([
    ['质监局,林业局', ['质监局', '林业局']],
    ['质监局、林业局', ['质监局', '林业局']],
    ['质监局，林业局 ', ['质监局', '林业局']],
    ['质监局', ['质监局']],
    [',', []],
  ])('%s', (value, expected) => {
    expect(splitDepartmentList(value)).toEqual(expected);
  });
});
