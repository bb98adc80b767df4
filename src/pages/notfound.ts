// The 404 page, served by static hosts for missing URLs (GitHub Pages, Netlify, nginx's error_page).

import type { SiteConfig } from '../config.js';
import { notFoundUrl } from '../urls.js';
import type { PageGroup, PageSpec } from '../types/index.js';
import { groupIds } from './groups.js';

/** The group of the one /404.html page (template "404"); it has no articles and no pagination. */
export function notFoundGroup(config: SiteConfig): PageGroup {
  return { id: groupIds.notFound(), key: 'notfound', pages: () => [notFoundPage(config)] };
}

function notFoundPage(config: SiteConfig): PageSpec {
  return {
    kind: 'notfound',
    url: notFoundUrl(config.urlPrefix),
    template: '404',
    title: 'Page not found',
    description: `This page does not exist on ${config.title}.`,
    breadcrumbs: [],
    data: {},
  };
}
