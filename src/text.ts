/**
 * The index of the last of ascending numbers that is at most `value` (0 when none is).
 *
 * @example lastAtOrBefore([0, 10, 25], 12) // 1
 */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid]! <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

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
