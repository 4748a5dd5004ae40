// Every command of the CLI, in the order `plan --help` lists them. A new command is a file here and a line below.
import type { Command } from './command.js';
import { complete, completion } from './completion.js';
import { dept } from './dept.js';
import { importCommand } from './import.js';
import { depts } from './depts.js';
import { outline } from './outline.js';
import { plans } from './plans.js';
import { search } from './search.js';
import { show } from './show.js';
import { stats } from './stats.js';
import { tasks } from './tasks.js';
import { validate } from './validate.js';

export const COMMANDS: Command[] = [tasks, search, show, dept, depts, outline, stats, plans, validate, importCommand, completion, complete];
