// A chunk of pages to render on a worker thread. The main thread plans the pages and sends them a
// chunk at a time, each page with what its article body needs (the body's key and hash, and the
// URLs its links to other articles resolve to). The worker renders them with its own template
// engine (made once, reused for every chunk of the build) and stages each file in the output's
// staging folder itself (write/dist-writer.ts stageFile). No worker holds the whole site, and no page's HTML
// travels back: memory stays bounded however large the archive.

import { readVerifiedBody } from '../render/cache.js';
import type { SiteConfig } from '../config.js';
import { problemKey, type Problem } from '../problems.js';
import { renderPage, type SiteGlobals } from '../pages/render-page.js';
import { renderBodyAgain, type RenderSetup } from '../render/article-batch.js';
import { createTemplates, PAGE_TEMPLATES, TemplateError, type Templates } from '../pages/templates.js';
import { outputFileFor } from '../urls.js';
import { stageFile } from '../write/dist-writer.js';
import type { PageSpec } from '../types.js';
import { resolveArticleLinks } from '../render/article-links.js';

/** What an article page needs to put its body in. */
export interface BodyRef {
  key: string;
  bodyHash: string;
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
  const files: PagesTaskResult['files'] = [];
  const problems = new Map<string, Problem>();
  for (const { spec, body } of task.pages) {
    const file = outputFileFor(spec.url);
    try {
      const html = renderPage(spec, engine.templates, task.globals, task.config, body ? bodyHtml(task, body) : undefined);
      files.push([file, stageFile(task.output.staging, task.output.outPath, task.output.hasOldOutput, file, Buffer.from(html))]);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      problems.set(problemKey(error.problem), error.problem);
    }
  }
  return { files, problems: [...problems.values()] };
}

/** The cached body (or, damaged or missing, the article rendered again), its links resolved. */
function bodyHtml(task: PagesTask, body: BodyRef): string {
  const html = readVerifiedBody(task.render.bodiesDir, body.key, body.bodyHash) ?? renderBodyAgain(task.render, body.contentPath).html;
  const links = new Map(body.links);
  return resolveArticleLinks(html, (contentPath) => links.get(contentPath), task.config.basePath);
}
