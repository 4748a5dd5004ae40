import { render as csv } from './csv.js';
import { render as json } from './json.js';
import { render as markdown } from './markdown.js';
import { render as ndjson } from './ndjson.js';
import type { Renderer } from './report.js';
import { render as table } from './table.js';
import { render as tsv } from './tsv.js';
import { render as yaml } from './yaml.js';

/** Every output format and its renderer. */
export const renderers = { table, tsv, json, ndjson, csv, markdown, yaml } satisfies Record<string, Renderer>;

export type Format = keyof typeof renderers;

export const FORMATS = Object.keys(renderers) as Format[];

export function loadRenderer(format: Format): Renderer {
  return renderers[format];
}
