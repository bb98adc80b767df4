// Every article of the site, through the cache: the input stage of the build.
//
// Pass 1 finds each file's key: from its stamp when the file is unchanged since the cache recorded
// it (render/source-stamps.ts: a stat, no read), else by reading and hashing it (one file at a time;
// texts are not kept); then it looks the key up in the cache. Pass 2 renders the misses in batches on the worker pool, which
// stores their bodies in the cache. The result is metadata only; bodies are read back one at a
// time when a page needs them (bodyReader).

import path from 'node:path';
import { articleKey, type ArticleCache, type CachedArticle } from '../render/cache.js';
import { renderSetup } from '../render/setup.js';
import { startContentScan, type ContentScan } from '../render/content-scan.js';
import { sourceHash, stampOf } from '../render/source-stamps.js';
import type { SiteConfig } from '../config.js';
import { problem, type Problem } from '../problems/index.js';
import { displayPath, existingContentFiles, readSourceFile } from '../load/discover.js';
import { articleSizeProblem } from '../render/article-size.js';
import type { RenderTask, RenderTaskResult } from '../render/article-batch.js';
import { ARTICLE_POOL_THRESHOLD, isWorkerOutOfMemory, loadRenderTask, workerHeapMb, type WorkerPool } from '../workers/pool.js';
import type { Progress } from '../report.js';
import type { ArticleMeta } from '../types/index.js';

/** Articles sent to a worker at once: large enough to amortise messaging, small enough to balance. */
const BATCH = 64;

/** Every article of the site as collected: metadata only, with their problems. */
export interface CollectedArticles {
  /** Every article that rendered, in content-path order. */
  articles: ArticleMeta[];
  problems: Problem[];
  /** Articles rendered this build (cache misses). */
  rendered: number;
  /** Files read and hashed to find their keys; the others' stamps matched the cache's. */
  read: number;
}

/** How to collect: the pool for the misses, progress, and (dev) only some files. */
export interface CollectOptions {
  /** Renders the articles when there are enough of them to pay for starting workers. */
  pool: WorkerPool;
  progress: Progress;
  /** Collect only these content paths (the dev server's changed files); those that no longer exist are skipped. */
  only?: readonly string[];
  /** The content folder as a scan started earlier found it (render/content-scan.ts); without it (and `only`), scanned here. */
  scan?: ContentScan;
}

/** Every article file through the cache: hits read back, misses rendered (on workers when there are enough); content-path order. */
export async function collectArticles(config: SiteConfig, cache: ArticleCache, options: CollectOptions): Promise<CollectedArticles> {
  const setup = renderSetup(config, cache);
  // Links leading outside the site are problems here, and their files are never read.
  const scan = options.only ? undefined : (options.scan ?? startContentScan(config));
  const scanned = scan && (await scan.result);
  const { files, problems: linkProblems, others = [] } = scanned ?? existingContentFiles(config, options.only!);

  const found = new Map<string, CachedArticle>();
  const misses: string[] = [];
  const problems: Problem[] = [...linkProblems];
  let read = 0;
  options.progress.start('Reading articles', files.length);
  cache.stamps.startReading(scan?.startedMs);
  for (const [at, contentPath] of files.entries()) {
    // The stamp is taken before any read: a change after it shows as a new stamp next time.
    const absolute = () => path.join(config.contentPath, contentPath);
    const stamp = scanned ? scanned.stamps[at] : stampOf(absolute());
    // A file past the size limit is never read: it could fill memory.
    const tooLarge = stamp && articleSizeProblem(() => displayPath(config, absolute()), stamp.size);
    if (tooLarge) {
      problems.push(tooLarge);
      options.progress.tick();
      continue;
    }
    let hash = cache.stamps.known(contentPath, stamp);
    if (hash === undefined) {
      // Read and hashed on the scan's thread meanwhile (changed since the cache was saved), or here.
      hash = scanned?.hashes?.[at] ?? sourceHash(readSourceFile(config, contentPath).text);
      read++;
    }
    cache.stamps.record(contentPath, stamp, hash);
    const cached = cache.lookup(articleKey(setup.identity, contentPath, hash));
    if (cached) found.set(contentPath, cached);
    else misses.push(contentPath);
    options.progress.tick();
  }
  options.progress.end();
  cache.releaseUnused();

  problems.push(...unreadFiles(config, files, others));
  options.progress.start('Rendering articles', misses.length);
  misses.sort();
  const batches: string[][] = [];
  for (let i = 0; i < misses.length; i += BATCH) batches.push(misses.slice(i, i + BATCH));
  const onWorkers = options.pool.use(misses.length, ARTICLE_POOL_THRESHOLD);
  // Nothing to render (every article from the cache): the Markdown stack is not even loaded.
  const renderHere = onWorkers || misses.length === 0 ? undefined : await loadRenderTask();
  await Promise.all(
    batches.map(async (batch) => {
      const task = { ...setup, files: batch };
      const results = renderHere ? renderHere(task) : await renderOnWorkers(options.pool, task);
      for (const result of results) {
        if (result.ok) {
          cache.record(result.key, result.entry);
          found.set(result.contentPath, result.entry);
        } else {
          problems.push(...result.problems);
        }
      }
      options.progress.tick(batch.length);
    }),
  );
  options.progress.end();

  const articles: ArticleMeta[] = [];
  for (const file of files) {
    const entry = found.get(file);
    if (!entry) continue;
    articles.push(entry.meta);
    problems.push(...entry.problems);
  }
  return { articles, problems, rendered: misses.length, read };
}

/**
 * Warnings for the content folder's files that nothing reads, and, when it holds files but no
 * article, one that says so with the kinds of file it holds.
 */
function unreadFiles(config: SiteConfig, articles: readonly string[], others: readonly string[]): Problem[] {
  const at = { line: 1, column: 1 };
  const problems = others.map((file) => problem('content-not-article', displayPath(config, path.join(config.contentPath, file)), at));
  if (articles.length === 0 && others.length > 0) {
    const counts = new Map<string, number>();
    for (const file of others) {
      const extension = path.posix.extname(file) || '(no extension)';
      counts.set(extension, (counts.get(extension) ?? 0) + 1);
    }
    const kinds = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([extension, count]) => `${count} ${extension}`).join(', ');
    problems.push(problem('content-no-articles', displayPath(config, config.contentPath), at, { files: others.length, kinds }));
  }
  return problems;
}

/**
 * A batch rendered on the workers. A worker that runs out of heap (workerHeapMb) loses its whole
 * batch: its articles are rendered again one by one, and one that runs out of heap alone is a
 * render-memory problem, not the end of the build.
 */
async function renderOnWorkers(pool: WorkerPool, task: RenderTask): Promise<RenderTaskResult[]> {
  try {
    return await pool.runArticles(task);
  } catch (error) {
    if (!isWorkerOutOfMemory(error)) throw error;
    if (task.files.length > 1) return (await Promise.all(task.files.map((file) => renderOnWorkers(pool, { ...task, files: [file] })))).flat();
    const contentPath = task.files[0]!;
    const file = displayPath(task.paths, path.join(task.paths.contentPath, contentPath));
    return [{ contentPath, key: '', ok: false, problems: [problem('render-memory', file, { line: 1, column: 1 }, { limitMb: workerHeapMb() })] }];
  }
}

/**
 * The body HTML of an article, from the cache. A body that is missing or fails its hash check
 * (a truncated or edited cache file) is never served: the article is rendered again, here.
 */
export function bodyReader(config: SiteConfig, cache: ArticleCache): (article: ArticleMeta) => Promise<string> {
  const setup = renderSetup(config, cache);
  return async (article) => {
    const body = cache.body(article.key);
    if (body !== undefined) return body;
    const { renderBodyAgain } = await import('../render/article-batch.js');
    const again = renderBodyAgain(setup, article.contentPath);
    if (again.entry) cache.record(again.key, again.entry);
    return again.html;
  };
}
