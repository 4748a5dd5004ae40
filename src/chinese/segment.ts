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
