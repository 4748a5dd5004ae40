declare module 'cli-table3/src/utils.js' {
  const utils: { truncate: (text: string, width: number, truncateChar?: string) => string };
  export default utils;
}
