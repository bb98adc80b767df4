// Importing the site's config file as a module and taking its default export. A config written
// in TypeScript (site.config.ts, .mts) needs a loader: from Broadsheet's own TypeScript sources
// one is already there (tsx or vitest, or they could not run); the compiled package imports it
// bundled into one module in memory (config-bundle.ts), and registers tsx's hooks only for a
// config that cannot be (CommonJS, or broken: tsx then says what is wrong), so a build with a
// .js or .json config, or a plain TypeScript one, never loads tsx.
// It does not validate what it imports (config.ts does).
//
// A config's top-level await may never settle (it awaits a promise nothing resolves, or a server
// that never answers). Left alone, Node ends such a process with exit code 13 and no word;
// settledConfig turns it into an error: at once when nothing is left that could settle it (the
// event loop ran dry), else after a time limit, the one time limit in Broadsheet, which decides
// nothing about the output (BROADSHEET_CONFIG_TIMEOUT_MS, default 60 s).

import { pathToFileURL } from 'node:url';
import { bundledConfig } from './config-bundle.js';
import { watchConfig } from './config-watchdog.js';
import { RUNS_COMPILED } from './installation.js';

const TYPESCRIPT = /\.[cm]?ts$/;

/** How long a config may take to load, in ms, unless BROADSHEET_CONFIG_TIMEOUT_MS says otherwise. */
const CONFIG_TIMEOUT_MS = 60_000;

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
  const needsLoader = RUNS_COMPILED && TYPESCRIPT.test(file);
  const bundled = needsLoader ? await bundledConfig(file, mtimeMs) : undefined;
  if (!needsLoader) module = (await import(url)) as typeof module;
  else if (bundled !== undefined) module = (await import(`data:text/javascript;base64,${Buffer.from(bundled).toString('base64')}`)) as typeof module;
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

/**
 * `loading` (a config module's import), or an error saying why it never finished: its top-level
 * await waits on nothing that can still happen, or it took longer than the limit (see the top of
 * this file). Rejects with `signal`'s reason when it aborts first.
 */
export function settledConfig<T>(loading: Promise<T>, signal?: AbortSignal): Promise<T> {
  const limit = Number(process.env.BROADSHEET_CONFIG_TIMEOUT_MS) || CONFIG_TIMEOUT_MS;
  const watchdog = watchConfig(limit);
  return new Promise<T>((resolve, reject) => {
    // Stopped by the watchdog, the config's code never settles its import: the loop runs dry, or the timer fires.
    const fail = (message: string) => {
      watchdog.settle();
      reject(new Error(watchdog.fired() ? `its code was still running after ${limit / 1000} s and was stopped (a loop that never ends?)` : message));
    };
    const stalled = () => fail('its top-level await never finished: it waits for something that can no longer happen');
    // Unreferenced: the timer alone does not keep the process alive, so a loop with nothing else left runs dry.
    const timer = setTimeout(() => fail(`it did not finish loading within ${limit / 1000} s (a top-level await that never settles?)`), limit).unref();
    const aborted = () => {
      watchdog.settle();
      reject(signal!.reason);
    };
    process.once('beforeExit', stalled);
    signal?.addEventListener('abort', aborted, { once: true });
    loading.then(resolve, reject).finally(() => {
      watchdog.settle();
      clearTimeout(timer);
      process.off('beforeExit', stalled);
      signal?.removeEventListener('abort', aborted);
    });
  });
}
