import type { Translate } from '../i18n/index.js';
import { lookup } from '../plan/lookup.js';
import { partLabel, sectionLabel } from '../plan/numbers.js';
import type { Line, Report } from '../render/report.js';
import { compactIds } from '../query/stats.js';
import type { Part, Plan, Section } from '../types.js';

interface OutlineRow {
  part: Part;
  section: Section;
  tasks: number[];
}

/** Parts → sections → task ids and counts: a tree on a terminal, one row a section elsewhere. */
export function outlineReport(plan: Plan, t: Translate, part?: number): Report<OutlineRow> {
  const { part: partById } = lookup(plan);
  const rows: OutlineRow[] = plan.sections
    .filter((s) => part === undefined || s.part === part)
    .map((section) => ({ part: partById(section.part), section, tasks: plan.tasks.filter((task) => task.section === section.id).map((task) => task.id) }));
  const tasks = (n: number) => t('n.task', { n });
  const lines = (): Line[] => {
    const out: Line[] = [{ text: t('outline.title', { title: plan.meta.title, parts: plan.parts.length, sections: plan.sections.length, tasks: plan.tasks.length }), tone: 'bold' }];
    for (const p of plan.parts.filter((x) => part === undefined || x.id === part)) {
      const mine = rows.filter((r) => r.part.id === p.id);
      out.push({ text: '' }, { text: `${partLabel(p.id)}${p.title}  (${tasks(mine.reduce((n, r) => n + r.tasks.length, 0))})`, tone: 'bold' });
      mine.forEach((r, i) => {
        const branch = i === mine.length - 1 ? '└─' : '├─';
        out.push({ text: `${branch} ${sectionLabel(r.section.id)}${r.section.title}  ${t('outline.tasks', { n: r.tasks.length, ids: compactIds(r.tasks) })}` });
      });
    }
    return out;
  };
  return {
    records: rows,
    lines,
    columns: [
      { header: 'part', label: t('column.part'), value: (r) => String(r.part.id), align: 'right' },
      { header: 'part_title', label: t('column.partTitle'), value: (r) => r.part.title },
      { header: 'section', label: t('column.section'), value: (r) => String(r.section.id), align: 'right' },
      { header: 'section_title', label: t('column.sectionTitle'), value: (r) => r.section.title },
      { header: 'count', label: t('column.count'), value: (r) => String(r.tasks.length), align: 'right' },
      { header: 'tasks', label: t('column.tasks'), value: (r) => r.tasks.join(',') },
    ],
    toJSON: (r) => ({
      part: { id: r.part.id, title: r.part.title },
      section: { id: r.section.id, title: r.section.title },
      count: r.tasks.length,
      tasks: r.tasks,
    }),
  };
}
