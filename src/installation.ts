// Where this copy of Broadsheet lives and which of its two forms is running: the TypeScript
// sources (src/, run through tsx or vitest) or the compiled JavaScript (lib/src/, what
// `npm run compile` writes and the package ships). Files Broadsheet reads from its own package
// (package.json, the default theme, the docs its messages point at) and the worker entry it starts
// are found from here, so both forms find the same files although lib/src/ is one folder deeper
// than src/.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** True when the running code is the compiled lib/src/ (this very module is a .js file). */
export const RUNS_COMPILED: boolean = fileURLToPath(import.meta.url).endsWith('.js');

/** The extension of the running code's modules: '.js' compiled, '.ts' from the sources. */
export const CODE_EXTENSION: '.js' | '.ts' = RUNS_COMPILED ? '.js' : '.ts';

/**
 * The flags a worker or child process of Broadsheet's is started with: compiled, none; from the
 * sources, tsx's ESM hook (resolved from Broadsheet's own folder, not the site's), as a new thread
 * or process loads no loader its parent registered. `--cpu-prof` flags pass on, so
 * `node --cpu-prof bin/broadsheet.js build` profiles every thread and process it starts.
 */
export function childExecArgv(): string[] {
  const profiling = process.execArgv.filter((flag) => flag.startsWith('--cpu-prof'));
  if (RUNS_COMPILED) return profiling;
  // tsx's ESM hook only, as the main thread registers it: `--import tsx` (both hooks) made tsx
  // rewrite every dependency in the workers, each call to a micromark export then going through
  // a getter (2.9 s of one worker's 40 s at 10,000 articles).
  const tsx = `data:text/javascript,import{register}from${JSON.stringify(import.meta.resolve('tsx/esm/api'))};register()`;
  return ['--import', tsx, ...profiling];
}

/** The package's root folder (where package.json and templates/ are), as a file: URL ending in '/'. */
export const PACKAGE_ROOT: URL = new URL(RUNS_COMPILED ? '../../' : '../', import.meta.url);

/**
 * This package's docs/errors.md as a reader in `folder` finds it: relative when it is inside the
 * folder (node_modules/broadsheet/docs/errors.md from a site's root, docs/errors.md from
 * Broadsheet's own checkout), else absolute. The `see:` line under each problem links its section.
 */
export function errorsDocFrom(folder: string): string {
  const doc = fileURLToPath(new URL('docs/errors.md', PACKAGE_ROOT));
  const relative = path.relative(path.resolve(folder), doc);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return doc;
  return relative.split(path.sep).join('/');
}
