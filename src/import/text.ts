import { trimParagraph, type Block } from './blocks.js';

/**
 * Plain text as blocks: every non-empty line a paragraph (the documents are published one paragraph a line),
 * numbered from 1 as in the file.
 *
 * @example textBlocks('一、总体要求\n\n（一）…')[1] // { kind: 'paragraph', text: '（一）…', line: 3 }
 */
export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  text.split(/\r\n|\r|\n|\u2028|\u2029/).forEach((raw, i) => {
    const t = trimParagraph(raw);
    if (t !== '') blocks.push({ kind: 'paragraph', text: t, line: i + 1 });
  });
  return blocks;
}
