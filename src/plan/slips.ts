// Which one-character differences are slips a person makes when typing a name: the same sound (an input method
// offers 质检 for 质监), a near sound (z/zh, n/l, -n/-ng, f/hu: southwestern Mandarin does not tell them apart),
// a look-alike (科/料), a character dropped from a long name. Anything else is a different name.
import type { Readings } from '../chinese/pinyin.js';
import type { Words } from './naming.js';

/** Groups of characters that are easily taken for one another in print or handwriting (形近字). */
const LOOK_ALIKE_GROUPS = [
  '己已巳', '未末', '土士', '人入八', '日曰', '戊戌戍', '大太犬', '王玉主', '刀力', '干千于', '天夭', '午牛', '贝见',
  '今令', '田由甲申', '免兔', '鸟乌', '折拆', '侯候', '拔拨', '辨辩辫', '徒徙', '崇祟', '栗粟', '冶治', '科料',
  '住往', '幸辛', '即既', '历厉', '晴睛', '旦且', '准淮', '篮蓝', '监盐览', '货贷贸', '侍待持', '编偏篇遍',
  '委季', '务各', '办为力', '厅斤', '区匹', '处外', '税锐', '政故攻', '农衣', '林材', '检捡验险俭', '疫疲', '银很根',
  '业亚', '环坏怀', '保堡', '旅族', '建健键', '经轻径', '济挤', '教孝', '发友', '部陪', '署暑著', '计汁', '食良',
  '品晶', '管菅官', '城诚', '国固图', '财则', '公分', '知如', '识织', '产严', '权杈', '海悔梅', '岸崖', '制刺',
  '营宫', '金全', '队坠', '市巿', '局居', '卫刀', '交文', '商啇', '资姿咨', '融隔', '执丸', '总息', '关美',
];

let lookAlike: Map<string, Set<string>> | undefined;

function looksAlike(a: string, b: string): boolean {
  if (!lookAlike) {
    lookAlike = new Map();
    for (const group of LOOK_ALIKE_GROUPS) {
      for (const c of group) {
        const set = lookAlike.get(c) ?? new Set<string>();
        for (const d of group) if (d !== c) set.add(d);
        lookAlike.set(c, set);
      }
    }
  }
  return lookAlike.get(a)?.has(b) ?? false;
}

/** A reading with the distinctions southwestern Mandarin does not make folded away: zh/z, ch/c, sh/s, n/l, -ng/-n, hu/f. */
function nearSound(reading: string): string {
  return reading.replace(/^([zcs])h/, '$1').replace(/^l/, 'n').replace(/^hu/, 'fu').replace(/ng$/, 'n');
}

/** Why one character may stand for another, or undefined when it is no plausible slip. */
export function slipBetween(typed: string, meant: string, readings: Readings): { cost: number; why: Words } | undefined {
  const a = readings(typed);
  const b = readings(meant);
  const same = a.find((r) => b.includes(r));
  if (same) return { cost: 0.5, why: { en: `${typed} for ${meant}, both read ${same}`, zh: `${meant}误作${typed}，同音 ${same}` } };
  if (looksAlike(typed, meant)) return { cost: 0.5, why: { en: `${typed} for ${meant}, which it looks like`, zh: `${meant}误作${typed}，形近` } };
  const near = a.find((r) => b.some((s) => nearSound(s) === nearSound(r)));
  if (near) return { cost: 0.75, why: { en: `${typed} for ${meant}, which sounds alike`, zh: `${meant}误作${typed}，音近` } };
  return undefined;
}

/** A character dropped from a name this long or longer is a slip; from a shorter one it changes the name. */
const LONG_NAME = 4;

export interface Slip {
  /** 0.5 for a plausible slip, 0.75 for a near sound, 1 for any other single change; more for more changes. */
  cost: number;
  why: Words;
}

/** Where two names differ by one character at most: the characters that differ, or undefined for more. */
function difference(typed: string, meant: string): { x: string[]; y: string[]; start: number; typed: string[] } | undefined {
  const x = Array.from(typed);
  const y = Array.from(meant);
  if (Math.abs(x.length - y.length) > 1) return undefined;
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  if (start === x.length && start === y.length) return undefined;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
  const changedX = x.slice(start, x.length - end);
  const changedY = y.slice(start, y.length - end);
  if (changedX.length > 1 || changedY.length > 1) return undefined;
  return { x: changedX, y: changedY, start, typed: x };
}

/** The characters whose readings tell whether `typed` is a slip for `meant` (none when they differ by more). */
export function slipCharacters(typed: string, meant: string): string[] {
  const d = difference(typed, meant);
  return d && d.x.length === 1 && d.y.length === 1 ? [d.x[0]!, d.y[0]!] : [];
}

/**
 * The cheapest way to read `typed` as `meant` with at most one changed, dropped or added character, costed by
 * how plausible the slip is; undefined when they differ by more.
 *
 * @example nameSlip('质检局', '质监局', readings) // { cost: 0.5, why: { en: '检 for 监, both read jian', … } }
 */
export function nameSlip(typed: string, meant: string, readings: Readings): Slip | undefined {
  const d = difference(typed, meant);
  if (!d) return undefined;
  const { x: changedX, y: changedY, start, typed: x } = d;
  const length = Array.from(meant).length;
  if (changedX.length === 1 && changedY.length === 1) {
    const slip = slipBetween(changedX[0]!, changedY[0]!, readings);
    return slip ?? { cost: 1, why: { en: `${changedX[0]} for ${changedY[0]}`, zh: `${changedY[0]}误作${changedX[0]}` } };
  }
  if (changedX.length === 0 && changedY.length === 1) {
    return { cost: length >= LONG_NAME ? 0.5 : 1, why: { en: `${changedY[0]} left out`, zh: `漏了“${changedY[0]}”` } };
  }
  if (changedX.length === 1 && changedY.length === 0) {
    const doubled = x[start - 1] === changedX[0] || x[start + 1] === changedX[0];
    // A doubled character (市市政委 typed for 市政委) is a slip; any other added character makes another name.
    return { cost: doubled ? 0.5 : 1, why: { en: `${changedX[0]} added`, zh: `多了“${changedX[0]}”` } };
  }
  return undefined;
}
