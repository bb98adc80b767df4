// `broadsheet init` on a terminal: the settings no flag gave, asked one by one (@clack/prompts),
// each answer checked as the config will check it. Asked only when both stdin and stdout are a
// terminal and --yes was not given; otherwise init takes the flags and defaults (settings.ts).

import { cancel, intro, isCancel, outro, text } from '@clack/prompts';
import { defaultSettings, settingProblem, type AskedSetting, type InitSettings } from './settings.js';

/** The questions, in order, with the example each shows when it has no default. */
const QUESTIONS: Array<{ setting: AskedSetting; message: string; placeholder?: string }> = [
  { setting: 'title', message: 'The name of the site' },
  { setting: 'baseUrl', message: 'Its address (empty: set it later in site.config.ts)', placeholder: 'https://news.example.org/' },
  { setting: 'language', message: 'The language of its pages (en, kk, ru, en-GB, ...)' },
  { setting: 'timeZone', message: 'Its time zone: dates are read and grouped in it' },
];

/**
 * Ask for the settings `given` lacks, offering the defaults; undefined when the user cancels
 * (Ctrl-C or Escape).
 */
export async function askSettings(dir: string, given: Partial<InitSettings>): Promise<InitSettings | undefined> {
  const settings = defaultSettings(dir, given);
  intro(`A new Broadsheet site in ${dir}`);
  for (const question of QUESTIONS) {
    if (given[question.setting] !== undefined) continue;
    const fallback = settings[question.setting];
    const answer = await text({
      message: question.message,
      placeholder: fallback ?? question.placeholder,
      defaultValue: fallback ?? '',
      validate: (value) => (value ? settingProblem(question.setting, value) : undefined),
    });
    if (isCancel(answer)) {
      cancel('Nothing was written.');
      return undefined;
    }
    // An empty answer keeps the default already in `settings`.
    if (answer.trim() !== '') settings[question.setting] = answer.trim();
  }
  outro('Writing the site.');
  return settings;
}
