// Every page of the site, in a fixed order, planned from the site model: a lazy sequence, so that
// a large archive's list pages are never all held in memory at once.

import type { SiteConfig } from '../config.js';
import type { Site } from '../model.js';
import { archivePages } from './archive.js';
import { articlePages } from './article.js';
import { homePages } from './home.js';
import { notFoundPage } from './notfound.js';
import { TAGS, TOPICS, termPages } from './terms.js';
import type { PageSpec } from './types.js';

export type { PageKind, PageSpec } from './types.js';

export function* planPages(site: Site, config: SiteConfig): Generator<PageSpec> {
  yield* homePages(site, config);
  yield* articlePages(site);
  yield* termPages(site.topics, TOPICS, config);
  yield* termPages(site.tags, TAGS, config);
  yield* archivePages(site, config);
  yield notFoundPage(config);
}
