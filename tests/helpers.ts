import { readFileSync } from 'node:fs';
import { loadPlanText } from '../src/plan/load.js';
import type { Plan } from '../src/types.js';

export const fixturePath = (name: string) => new URL(`fixtures/${name}`, import.meta.url).pathname;

/** The real plan, for tests of the data and of behaviour on it. */
export const realPlan: Plan = await loadPlanText(readFileSync(new URL('../plan.yaml', import.meta.url), 'utf8'), 'plan.yaml');

/** The small hand-written plan: two parts, three sections, five tasks, one of them sole. */
export const smallPlan: Plan = await loadPlanText(readFileSync(fixturePath('small-plan.yaml'), 'utf8'), 'small-plan.yaml');
