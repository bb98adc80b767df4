// PageSpec -> HTML: assembles the variables every template gets (`site`, `page`, plus the page
// kind's own) and renders the page's template. Pure given the engine.

import type { SiteConfig } from './config.js';
import type { Site } from './model.js';
import type { PageSpec } from './pages/index.js';
import { TOPICS, termSummary } from './pages/terms.js';
import { articleView, type TermSummary } from './pages/views.js';
import type { Problem } from './errors.js';
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

/** Render one page. `body` is the article's HTML for article pages. */
export function renderPage(spec: PageSpec, templates: Templates, globals: SiteGlobals, body?: string): string {
  const { data, article, ...page } = spec;
  return templates.render(spec.template, {
    ...data,
    site: globals,
    page: { ...page, canonical: absoluteUrl(globals.baseUrl, spec.url), lang: article?.lang ?? globals.language },
    article: article ? { ...articleView(article), content: body ?? '' } : undefined,
  });
}

export interface RenderSiteInput {
  site: Site;
  config: SiteConfig;
  templates: Templates;
  pages: Iterable<PageSpec>;
  bodies: ReadonlyMap<string, string>;
  writer: OutputWriter;
}

/**
 * Render and write every page. A template error does not stop the loop: each distinct error is
 * collected once (a broken article template would otherwise fail thousands of pages alike).
 */
export async function renderSite(input: RenderSiteInput): Promise<{ pages: number; problems: Problem[] }> {
  const globals = siteGlobals(input.site, input.config);
  const problems = new Map<string, Problem>();
  let pages = 0;
  for (const spec of input.pages) {
    let html: string;
    try {
      html = renderPage(spec, input.templates, globals, spec.article ? input.bodies.get(spec.article.file) : undefined);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      const p = error.problem;
      problems.set(`${p.file}:${p.line}:${p.column}:${p.message}`, p);
      continue;
    }
    if (problems.size === 0) await input.writer.write(outputFileFor(spec.url), html);
    pages++;
  }
  return { pages, problems: [...problems.values()] };
}
