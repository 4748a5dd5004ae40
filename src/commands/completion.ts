// `plan completion bash|zsh|fish`: a completion script made from the commands' own specs, so that it lists what
// the CLI takes; department names come at completion time from `plan __complete departments`, for the plan in use
// (PLAN_FILE, or the --plan on the line being completed).
import { PlanError } from '../errors.js';
import { msg, type Translate } from '../i18n/index.js';
import { GLOBAL_OPTIONS, type Command, type OptionSpec } from './command.js';
import { COMMANDS } from './index.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/** What completes an option's value: fixed words, file names, department names, or nothing to offer. */
type Values = { words: readonly string[] } | 'files' | 'departments' | 'none';

function valuesOf(spec: OptionSpec): Values | undefined {
  if (!spec.flags.includes('<')) return undefined;
  if (spec.choices) return { words: spec.choices };
  if (spec.flags.includes('--plan')) return 'files';
  if (spec.flags.includes('--dept')) return 'departments';
  return 'none';
}

/** `-d, --dept <name>` → ['-d', '--dept']; `--no-color` stays itself. */
const flagsOf = (spec: OptionSpec) => spec.flags.split(/[ ,]+/).filter((f) => f.startsWith('-'));

/** What a command's positional argument completes: departments for dept, shells, files for validate. */
const ARGUMENT_VALUES: Record<string, Values> = { dept: 'departments', completion: { words: SHELLS }, validate: 'files' };

interface Spec {
  commands: Command[];
  globals: OptionSpec[];
  /** Every option that takes a value, once. */
  valued: OptionSpec[];
}

function specOf(): Spec {
  const commands = COMMANDS.filter((c) => !c.hidden);
  const all = [...GLOBAL_OPTIONS, ...commands.flatMap((c) => c.options ?? [])];
  const valued = [...new Map(all.filter((o) => valuesOf(o)).map((o) => [o.flags, o])).values()];
  return { commands, globals: GLOBAL_OPTIONS, valued };
}

const words = (list: readonly string[]) => list.join(' ');

function bash({ commands, globals, valued }: Spec): string {
  const valueCase = (reply: (v: Values) => string) => valued.map((o) => `    ${flagsOf(o).join('|')}) ${reply(valuesOf(o)!)}; return ;;`).join('\n');
  const reply = (v: Values) =>
    v === 'files' ? 'COMPREPLY=($(compgen -f -- "$cur"))'
      : v === 'departments' ? '_plan_departments'
        : v === 'none' ? 'COMPREPLY=()'
          : `COMPREPLY=($(compgen -W "${words(v.words)}" -- "$cur"))`;
  const optionsOf = (c: Command) => words([...globals, ...(c.options ?? [])].flatMap(flagsOf).concat('-h', '--help'));
  return `# plan completion for bash. Add to ~/.bashrc:  source <(plan completion bash)
_plan_departments() {
  local IFS=$'\\n'
  COMPREPLY=($(compgen -W "$("\${COMP_WORDS[0]}" "\${_plan_file[@]}" __complete departments 2>/dev/null)" -- "$cur"))
}
_plan_complete() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} command="" i
  local -a _plan_file=()
  # bash splits --format=json into --format, = and json (COMP_WORDBREAKS): complete the value of the option.
  if [[ $cur == = ]]; then cur=""
  elif [[ $prev == = ]]; then prev=\${COMP_WORDS[COMP_CWORD-2]}; fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    case \${COMP_WORDS[i]} in
      -p|--plan) [[ \${COMP_WORDS[i+1]} == = ]] && ((i++)); _plan_file=(--plan "\${COMP_WORDS[i+1]}"); ((i++)) ;;
      =) ((i++)) ;;
      ${valued.flatMap(flagsOf).join('|')}) ((i++)) ;;
      -*) ;;
      *) [[ -z $command ]] && command=\${COMP_WORDS[i]} ;;
    esac
  done
  case $prev in
${valueCase(reply)}
  esac
  if [[ -z $command ]]; then
    if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "${words(globals.flatMap(flagsOf).concat('-h', '--help', '-V', '--version'))}" -- "$cur"))
    else COMPREPLY=($(compgen -W "${words(commands.map((c) => c.name).concat('help'))}" -- "$cur")); fi
    return
  fi
  if [[ $cur == -* ]]; then
    case $command in
${commands.map((c) => `      ${c.name}) COMPREPLY=($(compgen -W "${optionsOf(c)}" -- "$cur")) ;;`).join('\n')}
    esac
    return
  fi
  case $command in
${Object.entries(ARGUMENT_VALUES).map(([name, v]) => `    ${name}) ${reply(v)} ;;`).join('\n')}
    help) COMPREPLY=($(compgen -W "${words(commands.map((c) => c.name))}" -- "$cur")) ;;
  esac
}
complete -F _plan_complete plan
`;
}

function zsh({ commands, globals, valued }: Spec, t: Translate): string {
  // _describe's items are word:description, shown beside each other as fish shows them; a description is one line.
  const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;
  const item = (word: string, description: string) => quote(`${word.replace(/:/g, '\\:')}:${description.replace(/\s+/g, ' ').trim()}`);
  const optionItems = (options: OptionSpec[], extra: [string, string][]) =>
    [...options.flatMap((o) => flagsOf(o).map((f) => item(f, t(o.description)))), ...extra.map(([f, d]) => item(f, d))].join(' ');
  const help: [string, string][] = [['-h', t('help.help')], ['--help', t('help.help')]];
  const version: [string, string][] = [['-V', t('help.version')], ['--version', t('help.version')]];
  const reply = (v: Values) =>
    v === 'files' ? '_files'
      : v === 'departments' ? 'compadd -- ${(f)"$(${words[1]} $plan_file __complete departments 2>/dev/null)"}'
        : v === 'none' ? ':'
          : `compadd -- ${words(v.words)}`;
  return `# plan completion for zsh. Add to ~/.zshrc, after compinit:  source <(plan completion zsh)
_plan() {
  local command="" prev=\${words[CURRENT-1]} cur=\${words[CURRENT]} i
  local -a plan_file
  # --format=j: complete the value after the =, as the value of --format.
  if [[ $cur == --*=* ]]; then
    prev=\${cur%%=*}
    compset -P '*='
  fi
  for ((i = 2; i < CURRENT; i++)); do
    case \${words[i]} in
      -p|--plan) plan_file=(--plan "\${words[i+1]}"); ((i++)) ;;
      --plan=*) plan_file=(--plan "\${words[i]#--plan=}") ;;
      ${valued.flatMap(flagsOf).join('|')}) ((i++)) ;;
      -*) ;;
      *) [[ -z $command ]] && command=\${words[i]} ;;
    esac
  done
  case $prev in
${valued.map((o) => `    ${flagsOf(o).join('|')}) ${reply(valuesOf(o)!)}; return ;;`).join('\n')}
  esac
  local -a items
  if [[ -z $command ]]; then
    if [[ $cur == -* ]]; then items=(${optionItems(globals, [...help, ...version])}); _describe -t options option items
    else items=(${[...commands.map((c) => item(c.name, t(c.description))), item('help', t('help.helpCommand'))].join(' ')}); _describe -t commands command items; fi
    return
  fi
  if [[ $cur == -* ]]; then
    case $command in
${commands.map((c) => `      ${c.name}) items=(${optionItems([...globals, ...(c.options ?? [])], help)}) ;;`).join('\n')}
    esac
    _describe -t options option items
    return
  fi
  case $command in
${Object.entries(ARGUMENT_VALUES).map(([name, v]) => `    ${name}) ${reply(v)} ;;`).join('\n')}
    help) compadd -- ${words(commands.map((c) => c.name))} ;;
  esac
}
compdef _plan plan
`;
}

function fish({ commands, globals }: Spec, t: Translate): string {
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const option = (o: OptionSpec, condition: string) => {
    const flags = flagsOf(o).map((f) => (f.startsWith('--') ? `-l ${f.slice(2)}` : `-s ${f.slice(1)}`)).join(' ');
    const v = valuesOf(o);
    const value = v === undefined ? '' : v === 'files' ? ' -r -F' : v === 'departments' ? " -x -a '(__plan_departments)'" : v === 'none' ? ' -x' : ` -x -a ${quote(words(v.words))}`;
    return `complete -c plan${condition}${flags ? ` ${flags}` : ''}${value} -d ${quote(t(o.description))}`;
  };
  const lines = [
    '# plan completion for fish. Save as ~/.config/fish/completions/plan.fish:  plan completion fish > ~/.config/fish/completions/plan.fish',
    'function __plan_departments',
    '    set -l tokens (commandline -opc)',
    '    set -l file',
    '    for i in (seq 2 (count $tokens))',
    '        if contains -- $tokens[$i] -p --plan; and test $i -lt (count $tokens)',
    '            set file --plan $tokens[(math $i + 1)]',
    '        else if string match -q -- "--plan=*" $tokens[$i]',
    '            set file --plan (string replace -- --plan= "" $tokens[$i])',
    '        end',
    '    end',
    '    $tokens[1] $file __complete departments 2>/dev/null',
    'end',
    'complete -c plan -f',
    ...commands.map((c) => `complete -c plan -n __fish_use_subcommand -a ${c.name} -d ${quote(t(c.description))}`),
    `complete -c plan -n __fish_use_subcommand -a help -d ${quote(t('help.helpCommand'))}`,
    `complete -c plan -n '__fish_seen_subcommand_from help' -a ${quote(words(commands.map((c) => c.name)))}`,
    ...globals.map((o) => option(o, '')),
    `complete -c plan -s h -l help -d ${quote(t('help.help'))}`,
    `complete -c plan -n __fish_use_subcommand -s V -l version -d ${quote(t('help.version'))}`,
    ...commands.flatMap((c) => (c.options ?? []).map((o) => option(o, ` -n '__fish_seen_subcommand_from ${c.name}'`))),
    "complete -c plan -n '__fish_seen_subcommand_from dept' -a '(__plan_departments)'",
    `complete -c plan -n '__fish_seen_subcommand_from completion' -a ${quote(words(SHELLS))}`,
    "complete -c plan -n '__fish_seen_subcommand_from validate' -F",
  ];
  return `${lines.join('\n')}\n`;
}

export const completion: Command = {
  name: 'completion',
  description: 'command.completion',
  examples: ['plan completion bash >> ~/.bashrc', 'source <(plan completion zsh)', 'plan completion fish > ~/.config/fish/completions/plan.fish'],
  arguments: [{ name: '<shell>', description: 'argument.shell' }],
  writes: 'writes.script',
  async run({ args, t }) {
    const shell = args[0] as Shell;
    if (!SHELLS.includes(shell)) throw new PlanError(msg('completion.badShell', { shell: String(args[0]) }));
    const spec = specOf();
    return { text: shell === 'bash' ? bash(spec) : shell === 'zsh' ? zsh(spec, t) : fish(spec, t) };
  },
};

const UNSAFE_FOR_SHELL = /[\s\x00-\x1f\x7f-\x9f$`\\'"!{}()[\];&|<>*?~#=%]/;

/** The helper the scripts call: the names of the plan's departments and their aliases, one a line. */
export const complete: Command = {
  name: '__complete',
  description: 'command.complete',
  examples: ['plan __complete departments'],
  arguments: [{ name: '<words>', description: 'argument.words' }],
  hidden: true,
  async run({ args, plan: load }) {
    if (args[0] !== 'departments') throw new PlanError(msg('complete.badWords', { words: String(args[0]) }));
    const plan = await load();
    const names = new Set(plan.departments.flatMap((d) => [d.name, ...d.aliases]));
    // The scripts hand these to the shell (bash expands compgen's word list): a name a shell could read as
    // code, or that would break a line, is not offered.
    return { text: [...names].filter((n) => n !== '' && !UNSAFE_FOR_SHELL.test(n)).map((n) => `${n}\n`).join('') };
  },
};
