// Every URL of the site, as a site path before the base path ("/topics/culture/"), and the file in
// the output folder that serves it. Pages and templates build links only through these functions
// (and the `url` filter, which adds the base path), so a URL scheme change happens here alone.
// On a multilingual site each language's pages are under its prefix ("/ru"; '' for the default
// language: languages.ts): every page URL takes it last.

import path from 'node:path';

/** The home page: "/". */
export const homeUrl = (prefix = ''): string => `${prefix}/`;
/**
 * An article page, /YYYY/MM/DD/<slug>/, by its date in the site's zone (zero-padded parts, as in
 * SiteDate).
 */
export const articleUrl = (date: { year: string; month: string; day: string }, slug: string, prefix = ''): string =>
  `${prefix}/${date.year}/${date.month}/${date.day}/${slug}/`;
/** The index of all topics: /topics/. */
export const topicsUrl = (prefix = ''): string => `${prefix}/topics/`;
/** A topic's list: /topics/<slug>/; the slug is used as given, not checked. */
export const topicUrl = (slug: string, prefix = ''): string => `${prefix}/topics/${slug}/`;
/** The index of all tags: /tags/. */
export const tagsUrl = (prefix = ''): string => `${prefix}/tags/`;
/** A tag's list: /tags/<slug>/; the slug is used as given, not checked. */
export const tagUrl = (slug: string, prefix = ''): string => `${prefix}/tags/${slug}/`;
/** The index of all authors: /authors/. */
export const authorsUrl = (prefix = ''): string => `${prefix}/authors/`;
/** An author's list: /authors/<slug>/; the slug is used as given, not checked. */
export const authorUrl = (slug: string, prefix = ''): string => `${prefix}/authors/${slug}/`;
/** The date archive's index: /archive/. */
export const archiveUrl = (prefix = ''): string => `${prefix}/archive/`;
/** A year's page: /YYYY/. */
export const yearUrl = (year: string, prefix = ''): string => `${prefix}/${year}/`;
/** A month's list: /YYYY/MM/ (month zero-padded, as in SiteDate). */
export const monthUrl = (year: string, month: string, prefix = ''): string => `${prefix}/${year}/${month}/`;
/** A day's list: /YYYY/MM/DD/ (zero-padded, as in SiteDate). */
export const dayUrl = (year: string, month: string, day: string, prefix = ''): string => `${prefix}/${year}/${month}/${day}/`;
/** The search page: /search/ (its Pagefind bundles are under /pagefind/). */
export const searchUrl = (prefix = ''): string => `${prefix}/search/`;
/** The 404 page: /404.html, a file, not a folder, as static hosts expect. */
export const notFoundUrl = (prefix = ''): string => `${prefix}/404.html`;

/** Numbered page N of a paginated list (model/paginate.ts: numbered from the oldest): <list>/page/N/. */
export function pageUrl(listUrl: string, page: number): string {
  return `${listUrl}page/${page}/`;
}

/**
 * Is `url` (a site path without a query) a page the site makes or may make, whatever its articles:
 * the home page, the index and lists of topics, tags and authors, the date archives and their
 * numbered pages, the search and 404 pages, under one of the languages' `prefixes` ('' for the
 * default language)? An old URL there would take the page's place (pages/redirects.ts refuses it).
 */
export function isSitePage(url: string, prefixes: readonly string[] = ['']): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return false;
  }
  const page = decoded.endsWith('/') || decoded.endsWith('.html') ? decoded : `${decoded}/`;
  return prefixes.some((prefix) => {
    if (!page.startsWith(`${prefix}/`)) return false;
    const rest = page.slice(prefix.length);
    return rest === notFoundUrl() || SITE_PAGE.test(rest);
  });
}

/** The paths of isSitePage under a language's prefix: lists (with their numbered pages), indexes and date archives. */
const SITE_PAGE = /^\/(?:(?:topics|tags|authors)\/(?:[^/]+\/)?|archive\/|search\/|\d{4}\/(?:\d{2}\/(?:\d{2}\/)?)?)?(?:page\/\d+\/)?$/;

/**
 * The output file for a site path: "/a/b/" -> "a/b/index.html", "/404.html" -> "404.html".
 * Throws on a path that would leave the output folder: a bug, since every URL is built from
 * validated slugs, but this is the last line of defence for "nothing is written outside dist/".
 */
export function outputFileFor(url: string): string {
  if (!url.startsWith('/')) throw new Error(`site path must start with "/": ${url}`);
  const file = url.endsWith('/') ? `${url}index.html` : url;
  const normalised = path.posix.normalize(file).replace(/^\/+/, '');
  if (normalised.startsWith('..') || normalised.split('/').includes('..') || normalised === '') {
    throw new Error(`site path escapes the output folder: ${url}`);
  }
  return normalised;
}

/**
 * Whether a URL as written is protocol-relative: "//host/x", or "/\\host/x" and "\\\\host/x", which
 * browsers read alike. Such a URL is another site's, never a path of this one.
 */
export function isProtocolRelative(url: string): boolean {
  return /^[/\\]{2}/.test(url);
}

/**
 * Whether an image address as written is one a page can show from the web: http(s) or
 * protocol-relative, and a URL the URL parser reads. Any other scheme (data:, file:, ftp:) is neither a file of the site nor a web
 * address: the build refuses it (image-outside-site), so an import does not write it.
 */
export function isWebAddress(url: string): boolean {
  // One the URL parser refuses ("//[x/y.jpg", "https://exa mple.org/") is no address at all.
  return (/^https?:\/\//i.test(url) || isProtocolRelative(url)) && URL.canParse(url, 'https://example.invalid/');
}

/** Whether a URL as written starts with a scheme (https:, data:, file:). */
export function hasScheme(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url);
}

/** A path's percent-escapes decoded (`caf%C3%A9` -> `café`); one that is not valid UTF-8 (`%E0%A4%A`) as written. */
export function decodedPath(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Whether a URL as written is a path of this site ("/images/a.jpg"): one leading slash, not protocol-relative. */
export function isSitePath(url: string): boolean {
  return url.startsWith('/') && !isProtocolRelative(url);
}

/** Join a site path onto the base path ("/news/") for links inside pages. */
export function withBasePath(basePath: string, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || isProtocolRelative(url) || url.startsWith('#')) return url;
  return `${basePath.replace(/\/$/, '')}/${url.replace(/^\//, '')}`;
}

/** Absolute URL of a site path under baseUrl ("https://x.org/news/"), for canonical links and feeds; a remote URL as it is. */
export function absoluteUrl(baseUrl: string, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  // Protocol-relative: another host, reached with the site's own scheme.
  if (isProtocolRelative(url)) return new URL(url, baseUrl).href;
  // A plain path under a base in normal form: the URL parser would return the two joined, so
  // they are joined without it (a sitemap makes one per page: 131,000 at 100,000 articles).
  if (PLAIN_PATH.test(url) && isNormalBase(baseUrl)) return baseUrl + url.slice(1);
  return new URL(url.replace(/^\//, ''), baseUrl).href;
}

/** "/2025/12/18/a-slug/", "/feed.xml": segments of letters, digits, hyphens and underscores, a file's one extension. */
const PLAIN_PATH = /^\/(?:[A-Za-z0-9_-]+\/)*(?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9]+)?)?$/;

let normalBase: string | undefined;

/** Is `baseUrl` what the URL parser makes of it, ending in a slash (a path under it is then just appended)? */
function isNormalBase(baseUrl: string): boolean {
  if (baseUrl === normalBase) return true;
  if (!baseUrl.endsWith('/') || !URL.canParse(baseUrl) || new URL(baseUrl).href !== baseUrl) return false;
  normalBase = baseUrl;
  return true;
}
