// PageSpec -> HTML: assembles the variables every template gets (`site`, `page`, plus the page
// kind's own) and renders the page's template. Pure given the engine: the main thread and the page
// workers both call it, so it must not import the pool, the writers or the manifest.

import type { SiteConfig } from '../config.js';
import { isMultilingual, siteLanguage, type SiteLanguage } from '../languages.js';
import { slugify } from '../slugs.js';
import { isArticleMeta, type ArticleMeta, type ImageFile, type PageSpec, type Site } from '../types/index.js';
import { absoluteUrl } from '../urls.js';
import { resolveBodyImages } from '../images/placeholders.js';
import { pageMetadata } from './metadata.js';
import type { Templates } from './templates.js';
import { TOPICS } from './terms.js';
import { articleView, type TermView } from './views.js';

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
  /** Whether the site has search (config `search`): the header's box and the /search/ page. */
  search: boolean;
  /** The largest topics, for the header navigation. */
  nav: TermView[];
}

const inEnglish = new Intl.Collator('en');

/** The `site` variable of every template: config fields and the header navigation. */
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
    search: config.search,
    nav,
  };
}

/**
 * The language a page is written in: its texts, dates and numbers and its script's direction
 * (`language` in its templates). An article's page is in the article's language when that is one
 * of a multilingual site's; every other page, and every page of a one-language site, in the site's
 * default language (whatever an article's `lang` says: a one-language site's pages read as before).
 */
export function pageLanguage(spec: Pick<PageSpec, 'article'>, config: Pick<SiteConfig, 'language' | 'languages' | 'title' | 'description'>): SiteLanguage {
  const own = isMultilingual(config) && spec.article ? siteLanguage(config, spec.article.lang) : undefined;
  return own ?? siteLanguage(config, config.language)!;
}

/** Render one page. `body` is the article's HTML for article pages, its links resolved. */
export function renderPage(spec: PageSpec, templates: Templates, globals: SiteGlobals, config: SiteConfig, body?: string): string {
  return templates.render(spec.template, { ...templateData(spec.data, spec.photos ?? {}), ...pageContext(spec, globals, templates.stylesheets, config, body) });
}

/**
 * Page data as templates see it: articles (alone or in lists) become ArticleViews, with their
 * teaser photos where the page shows them, also one level down in a list of records (the front
 * page's sections, each with its `articles`).
 */
function templateData(data: Record<string, unknown>, photos: Readonly<Record<string, ImageFile[]>>, nested = true): Record<string, unknown> {
  const view = (article: ArticleMeta) => articleView(article, Object.hasOwn(photos, article.contentPath) ? photos[article.contentPath] : undefined);
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) {
    if (isArticleMeta(value)) result[name] = view(value);
    else if (Array.isArray(value) && value.length > 0 && isArticleMeta(value[0])) result[name] = (value as ArticleMeta[]).map(view);
    else if (nested && Array.isArray(value) && value.length > 0 && isRecord(value[0])) result[name] = (value as Record<string, unknown>[]).map((item) => templateData(item, photos, false));
    else result[name] = value;
  }
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isArticleMeta(value);
}

/**
 * `site` (the globals and the stylesheets every page links), `language`, `page` and `article` as templates see them. Every field is present, absent values null (see
 * pages/views.ts): a page without pagination still has page.pagination, as a single page.
 */
function pageContext(spec: PageSpec, globals: SiteGlobals, stylesheets: readonly string[], config: SiteConfig, body: string | undefined) {
  const pagination = spec.pagination;
  return {
    site: { ...globals, stylesheets },
    // The page's language: code, locale, direction (ltr, rtl), and the site's title and description in it.
    language: pageLanguage(spec, config),
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
        first: pagination?.first ?? true,
        total: pagination?.total ?? null,
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
    // Body images were placeholders until now (images/placeholders.ts); the lead image is ready-made markup.
    article: spec.article ? { ...articleView(spec.article), content: resolveBodyImages(body ?? '', spec.images?.body), picture: spec.images?.lead ?? null } : null,
  };
}
