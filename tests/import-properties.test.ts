// Whatever a document holds, plan import answers with a plan file that validates, or refuses with a PlanError:
// never another error, never a file that plan validate would reject.
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../src/errors.js';
import { importDocument } from '../src/import/index.js';
import { checkPlanText } from '../src/plan/load.js';

/** Pieces real documents are made of, in any order: numbers, attributions, rules, labels, tables, odd brackets. */
const PIECES = [
  '一、', '（一）', '（十二）', '1．', '2.', '（3）', '①', '\n', '\n\n', '　　', '。', '，', '、', '；', '：', '等', '和',
  '（', '）', '(', ')', '〔2019〕', '国发〔2019〕3号', '2019年1月12日', '国务院', '各省级人民政府',
  '市质监局', '商务部', '有关部门', '海关总署等有关部门', '牵头', '参与', '配合', '指导', '会同', '负责', '负责落实',
  '按职责分工负责', '列第一位者为牵头单位，下同', '以下均需试点城市政府落实，不再列出', '负责部门：', '适用范围：',
  '牵头单位：', '完成时限：', '2019年底前', '序号', '改革事项', '主要内容', '指导部门', '开展试点工作', '推进', '#', ': ',
  '"', "'", '- ', '[', ']', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`', 'true', 'null', '~', '0x1F', '\t', '\u202e', '\u0007',
];
const junk = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 12 }).map((parts) => parts.join(''));
const body = fc.oneof(fc.constantFrom('市质监局', '商务部', '有关部门', '各省级人民政府', '海关总署等有关部门', '人民银行等', '试点城市政府'), junk);
const attribution = fc.tuple(fc.array(body, { minLength: 1, maxLength: 4 }), fc.constantFrom('、', '，', ','), fc.constantFrom('负责', '按职责分工负责', '牵头', '参与', '指导', '负责落实'), fc.constantFrom('', '，列第一位者为牵头单位，下同', '。以下均需试点城市政府落实，不再列出', '，2019年底前完成'))
  .map(([bodies, separator, verb, rule]) => `（${bodies.join(separator)}${verb}${rule}）`);
const line = fc.tuple(fc.constantFrom('', '', '一、', '（二）', '3．', '4.', '（5）', '负责部门：', '牵头单位：', '序号'), junk, fc.option(attribution), fc.option(junk))
  .map(([number, text, who, after]) => `${number}${text}${who ?? ''}${after ?? ''}`);
const documentText = fc.array(line, { maxLength: 30 }).map((lines) => lines.join(fc.sample(fc.constantFrom('\n', '\n\n', '\r\n'), 1)[0]));

/** Runs that gave a plan with tasks: the property must be seen to hold on plans, not only on refusals. */
let withTasks = 0;

async function outcome(bytes: Uint8Array, name: string): Promise<void> {
  let result: Awaited<ReturnType<typeof importDocument>>;
  try {
    result = await importDocument(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanError);
    return;
  }
  const back = await checkPlanText(result.yaml);
  expect(back.problems).toEqual([]);
  expect(back.plan!.tasks).toEqual(result.plan.tasks);
  if (result.plan.tasks.length > 0) withTasks++;
}

describe('plan import on any input', () => {
  it('text: a valid plan file or a PlanError', async () => {
    withTasks = 0;
    await fc.assert(fc.asyncProperty(documentText, async (text) => outcome(strToU8(text), 'a.txt')), { numRuns: 400 });
    expect(withTasks).toBeGreaterThan(30);
  }, 60_000);

  it('web pages: a valid plan file or a PlanError', async () => {
    const page = fc.array(fc.tuple(fc.constantFrom('p', 'div', 'td', 'tr', 'table', 'br', 'nav', 'h1', 'li', 'script'), documentText), { maxLength: 12 })
      .map((parts) => `<html><body>${parts.map(([tag, text]) => `<${tag}>${text.replace(/</g, '&lt;')}</${tag}>`).join('')}</body></html>`);
    await fc.assert(fc.asyncProperty(page, async (html) => outcome(strToU8(html), 'a.html')), { numRuns: 150 });
  });

  it('.docx: a valid plan file or a PlanError, also for a damaged document.xml', async () => {
    const body = fc.array(documentText, { maxLength: 12 }).map((paragraphs) => paragraphs.map((p) => `<w:p><w:r><w:t>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`).join(''));
    await fc.assert(fc.asyncProperty(body, fc.boolean(), async (xml, cut) => {
      const documentXml = `<w:document xmlns:w="w"><w:body>${xml}</w:body></w:document>`;
      const docx = zipSync({ 'word/document.xml': strToU8(cut ? documentXml.slice(0, documentXml.length / 2) : documentXml) });
      await outcome(docx, 'a.docx');
    }), { numRuns: 150 });
  });

  it('random bytes: a valid plan file or a PlanError', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('a.txt', 'a.docx', 'a.html', 'a'), async (bytes, name) => outcome(bytes, name)), { numRuns: 300 });
  });
});
