// `broadsheet init [DIR]`: the settings from the flags, the questions on a terminal (none with
// --yes or without one), then src/authoring/init/ writes the site, installs and starts git.

import path from 'node:path';
import { reportingFailures, textReporter } from './output.js';

/** The flags of init, as commander gives them (`--no-install` is install: false). */
export interface InitFlags {
  title?: string;
  baseUrl?: string;
  lang?: string;
  timeZone?: string;
  template: 'sample' | 'minimal';
  install: boolean;
  git: boolean;
  yes?: boolean;
  force?: boolean;
}

/** Start a site in `dir` (default: here); resolves to the exit code. `usage` reports a bad flag value (exit 2). */
export function runInit(dir: string | undefined, flags: InitFlags, usage: (message: string) => never): Promise<number> {
  return reportingFailures({ failed: 'No site written', unchanged: 'Nothing was written.' }, textReporter(dir ?? '.'), async () => {
    const init = await import('../../src/authoring/init/index.js');
    const folder = dir ?? '.';
    const given = { title: flags.title, baseUrl: flags.baseUrl, language: flags.lang, timeZone: flags.timeZone, template: flags.template };
    const flagOf = { title: '--title <title>', baseUrl: '--base-url <url>', language: '--lang <code>', timeZone: '--time-zone <zone>' } as const;
    for (const setting of ['title', 'baseUrl', 'language', 'timeZone'] as const) {
      const value = given[setting];
      const problem = value === undefined ? undefined : init.settingProblem(setting, value);
      if (problem) usage(`option '${flagOf[setting]}' argument '${value}' is invalid. Expected ${problem.replace(/^expected /, '')}.`);
    }
    // Refused before any question is asked.
    if (!flags.force) init.refuseOccupied(folder);

    const ask = !flags.yes && process.stdin.isTTY && process.stdout.isTTY;
    const settings = ask ? await (await import('../../src/authoring/init/questions.js')).askSettings(folder, given) : init.defaultSettings(folder, given);
    if (!settings) return 130;
    const outcome = init.initSite(folder, settings, { force: flags.force });
    const shown = (file: string) => path.relative(process.cwd(), path.join(folder, file)) || file;
    for (const file of outcome.written) console.log(`Wrote ${shown(file)}`);
    for (const file of outcome.merged) console.log(`Added to ${shown(file)}`);
    for (const file of outcome.kept) console.log(`Kept ${shown(file)} as it was`);

    let code = 0;
    let installed = true;
    if (!flags.install) {
      console.log('Not installed (--no-install): run npm install in the site before building.');
      installed = false;
    } else if (init.installedIn(folder)) console.log('Broadsheet is already installed here.');
    else if (!(await init.installDependencies(folder))) {
      console.error(`npm install failed (its messages are above): the site's files are written. Fix what npm says (the "broadsheet" entry of ${shown('package.json')} says where Broadsheet comes from), then run npm install in ${shown('.')}.`);
      code = 1;
      installed = false;
    }
    if (flags.git) {
      const git = init.startRepository(folder);
      if (git === 'started') console.log('Started a git repository.');
      else if (git === 'no-git') console.log('No git repository started: git could not be run.');
    }
    const next = [
      ...(shown('.') === '.' ? [] : [`  cd ${shown('.')}`]),
      ...(installed ? [] : ['  npm install      installs Broadsheet into the site']),
      '  npm run dev      shows the site as you write, on http://127.0.0.1:4321/',
      '  npm run build    makes it for publishing, in dist/',
    ];
    console.log(`\n${installed ? 'The site is ready' : "The site's files are written"}. Next:\n${next.join('\n')}`);
    if (!settings.baseUrl) console.log('Before publishing anywhere but GitHub Pages, set baseUrl in site.config.ts to its address.');
    return code;
  });
}
