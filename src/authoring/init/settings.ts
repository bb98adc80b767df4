// What `broadsheet init` asks for (title, base URL, language, time zone, sample or not), its
// defaults, and how each answer is checked: by the config schema itself (config.ts), so a value
// init accepts is one the build accepts.

import path from 'node:path';
import { configSchema } from '../../config.js';

/** The settings of a new site; `baseUrl` undefined leaves it to be set before deploying. */
export interface InitSettings {
  title: string;
  baseUrl?: string;
  language: string;
  timeZone: string;
  /** `sample`: one welcome article; `minimal`: an empty content/ folder. */
  template: InitTemplate;
}

/** What content/ can start with. */
export const INIT_TEMPLATES = ['sample', 'minimal'] as const;
/** What content/ starts with: see InitSettings.template. */
export type InitTemplate = (typeof INIT_TEMPLATES)[number];

/** The settings init asks for, as its flags and questions name them. */
export type AskedSetting = 'title' | 'baseUrl' | 'language' | 'timeZone';

/** The option of the config schema each setting is checked by. */
const SCHEMA_KEYS = { title: 'title', baseUrl: 'baseUrl', language: 'language', timeZone: 'timeZone' } as const;

/**
 * Why `value` cannot be `setting` (the config schema's words, such as "expected a language tag
 * such as en, kk or en-GB"), or undefined when it can.
 */
export function settingProblem(setting: AskedSetting, value: string): string | undefined {
  if (setting === 'title' && value.trim() === '') return 'expected the name of the site';
  const parsed = configSchema.shape[SCHEMA_KEYS[setting]].safeParse(value);
  return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? 'not a valid value');
}

/** This machine's time zone (IANA), the default answer: UTC where the system names none. */
export function machineTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && settingProblem('timeZone', zone) === undefined ? zone : 'UTC';
}

/** A title from the folder's name: `steppe-times` -> "Steppe times". */
export function titleFromFolder(dir: string): string {
  const words = path.basename(path.resolve(dir)).replace(/[-_.]+/g, ' ').trim();
  return words === '' ? 'News' : words.charAt(0).toUpperCase() + words.slice(1);
}

/** The answers init uses when it asks nothing (--yes, or no terminal): from the flags given, else defaults. */
export function defaultSettings(dir: string, given: Partial<InitSettings>): InitSettings {
  return {
    title: given.title ?? titleFromFolder(dir),
    baseUrl: given.baseUrl,
    language: given.language ?? 'en',
    timeZone: given.timeZone ?? machineTimeZone(),
    template: given.template ?? 'sample',
  };
}
