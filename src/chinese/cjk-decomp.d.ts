// hanzi's character decomposition table: one line a character, `休:a(亻,木)` (lib/data/cjk-decomp.txt.js).
declare module 'hanzi/lib/data/cjk-decomp.txt.js' {
  const table: string;
  export default table;
}
