// The entry point of Broadsheet's worker threads. One pool serves both heavy phases of a build
// (rendering articles, then rendering pages), so the second phase pays no second start-up.
// Imports are static: piscina loads a .ts worker through require, where tsx maps ./x.js to
// ./x.ts for static imports but not for dynamic import().

import { renderPagesTask, type PagesTask, type PagesTaskResult } from './page-batch.js';
import renderTask, { type RenderTask, type RenderTaskResult } from '../render/article-batch.js';

export type WorkerJob = { kind: 'articles'; task: RenderTask } | { kind: 'pages'; task: PagesTask };

export default function runJob(job: WorkerJob): RenderTaskResult[] | PagesTaskResult {
  return job.kind === 'articles' ? renderTask(job.task) : renderPagesTask(job.task);
}
