// The page output: render and write the pages of a plan. Every page is fingerprinted first, and
// one that is current in the output is kept as it is; the rest are rendered, on worker threads when
// there are enough of them (workers/page-batch.ts), else here (pages/render-page.ts), and handed to
// the writer. A template error does not stop the rendering: each distinct error is collected once
// (a broken article template would otherwise fail thousands of pages alike).

import { BoundedTasks } from '../bounded-tasks.js';
import { withPhotos } from '../pages/photos.js';
import { renderPage } from '../pages/render-page.js';
import { TemplateError } from '../pages/templates.js';
import { problemKey, type Problem } from '../problems/index.js';
import { resolvedTargets } from '../render/article-links.js';
import { renderSetup } from '../render/setup.js';
import type { PageSpec, WrittenPage } from '../types/index.js';
import { outputFileFor } from '../urls.js';
import type { PagesTask } from '../workers/page-batch.js';
import { PAGE_POOL_THRESHOLD, PAGE_POOL_THRESHOLD_RUNNING } from '../workers/pool.js';
import type { OutputContext } from './context.js';
import { fingerprint } from '../write/fingerprint.js';
import type { WorkerStaging } from '../write/output-writer.js';

/** What writing a plan's pages did. */
export interface WrittenPages {
  /** Every page of the plan, in plan order (rendered or kept). */
  pages: WrittenPage[];
  /** Pages rendered; the others were current and left as they were. */
  rendered: number;
  problems: Problem[];
}

/** What a page list keeps of a page. */
export function writtenPage(spec: PageSpec): WrittenPage {
  return { url: spec.url, lastModified: spec.lastModified, kind: spec.kind, ...(spec.alternates ? { alternates: spec.alternates } : {}) };
}

/**
 * Render and write every page of `plan` whose inputs changed (see the top of this file). `plan`
 * must give the same pages in the same order each time it is called (it is called twice).
 */
export async function writePages(context: OutputContext, planned: () => Iterable<PageSpec>): Promise<WrittenPages> {
  const plan = () => withImages(planned(), context);
  const pages: WrittenPage[] = [];
  const positions: number[] = [];
  let position = 0;
  for (const spec of plan()) {
    const file = outputFileFor(spec.url);
    const print = pageFingerprint(context, spec);
    pages.push(writtenPage(spec));
    context.manifest.record(file, print);
    if (context.manifest.isCurrent(file, print)) context.writer.keep(file);
    else positions.push(position);
    position++;
  }

  context.progress.start('Rendering pages', positions.length);
  if (positions.length === 0) {
    context.progress.end();
    return { pages, rendered: 0, problems: [] };
  }
  const { pool, writer } = context;
  const threshold = pool?.running ? PAGE_POOL_THRESHOLD_RUNNING : PAGE_POOL_THRESHOLD;
  const wanted = new Set(positions);
  // Workers write pages only where they can stage files themselves; else pages are rendered here.
  const problems =
    pool && writer.staging && pool.use(positions.length, threshold)
      ? await renderOnWorkers(context, plan, wanted, writer.staging)
      : await renderHere(context, plan, wanted);
  context.progress.end();
  return { pages, rendered: positions.length, problems };
}

/**
 * Article pages with what the image stage made of their images, and pages that show photos (the
 * front page) with their articles' teasers: part of their fingerprint, and carried to workers with the spec.
 */
function* withImages(specs: Iterable<PageSpec>, context: OutputContext): Generator<PageSpec> {
  for (const spec of specs) {
    const images = spec.article ? context.images.pageOf(spec.article) : undefined;
    yield withPhotos(images ? { ...spec, images } : spec, context.images);
  }
}

/** What a page's bytes depend on: the site, its template's files, its spec, where its article links go. */
function pageFingerprint(context: OutputContext, spec: PageSpec): string {
  return fingerprint(context.siteFingerprint, context.templates.fingerprintOf(spec.template), spec, spec.article ? context.linkTargets(spec.article) : null);
}

async function renderHere(context: OutputContext, plan: () => Iterable<PageSpec>, wanted: ReadonlySet<number>): Promise<Problem[]> {
  const problems = new Map<string, Problem>();
  let position = 0;
  const last = lastOf(wanted);
  for (const spec of plan()) {
    if (position > last) break;
    if (!wanted.has(position++)) continue;
    try {
      const body = spec.article ? await context.bodyOf(spec.article) : undefined;
      await context.writer.write(outputFileFor(spec.url), renderPage(spec, context.templates, context.globals, context.config, body));
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      problems.set(problemKey(error.problem), error.problem);
    }
    context.progress.tick();
  }
  return [...problems.values()];
}

/** Pages per chunk sent to a worker, and chunks under way per thread: bounded memory, busy workers. */
const PAGES_PER_CHUNK = 100;
const CHUNKS_PER_THREAD = 2;

/**
 * Stream the pages to render to the workers in chunks, each page with what its body needs; the
 * workers render and stage the files. Only a few chunks are under way at once.
 */
async function renderOnWorkers(context: OutputContext, plan: () => Iterable<PageSpec>, wanted: ReadonlySet<number>, staging: WorkerStaging): Promise<Problem[]> {
  const pool = context.pool!;
  const { config, cache } = context;
  const base: Omit<PagesTask, 'pages'> = {
    config,
    globals: context.globals,
    siteFingerprint: context.siteFingerprint,
    templatesFingerprint: context.templates.fingerprint,
    render: renderSetup(config, cache),
    output: staging.target(),
  };
  const problems = new Map<string, Problem>();
  const chunks = new BoundedTasks(pool.threads * CHUNKS_PER_THREAD);
  const dispatch = (pages: PagesTask['pages']) =>
    chunks.start(async () => {
      const result = await pool.runPages({ ...base, pages });
      for (const [file, outcome] of result.files) staging.adopt(file, outcome);
      for (const problem of result.problems) problems.set(problemKey(problem), problem);
      for (const [key, entry] of result.repaired) cache.record(key, entry);
      context.progress.tick(pages.length);
    });
  let chunk: PagesTask['pages'] = [];
  let position = 0;
  const last = lastOf(wanted);
  for (const spec of plan()) {
    if (position > last) break;
    if (!wanted.has(position++)) continue;
    const article = spec.article;
    const body = article
      ? { key: article.key, at: cache.bodyAt(article.key), contentPath: article.contentPath, links: resolvedTargets(article, context.index) }
      : undefined;
    chunk.push({ spec, body });
    if (chunk.length === PAGES_PER_CHUNK) {
      await dispatch(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) await dispatch(chunk);
  await chunks.settle();
  return [...problems.values()];
}

/** The highest position wanted: planning stops there (a spread of 100,000 would overflow the stack). */
function lastOf(wanted: ReadonlySet<number>): number {
  let last = -1;
  for (const position of wanted) if (position > last) last = position;
  return last;
}
