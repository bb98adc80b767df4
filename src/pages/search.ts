// The /search/ page. Its results come from the Pagefind index (search/output.ts) through the
// theme's assets/search.js, in the reader's browser; the page itself shows the same form on every
// build and depends on no article, so no content change ever re-renders it.

import type { SiteConfig } from '../config.js';
import { homeUrl, searchUrl } from '../urls.js';
import type { PageGroup, PageSpec } from '../types/index.js';
import { groupIds } from './groups.js';

/** The group of the one /search/ page (template "search"). */
export function searchGroup(config: SiteConfig): PageGroup {
  return { id: groupIds.search(), key: 'search', pages: () => [searchPage(config)] };
}

function searchPage(config: SiteConfig): PageSpec {
  return {
    kind: 'search',
    url: searchUrl(config.urlPrefix),
    template: 'search',
    title: 'Search',
    description: `Search the articles of ${config.title}.`,
    breadcrumbs: [{ name: 'Home', url: homeUrl(config.urlPrefix) }],
    data: {},
  };
}
