/** Edits (insert, delete, substitute, swap two neighbours) that turn a into b: Damerau–Levenshtein, restricted. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * What the user probably meant: the candidates that start with what was typed, else those within a third of
 * its length in edits (at least one), nearest first; none when nothing is that close.
 *
 * @example suggest('jsn', ['table', 'json', 'yaml']) // ['json']
 */
export function suggest(typed: string, candidates: readonly string[]): string[] {
  const lower = typed.toLowerCase();
  if (lower === '') return [];
  const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(lower));
  if (prefixed.length > 0) return prefixed;
  const most = Math.max(1, Math.ceil(lower.length / 3));
  const scored = candidates.map((c) => ({ c, d: distance(lower, c.toLowerCase()) })).filter((x) => x.d <= most);
  const best = Math.min(...scored.map((x) => x.d));
  return scored.filter((x) => x.d === best).map((x) => x.c);
}
