// The front page and its older pages: every published article, newest first.

import type { SiteConfig } from '../config.js';
import type { Site } from '../model.js';
import { homeUrl } from '../urls.js';
import { listPages } from './list.js';
import type { PageGroup, PageSpec } from './types.js';

export function homeGroup(site: Site, config: SiteConfig): PageGroup {
  return { name: 'home', pages: () => homePages(site, config) };
}

function homePages(site: Site, config: SiteConfig): Iterable<PageSpec> {
  return listPages({
    kind: 'home',
    template: 'home',
    listUrl: homeUrl(),
    title: config.title,
    description: config.description || `Latest news from ${config.title}`,
    articles: site.articles,
    pageSize: config.pageSize,
    breadcrumbs: [],
  });
}
