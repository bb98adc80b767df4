// Test helper: a build that fails on a site that built before, and what it left of the output.

import path from 'node:path';
import { build } from '../../src/build.js';
import { formatProblems, type Problem } from '../../src/problems/index.js';
import { tryBuild } from './memory-site.js';
import { snapshot } from './output.js';
import { makeSite, writeFiles } from './site.js';

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
 * Build `good` into dist/ (in this process, one thread), then write `bad` over it (or let `bad`
 * change the site folder) and build again: what "a failed build leaves the output folder
 * unchanged" is checked against.
 */
export async function rebuildWith(
  good: Record<string, string | Uint8Array>,
  bad: Record<string, string | Uint8Array> | ((root: string) => void),
  now: number,
): Promise<Rebuild> {
  const root = makeSite(good);
  await build({ root, now, threads: 1 });
  const dist = path.join(root, 'dist');
  const before = snapshot(dist);
  if (typeof bad === 'function') bad(root);
  else writeFiles(root, bad);
  const result = await tryBuild({ root, now, threads: 1 });
  return { root, ok: result.ok, problems: result.problems, report: formatProblems(result.problems), before, after: snapshot(dist) };
}
