/** A span of a text in UTF-16 offsets, end exclusive. */
export type Range = [start: number, end: number];

/**
 * Tables about the characters of one plan, precompiled with the bundled plan so that its queries need neither
 * pinyin-pro (470 KB) nor opencc-js (200 KB) at run time (src/chinese/tables.ts builds them).
 */
export interface CharacterTables {
  /** Every pinyin reading of every Han character of the plan (polyphones too), without tones, ü as v. */
  readings: Record<string, string[]>;
  /** Traditional character → its Simplified form, for every CJK character whose Simplified form is in the plan. */
  simplified: Record<string, string>;
}

/** How a task's departments share it: 按职责分工负责 (each for its own remit) or 负责 (alone). */
export type Responsibility = 'shared' | 'sole';

export interface Department {
  /** The name exactly as the plan's tasks write it, e.g. 市质监局. */
  name: string;
  /** The official full name at the time of the plan, where confirmed. */
  fullName?: string;
  /** false when the full name is not confirmed by a document of the time that writes it out (full_name_confirmed). */
  fullNameConfirmed?: false;
  /** Other names staff use for it. */
  aliases: string[];
  /** True for a name that stands for several departments (市政府有关部门). */
  group: boolean;
}

export interface Part {
  id: number;
  title: string;
}

export interface Section {
  id: number;
  part: number;
  title: string;
}

export interface Task {
  id: number;
  section: number;
  text: string;
  departments: string[];
  responsibility: Responsibility;
}

export interface PlanMeta {
  title: string;
  issuer?: string;
  date?: string;
  addressees?: string;
  implements: string[];
  notice?: string;
  opening?: string;
  closing?: string;
}

export interface Plan {
  meta: PlanMeta;
  departments: Department[];
  parts: Part[];
  sections: Section[];
  tasks: Task[];
  /**
   * The character tables of this plan when they came precompiled with it (the bundled plan); without them the
   * Chinese functions load pinyin-pro and opencc-js when a query needs them.
   */
  characters?: CharacterTables;
}

/** The JSON shape of a task, as scripts read it (SPEC.md: the field names are the contract). */
export interface TaskRecord {
  id: number;
  part: { id: number; title: string };
  section: { id: number; title: string };
  text: string;
  departments: string[];
  responsibility: Responsibility;
}

export interface FilterOptions {
  departments?: string[];
  part?: number;
  sections?: number[];
  keywords?: string[];
  responsibility?: Responsibility;
}
