// A worker's share of the pages to render. The worker gets the site's metadata once, rebuilds the
// same site model (buildSite and planPages are deterministic), renders the pages at the positions
// it was given, and stages each file in the output's staging folder itself (write.ts stageFile),
// so no page's HTML travels back to the main thread and memory stays bounded.

import type { MessagePort } from 'node:worker_threads';
import type { ArticleMeta, ArticleSettings } from './article.js';
import { readVerifiedBody, type CachedArticle } from './cache.js';
import type { SiteConfig } from './config.js';
import { problemKey, type Problem } from './errors.js';
import { indexArticles, resolveArticleLinks } from './links.js';
import { buildSite, type PublishOptions } from './model.js';
import { planPages } from './pages/index.js';
import { renderPage, siteGlobals } from './render.js';
import { renderBodyAgain } from './render-task.js';
import { createTemplates, PAGE_TEMPLATES, TemplateError } from './templates.js';
import { outputFileFor } from './urls.js';
import { stageFile } from './write.js';

export interface PagesTask {
  config: SiteConfig;
  /** Every article of the build (published or not), with the hash of its cached body. */
  entries: CachedArticle[];
  publish: PublishOptions;
  bodiesDir: string;
  /** To render an article again when its cached body is damaged. */
  identity: string;
  settings: ArticleSettings;
  output: { staging: string; outPath: string; hasOldOutput: boolean };
  /** Positions, in planPages order, of the pages this worker renders. */
  positions: number[];
  /** Receives the number of pages done, now and then, for the progress line. */
  progress?: MessagePort;
}

export interface PagesTaskResult {
  files: Array<[string, 'kept' | 'staged']>;
  problems: Problem[];
}

const PROGRESS_EVERY = 100;

export function renderPagesTask(task: PagesTask): PagesTaskResult {
  const { config } = task;
  const metas = task.entries.map((entry) => entry.meta);
  const { site } = buildSite(metas, task.publish);
  const { templates } = createTemplates(config, PAGE_TEMPLATES);
  const globals = siteGlobals(site, config);
  const index = indexArticles(metas);
  const hashes = new Map(task.entries.map((entry) => [entry.meta.key, entry.bodyHash]));
  const bodyOf = (article: ArticleMeta) => resolveArticleLinks(verifiedBody(task, article, hashes.get(article.key) ?? ''), index, config.basePath);

  const wanted = new Set(task.positions);
  const files: PagesTaskResult['files'] = [];
  const problems = new Map<string, Problem>();
  let position = 0;
  let done = 0;
  for (const spec of planPages(site, config)) {
    if (wanted.has(position++)) {
      const file = outputFileFor(spec.url);
      try {
        const html = renderPage(spec, templates, globals, config, spec.article ? bodyOf(spec.article) : undefined);
        files.push([file, stageFile(task.output.staging, task.output.outPath, task.output.hasOldOutput, file, Buffer.from(html))]);
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        problems.set(problemKey(error.problem), error.problem);
      }
      if (++done % PROGRESS_EVERY === 0) task.progress?.postMessage(PROGRESS_EVERY);
    }
  }
  task.progress?.postMessage(done % PROGRESS_EVERY);
  task.progress?.close();
  return { files, problems: [...problems.values()] };
}

/** The cached body, or (damaged or missing) the article rendered again from its file. */
function verifiedBody(task: PagesTask, article: ArticleMeta, bodyHash: string): string {
  const body = readVerifiedBody(task.bodiesDir, article.key, bodyHash);
  if (body !== undefined) return body;
  const paths = { root: task.config.root, contentPath: task.config.contentPath };
  return renderBodyAgain({ paths, identity: task.identity, settings: task.settings, bodiesDir: task.bodiesDir }, article.contentPath).html;
}
