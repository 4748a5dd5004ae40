// The importer's one contact with the file system: it reads the document (never writes it).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { EXIT, PlanError } from '../errors.js';

/** Documents larger than this are refused: a plan's Word file or web page is well under 1 MB. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

function fail(message: string, cause?: unknown): never {
  throw new PlanError(message, { exitCode: EXIT.planFile, cause });
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** Reads a document's bytes, refusing directories, unreadable files and anything over MAX_DOCUMENT_BYTES. */
export function readDocumentBytes(file: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail(`document ${file} does not exist`, error);
    if (code === 'EACCES' || code === 'EPERM') fail(`cannot read document ${file}: permission denied`, error);
    if (code === 'EISDIR') fail(`${file} is a directory, not a document: give a .txt, .docx or .html file`, error);
    fail(`cannot open document ${file}: ${(error as Error).message}`, error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) fail(`${file} is a directory, not a document: give a .txt, .docx or .html file`);
    if (stat.isFile() && stat.size > MAX_DOCUMENT_BYTES) {
      fail(`${file} is ${megabytes(stat.size)}; plan import reads documents up to ${megabytes(MAX_DOCUMENT_BYTES)} (save the plan's own pages as .txt or .docx)`);
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
        if ((error as NodeJS.ErrnoException).code === 'EISDIR') fail(`${file} is a directory, not a document`, error);
        fail(`cannot read document ${file}: ${(error as Error).message}`, error);
      }
      if (n === 0) break;
      total += n;
      if (total > MAX_DOCUMENT_BYTES) fail(`${file} is larger than ${megabytes(MAX_DOCUMENT_BYTES)}, the most plan import reads`);
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
