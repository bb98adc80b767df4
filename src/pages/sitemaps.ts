// Sitemaps for search engines: /sitemap.xml (every HTML page, with lastmod; a sitemap index with
// /sitemap-N.xml parts past 50,000 URLs), /news-sitemap.xml (Google News: articles of the last two
// days before the build time, at most 1,000) and /robots.txt pointing at both. The pages are listed
// articles first, oldest first, then every other page (sitemapOrder): a new article joins the end
// of the articles, so in a large archive the parts before the one it lands in keep every byte,
// and a publish changes one part (with the list pages) instead of every part.
// The `sitemap` package writes the news sitemap and the index of parts (escaping, namespaces, the
// News extension); the page sitemaps' <urlset>, the large part, is sitemap-xml.ts's, for speed.

import type { SitemapItemLoose } from 'sitemap';
import type { SiteConfig } from '../config.js';
import { absoluteUrl, outputFileFor } from '../urls.js';
import type { OutputWriter } from '../write/output-writer.js';
import { fingerprint } from '../write/fingerprint.js';
import { writeUnlessCurrent, type OutputManifest } from '../write/manifest.js';
import type { Alternate, ArticleMeta } from '../types/index.js';
import { hreflangLinks } from './hreflang.js';
import { urlSetXml } from './sitemap-xml.js';

/** The sitemap protocol's limit per file. */
export const SITEMAP_LIMIT = 50_000;
/** Google News: articles published in the last two days, at most 1,000 of them. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
/** Most articles one news sitemap may list (Google News' limit). */
export const NEWS_LIMIT = 1000;

/** One page for /sitemap.xml. */
export interface SitemapEntry {
  /** Site path. */
  url: string;
  /** ISO date-time of the page's newest content. */
  lastModified?: string;
  /** A multilingual site's page: its counterparts by language (xhtml:link), as the page lists them. */
  alternates?: Alternate[];
}

// The `sitemap` package is loaded only when a sitemap must be written (not when it is current).
const sitemapPackage = () => import('sitemap');

/**
 * The files of a page sitemap listing `entries`: /sitemap.xml alone up to 50,000 URLs, else
 * /sitemap-N.xml parts of 50,000 each in order (and /sitemap.xml their index, not listed here).
 */
function sitemapParts(entries: readonly SitemapEntry[]): Array<{ url: string; entries: readonly SitemapEntry[] }> {
  if (entries.length <= SITEMAP_LIMIT) return [{ url: '/sitemap.xml', entries }];
  const parts: Array<{ url: string; entries: readonly SitemapEntry[] }> = [];
  for (let start = 0; start < entries.length; start += SITEMAP_LIMIT) {
    parts.push({ url: `/sitemap-${parts.length + 1}.xml`, entries: entries.slice(start, start + SITEMAP_LIMIT) });
  }
  return parts;
}

/**
 * [site path, XML] of /sitemap.xml, plus /sitemap-N.xml parts when there are more than 50,000 URLs
 * (then /sitemap.xml is their index). Entries keep their order; URLs are made absolute.
 */
export async function renderSitemaps(entries: readonly SitemapEntry[], config: SiteConfig): Promise<Array<[string, string]>> {
  const parts = sitemapParts(entries);
  const files = parts.map(({ url, entries: listed }): [string, string] => [url, urlSet(listed, config)]);
  if (parts[0]!.url === '/sitemap.xml') return files;
  return [['/sitemap.xml', await sitemapIndex(parts.map(({ url }) => url), config)], ...files];
}

/** The sitemap index of the parts at site paths `partUrls`. */
async function sitemapIndex(partUrls: readonly string[], config: SiteConfig): Promise<string> {
  const { SitemapIndexStream, streamToPromise } = await sitemapPackage();
  const index = new SitemapIndexStream();
  for (const url of partUrls) index.write({ url: absoluteUrl(config.baseUrl, url) });
  index.end();
  return (await streamToPromise(index)).toString();
}

function urlSet(entries: readonly SitemapEntry[], config: SiteConfig): string {
  if (entries.length === 0) return EMPTY_NEWS_SITEMAP.replace(' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"', '');
  const multilingual = entries.some((entry) => entry.alternates);
  const items = entries.map((entry) => ({
    loc: absoluteUrl(config.baseUrl, entry.url),
    lastmod: entry.lastModified,
    links: entry.alternates && hreflangLinks(entry.alternates, config.language).map((link) => ({ lang: link.lang, url: absoluteUrl(config.baseUrl, link.url) })),
  }));
  return urlSetXml(items, multilingual);
}

/** Articles for the news sitemap: published within two days before `now`, newest first, at most 1,000. */
export function newsArticles(articles: readonly ArticleMeta[], now: number): ArticleMeta[] {
  const recent: ArticleMeta[] = [];
  for (const article of articles) {
    if (recent.length === NEWS_LIMIT) break;
    if (article.date.epoch > now) continue;
    // Articles are newest first: the first one too old ends the window.
    if (article.date.epoch < now - NEWS_WINDOW_MS) break;
    recent.push(article);
  }
  return recent;
}

/** An empty but valid urlset: the `sitemap` package refuses to write one with no URLs. */
const EMPTY_NEWS_SITEMAP =
  '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"></urlset>';

/**
 * /news-sitemap.xml for `articles` as given (see newsArticles), in their order; a valid empty
 * urlset for none.
 */
export async function renderNewsSitemap(articles: readonly ArticleMeta[], config: SiteConfig): Promise<string> {
  if (articles.length === 0) return EMPTY_NEWS_SITEMAP;
  const { SitemapStream, streamToPromise } = await sitemapPackage();
  const stream = new SitemapStream({ xmlns: { news: true, xhtml: false, image: false, video: false } });
  for (const article of articles) {
    const item: SitemapItemLoose = {
      url: absoluteUrl(config.baseUrl, article.url),
      news: {
        publication: { name: config.publisher, language: newsLanguage(article.lang) },
        publication_date: article.date.iso,
        title: article.title,
      },
    };
    stream.write(item);
  }
  stream.end();
  return (await streamToPromise(stream)).toString();
}

/** Google News wants an ISO 639 code ("en", "kk"), or zh-cn / zh-tw. */
function newsLanguage(lang: string): string {
  const lower = lang.toLowerCase();
  return lower === 'zh-cn' || lower === 'zh-tw' ? lower : lower.split('-')[0]!;
}

/**
 * The pages in sitemap order: the articles oldest first (the site lists them newest first), then
 * every other page in the site's order; the 404 page, served for missing URLs, is left out.
 */
function sitemapOrder(pages: readonly (SitemapEntry & { kind: string })[]): SitemapEntry[] {
  const articles: SitemapEntry[] = [];
  const others: SitemapEntry[] = [];
  for (const { url, lastModified, alternates, kind } of pages) {
    if (kind === 'notfound') continue;
    (kind === 'article' ? articles : others).push({ url, lastModified, ...(alternates ? { alternates } : {}) });
  }
  return [...articles.reverse(), ...others];
}

/**
 * /sitemap.xml, with /sitemap-N.xml parts past 50,000 URLs, for `pages` in the site's order;
 * each file is fingerprinted by its own entries, so a part whose pages are unchanged is not made
 * again. A part within the first `unchanged` entries (an update's: the articles from the oldest
 * up to the oldest it changed) is kept without fingerprinting its 50,000. Returns the number of files.
 */
export async function writePageSitemaps(
  pages: readonly (SitemapEntry & { kind: string })[],
  config: SiteConfig,
  writer: OutputWriter,
  manifest: OutputManifest,
  unchanged = 0,
): Promise<number> {
  const parts = sitemapParts(sitemapOrder(pages));
  let end = 0;
  for (const { url, entries } of parts) {
    end += entries.length;
    if (parts.length > 1 && end <= unchanged) writer.keep(outputFileFor(url));
    else await writeUnlessCurrent(writer, manifest, outputFileFor(url), entriesPrint(entries, config), () => urlSet(entries, config));
  }
  if (parts[0]!.url === '/sitemap.xml') return 1;
  const partUrls = parts.map(({ url }) => url);
  await writeUnlessCurrent(writer, manifest, 'sitemap.xml', fingerprint(config.baseUrl, partUrls), () => sitemapIndex(partUrls, config));
  return parts.length + 1;
}

/**
 * The fingerprint of a sitemap file listing `entries`: each entry as a line of JSON (which holds no
 * raw newline), hashed; the general serialiser's walk of each entry object took 0.15 s at 131,000 URLs.
 */
function entriesPrint(entries: readonly SitemapEntry[], config: SiteConfig): string {
  const listing = entries.map(({ url, lastModified, alternates }) => JSON.stringify([url, lastModified ?? null, alternates ?? null])).join('\n');
  return fingerprint(config.baseUrl, listing);
}

/** /news-sitemap.xml (it changes with the build time) and /robots.txt; returns the number of files. */
export async function writeNewsSitemapAndRobots(published: readonly ArticleMeta[], config: SiteConfig, now: number, writer: OutputWriter, manifest: OutputManifest): Promise<number> {
  const news = newsArticles(published, now);
  await writeUnlessCurrent(writer, manifest, 'news-sitemap.xml', fingerprint(config.baseUrl, config.publisher, news), () => renderNewsSitemap(news, config));
  await writeUnlessCurrent(writer, manifest, 'robots.txt', fingerprint(config.baseUrl), () => robotsTxt(config));
  return 2;
}

/** /robots.txt: everything allowed, and the absolute URLs of /sitemap.xml and /news-sitemap.xml. */
export function robotsTxt(config: SiteConfig): string {
  return [
    'User-agent: *',
    'Allow: /',
    '',
    `Sitemap: ${absoluteUrl(config.baseUrl, '/sitemap.xml')}`,
    `Sitemap: ${absoluteUrl(config.baseUrl, '/news-sitemap.xml')}`,
    '',
  ].join('\n');
}
