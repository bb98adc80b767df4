// The dev server's update for saved article files: read them again (through the article cache),
// keep each file's problems until it is fixed, and hand the articles that changed since the last
// good update to the incremental path every build shares (pipeline/update.ts), writing straight
// into the served folder. The result is byte for byte what a full build of the same content
// writes (test/dev.test.ts proves it over edits, adds, deletes and renames).

import path from 'node:path';
import { publishOptions } from '../build.js';
import { buildTime } from '../dates.js';
import { displayPath } from '../load/discover.js';
import { collectArticles } from '../pipeline/collect.js';
import { applyChanges } from '../pipeline/update.js';
import { stopOnErrors, stops, type Problem } from '../problems/index.js';
import { noProgress } from '../report.js';
import type { ArticleChange, ArticleIndex } from '../types/index.js';
import { WorkerPool } from '../workers/pool.js';
import { DirectWriter } from '../write/direct-writer.js';
import type { DevOptions, DevState, UpdateResult } from './state.js';

/**
 * Bring these changed article files (content paths) into the output, updating `state` on success.
 * Returns 'full' when only a full build is right (time alone changed what is published, or the
 * navigation changed); throws BuildFailure when the change has errors (nothing is written then).
 */
export async function updateContent(state: DevState, changedFiles: readonly string[], options: DevOptions): Promise<UpdateResult | 'full'> {
  const started = performance.now();
  const strict = options.strict ?? false;
  const now = options.now?.() ?? buildTime();
  const { changes, changed, warnings } = await readChanges(state, changedFiles, strict);
  if (changes.length === 0) {
    state.dirty.clear();
    return { ok: true, mode: 'none', changed: [], pagesRendered: 0, warnings, milliseconds: performance.now() - started };
  }
  const index: ArticleIndex = { get: (file) => state.sources.get(file)?.meta };
  const writer = new DirectWriter(state.good.config.outPath);
  const applied = await applyChanges(state.good, { changes, changed, index }, { now, publish: publishOptions(options, now), strict, writer, search: false });
  if (applied === 'full') return 'full';
  state.dirty.clear();
  return { ok: true, mode: 'content', changed: applied.stats.changed, pagesRendered: applied.pagesRendered, warnings: [...warnings, ...applied.warnings], milliseconds: performance.now() - started };
}

/**
 * Read the changed files again (an unchanged file comes back from the cache as the same object) and
 * record their problems; returns the files changed since the last good update, with their article
 * then and now. Throws BuildFailure while any file's problems stop the build.
 */
async function readChanges(state: DevState, changedFiles: readonly string[], strict: boolean): Promise<{ changes: ArticleChange[]; changed: Set<string>; warnings: Problem[] }> {
  const { sources } = state;
  const { config, cache } = state.good;
  const pool = new WorkerPool(1);
  const collected = await collectArticles(config, cache, { pool, progress: noProgress, only: changedFiles });
  await pool.close();
  const fresh = new Map(collected.articles.map((meta) => [meta.contentPath, meta]));
  for (const file of changedFiles) {
    const meta = fresh.get(file);
    const shown = displayPath(config, path.join(config.contentPath, file));
    const problems = collected.problems.filter((problem) => problem.file === shown);
    if (meta || problems.length > 0) sources.set(file, { meta, problems });
    else sources.delete(file);
    state.dirty.add(file);
    if (stops(problems, strict)) state.stopping.set(file, problems);
    else state.stopping.delete(file);
  }
  const changes: ArticleChange[] = [];
  const changed = new Set<string>();
  for (const file of state.dirty) {
    const before = state.good.metas.get(file);
    const after = sources.get(file)?.meta;
    if (before === after) continue;
    changes.push({ before, after });
    changed.add(file);
  }
  const dirtyProblems = [...state.dirty].flatMap((file) => sources.get(file)?.problems ?? []);
  stopOnErrors([...state.stopping.values()].flat(), strict);
  return { changes, changed, warnings: stopOnErrors(dirtyProblems, strict) };
}
