// PageSpec -> HTML: assembles the variables every template gets (`site`, `page`, plus the page
// kind's own) and renders the page's template. Pure given the engine.

import type { ArticleMeta } from './article.js';
import type { SiteConfig } from './config.js';
import type { Site } from './model.js';
import type { PageSpec } from './pages/index.js';
import { TOPICS, termSummary } from './pages/terms.js';
import { articleView, type TermSummary } from './pages/views.js';
import type { Problem } from './errors.js';
import { pageMetadata } from './metadata.js';
import type { SitemapEntry } from './sitemaps.js';
import { TemplateError, type Templates } from './templates.js';
import { absoluteUrl, outputFileFor } from './urls.js';
import type { OutputWriter } from './write.js';

/** `site` in every template. */
export interface SiteGlobals {
  title: string;
  description: string;
  language: string;
  baseUrl: string;
  basePath: string;
  publisher: string;
  timeZone: string;
  /** The largest topics, for the header navigation. */
  nav: TermSummary[];
  articleCount: number;
}

export function siteGlobals(site: Site, config: SiteConfig): SiteGlobals {
  const nav = [...site.topics]
    .sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'en'))
    .slice(0, config.navTopics)
    .map((group) => termSummary(group, TOPICS));
  return {
    title: config.title,
    description: config.description,
    language: config.language,
    baseUrl: config.baseUrl,
    basePath: config.basePath,
    publisher: config.publisher,
    timeZone: config.timeZone,
    nav,
    articleCount: site.articles.length,
  };
}

/** Render one page. `body` is the article's HTML for article pages, its links resolved. */
export function renderPage(spec: PageSpec, templates: Templates, globals: SiteGlobals, config: SiteConfig, body?: string): string {
  return templates.render(spec.template, { ...spec.data, ...pageContext(spec, globals, config, body) });
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
  pages: Iterable<PageSpec>;
  /** Body HTML of an article, its links to other articles resolved. */
  bodyOf(article: ArticleMeta): string;
  writer: OutputWriter;
}

/**
 * Render and write every page. A template error does not stop the loop: each distinct error is
 * collected once (a broken article template would otherwise fail thousands of pages alike).
 */
/** A page as written: what the sitemap needs of it. */
export interface WrittenPage extends SitemapEntry {
  kind: PageSpec['kind'];
}

export async function renderSite(input: RenderSiteInput): Promise<{ pages: WrittenPage[]; problems: Problem[] }> {
  const globals = siteGlobals(input.site, input.config);
  const problems = new Map<string, Problem>();
  const pages: WrittenPage[] = [];
  for (const spec of input.pages) {
    let html: string;
    try {
      html = renderPage(spec, input.templates, globals, input.config, spec.article ? input.bodyOf(spec.article) : undefined);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      const p = error.problem;
      problems.set(`${p.file}:${p.line}:${p.column}:${p.message}`, p);
      continue;
    }
    if (problems.size === 0) await input.writer.write(outputFileFor(spec.url), html);
    pages.push({ url: spec.url, lastModified: spec.lastModified, kind: spec.kind });
  }
  return { pages, problems: [...problems.values()] };
}
