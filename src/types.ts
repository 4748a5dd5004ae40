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

/**
 * How a task's departments carry it, after the verb of its attribution:
 * - `shared`: 按职责分工负责, each for its own remit;
 * - `sole`: 负责 / 负责落实 / 负责部门：, the bodies named carry it (alone when one is named);
 * - `led`: 牵头 (with 参与 / 配合), one body leads and the others take part;
 * - `guided`: 指导 (with 参与), the bodies named guide it and someone else (often a note's implied body) does it.
 */
export type Responsibility = 'shared' | 'sole' | 'led' | 'guided';

export const RESPONSIBILITIES: readonly Responsibility[] = ['shared', 'sole', 'led', 'guided'];

/** What one body does on a task, in the document's words. */
export type RoleKind = 'lead' | 'participant' | 'guide' | 'convener' | 'responsible';

export const ROLE_KINDS: readonly RoleKind[] = ['lead', 'participant', 'guide', 'convener', 'responsible'];

export interface Role {
  department: string;
  role: RoleKind;
  /** The word as the document writes it: 牵头, 参与, 配合, 指导, 会同, 负责, 负责落实, 按职责分工负责, 负责部门. */
  word: string;
}

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

/** A heading of the first level, 一、 */
export interface Part {
  id: number;
  /** As printed (一, 三), where it differs from the id or the id is not enough to say it. */
  number?: string;
  title: string;
}

/** A heading of the second level, （一）, standing in a part or directly in the document. */
export interface Section {
  id: number;
  /** The part it stands in; undefined where the document has no part above it. */
  part?: number;
  number?: string;
  title: string;
}

export interface Task {
  id: number;
  /**
   * The task's numbering as printed (`37`, `（三）`); undefined: the same as its id (plan.yaml, numbered 1．2．…
   * through the document); null: not numbered in the document.
   */
  number?: string | null;
  /** The section it stands in (and so its part), if any. */
  section?: number;
  /** The part it stands in when there is no section between. */
  part?: number;
  /** A heading below the section that is not a part or section of its own: a table's measure, a 1．-level title. */
  heading?: string;
  text: string;
  departments: string[];
  responsibility: Responsibility;
  /** Bodies that lead: marked 牵头, or listed first under a lead rule (列第一位者为牵头单位，下同). */
  leads?: string[];
  /** What each body does, word as written; absent: every department has the role its responsibility says. */
  roles?: Role[];
  /** The list ends in 等: more bodies take part than it names. */
  incomplete?: boolean;
  /** Where the task applies (适用范围：…). */
  scope?: string;
  /** When it is to be done, as written (完成时限：2019年底前; （A负责，持续推进）). */
  deadline?: string;
  /** Bodies a document-wide note makes responsible without naming them on the task (see Plan.notes). */
  implied?: string[];
}

/** A statement that applies beyond the task it is written in (以下均需试点城市政府落实，不再列出). */
export interface Note {
  text: string;
  /** The bodies the statement makes responsible for later tasks, kept apart from their departments. */
  implied: string[];
  /** The task it was written in. */
  task?: number;
}

export interface PlanMeta {
  title: string;
  /** The document number, 文号: 国发〔2019〕3号. */
  number?: string;
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
  notes: Note[];
  /** Words search takes as the same: each list one set of equivalents (电商, 电子商务). */
  synonyms: string[][];
  /**
   * The character tables of this plan when they came precompiled with it (the bundled plan); without them the
   * Chinese functions load pinyin-pro and opencc-js when a query needs them.
   */
  characters?: CharacterTables;
  /**
   * The tasks' texts folded for search, each followed by NUL (chinese/fold.ts foldedCorpus), when folding kept
   * their lengths: cache entries keep it, so that a search of a cached plan need not fold every task again.
   */
  foldedText?: string;
  /**
   * Set on the plan that stands for several loaded together (SPEC "Many plans"; src/plan/plans.ts merges them):
   * its tasks, parts and sections are those of every member, renumbered 1, 2, 3… through all of them, its
   * departments those of every member merged by name. Where each comes from is said here.
   */
  merged?: MergedPlans;
}

/** One plan file of several loaded together. */
export interface PlanMember {
  /** From the file name without its extension (gf2018-39), unique among the plans loaded: ids are `gf2018-39:3`. */
  id: string;
  file: string;
  plan: Plan;
}

/** The plans a merged plan stands for, and where each of its tasks comes from. */
export interface MergedPlans {
  members: PlanMember[];
  /** For the merged task of id n, origins[n - 1]: its plan and the task as that plan numbers it. */
  origins: { member: PlanMember; task: Task }[];
}

/** Which plan a task record comes from, where several are loaded. */
export interface PlanRef {
  id: string;
  title: string;
  /** 文号, null where the plan has none. */
  number: string | null;
}

/** The JSON shape of a task, as scripts read it (SPEC.md: the field names are the contract). */
export interface TaskRecord {
  /** The task's id; with several plans loaded, qualified by its plan's: "gf2018-39:3". */
  id: number | string;
  /** Only with several plans loaded. */
  plan?: PlanRef;
  number: string | null;
  part: { id: number; title: string } | null;
  section: { id: number; title: string } | null;
  /** Every heading above the task, outermost first, numbered as printed: 一、…, （一）…. */
  headings: string[];
  heading?: string;
  text: string;
  departments: string[];
  leads: string[];
  roles: Role[];
  responsibility: Responsibility;
  incomplete?: boolean;
  scope?: string;
  deadline?: string;
  implied?: string[];
}

export interface FilterOptions {
  departments?: string[];
  part?: number;
  /** Any of these parts (several plans loaded: the part of that number in each). */
  parts?: number[];
  sections?: number[];
  /** Only tasks of these plans (member ids), where several are loaded. */
  plans?: string[];
  keywords?: string[];
  responsibility?: Responsibility;
  /** Only tasks with a lead (牵头); with departments, only those they lead. */
  lead?: boolean;
}
