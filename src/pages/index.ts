// Every page of the site, in a fixed order, planned from the site model: a lazy sequence, so that
// a large archive's list pages are never all held in memory at once.

import type { SiteConfig } from '../config.js';
import type { Site } from '../model.js';
import { archiveGroups } from './archive.js';
import { articleGroups } from './article.js';
import { homeGroup } from './home.js';
import { notFoundGroup } from './notfound.js';
import { TAGS, TOPICS, termGroups } from './terms.js';
import type { PageGroup, PageSpec } from './types.js';

export type { PageGroup, PageKind, PageSpec } from './types.js';

/** The site's pages as groups, in the fixed order of planPages. */
export function* pageGroups(site: Site, config: SiteConfig): Generator<PageGroup> {
  yield homeGroup(site, config);
  yield* articleGroups(site);
  yield* termGroups(site.topics, TOPICS, config);
  yield* termGroups(site.tags, TAGS, config);
  yield* archiveGroups(site, config);
  yield notFoundGroup(config);
}

export function* planPages(site: Site, config: SiteConfig): Generator<PageSpec> {
  for (const group of pageGroups(site, config)) yield* group.pages();
}
