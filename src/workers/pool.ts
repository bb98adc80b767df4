// Worker threads for the two heavy phases of a build: rendering articles (render/article-batch.ts) and
// rendering pages (page-batch.ts). A piscina pool, one thread per core, started on first need and
// shared by both phases. Workers cost ~0.8 s to start (each loads the Markdown and template
// stacks), so a phase with little to do runs on the main thread instead.

import { availableParallelism, totalmem } from 'node:os';
import { Piscina } from 'piscina';
import type { PagesTask, PagesTaskResult } from './page-batch.js';
import type { RenderTask, RenderTaskResult } from '../render/article-batch.js';
import type { WorkerJob, WorkerOsFailure } from './entry.js';
import { childExecArgv, codeFile } from '../installation.js';
import { fromPlainOsError } from '../write/os-errors.js';

/**
 * Below this many articles to render, starting workers costs more than it saves (500 articles:
 * 1.8 s on the main thread, 2.2 s on two workers, which each load the Markdown stack first).
 */
export const ARTICLE_POOL_THRESHOLD = 2000;
/** The same for pages: fewer than this, the main thread renders them (more when workers already run). */
export const PAGE_POOL_THRESHOLD = 3000;
/** With workers already running (they rendered articles), pages go to them from this many on. */
export const PAGE_POOL_THRESHOLD_RUNNING = 500;

/**
 * Most heap one worker may use, in MB. Rendering one article within Broadsheet's limits
 * (docs/limits.md) takes well under this; a worker past it is stopped by V8 (its article becomes
 * a render-memory problem, render/collect.ts), never the whole build. One worker per this much of
 * the machine's memory at most, so N workers cannot exhaust it.
 */
export const WORKER_HEAP_MB = 2048;

/** The heap limit workers get: WORKER_HEAP_MB, or BROADSHEET_WORKER_HEAP_MB (a test seam, for a worker that runs out of heap quickly). */
export function workerHeapMb(): number {
  return Number(process.env.BROADSHEET_WORKER_HEAP_MB) || WORKER_HEAP_MB;
}

/** Threads for 'auto': one per core, but no more than the machine's memory (or its container's limit) holds at WORKER_HEAP_MB each. */
export function autoThreads(): number {
  const constrained = process.constrainedMemory?.() ?? 0;
  const memory = constrained > 0 && constrained < totalmem() ? constrained : totalmem();
  const byMemory = Math.floor((memory * 0.75) / (WORKER_HEAP_MB * 1024 * 1024));
  return Math.max(1, Math.min(availableParallelism(), byMemory));
}

/** Did a worker die because it passed WORKER_HEAP_MB? */
export function isWorkerOutOfMemory(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/**
 * The article renderer, loaded on first use on the main thread: it brings the Markdown stack
 * (~150 ms to load), which a build whose articles all come from the cache never needs.
 */
export async function loadRenderTask(): Promise<(task: RenderTask) => RenderTaskResult[]> {
  return (await import('../render/article-batch.js')).default;
}

/** The worker entry matching the running code: bundled, lib/bundle/workers/entry.js; from the sources, entry.ts through tsx. */
function workerEntry(): { filename: string; execArgv: string[] } {
  return { filename: codeFile('workers/entry').href, execArgv: childExecArgv() };
}

/** The build's worker threads: started on first need, one per core (or as asked), shared by both phases. */
export class WorkerPool {
  private pool: Piscina | undefined;
  private started = 1;

  /** `requested`: 'auto' (one thread per core, for big phases) or an exact count (1: never start). */
  constructor(private readonly requested: number | 'auto') {}

  /** Threads that ran work this build (1 when everything ran on the main thread). */
  get threads(): number {
    return this.started;
  }

  get running(): boolean {
    return this.pool !== undefined;
  }

  /** Should a phase with `jobs` units of work use the workers? Starts them if so. */
  use(jobs: number, threshold: number): boolean {
    if (this.requested === 1 || jobs === 0) return false;
    if (this.requested === 'auto' && jobs < threshold) return false;
    if (!this.pool) {
      this.started = this.requested === 'auto' ? autoThreads() : this.requested;
      this.pool = this.start(this.started);
    }
    return true;
  }

  private start(count: number): Piscina {
    return new Piscina({
      ...workerEntry(),
      minThreads: count,
      maxThreads: count,
      // Markdown parsing allocates fast; with the default young generation two workers rendered
      // only ~10% more than one. 32 MB: most of 64 MB's gain (1.78 -> ~1.65 ms an article) for
      // ~220 MB less peak RSS at 10,000 articles (640-690 MB vs 890-900 MB, same runs).
      resourceLimits: { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: workerHeapMb() },
    });
  }

  runArticles(task: RenderTask): Promise<RenderTaskResult[]> {
    return this.run({ kind: 'articles', task }) as Promise<RenderTaskResult[]>;
  }

  runPages(task: PagesTask): Promise<PagesTaskResult> {
    return this.run({ kind: 'pages', task }) as Promise<PagesTaskResult>;
  }

  private async run(job: WorkerJob): Promise<unknown> {
    if (!this.pool) throw new Error('the worker pool was not started');
    const result: unknown = await this.pool.run(job);
    // A full disk or the like, on the worker: thrown here as the main thread would have seen it.
    if (typeof result === 'object' && result !== null && 'osFailure' in result) throw fromPlainOsError((result as WorkerOsFailure).osFailure);
    return result;
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
    this.pool = undefined;
  }
}
