// plan import of .docx (built here, zipped with fflate: no binary fixtures) and of web pages, beside text.
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../src/errors.js';
import { importDocument } from '../src/import/index.js';
import { lookup } from '../src/plan/lookup.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/import/${name}`, import.meta.url));
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A .docx whose body is this WordprocessingML. */
function docx(body: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`),
    ...extra,
  });
}
/** A paragraph, its text cut into runs at | (Word splits runs wherever formatting changes). */
const p = (text: string) => `<w:p><w:pPr><w:ind w:firstLine="640"/></w:pPr>${text.split('|').map((run, i) => `<w:r>${i % 2 ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${escape(run)}</w:t></w:r>`).join('')}</w:p>`;
const cell = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${text.split('\n').map((t) => p(t)).join('')}</w:tc>`;
const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;

const lines = (name: string) => fixture(name).toString('utf8').split('\n').filter((l) => l.trim() !== '');

/** The plan as the tests compare it across formats: everything but where each line was. */
async function planOf(data: Uint8Array, name: string) {
  const { plan } = await importDocument(data, name);
  return { meta: plan.meta, parts: plan.parts, sections: plan.sections, tasks: plan.tasks, notes: plan.notes, departments: plan.departments };
}

describe('the same document as text, .docx and .html gives the same plan', () => {
  it.each(['levels.txt', 'part-level.txt', 'starts-at-three.txt', 'several.txt', 'labelled.txt', 'table-cells.txt', 'label-lines.txt'])('%s', async (name) => {
    const text = await planOf(fixture(name), name);
    const word = docx(lines(name).map((l) => p(l.replace(/（/, '|（'))).join(''));
    expect(await planOf(word, name.replace('.txt', '.docx'))).toEqual(text);
    const page = `<!DOCTYPE html><html><head><title>x</title></head><body><div class="nav"><a href="/">首页</a>（商务部负责）</div><div class="content">${lines(name).map((l) => `<p>${escape(l)}</p>`).join('\n')}</div><div class="footer"><p>版权所有（国务院办公厅负责）</p></div></body></html>`;
    expect(await planOf(new TextEncoder().encode(page), name.replace('.txt', '.html'))).toEqual(text);
  });

  it('the seed text as .docx and as a web page', async () => {
    const name = 'chongqing-2016-quality-plan.txt';
    const source = readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8').split('\n').filter((l) => l.trim() !== '');
    const text = await planOf(new TextEncoder().encode(source.join('\n')), name);
    expect(text.tasks).toHaveLength(75);
    expect(await planOf(docx(source.map((l) => p(l)).join('')), 'plan.docx')).toEqual(text);
    expect(await planOf(new TextEncoder().encode(`<html><body><div id="content">${source.map((l) => `<p>${escape(l)}</p>`).join('')}</div></body></html>`), 'plan.html')).toEqual(text);
  });
});

describe('.docx', () => {
  it('reads tables of measures, with a merged measure cell (w:vMerge) and a heading row across the table (w:gridSpan)', async () => {
    const body = [
      p('关于复制推广改革经验的通知'),
      p('国发〔2021〕2号'),
      `<w:tbl>${[
        row(cell('序号'), cell('改革事项'), cell('主要内容'), cell('指导部门'), cell('适用范围')),
        row(cell('一、投资管理领域', '<w:gridSpan w:val="5"/>')),
        row(cell('1'), cell('通关便利', '<w:vMerge w:val="restart"/>'), cell('海关、边检实施一次性联合检查。'), cell('海关总署\n交通运输部'), cell('全国')),
        row(cell('2'), cell('', '<w:vMerge/>'), cell('推行进口货物“两步申报”。'), cell('海关总署'), cell('全国')),
      ].join('')}</w:tbl>`,
      p('国务院'),
      p('2021年1月5日'),
    ].join('');
    const { plan, kind } = await importDocument(docx(body), '通知.docx');
    expect(kind).toBe('docx');
    expect(plan.meta).toMatchObject({ title: '关于复制推广改革经验的通知', number: '国发〔2021〕2号', issuer: '国务院', date: '2021-01-05' });
    expect(plan.parts).toEqual([{ id: 1, title: '投资管理领域' }]);
    expect(plan.tasks.map((t) => [t.heading, t.text, t.departments, t.responsibility, t.scope, t.part])).toEqual([
      ['通关便利', '海关、边检实施一次性联合检查。', ['海关总署', '交通运输部'], 'guided', '全国', 1],
      ['通关便利', '推行进口货物“两步申报”。', ['海关总署'], 'guided', '全国', 1],
    ]);
  });

  it('writes the numbers Word adds itself (list numbering, also through a paragraph style; a level counts again under a new one) before the text', async () => {
    const numbering = `<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="7">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3．"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
      <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num></w:numbering>`;
    const styles = `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style></w:styles>`;
    const listed = (text: string, ilvl: number, numId = 3) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const styled = (text: string) => `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const body = [
      p('某市重点任务分工方案'),
      styled('优化营商环境'),
      listed('推行网上办理。', 1),
      listed('推行企业开办全程网上办理。（市市场监管局负责）', 2),
      listed('压缩审批时间。（市住房城乡建设委、市规划资源局按职责分工负责）', 2),
      listed('要点一', 0, 4),
      styled('强化保障'),
      listed('加强督查。（市政府办公厅负责）', 1),
    ].join('');
    const { plan } = await importDocument(docx(body, { 'word/numbering.xml': strToU8(numbering), 'word/styles.xml': strToU8(styles) }), 'a.docx');
    expect(plan.parts.map((x) => x.title)).toEqual(['优化营商环境', '强化保障']);
    expect(plan.tasks.map((t) => [t.number ?? String(t.id), t.text, lookup(plan).headingsOf(t)])).toEqual([
      ['1', '推行企业开办全程网上办理。', ['一、优化营商环境', '（一）推行网上办理。']],
      ['2', '压缩审批时间。', ['一、优化营商环境', '（一）推行网上办理。']],
      ['（一）', '加强督查。', ['二、强化保障']],
    ]);
  });

  it('keeps text split across runs, tabs and line breaks, and entities', async () => {
    const body = `${p('一、总体要求')}<w:p><w:r><w:t>（一）推进&amp;落实</w:t></w:r><w:r><w:tab/><w:t>工作。（商务部、</w:t></w:r><w:r><w:t>财政部按职责分工负责）</w:t></w:r></w:p>`;
    const { plan } = await importDocument(docx(body), 'a.docx');
    expect(plan.tasks.map((t) => [t.text, t.departments])).toEqual([['推进&落实\t工作。', ['商务部', '财政部']]]);
  });

  it.each([
    { label: 'a zip without word/document.xml', data: zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/other.xml': strToU8('x') }), message: /without word\/document\.xml/ },
    { label: 'a damaged zip', data: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), message: /zip archive is damaged|without word\/document\.xml/ },
  ])('$label: a one-line error, exit 3', async ({ data, message }) => {
    const error = await importDocument(data, 'a.docx').then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).exitCode).toBe(3);
    expect((error as PlanError).message).toMatch(message);
  });
});

describe('web pages', () => {
  it('reads the article of a government page: entities, <br>, a table with rowspan; not the navigation, scripts or footer', async () => {
    const result = await importDocument(fixture('page.html'), 'page.html');
    const { plan } = result;
    expect(result.kind).toBe('html');
    expect(plan.meta).toMatchObject({ title: '国务院关于推广试点经验的通知', number: '国发〔2020〕5号', issuer: '国务院', date: '2020-03-01', addressees: '各省、自治区、直辖市人民政府，国务院各部委、各直属机构' });
    expect(plan.departments.map((d) => d.name)).not.toContain('国务院办公厅');
    expect(plan.tasks.map((t) => [t.number === undefined ? String(t.id) : t.number, t.heading ?? null, t.text, t.departments, t.responsibility])).toEqual([
      ['（一）', null, '“证照分离”改革。在全国推开改革试点。', ['市场监管总局', '司法部'], 'shared'],
      ['（二）', null, '投资管理。实施负面清单管理（含外商投资）。', ['商务部', '发展改革委'], 'sole'],
      ['1', '通关便利', '海关、边检实施一次性联合检查。', ['海关总署', '交通运输部'], 'guided'],
      ['2', '通关便利', '推行进口货物“两步申报”。', ['海关总署'], 'guided'],
      ['3', '保税燃料油', '开展保税燃料油供应。', ['商务部'], 'guided'],
    ]);
    expect(lookup(plan).headingsOf(plan.tasks[2]!)).toEqual(['二、推广的服务事项', '通关便利']);
    // Lines are the page's own: the summary points at them.
    expect(result.unattributed).toEqual([]);
  });

  it('a table whose columns are 牵头单位 and 配合单位, with a time limit column', async () => {
    const page = `<html><body><div class="content"><p>某市重点任务分工</p><table>
      <tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>
      <tr><td>1</td><td>推行企业开办全程网上办理。</td><td>市市场监管局</td><td>市公安局、市税务局</td><td>2019年底前</td></tr>
      <tr><td>2</td><td>开展营商环境评价。</td><td>市发展改革委</td><td></td><td>持续推进</td></tr></table></div></body></html>`;
    const { plan } = await importDocument(new TextEncoder().encode(page), 'a.html');
    expect(plan.tasks.map((t) => [t.text, t.departments, t.leads ?? [], t.responsibility, t.deadline])).toEqual([
      ['推行企业开办全程网上办理。', ['市市场监管局', '市公安局', '市税务局'], ['市市场监管局'], 'led', '2019年底前'],
      ['开展营商环境评价。', ['市发展改革委'], ['市发展改革委'], 'led', '持续推进'],
    ]);
  });

  it('takes the title, 文号, issuer and date from the facts table above the article when the article does not write them', async () => {
    const page = `<html><body><div class="header">中国政府网</div>
      <table class="bd1"><tr><td><b>索 引 号：</b></td><td>000014349/2019-00012</td><td><b>主题分类：</b></td><td>商贸</td></tr>
      <tr><td><b>发文机关：</b></td><td>国务院</td><td><b>成文日期：</b></td><td>2019年01月12日</td></tr>
      <tr><td><b>标\u3000\u3000题：</b></td><td colspan="3">国务院关于促进某项工作的意见</td></tr>
      <tr><td><b>发文字号：</b></td><td>国发〔2019〕3号</td><td><b>发布日期：</b></td><td>2019年01月25日</td></tr></table>
      <div id="UCAP-CONTENT"><p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p><p>现提出以下意见：</p>
      <p>一、主要任务</p><p>1.拓展两个市场。推广试点。（税务总局、财政部负责）</p><p>2.提前适用政策。（海关总署负责）</p></div>
      <div class="footer">版权所有</div></body></html>`;
    const { plan } = await importDocument(new TextEncoder().encode(page), 'page.html');
    expect(plan.meta).toMatchObject({ title: '国务院关于促进某项工作的意见', number: '国发〔2019〕3号', issuer: '国务院', date: '2019-01-12' });
    expect(plan.tasks.map((t) => t.departments)).toEqual([['税务总局', '财政部'], ['海关总署']]);
  });

  it('a page of 7 MB of furniture answers within 5 s', async () => {
    const filler = '<div class="nav"><a href="/x">链接</a></div>\n'.repeat(140_000);
    const page = `<html><body>${filler}<div class="content"><p>一、任务</p><p>（一）开展试点。（商务部负责）</p></div></body></html>`;
    const started = performance.now();
    const { plan } = await importDocument(new TextEncoder().encode(page), 'big.html');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(plan.tasks.map((t) => t.departments)).toEqual([['商务部']]);
  }, 20000);
});
