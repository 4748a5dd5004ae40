// .docx → blocks: the zip's word/document.xml, its paragraphs (w:p) and tables (w:tbl), in order. fflate and
// htmlparser2 (in XML mode) are loaded here only, when a .docx is imported.
import { EXIT, PlanError } from '../errors.js';
import { trimParagraph, type Block, type TableRow } from './blocks.js';
import { said } from './words.js';
import type { Message } from '../i18n/index.js';

/** The document part inflated at most: a plan's document.xml is well under 10 MB. */
const MAX_XML_BYTES = 64 * 1024 * 1024;

function fail(message: Message, cause?: unknown): never {
  throw new PlanError(message, { exitCode: EXIT.planFile, cause });
}

interface Cell {
  paragraphs: string[];
  span: number;
  /** w:vMerge without restart: the cell continues the one above. */
  continued: boolean;
}

/**
 * The paragraphs and tables of a .docx, each numbered by its place among the document's paragraphs and rows
 * (what the summary calls its line).
 */
export async function docxBlocks(bytes: Uint8Array, name: string): Promise<Block[]> {
  const { unzipSync } = await import('fflate');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!PARTS.includes(file.name)) return false;
        if (file.originalSize > MAX_XML_BYTES) fail(said(`${name} holds a document of ${Math.round(file.originalSize / 1024 / 1024)} MB, more than plan import reads (64 MB)`, `${name} 的正文有 ${Math.round(file.originalSize / 1024 / 1024)} MB，超过 plan import 能读的 64 MB`));
        return true;
      },
    });
  } catch (error) {
    if (error instanceof PlanError) throw error;
    fail(said(`${name} is not a readable Word document (its zip archive is damaged: ${(error as Error).message}); open it in Word and save it again`, `${name} 不是可读的 Word 文档（压缩包已损坏：${(error as Error).message}）；请用 Word 打开后重新保存`), error);
  }
  const xml = files['word/document.xml'];
  if (!xml) fail(said(`${name} is a zip archive without word/document.xml, so not a Word document; save it as .docx or as text`, `${name} 是压缩包但没有 word/document.xml，不是 Word 文档；请另存为 .docx 或文本`));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(xml);
  } catch (error) {
    fail(said(`${name}: its word/document.xml is not UTF-8 XML; open it in Word and save it again`, `${name}：其中的 word/document.xml 不是 UTF-8 XML；请用 Word 打开后重新保存`), error);
  }
  const { Parser } = await import('htmlparser2');
  const part = (file: string) => (files[file] ? new TextDecoder().decode(files[file]) : '');
  return readDocumentXml(text, Parser, readNumbering(part('word/numbering.xml'), part('word/styles.xml'), Parser));
}

/** The parts of a .docx read: the text, and the numbering Word adds to paragraphs itself. */
const PARTS = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'];

interface Level {
  format: string;
  text: string;
  start: number;
}

/** Word's own list numbering: numId → its levels, and the numbering a paragraph style carries. */
interface Numbering {
  levels: Map<string, Level[]>;
  styles: Map<string, { numId: string; ilvl: number }>;
}

/** Reads numbering.xml (w:abstractNum levels, w:num → abstractNum) and the styles that number their paragraphs. */
function readNumbering(numberingXml: string, stylesXml: string, Parser: ParserClass): Numbering {
  const abstract = new Map<string, Level[]>();
  const nums = new Map<string, string>();
  let current: Level[] | undefined;
  let level: (Level & { ilvl: number }) | undefined;
  let num: string | undefined;
  new Parser({
    onopentag(tag, a) {
      if (tag === 'w:abstractNum') abstract.set(a['w:abstractNumId'] ?? '', (current = []));
      else if (tag === 'w:lvl' && current) level = { ilvl: Number(a['w:ilvl'] ?? 0), format: 'decimal', text: '', start: 1 };
      else if (tag === 'w:start' && level) level.start = Number(a['w:val'] ?? 1);
      else if (tag === 'w:numFmt' && level) level.format = a['w:val'] ?? 'decimal';
      else if (tag === 'w:lvlText' && level) level.text = a['w:val'] ?? '';
      else if (tag === 'w:num') num = a['w:numId'];
      else if (tag === 'w:abstractNumId' && num !== undefined) nums.set(num, a['w:val'] ?? '');
    },
    onclosetag(tag) {
      if (tag === 'w:lvl' && level && current) {
        current[level.ilvl] = level;
        level = undefined;
      } else if (tag === 'w:abstractNum') current = undefined;
      else if (tag === 'w:num') num = undefined;
    },
  }, { xmlMode: true }).end(numberingXml);
  const levels = new Map<string, Level[]>();
  for (const [id, abstractId] of nums) levels.set(id, abstract.get(abstractId) ?? []);

  const styles = new Map<string, { numId: string; ilvl: number }>();
  let style: string | undefined;
  let found: { numId?: string; ilvl: number } | undefined;
  new Parser({
    onopentag(tag, a) {
      if (tag === 'w:style') {
        style = a['w:styleId'];
        found = undefined;
      } else if (tag === 'w:numPr' && style !== undefined) found = { ilvl: 0 };
      else if (tag === 'w:numId' && found) found.numId = a['w:val'];
      else if (tag === 'w:ilvl' && found) found.ilvl = Number(a['w:val'] ?? 0);
    },
    onclosetag(tag) {
      if (tag === 'w:style' && style !== undefined && found?.numId) styles.set(style, { numId: found.numId, ilvl: found.ilvl });
      if (tag === 'w:style') style = undefined;
    },
  }, { xmlMode: true }).end(stylesXml);
  return { levels, styles };
}

const HAN_DIGITS = '〇一二三四五六七八九';

/** A counter as a Word number format writes it: 3 → 三 (chineseCounting), ③, 3, C. */
function formatNumber(n: number, format: string): string {
  if (/^(chineseCounting|chineseCountingThousand|japaneseCounting|taiwaneseCounting|ideographDigital|chineseLegalSimplified)$/.test(format)) {
    if (n < 10) return HAN_DIGITS[n]!;
    if (n < 100) return `${n >= 20 ? HAN_DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? HAN_DIGITS[n % 10] : ''}`;
    return String(n);
  }
  if (format === 'decimalEnclosedCircle' || format === 'decimalEnclosedCircleChinese') return n >= 1 && n <= 20 ? String.fromCharCode(0x245f + n) : String(n);
  if (format === 'ideographTraditional') return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
  if (format === 'upperLetter' || format === 'lowerLetter') {
    const letter = String.fromCharCode(64 + ((n - 1) % 26) + 1);
    return format === 'upperLetter' ? letter : letter.toLowerCase();
  }
  if (format === 'decimalFullWidth') return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  return String(n);
}

/** Counts Word's list numbering through the document, each list on its own, a level's count reset by the levels above it. */
function numberer(numbering: Numbering) {
  const counters = new Map<string, number[]>();
  return (numId: string | undefined, ilvl: number, style: string | undefined): string => {
    const own = numId === undefined && style !== undefined ? numbering.styles.get(style) : undefined;
    const id = numId ?? own?.numId;
    const at = numId === undefined ? own?.ilvl ?? 0 : ilvl;
    if (id === undefined || id === '0') return '';
    const levels = numbering.levels.get(id);
    const level = levels?.[at];
    if (!levels || !level || level.format === 'bullet' || level.format === 'none') return '';
    const counts = counters.get(id) ?? [];
    counters.set(id, counts);
    counts[at] = (counts[at] ?? (level.start - 1)) + 1;
    counts.length = at + 1;
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const k = Number(d) - 1;
      return formatNumber(counts[k] ?? levels[k]?.start ?? 1, levels[k]?.format ?? 'decimal');
    });
  };
}

type ParserClass = typeof import('htmlparser2').Parser;

/** Walks document.xml: text runs into paragraphs, paragraphs into cells, cells into rows of tables. */
function readDocumentXml(xml: string, Parser: ParserClass, numbering: Numbering): Block[] {
  const blocks: Block[] = [];
  let line = 0;
  const number = numberer(numbering);
  // Open paragraphs (a text box's paragraphs nest inside one), open tables (tables nest in cells).
  const paragraphs: string[] = [];
  const lists: { numId?: string; ilvl: number; style?: string }[] = [];
  const tables: { rows: TableRow[]; row?: Cell[]; cell?: Cell }[] = [];
  let inText = false;
  const emit = (paragraph: string) => {
    const t = trimParagraph(paragraph);
    const table = tables[tables.length - 1];
    if (table?.cell) {
      if (t !== '') table.cell.paragraphs.push(t);
    } else if (t !== '') blocks.push({ kind: 'paragraph', text: t, line: ++line });
  };
  const parser = new Parser({
    onopentag(tag, attributes) {
      switch (tag) {
        case 'w:p': paragraphs.push(''); lists.push({ ilvl: 0 }); break;
        case 'w:pStyle': { const l = lists[lists.length - 1]; if (l) l.style = attributes['w:val']; break; }
        case 'w:numId': { const l = lists[lists.length - 1]; if (l) l.numId = attributes['w:val']; break; }
        case 'w:ilvl': { const l = lists[lists.length - 1]; if (l) l.ilvl = Number(attributes['w:val'] ?? 0); break; }
        case 'w:t': inText = true; break;
        case 'w:tab': if (paragraphs.length) paragraphs[paragraphs.length - 1] += '\t'; break;
        case 'w:br': case 'w:cr': if (paragraphs.length) paragraphs[paragraphs.length - 1] += '\n'; break;
        case 'w:tbl': tables.push({ rows: [] }); break;
        case 'w:tr': { const t = tables[tables.length - 1]; if (t) t.row = []; break; }
        case 'w:tc': { const t = tables[tables.length - 1]; if (t) t.cell = { paragraphs: [], span: 1, continued: false }; break; }
        case 'w:gridspan': case 'w:gridSpan': {
          const cell = tables[tables.length - 1]?.cell;
          if (cell) cell.span = Math.max(1, Math.min(64, Number(attributes['w:val']) || 1));
          break;
        }
        case 'w:vmerge': case 'w:vMerge': {
          const cell = tables[tables.length - 1]?.cell;
          if (cell && attributes['w:val'] !== 'restart') cell.continued = true;
          break;
        }
      }
    },
    ontext(data) {
      if (inText && paragraphs.length) paragraphs[paragraphs.length - 1] += data;
    },
    onclosetag(tag) {
      switch (tag) {
        case 'w:t': inText = false; break;
        case 'w:p': {
          // The number Word shows before a list paragraph (一、, （二）) is not in its text: put it there.
          const list = lists.pop();
          const text = paragraphs.pop() ?? '';
          const label = list ? number(list.numId, list.ilvl, list.style) : '';
          emit(label && text.trim() !== '' ? `${label}${text.replace(/^[\s\u3000]+/, '')}` : text);
          break;
        }
        case 'w:tc': {
          const t = tables[tables.length - 1];
          if (t?.cell && t.row) {
            const value = t.cell.continued ? '' : t.cell.paragraphs.join('\n');
            for (let i = 0; i < t.cell.span; i++) t.row.push({ ...t.cell, paragraphs: [value] });
          }
          if (t) delete t.cell;
          break;
        }
        case 'w:tr': {
          const t = tables[tables.length - 1];
          // A cell merged with the one above (w:vMerge) repeats its text, as a rowspan does on a web page.
          const above = t?.rows[t.rows.length - 1]?.cells ?? [];
          if (t?.row) t.rows.push({ cells: t.row.map((c, i) => (c.continued ? above[i] ?? '' : c.paragraphs[0] ?? '')), line: ++line });
          if (t) delete t.row;
          break;
        }
        case 'w:tbl': {
          const t = tables.pop();
          if (!t) break;
          const outer = tables[tables.length - 1];
          // A table inside a cell: its rows become lines of that cell.
          if (outer?.cell) outer.cell.paragraphs.push(...t.rows.map((r) => r.cells.filter((c) => c !== '').join(' ')));
          else if (t.rows.length > 0) blocks.push({ kind: 'table', rows: t.rows, line: t.rows[0]!.line });
          break;
        }
      }
    },
  }, { xmlMode: true, decodeEntities: true });
  parser.end(xml);
  return blocks;
}
