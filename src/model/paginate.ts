// Splitting a list into pages: page 1 at the list's URL, page N at <list>/page/N/, with the
// neighbours' URLs for rel=prev/next links. Pure.

import { pageUrl } from '../urls.js';
import type { Pagination } from '../types/index.js';

/**
 * One page of a list: its slice of the items (in list order; empty only on an empty list's page 1)
 * and where it sits.
 */
export interface PageOf<T> {
  items: T[];
  pagination: Pagination;
}

/**
 * Always at least one page, so an empty list still has its (empty) first page. `only` picks the
 * page numbers wanted (the dev server re-plans just the pages showing a changed article).
 */
export function paginate<T>(items: readonly T[], pageSize: number, listUrl: string, only?: ReadonlySet<number>): PageOf<T>[] {
  const total = Math.max(1, Math.ceil(items.length / pageSize));
  const pages: PageOf<T>[] = [];
  for (let number = 1; number <= total; number++) {
    if (only && !only.has(number)) continue;
    pages.push({
      items: items.slice((number - 1) * pageSize, number * pageSize),
      pagination: {
        number,
        total,
        url: pageUrl(listUrl, number),
        prevUrl: number > 1 ? pageUrl(listUrl, number - 1) : undefined,
        nextUrl: number < total ? pageUrl(listUrl, number + 1) : undefined,
        firstUrl: listUrl,
        lastUrl: pageUrl(listUrl, total),
      },
    });
  }
  return pages;
}
