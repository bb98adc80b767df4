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
import type { UiStrings, UiText } from './ui-text.js';


/** The texts pages are planned in (titles, descriptions, crumbs): `config`'s language's (a language's view of the config: that language's). */
export function planningText(config: SiteConfig, strings: UiStrings): UiText {
  return strings.of(config.language);
}

/**
 * The site's pages as groups, in the fixed order of planPages: a multilingual site's, language by
 * language (pages/languages.ts), the default language's first. `strings`: the theme's texts
 * (Templates.strings); each language's pages are planned in its own.
 */
export function* pageGroups(site: Site, config: SiteConfig, strings: UiStrings): Generator<PageGroup> {
  if (site.otherLanguages) yield* multilingualGroups(site, config, (each, view) => languageGroups(each, view, planningText(view, strings)));
  else yield* languageGroups(site, config, planningText(config, strings));
}

/** One language's pages as groups (a one-language site's are all its pages). */
function* languageGroups(site: Site, config: SiteConfig, text: UiText): Generator<PageGroup> {
  yield homeGroup(site, config, text);
  yield* articleGroups(site, config, text);
  yield* termGroups(site.topics, TOPICS, config, text);
  yield* termGroups(site.tags, TAGS, config, text);
  yield* authorGroups(site.authors, site.authorProfiles, config, text);
  yield* archiveGroups(site, config, text);
  if (config.search) yield searchGroup(config, text);
  yield notFoundGroup(config, text);
}

/**
 * The groups in `wanted`, without listing the others: article groups are found by position
 * (`positionOf` a content path), the rest among the few term and date groups. Plan order is kept.
 */
export function pageGroupsIn(site: Site, config: SiteConfig, strings: UiStrings, wanted: GroupSet, positionOf: (contentPath: string) => number): PageGroup[] {
  const text = planningText(config, strings);
  const groups: PageGroup[] = [];
  if (wanted.has('home')) groups.push(homeGroup(site, config, text));
  const positions: number[] = [];
  for (const id of wanted) {
    if (id.kind !== 'article') continue;
    const at = positionOf(id.contentPath);
    if (at !== -1) positions.push(at);
  }
  for (const at of positions.sort((a, b) => a - b)) groups.push(articleGroupAt(site, at, config, text));
  const rest = [
    termGroups(site.topics, TOPICS, config, text),
    termGroups(site.tags, TAGS, config, text),
    authorGroups(site.authors, site.authorProfiles, config, text),
    archiveGroups(site, config, text),
    config.search ? [searchGroup(config, text), notFoundGroup(config, text)] : [notFoundGroup(config, text)],
  ];
  for (const sequence of rest) for (const group of sequence) if (wanted.has(group.key)) groups.push(group);
  return groups;
}

/** Every page of the site, group by group, in plan order. */
export function* planPages(site: Site, config: SiteConfig, strings: UiStrings): Generator<PageSpec> {
  for (const group of pageGroups(site, config, strings)) yield* group.pages();
}
