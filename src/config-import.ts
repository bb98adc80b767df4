// Importing the site's config file as a module and taking its default export. A config written
// in TypeScript (site.config.ts, .mts) needs a loader: from Broadsheet's own TypeScript sources
// one is already there (tsx or vitest, or they could not run); the compiled package registers
// tsx's on the first such config, so a build with a .js or .json config never loads tsx.
// It does not validate what it imports (config.ts does).

import { pathToFileURL } from 'node:url';
import { RUNS_COMPILED } from './installation.js';

const TYPESCRIPT = /\.[cm]?ts$/;

let esmHooks: Promise<void> | undefined;
let cjsHooks: Promise<void> | undefined;

/**
 * The default export of the module `file` (an absolute path; {} when it has none), imported anew
 * whenever the file changed (`mtimeMs` is part of the URL: the dev server reloads it in place).
 * Throws what loading or running the module throws.
 */
export async function importConfigModule(file: string, mtimeMs: number): Promise<unknown> {
  const url = `${pathToFileURL(file).href}?mtime=${mtimeMs}`;
  let module: { default?: unknown };
  if (!RUNS_COMPILED || !TYPESCRIPT.test(file)) module = (await import(url)) as typeof module;
  else {
    // tsx's ES module hooks, as `node --import tsx` would have: the config then imports
    // 'broadsheet' as the very modules already running, not a second copy.
    esmHooks ??= import('tsx/esm/api').then(({ register }) => void register());
    await esmHooks;
    try {
      module = (await import(url)) as typeof module;
    } catch (error) {
      // A config in a folder without "type": "module" runs as CommonJS, and its require() of
      // another .ts file (say a checkout's src/config.ts) needs tsx's CommonJS hooks too. Only
      // then: with them, an import of 'broadsheet' from such a config loads a second copy.
      if ((error as NodeJS.ErrnoException).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
      cjsHooks ??= import('tsx/cjs/api').then(({ register }) => void register());
      await cjsHooks;
      module = (await import(`${url}&hooks=cjs`)) as typeof module;
    }
  }
  const value = module.default;
  // A config tsx turned into CommonJS has its `export default` one level down (esbuild's interop).
  if (typeof value === 'object' && value !== null && '__esModule' in value) return (value as { default?: unknown }).default ?? {};
  return value ?? {};
}
