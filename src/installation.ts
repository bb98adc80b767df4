// Where this copy of Broadsheet lives and which of its forms is running: the TypeScript sources
// (src/, run through tsx or vitest), the compiled JavaScript (lib/src/, what tsc writes), or the
// bundle made from it (lib/bundle/, what `npm run compile` ends with, what the command and the
// package's import run: scripts/bundle.ts). Files Broadsheet reads from its own package
// (package.json, the default theme, the docs its messages point at) and the entries of the
// threads and processes it starts are found from here, so every form finds the same files: in a
// bundle this module's code sits in a chunk, at a depth of its own.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const THIS_FILE = fileURLToPath(import.meta.url);

/** True when the running code is compiled (lib/src/ or lib/bundle/: this very module is a .js file). */
export const RUNS_COMPILED: boolean = THIS_FILE.endsWith('.js');

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

/** The package's root folder (where package.json and templates/ are), as a file: URL ending in '/': the nearest folder above this module with a package.json. */
export const PACKAGE_ROOT: URL = packageRoot();

/**
 * The folder the running form's modules are in, named as in src/: src/, lib/src/ or lib/bundle/
 * (whose entries keep their source paths: lib/bundle/workers/entry.js). What codeFile names files
 * in, and what the code's identity hashes (version.ts).
 */
export const CODE_ROOT: URL = new URL(codeFolder(), PACKAGE_ROOT);

/**
 * The modules a worker thread or child process is started from, as paths under src/ without their
 * extension: each is an entry of the bundle too (scripts/bundle.ts), at the same path.
 */
export const THREAD_ENTRIES = ['workers/entry', 'images/image-process', 'render/content-scan-worker'] as const;

/** The file of the running form's entry `name` (THREAD_ENTRIES): what a worker thread or child process is started from. */
export function codeFile(name: (typeof THREAD_ENTRIES)[number]): URL {
  return new URL(`${name}${CODE_EXTENSION}`, CODE_ROOT);
}

function codeFolder(): string {
  if (!RUNS_COMPILED) return 'src/';
  const inPackage = path.relative(fileURLToPath(PACKAGE_ROOT), THIS_FILE).split(path.sep);
  return inPackage[0] === 'lib' && inPackage[1] === 'bundle' ? 'lib/bundle/' : 'lib/src/';
}

function packageRoot(): URL {
  for (let dir = path.dirname(THIS_FILE); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return pathToFileURL(`${dir}${path.sep}`);
    if (path.dirname(dir) === dir) throw new Error(`Broadsheet's package.json was not found above ${THIS_FILE}`);
  }
}

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
