import { msg, type Message } from '../i18n/index.js';

/** A message of the importer in both languages; cli.ts says it in the user's (the catalogue's `said`). */
export const said = (en: string, zh: string): Message => msg('said', { en, zh });
