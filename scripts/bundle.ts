// The last step of `npm run compile`: tsc's output (lib/src/, lib/scripts/) bundled with its
// dependencies into lib/bundle/, what the `broadsheet` command and `import 'broadsheet'` run.
// Loading ~600 module files one by one (resolving, reading, linking each) was ~0.2 s of every
// command, a sixth of publishing one article into a 10,000-article site; a bundle is a few files.
//
// Entries keep their source paths (lib/bundle/workers/entry.js: installation.ts's codeFile) and
// share their modules through chunks, so a config's `import { defineConfig } from 'broadsheet'`
// gets the very modules the command runs. Left out, loaded from node_modules as before: packages
// with native code or that find files of their own by path (sharp, esbuild, Pagefind, Piscina's
// worker, tsx's loaders).
//
// Files are written only when their bytes change (`npm pack` in a test compiles again while other
// tests run the command), each aside and renamed; files of an earlier bundle are removed after.
// lib/bundle/.made is touched last: bin/broadsheet.js runs the bundle only when no source file is
// newer.

import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { THREAD_ENTRIES } from '../src/installation.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = path.join(ROOT, 'lib/bundle');

/** Entry name (for the threads' and processes' entries, their path under src/ without extension) -> tsc's output file. */
const ENTRIES: Record<string, string> = {
  cli: 'lib/scripts/cli.js',
  index: 'lib/src/index.js',
  ...Object.fromEntries(THREAD_ENTRIES.map((name) => [name, `lib/src/${name}.js`])),
};

const EXTERNAL = ['sharp', 'esbuild', 'pagefind', 'piscina', 'tsx', 'fsevents'];

const result = await build({
  absWorkingDir: ROOT,
  entryPoints: Object.entries(ENTRIES).map(([out, file]) => ({ in: file, out })),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: OUT,
  chunkNames: 'chunks/[name]-[hash]',
  external: EXTERNAL.flatMap((name) => [name, `${name}/*`]),
  // A CommonJS dependency's require() of a built-in module (gray-matter's of fs, say) needs a
  // require in an ES module.
  banner: { js: "import { createRequire as __broadsheetRequire } from 'node:module'; const require = __broadsheetRequire(import.meta.url);" },
  write: false,
  logLevel: 'warning',
});

mkdirSync(OUT, { recursive: true });
const made = new Set<string>();
for (const file of result.outputFiles) {
  made.add(file.path);
  if (existsSync(file.path) && readFileSync(file.path).equals(file.contents)) continue;
  mkdirSync(path.dirname(file.path), { recursive: true });
  const aside = `${file.path}.${process.pid}.tmp`;
  writeFileSync(aside, file.contents);
  renameSync(aside, file.path);
}
for (const entry of readdirSync(OUT, { recursive: true, withFileTypes: true })) {
  const file = path.join(entry.parentPath, entry.name);
  // An earlier bundle's chunks (not a .tmp file aside: another compile may be about to rename it).
  if (entry.isFile() && entry.name.endsWith('.js') && !made.has(file)) rmSync(file);
}
writeFileSync(path.join(OUT, '.made'), `${new Date().toISOString()}\n`);
