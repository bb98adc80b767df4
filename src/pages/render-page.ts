// PageSpec -> HTML: assembles the variables every template gets (`site`, `page`, plus the page
// kind's own) and renders the page's template. Pure given the engine: the main thread and the page
// workers both call it, so it must not import the pool, the writers or the manifest.

import type { SiteConfig } from '../config.js';
import { slugify } from '../slugs.js';
import { isArticleMeta, type ArticleMeta, type ImageFile, type PageSpec, type Site } from '../types/index.js';
import { configFor, listedOrder, siteLanguage, type SiteLanguage } from '../languages.js';
import { allSites } from '../model/languages.js';
import { absoluteUrl, homeUrl } from '../urls.js';
import { resolveBodyImages } from '../images/placeholders.js';
import { pageMetadata } from './metadata.js';
import type { Templates } from './templates.js';
import { TOPICS } from './terms.js';
import { hreflangLinks } from './hreflang.js';
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
  /**
   * A multilingual site's: its languages in order (for the switcher: code, name in itself, home),
   * and each language's own `site` (its title, nav, prefix), by code.
   */
  languages?: LanguageLink[];
  byLanguage?: Record<string, SiteGlobals>;
  /** Its language's URL prefix: '' but for a multilingual site's other languages ("/ru"). */
  prefix: string;
  /** A multilingual site's default language (x-default's). */
  defaultLanguage?: string;
}

/** A language as the switcher shows it: its code, its name in itself, its home page. */
export interface LanguageLink {
  code: string;
  name: string;
  home: string;
}

const inEnglish = new Intl.Collator('en');

/**
 * The `site` variable of every template: config fields and the header navigation; a multilingual
 * site's also has each language's (its title, navigation and prefix) and the switcher's list.
 */
export function siteGlobals(site: Site, config: SiteConfig): SiteGlobals {
  if (!site.otherLanguages) return languageGlobals(site, config);
  const sites = allSites(site);
  const byLanguage = Object.fromEntries(sites.map((each) => [each.language.code, languageGlobals(each, configFor(config, each.language))]));
  const rank = listedOrder(config);
  const languages = sites
    .map((each) => ({ code: each.language.code, name: languageName(each.language.code), home: homeUrl(each.language.prefix) }))
    .sort((a, b) => rank(a.code) - rank(b.code));
  return { ...byLanguage[site.language.code]!, languages, byLanguage, defaultLanguage: site.language.code };
}

/** A language's name in that language, as a switcher shows it: "Қазақ тілі", "Русский", "English". */
function languageName(code: string): string {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

/** One language's `site`: config fields and the header navigation. */
function languageGlobals(site: Site, config: SiteConfig): SiteGlobals {
  const bySlug = new Map(site.topics.map((group) => [group.slug, group]));
  const chosen = config.nav
    ? config.nav.map((name) => bySlug.get(slugify(name))).filter((group) => group !== undefined)
    : [...site.topics]
        .sort((a, b) => b.articles.length - a.articles.length || inEnglish.compare(a.name, b.name))
        .slice(0, config.navTopics)
        // Alphabetical, not by size: the order then changes only when the set does.
        .sort((a, b) => inEnglish.compare(a.name, b.name));
  const nav = chosen.map((group) => ({ name: group.name, slug: group.slug, url: TOPICS.termUrl(group.slug, config.urlPrefix) }));
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
    prefix: config.urlPrefix,
  };
}

/**
 * The language a page is written in: its texts, dates and numbers and its script's direction
 * (`language` in its templates). A multilingual site's page is in the language it was planned in
 * (pages/languages.ts); every page of a one-language site in the site's language (whatever an
 * article's `lang` says: a one-language site's pages read as before).
 */
export function pageLanguage(spec: Pick<PageSpec, 'language'>, config: Pick<SiteConfig, 'language' | 'languages' | 'title' | 'description'>): SiteLanguage {
  return siteLanguage(config, spec.language ?? config.language)!;
}

/**
 * Render one page. `body` is the article's HTML for article pages, its links resolved. A
 * multilingual site's page is rendered with its language's `site` and view of the config.
 */
export function renderPage(spec: PageSpec, templates: Templates, globals: SiteGlobals, config: SiteConfig, body?: string): string {
  const own = spec.language !== undefined ? globals.byLanguage?.[spec.language] : undefined;
  const language = own && spec.language !== undefined ? siteLanguage(config, spec.language) : undefined;
  const view = language ? configFor(config, language) : config;
  const site = own ? { ...own, languages: globals.languages, defaultLanguage: globals.defaultLanguage } : globals;
  return templates.render(spec.template, { ...templateData(spec.data, spec.photos ?? {}, view.urlPrefix), ...pageContext(spec, site, templates.stylesheets, view, body) });
}

/**
 * Page data as templates see it: articles (alone or in lists) become ArticleViews, with their
 * teaser photos where the page shows them, also one level down in a list of records (the front
 * page's sections, each with its `articles`).
 */
function templateData(data: Record<string, unknown>, photos: Readonly<Record<string, ImageFile[]>>, prefix: string, nested = true): Record<string, unknown> {
  const view = (article: ArticleMeta) => articleView(article, Object.hasOwn(photos, article.contentPath) ? photos[article.contentPath] : undefined, prefix);
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) {
    if (isArticleMeta(value)) result[name] = view(value);
    else if (Array.isArray(value) && value.length > 0 && isArticleMeta(value[0])) result[name] = (value as ArticleMeta[]).map(view);
    else if (nested && Array.isArray(value) && value.length > 0 && isRecord(value[0])) result[name] = (value as Record<string, unknown>[]).map((item) => templateData(item, photos, prefix, false));
    else result[name] = value;
  }
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isArticleMeta(value);
}

/** The switcher's entries on a page in language `current`: each language's version of the page, else its home. */
function switcher(spec: PageSpec, languages: readonly LanguageLink[], current: string) {
  return languages.map((language) => {
    const own = language.code === current;
    const url = own ? spec.url : (spec.alternates?.find((alternate) => alternate.lang === language.code)?.url ?? language.home);
    return { ...language, url, current: own };
  });
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
      lang: spec.article?.lang ?? spec.language ?? globals.language,
      // Itself and its counterparts in the other languages (hreflang), and x-default (hreflang.ts).
      alternates: spec.alternates ? hreflangLinks(spec.alternates, globals.defaultLanguage ?? globals.language) : null,
      // The language switcher: this page in its own language, each other's version of it, else that language's home page.
      languages: globals.languages ? switcher(spec, globals.languages, spec.language ?? globals.language) : null,
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
    article: spec.article ? { ...articleView(spec.article, undefined, config.urlPrefix), content: resolveBodyImages(body ?? '', spec.images?.body), picture: spec.images?.lead ?? null } : null,
  };
}
