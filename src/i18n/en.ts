// Every word the CLI says to people, in English. zh.ts says the same in Chinese, key for key (the type checks
// that it has every key with the same parameters). JSON, NDJSON, YAML, TSV and CSV names are not here: they are
// the data's contract, the same in every language.
type N = { n: number };
/** What a part of a plan file is (validate's messages). */
export type ItemKind = 'plan' | 'department' | 'part' | 'section' | 'task' | 'note' | 'role';
type Of = { what: string };
const orList = (words: readonly string[]) => words.join(', ').replace(/, ([^,]+)$/, ' or $1');
/** The first few of a list of ids, for a message. */
const someOf = (ids: number[]) => (ids.length === 0 ? 'none' : ids.length > 10 ? `${ids.slice(0, 10).join(', ')}, … (${ids.length})` : ids.join(', '));
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Why a file could not be written, by error code, in both languages (others: the system's own words). */
export const WRITE_FAILURES: Record<string, { en: string; zh: string }> = {
  ENOENT: { en: 'its folder does not exist', zh: '所在的文件夹不存在' },
  ENOTDIR: { en: 'part of its path is not a folder', zh: '路径中有一部分不是文件夹' },
  EISDIR: { en: 'it is a folder', zh: '它是文件夹' },
  EACCES: { en: 'permission denied', zh: '没有权限' },
  EPERM: { en: 'permission denied', zh: '没有权限' },
  EROFS: { en: 'the file system is read-only', zh: '文件系统是只读的' },
  ENOSPC: { en: 'no space left on the device', zh: '设备上没有剩余空间' },
  EDQUOT: { en: 'the disk quota is used up', zh: '磁盘配额已用完' },
  ENAMETOOLONG: { en: 'the name is too long', zh: '名称太长' },
};

export const en = {
  'program.description': 'Query 《重庆市贯彻实施质量发展纲要2016年行动计划》 (or any plan file in the same format) from the terminal.',

  // help
  'help.usage': 'Usage:',
  'help.arguments': 'Arguments:',
  'help.options': 'Options:',
  'help.commands': 'Commands:',
  'help.globalOptions': 'Global Options:',
  'help.examples': 'Examples:',
  'help.help': 'show help for the command',
  'help.helpCommand': 'show help for a command',
  'help.version': 'print the version',
  // commander's placeholders: [options], [command], <file>, <query...>; `option` is the option they stand after
  'help.placeholder': ({ name }: { name: string; option?: string }) => name,
  'help.default': ({ value }: { value: string }) => ` (default: ${value})`,

  // commands
  'command.tasks': 'list the tasks that match every filter given (no filter: all of them)',
  'command.search': 'rank tasks by relevance to words, a question, a pasted clause, pinyin or Traditional characters, best first, with why each matched',
  'command.show': 'show tasks in full: part, section, text, departments, responsibility',
  'command.dept': "one department's duty sheet: the tasks it carries alone, those it shares and with whom",
  'command.depts': 'every department with its count of tasks (total, sole, shared), most first',
  'command.outline': 'parts → sections → task numbers and counts',
  'command.stats': 'who carries the plan: workload per department, department × part, who works with whom',
  'command.validate': 'check plan files (the one in use by default) and report every problem as file:line:column',
  'command.import': 'turn a plan document (.txt, .docx, .html) into a plan file: YAML on stdout or -o FILE, a summary on stderr',
  'command.completion': 'print a shell completion script (bash, zsh or fish): commands, options, department names',
  'command.complete': 'words for completion scripts',

  'argument.department': 'the department, as you write it',
  'argument.query': 'what to find: words, a question or a clause; spaces and punctuation separate terms',
  'argument.ids': 'task numbers: 37, ranges 37-40, lists 37,38',
  'argument.document': 'the document: UTF-8 or GB18030/GBK text, .docx, or a web page (.html); - for standard input',
  'option.output': 'write the plan file here instead of stdout (never the document itself)',
  'option.allowEmpty': 'a document with no attribution: import its headings only instead of exit 1',
  'option.force': 'replace the -o file if it exists (without it, an existing file is never written over)',
  'argument.planFile': 'plan files or folders, - for standard input (default: --plan, $PLAN_FILE, else the bundled plan.yaml)',
  'usage.emptyFile': 'a plan file name is empty: give a file or folder, or - for standard input',
  'usage.filesAndPlan': ({ files, plan }: { files: string; plan: string }) => `${files} and --plan ${plan} both name what to read: give the files once, as arguments or with --plan`,
  'validate.othersValid': ({ n, files }: { n: number; files: string }) => `valid: ${files} (${plural(n, 'file', 'files')})`,
  'argument.shell': 'bash, zsh or fish',
  'argument.words': 'what to list: departments',

  // options
  'option.plan': 'plan file, or folder of plan files, to read; - for standard input (repeat: several at once; default: $PLAN_FILE, else the bundled plan.yaml)',
  'option.format': 'output format: table, tsv, json, ndjson, csv, markdown, yaml (default: table on a terminal, else tsv)',
  'option.json': 'same as --format json',
  'option.header': 'tsv: a header line of column names first',
  'option.noBom': 'csv: no byte order mark (written only to files and terminals)',
  'option.color': 'colour: auto, always or never (auto: on a terminal, unless NO_COLOR; FORCE_COLOR=1 forces it)',
  'option.noColor': 'same as --color never',
  'option.noPager': 'do not page long output on a terminal (default pager: $PAGER, else less -R)',
  'option.lang': 'interface language: zh or en (default: PLAN_LANG, LC_ALL, LC_MESSAGES, LANG)',
  'option.dept': 'a department, as you write it: 质监局, zhijianju, 重庆市质量技术监督局 (repeat or separate with commas: any of them)',
  'option.part': 'a part: 三, 3, 三、, words of its title, or its heading from plan outline',
  'option.section': 'a section: （八）, 八, 8, 第八, words of its title, or its heading from plan outline (repeat: any of them)',
  'option.keyword': 'literal text in the task (repeat: all of them)',
  'option.sole': 'only tasks a department carries alone (负责)',
  'option.shared': 'only tasks shared by departments (按职责分工负责)',
  'option.lead': 'only tasks with a lead (牵头); with --dept, those the department leads',
  'option.limit': 'at most this many results',
  'option.view': 'one view only: workload, matrix, pairs, partners or sections (default: all)',
  'option.outlinePart': 'only this part: 三, 3, 三、 or words of its title',

  // column headings people read (tables, markdown)
  'column.id': 'id',
  'column.section': 'section',
  'column.responsibility': 'resp.',
  'column.departments': 'departments',
  'column.text': 'text',
  'column.score': 'score',
  'column.with': 'with',
  'column.department': 'department',
  'column.total': 'total',
  'column.sole': 'sole',
  'column.lead': 'lead',
  'column.ledGuided': 'led/guided',
  'column.headings': 'under',
  'column.leads': 'leads',
  'column.roles': 'roles',
  'column.scope': 'applies to',
  'column.deadline': 'by',
  'column.implied': 'also (note)',
  'column.shared': 'shared',
  'column.share': 'share',
  'column.part': 'part',
  'column.partTitle': 'part title',
  'column.sectionTitle': 'section title',
  'column.count': 'count',
  'column.tasks': 'tasks',
  'column.partner': 'partner',
  'column.title': 'part / section',
  'column.taskCount': 'tasks',
  'column.departmentCount': 'departments',
  'column.groupCount': 'groups',
  'column.file': 'file',
  'column.line': 'line',
  'column.column': 'column',
  'column.message': 'problem',

  // values people read
  'value.responsibility': ({ value }: { value: string }) => value,
  'list.comma': ', ',

  // counts
  'n.task': ({ n }: N) => plural(n, 'task', 'tasks'),
  'n.section': ({ n }: N) => plural(n, 'section', 'sections'),
  'n.part': ({ n }: N) => plural(n, 'part', 'parts'),
  'n.department': ({ n }: N) => plural(n, 'department', 'departments'),
  'n.problem': ({ n }: N) => plural(n, 'problem', 'problems'),
  'n.pair': ({ n }: N) => plural(n, 'pair', 'pairs'),

  // departments
  'department.groupLabel': ({ name }: { name: string }) => `${name} (group)`,
  'department.isGroup': ' (a group of departments)',
  'department.unconfirmed': ' (full name not confirmed)',
  'department.departments': 'Departments',
  'department.groups': 'Groups of departments (each stands for several)',
  'dept.summary': ({ total, sole, shared }: { total: number; sole: number; shared: number }) =>
    `${plural(total, 'task', 'tasks')}: ${sole} alone (负责), ${shared} shared (按职责分工负责)`,
  'dept.oftenWith': ({ list }: { list: string }) => `most often with: ${list}`,
  'dept.leadSummary': ({ leads, together, other }: { leads: number; together: number; other: number }) =>
    [`leads ${leads}`, ...(together ? [`${together} with others (A、B负责)`] : []), ...(other ? [`guides or takes part in ${other} (指导/参与)`] : [])].join('; '),
  'dept.together': ({ n }: N) => `With others (A、B负责): ${n}`,
  'dept.leads': ({ n }: N) => `Leads (牵头): ${n}`,
  'dept.other': ({ n }: N) => `Guides or takes part (指导/参与/配合): ${n}`,
  'dept.implied': ({ n }: N) => `Given it by a note of the document, not named on the task: ${n}`,
  'dept.impliedSummary': ({ n, notes }: { n: number; notes: string }) => `and ${plural(n, 'task', 'tasks')} a note of the document gives it without naming it there: ${notes}`,
  'dept.alone': ({ n }: N) => `Alone (负责): ${n}`,
  'dept.shared': ({ n }: N) => `Shared (按职责分工负责): ${n}`,

  // outline
  'outline.title': ({ title, parts, sections, tasks }: { title: string; parts: number; sections: number; tasks: number }) =>
    `${title}: ${plural(parts, 'part', 'parts')}, ${plural(sections, 'section', 'sections')}, ${plural(tasks, 'task', 'tasks')}`,
  'outline.partTasks': ({ n }: N) => `(${plural(n, 'task', 'tasks')})`,
  'outline.tasks': ({ n, ids }: { n: number; ids: string }) => `${plural(n, 'task', 'tasks')}: ${ids}`,

  // stats
  'stats.all': ({ n }: N) => `all ${plural(n, 'task', 'tasks')}`,
  'stats.filtered': ({ n, of }: { n: number; of: number }) => `${n} of ${plural(of, 'task', 'tasks')} (filtered)`,
  'stats.workload': ({ about }: { about: string }) => `Workload per department, ${about}`,
  'stats.matrix': ({ about }: { about: string }) => `Tasks per department and part, ${about}`,
  'stats.pairs': ({ about }: { about: string }) => `Departments named together on the most tasks, ${about}`,
  'stats.tooManyPairs': ({ n, most }: { n: number; most: number }) => `these tasks name their departments together ${n.toLocaleString('en')} times, too many pairs to count (at most ${most.toLocaleString('en')}): narrow them with --part, --section or --keyword, or ask for one department's partners with --dept`,
  'stats.pairsCut': ({ shown, n }: { shown: number; n: number }) => `the top ${shown} of ${n} pairs (plan stats --view pairs --format tsv lists all)`,
  'stats.partners': ({ name, n }: { name: string; n: number }) => `Who ${name} works with, on ${plural(n, 'task', 'tasks')}`,
  'stats.sections': ({ about }: { about: string }) => `Tasks and departments per part and section, ${about}`,
  'stats.partnersOne': 'the partners view is about one department: give exactly one --dept NAME',

  // validate
  'validate.valid': ({ file, summary }: { file: string; summary: string }) => `${file}: valid, ${summary}`,
  'validate.invalid': ({ file, n }: { file: string; n: number }) => `${file} is not a valid plan (${plural(n, 'problem', 'problems')})`,
  'validate.more': ({ n }: N) => `… and ${n} more`,

  // answers with nothing in them (stderr, exit 1)
  'note.limited': ({ shown, of }: { shown: number; of: number }) => `the first ${shown} of ${of} (--limit)`,
  'empty.tasks': 'no task matches these filters',
  'empty.search': ({ query }: { query: string }) => `nothing in the plan matches "${query}"`,
  'empty.termAlone': ({ term, n }: { term: string; n: number }) => `${term} ${plural(n, 'task', 'tasks')}`,
  'empty.termsApart': ({ list }: { list: string }) => `; no task has all the terms, but alone: ${list}`,
  'empty.searchFiltered': ({ query, n }: { query: string; n: number }) =>
    n === 0 ? `no task passes the filters, so nothing was searched for "${query}"` : `nothing matches "${query}" among the ${plural(n, 'task', 'tasks')} the filters keep`,
  'empty.dept': ({ name }: { name: string }) => `${name} has no task in this plan`,
  'empty.depts': 'the plan lists no department',
  'empty.outline': 'the plan has no part',
  'empty.show': 'no task',

  // what users typed
  'part.unknown': ({ input, known }: { input: string; known: string }) => `there is no part "${input}": the plan has parts ${known}`,
  'part.ambiguous': ({ input, list }: { input: string; list: string }) => `part "${input}" could be ${list}: give its number`,
  'section.unknown': ({ input, ids }: { input: string; ids: string }) => `there is no section "${input}": the plan has sections ${ids} (plan outline lists them)`,
  'section.noTitle': ({ input, example }: { input: string; example: string }) =>
    `no section title contains "${input}": give a number such as ${example}, 八 or 8 (plan outline lists them)`,
  'section.notInPart': ({ section, label, actual, part }: { section: string; label: string; actual: string; part: string }) =>
    `section ${section} is not in part ${part}: ${label} is in part ${actual} (plan outline --part ${part} lists part ${part}'s sections)`,
  'task.unknown': ({ input, range }: { input: string; range: string }) => `there is no task ${input}: the plan's tasks are ${range}`,
  'task.unknownIn': ({ input, plan, range }: { input: string; plan: string; range: string }) => `there is no task ${input}: the tasks of ${plan} are ${range}`,
  'task.unknownAcross': ({ input, n, each }: { input: string; n: number; each: string }) => `there is no task ${input} in any of the ${n} plans: their tasks are ${each}`,
  'task.reversedRange': ({ input, from, to }: { input: string; from: number; to: number }) => `${input} runs backwards: a range goes from the lower number up (${from}-${to})`,
  'task.badId': ({ input }: { input: string }) => `"${input}" is not a task number: give numbers such as 37, ranges such as 37-40, or lists such as 37,38`,
  'limit.bad': ({ input }: { input: string }) => `--limit must be a whole number from 1, such as 10, not "${input}"`,
  'filter.soleShared': '--sole and --shared exclude each other: give one of them',
  'filter.keywordEmpty': '--keyword is empty: give the text to look for, e.g. --keyword 电梯',
  'filter.deptEmpty': ({ value }: { value: string }) => `--dept "${value}" names no department: give a name, e.g. --dept 质监局 (plan depts lists all)`,
  'dept.alsoAs': ({ other, name, where }: { other: string; name: string; where: string }) =>
    `${other} is listed apart (${where}): perhaps the same body as ${name}; plan dept ${other} shows its tasks, plan tasks --dept ${name},${other} those of both`,
  'dept.severalNames': ({ n, each, list }: { n: number; each: string; list: string }) =>
    `plan dept takes one department, not ${n}: for the tasks of any of them, plan tasks ${each} (or --dept ${list})`,
  'format.notApplicable': ({ command, format, writes }: { command: string; format: string; writes: string }) => `${command} writes ${writes}: ${format} does not apply`,
  'writes.planFile': 'a plan file, in YAML',
  'writes.script': 'a shell script',
  'format.onlyOne': ({ format, option, names, formats }: { format: string; option: string; names: string; formats: string }) =>
    `--format ${format} holds one table: pick one with ${option} ${names}, or use --format ${formats} for all of them`,
  'completion.badShell': ({ shell }: { shell: string }) => `no completion for "${shell}": give bash, zsh or fish`,
  'complete.badWords': ({ words }: { words: string }) => `cannot complete "${words}": give departments`,

  // plan files (src/plan/open.ts, load.ts)
  'file.missing': ({ file, from }: { file: string; from?: 'option' | 'env' | 'argument' }) =>
    from === 'env' ? `plan file ${file} (from PLAN_FILE) does not exist: set PLAN_FILE to an existing file, or unset it for the bundled plan`
      : from === 'argument' ? `plan file ${file} does not exist: give an existing file (plan validate with no file checks the plan in use)`
        : `plan file ${file} does not exist: give an existing file with --plan FILE`,
  'file.denied': ({ file }: { file: string }) => `cannot read plan file ${file}: permission denied`,
  'file.directory': ({ file }: { file: string }) => `${file} is a directory, not a plan file`,
  'file.openFailed': ({ file, reason }: { file: string; reason: string }) => `cannot open plan file ${file}: ${reason}`,
  'file.readFailed': ({ file, reason }: { file: string; reason: string }) => `cannot read plan file ${file}: ${reason}`,
  'file.tooLarge': ({ file, size, most }: { file: string; size: number; most: number }) => `${file} is ${size} MB; a plan file may be at most ${most} MB`,
  'file.larger': ({ file, most }: { file: string; most: number }) => `${file} is larger than ${most} MB, the most a plan file may be`,
  'file.binary': ({ file }: { file: string }) => `${file} is not a text file (it contains NUL bytes); a plan file is UTF-8 YAML`,
  'file.notUtf8': ({ file }: { file: string }) => `${file} is not UTF-8 text; save it as UTF-8 (a plan file is UTF-8 YAML)`,
  'file.empty': ({ file }: { file: string }) => `${file} is empty; a plan file needs a title, departments, parts, sections and tasks`,
  'file.stdinTimeout': ({ file, seconds }: { file: string; seconds: number }) => `${file} did not end within ${seconds} s: send a whole plan file to it`,
  'file.nothingToRead': ({ file }: { file: string }) => `${file} has nothing to read (a device or a kernel file?); a plan file is a YAML text file`,
  'file.notDirectory': ({ file }: { file: string }) => `plan file ${file} does not exist: a part of its path is not a directory`,
  'file.nameTooLong': ({ file }: { file: string }) => `plan file name is too long: ${file}`,
  'file.loop': ({ file }: { file: string }) => `plan file ${file} is a loop of symbolic links`,
  'file.special': ({ file, kind, pipe }: { file: string; kind: string; pipe: boolean }) =>
    `${file} is ${kind}, not a plan file${pipe ? '; to read a plan from a pipe, give --plan - and send it to standard input' : ''}`,
  'document.special': ({ file, kind }: { file: string; kind: string }) => `${file} is ${kind}, not a document: plan import reads .txt, .docx and .html files (save it to one first)`,
  'file.kernel': ({ file }: { file: string }) => `${file} is a file of the kernel (/proc, /sys), not a plan file`,
  'file.stdinTerminal': '--plan - reads a plan from standard input, which is a terminal here: send a file to it (plan tasks --plan - < plan.yaml)',
  'file.utf32Length': ({ file }: { file: string }) => `${file} is not whole UTF-32 text (its length is not a multiple of 4 bytes); save it as UTF-8`,
  'file.utf32Invalid': ({ file, at }: { file: string; at: number }) => `${file} is not valid UTF-32 text (byte ${at}); save it as UTF-8`,
  'file.badEncoding': ({ file, label }: { file: string; label: string }) => `${file} is not valid ${label} text; save it as UTF-8`,
  'file.utf16NoBom': ({ file }: { file: string }) => `${file} looks like UTF-16 text without a byte order mark; save it as UTF-8`,
  'file.nulOnLine': ({ file, line }: { file: string; line: number }) => `${file} is not a text file (it contains NUL bytes, the first on line ${line}); a plan file is UTF-8 YAML`,
  'file.gbk': ({ file, shown }: { file: string; shown: string }) => `${file} is not UTF-8 but GBK/GB18030 (Chinese Windows "ANSI"); convert it: iconv -f GB18030 -t UTF-8 ${shown} > plan-utf8.yaml`,
  'file.nulCharacters': ({ file }: { file: string }) => `${file} is not a text file (it contains NUL characters); a plan file is UTF-8 YAML`,
  'plan.syntax': ({ file, line, column, message, again }: { file: string; line: number; column: number; message: string; again?: string }) =>
    `${file}:${line}:${column}: ${message} (a YAML syntax error: fix it, then run plan validate ${again ?? file})`,
  'plan.invalid': ({ file, n, again }: { file: string; n: number; again?: string }) => `${file} is not a valid plan (${plural(n, 'problem', 'problems')}); fix it and run: plan validate ${again ?? file}`,
  'file.stdin': 'standard input',

  // plan validate: what is wrong in a plan file (src/plan/validate.ts). `what` is one of the subject.* messages.
  'subject.plan': 'the plan',
  'subject.numbered': ({ kind, id }: { kind: ItemKind; id: number }) => `${kind} ${id}`,
  'subject.named': ({ kind, name }: { kind: ItemKind; name: string }) => `${kind} "${name}"`,
  'subject.unnamed': ({ kind }: { kind: ItemKind }) => `a ${kind}`,
  'subject.role': ({ task }: { task: string }) => `a role in ${task}`,
  'expected.string': 'a text',
  'expected.strings': 'a list of texts',
  'expected.id': 'a whole number from 1',
  'expected.boolean': 'true or false',
  'expected.responsibility': ({ words }: { words: readonly string[] }) => orList(words),
  'expected.list': 'a list',
  'expected.number': 'a text (the numbering as printed) or null (not numbered)',
  'expected.role': ({ words }: { words: readonly string[] }) => orList(words),
  'found.nothing': 'nothing',
  'found.list': 'a list',
  'found.mapping': 'a mapping',
  'found.text': ({ text }: { text: string }) => `"${text}"`,
  'found.value': ({ value }: { value: string }) => value,
  'problem.notMapping': ({ what, fields, found }: Of & { fields: string[]; found: string }) => `expected ${what} (a mapping with ${fields.join(', ')}), found ${found}`,
  'problem.unknownKey': ({ what, key, known }: Of & { key: string; known: string[] }) => `unknown key "${key}" in ${what} (known: ${known.join(', ')})`,
  'problem.badValue': ({ what, key, expected, found }: Of & { key: string; expected: string; found: string }) => `${key} of ${what} must be ${expected}, found ${found}`,
  'problem.missingKey': ({ what, key }: Of & { key: string }) => `${what} has no ${key}`,
  'problem.duplicateId': ({ kind, id }: { kind: ItemKind; id: number }) => `duplicate ${kind} id ${id}`,
  'problem.date': ({ value }: { value: string }) => `date must be written YYYY-MM-DD, found "${value}"`,
  'problem.duplicateDepartment': ({ name }: { name: string }) => `duplicate department "${name}"`,
  'problem.nameTaken': ({ name, owner }: { name: string; owner: string }) => `"${name}" already names "${owner}": a name or alias must point at one department`,
  'problem.unregistered': ({ what, name }: Of & { name: string }) => `${what} names department "${name}", which is not in the departments list`,
  'problem.listedTwice': ({ what, name }: Of & { name: string }) => `${what} lists "${name}" twice`,
  'problem.sectionPart': ({ section, part, parts }: { section: number; part: number; parts: number[] }) =>
    `section ${section} names part ${part}, which the plan does not have (parts: ${someOf(parts)})`,
  'problem.taskSection': ({ what, section }: Of & { section: number }) => `${what} names section ${section}, which the plan does not have`,
  'problem.taskPart': ({ what, part, parts }: Of & { part: number; parts: number[] }) => `${what} names part ${part}, which the plan does not have (parts: ${someOf(parts)})`,
  'problem.partMismatch': ({ what, part, section, sectionPart }: Of & { part: number; section: number; sectionPart?: number }) =>
    `${what} names part ${part}, but its section ${section} stands in ${sectionPart === undefined ? 'no part' : `part ${sectionPart}`}: give the section only`,
  'problem.noDepartment': ({ what }: Of) => `${what} lists no department`,
  'problem.leadNotNamed': ({ what, name }: Of & { name: string }) => `${what} has lead "${name}", which is not one of its departments`,
  'problem.roleNotNamed': ({ what, name }: Of & { name: string }) => `${what} gives a role to "${name}", which is not one of its departments`,
  'problem.noteTask': ({ task }: { task: number }) => `a note names task ${task}, which the plan does not have`,
  'problem.synonyms': ({ found }: { found: string }) => `each entry of synonyms must be a list of two or more words that mean the same, e.g. [电商, 电子商务]; found ${found}`,
  'problem.at': ({ file, line, column, problem }: { file: string; line: number; column: number; problem: string }) => `${file}:${line}:${column}: ${problem}`,
  'validate.warning': ({ file, warning }: { file: string; warning: string }) => `${file}: warning: ${warning}`,

  // names that look alike (src/plan/confusable.ts)
  'confusable.lookAlike': ({ name, department, other, otherDepartment, codes }: { name: string; department: string; other: string; otherDepartment: string; codes: string }) =>
    `"${name}" (${department}) looks the same as "${other}" (${otherDepartment}) but differs by ${codes}: a reader cannot tell them apart`,
  'confusable.invisible': ({ name, department, codes }: { name: string; department: string; codes: string }) =>
    `"${name}" (${department}) has a character no one can see (${codes}): remove it`,
  'confusable.compatibility': 'compatibility forms',

  // reading YAML (src/plan/parse.ts); yaml.says is the yaml library's own message
  'yaml.says': ({ text }: { text: string }) => text,
  'yaml.tokens': ({ most }: { most: number }) => `plan stopped reading here: the file has more than ${most.toLocaleString('en')} YAML tokens (a plan of 100,000 tasks has about 4,600,000)`,
  'yaml.cpu': ({ seconds }: { seconds: number }) => `plan stopped reading here after ${seconds} s of work: this YAML is too intricate to be a plan (a plan of 100,000 tasks takes about 3 s)`,
  'yaml.documents': 'Source contains more than one YAML document (a plan file is one)',
  'yaml.depth': ({ most }: { most: number }) => `the YAML nests too deeply (a plan nests at most ${most} levels)`,
  'yaml.duplicateKey': ({ key }: { key?: string }) => `Map keys must be unique${key === undefined ? '' : ` ("${key}" twice)`}`,
  'yaml.aliasBomb': 'its YAML aliases repeat more text than a plan holds (an alias bomb?)',
  'yaml.alias': ({ text }: { text: string }) => `cannot expand YAML aliases: ${text}`,
  'yaml.whole': ({ mb, reason }: { mb: number; reason: string }) => `this file uses YAML that plan reads only in files up to ${mb} MB (${reason})`,
  'yaml.wholeReason': 'directives, document markers, explicit keys, or a top level that is not a block mapping',
  'yaml.anomaly.aliases': 'aliases to anchors elsewhere in the file',
  'yaml.anomaly.list': 'an unusual list',
  'yaml.anomaly.top': 'an unusual top level',

  // search (src/query/search.ts)
  'query.tooLong': ({ length, most }: { length: number; most: number }) => `the query is ${length} characters long; keep it under ${most}`,
  'query.empty': 'the query has no words to search for: give at least one, e.g. plan search 电梯',
  'query.tooManyTerms': ({ n, most }: { n: number; most: number }) => `the query has ${n} terms; give at most ${most}`,


  // usage errors
  'usage.unknownCommand': ({ name, suggestion }: { name: string; suggestion?: string }) =>
    `unknown command "${name}"${suggestion ? `: did you mean ${suggestion}?` : ''} (plan --help lists the commands)`,
  'usage.unknownOption': ({ option, command, suggestion }: { option: string; command: string; suggestion?: string }) =>
    `unknown option ${option}${suggestion ? `: did you mean ${suggestion}?` : ''} (${command} --help lists the options)`,
  'usage.missingArgument': ({ name, command }: { name: string; command: string }) => `${command} needs its <${name}> argument (${command} --help shows how)`,
  'usage.missingValue': ({ option, command }: { option: string; command: string }) => `${option} needs a value (${command} --help shows how)`,
  'usage.excessArguments': ({ command, extra }: { command: string; extra: string }) => `${command} takes no "${extra}" (${command} --help shows how)`,
  'usage.badValue': ({ option, value, choices, suggestion }: { option: string; value: string; choices: string; suggestion?: string }) =>
    `${option} ${value} is not one of ${choices}${suggestion ? `: did you mean ${suggestion}?` : ''}`,
  'usage.repeated': ({ option }: { option: string }) => `${option} is given twice: give it once`,
  'usage.conflict': ({ option, earlier }: { option: string; earlier: string }) => `${option} and ${earlier} set the same thing: give one of them`,

  // Words made in both languages where the facts are (the department resolver's notes and refusals).
  said: ({ en }: { en: string; zh: string }) => en,

  'output.failed': ({ code, message }: { code: string; message: string }) =>
    `cannot write the output: ${code === 'ENOSPC' ? 'no space left on the device' : code === 'EIO' ? 'input/output error' : code === 'EFBIG' ? 'the file is too large' : message} (${code})`,
  'output.cannotWrite': ({ file, code, reason }: { file: string; code?: string; reason: string }) => `cannot write ${file}: ${WRITE_FAILURES[code ?? '']?.en ?? reason}${code && WRITE_FAILURES[code] ? ` (${code})` : ''}`,
  'error.internal': ({ message }: { message: string }) => `internal error: ${message}`,
  'error.debugHint': '(run again with --debug for details)',

  // several plans at once (SPEC "Many plans"; src/plan/plans.ts, src/query/plans.ts, src/views/plans.ts)
  'command.plans': 'the plans loaded (--plan FILE|FOLDER, repeatable): id, 文号, date, tasks, departments, title',
  'option.in': 'only tasks of this plan, by id, file, 文号 or words of its title, where several are loaded (repeat, or A,B: any of them; plan plans lists them)',
  'argument.planIds': 'task numbers: 37, ranges 37-40, lists 37,38; with several plans, PLAN:ID (gf2018-39:3, gf2018-39:3-5)',
  'plans.unknown': ({ input, known }: { input: string; known: string }) => `no plan "${input}" is loaded: give a plan's id, file, 文号 or words of its title (loaded: ${known}; plan plans lists them)`,
  'plans.rangeAcross': ({ input, example }: { input: string; example: string }) => `${input} runs from one plan into another: a range is of one plan's tasks, such as ${example}`,
  'plans.titleAmbiguous': ({ input, ids }: { input: string; ids: string }) => `"${input}" is in the titles or 文号 of several plans: give one of ${ids}`,
  'plans.taskInSeveral': ({ input, n, choices }: { input: string; n: number; choices: string }) => `task "${input}" is in ${n} plans: give one of ${choices}`,
  'plans.noPlanFile': ({ folder, example }: { folder: string; example: string }) => `the folder ${folder} has no plan file (*.yaml or *.yml): import documents into it with plan import DOC -o ${example}`,
  'plans.folderUnreadable': ({ folder, reason }: { folder: string; reason: string }) => `cannot read the folder ${folder}: ${reason}`,
  'plans.summary': ({ n, tasks }: { n: number; tasks: number }) => `${plural(n, 'plan', 'plans')}, ${plural(tasks, 'task', 'tasks')}${n > 1 ? '; task ids are qualified by the plan\'s: plan show PLAN:ID' : ''}`,
  'plans.skipped': ({ files }: { files: string }) => `left out (not *.yaml or *.yml): ${files}`,
  'plans.dutiesIn': ({ n, of }: { n: number; of: number }) => `in ${n} of ${plural(of, 'plan', 'plans')}:`,
  'plans.duties': ({ leads, sole, together, shared, other }: Record<'leads' | 'sole' | 'together' | 'shared' | 'other', number>) =>
    [leads && `leads ${leads}`, sole && `alone ${sole}`, together && `with others ${together}`, shared && `shared ${shared}`, other && `guides or takes part ${other}`].filter(Boolean).join(', '),
  'plans.inPlans': ({ n }: N) => ` of ${plural(n, 'plan', 'plans')}`,
  'stats.matrixPlans': ({ about }: { about: string }) => `Tasks per department and plan, ${about}`,
  'stats.sectionsPlans': ({ about }: { about: string }) => `Tasks and departments per plan, part and section, ${about}`,
  'column.plan': 'plan',
  'column.plans': 'plans',
  'column.number': '文号',
  'column.planTitle': 'title',
  'column.date': 'date',
  'empty.deptPlans': ({ name }: { name: string }) => `${name} has no task in these plans`,
  'empty.plans': 'no plan is loaded',
  'empty.outlinePlans': 'no plan has such a part',
};

export type Catalogue = typeof en;
