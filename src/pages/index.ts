// Every page of the site, in a fixed order, planned from the site model: a lazy sequence, so that
// a large archive's list pages are never all held in memory at once.

import type { SiteConfig } from '../config.js';
import { archiveGroups } from './archive.js';
import { articleGroupAt, articleGroups } from './article.js';
import { authorGroups } from './authors.js';
import type { GroupSet } from './groups.js';
import { homeGroup } from './home.js';
import { multilingualGroups } from './languages.js';
import { notFoundGroup } from './notfound.js';
import { searchGroup } from './search.js';
import { TAGS, TOPICS, termGroups } from './terms.js';
import type { Site } from '../types/index.js';
import type { PageGroup, PageSpec } from '../types/index.js';


/**
 * The site's pages as groups, in the fixed order of planPages: a multilingual site's, language by
 * language (pages/languages.ts), the default language's first.
 */
export function* pageGroups(site: Site, config: SiteConfig): Generator<PageGroup> {
  if (site.otherLanguages) yield* multilingualGroups(site, config, languageGroups);
  else yield* languageGroups(site, config);
}

/** One language's pages as groups (a one-language site's are all its pages). */
function* languageGroups(site: Site, config: SiteConfig): Generator<PageGroup> {
  yield homeGroup(site, config);
  yield* articleGroups(site, config);
  yield* termGroups(site.topics, TOPICS, config);
  yield* termGroups(site.tags, TAGS, config);
  yield* authorGroups(site.authors, site.authorProfiles, config);
  yield* archiveGroups(site, config);
  if (config.search) yield searchGroup(config);
  yield notFoundGroup(config);
}

/**
 * The groups in `wanted`, without listing the others: article groups are found by position
 * (`positionOf` a content path), the rest among the few term and date groups. Plan order is kept.
 */
export function pageGroupsIn(site: Site, config: SiteConfig, wanted: GroupSet, positionOf: (contentPath: string) => number): PageGroup[] {
  const groups: PageGroup[] = [];
  if (wanted.has('home')) groups.push(homeGroup(site, config));
  const positions: number[] = [];
  for (const id of wanted) {
    if (id.kind !== 'article') continue;
    const at = positionOf(id.contentPath);
    if (at !== -1) positions.push(at);
  }
  for (const at of positions.sort((a, b) => a - b)) groups.push(articleGroupAt(site, at, config));
  const rest = [
    termGroups(site.topics, TOPICS, config),
    termGroups(site.tags, TAGS, config),
    authorGroups(site.authors, site.authorProfiles, config),
    archiveGroups(site, config),
    config.search ? [searchGroup(config), notFoundGroup(config)] : [notFoundGroup(config)],
  ];
  for (const sequence of rest) for (const group of sequence) if (wanted.has(group.key)) groups.push(group);
  return groups;
}

/** Every page of the site, group by group, in plan order. */
export function* planPages(site: Site, config: SiteConfig): Generator<PageSpec> {
  for (const group of pageGroups(site, config)) yield* group.pages();
}
