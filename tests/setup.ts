// Every test, and every `plan` a test starts, keeps its caches in a temporary directory, never the user's ~/.cache.
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const home = mkdtempSync(path.join(tmpdir(), 'plan-test-cache-'));
process.env.PLAN_CACHE_DIR = path.join(home, 'plan');
process.env.XDG_CACHE_HOME = home;

// Property tests try new random inputs on every run here; CI runs them with one seed (.ci/run sets FC_SEED), so
// that the run checked before a stop is the run CI makes, and a failure there can be replayed.
if (process.env.FC_SEED && Number.isSafeInteger(Number(process.env.FC_SEED))) fc.configureGlobal({ seed: Number(process.env.FC_SEED) });
