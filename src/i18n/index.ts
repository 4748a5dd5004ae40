// The interface language and its one message catalogue (en.ts, zh.ts). Lower layers put a Message (a key and its
// parameters) in their PlanErrors, a plan file's problems and validate's warnings; a parameter may be a Message
// itself (what a problem is about: "task 3", 第 3 项任务), worded in the same language. cli.ts picks the language
// and everything people read is looked up here.
import { en, type Catalogue, type ItemKind } from './en.js';
import { zh } from './zh.js';

export type { Catalogue, ItemKind };
export type Language = 'en' | 'zh';
export const LANGUAGES: readonly Language[] = ['zh', 'en'];

export type MessageKey = keyof Catalogue;
/** Parameters where a text may also be a Message: it is put into words in the same language first. */
type Wordable<P> = { [K in keyof P]: Exclude<P[K], undefined> extends string ? P[K] | Message : P[K] };
/** The parameters a message takes: none for a plain string. */
export type MessageParams<K extends MessageKey> = Catalogue[K] extends (params: infer P) => string ? [params: Wordable<P>] : [];

/** A message not yet put into words: what a PlanError carries so that the CLI can say it in either language. */
export interface Message {
  key: MessageKey;
  params?: unknown;
}

/** Looks up a message in the chosen language: `t('part.unknown', { input: '九', known: '1, 2' })`. */
export type Translate = <K extends MessageKey>(key: K, ...params: MessageParams<K>) => string;

const CATALOGUES: Record<Language, Catalogue> = { en, zh };

/** The message `key` with `params`, to be worded later in the user's language. */
export function msg<K extends MessageKey>(key: K, ...params: MessageParams<K>): Message {
  return params.length ? { key, params: params[0] } : { key };
}

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).key === 'string' && Object.hasOwn(en, (value as Message).key)
    && Object.keys(value).every((k) => k === 'key' || k === 'params');
}

/** What the lower layers call standard input (`--plan -`) where a file's name goes; messages say it in their language. */
export const STDIN = 'standard input';

/**
 * A message in words; parameters that are messages themselves (`found a list`) are worded first, in the same
 * language. A `file` that is standard input is named in the language, and `again`, the file to give plan validate
 * in a hint, is `-` for it.
 */
export function word(language: Language, message: Message): string {
  const entry = CATALOGUES[language][message.key] as string | ((params: unknown) => string);
  if (typeof entry === 'string') return entry;
  const { params } = message;
  if (typeof params !== 'object' || params === null) return entry(params);
  const worded: Record<string, unknown> = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isMessage(v) ? word(language, v) : v]));
  if ('file' in worded) {
    worded.again = worded.file === STDIN ? '-' : worded.file;
    if (worded.file === STDIN) worded.file = CATALOGUES[language]['file.stdin'];
  }
  return entry(worded);
}

/** A Message in words with a translator (views hold `t`, not the language). */
export function say(t: Translate, message: Message): string {
  return (t as unknown as (key: MessageKey, params?: unknown) => string)(message.key, message.params);
}

/** The translator for a language. */
export function translator(language: Language): Translate {
  return ((key: MessageKey, params?: unknown) => word(language, { key, params })) as Translate;
}

/**
 * The interface language: `--lang`, else PLAN_LANG, LC_ALL, LC_MESSAGES, LANG, the first that is set; zh… is
 * Chinese and anything else English (POSIX: LC_ALL overrides LC_MESSAGES, which overrides LANG).
 *
 * @example chooseLanguage(undefined, { LANG: 'zh_CN.UTF-8' }) // 'zh'
 */
export function chooseLanguage(flag: string | undefined, env: NodeJS.ProcessEnv): Language {
  const given = flag || env.PLAN_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(given) ? 'zh' : 'en';
}

/** n and the word for a count of things: `1 task`, `2 tasks`; 1 项任务. */
export function count(t: Translate, n: number, one: 'n.task' | 'n.section' | 'n.part' | 'n.department' | 'n.problem' | 'n.pair'): string {
  return t(one, { n });
}
