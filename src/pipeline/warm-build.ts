// A build that continues from the state the last one saved (saved-state.ts): when only articles
// changed, the articles collected now are compared with the saved ones, and the changed ones go
// through the incremental path (pipeline/update.ts) into a patch of the output folder. Its output
// is byte for byte a full build's (test/warm-build.test.ts); what it cannot do that way (time
// alone changed what is published, the navigation changed) it leaves to the full build.
//
// Warnings: the collected articles carry their own (the cache keeps each article's), and those of
// templates and the authors file are the same as the saved build's (they are part of its
// identity); the later stages' (images, links, static files) are saved with the state, and an
// update replaces the changed articles' (pipeline/update.ts).

import type { ArticleChange } from '../types/index.js';
import { OutputChanged } from '../write/tree-files.js';
import type { CollectedArticles } from './collect.js';
import type { RestoredState } from './saved-state.js';
import { applyChanges, type Applied, type UpdateRun } from './update.js';

/** What a warm update did. */
export interface WarmUpdate extends Applied {
  /** How many files' articles changed, came or went. */
  changed: number;
}

/**
 * Bring the output from the saved state to the articles collected now, through the incremental
 * path. Returns 'full' when a full build is needed; throws BuildFailure on problems, writing nothing.
 */
export async function updateFromSaved(restored: RestoredState, collected: CollectedArticles, run: UpdateRun): Promise<WarmUpdate | 'full'> {
  const { state } = restored;
  const now = new Map(collected.articles.map((meta) => [meta.contentPath, meta]));
  const changes: ArticleChange[] = [];
  const changed = new Set<string>();
  for (const [file, before] of state.metas) {
    const after = now.get(file);
    if (after !== before) {
      changes.push({ before, after });
      changed.add(file);
    }
  }
  for (const [file, after] of now) {
    if (state.metas.has(file)) continue;
    changes.push({ after });
    changed.add(file);
  }
  // A file of the output edited or deleted by hand: the whole build writes it again. The update
  // goes on while the output's files are looked at (on a thread of their own), taking them as
  // they were left, and the answer decides before it commits.
  state.manifest.trustUntilChecked();
  let applied: Applied | 'full';
  try {
    applied = await applyChanges(state, { changes, changed, index: now }, { ...run, outputIntact: () => state.manifest.outputIntact() });
  } catch (error) {
    // A file the output should keep was deleted or edited by hand: the whole build writes it again.
    if (!(error instanceof OutputChanged)) throw error;
    applied = 'full';
  }
  if (applied === 'full') {
    // The whole build uses the manifest as the look at every file left it.
    await state.manifest.outputIntact();
    return 'full';
  }
  // The earlier versions of changed articles: no longer part of the site, so not kept in the cache.
  for (const { before, after } of changes) if (before && before.key !== after?.key) state.cache.forget(before.key);
  return { ...applied, changed: changes.length };
}
