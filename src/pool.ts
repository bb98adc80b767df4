// Rendering articles in parallel: a piscina pool of worker threads, one per core, each running
// render-task.ts. Workers cost ~0.4 s to start (they load the Markdown stack), so small jobs run
// on the main thread instead: the same function, no pool.

import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { RenderTask, RenderTaskResult } from './render-task.js';

/**
 * The renderer, loaded on first use: it brings the whole Markdown stack (~150 ms to load), which a
 * build whose articles all come from the cache never needs.
 */
export async function loadRenderTask(): Promise<(task: RenderTask) => RenderTaskResult[]> {
  return (await import('./render-task.js')).default;
}

/** Below this many articles to render, starting workers costs more than it saves (500 articles:
 * 1.8 s on the main thread, 2.2 s on two workers, which each load the Markdown stack first). */
export const POOL_THRESHOLD = 2000;

export interface RenderPool {
  readonly threads: number;
  run(task: RenderTask): Promise<RenderTaskResult[]>;
  close(): Promise<void>;
}

/** `threads`: 'auto' (one per core, main thread only for small jobs) or an exact count (1 = no pool). */
export function createPool(jobs: number, threads: number | 'auto'): RenderPool {
  const count = threads === 'auto' ? (jobs < POOL_THRESHOLD ? 1 : availableParallelism()) : threads;
  if (count <= 1) return { threads: 1, run: async (task) => (await loadRenderTask())(task), close: async () => undefined };
  // Workers run our TypeScript through tsx, resolved from Broadsheet's own folder (not the site's).
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const pool = new Piscina({
    filename: new URL('./render-task.ts', import.meta.url).href,
    execArgv: ['--import', tsx],
    minThreads: count,
    maxThreads: count,
    // Markdown parsing allocates fast; a worker's default young generation made it collect so
    // often that two workers rendered only ~10% more than one. 64 MB: 1.78 -> 1.61 ms an article.
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  return {
    threads: count,
    run: (task) => pool.run(task) as Promise<RenderTaskResult[]>,
    close: () => pool.destroy(),
  };
}
