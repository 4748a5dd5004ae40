// Writes a plan of N tasks in the format of plan.yaml, made of the bundled plan's own sentences recombined by a
// seeded random generator (the same N gives the same file), for the benchmark and for trying large plans.
//   node scripts/generate-plan.js 10000 > big.yaml
import { readFileSync } from 'node:fs';

const count = Number(process.argv[2] ?? 1000);
if (!Number.isSafeInteger(count) || count < 1) {
  console.error('usage: node scripts/generate-plan.js N   (N tasks, a whole number from 1)');
  process.exit(2);
}
const plan = JSON.parse(readFileSync(new URL('../dist/plan.json', import.meta.url), 'utf8')).plan;

let seed = count;
const random = () => {
  seed = (Math.imul(seed ^ (seed >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
  return seed / 2 ** 32;
};
const pick = (items) => items[Math.floor(random() * items.length)];
const sentences = plan.tasks.flatMap((t) => t.text.split(/(?<=。)/)).filter(Boolean);
const quote = (s) => JSON.stringify(s);

const out = [`title: 生成的计划（${count}项任务）`, 'departments:'];
for (const d of plan.departments) {
  out.push(`  - name: ${quote(d.name)}`);
  if (d.fullName) out.push(`    full_name: ${quote(d.fullName)}`);
  out.push(`    aliases: [${d.aliases.map(quote).join(', ')}]`);
  if (d.group) out.push('    group: true');
}
out.push('parts:');
for (const p of plan.parts) out.push(`  - id: ${p.id}`, `    title: ${quote(p.title)}`);
out.push('sections:');
for (const s of plan.sections) out.push(`  - id: ${s.id}`, `    part: ${s.part}`, `    title: ${quote(s.title)}`);
out.push('tasks:');
const names = plan.departments.map((d) => d.name);
for (let id = 1; id <= count; id++) {
  const text = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(sentences)).join('');
  const departments = [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(names)))];
  out.push(`  - id: ${id}`, `    section: ${pick(plan.sections).id}`, `    text: ${quote(text)}`,
    `    departments: [${departments.map(quote).join(', ')}]`, `    responsibility: ${departments.length === 1 && random() < 0.5 ? 'sole' : 'shared'}`);
}
process.stdout.write(`${out.join('\n')}\n`);
