// A chunk of pages to render on a worker thread. The main thread plans the pages and sends them a
// chunk at a time, each page with what its article body needs (where the body is in the cache's
// store, with its hash, and the URLs its links to other articles resolve to). The worker renders them with its own template
// engine (made once, reused for every chunk of the build) and stages each file in the output's
// staging folder itself (write/dist-writer.ts stageFile). No worker holds the whole site, and no page's HTML
// travels back: memory stays bounded however large the archive.

import { PackReader, type BodyAt } from '../render/body-store.js';
import type { CachedArticle } from '../render/cache.js';
import type { SiteConfig } from '../config.js';
import { problemKey, type Problem } from '../problems/index.js';
import { renderPage, type SiteGlobals } from '../pages/render-page.js';
import { renderBodyAgain, type RenderSetup } from '../render/article-batch.js';
import { createTemplates, PAGE_TEMPLATES, TemplateError, type Templates } from '../pages/templates.js';
import { outputFileFor } from '../urls.js';
import { stageFile } from '../write/dist-writer.js';
import type { PageSpec } from '../types/index.js';
import { resolveArticleLinks } from '../render/article-links.js';

/** What an article page needs to put its body in. */
export interface BodyRef {
  key: string;
  /** Where the cached body is, with its hash; undefined when the cache has none. */
  at: BodyAt | undefined;
  contentPath: string;
  /** [content path, URL] of each article the body links to that exists. */
  links: Array<[string, string]>;
}

/**
 * One chunk of pages for a worker, plus everything it needs to render and stage them; plain data
 * (structured-cloned).
 */
export interface PagesTask {
  config: SiteConfig;
  globals: SiteGlobals;
  /** With templatesFingerprint, identifies the build's config and templates: the worker's engine is made once per pair. */
  siteFingerprint: string;
  templatesFingerprint: string;
  pages: Array<{ spec: PageSpec; body?: BodyRef }>;
  /** Where cached bodies are, and how to render an article again when its cached body is damaged. */
  render: RenderSetup;
  output: { staging: string; outPath: string; hasOldOutput: boolean };
}

/**
 * What a chunk produced: each rendered page's output file (relative to the output folder) and
 * whether it was staged or left unchanged in place; pages whose template failed are absent, their
 * problems listed once each.
 */
export interface PagesTaskResult {
  files: Array<[string, 'kept' | 'staged']>;
  problems: Problem[];
  /** Articles whose cached body was damaged, rendered again: their new cache entries, for the index. */
  repaired: Array<[string, CachedArticle]>;
}

let engine: { fingerprint: string; templates: Templates } | undefined;

/**
 * Render and stage a chunk of pages on this thread, in order. Template errors become problems; any
 * other error is thrown. Reuses the template engine while the config and templates fingerprints
 * stay the same.
 */
export function renderPagesTask(task: PagesTask): PagesTaskResult {
  const identity = `${task.siteFingerprint}:${task.templatesFingerprint}`;
  if (engine?.fingerprint !== identity) {
    engine = { fingerprint: identity, templates: createTemplates(task.config, PAGE_TEMPLATES).templates };
  }
  const result: PagesTaskResult = { files: [], problems: [], repaired: [] };
  const problems = new Map<string, Problem>();
  // One descriptor per pack for the chunk, however many bodies it reads from it.
  const reader = new PackReader(task.render.store.dir);
  try {
    for (const { spec, body } of task.pages) {
      const file = outputFileFor(spec.url);
      try {
        const html = renderPage(spec, engine.templates, task.globals, task.config, body ? bodyHtml(task, reader, body, result) : undefined);
        result.files.push([file, stageFile(task.output.staging, task.output.outPath, task.output.hasOldOutput, file, Buffer.from(html))]);
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        problems.set(problemKey(error.problem), error.problem);
      }
    }
  } finally {
    reader.close();
  }
  result.problems = [...problems.values()];
  return result;
}

/** The cached body (or, damaged or missing, the article rendered again and its entry kept for the index), its links resolved. */
function bodyHtml(task: PagesTask, reader: PackReader, body: BodyRef, result: PagesTaskResult): string {
  let html = body.at && reader.read(body.at);
  if (html === undefined) {
    const again = renderBodyAgain(task.render, body.contentPath);
    if (again.entry) result.repaired.push([again.key, again.entry]);
    html = again.html;
  }
  const links = new Map(body.links);
  return resolveArticleLinks(html, (contentPath) => links.get(contentPath), task.config.basePath);
}
