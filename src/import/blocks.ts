/** What every extractor (text, .docx, .html) turns a document into: paragraphs and tables, in reading order. */
export type Block =
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'table'; rows: TableRow[]; line: number };

export interface TableRow {
  cells: string[];
  line: number;
}

/** Whitespace at the ends of a paragraph, the full-width indent (U+3000) included; runs inside kept as they are. */
export function trimParagraph(text: string): string {
  return text.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0]+$/g, '');
}
