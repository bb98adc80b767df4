// Splitting a list into pages so that a full page never changes when news arrives. Pages are
// numbered from the oldest: page 1 at <list>/page/1/ holds the oldest `pageSize` articles, page 2
// the next, and so on; each numbered page holds exactly `pageSize` articles, fixed once it is
// full. The list's own URL is its first page: the newest articles, those that do not yet fill a
// numbered page, plus the newest full slice (so it shows between pageSize and 2 × pageSize - 1,
// or the whole list when that is shorter). A new article changes the first page only, and when it
// fills a slice, the new numbered page appears and the one before it gains a link to it.
//
//   23 articles, pageSize 10:   /         the newest 13 (positions 1-13, newest first)
//                               /page/1/  positions 14-23 (the oldest ten)
//
// Pure; `pageOf` says which page shows an article, so an update re-plans only that page.

import { pageUrl } from '../urls.js';
import type { Pagination } from '../types/index.js';

/**
 * One page of a list: its slice of the items (in list order, newest first; empty only on an empty
 * list's first page) and where it sits.
 */
export interface PageOf<T> {
  items: T[];
  pagination: Pagination;
}

/** How many numbered pages a list of `count` items has (the first page holds the rest). */
export function numberedPages(count: number, pageSize: number): number {
  return Math.max(0, Math.floor(count / pageSize) - 1);
}

/**
 * The number of the page showing the item at `index` (0: the newest) of a list of `count`: a
 * numbered page's number, or numberedPages + 1 for the first page.
 */
export function pageOf(index: number, count: number, pageSize: number): number {
  const numbered = numberedPages(count, pageSize);
  const onFirst = count - numbered * pageSize;
  if (index < onFirst) return numbered + 1;
  return numbered - Math.floor((index - onFirst) / pageSize);
}

/**
 * The list's pages: its first page, then the numbered ones from the newest to page 1 (the reading
 * order). Always at least the first page, so an empty list still has one. `only` picks the page
 * numbers wanted (pageOf's numbers: an update re-plans just the pages showing a changed article).
 */
export function paginate<T>(items: readonly T[], pageSize: number, listUrl: string, only?: ReadonlySet<number>): PageOf<T>[] {
  const count = items.length;
  const numbered = numberedPages(count, pageSize);
  const onFirst = count - numbered * pageSize;
  const oldestUrl = numbered > 0 ? pageUrl(listUrl, 1) : listUrl;
  const pages: PageOf<T>[] = [];
  if (!only || only.has(numbered + 1)) {
    pages.push({
      items: items.slice(0, onFirst),
      pagination: {
        number: numbered + 1,
        first: true,
        total: numbered + 1,
        url: listUrl,
        nextUrl: numbered > 0 ? pageUrl(listUrl, numbered) : undefined,
        firstUrl: listUrl,
        lastUrl: oldestUrl,
      },
    });
  }
  for (let number = numbered; number >= 1; number--) {
    if (only && !only.has(number)) continue;
    const start = count - number * pageSize;
    pages.push({
      items: items.slice(start, start + pageSize),
      pagination: {
        number,
        first: false,
        url: pageUrl(listUrl, number),
        prevUrl: number < numbered ? pageUrl(listUrl, number + 1) : listUrl,
        nextUrl: number > 1 ? pageUrl(listUrl, number - 1) : undefined,
        firstUrl: listUrl,
        lastUrl: oldestUrl,
      },
    });
  }
  return pages;
}
