// Every test, and every `plan` a test starts, keeps its caches in a temporary directory, never the user's ~/.cache.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const home = mkdtempSync(path.join(tmpdir(), 'plan-test-cache-'));
process.env.PLAN_CACHE_DIR = path.join(home, 'plan');
process.env.XDG_CACHE_HOME = home;
