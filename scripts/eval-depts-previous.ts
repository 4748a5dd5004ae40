// The department resolver as it was before issue 12 (main at 87780a6), kept verbatim as a baseline for
// `npm run eval:depts`. Not used by plan.
import { editDistance } from '../src/chinese/distance.js';
import { fold, hasHan, isLatin } from '../src/chinese/fold.js';
import { findPinyin, loadReadings } from '../src/chinese/pinyin.js';
import { toSimplified } from '../src/chinese/simplified.js';
import { EXIT, PlanError } from '../src/errors.js';
import type { CharacterTables, Department } from '../src/types.js';
import { maxOf } from '../src/text.js';

// Prefixes that staff leave out or put in: 市质监局 = 质监局 = 重庆市质监局; 中华人民共和国重庆海关 = 重庆海关.
const PREFIXES = ['中华人民共和国', '中国', '重庆市', '重庆', '市'];

function withoutPrefix(name: string): string {
  for (const prefix of PREFIXES) {
    if (name.startsWith(prefix) && name.length > prefix.length + 1) return name.slice(prefix.length);
  }
  return name;
}

/** Every way of writing a department's name that resolves to it exactly, folded. */
export function namesOf(department: Department): string[] {
  const written = [department.name, ...(department.fullName ? [department.fullName] : []), ...department.aliases];
  return [...new Set(written.flatMap((n) => [fold(n), fold(withoutPrefix(n)), fold(withoutPrefix(withoutPrefix(n)))]))];
}

function list(departments: Department[]): string {
  return departments.map((d) => d.name).join(', ');
}

function unique(departments: Department[]): Department[] {
  return [...new Set(departments)];
}

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const char of long) if (char === short[at]) at++;
  return at === short.length;
}

/**
 * The registered names nearest to an unknown one, best first, for "did you mean". fuse.js (Bitap) is made for
 * ranking short names by likeness; it is loaded only on this error path.
 */
export async function nearestDepartments(departments: Department[], input: string, count = 3): Promise<Department[]> {
  const { default: Fuse } = await import('fuse.js');
  const entries = departments.flatMap((d) => namesOf(d).map((name) => ({ d, name })));
  const fuse = new Fuse(entries, { keys: ['name'], ignoreLocation: true, threshold: 0.7, includeScore: true });
  return unique(fuse.search(fold(input)).map((r) => r.item.d)).slice(0, count);
}

function ambiguous(input: string, candidates: Department[]): never {
  throw new PlanError(`department "${input}" is ambiguous: it could be ${list(candidates.slice(0, 8))}${candidates.length > 8 ? ` and ${candidates.length - 8} more` : ''}; type more of the name`, {
    exitCode: EXIT.usage,
  });
}

/** Picks the one department in `found`, or reports several; undefined when none. */
function pick(input: string, found: Department[]): Department | undefined {
  const candidates = unique(found);
  if (candidates.length > 1) ambiguous(input, candidates);
  return candidates[0];
}

/**
 * Resolves a department as staff type it: the name in the plan, with or without 市 or 重庆, the official full
 * name, an alias, Traditional characters, pinyin (whole or initials), a part of the name that fits one
 * department only, or one wrong character. Several candidates or none: a PlanError (exit 2) that says which.
 * `tables` are the plan's precompiled character tables, if it has them (plan.characters).
 *
 * @example await resolveDepartment(plan.departments, 'zhijianju', plan.characters) // 市质监局
 */
export async function resolveDepartment(departments: Department[], input: string, tables?: CharacterTables): Promise<Department> {
  const typed = fold(input.replace(/\s+/g, ''));
  if (typed === '') throw new PlanError('a department name is empty: give a name, e.g. --dept 质监局 (plan depts lists all)');
  const names = departments.map((d) => ({ d, names: namesOf(d) }));

  const exact = (q: string) => pick(input, names.filter((x) => x.names.includes(q)).map((x) => x.d));
  let query = typed;
  let found = exact(query);
  if (!found && hasHan(query)) {
    query = fold(await toSimplified(query, tables));
    found = exact(query);
  }
  if (found) return found;

  if (isLatin(query)) {
    const readings = await loadReadings(tables);
    // Initials of a whole name are specific enough however short they are: fgw is 发改委.
    const spelled = names.filter((x) => x.names.some((n) => findPinyin(n, query, readings, 2).some(([s, e]) => s === 0 && e === n.length)));
    found = pick(input, spelled.map((x) => x.d));
    if (found) return found;
  }

  // A part of a name (质监 → 市质监局), or a name inside what was typed (重庆市质监局办公室 → 市质监局).
  const containing = names.filter((x) => x.names.some((n) => n.includes(query)));
  found = pick(input, containing.map((x) => x.d));
  if (found) return found;
  const inside = names
    .map((x) => ({ d: x.d, length: maxOf(x.names.filter((n) => n.length >= 2 && query.includes(n)).map((n) => n.length)) }))
    .filter((x) => x.length > 0);
  const longest = maxOf(inside.map((x) => x.length));
  found = pick(input, inside.filter((x) => x.length === longest).map((x) => x.d));
  if (found) return found;

  // Characters of a name in order, with some left out (邮政局 → 市邮政管理局), starting as the name does.
  if (Array.from(query).length >= 2) {
    const abbreviated = names.filter((x) => x.names.some((n) => n.startsWith(query[0]!) && isSubsequence(query, n)));
    found = pick(input, abbreviated.map((x) => x.d));
    if (found) return found;
  }

  // One wrong, missing or extra character, in a name of three characters or more.
  if (Array.from(query).length >= 3) {
    const near = names.filter((x) => x.names.some((n) => Array.from(n).length >= 3 && editDistance(n, query, 1) <= 1));
    found = pick(input, near.map((x) => x.d));
    if (found) return found;
  }

  const nearest = await nearestDepartments(departments, query);
  const hint = nearest.length > 0 ? `did you mean ${list(nearest)}? ` : '';
  throw new PlanError(`unknown department "${input}": ${hint}(plan depts lists all)`, { exitCode: EXIT.usage });
}
