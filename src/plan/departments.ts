import { EXIT, PlanError } from '../errors.js';
import { editDistance } from '../query/distance.js';
import { fold, hasHan, isLatin, toSimplified } from '../query/normalize.js';
import { findPinyin, loadReadings } from '../query/pinyin.js';
import type { Department } from '../types.js';

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

/** Characters two names share, for ranking suggestions. */
function overlap(a: string, b: string): number {
  const set = new Set(a);
  return Array.from(b).filter((c) => set.has(c)).length / Math.max(1, Math.min(set.size, b.length));
}

/** The registered names nearest to an unknown one, best first. */
export function nearestDepartments(departments: Department[], input: string, count = 3): Department[] {
  const query = fold(input);
  return departments
    .map((d) => ({ d, score: Math.max(...namesOf(d).map((n) => overlap(query, n))) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((x) => x.d);
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
 *
 * @example await resolveDepartment(plan.departments, 'zhijianju') // 市质监局
 */
export async function resolveDepartment(departments: Department[], input: string): Promise<Department> {
  const typed = fold(input.replace(/\s+/g, ''));
  if (typed === '') throw new PlanError('a department name is empty: give a name, e.g. --dept 质监局 (plan depts lists all)');
  const names = departments.map((d) => ({ d, names: namesOf(d) }));

  const exact = (q: string) => pick(input, names.filter((x) => x.names.includes(q)).map((x) => x.d));
  let query = typed;
  let found = exact(query);
  if (!found && hasHan(query)) {
    query = fold(await toSimplified(query));
    found = exact(query);
  }
  if (found) return found;

  if (isLatin(query)) {
    const readings = await loadReadings();
    const spelled = names.filter((x) => x.names.some((n) => findPinyin(n, query, readings).some(([s, e]) => s === 0 && e === n.length)));
    found = pick(input, spelled.map((x) => x.d));
    if (found) return found;
  }

  // A part of a name (质监 → 市质监局), or a name inside what was typed (重庆市质监局办公室 → 市质监局).
  const containing = names.filter((x) => x.names.some((n) => n.includes(query)));
  found = pick(input, containing.map((x) => x.d));
  if (found) return found;
  const inside = names
    .map((x) => ({ d: x.d, length: Math.max(0, ...x.names.filter((n) => n.length >= 2 && query.includes(n)).map((n) => n.length)) }))
    .filter((x) => x.length > 0);
  const longest = Math.max(0, ...inside.map((x) => x.length));
  found = pick(input, inside.filter((x) => x.length === longest).map((x) => x.d));
  if (found) return found;

  // One wrong, missing or extra character, in a name of three characters or more.
  if (Array.from(query).length >= 3) {
    const near = names.filter((x) => x.names.some((n) => Array.from(n).length >= 3 && editDistance(n, query, 1) <= 1));
    found = pick(input, near.map((x) => x.d));
    if (found) return found;
  }

  const nearest = nearestDepartments(departments, query);
  const hint = nearest.length > 0 ? `did you mean ${list(nearest)}? ` : '';
  throw new PlanError(`unknown department "${input}": ${hint}(plan depts lists all)`, { exitCode: EXIT.usage });
}
