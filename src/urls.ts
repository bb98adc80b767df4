// Every URL of the site, as a site path before the base path ("/topics/culture/"), and the file in
// the output folder that serves it. Pages and templates build links only through these functions
// (and the `url` filter, which adds the base path), so a URL scheme change happens here alone.

import path from 'node:path';

export const homeUrl = (): string => '/';
export const articleUrl = (date: { year: string; month: string; day: string }, slug: string): string =>
  `/${date.year}/${date.month}/${date.day}/${slug}/`;
export const topicsUrl = (): string => '/topics/';
export const topicUrl = (slug: string): string => `/topics/${slug}/`;
export const tagsUrl = (): string => '/tags/';
export const tagUrl = (slug: string): string => `/tags/${slug}/`;
export const archiveUrl = (): string => '/archive/';
export const yearUrl = (year: string): string => `/${year}/`;
export const monthUrl = (year: string, month: string): string => `/${year}/${month}/`;
export const dayUrl = (year: string, month: string, day: string): string => `/${year}/${month}/${day}/`;
export const notFoundUrl = (): string => '/404.html';

/** Page N of a paginated list: page 1 is the list's own URL, page N is <list>/page/N/. */
export function pageUrl(listUrl: string, page: number): string {
  return page <= 1 ? listUrl : `${listUrl}page/${page}/`;
}

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

/** Join a site path onto the base path ("/news/") for links inside pages. */
export function withBasePath(basePath: string, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#')) return url;
  return `${basePath.replace(/\/$/, '')}/${url.replace(/^\//, '')}`;
}

/** Absolute URL of a site path under baseUrl ("https://x.org/news/"), for canonical links and feeds. */
export function absoluteUrl(baseUrl: string, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return new URL(url.replace(/^\//, ''), baseUrl).href;
}
