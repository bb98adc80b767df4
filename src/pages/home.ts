// The front page and its older pages: every published article, newest first.

import type { SiteConfig } from '../config.js';
import { homeUrl } from '../urls.js';
import { listGroup, type ListOptions } from './list.js';
import type { Site } from '../types.js';
import type { PageGroup } from '../types.js';
import { groupIds } from './groups.js';

/** The front page list: every published article, newest first, config.pageSize a page, / then /page/N/. */
export function homeGroup(site: Site, config: SiteConfig): PageGroup {
  return listGroup(groupIds.home(), () => homeList(site, config), site.articles, config.pageSize);
}

function homeList(site: Site, config: SiteConfig): ListOptions {
  return {
    kind: 'home',
    template: 'home',
    listUrl: homeUrl(),
    title: config.title,
    description: config.description || `Latest news from ${config.title}`,
    articles: site.articles,
    pageSize: config.pageSize,
    breadcrumbs: [],
  };
}
