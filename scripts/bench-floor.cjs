// The floor of `npm run bench`: what any tool answering `plan tasks --dept 质监局 --json` from the precompiled
// plan must do at least (read plan.yaml and dist/plan.json, compare, filter, write), with nothing else.
const { readFileSync, writeSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const source = readFileSync(path.join(root, 'plan.yaml'), 'utf8');
const compiled = JSON.parse(readFileSync(path.join(root, 'dist', 'plan.json'), 'utf8'));
if (compiled.source !== source) throw new Error('dist/plan.json is stale: npm run build');
const tasks = compiled.plan.tasks.filter((task) => task.departments.includes('市质监局'));
writeSync(1, `${JSON.stringify(tasks, null, 2)}\n`);
