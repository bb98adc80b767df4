// The entry point of Broadsheet's worker threads. One pool serves both heavy phases of a build
// (rendering articles, then rendering pages), so the second phase pays no second start-up.
// Imports are static: piscina loads a .ts worker through require, where tsx maps ./x.js to
// ./x.ts for static imports but not for dynamic import().

import { renderPagesTask, type PagesTask, type PagesTaskResult } from './page-batch.js';
import renderTask, { type RenderTask, type RenderTaskResult } from '../render/article-batch.js';
import { toPlainOsError, type PlainOsError } from '../write/os-errors.js';

/** A job for a worker thread: a batch of articles or a chunk of pages. */
export type WorkerJob = { kind: 'articles'; task: RenderTask } | { kind: 'pages'; task: PagesTask };

/** A job stopped by the operating system (a full disk): its error as data, since a thrown error loses its code crossing threads. */
export interface WorkerOsFailure {
  osFailure: PlainOsError;
}

/** Run one job; an operating-system error comes back as data (WorkerOsFailure). */
export default function runJob(job: WorkerJob): RenderTaskResult[] | PagesTaskResult | WorkerOsFailure {
  try {
    return job.kind === 'articles' ? renderTask(job.task) : renderPagesTask(job.task);
  } catch (error) {
    const osFailure = toPlainOsError(error);
    if (osFailure) return { osFailure };
    throw error;
  }
}
