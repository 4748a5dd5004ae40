/**
 * The largest of some numbers, `empty` for none. Unlike Math.max(...values), safe for any number of values
 * (spreading a few hundred thousand arguments overflows the call stack).
 *
 * @example maxOf([3, 9, 4]) // 9
 */
export function maxOf(values: Iterable<number>, empty = 0): number {
  let max = -Infinity;
  for (const value of values) if (value > max) max = value;
  return max === -Infinity ? empty : max;
}
