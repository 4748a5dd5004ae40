/**
 * Levenshtein distance in characters, stopping early once it exceeds `limit`.
 *
 * @example editDistance('质检局', '质监局') // 1
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[y.length]!;
}

