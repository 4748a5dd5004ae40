import type { Translate } from '../i18n/index.js';
import { lookup, partNumber, sectionNumber } from '../plan/lookup.js';
import type { Line, Report } from '../render/report.js';
import { compactIds } from '../query/stats.js';
import type { Part, Plan, Section } from '../types.js';

interface OutlineRow {
  /** Undefined for a section, or tasks, with no part above. */
  part: Part | undefined;
  /** Undefined for the tasks that stand directly in a part (or under no heading at all). */
  section: Section | undefined;
  tasks: number[];
}

/**
 * Parts → sections → task ids and counts: a tree on a terminal, one row a section elsewhere. Tasks that stand
 * directly in a part, or under no heading, get a row of their own (documents whose tasks are at 一、 or （一）).
 */
export function outlineReport(plan: Plan, t: Translate, part?: number): Report<OutlineRow> {
  const { part: partById, partOf } = lookup(plan);
  const direct = (p: Part | undefined) => plan.tasks.filter((task) => task.section === undefined && partOf(task) === p).map((task) => task.id);
  const rowsOf = (p: Part | undefined): OutlineRow[] => [
    ...(direct(p).length > 0 ? [{ part: p, section: undefined, tasks: direct(p) }] : []),
    ...plan.sections
      .filter((s) => (s.part === undefined ? undefined : partById(s.part)) === p)
      .map((section) => ({ part: p, section, tasks: plan.tasks.filter((task) => task.section === section.id).map((task) => task.id) })),
  ];
  const parts = plan.parts.filter((x) => part === undefined || x.id === part);
  const rows: OutlineRow[] = [...parts.flatMap((p) => rowsOf(p)), ...(part === undefined ? rowsOf(undefined) : [])];
  const tasks = (n: number) => t('n.task', { n });
  const lines = (): Line[] => {
    const out: Line[] = [{ text: t('outline.title', { title: plan.meta.title, parts: plan.parts.length, sections: plan.sections.length, tasks: plan.tasks.length }), tone: 'bold' }];
    const branches = (mine: OutlineRow[]) => mine.forEach((r, i) => {
      const branch = i === mine.length - 1 ? '└─' : '├─';
      const title = r.section ? `${sectionNumber(r.section)}${r.section.title}  ` : '';
      const hang = i === mine.length - 1 ? '   ' : '│  ';
      out.push({ text: `${branch} ${title}${r.tasks.length ? t('outline.tasks', { n: r.tasks.length, ids: compactIds(r.tasks) }) : tasks(0)}`, hang });
    });
    for (const p of parts) {
      const mine = rows.filter((r) => r.part === p);
      out.push({ text: '' }, { text: `${partNumber(p)}${p.title}  ${t('outline.partTasks', { n: mine.reduce((n, r) => n + r.tasks.length, 0) })}`, tone: 'bold' });
      branches(mine);
    }
    const loose = rows.filter((r) => r.part === undefined);
    if (loose.length > 0) {
      out.push({ text: '' });
      branches(loose);
    }
    return out;
  };
  return {
    records: rows,
    lines,
    columns: [
      { header: 'part', label: t('column.part'), value: (r) => String(r.part?.id ?? ''), align: 'right' },
      { header: 'part_title', label: t('column.partTitle'), value: (r) => r.part?.title ?? '' },
      { header: 'section', label: t('column.section'), value: (r) => String(r.section?.id ?? ''), align: 'right' },
      { header: 'section_title', label: t('column.sectionTitle'), value: (r) => r.section?.title ?? '' },
      { header: 'count', label: t('column.count'), value: (r) => String(r.tasks.length), align: 'right' },
      { header: 'tasks', label: t('column.tasks'), value: (r) => r.tasks.join(',') },
    ],
    toJSON: (r) => ({
      part: r.part ? { id: r.part.id, title: r.part.title } : null,
      section: r.section ? { id: r.section.id, title: r.section.title } : null,
      count: r.tasks.length,
      tasks: r.tasks,
    }),
  };
}
