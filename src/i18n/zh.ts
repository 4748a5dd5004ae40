// en.ts in Chinese, key for key. Values people read are the document's own words: 负责, 按职责分工负责, 牵头.
import { WRITE_FAILURES, type Catalogue, type ItemKind } from './en.js';

type N = { n: number };

/** What a file that is not a regular file is (src/plan/open.ts kindOf says it in English). */
const KINDS: Record<string, string> = { 'a named pipe': '命名管道', 'a character device': '字符设备', 'a block device': '块设备', 'a socket': '套接字', 'not a regular file': '非普通文件' };

/** What a part of a plan file is called (validate's messages). */
const KIND: Record<ItemKind, string> = { plan: '计划', department: '单位', part: '部分', section: '节', task: '任务', note: '说明', role: '分工' };
const A_KIND: Record<ItemKind, string> = { plan: '计划', department: '一个单位', part: '一个部分', section: '一节', task: '一项任务', note: '一条说明', role: '一项分工' };
type Of = { what: string };
const list = (words: readonly string[]) => words.join('、');
/** A list the lower layers joined in English (`1 (一、), 2 (二、)`, `zh, en`), punctuated in Chinese. */
const chineseList = (text: string) => text.replace(/ \(([^()]*)\)/g, '（$1）').replace(/, /g, '、');
const orList = (words: readonly string[]) => words.join('、').replace(/、([^、]+)$/, ' 或 $1');
const someOf = (ids: number[]) => (ids.length === 0 ? '无' : ids.length > 10 ? `${ids.slice(0, 10).join('、')}……（共 ${ids.length} 个）` : ids.join('、'));

/**
 * The yaml library's own messages (English) in Chinese, the common ones; any other is shown as yaml says it,
 * marked as a YAML error.
 */
const FLOW: Record<string, string> = { 'flow map': '花括号映射', 'flow sequence': '方括号列表', 'flow collection': '花括号或方括号' };
const flow = (name: string) => FLOW[name] ?? name;
/** yaml's token types, as its messages name them. */
const TOKENS: Record<string, string> = {
  scalar: '值', alias: '别名', anchor: '锚点', tag: '标签', comment: '注释', comma: '逗号', 'seq-item-ind': '列表项标记“-”',
  'block-seq-ind': '列表项标记“-”', 'map-value-ind': '冒号', 'explicit-key-ind': '问号“?”', 'flow-map-start': '“{”', 'flow-map-end': '“}”',
  'flow-seq-start': '“[”', 'flow-seq-end': '“]”', 'doc-start': '“---”', 'doc-end': '“...”', 'block-scalar-header': '块标量标记（| 或 >）',
  'directive-line': '指令', 'flow-collection': '花括号或方括号', 'block-map': '映射', 'block-seq': '列表', ',': '逗号',
};
const token = (name: string) => TOKENS[name] ?? name;
const YAML_SAYS: [RegExp, (...groups: string[]) => string][] = [
  [/^Map keys must be unique/, () => '同一映射中的键不能重复'],
  [/^Flow sequence in block collection must be sufficiently indented and end with a \]/, () => '方括号列表须比所在的键缩进更深，并以 ] 结束'],
  [/^Flow map(?:ping)? in block collection must be sufficiently indented and end with a \}/, () => '花括号映射须比所在的键缩进更深，并以 } 结束'],
  [/^Flow sequence must end with a \]/, () => '方括号列表须以 ] 结束'],
  [/^Flow map must end with a \}/, () => '花括号映射须以 } 结束'],
  [/^Tabs are not allowed as indentation/, () => '不能用制表符（Tab）缩进'],
  [/^Implicit keys (?:of flow sequence pairs )?need to be on a single line/, () => '键须写在一行之内'],
  [/^Implicit map keys need to be followed by map values/, () => '键后须有冒号和值'],
  [/^Missing closing "quote/, () => '缺少结尾的双引号 "'],
  [/^Missing closing 'quote/, () => "缺少结尾的单引号 '"],
  [/^Missing , or : between (.+) items/, (name) => `${flow(name!)}的各项之间缺少 , 或 :`],
  [/^Missing , between (.+) items/, (name) => `${flow(name!)}的各项之间缺少逗号`],
  [/^Missing space after : in (.+)/, (name) => `${flow(name!)}中的冒号后须有空格`],
  [/^Unexpected , in (.+)/, (name) => `${flow(name!)}中有多余的逗号`],
  [/^Unexpected empty item in (.+)/, (name) => `${flow(name!)}中有空项`],
  [/^Nested mappings are not allowed in compact mappings/, () => '紧凑写法的映射中不能再嵌套映射'],
  [/^Block collections are not allowed within flow collections/, () => '花括号或方括号中不能用分行缩进的写法'],
  [/^All (sequence|mapping|collection) items must start at the same column/, (kind) => `${kind === 'sequence' ? '列表' : kind === 'mapping' ? '映射' : ''}各项须从同一列开始`],
  [/^Sequence item without - indicator/, () => '列表项缺少 - 标记'],
  [/^A block sequence may not be used as an implicit map key/, () => '块列表不能用作键'],
  [/^Comments must be separated from other tokens by white space characters/, () => '注释的 # 前须有空格'],
  [/^Plain value cannot start with (?:.* )?(\S+)$/, (c) => `不加引号的值不能以 ${c} 开头（请给值加引号）`],
  [/^Block scalar header includes extra characters: (.+)/, (extra) => `块标量标记（| 或 >）后不能有其他字符：${extra}`],
  [/^Invalid escape sequence (.+)/, (e) => `无效的转义序列 ${e}`],
  [/^Unresolved tag: (.+)/, (tag) => `无法识别的标签 ${tag}`],
  [/^Unknown directive (.+)/, (directive) => `无法识别的指令 ${directive}`],
  [/^(?:Alias|Anchor) ending in : is ambiguous/, () => '别名或锚点不能以冒号结尾'],
  [/^A node can have at most one anchor/, () => '一个值最多只能有一个锚点'],
  [/^A node can have at most one tag/, () => '一个值最多只能有一个标签'],
  [/^Excessive alias count indicates a resource exhaustion attack/, () => '别名过多（可能是耗尽资源的攻击）'],
  [/^Unresolved alias \(the anchor must be set before the alias\): (.+)/, (name) => `别名 ${name} 没有对应的锚点（锚点须写在别名之前）`],
  [/^Not a YAML token: (.+)/, (text) => `无法按 YAML 读取：${text}`],
  [/^Unexpected (\S+) token(?: in YAML stream)?$/, (what) => `此处不应出现${token(what!)}`],
  [/^Unexpected (\S+) at node end$/, (what) => `值的末尾不应出现${token(what!)}`],
  [/^Unexpected (\S+) on same line with key$/, (what) => `${token(what!)}不能与键写在同一行`],
  [/^Unexpected (.+?) in (.+)$/, (what, where) => `${flow(where!)}中不应出现${token(what!)}`],
];
function yamlSays(text: string): string {
  for (const [pattern, say] of YAML_SAYS) {
    const found = pattern.exec(text);
    if (found) return say(...found.slice(1));
  }
  return `YAML 写法有误（${text}）`;
}

/** commander's placeholders in help (`[options]`, `<file>`), some by the option they follow (`--limit <n>`). */
const PLACEHOLDERS: Record<string, string> = {
  options: '选项', command: '命令', file: '文件', format: '格式', when: '何时', language: '语言', name: '单位', n: '编号',
  '--limit n': '条数', text: '文字', plan: '计划', view: '统计', query: '查询', id: '编号', document: '原文', shell: 'shell', words: '词',
};

const RESPONSIBILITY: Record<string, string> = { sole: '负责', shared: '按职责分工负责', led: '牵头', guided: '指导' };

export const zh: Catalogue = {
  'program.description': '在终端查询《重庆市贯彻实施质量发展纲要2016年行动计划》（或同一格式的任何计划文件）。',

  'help.usage': '用法：',
  'help.arguments': '参数：',
  'help.options': '选项：',
  'help.commands': '命令：',
  'help.globalOptions': '全局选项：',
  'help.examples': '示例：',
  'help.help': '显示该命令的帮助',
  'help.helpCommand': '显示某个命令的帮助',
  'help.version': '显示版本号',
  'help.placeholder': ({ name, option }: { name: string; option?: string }) => PLACEHOLDERS[`${option} ${name}`] ?? PLACEHOLDERS[name] ?? name,
  'help.default': ({ value }: { value: string }) => `（默认：${value}）`,

  'command.tasks': '列出符合全部筛选条件的任务（不加条件：全部任务）',
  'command.search': '按与查询的相关程度排列任务：词、问句、粘贴的句子、拼音或繁体字均可，最相关的在前，并标出匹配之处',
  'command.show': '显示任务全文：部分、节、内容、责任单位、职责',
  'command.dept': '某个单位的任务清单：独自负责的、与他人分工负责的，以及与谁合作',
  'command.depts': '所有单位及其任务数（合计、负责、分工负责），多者在前',
  'command.outline': '部分 → 节 → 任务编号及数量',
  'command.stats': '谁承担计划：各单位工作量、单位 × 部分、谁与谁合作',
  'command.validate': '检查计划文件（默认为正在使用的计划），每个问题以 文件:行:列 报告',
  'command.import': '把计划文件原文（.txt、.docx、.html）转为计划文件：YAML 输出到标准输出或 -o 文件，摘要输出到标准错误',
  'command.completion': '输出命令行补全脚本（bash、zsh 或 fish）：命令、选项、单位名称',
  'command.complete': '供补全脚本使用的词',

  'argument.department': '单位名称，按您习惯的写法',
  'argument.query': '要查找的内容：词、问句或句子；空格和标点分隔各词',
  'argument.ids': '任务编号：37，范围 37-40，列表 37,38',
  'argument.document': '原文：UTF-8 或 GB18030/GBK 文本、.docx 或网页（.html）；- 表示标准输入',
  'option.output': '把计划文件写到此文件而不是标准输出（绝不覆盖原文）',
  'option.allowEmpty': '原文没有任何责任单位标注时只导入标题，而不是以退出码 1 结束',
  'option.force': '-o 的文件已存在时替换它（不加此项时从不覆盖已有文件）',
  'argument.planFile': '计划文件或文件夹，- 表示标准输入（默认：--plan、$PLAN_FILE，否则为自带的 plan.yaml）',
  'usage.emptyFile': '计划文件名为空：请给出文件或文件夹，或用 - 表示标准输入',
  'usage.filesAndPlan': ({ files, plan }: { files: string; plan: string }) => `${files} 与 --plan ${plan} 都指定了要读取的文件：请只给一次，作为参数或用 --plan`,
  'validate.othersValid': ({ n, files }: { n: number; files: string }) => `有效：${files}（${n} 个文件）`,
  'argument.shell': 'bash、zsh 或 fish',
  'argument.words': '要列出的内容：departments（单位）',

  'option.plan': '要读取的计划文件或计划文件夹，- 表示标准输入（可重复，同时载入多个；默认：$PLAN_FILE，否则为自带的 plan.yaml）',
  'option.format': '输出格式：table、tsv、json、ndjson、csv、markdown、yaml（默认：终端上为 table，否则为 tsv）',
  'option.json': '等同于 --format json',
  'option.header': 'tsv：首行输出列名',
  'option.noBom': 'csv：不写字节顺序标记（仅在写入文件和终端时才写）',
  'option.color': '颜色：auto、always 或 never（auto：终端上显示，NO_COLOR 时不显示；FORCE_COLOR=1 强制显示）',
  'option.noColor': '等同于 --color never',
  'option.noPager': '终端上的长输出不经分页程序（默认分页程序：$PAGER，否则为 less -R）',
  'option.lang': '界面语言：zh 或 en（默认依次取 PLAN_LANG、LC_ALL、LC_MESSAGES、LANG）',
  'option.dept': '单位，按您习惯的写法：质监局、zhijianju、重庆市质量技术监督局（可重复或以逗号分隔：任一）',
  'option.part': '部分：三、3、三、，标题中的词，或从 plan outline 复制的标题',
  'option.section': '节：（八）、八、8、第八，标题中的词，或从 plan outline 复制的标题（可重复：任一）',
  'option.keyword': '任务内容中的文字（可重复：须全部包含）',
  'option.sole': '只列单位独自负责的任务（负责）',
  'option.shared': '只列多个单位分工负责的任务（按职责分工负责）',
  'option.lead': '只列有牵头单位的任务（牵头）；与 --dept 同用时，只列该单位牵头的任务',
  'option.limit': '最多列出这么多条',
  'option.view': '只看一种统计：workload、matrix、pairs、partners 或 sections（默认：全部）',
  'option.outlinePart': '只看这一部分：三、3、三、或标题中的词',

  'column.id': '编号',
  'column.section': '节',
  'column.responsibility': '职责',
  'column.departments': '责任单位',
  'column.text': '内容',
  'column.score': '相关度',
  'column.with': '合作单位',
  'column.department': '单位',
  'column.total': '合计',
  'column.sole': '负责',
  'column.headings': '所在标题',
  'column.leads': '牵头单位',
  'column.roles': '分工',
  'column.scope': '适用范围',
  'column.deadline': '时限',
  'column.implied': '另由（说明）',
  'column.lead': '牵头',
  'column.ledGuided': '牵头/指导类',
  'column.shared': '分工负责',
  'column.share': '占比',
  'column.part': '部分',
  'column.partTitle': '部分标题',
  'column.sectionTitle': '节标题',
  'column.count': '数量',
  'column.tasks': '任务',
  'column.partner': '合作单位',
  'column.title': '部分 / 节',
  'column.taskCount': '任务数',
  'column.departmentCount': '单位数',
  'column.groupCount': '群组数',
  'column.file': '文件',
  'column.line': '行',
  'column.column': '列',
  'column.message': '问题',

  'value.responsibility': ({ value }: { value: string }) => RESPONSIBILITY[value] ?? value,
  'list.comma': '，',

  'n.task': ({ n }: N) => `${n} 项任务`,
  'n.section': ({ n }: N) => `${n} 节`,
  'n.part': ({ n }: N) => `${n} 个部分`,
  'n.department': ({ n }: N) => `${n} 个单位`,
  'n.problem': ({ n }: N) => `${n} 个问题`,
  'n.pair': ({ n }: N) => `${n} 对`,

  'department.groupLabel': ({ name }: { name: string }) => `${name}（群组）`,
  'department.unconfirmed': '（全称未经确认）',
  'department.isGroup': '（代表多个单位的群组）',
  'department.departments': '单位',
  'department.groups': '单位群组（每个代表多个单位）',
  'dept.summary': ({ total, sole, shared }: { total: number; sole: number; shared: number }) =>
    `${total} 项任务：独自负责 ${sole} 项，按职责分工负责 ${shared} 项`,
  'dept.oftenWith': ({ list }: { list: string }) => `合作最多：${list}`,
  'dept.leadSummary': ({ leads, together, other }: { leads: number; together: number; other: number }) =>
    [`牵头 ${leads} 项`, ...(together ? [`与其他单位共同负责 ${together} 项`] : []), ...(other ? [`指导或参与 ${other} 项`] : [])].join('；'),
  'dept.together': ({ n }: N) => `与其他单位共同负责（A、B负责）：${n} 项`,
  'dept.leads': ({ n }: N) => `牵头：${n} 项`,
  'dept.other': ({ n }: N) => `指导或参与（指导/参与/配合）：${n} 项`,
  'dept.implied': ({ n }: N) => `文件说明所指、任务中未列出：${n} 项`,
  'dept.impliedSummary': ({ n, notes }: { n: number; notes: string }) => `另有 ${n} 项任务由文件说明归于该单位，任务中未列出：${notes}`,
  'dept.alone': ({ n }: N) => `负责：${n} 项`,
  'dept.shared': ({ n }: N) => `按职责分工负责：${n} 项`,

  'outline.title': ({ title, parts, sections, tasks }: { title: string; parts: number; sections: number; tasks: number }) =>
    `${title}：${parts} 个部分，${sections} 节，${tasks} 项任务`,
  'outline.partTasks': ({ n }: N) => `（${n} 项任务）`,
  'outline.tasks': ({ n, ids }: { n: number; ids: string }) => `${n} 项任务：${ids}`,

  'stats.all': ({ n }: N) => `全部 ${n} 项任务`,
  'stats.filtered': ({ n, of }: { n: number; of: number }) => `${of} 项任务中筛选出的 ${n} 项`,
  'stats.workload': ({ about }: { about: string }) => `各单位工作量，${about}`,
  'stats.matrix': ({ about }: { about: string }) => `各单位在各部分的任务数，${about}`,
  'stats.pairs': ({ about }: { about: string }) => `共同承担任务最多的单位，${about}`,
  'stats.tooManyPairs': ({ n, most }: { n: number; most: number }) => `这些任务中各单位两两同列 ${n.toLocaleString('en')} 次，组合太多，无法统计（至多 ${most.toLocaleString('en')}）：请用 --part、--section 或 --keyword 缩小范围，或用 --dept 看一个单位与谁合作`,
  'stats.pairsCut': ({ shown, n }: { shown: number; n: number }) => `${n} 对中的前 ${shown} 对（plan stats --view pairs --format tsv 列出全部）`,
  'stats.partners': ({ name, n }: { name: string; n: number }) => `${name}的合作单位，共 ${n} 项任务`,
  'stats.sections': ({ about }: { about: string }) => `各部分、各节的任务和单位，${about}`,
  'stats.partnersOne': 'partners 统计针对一个单位：请只给一个 --dept 单位',

  'validate.valid': ({ file, summary }: { file: string; summary: string }) => `${file}：有效，${summary}`,
  'validate.invalid': ({ file, n }: { file: string; n: number }) => `${file} 不是有效的计划文件（${n} 个问题）`,
  'validate.more': ({ n }: N) => `……另有 ${n} 个问题`,

  'note.limited': ({ shown, of }: { shown: number; of: number }) => `${of} 项中的前 ${shown} 项（--limit）`,
  'empty.tasks': '没有符合这些条件的任务',
  'empty.search': ({ query }: { query: string }) => `计划中没有与“${query}”相符的内容`,
  'empty.termAlone': ({ term, n }: { term: string; n: number }) => `${term} ${n} 项`,
  'empty.termsApart': ({ list }: { list: string }) => `；没有同时含有各个词的任务，单独搜索时：${list}`,
  'empty.searchFiltered': ({ query, n }: { query: string; n: number }) =>
    n === 0 ? `没有任务符合筛选条件，因此没有搜索“${query}”` : `在符合筛选条件的 ${n} 项任务中，没有与“${query}”相符的内容`,
  'empty.dept': ({ name }: { name: string }) => `${name} 在本计划中没有任务`,
  'empty.depts': '计划中没有列出单位',
  'empty.outline': '计划中没有部分',
  'empty.show': '没有任务',

  'part.unknown': ({ input, known }: { input: string; known: string }) => `没有部分“${input}”：计划的部分为 ${chineseList(known)}`,
  'part.ambiguous': ({ input, list }: { input: string; list: string }) => `部分“${input}”可能是 ${list}：请给出编号`,
  'section.unknown': ({ input, ids }: { input: string; ids: string }) => `没有节“${input}”：计划的节为 ${ids}（plan outline 列出全部）`,
  'section.noTitle': ({ input, example }: { input: string; example: string }) =>
    `没有哪一节的标题包含“${input}”：请给出编号，如 ${example}、八 或 8（plan outline 列出全部）`,
  'section.notInPart': ({ section, label, actual, part }: { section: string; label: string; actual: string; part: string }) =>
    `节 ${section} 不在第${part}部分：${label}在第${actual}部分（plan outline --part ${part} 列出第${part}部分的各节）`,
  'task.unknownIn': ({ input, plan, range }: { input: string; plan: string; range: string }) => `没有任务 ${input}：${plan} 的任务编号为 ${range}`,
  'task.unknownAcross': ({ input, n, each }: { input: string; n: number; each: string }) => `${n} 个计划中都没有第 ${input} 项任务：各计划的任务编号为 ${each}`,
  'task.unknown': ({ input, range }: { input: string; range: string }) => `没有第 ${input} 项任务：计划的任务编号为 ${range}`,
  'task.reversedRange': ({ input, from, to }: { input: string; from: number; to: number }) => `范围 ${input} 是倒过来的：范围从小号写到大号（${from}-${to}）`,
  'task.badId': ({ input }: { input: string }) => `“${input}”不是任务编号：请给出编号如 37，范围如 37-40，或列表如 37,38`,
  'limit.bad': ({ input }: { input: string }) => `--limit 须为从 1 起的整数，如 10，而不是“${input}”`,
  'filter.soleShared': '--sole 与 --shared 互相排斥：请只给其中一个',
  'filter.deptEmpty': ({ value }: { value: string }) => `--dept "${value}" 没有给出单位：请给一个名称，例如 --dept 质监局（plan depts 列出全部）`,
  'dept.alsoAs': ({ other, name, where }: { other: string; name: string; where: string }) =>
    `${other} 另列（${where}），可能与 ${name} 是同一单位：plan dept ${other} 列出其任务，plan tasks --dept ${name},${other} 列出两者的任务`,
  'dept.severalNames': ({ n, each, list }: { n: number; each: string; list: string }) =>
    `plan dept 只查一个单位，这里给了 ${n} 个：要看其中任一单位的任务，用 plan tasks ${each}（或 --dept ${list}）`,
  'filter.keywordEmpty': '--keyword 为空：请给出要查找的文字，如 --keyword 电梯',
  'format.notApplicable': ({ command, format, writes }: { command: string; format: string; writes: string }) => `${command} 输出的是 ${writes}：${format} 不适用`,
  'writes.planFile': 'YAML 格式的计划文件',
  'writes.script': 'shell 脚本',
  'format.onlyOne': ({ format, option, names, formats }: { format: string; option: string; names: string; formats: string }) =>
    `--format ${format} 只能容纳一张表：请用 ${option} ${names} 选一种，或用 --format ${formats} 输出全部`,
  'completion.badShell': ({ shell }: { shell: string }) => `没有“${shell}”的补全脚本：请给出 bash、zsh 或 fish`,
  'complete.badWords': ({ words }: { words: string }) => `无法补全“${words}”：请给出 departments`,

  'file.missing': ({ file, from }: { file: string; from?: 'option' | 'env' | 'argument' }) =>
    from === 'env' ? `计划文件 ${file}（来自 PLAN_FILE）不存在：请把 PLAN_FILE 设为已有的文件，或取消设置以使用自带的计划`
      : from === 'argument' ? `计划文件 ${file} 不存在：请给出已有的文件（plan validate 不带文件时检查正在使用的计划）`
        : `计划文件 ${file} 不存在：请用 --plan 文件 给出已有的文件`,
  'file.denied': ({ file }: { file: string }) => `无法读取计划文件 ${file}：没有权限`,
  'file.directory': ({ file }: { file: string }) => `${file} 是目录，不是计划文件`,
  'file.openFailed': ({ file, reason }: { file: string; reason: string }) => `无法打开计划文件 ${file}：${reason}`,
  'file.readFailed': ({ file, reason }: { file: string; reason: string }) => `无法读取计划文件 ${file}：${reason}`,
  'file.tooLarge': ({ file, size, most }: { file: string; size: number; most: number }) => `${file} 有 ${size} MB；计划文件最大 ${most} MB`,
  'file.larger': ({ file, most }: { file: string; most: number }) => `${file} 超过 ${most} MB，即计划文件的上限`,
  'file.binary': ({ file }: { file: string }) => `${file} 不是文本文件（含有 NUL 字节）；计划文件是 UTF-8 编码的 YAML`,
  'file.notUtf8': ({ file }: { file: string }) => `${file} 不是 UTF-8 文本；请另存为 UTF-8（计划文件是 UTF-8 编码的 YAML）`,
  'file.empty': ({ file }: { file: string }) => `${file} 是空的；计划文件需要标题、单位、部分、节和任务`,
  'file.stdinTimeout': ({ file, seconds }: { file: string; seconds: number }) => `${file} 在 ${seconds} 秒内没有结束：请把完整的计划文件送给它`,
  'file.nothingToRead': ({ file }: { file: string }) => `${file} 没有可读的内容（是设备或内核文件？）；计划文件是 YAML 文本文件`,
  'file.notDirectory': ({ file }: { file: string }) => `计划文件 ${file} 不存在：其路径中有一部分不是目录`,
  'file.nameTooLong': ({ file }: { file: string }) => `计划文件名太长：${file}`,
  'file.loop': ({ file }: { file: string }) => `计划文件 ${file} 是循环的符号链接`,
  'file.special': ({ file, kind, pipe }: { file: string; kind: string; pipe: boolean }) =>
    `${file} 是${KINDS[kind] ?? kind}，不是计划文件${pipe ? '；要从管道读取计划，请用 --plan - 并把计划送到标准输入' : ''}`,
  'document.special': ({ file, kind }: { file: string; kind: string }) => `${file} 是${KINDS[kind] ?? kind}，不是文档：plan import 读取 .txt、.docx 和 .html 文件（请先存为文件）`,
  'file.kernel': ({ file }: { file: string }) => `${file} 是内核文件（/proc、/sys），不是计划文件`,
  'file.stdinTerminal': '--plan - 从标准输入读取计划，而这里的标准输入是终端：请送入文件（plan tasks --plan - < plan.yaml）',
  'file.utf32Length': ({ file }: { file: string }) => `${file} 不是完整的 UTF-32 文本（长度不是 4 字节的倍数）；请另存为 UTF-8`,
  'file.utf32Invalid': ({ file, at }: { file: string; at: number }) => `${file} 不是有效的 UTF-32 文本（第 ${at} 字节）；请另存为 UTF-8`,
  'file.badEncoding': ({ file, label }: { file: string; label: string }) => `${file} 不是有效的 ${label} 文本；请另存为 UTF-8`,
  'file.utf16NoBom': ({ file }: { file: string }) => `${file} 像是没有字节顺序标记的 UTF-16 文本；请另存为 UTF-8`,
  'file.nulOnLine': ({ file, line }: { file: string; line: number }) => `${file} 不是文本文件（含有 NUL 字节，第一个在第 ${line} 行）；计划文件是 UTF-8 编码的 YAML`,
  'file.gbk': ({ file, shown }: { file: string; shown: string }) => `${file} 不是 UTF-8 而是 GBK/GB18030（中文 Windows 的“ANSI”）；请转换：iconv -f GB18030 -t UTF-8 ${shown} > plan-utf8.yaml`,
  'file.nulCharacters': ({ file }: { file: string }) => `${file} 不是文本文件（含有 NUL 字符）；计划文件是 UTF-8 编码的 YAML`,
  'plan.syntax': ({ file, line, column, message, again }: { file: string; line: number; column: number; message: string; again?: string }) =>
    `${file}:${line}:${column}：${message}（YAML 语法错误：修改后运行 plan validate ${again ?? file}）`,
  'plan.invalid': ({ file, n, again }: { file: string; n: number; again?: string }) => `${file} 不是有效的计划文件（${n} 个问题）；请修改后运行：plan validate ${again ?? file}`,
  'file.stdin': '标准输入',

  'subject.plan': '计划',
  'subject.numbered': ({ kind, id }: { kind: ItemKind; id: number }) =>
    kind === 'task' ? `第 ${id} 项任务` : kind === 'part' || kind === 'section' ? `第 ${id} ${KIND[kind]}` : `${KIND[kind]} ${id}`,
  'subject.named': ({ kind, name }: { kind: ItemKind; name: string }) => `${KIND[kind]}“${name}”`,
  'subject.unnamed': ({ kind }: { kind: ItemKind }) => A_KIND[kind],
  'subject.role': ({ task }: { task: string }) => `${task}的一项分工`,
  'expected.string': '文字',
  'expected.strings': '文字列表',
  'expected.id': '从 1 起的整数',
  'expected.boolean': ' true 或 false',
  'expected.responsibility': ({ words }: { words: readonly string[] }) => ` ${orList(words)}`,
  'expected.list': '列表',
  'expected.number': '文字（原文的编号）或 null（无编号）',
  'expected.role': ({ words }: { words: readonly string[] }) => ` ${orList(words)}`,
  'found.nothing': '空值',
  'found.list': '列表',
  'found.mapping': '映射',
  'found.text': ({ text }: { text: string }) => `“${text}”`,
  'found.value': ({ value }: { value: string }) => value,
  'problem.notMapping': ({ what, fields, found }: Of & { fields: string[]; found: string }) => `${what}应为映射（含 ${list(fields)}），实为${found}`,
  'problem.unknownKey': ({ what, key, known }: Of & { key: string; known: string[] }) => `${what}中有未知的键“${key}”（可用的键：${list(known)}）`,
  'problem.badValue': ({ what, key, expected, found }: Of & { key: string; expected: string; found: string }) => `${what}的 ${key} 应为${expected}，实为${found}`,
  'problem.missingKey': ({ what, key }: Of & { key: string }) => `${what}缺少 ${key}`,
  'problem.duplicateId': ({ kind, id }: { kind: ItemKind; id: number }) => `${KIND[kind]}编号 ${id} 重复`,
  'problem.date': ({ value }: { value: string }) => `date 应写作 YYYY-MM-DD，实为“${value}”`,
  'problem.duplicateDepartment': ({ name }: { name: string }) => `单位“${name}”重复列出`,
  'problem.nameTaken': ({ name, owner }: { name: string; owner: string }) => `“${name}”已是“${owner}”的名称：一个名称或别名只能指向一个单位`,
  'problem.unregistered': ({ what, name }: Of & { name: string }) => `${what}所列的单位“${name}”不在单位名单（departments）中`,
  'problem.listedTwice': ({ what, name }: Of & { name: string }) => `${what}两次列出“${name}”`,
  'problem.sectionPart': ({ section, part, parts }: { section: number; part: number; parts: number[] }) =>
    `第 ${section} 节所属的第 ${part} 部分在计划中不存在（现有部分：${someOf(parts)}）`,
  'problem.taskSection': ({ what, section }: Of & { section: number }) => `${what}所属的第 ${section} 节在计划中不存在`,
  'problem.taskPart': ({ what, part, parts }: Of & { part: number; parts: number[] }) => `${what}所属的第 ${part} 部分在计划中不存在（现有部分：${someOf(parts)}）`,
  'problem.partMismatch': ({ what, part, section, sectionPart }: Of & { part: number; section: number; sectionPart?: number }) =>
    `${what}写明属于第 ${part} 部分，但其所在的第 ${section} 节${sectionPart === undefined ? '不属于任何部分' : `属于第 ${sectionPart} 部分`}：只写节即可`,
  'problem.noDepartment': ({ what }: Of) => `${what}没有列出责任单位`,
  'problem.leadNotNamed': ({ what, name }: Of & { name: string }) => `${what}的牵头单位“${name}”不在其责任单位中`,
  'problem.roleNotNamed': ({ what, name }: Of & { name: string }) => `${what}为“${name}”规定了分工，但它不在其责任单位中`,
  'problem.noteTask': ({ task }: { task: number }) => `一条说明所指的第 ${task} 项任务在计划中不存在`,
  'problem.synonyms': ({ found }: { found: string }) => `synonyms 的每一项应为两个或以上同义词的列表，如 [电商, 电子商务]；实为${found}`,
  'problem.at': ({ file, line, column, problem }: { file: string; line: number; column: number; problem: string }) => `${file}:${line}:${column}：${problem}`,
  'validate.warning': ({ file, warning }: { file: string; warning: string }) => `${file}：警告：${warning}`,

  'confusable.lookAlike': ({ name, department, other, otherDepartment, codes }: { name: string; department: string; other: string; otherDepartment: string; codes: string }) =>
    `“${name}”（${department}）与“${other}”（${otherDepartment}）看起来相同，但所用字符不同（${codes}）：读者无法分辨`,
  'confusable.invisible': ({ name, department, codes }: { name: string; department: string; codes: string }) =>
    `“${name}”（${department}）含有看不见的字符（${codes}）：请删除`,
  'confusable.compatibility': '兼容字符',

  'yaml.says': ({ text }: { text: string }) => yamlSays(text),
  'yaml.tokens': ({ most }: { most: number }) => `读到此处停止：文件中的 YAML 记号超过 ${most.toLocaleString('en')} 个（10 万项任务的计划约有 460 万个）`,
  'yaml.cpu': ({ seconds }: { seconds: number }) => `读取 ${seconds} 秒后在此停止：这段 YAML 过于复杂，不像计划文件（10 万项任务的计划约需 3 秒）`,
  'yaml.documents': '文件中有不止一个 YAML 文档（计划文件只能有一个）',
  'yaml.depth': ({ most }: { most: number }) => `YAML 嵌套过深（计划最多嵌套 ${most} 层）`,
  'yaml.duplicateKey': ({ key }: { key?: string }) => (key === undefined ? '同一映射中的键不能重复' : `键“${key}”出现了两次：同一映射中的键不能重复`),
  'yaml.aliasBomb': 'YAML 别名展开后的文字超过计划文件所能容纳的量（别名炸弹？）',
  'yaml.alias': ({ text }: { text: string }) => `无法展开 YAML 别名：${yamlSays(text)}`,
  'yaml.whole': ({ mb, reason }: { mb: number; reason: string }) => `此文件用到的 YAML 写法，plan 只在 ${mb} MB 以内的文件中读取（${reason}）`,
  'yaml.wholeReason': '指令、文档标记、显式键，或顶层不是块映射',
  'yaml.anomaly.aliases': '别名引用了文件中别处的锚点',
  'yaml.anomaly.list': '不寻常的列表',
  'yaml.anomaly.top': '不寻常的顶层',

  'query.tooLong': ({ length, most }: { length: number; most: number }) => `查询有 ${length} 个字符；请少于 ${most} 个`,
  'query.empty': '查询中没有可查找的词：请至少给一个，例如 plan search 电梯',
  'query.tooManyTerms': ({ n, most }: { n: number; most: number }) => `查询有 ${n} 个词；最多 ${most} 个`,


  'usage.unknownCommand': ({ name, suggestion }: { name: string; suggestion?: string }) =>
    `没有命令“${name}”${suggestion ? `：您是不是要用 ${suggestion}？` : ''}（plan --help 列出全部命令）`,
  'usage.unknownOption': ({ option, command, suggestion }: { option: string; command: string; suggestion?: string }) =>
    `没有选项 ${option}${suggestion ? `：您是不是要用 ${suggestion}？` : ''}（${command} --help 列出全部选项）`,
  'usage.missingArgument': ({ name, command }: { name: string; command: string }) => `${command} 需要参数 <${name}>（${command} --help 说明用法）`,
  'usage.missingValue': ({ option, command }: { option: string; command: string }) => `${option} 需要一个值（${command} --help 说明用法）`,
  'usage.excessArguments': ({ command, extra }: { command: string; extra: string }) => `${command} 不接受“${extra}”（${command} --help 说明用法）`,
  'usage.badValue': ({ option, value, choices, suggestion }: { option: string; value: string; choices: string; suggestion?: string }) =>
    `${option} ${value} 不是 ${chineseList(choices)} 之一${suggestion ? `：您是不是要用 ${chineseList(suggestion)}？` : ''}`,
  'usage.repeated': ({ option }: { option: string }) => `${option} 给了两次：请只给一次`,
  'usage.conflict': ({ option, earlier }: { option: string; earlier: string }) => `${option} 与 ${earlier} 设定的是同一件事：请只给其中一个`,

  // Words made in both languages where the facts are (the department resolver's notes and refusals).
  said: ({ zh }: { en: string; zh: string }) => zh,

  'output.failed': ({ code, message }: { code: string; message: string }) =>
    `无法写出输出：${code === 'ENOSPC' ? '设备上没有剩余空间' : code === 'EIO' ? '输入/输出错误' : code === 'EFBIG' ? '文件过大' : message}（${code}）`,
  'output.cannotWrite': ({ file, code, reason }: { file: string; code?: string; reason: string }) => `无法写入 ${file}：${WRITE_FAILURES[code ?? '']?.zh ?? reason}${code && WRITE_FAILURES[code] ? `（${code}）` : ''}`,
  'error.internal': ({ message }: { message: string }) => `内部错误：${message}`,
  'error.debugHint': '（加 --debug 重新运行可查看详情）',

  'command.plans': '已载入的计划（--plan 文件或文件夹，可重复）：编号、文号、日期、任务数、单位数、标题',
  'option.in': '只列这些计划的任务（载入多个计划时），按编号、文件、文号或标题中的词（可重复，或 A,B：任一；plan plans 列出全部）',
  'argument.planIds': '任务编号：37，范围 37-40，列表 37,38；多个计划时写 计划:编号（gf2018-39:3、gf2018-39:3-5）',
  'plans.unknown': ({ input, known }: { input: string; known: string }) => `没有载入计划“${input}”：请给出计划的编号、文件、文号或标题中的词（已载入：${known}；plan plans 列出全部）`,
  'plans.rangeAcross': ({ input, example }: { input: string; example: string }) => `${input} 从一个计划跨到另一个计划：范围只能是同一计划的任务，例如 ${example}`,
  'plans.titleAmbiguous': ({ input, ids }: { input: string; ids: string }) => `“${input}”出现在多个计划的标题或文号中：请给出其中之一 ${ids}`,
  'plans.taskInSeveral': ({ input, n, choices }: { input: string; n: number; choices: string }) => `任务“${input}”在 ${n} 个计划中都有：请给出其中之一 ${choices}`,
  'plans.noPlanFile': ({ folder, example }: { folder: string; example: string }) => `文件夹 ${folder} 中没有计划文件（*.yaml 或 *.yml）：可用 plan import 文档 -o ${example} 导入`,
  'plans.folderUnreadable': ({ folder, reason }: { folder: string; reason: string }) => `无法读取文件夹 ${folder}：${reason}`,
  'plans.summary': ({ n, tasks }: { n: number; tasks: number }) => `${n} 个计划，${tasks} 项任务${n > 1 ? '；任务编号前加计划编号：plan show 计划:编号' : ''}`,
  'plans.skipped': ({ files }: { files: string }) => `未读取（不是 *.yaml 或 *.yml）：${files}`,
  'plans.dutiesIn': ({ n, of }: { n: number; of: number }) => `涉及 ${of} 个计划中的 ${n} 个：`,
  'plans.duties': ({ leads, sole, together, shared, other }: Record<'leads' | 'sole' | 'together' | 'shared' | 'other', number>) =>
    [leads && `牵头 ${leads}`, sole && `负责 ${sole}`, together && `与其他单位共同负责 ${together}`, shared && `按职责分工负责 ${shared}`, other && `指导或参与 ${other}`].filter(Boolean).join('，'),
  'plans.inPlans': ({ n }: N) => `（${n} 个计划）`,
  'stats.matrixPlans': ({ about }: { about: string }) => `各单位在各计划中的任务数，${about}`,
  'stats.sectionsPlans': ({ about }: { about: string }) => `各计划各部分、各节的任务数和单位数，${about}`,
  'column.plan': '计划',
  'column.plans': '计划数',
  'column.number': '文号',
  'column.planTitle': '标题',
  'column.date': '日期',
  'empty.deptPlans': ({ name }: { name: string }) => `${name} 在这些计划中没有任务`,
  'empty.plans': '没有载入计划',
  'empty.outlinePlans': '没有计划有这一部分',
};
