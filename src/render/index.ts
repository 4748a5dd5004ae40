import type { Renderer } from './report.js';

/** Every output format, loaded only when asked for (a table pulls in cli-table3 and chalk; yaml, the yaml parser). */
export const renderers = {
  table: () => import('./table.js'),
  tsv: () => import('./tsv.js'),
  json: () => import('./json.js'),
  ndjson: () => import('./ndjson.js'),
  csv: () => import('./csv.js'),
  markdown: () => import('./markdown.js'),
  yaml: () => import('./yaml.js'),
} satisfies Record<string, () => Promise<{ render: Renderer }>>;

export type Format = keyof typeof renderers;

export const FORMATS = Object.keys(renderers) as Format[];

export async function loadRenderer(format: Format): Promise<Renderer> {
  return (await renderers[format]()).render;
}
