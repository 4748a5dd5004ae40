// plan import on hand-written fixtures of every style (issue 14 §4), on the seed text (§5), and on bad input (§6).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../src/errors.js';
import { readAttribution } from '../src/import/attribution.js';
import { decodeText } from '../src/import/decode.js';
import { documentKind, importDocument } from '../src/import/index.js';
import { numberingOf } from '../src/import/numbering.js';
import { checkPlanText } from '../src/plan/load.js';
import { lookup, sectionNumber } from '../src/plan/lookup.js';
import type { Plan } from '../src/types.js';
import { realPlan } from './helpers.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/import/${name}`, import.meta.url));
const bytes = (text: string) => new TextEncoder().encode(text);

/** A task as the tests compare it: number, the start of its text, departments, leads, responsibility. */
function brief(plan: Plan) {
  const { headingsOf } = lookup(plan);
  return plan.tasks.map((t) => ({
    number: t.number === undefined ? String(t.id) : t.number,
    start: t.text.slice(0, 8),
    departments: t.departments,
    leads: t.leads ?? [],
    responsibility: t.responsibility,
    headings: headingsOf(t),
    ...(t.incomplete ? { incomplete: true } : {}),
    ...(t.scope ? { scope: t.scope } : {}),
    ...(t.implied ? { implied: t.implied } : {}),
  }));
}

async function imported(name: string) {
  return importDocument(fixture(name), name);
}

describe('every style of issue 14 §4, from text', () => {
  it('一、 → （一） → 1．, with parentheses that are not attributions left in the text', async () => {
    const { plan } = await imported('levels.txt');
    expect(plan.meta).toEqual({
      title: '某市质量提升行动计划', issuer: '某市人民政府办公厅', date: '2020-03-05', addressees: '各区县人民政府，市政府各部门',
      implements: [], notice: '《某市质量提升行动计划》已经市政府同意，现印发给你们，请认真贯彻执行。',
      opening: '为贯彻落实《质量发展纲要》，结合我市实际，制定本计划。', closing: '各区县人民政府要加强组织领导，确保按时完成各项任务。',
    });
    expect(plan.tasks.map((t) => t.text)).toEqual([
      '支持各类职业院校（含技工院校）开展质量培训，推动汽（柴）油机质量提升。',
      '广泛开展QC小组（质量管理小组）活动。',
      '推动落实《国务院办公厅关于加强互联网领域侵权假冒行为治理的意见》（国办发〔2015〕77号）。',
      '完成计量标准研究10项以上。',
    ]);
    expect(brief(plan).map((t) => [t.number, t.departments, t.responsibility, t.headings])).toEqual([
      ['1', ['市经济信息委', '市教委'], 'shared', ['一、提升产品质量', '（一）开展质量提升行动。']],
      ['2', ['市质监局'], 'sole', ['一、提升产品质量', '（一）开展质量提升行动。']],
      ['3', ['市工商局', '市政府有关部门'], 'shared', ['一、提升产品质量', '（二）加强电子商务监管。']],
      ['4', ['市质监局'], 'sole', ['二、夯实质量基础', '（三）强化技术基础。']],
    ]);
    expect(plan.departments.find((d) => d.name === '市政府有关部门')?.group).toBe(true);
  });

  it('tasks at 一、 with no heading above them, and 等有关部门 (a group that completes the list)', async () => {
    const { plan } = await imported('part-level.txt');
    expect(plan.meta.number).toBe('某政发〔2021〕7号');
    expect(plan.meta.issuer).toBe('某省人民政府');
    expect(plan.meta.date).toBe('2021-05-06');
    expect(plan.parts).toEqual([]);
    expect(brief(plan)).toEqual([
      { number: '一', start: '加大稳岗支持力度', departments: ['省人力社保厅', '省财政厅'], leads: [], responsibility: 'sole', headings: [] },
      { number: '二', start: '支持创业载体建设', departments: ['省人力社保厅', '省科技厅', '各市人民政府'], leads: [], responsibility: 'shared', headings: [] },
      { number: '三', start: '保障困难群众基本', departments: ['省民政厅', '有关部门'], leads: [], responsibility: 'shared', headings: [] },
    ]);
  });

  it('numbering that starts at （三）, a lead rule from there on, 会同有关部门负责, 等和各（有关）省级人民政府负责', async () => {
    const { plan } = await imported('starts-at-three.txt');
    expect(brief(plan)).toEqual([
      { number: '（三）', start: '完善政策体系。制', departments: ['商务部', '财政部'], leads: ['商务部'], responsibility: 'sole', headings: ['二、重点任务'] },
      { number: '（四）', start: '加强部门协同。建', departments: ['商务部', '有关部门'], leads: ['商务部'], responsibility: 'sole', headings: ['二、重点任务'] },
      { number: '（五）', start: '压实地方责任。各', departments: ['发展改革委', '商务部', '各省级人民政府'], leads: ['发展改革委'], responsibility: 'sole', headings: ['二、重点任务'] },
      { number: '（六）', start: '强化督促检查。开', departments: ['国务院办公厅', '商务部', '各（有关）省级人民政府'], leads: ['国务院办公厅'], responsibility: 'shared', headings: ['二、重点任务'] },
    ]);
    expect(plan.tasks[1]!.roles).toEqual([{ department: '商务部', role: 'convener', word: '会同' }, { department: '有关部门', role: 'responsible', word: '负责' }]);
    expect(plan.notes).toEqual([{ text: '列第一位者为牵头单位，下同', implied: [], task: 1 }]);
    // （一）（二） are principles: headings without tasks, kept as sections of part 一.
    expect(plan.sections.map((s) => [sectionNumber(s), s.title, s.part])).toEqual([['（一）', '指导思想。', 1], ['（二）', '基本原则。', 1]]);
    expect(plan.meta.closing).toBeUndefined();
  });

  it('several attributions in one numbered item and in unnumbered paragraphs; 牵头/参与, 指导, a half-width (A指导); a document-wide note', async () => {
    const { plan, doubts } = await imported('several.txt');
    expect(brief(plan).map((t) => [t.number, t.start, t.departments, t.leads, t.responsibility, t.implied ?? []])).toEqual([
      ['（一）', '强化顶层设计，发', ['生态环境部', '国家发展改革委', '工业和信息化部'], ['生态环境部'], 'led', []],
      [null, '优化管理体制机制', ['生态环境部', '试点城市政府'], [], 'sole', []],
      ['（二）', '推行绿色生产，促', ['农业农村部'], [], 'guided', ['试点城市政府']],
      [null, '推广标准地膜。', ['农业农村部', '市场监管总局'], [], 'guided', ['试点城市政府']],
      [null, '发展回收网络。', ['商务部', '供销合作总社'], [], 'guided', ['试点城市政府']],
      ['1', '推动固体废物收集', ['财政部'], [], 'guided', ['试点城市政府']],
      [null, '开展试点示范。', ['生态环境部', '财政部'], [], 'guided', ['试点城市政府']],
    ]);
    expect(plan.tasks[0]!.roles?.map((r) => `${r.department}:${r.role}:${r.word}`)).toEqual(['生态环境部:lead:牵头', '国家发展改革委:participant:参与', '工业和信息化部:participant:参与']);
    expect(plan.tasks[1]!.roles?.map((r) => `${r.department}:${r.role}:${r.word}`)).toEqual(['生态环境部:guide:指导', '试点城市政府:responsible:负责落实']);
    expect(plan.tasks[4]!.roles?.map((r) => r.role)).toEqual(['guide', 'participant']);
    expect(plan.notes).toEqual([{ text: '以下均需试点城市政府落实，不再列出', implied: ['试点城市政府'], task: 2 }]);
    expect(plan.tasks[5]!.heading).toBeUndefined();
    expect(lookup(plan).headingsOf(plan.tasks[6]!)).toEqual(['一、主要任务', '（二）推行绿色生产，促进废弃物利用。']);
    // The task that starts at the （二） item stands under the part only: the heading's title is its own text.
    expect(lookup(plan).headingsOf(plan.tasks[2]!)).toEqual(['一、主要任务']);
    expect(plan.tasks[2]!.section).toBe(2);
    // 生态环境部会同有关部门组建… is prose in a heading of 保障措施: no task, but said.
    expect(doubts).toEqual([{ line: 8, message: 'names who acts (负责/牵头/会同…) but has no attribution in parentheses: not made a task', zh: '正文写了谁负责（负责/牵头/会同…），但没有括号内的责任单位：未作为任务' }]);
    // The plan file's opening comment is in the language of the summary.
    expect((await importDocument(fixture('several.txt'), 'several.txt', 'zh')).yaml.split('\n').slice(0, 2)).toEqual(['# 由 plan import 从 several.txt 导入。', '# 请核对它列出的判断，需要时手工修改，然后运行：plan validate 文件']);
    expect((await importDocument(fixture('several.txt'), 'several.txt')).yaml).toMatch(/^# Imported by plan import from several\.txt\.\n# Check the decisions/);
    const zh = (await importDocument(fixture('several.txt'), 'several.txt', 'zh')).summary;
    expect(zh).toContain('  任务      7 项（3 项有编号，1 项有牵头单位，0 项名单以“等”结尾）');
    expect(zh.slice(-2)).toEqual(['请核对以下 1 处判断：', '  第 8 行：正文写了谁负责（负责/牵头/会同…），但没有括号内的责任单位：未作为任务']);
  });

  it('labelled fields: （负责部门：…；适用范围：…）, with the document-wide scope kept as a note', async () => {
    const { plan } = await imported('labelled.txt');
    expect(brief(plan).map((t) => [t.number, t.departments, t.scope, t.incomplete ?? false])).toEqual([
      ['（一）', ['人力资源社会保障部', '住房城乡建设部'], '所有试验区', false],
      ['（二）', ['发展改革委', '粮食和储备局'], '浙江试验区', false],
      ['（三）', ['人民银行'], '福建试验区', true],
    ]);
    expect(plan.tasks[0]!.roles?.[0]).toEqual({ department: '人力资源社会保障部', role: 'responsible', word: '负责部门' });
    expect(plan.notes).toEqual([{ text: '以下除标注适用于特定试验区的措施外，适用范围均为所有试验区', implied: [], task: 1 }]);
  });

  it('a table pasted as text, one cell a line: 序号 / measure / content / 指导部门 / scope', async () => {
    const { plan } = await imported('table-cells.txt');
    expect(plan.tasks).toEqual([
      { id: 1, part: 1, heading: '跨部门一次性联合检查', text: '海关、边检等部门实施一次性联合检查。', departments: ['海关总署', '交通运输部'], responsibility: 'guided', roles: [{ department: '海关总署', role: 'guide', word: '指导部门' }, { department: '交通运输部', role: 'guide', word: '指导部门' }], scope: '全国' },
      { id: 2, part: 1, heading: '保税燃料油供应服务', text: '允许企业开展保税燃料油供应。', departments: ['商务部'], responsibility: 'guided', roles: [{ department: '商务部', role: 'guide', word: '指导部门' }], scope: '自贸试验区' },
    ]);
  });

  it('fields on lines of their own under each task (牵头单位：/【配合单位】/完成时限：), and time limits in the attribution', async () => {
    const { plan, doubts } = await imported('label-lines.txt');
    expect(plan.tasks.map((t) => [t.number ?? String(t.id), t.text, t.departments, t.leads ?? [], t.responsibility, t.deadline ?? null])).toEqual([
      ['1', '推行企业开办全程网上办理。', ['市市场监管局', '市公安局', '市税务局'], ['市市场监管局'], 'led', '2019年底前'],
      ['2', '推进工程建设项目审批制度改革。', ['市住房城乡建设委', '市发展改革委', '市规划资源局'], ['市住房城乡建设委'], 'led', null],
      ['3', '落实减税降费政策。', ['市财政局', '市税务局'], ['市财政局'], 'led', '持续推进'],
      ['4', '开展营商环境评价。', ['市发展改革委'], [], 'sole', '2020年6月底前完成'],
    ]);
    expect(plan.tasks[1]!.roles?.map((r) => `${r.role}:${r.word}`)).toEqual(['lead:牵头单位', 'participant:配合单位', 'participant:配合单位']);
    expect(doubts).toEqual([]);
  });

  it('an attribution on a line of its own names who carries the paragraph above; one with no text at all is left out, said', async () => {
    const { plan, doubts, unattributed } = await importDocument(bytes('某市工作要点\n一、重点工作\n开展电梯安全监管专项行动。\n（市质监局负责）\n（市商委负责）（市教委参与）\n'), 'a.txt');
    expect(plan.tasks.map((t) => [t.text, t.departments])).toEqual([['开展电梯安全监管专项行动。', ['市质监局']]]);
    expect(unattributed).toEqual([]);
    expect(doubts.map((d) => d.message)).toEqual([
      'an attribution on a line of its own: read with the paragraph at line 3',
      'an attribution with no text before it: left out of tasks',
      'an attribution with no text before it: left out of tasks',
    ]);
  });

  it.each(['levels.txt', 'part-level.txt', 'starts-at-three.txt', 'several.txt', 'labelled.txt', 'table-cells.txt', 'label-lines.txt'])('%s: the plan file it writes is valid and reads back as the same plan', async (name) => {
    const { plan, yaml } = await imported(name);
    const back = await checkPlanText(yaml);
    expect(back.problems).toEqual([]);
    expect(back.plan!.tasks).toEqual(plan.tasks);
    expect(back.plan!.notes).toEqual(plan.notes);
  });
});

describe('encodings', () => {
  const text = readFileSync(new URL('fixtures/import/part-level.txt', import.meta.url), 'utf8');
  it.each([
    { label: 'UTF-8', data: bytes(text), encoding: 'UTF-8' },
    { label: 'UTF-8 with BOM', data: new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]), encoding: 'UTF-8 with BOM' },
    { label: 'UTF-16LE with BOM', data: new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]), encoding: 'UTF-16LE' },
    { label: 'UTF-16BE with BOM', data: new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]), encoding: 'UTF-16BE' },
    { label: 'GB18030 (GBK)', data: fixture('part-level-gbk.txt'), encoding: 'GB18030' },
  ])('$label is detected and read', async ({ data, encoding }) => {
    expect(decodeText(data, 'x.txt')).toEqual({ text, encoding });
    const result = await importDocument(data, 'x.txt');
    expect(result.encoding).toBe(encoding);
    expect(result.plan.tasks).toHaveLength(3);
    expect(result.summary[0]).toContain(encoding);
  });
});

describe('attributions', () => {
  it.each([
    { inside: '市质监局负责', departments: ['市质监局'], responsibility: 'sole' },
    { inside: '市经济信息委、市科委按职责分工负责', departments: ['市经济信息委', '市科委'], responsibility: 'shared' },
    { inside: '税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同', departments: ['税务总局', '财政部', '海关总署'], responsibility: 'sole', rule: '排在第一位的部门为牵头部门，下同' },
    { inside: '人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同', departments: ['人力资源社会保障部', '财政部'], responsibility: 'sole', rule: '列第一位者为牵头单位，下同' },
    { inside: '人力资源社会保障部、科技部，各省级人民政府按职责分工负责', departments: ['人力资源社会保障部', '科技部', '各省级人民政府'], responsibility: 'shared' },
    // A group after 等 ends the list, which is then complete (issue 14 §3: lists ending in 等 are incomplete).
    { inside: '财政部、民政部等有关部门和单位按职责分工负责', departments: ['财政部', '民政部', '有关部门和单位'], responsibility: 'shared' },
    { inside: '海关总署、商务部等有关部门负责', departments: ['海关总署', '商务部', '有关部门'], responsibility: 'sole' },
    { inside: '商务部、海关总署等负责', departments: ['商务部', '海关总署'], responsibility: 'sole', incomplete: true },
    { inside: '商务部牵头，海关总署配合', departments: ['商务部', '海关总署'], responsibility: 'led', marked: ['商务部'] },
    { inside: '生态环境部指导', departments: ['生态环境部'], responsibility: 'guided' },
    { inside: '国家发展改革委牵头，2019年底前完成', departments: ['国家发展改革委'], responsibility: 'led', marked: ['国家发展改革委'], deadline: '2019年底前完成' },
    { inside: '牵头单位：市商务委；责任单位：市财政局、市税务局；完成时限：持续推进', departments: ['市商务委', '市财政局', '市税务局'], responsibility: 'led', marked: ['市商务委'], deadline: '持续推进' },
    { inside: '负责部门：人民银行等部门，适用范围：浙江自贸试验区', departments: ['人民银行'], responsibility: 'sole', incomplete: true, scope: '浙江自贸试验区' },
  ])('（$inside）', ({ inside, departments, responsibility, rule, incomplete, scope, marked, deadline }) => {
    const read = readAttribution(inside)!;
    expect(read.departments).toEqual(departments);
    expect(read.responsibility).toBe(responsibility);
    expect(read.leadRule).toBe(rule);
    expect(read.incomplete).toBe(incomplete ?? false);
    expect(read.scope).toBe(scope);
    expect(read.marked).toEqual(marked ?? []);
    expect(read.deadline).toBe(deadline);
  });

  it.each(['2019年底前', '含技工院校', '国办发〔2015〕77号', '质量管理小组', '柴', '小建议、小革新、小攻关', '超过100人的企业达到15%', '以下简称自贸试验区', '须经交易双方确认', '包括设计、施工、监理等所有工程建设相关主体', ''])('（%s） is not an attribution', (inside) => {
    expect(readAttribution(inside)).toBeUndefined();
  });
});

describe('numbering', () => {
  it.each([
    { text: '一、总体要求', level: 1, number: '一' },
    { text: '（十七）加强教育。', level: 2, number: '（十七）' },
    { text: '(五十三)支持试点。', level: 2, number: '（五十三）' },
    { text: '75．积极组织。', level: 3, number: '75' },
    { text: '1.拓展两个市场。', level: 3, number: '1' },
    { text: '（2）开展试点。', level: 4, number: '（2）' },
  ])('$text is level $level, number $number', ({ text, level, number }) => {
    expect(numberingOf(text)).toMatchObject({ level, number });
  });

  it.each(['2019年1月1日起实施。', '2.5%的企业', '十分重要、', '坚持问题导向'])('%s is not numbered', (text) => {
    expect(numberingOf(text)).toBeUndefined();
  });
});

describe('the seed text (issue 14 §5)', () => {
  const shared = new URL('../../shared/source/chongqing-2016-quality-plan.txt', import.meta.url);
  // The same text is in tests/fixtures (checked against plan.yaml by plan-data.test.ts); ../shared is preferred.
  const source = existsSync(shared) ? shared : new URL('fixtures/chongqing-2016-quality-plan.txt', import.meta.url);

  it('gives the bundled plan: its 75 tasks with their text, departments and responsibility, sections, parts and metadata', async () => {
    const { plan, doubts, unattributed } = await importDocument(readFileSync(source), 'chongqing-2016-quality-plan.txt');
    expect(plan.tasks).toHaveLength(75);
    expect(plan.tasks.map((t) => ({ id: t.id, section: t.section, text: t.text, departments: t.departments, responsibility: t.responsibility })))
      .toEqual(realPlan.tasks.map((t) => ({ id: t.id, section: t.section, text: t.text, departments: t.departments, responsibility: t.responsibility })));
    expect(plan.tasks.every((t) => t.number === undefined && t.roles === undefined && t.leads === undefined)).toBe(true);
    expect(plan.sections).toEqual(realPlan.sections);
    expect(plan.parts).toEqual(realPlan.parts);
    // All of the metadata but `implements`, which the importer does not read out of the opening paragraph.
    expect({ ...plan.meta, implements: realPlan.meta.implements }).toEqual(realPlan.meta);
    expect(plan.departments.map((d) => [d.name, d.group]).sort()).toEqual(realPlan.departments.map((d) => [d.name, d.group]).sort());
    expect(doubts).toEqual([]);
    expect(unattributed).toEqual([]);
  });
});

describe('bad input (issue 14 §6): a clear one-line error', () => {
  const refuses = async (data: Uint8Array, name: string, message: RegExp) => {
    const error = await importDocument(data, name).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).exitCode).toBe(3);
    expect((error as PlanError).message).toMatch(message);
    expect((error as PlanError).message).not.toContain('\n');
  };

  it.each([
    { label: 'an empty file', data: new Uint8Array(), name: 'a.txt', message: /a\.txt is empty/ },
    { label: 'only blank lines', data: bytes('\n\u3000\n  \n'), name: 'a.txt', message: /a\.txt (is empty|has no text)/ },
    { label: 'binary data', data: new Uint8Array([1, 2, 3, 0, 255, 254, 0, 7]), name: 'a.bin', message: /not a text document/ },
    { label: 'a PDF', data: bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), name: '通知.pdf', message: /PDF.*export it as text/ },
    { label: 'a .docx that is not a zip', data: bytes('国务院关于…'), name: '通知.docx', message: /not one \(a \.docx file is a zip archive\)/ },
    { label: 'a zip that is not a Word document', data: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), name: 'a.bin', message: /zip archive but not a Word document/ },
    { label: 'an old .doc', data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), name: 'a.doc', message: /old Word/ },
    { label: 'Latin-1 bytes that are no Chinese text', data: new Uint8Array([...bytes('caf'), 0xe9, 0x20, 0xe0, 0x20, 0xfc]), name: 'a.txt', message: /neither UTF-8 nor GB18030/ },
  ])('$label', async ({ data, name, message }) => {
    await refuses(data, name, message);
  });

  it('knows a .docx, a web page and text by their bytes', () => {
    expect(documentKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'a.docx')).toBe('docx');
    expect(documentKind(bytes('<!DOCTYPE html><html><body><p>x</p>'), 'page')).toBe('html');
    expect(documentKind(bytes('一、总体要求'), 'page.htm')).toBe('html');
    expect(documentKind(bytes('一、总体要求'), 'a')).toBe('text');
  });

  it('a document of 10,000 tasks imports within 5 s', async () => {
    const lines = ['国务院关于大量任务的意见', '一、主要任务'];
    for (let i = 1; i <= 10_000; i++) lines.push(`（${i % 7 === 0 ? '一' : '二'}）第${i}项任务，推进相关工作落实。（商务部、财政部${i % 3 ? '负责' : '按职责分工负责'}）`);
    const started = performance.now();
    const { plan } = await importDocument(bytes(lines.join('\n')), 'big.txt');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(plan.tasks).toHaveLength(10_000);
  });
});

describe('docs/plan-format.md', () => {
  const doc = readFileSync(new URL('../docs/plan-format.md', import.meta.url), 'utf8');
  const examples = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it('has the example of a document shaped otherwise, and every example is a valid plan', async () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const example of examples) expect((await checkPlanText(example)).problems).toEqual([]);
    const { plan } = await checkPlanText(examples[1]!);
    expect(plan!.tasks.map((t) => t.responsibility)).toEqual(['sole', 'sole', 'guided']);
    expect(plan!.synonyms).toEqual([['电商', '电子商务']]);
  });

  it.each([
    { change: (y: string) => y.replace('leads: [海关总署]', 'leads: [财政部]'), message: 'task 1 has lead "财政部", which is not one of its departments' },
    { change: (y: string) => y.replace('role: guide', 'role: boss'), message: 'role of a role in task 2 must be lead, participant, guide, convener or responsible, found "boss"' },
    { change: (y: string) => y.replace('  - [电商, 电子商务]', '  - [电商]'), message: 'each entry of synonyms must be a list of two or more words that mean the same, e.g. [电商, 电子商务]; found a list' },
    { change: (y: string) => y.replace('    task: 2\n', '    task: 9\n'), message: 'a note names task 9, which the plan does not have' },
    { change: (y: string) => y.replace('implied: [试点城市政府]                  #', 'implied: [某某局]                  #'), message: 'task 3 names department "某某局", which is not in the departments list' },
    { change: (y: string) => y.replace('    section: 1                            # or part', '    section: 1\n    part: 7                            # or part'), message: 'task 1 names part 7, which the plan does not have (parts: 1)' },
  ])('refuses: $message', async ({ change, message }) => {
    const { problems } = await checkPlanText(change(examples[1]!));
    expect(problems.map((p) => p.message)).toEqual([message]);
  });
});
