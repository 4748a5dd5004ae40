// The words of a question that say it is a question, not what it is about: 电梯安全怎么管 is about 电梯安全 (and
// 管). Whole words of two characters or more are taken out wherever they stand; single characters (的, 吗, 要) only
// where the segmenter finds them as words of their own, so that 重要 and 有机物 keep their 要 and 有.

/** Question words, particles and the generic words of a question (任务, 部门, 负责), longest first when matched. */
export const QUESTION_WORDS: readonly string[] = [
  '有哪些', '是哪些', '哪一些', '哪些', '是什么', '什么样', '什么时候', '什么', '怎么样', '怎么办', '怎么做', '怎么', '怎样', '如何',
  '为什么', '为何', '多少', '几个', '几项', '是否', '有没有', '能不能', '能否', '可不可以', '会不会', '要不要', '是不是',
  '可以吗', '由谁', '谁来', '谁负责', '哪个部门', '哪些部门', '哪个单位', '哪些单位', '哪家', '哪个', '哪里', '哪儿', '请问',
  '我想知道', '想知道', '我想', '查一下', '一下', '关于', '涉及到', '涉及', '相关的', '相关', '有关的', '方面的', '方面',
  '情况', '任务', '工作', '措施', '举措', '要求', '内容', '负责的', '负责', '牵头', '部门', '单位', '具体', '主要', '需要',
  '应该', '可以', '必须', '什么的', '等等', '的事情', '的事儿', '的事',
];

/** Particles that end a phrase without being part of it (电梯的 of 电梯的任务, 标准吗). */
const TRAILING = new Set(Array.from('的之了吗呢吧啊呀么'));

/**
 * A run without the particles at its end, where at least two characters are left: 电梯的 → 电梯 (目的 stays).
 *
 * @example withoutTrailingParticles('标准的') // '标准'
 */
export function withoutTrailingParticles(run: string): string {
  const chars = Array.from(run);
  let end = chars.length;
  while (end > 2 && TRAILING.has(chars[end - 1]!)) end--;
  return chars.slice(0, end).join('');
}

/** Particles and function words of one character, dropped when they stand as a word of their own. */
export const PARTICLES: ReadonlySet<string> = new Set(
  Array.from('的吗呢了吧啊呀么是有要在由把被给让和与及或对从向来去能会可都也还就又才等之其该此这那个谁啥哪几做搞弄怎得地着过'),
);

let pattern: RegExp | undefined;

/**
 * Takes the question words out of a run of text, leaving the pieces between them.
 *
 * @example withoutQuestionWords('锅炉节能改造由哪些部门负责') // ['锅炉节能改造由']
 */
export function withoutQuestionWords(text: string): string[] {
  pattern ??= new RegExp([...QUESTION_WORDS].sort((a, b) => b.length - a.length).join('|'), 'g');
  return text.split(pattern).filter((piece) => piece !== '');
}
