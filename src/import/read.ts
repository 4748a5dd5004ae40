// The importer's one contact with the file system: it reads the document (never writes it).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { EXIT, PlanError } from '../errors.js';
import { msg, STDIN, word, type Message } from '../i18n/index.js';
import { kindOf } from '../plan/open.js';
import { said } from './words.js';

/** Documents larger than this are refused: a plan's Word file or web page is well under 1 MB. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

function fail(message: Message, cause?: unknown): never {
  throw new PlanError(message, { exitCode: EXIT.planFile, cause });
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/**
 * Reads a document's bytes, refusing directories, pipes and devices (opened without waiting: a FIFO with no writer
 * would block for ever), unreadable files and anything over MAX_DOCUMENT_BYTES.
 */
export function readDocumentBytes(path: string): Uint8Array {
  // `-` is standard input: a file or a pipe given to it (plan import - < 通知.docx), never a terminal.
  const stdin = path === '-';
  const file = stdin ? STDIN : path;
  const fileZh = stdin ? word('zh', msg('file.stdin')) : path;
  if (stdin && (process.getBuiltinModule('node:tty') as typeof import('node:tty')).isatty(0)) {
    fail(said('plan import - reads the document from standard input, which is a terminal here: plan import - < 通知.docx', 'plan import - 从标准输入读取原文，而这里的标准输入是终端：plan import - < 通知.docx'));
  }
  let fd: number;
  try {
    fd = stdin ? 0 : openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail(said(`document ${file} does not exist`, `原文 ${fileZh} 不存在`), error);
    if (code === 'EACCES' || code === 'EPERM') fail(said(`cannot read document ${file}: permission denied`, `无法读取原文 ${fileZh}：没有权限`), error);
    if (code === 'EISDIR') fail(said(`${file} is a directory, not a document: give a .txt, .docx or .html file`, `${fileZh} 是目录而不是文档：请给出 .txt、.docx 或 .html 文件`), error);
    fail(said(`cannot open document ${file}: ${(error as Error).message}`, `无法打开原文 ${fileZh}：${(error as Error).message}`), error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) fail(said(`${file} is a directory, not a document: give a .txt, .docx or .html file`, `${fileZh} 是目录而不是文档：请给出 .txt、.docx 或 .html 文件`));
    if (!stat.isFile() && !(stdin && (stat.isFIFO() || stat.isSocket()))) {
      fail(msg('document.special', { file, kind: kindOf(stat) }));
    }
    if (stat.isFile() && stat.size > MAX_DOCUMENT_BYTES) {
      fail(said(`${file} is ${megabytes(stat.size)}; plan import reads documents up to ${megabytes(MAX_DOCUMENT_BYTES)} (save the plan's own pages as .txt or .docx)`, `${fileZh} 有 ${megabytes(stat.size)}；plan import 最多读取 ${megabytes(MAX_DOCUMENT_BYTES)}（请把计划本身的内容另存为 .txt 或 .docx）`));
    }
    // In chunks, so that a FIFO or a device that never ends is cut off at the limit too.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EISDIR') fail(said(`${file} is a directory, not a document`, `${fileZh} 是目录而不是文档`), error);
        // A kernel file that would make a reader wait (/proc/kmsg), opened without waiting.
        if (code === 'EAGAIN') fail(said(`${file} has nothing to read now (a kernel or device file?); plan import reads .txt, .docx and .html files`, `${fileZh} 现在没有可读的内容（是内核或设备文件？）；plan import 读取 .txt、.docx 和 .html 文件`), error);
        fail(said(`cannot read document ${file}: ${(error as Error).message}`, `无法读取原文 ${fileZh}：${(error as Error).message}`), error);
      }
      if (n === 0) break;
      total += n;
      if (total > MAX_DOCUMENT_BYTES) fail(said(`${file} is larger than ${megabytes(MAX_DOCUMENT_BYTES)}, the most plan import reads`, `${fileZh} 超过 plan import 最多能读的 ${megabytes(MAX_DOCUMENT_BYTES)}`));
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    if (!stdin) closeSync(fd);
  }
}
