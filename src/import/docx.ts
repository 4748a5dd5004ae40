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
        if (file.name !== 'word/document.xml') return false;
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
  return readDocumentXml(text, (await import('htmlparser2')).Parser);
}

type ParserClass = typeof import('htmlparser2').Parser;

/** Walks document.xml: text runs into paragraphs, paragraphs into cells, cells into rows of tables. */
function readDocumentXml(xml: string, Parser: ParserClass): Block[] {
  const blocks: Block[] = [];
  let line = 0;
  // Open paragraphs (a text box's paragraphs nest inside one), open tables (tables nest in cells).
  const paragraphs: string[] = [];
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
        case 'w:p': paragraphs.push(''); break;
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
        case 'w:p': emit(paragraphs.pop() ?? ''); break;
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
