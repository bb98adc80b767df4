#!/usr/bin/env node
// The `broadsheet` command: runs the compiled CLI, bundled in lib/bundle/ (`npm run compile`;
// npm install, npm ci and npm pack make it through `prepare`). In a checkout where a file the
// bundle is made from is newer than the last compile (src/ edited, not yet recompiled) or there is
// no bundle, it runs the TypeScript sources through tsx instead: slower to start (~1 s), never
// stale code. An installed package has no src/, only lib/.
import { existsSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node 22.1 and later keep V8's compiled code of the modules a command loads, in the system's
// temporary folder (Node's own place for it, checked against each file's bytes), so the next
// command skips compiling them: ~60 ms of every start here, as npm and tsc do. Node 20 has no such
// cache; NODE_DISABLE_COMPILE_CACHE=1 turns it off (docs/performance.md). Worker threads are
// Node instances of their own: they find the cache through the environment.
const compileCache = module.enableCompileCache?.();
if (compileCache?.directory && process.env.NODE_COMPILE_CACHE === undefined) process.env.NODE_COMPILE_CACHE = compileCache.directory;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// Written by every compile, after tsc and the bundle (scripts/bundle.ts), whether or not any
// output changed: the time lib/bundle/ was last made.
const STAMP = `${ROOT}lib/bundle/.made`;

/** Is a file of src/ or of the CLI (scripts/cli.ts, scripts/cli/) newer than the last compile, or is there none? */
function compiledIsStale() {
  if (!existsSync(`${ROOT}src`)) return false;
  if (!existsSync(STAMP)) return true;
  const compiled = statSync(STAMP).mtimeMs;
  if (statSync(`${ROOT}scripts/cli.ts`).mtimeMs > compiled) return true;
  for (const folder of ['src', 'scripts/cli']) {
    for (const entry of readdirSync(`${ROOT}${folder}`, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts') && statSync(`${entry.parentPath}/${entry.name}`).mtimeMs > compiled) return true;
    }
  }
  return false;
}

try {
  if (compiledIsStale()) {
    const { register } = await import('tsx/esm/api');
    register();
    // And its CommonJS hooks, as the compiled CLI registers them for a site.config.ts that
    // require()s another TypeScript file (src/config-import.ts).
    (await import('tsx/cjs/api')).register();
    await import('../scripts/cli.ts');
  } else {
    await import('../lib/bundle/cli.js');
  }
} catch (error) {
  // Loading opens hundreds of module files at once; the CLI's own messages (src/write/os-errors.ts)
  // are not loaded yet when the limit on open files stops it.
  if (error?.code !== 'EMFILE' && error?.code !== 'ENFILE') throw error;
  console.error(`broadsheet: too many open files while starting (${error.code}). Raise the limit (ulimit -n 4096), then run this again.`);
  process.exitCode = 1;
}
