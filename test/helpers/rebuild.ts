// Test helper: a build that fails on a site that built before, and what it left of the output.

import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/build.js';
import { formatProblems, type Problem } from '../../src/problems/index.js';
import { tryBuild } from './memory-site.js';
import { snapshot } from './output.js';
import { makeSite, writeFiles } from './site.js';

/** Sites built by builtSite, by their files and build time: each a folder to copy. */
const built = new Map<string, Promise<string>>();

/**
 * A new temp folder holding the site made of `files` as a build (in this process, one thread, at
 * `now`) left it: dist/, its trees, the cache. The build runs once per test file for the same
 * files; later calls copy its folder whole (timestamps and the dist/ link kept), which costs a
 * fraction of a build. For tests of a build that must fail before it writes: the copy's output
 * manifest names the first folder's dist/, so a build that gets as far as the output treats it as
 * an output it has no record of, which an incremental build's test must not.
 */
export async function builtSite(files: Record<string, string | Uint8Array>, now: number): Promise<string> {
  const key = JSON.stringify([now, Object.entries(files).map(([file, content]) => [file, typeof content === 'string' ? content : Buffer.from(content).toString('base64')])]);
  let template = built.get(key);
  // A template is a temp site: removed with the others when the test file that made it ends.
  if (!template || !existsSync(await template)) {
    template = (async () => {
      const root = makeSite(files);
      await build({ root, now, threads: 1 });
      return root;
    })();
    built.set(key, template);
  }
  const root = makeSite({});
  cpSync(await template, root, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  return root;
}

/** A rebuild's outcome: its problems as the CLI prints them, and dist/ before and after. */
export interface Rebuild {
  root: string;
  ok: boolean;
  problems: readonly Problem[];
  report: string;
  /** Every file of dist/ with its bytes' hash and mtime, after the first build and after the second. */
  before: Record<string, string>;
  after: Record<string, string>;
}

/**
 * Build `good` into dist/ (in this process, one thread; see builtSite), then write `bad` over it (or let `bad`
 * change the site folder) and build again: what "a failed build leaves the output folder
 * unchanged" is checked against.
 */
export async function rebuildWith(
  good: Record<string, string | Uint8Array>,
  bad: Record<string, string | Uint8Array> | ((root: string) => void),
  now: number,
): Promise<Rebuild> {
  const root = await builtSite(good, now);
  const dist = path.join(root, 'dist');
  const before = snapshot(dist);
  if (typeof bad === 'function') bad(root);
  else writeFiles(root, bad);
  const result = await tryBuild({ root, now, threads: 1 });
  return { root, ok: result.ok, problems: result.problems, report: formatProblems(result.problems), before, after: snapshot(dist) };
}
