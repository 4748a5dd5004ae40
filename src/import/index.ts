// plan import: a document (.txt, .docx, .html) → a plan file. Pure apart from the lazy loading of the .docx and
// .html readers' libraries; cli.ts reads the file and writes the results.
import { EXIT, PlanError } from '../errors.js';
import type { Language } from '../i18n/index.js';
import type { Plan } from '../types.js';
import type { Block } from './blocks.js';
import { decodeText, type Encoding } from './decode.js';
import { parseBlocks, type Doubt } from './parse.js';
import { stringifyPlan } from './serialize.js';
import { summarise } from './summary.js';
import { findPastedTables } from './tables.js';
import { textBlocks } from './text.js';
import { said } from './words.js';
import type { Message } from '../i18n/index.js';

export type DocumentKind = 'text' | 'docx' | 'html';

export interface ImportResult {
  kind: DocumentKind;
  encoding?: Encoding;
  plan: Plan;
  /** The plan file. */
  yaml: string;
  /** Lines for a person: what was found and every decision to check. */
  summary: string[];
  doubts: Doubt[];
  unattributed: number[];
}

function fail(message: Message): never {
  throw new PlanError(message, { exitCode: EXIT.planFile });
}

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** What a document is, from its first bytes (and its name where they do not say). Refuses what plan import cannot read. */
export function documentKind(bytes: Uint8Array, name: string): DocumentKind {
  const lower = name.toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (bytes.length === 0 || head.trim() === '' && bytes.length < 1024 && new TextDecoder().decode(bytes).trim() === '') fail(said(`${name} is empty: there is nothing to import`, `${name} 是空文件：没有可导入的内容`));
  if (head.startsWith('%PDF-')) fail(said(`${name} is a PDF, which plan import does not read: export it as text (.txt) or Word (.docx) and import that`, `${name} 是 PDF，plan import 不读取 PDF：请导出为文本（.txt）或 Word（.docx）后再导入`));
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) fail(said(`${name} is an old Word (.doc) or Office file, which plan import does not read: save it as .docx or as text and import that`, `${name} 是旧版 Word（.doc）或 Office 文件，plan import 不读取：请另存为 .docx 或文本后再导入`));
  if (head.startsWith('{\\rtf')) fail(said(`${name} is RTF, which plan import does not read: save it as .docx or as text and import that`, `${name} 是 RTF，plan import 不读取：请另存为 .docx 或文本后再导入`));
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) || startsWith(bytes, 0xff, 0xd8, 0xff) || head.startsWith('GIF8')) fail(said(`${name} is an image, not a document: plan import reads .txt, .docx and .html`, `${name} 是图片而不是文档：plan import 读取 .txt、.docx 和 .html`));
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) {
    if (/\.(docx|docm|dotx|zip)$/.test(lower) || head.includes('word/') || head.includes('[Content_Types].xml')) return 'docx';
    fail(said(`${name} is a zip archive but not a Word document: plan import reads .txt, .docx and .html`, `${name} 是压缩包但不是 Word 文档：plan import 读取 .txt、.docx 和 .html`));
  }
  if (/\.(docx|docm|dotx)$/.test(lower)) fail(said(`${name} is named like a Word document but is not one (a .docx file is a zip archive): open it in Word and save it as .docx again, or as text`, `${name} 名为 Word 文档但并不是（.docx 应是压缩包）：请用 Word 打开后重新另存为 .docx 或文本`));
  if (/\.(pdf)$/.test(lower)) fail(said(`${name} is named like a PDF, which plan import does not read: export it as text (.txt) or Word (.docx) and import that`, `${name} 名为 PDF，plan import 不读取 PDF：请导出为文本（.txt）或 Word（.docx）后再导入`));
  if (/\.(html?|xhtml|shtml)$/.test(lower)) return 'html';
  const start = head.replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || (start.startsWith('<') && /<(head|body|meta|div|p|table)[\s>]/.test(head.toLowerCase()))) return 'html';
  return 'text';
}

export interface ImportOptions {
  /** Keep the headings of a document that has no attribution at all (otherwise: an error, exit 1). */
  allowEmpty?: boolean;
}

/**
 * Imports a document's bytes: finds its kind and encoding, reads its paragraphs and tables, and turns them
 * into a plan, a plan file, and a summary for the person who will check it.
 *
 * @example (await importDocument(bytes, '通知.txt')).plan.tasks.length // 21
 */
export async function importDocument(bytes: Uint8Array, name: string, language: Language = 'en'): Promise<ImportResult> {
  const kind = documentKind(bytes, name);
  let blocks: Block[];
  let encoding: Encoding | undefined;
  if (kind === 'docx') {
    blocks = await (await import('./docx.js')).docxBlocks(bytes, name);
  } else {
    const decoded = decodeText(bytes, name);
    encoding = decoded.encoding;
    blocks = kind === 'html' ? await (await import('./html.js')).htmlBlocks(decoded.text) : textBlocks(decoded.text);
  }
  if (blocks.length === 0) fail(said(`${name} has no text: there is nothing to import`, `${name} 没有文字：没有可导入的内容`));
  const { plan, doubts, unattributed } = parseBlocks(findPastedTables(blocks));
  if (plan.meta.title === '') {
    plan.meta.title = name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
    doubts.unshift({ line: blocks[0]!.line, message: `no title found: the file's name "${plan.meta.title}" is used`, zh: `没有找到标题：用文件名“${plan.meta.title}”` });
  }
  const source = name.replace(/^.*[\\/]/, '').replace(/[\r\n]/g, ' ');
  const comment = language === 'zh'
    ? `# 由 plan import 从 ${source} 导入。\n# 请核对它列出的判断，需要时手工修改，然后运行：plan validate 文件\n`
    : `# Imported by plan import from ${source}.\n# Check the decisions it listed, correct by hand where needed, then run: plan validate FILE\n`;
  const yaml = stringifyPlan(plan, comment);
  return { kind, ...(encoding ? { encoding } : {}), plan, yaml, summary: summarise(name, kind, encoding, plan, doubts, unattributed, language), doubts, unattributed };
}
