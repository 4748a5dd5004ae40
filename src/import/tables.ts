// Tables of measures: 序号 / 改革事项 / 主要内容 / 指导部门 / 适用范围, as real tables (.docx, .html) or pasted as
// text one cell a line.
import type { RoleKind } from '../types.js';
import type { Block, TableRow } from './blocks.js';

export type ColumnKind = 'number' | 'departments' | 'scope' | 'deadline' | 'text' | 'ignore';

export interface Column {
  kind: ColumnKind;
  header: string;
  /** For a departments column: the role its header gives (指导部门 → guide). */
  role?: { role: RoleKind; word: string };
}

const HEADER_WORDS = /^(序号|编号|项目|举措|措施|改革举措|改革事项|事项|任务|重点任务|工作任务|主要内容|具体内容|内容|具体措施|工作措施|政策措施|任务措施|.{0,4}(部门|单位)|适用范围|适用区域|实施范围|范围|完成时限|时限|时间|完成时间|进度安排|备注)$/;

/** How a header cell reads: which column it is. */
export function columnOf(header: string): Column {
  const h = header.replace(/\s+/g, '');
  if (/^(序号|编号|序列)$/.test(h)) return { kind: 'number', header: h };
  if (/(部门|单位|主体)$/.test(h)) {
    const role: { role: RoleKind; word: string } = /牵头/.test(h) ? { role: 'lead', word: h }
      : /配合|参与|协办/.test(h) ? { role: 'participant', word: h }
        : /指导/.test(h) ? { role: 'guide', word: h } : { role: 'responsible', word: h };
    return { kind: 'departments', header: h, role };
  }
  if (/范围|区域/.test(h)) return { kind: 'scope', header: h };
  if (/时限|时间|进度/.test(h)) return { kind: 'deadline', header: h };
  if (/备注/.test(h)) return { kind: 'ignore', header: h };
  return { kind: 'text', header: h };
}

/** Whether a row of cells is the header of a table of measures: 序号 or two header words, and a department column. */
export function isHeaderRow(cells: string[]): boolean {
  const clean = cells.map((c) => c.replace(/\s+/g, ''));
  const words = clean.filter((c) => HEADER_WORDS.test(c));
  return words.length >= 2 && words.length >= clean.length - 1 && clean.some((c) => /(部门|单位|主体)$/.test(c));
}

/**
 * Finds tables pasted as text, one cell a line: a header run (序号, 改革事项, …, 指导部门) and then rows, each
 * starting at its number. Returns the rows and how many lines the table took; undefined when lines[at] does
 * not start one.
 */
export function cellsPerLine(lines: { text: string; line: number }[], at: number): { rows: TableRow[]; used: number } | undefined {
  let width = 0;
  while (at + width < lines.length && lines[at + width]!.text.length <= 10 && HEADER_WORDS.test(lines[at + width]!.text.replace(/\s+/g, ''))) width++;
  if (width < 3 || !isHeaderRow(lines.slice(at, at + width).map((l) => l.text))) return undefined;
  const header = lines.slice(at, at + width);
  const columns = header.map((l) => columnOf(l.text));
  if (columns[0]?.kind !== 'number') return undefined;
  const rows: TableRow[] = [{ cells: header.map((l) => l.text), line: header[0]!.line }];
  let i = at + width;
  const isNumber = (text: string, n: number) => text.normalize('NFKC').replace(/[.、]$/, '') === String(n);
  let n = 1;
  while (i < lines.length && isNumber(lines[i]!.text, n)) {
    // The row runs to the next number; the last row, over as many lines as the table has columns.
    let next = i + 1;
    while (next < lines.length && next - i < width * 4 && !isNumber(lines[next]!.text, n + 1)) next++;
    const end = next < lines.length && isNumber(lines[next]!.text, n + 1) ? next : Math.min(lines.length, i + width);
    const cells = lines.slice(i, end).map((l) => l.text);
    rows.push({ cells: fitCells(cells, columns), line: lines[i]!.line });
    i = end;
    n++;
  }
  return rows.length > 1 ? { rows, used: i - at } : undefined;
}

/** Cells of a pasted row fitted to the columns: extra lines join the widest text column, missing ones stay empty. */
function fitCells(cells: string[], columns: Column[]): string[] {
  if (cells.length === columns.length) return cells;
  if (cells.length < columns.length) return [...cells, ...Array<string>(columns.length - cells.length).fill('')];
  // More lines than columns: a content cell of several paragraphs. The columns after the last text column take
  // the last lines; the rest joins into that text column.
  const lastText = columns.map((c) => c.kind).lastIndexOf('text');
  if (lastText < 0) return cells.slice(0, columns.length);
  const after = columns.length - 1 - lastText;
  const head = cells.slice(0, lastText);
  const tail = after > 0 ? cells.slice(cells.length - after) : [];
  const middle = cells.slice(lastText, cells.length - after).join('\n');
  return [...head, middle, ...tail];
}

/**
 * Turns runs of paragraphs that are a table pasted one cell a line (in text, or in a .docx or page made from
 * such text) into tables.
 */
export function findPastedTables(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind !== 'paragraph') {
      out.push(block);
      continue;
    }
    let end = i;
    while (end < blocks.length && blocks[end]!.kind === 'paragraph') end++;
    const lines = blocks.slice(i, end) as { text: string; line: number }[];
    for (let j = 0; j < lines.length; j++) {
      const table = cellsPerLine(lines, j);
      if (table) {
        out.push({ kind: 'table', rows: table.rows, line: lines[j]!.line });
        j += table.used - 1;
      } else out.push({ kind: 'paragraph', text: lines[j]!.text, line: lines[j]!.line });
    }
    i = end - 1;
  }
  return out;
}
