// The 404 page, served by static hosts for missing URLs (GitHub Pages, Netlify, nginx's error_page).

import type { SiteConfig } from '../config.js';
import { notFoundUrl } from '../urls.js';
import type { PageGroup, PageSpec } from '../types/index.js';
import { groupIds } from './groups.js';
import type { UiText } from './ui-text.js';

/** The group of the one /404.html page (template "404"); it has no articles and no pagination. */
export function notFoundGroup(config: SiteConfig, text: UiText): PageGroup {
  return { id: groupIds.notFound(), key: 'notfound', pages: () => [notFoundPage(config, text)] };
}

function notFoundPage(config: SiteConfig, text: UiText): PageSpec {
  return {
    kind: 'notfound',
    url: notFoundUrl(config.urlPrefix),
    template: '404',
    title: text.text('not_found.title'),
    description: text.text('not_found.description', { site: config.title }),
    breadcrumbs: [],
    data: {},
  };
}
