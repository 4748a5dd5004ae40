import { EXIT, PlanError } from '../errors.js';
import { said } from './words.js';
import type { Message } from '../i18n/index.js';

/** The encodings plan import reads, as the summary names them. */
export type Encoding = 'UTF-8' | 'UTF-8 with BOM' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE';

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

function fail(message: Message, cause?: unknown): never {
  throw new PlanError(message, { exitCode: EXIT.planFile, cause });
}

/** Share of the non-ASCII characters that are Han or CJK punctuation: GB18030 reads almost any bytes, but only text reads as Chinese. */
function looksChinese(text: string): boolean {
  let other = 0;
  let han = 0;
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (code < 0x80) {
      if (code < 0x20 && code !== 9 && code !== 10 && code !== 13 && code !== 12) return false;
      continue;
    }
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef) || (code >= 0x2010 && code <= 0x206f)) han++;
    else other++;
  }
  return han >= other * 4;
}

/** Whether bytes are mostly text: no NUL, few other control bytes. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control > sample.length / 100;
}

/**
 * Decodes a text document: UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark, else
 * GB18030 (which includes GBK and GB2312), as Chinese offices still save text. Refuses binary data.
 *
 * @example decodeText(new TextEncoder().encode('一、总则'), 'a.txt') // { text: '一、总则', encoding: 'UTF-8' }
 */
export function decodeText(bytes: Uint8Array, name: string): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  if (looksBinary(bytes)) fail(said(`${name} is not a text document (it holds binary data); plan import reads .txt, .docx and .html`, `${name} 不是文本文件（含二进制数据）；plan import 读取 .txt、.docx 和 .html`));
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes), encoding: bom ? 'UTF-8 with BOM' : 'UTF-8' };
  } catch {
    // not UTF-8: try the Chinese national encoding
  }
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch (error) {
    fail(said(`${name} is neither UTF-8 nor GB18030/GBK text; save it as UTF-8 text and import that`, `${name} 既不是 UTF-8 也不是 GB18030/GBK 文本；请另存为 UTF-8 文本后再导入`), error);
  }
  if (!looksChinese(text)) fail(said(`${name} is neither UTF-8 nor GB18030/GBK Chinese text; save it as UTF-8 text and import that`, `${name} 既不是 UTF-8 也不是 GB18030/GBK 中文文本；请另存为 UTF-8 文本后再导入`));
  return { text, encoding: 'GB18030' };
}
