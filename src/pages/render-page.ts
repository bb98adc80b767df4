// PageSpec -> HTML: assembles the variables every template gets (`site`, `page`, plus the page
// kind's own) and renders the page's template. Pure given the engine.

import { isArticleMeta, type ArticleMeta } from '../render/article.js';
import { resolvedTargets, type ArticleIndex } from '../model/links.js';
import type { SiteConfig } from '../config.js';
import type { Site } from '../model/site.js';
import type { PageSpec } from './index.js';
import { TOPICS } from './terms.js';
import { slugify } from '../slugs.js';
import { articleView, type TermView } from './views.js';
import { problemKey, type Problem } from '../problems.js';
import { pageMetadata } from './metadata.js';
import type { SitemapEntry } from './sitemaps.js';
import { TemplateError, type Templates } from './templates.js';
import { absoluteUrl, outputFileFor } from '../urls.js';
import { DistWriter, type OutputWriter } from '../write/writers.js';
import { fingerprint, type OutputManifest } from '../write/manifest.js';
import type { PagesTask } from '../workers/page-batch.js';
import { PAGE_POOL_THRESHOLD, PAGE_POOL_THRESHOLD_RUNNING, type WorkerPool } from '../workers/pool.js';
import type { Progress } from '../report.js';

/**
 * `site` in every template. Part of every page's fingerprint, so it holds nothing that changes
 * with each new article (no counts): adding an article must not make every page "changed".
 */
export interface SiteGlobals {
  title: string;
  description: string;
  language: string;
  baseUrl: string;
  basePath: string;
  publisher: string;
  timeZone: string;
  /** The largest topics, for the header navigation. */
  nav: TermView[];
}

const inEnglish = new Intl.Collator('en');

export function siteGlobals(site: Site, config: SiteConfig): SiteGlobals {
  const bySlug = new Map(site.topics.map((group) => [group.slug, group]));
  const chosen = config.nav
    ? config.nav.map((name) => bySlug.get(slugify(name))).filter((group) => group !== undefined)
    : [...site.topics]
        .sort((a, b) => b.articles.length - a.articles.length || inEnglish.compare(a.name, b.name))
        .slice(0, config.navTopics)
        // Alphabetical, not by size: the order then changes only when the set does.
        .sort((a, b) => inEnglish.compare(a.name, b.name));
  const nav = chosen.map((group) => ({ name: group.name, slug: group.slug, url: TOPICS.termUrl(group.slug) }));
  return {
    title: config.title,
    description: config.description,
    language: config.language,
    baseUrl: config.baseUrl,
    basePath: config.basePath,
    publisher: config.publisher,
    timeZone: config.timeZone,
    nav,
  };
}

/** Render one page. `body` is the article's HTML for article pages, its links resolved. */
export function renderPage(spec: PageSpec, templates: Templates, globals: SiteGlobals, config: SiteConfig, body?: string): string {
  return templates.render(spec.template, { ...templateData(spec.data), ...pageContext(spec, globals, config, body) });
}


/** Page data as templates see it: articles (alone or in lists) become ArticleViews. */
function templateData(data: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) {
    if (isArticleMeta(value)) result[name] = articleView(value);
    else if (Array.isArray(value) && value.length > 0 && isArticleMeta(value[0])) result[name] = (value as ArticleMeta[]).map(articleView);
    else result[name] = value;
  }
  return result;
}

/**
 * `page` and `article` as templates see them. Every field is present, absent values null (see
 * pages/views.ts): a page without pagination still has page.pagination, as a single page.
 */
function pageContext(spec: PageSpec, globals: SiteGlobals, config: SiteConfig, body: string | undefined) {
  const pagination = spec.pagination;
  return {
    site: globals,
    page: {
      kind: spec.kind,
      url: spec.url,
      template: spec.template,
      title: spec.title,
      description: spec.description,
      canonical: absoluteUrl(globals.baseUrl, spec.url),
      lang: spec.article?.lang ?? globals.language,
      breadcrumbs: spec.breadcrumbs,
      pagination: {
        number: pagination?.number ?? 1,
        total: pagination?.total ?? 1,
        url: pagination?.url ?? spec.url,
        prevUrl: pagination?.prevUrl ?? null,
        nextUrl: pagination?.nextUrl ?? null,
        firstUrl: pagination?.firstUrl ?? spec.url,
        lastUrl: pagination?.lastUrl ?? spec.url,
      },
      lastModified: spec.lastModified ?? null,
      feed: spec.feed ?? null,
      meta: pageMetadata(spec, config),
    },
    article: spec.article ? { ...articleView(spec.article), content: body ?? '' } : null,
  };
}

export interface RenderSiteInput {
  site: Site;
  config: SiteConfig;
  templates: Templates;
  /** Plans the site's pages, in the same order every time (called once or twice). */
  pages: () => Iterable<PageSpec>;
  /** Body HTML of an article, its links to other articles resolved. */
  bodyOf(article: ArticleMeta): Promise<string>;
  /** What the body's links to other articles resolve to: part of the article page's fingerprint. */
  linkTargets(article: ArticleMeta): string[];
  writer: OutputWriter;
  manifest: OutputManifest;
  /** Fingerprint of what every output depends on: code, config, site globals (templates count per page). */
  siteFingerprint: string;
  progress: Progress;
  /** Render on worker threads when there are enough pages (a dist/ build only). */
  parallel?: {
    pool: WorkerPool;
    index: ArticleIndex;
    bodyHashOf(key: string): string;
    task: Omit<PagesTask, 'pages' | 'globals' | 'output' | 'templatesFingerprint'>;
  };
}

/** A page as written: what the sitemap needs of it. */
export interface WrittenPage extends SitemapEntry {
  kind: PageSpec['kind'];
}

export interface RenderedSite {
  pages: WrittenPage[];
  /** Pages rendered this build; the others were current and left as they were. */
  rendered: number;
  problems: Problem[];
}

/**
 * Render and write every page whose inputs changed. First every page is planned and
 * fingerprinted: a page current in the output is kept as it is. Then the rest are rendered, on
 * worker threads when there are enough of them, else here. A template error does not stop the
 * rendering: each distinct error is collected once (a broken article template would otherwise
 * fail thousands of pages alike).
 */
export async function renderSite(input: RenderSiteInput): Promise<RenderedSite> {
  const pages: WrittenPage[] = [];
  const positions: number[] = [];
  let position = 0;
  for (const spec of input.pages()) {
    const file = outputFileFor(spec.url);
    const print = pageFingerprint(input, spec);
    pages.push({ url: spec.url, lastModified: spec.lastModified, kind: spec.kind });
    input.manifest.record(file, print);
    if (input.manifest.isCurrent(file, print)) input.writer.keep(file);
    else positions.push(position);
    position++;
  }

  input.progress.start('Rendering pages', positions.length);
  const { parallel, writer } = input;
  const threshold = parallel?.pool.running ? PAGE_POOL_THRESHOLD_RUNNING : PAGE_POOL_THRESHOLD;
  const wanted = new Set(positions);
  const problems =
    parallel && writer instanceof DistWriter && parallel.pool.use(positions.length, threshold)
      ? await renderOnWorkers(input, wanted, parallel, writer)
      : await renderHere(input, wanted);
  input.progress.end();
  return { pages, rendered: positions.length, problems };
}

/** What a page's bytes depend on: the site, its template's files, its spec, where its article links go. */
function pageFingerprint(input: RenderSiteInput, spec: PageSpec): string {
  return fingerprint(input.siteFingerprint, input.templates.fingerprintOf(spec.template), spec, spec.article ? input.linkTargets(spec.article) : null);
}

async function renderHere(input: RenderSiteInput, wanted: ReadonlySet<number>): Promise<Problem[]> {
  const globals = siteGlobals(input.site, input.config);
  const problems = new Map<string, Problem>();
  let position = 0;
  for (const spec of input.pages()) {
    if (!wanted.has(position++)) continue;
    try {
      const body = spec.article ? await input.bodyOf(spec.article) : undefined;
      await input.writer.write(outputFileFor(spec.url), renderPage(spec, input.templates, globals, input.config, body));
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      problems.set(problemKey(error.problem), error.problem);
    }
    input.progress.tick();
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
async function renderOnWorkers(
  input: RenderSiteInput,
  wanted: ReadonlySet<number>,
  parallel: NonNullable<RenderSiteInput['parallel']>,
  writer: DistWriter,
): Promise<Problem[]> {
  const { pool } = parallel;
  const base = { ...parallel.task, templatesFingerprint: input.templates.fingerprint, globals: siteGlobals(input.site, input.config), output: writer.prepare() };
  const problems = new Map<string, Problem>();
  const inFlight = new Set<Promise<void>>();
  const dispatch = async (pages: PagesTask['pages']) => {
    while (inFlight.size >= pool.threads * CHUNKS_PER_THREAD) await Promise.race(inFlight);
    const task = pool.runPages({ ...base, pages }).then((result) => {
      for (const [file, outcome] of result.files) writer.adopt(file, outcome);
      for (const problem of result.problems) problems.set(problemKey(problem), problem);
      input.progress.tick(pages.length);
    });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task)).catch(() => undefined);
  };
  let chunk: PagesTask['pages'] = [];
  let position = 0;
  for (const spec of input.pages()) {
    if (!wanted.has(position++)) continue;
    const article = spec.article;
    const body = article
      ? { key: article.key, bodyHash: parallel.bodyHashOf(article.key), contentPath: article.contentPath, links: resolvedTargets(article, parallel.index) }
      : undefined;
    chunk.push({ spec, body });
    if (chunk.length === PAGES_PER_CHUNK) {
      await dispatch(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) await dispatch(chunk);
  await Promise.all(inFlight);
  return [...problems.values()];
}
