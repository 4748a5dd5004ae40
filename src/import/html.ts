// A web page → blocks: the article's paragraphs and tables, not the site's navigation, header or footer.
// htmlparser2 is loaded here only, when a page is imported.
import { trimParagraph, type Block, type TableRow } from './blocks.js';

type Parsed = ReturnType<typeof import('htmlparser2').parseDocument>;
type ChildNode = Parsed['children'][number];
type Element = Extract<ChildNode, { name: string; attribs: Record<string, string> }>;

/** Elements whose content is never the document's text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'aside', 'form', 'select', 'option', 'button', 'iframe', 'object', 'head', 'map', 'canvas']);
/** ids and classes of a site's furniture. */
const FURNITURE = /(^|[-_\s])(nav|navbar|menu|header|footer|breadcrumb|crumb|share|sidebar|side|copyright|toolbar|topbar|banner|related|comment|login|search)([-_\s]|$)/i;
const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dd', 'dt', 'blockquote', 'pre', 'section', 'article', 'main', 'center', 'ul', 'ol', 'dl', 'table', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'caption', 'body', 'html', 'address', 'figure', 'figcaption', 'hr']);
const HAN = /[\u4e00-\u9fff]/g;

const isElement = (node: ChildNode): node is Element => node.type === 'tag' || node.type === 'script' || node.type === 'style';

function skipped(element: Element): boolean {
  if (SKIP.has(element.name)) return true;
  const marks = `${element.attribs.id ?? ''} ${element.attribs.class ?? ''} ${element.attribs.role ?? ''}`;
  return marks.trim() !== '' && FURNITURE.test(marks) && !/content|article|text|zoom|main/i.test(marks);
}

/** Inline text as a browser shows it: runs of white space one space, none between Chinese characters. */
function tidy(text: string): string {
  return text.replace(/[\t\n\r\f ]+/g, ' ').replace(/\u00a0/g, ' ')
    .replace(/ (?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’])/g, '').replace(/(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’]) /g, '');
}

interface Paragraph {
  text: string;
  start: number;
}

/** The paragraphs of an element: text between block elements, split at <br>. */
function paragraphsOf(element: Element, out: Paragraph[]): void {
  let current = '';
  let start = element.startIndex ?? 0;
  const flush = () => {
    const t = trimParagraph(tidy(current));
    if (t !== '') out.push({ text: t, start });
    current = '';
  };
  const walk = (node: ChildNode) => {
    if (node.type === 'text') {
      if (current === '') start = node.startIndex ?? start;
      current += node.data;
    } else if (isElement(node)) {
      if (skipped(node)) return;
      if (node.name === 'br') return flush();
      if (BLOCK.has(node.name)) {
        flush();
        paragraphsOf(node, out);
        return;
      }
      for (const child of node.children) walk(child);
    }
  };
  for (const child of element.children) walk(child);
  flush();
}

/** Whether a table holds data (rows of cells) rather than the layout of a page: no table inside, rows of two cells or more. */
function isDataTable(table: Element): boolean {
  let nested = false;
  let rows = 0;
  let wide = 0;
  const walk = (node: ChildNode, depth: number) => {
    if (!isElement(node)) return;
    if (node.name === 'table' && depth > 0) nested = true;
    if (node.name === 'tr') {
      rows++;
      if (node.children.filter((c) => isElement(c) && (c.name === 'td' || c.name === 'th')).length >= 2) wide++;
    }
    for (const c of node.children) walk(c, depth + 1);
  };
  walk(table, 0);
  return !nested && rows >= 2 && wide >= 2;
}

/** A data table's rows, colspan repeated across and rowspan carried down, so that every row has its columns. */
function tableRows(table: Element, lineOf: (offset: number) => number): TableRow[] {
  const rows: TableRow[] = [];
  const carried: { text: string; left: number }[] = [];
  const walk = (node: ChildNode) => {
    if (!isElement(node) || skipped(node)) return;
    if (node.name !== 'tr') {
      for (const c of node.children) walk(c);
      return;
    }
    const cells: string[] = [];
    let column = 0;
    const fill = () => {
      while (carried[column] && carried[column]!.left > 0) {
        cells.push(carried[column]!.text);
        carried[column]!.left--;
        column++;
      }
    };
    for (const c of node.children) {
      if (!isElement(c) || (c.name !== 'td' && c.name !== 'th')) continue;
      fill();
      const parts: Paragraph[] = [];
      paragraphsOf(c, parts);
      const text = parts.map((p) => p.text).join('\n');
      const span = Math.max(1, Math.min(64, Number(c.attribs.colspan) || 1));
      const down = Math.max(1, Math.min(1000, Number(c.attribs.rowspan) || 1));
      for (let i = 0; i < span; i++) {
        cells.push(text);
        carried[column] = { text, left: down - 1 };
        column++;
      }
    }
    fill();
    rows.push({ cells, line: lineOf(node.startIndex ?? 0) });
  };
  walk(table);
  return rows;
}

/**
 * The blocks of a web page's article: the element whose own paragraphs hold the most Chinese text is taken as the
 * article, and its paragraphs and tables are read in order; a heading outside it (the page's <h1>) comes first.
 */
export async function htmlBlocks(html: string): Promise<Block[]> {
  const { parseDocument } = await import('htmlparser2');
  const document = parseDocument(html, { decodeEntities: true, withStartIndices: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const newlines: number[] = [];
  for (let i = html.indexOf('\n'); i >= 0; i = html.indexOf('\n', i + 1)) newlines.push(i);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };

  // Score each element by the Chinese text of the paragraphs directly inside it.
  const scores = new Map<Element, number>();
  let h1: Element | undefined;
  let title: string | undefined;
  const score = (node: ChildNode, parent: Element | undefined) => {
    if (!isElement(node)) return;
    if (node.name === 'title' && title === undefined) title = node.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
    if (skipped(node)) return;
    if (node.name === 'h1' && !h1) h1 = node;
    if (parent && (node.name === 'p' || node.name === 'table' || /^h[1-6]$/.test(node.name) || node.name === 'div' || node.name === 'td')) {
      const own: Paragraph[] = [];
      if (node.name === 'p' || /^h[1-6]$/.test(node.name)) paragraphsOf(node, own);
      const han = own.reduce((n, p) => n + (p.text.match(HAN)?.length ?? 0), 0);
      if (han > 0) scores.set(parent, (scores.get(parent) ?? 0) + han);
    }
    for (const c of node.children) score(c, node);
  };
  for (const c of document.children) score(c, undefined);
  let article: Element | undefined;
  let best = 0;
  for (const [element, value] of scores) {
    if (value > best) {
      best = value;
      article = element;
    }
  }
  const root = article ?? (document.children.find((c) => isElement(c) && c.name === 'html') as Element | undefined);
  if (!root) return [];

  const blocks: Block[] = [];
  const inside = (node: ChildNode | null): boolean => {
    for (let n: ChildNode | null = node; n; n = n.parent as ChildNode | null) if (n === root) return true;
    return false;
  };
  // Government pages give the title, 文号, issuer and date in a table of their own above the article
  // (标题：… 发文字号：…): taken from there when the article does not write them.
  const facts = pageFacts(document.children, inside);
  const written = textOf(root);
  const own = (text: string | undefined) => text !== undefined && !written.includes(text.replace(/\s+/g, ''));
  const heading = h1 && !inside(h1) ? h1 : undefined;
  if (own(facts.title) && (!heading || !textOf(heading).includes(facts.title!.replace(/\s+/g, '')))) blocks.push({ kind: 'paragraph', text: facts.title!, line: facts.line });
  if (own(facts.number)) blocks.push({ kind: 'paragraph', text: facts.number!, line: facts.line });
  if (heading) {
    const own: Paragraph[] = [];
    paragraphsOf(heading, own);
    for (const p of own) blocks.push({ kind: 'paragraph', text: p.text, line: lineOf(p.start) });
  } else if (!article && title) {
    const t = trimParagraph(tidy(title).split(/[_|｜]|\s[-–—]\s/)[0] ?? '');
    if (t !== '') blocks.push({ kind: 'paragraph', text: t, line: 1 });
  }
  const walk = (element: Element) => {
    let pending: Paragraph[] = [];
    const flushText = () => {
      for (const p of pending) blocks.push({ kind: 'paragraph', text: p.text, line: lineOf(p.start) });
      pending = [];
    };
    // Paragraphs directly in this element, in order with the block children.
    let inline = '';
    let start = element.startIndex ?? 0;
    const flushInline = () => {
      const t = trimParagraph(tidy(inline));
      if (t !== '') pending.push({ text: t, start });
      inline = '';
    };
    const visit = (node: ChildNode) => {
      if (node.type === 'text') {
        if (inline === '') start = node.startIndex ?? start;
        inline += node.data;
        return;
      }
      if (!isElement(node) || skipped(node)) return;
      if (node.name === 'br') return flushInline();
      if (node.name === 'table' && isDataTable(node)) {
        flushInline();
        flushText();
        const rows = tableRows(node, lineOf);
        if (rows.length > 0) blocks.push({ kind: 'table', rows, line: rows[0]!.line });
        return;
      }
      if (BLOCK.has(node.name)) {
        flushInline();
        flushText();
        walk(node);
        return;
      }
      for (const c of node.children) visit(c);
    };
    for (const c of element.children) visit(c);
    flushInline();
    flushText();
  };
  walk(root);
  // The issuer and date close a document; added only when no paragraph of the article is a date.
  const dated = blocks.some((b) => b.kind === 'paragraph' && /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(b.text));
  if (facts.issuer && facts.date && !dated) blocks.push({ kind: 'paragraph', text: facts.issuer, line: facts.line }, { kind: 'paragraph', text: facts.date, line: facts.line });
  return blocks;
}

/** The text of an element without white space, for telling whether it already says something. */
function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data.replace(/\s+/g, '');
  return isElement(node) ? node.children.map(textOf).join('') : '';
}

const FACTS = { title: /^标题[：:]?$/, number: /^(发文字号|文号)[：:]?$/, issuer: /^(发文机关|发布机关|发文单位)[：:]?$/, date: /^(成文日期|发文日期)[：:]?$/ };

/** 标题 / 发文字号 / 发文机关 / 成文日期 from the label and value cells of a page's tables outside the article. */
function pageFacts(nodes: ChildNode[], inside: (node: ChildNode) => boolean): { title?: string; number?: string; issuer?: string; date?: string; line: number } {
  const found: { title?: string; number?: string; issuer?: string; date?: string; line: number } = { line: 1 };
  const visit = (node: ChildNode) => {
    if (!isElement(node) || inside(node) || SKIP.has(node.name)) return;
    if (node.name === 'tr') {
      const cells = node.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th')).map((c) => trimParagraph(tidy(textOf(c))));
      cells.forEach((cell, i) => {
        const label = cell.replace(/[\s\u3000]/g, '');
        for (const [key, pattern] of Object.entries(FACTS) as [keyof typeof FACTS, RegExp][]) {
          const value = cells[i + 1];
          if (pattern.test(label) && value && found[key] === undefined) found[key] = value;
        }
      });
      return;
    }
    for (const c of node.children) visit(c);
  };
  for (const n of nodes) visit(n);
  return found;
}
