// The /search/ page. Its results come from the Pagefind index (search/output.ts) through the
// theme's assets/search.js, in the reader's browser; the page itself shows the same form on every
// build and depends on no article, so no content change ever re-renders it.

import type { SiteConfig } from '../config.js';
import { homeUrl, searchUrl } from '../urls.js';
import type { PageGroup, PageSpec } from '../types/index.js';
import { groupIds } from './groups.js';
import type { UiText } from './ui-text.js';

/** The group of the one /search/ page (template "search"). */
export function searchGroup(config: SiteConfig, text: UiText): PageGroup {
  return { id: groupIds.search(), key: 'search', pages: () => [searchPage(config, text)] };
}

function searchPage(config: SiteConfig, text: UiText): PageSpec {
  return {
    kind: 'search',
    url: searchUrl(config.urlPrefix),
    template: 'search',
    title: text.text('search.title'),
    description: text.text('search.description', { site: config.title }),
    breadcrumbs: [{ name: text.text('breadcrumbs.home'), url: homeUrl(config.urlPrefix) }],
    data: {},
  };
}
