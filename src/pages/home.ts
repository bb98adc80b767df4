// The home list: every published article, newest first. Its first page (/) is also the front page
// (front.ts: the lead, sections by topic, more news); the numbered pages are the plain list.

import type { SiteConfig } from '../config.js';
import { homeUrl } from '../urls.js';
import { listGroup, type ListOptions } from './list.js';
import type { Site } from '../types/index.js';
import type { PageGroup } from '../types/index.js';
import { frontPage } from './front.js';
import { groupIds } from './groups.js';
import type { UiText } from './ui-text.js';

/**
 * The home list: every published article, newest first, config.pageSize a page, / then /page/N/
 * (numbered from the oldest); the first page's data also holds the front page's `lead`, `sections` and `more`.
 */
export function homeGroup(site: Site, config: SiteConfig, text: UiText): PageGroup {
  return listGroup(groupIds.home(), () => homeList(site, config, text), site.articles, config.pageSize, true);
}

function homeList(site: Site, config: SiteConfig, text: UiText): ListOptions {
  return {
    kind: 'home',
    template: 'home',
    listUrl: homeUrl(config.urlPrefix),
    title: config.title,
    description: config.description || text.text('home.description', { site: config.title }),
    articles: site.articles,
    pageSize: config.pageSize,
    breadcrumbs: [],
    firstPageData: (items) => ({ ...frontPage(site, config, items) }),
    firstPagePhotos: true,
    text,
  };
}
