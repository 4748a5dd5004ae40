let segmenter: Intl.Segmenter | undefined;

/**
 * The words of a run of Chinese text by ICU's dictionary (Intl.Segmenter, built into Node). Made on first use:
 * ICU loads its Chinese dictionary then (~7 ms), so only queries that need words pay for it.
 *
 * @example segmentWords('质量奖金怎么发') // ['质量', '奖金', '怎么', '发']
 */
export function segmentWords(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words: string[] = [];
  for (const { segment } of segmenter.segment(text)) words.push(segment);
  return words;
}

/** How far around a run the words are read, to find where they begin and end. */
const CONTEXT = 12;

/**
 * Whether text[start, end) begins and ends where words of the text do, read by the same dictionary within the
 * run's document (documents are separated by NUL): 食品安全日 of 食品安全日常监管 does not.
 *
 * @example alignsWithWords('食品安全日常监管', 0, 5) // false
 */
export function alignsWithWords(text: string, start: number, end: number): boolean {
  const from = Math.max(text.lastIndexOf('\0', start - 1) + 1, start - CONTEXT);
  const stop = text.indexOf('\0', end);
  const to = Math.min(stop < 0 ? text.length : stop, end + CONTEXT);
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const bounds = new Set<number>([to]);
  for (const { index } of segmenter.segment(text.slice(from, to))) bounds.add(from + index);
  return bounds.has(start) && bounds.has(end);
}
