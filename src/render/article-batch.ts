// One batch of articles to render: read each file, render it (article.ts), and append its body to
// this thread's pack of the cache's body store (body-store.ts). Runs on a worker thread (workers/pool.ts) or, for a few articles, on the main
// thread: the same function either way. Returns plain data: metadata, warnings, the body's hash.
//
// The key is computed here from the bytes actually read, not taken from the main thread's first
// read: a file saved between the two reads must not store new content under its old key.
// File I/O is synchronous: on a worker thread nothing else waits, and it costs a tenth of the
// promise round trips through libuv's four shared I/O threads (0.05 ms vs 0.55 ms a body here).
// Rendering itself runs under the render guard (budget.ts), reading and storing outside it: an
// article that uses more CPU time than the budget is stopped and becomes a render-timeout problem.

import { renderArticle, type ArticleResult } from './article.js';
import { renderFailpoint, runWithinBudget, type Budgeted } from './budget.js';
import { withPackWriter, type PackWriter, type StoreRef } from './body-store.js';
import { articleKey, type CachedArticle } from './cache.js';
import { sourceHash } from './source-stamps.js';
import { problem, type Problem } from '../problems/index.js';
import { readSourceFile, type SitePaths, type SourceFile } from '../load/discover.js';
import { type ArticleSettings } from '../types/index.js';

/** A batch of article files to render, with what rendering and caching them needs (plain data: it crosses threads). */
export interface RenderTask {
  paths: SitePaths;
  identity: string;
  settings: ArticleSettings;
  /** Where bodies go: the cache's store, and this build's name for its packs. */
  store: StoreRef;
  /** Paths in the content folder. */
  files: string[];
  /** Most CPU time one article's rendering may use, in ms (the config's renderBudgetMs). */
  budgetMs: number;
}

/** What rendering any article of a build needs (a RenderTask without its files): made once by renderSetup. */
export type RenderSetup = Omit<RenderTask, 'files'>;

/** One article's outcome: its cache entry (metadata, warnings, body hash), or the problems that stop it. */
export type RenderTaskResult =
  | { contentPath: string; key: string; ok: true; entry: CachedArticle }
  | { contentPath: string; key: string; ok: false; problems: Problem[] };

/** Read, render and cache each file of the batch, under the render budget; one result per file, in order. */
export default function renderTask(task: RenderTask): RenderTaskResult[] {
  const sources = task.files.map((contentPath) => readSource(task, contentPath));
  const rendered = runWithinBudget(sources.map((source) => () => renderGuarded(source, task.settings)), task.budgetMs);
  return withPackWriter(task.store, (pack) => sources.map((source, i) => store(task, pack, source, rendered[i]!).result));
}

/** One article's rendering, as the guard runs it (with its test seam). */
function renderGuarded(source: SourceFile, settings: ArticleSettings): ArticleResult {
  renderFailpoint(source.file);
  return renderArticle(source, settings);
}

function readSource(task: RenderSetup, contentPath: string): SourceFile & { key: string } {
  const source = readSourceFile(task.paths, contentPath);
  return { ...source, key: articleKey(task.identity, contentPath, sourceHash(source.text)) };
}

/** A rendered article's body appended to the store; a stopped one, a problem. */
function store(task: RenderSetup, pack: PackWriter, source: SourceFile & { key: string }, budgeted: Budgeted<ArticleResult>): { result: RenderTaskResult; html?: string } {
  const { contentPath, key } = source;
  const rendered: ArticleResult = budgeted.ok ? budgeted.value : { ok: false, problems: [renderTimeout(source.file, task.budgetMs)] };
  if (!rendered.ok) return { result: { contentPath, key, ok: false, problems: rendered.problems } };
  const entry = { meta: rendered.article.meta, problems: rendered.problems, body: pack.append(rendered.article.html) };
  return { result: { contentPath, key, ok: true, entry }, html: rendered.article.html };
}

function renderTimeout(file: string, budgetMs: number): Problem {
  return problem('render-timeout', file, { line: 1, column: 1 }, { budgetMs });
}

/**
 * A cached body was missing or damaged: render its article again from the file, store the body
 * afresh and return it ('' if the file no longer renders). Never serves the damaged bytes.
 */
export function renderBodyAgain(task: RenderSetup, contentPath: string): { html: string; key: string; entry?: CachedArticle } {
  const source = readSource(task, contentPath);
  const [rendered] = runWithinBudget([() => renderGuarded(source, task.settings)], task.budgetMs);
  const { result, html } = withPackWriter(task.store, (pack) => store(task, pack, source, rendered!));
  return { html: html ?? '', key: result.key, entry: result.ok ? result.entry : undefined };
}
