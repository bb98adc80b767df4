// The pages of a multilingual site: each language's pages, planned as a one-language site's are
// from that language's Site (model/languages.ts) and its view of the config (its title, its URL
// prefix), then marked with their language and their counterparts in the other languages: the
// same page kind and subject where that language has it (its home, its list of the same topic,
// tag, author or period), and for an article, its translations. Only a list's first page has
// counterparts: numbered pages hold different slices in each language. A one-language site's
// pages are its Site's, unmarked.

import type { SiteConfig } from '../config.js';
import { configFor, listedOrder } from '../languages.js';
import { allSites } from '../model/languages.js';
import type { Alternate, ArticleMeta, GroupId, PageGroup, PageSpec, Site } from '../types/index.js';
import { groupKey } from './groups.js';

/** One language's page groups, from its Site and its view of the config. */
export type LanguageGroups = (site: Site, config: SiteConfig) => Iterable<PageGroup>;

/**
 * Every language's groups, the default language's first: each group keyed by its language, each
 * page marked with its language and counterparts (see the top of this file).
 */
export function* multilingualGroups(root: Site, config: SiteConfig, groupsOf: LanguageGroups): Generator<PageGroup> {
  const sites = allSites(root);
  const exists = sites.map((site) => existingGroups(site));
  const published = sites.map((site) => new Set(site.articles));
  const rank = listedOrder(config);
  for (const site of sites) {
    const view = configFor(config, site.language);
    for (const group of groupsOf(site, view)) {
      const key = site.language.isDefault ? group.key : `${site.language.code}:${group.key}`;
      const mark = (spec: PageSpec): PageSpec => ({ ...spec, language: site.language.code, alternates: alternatesOf(spec, group.id, site, sites, { exists, published, root, rank }) });
      yield {
        id: group.id,
        key,
        pages: () => [...group.pages()].map(mark),
        ...(group.list ? { list: { ...group.list, pagesNumbered: (numbers: ReadonlySet<number>) => [...group.list!.pagesNumbered(numbers)].map(mark) } } : {}),
      };
    }
  }
}

/** The groups a language's Site has, by key (an article's is its translation group's). */
function existingGroups(site: Site): Set<string> {
  const keys = new Set(['home', 'topics', 'tags', 'authors', 'archive', 'search', 'notfound']);
  for (const term of site.topics) keys.add(`topic:${term.slug}`);
  for (const term of site.tags) keys.add(`tag:${term.slug}`);
  for (const term of site.authors) keys.add(`author:${term.slug}`);
  for (const year of site.years) {
    keys.add(`year:${year.year}`);
    for (const month of year.months) {
      keys.add(`month:${month.year}/${month.month}`);
      for (const day of month.days) keys.add(`day:${day.year}/${day.month}/${day.day}`);
    }
  }
  return keys;
}

/**
 * A page's counterparts in every language that has one, itself included, in the order the config
 * lists the languages; none for a numbered page of a list or a page only its own language has.
 */
function alternatesOf(spec: PageSpec, id: GroupId, site: Site, sites: readonly Site[], known: Known): Alternate[] | undefined {
  // A numbered page of a list: its slice is its language's own.
  if (spec.pagination && !spec.pagination.first) return undefined;
  const found = counterparts(spec, id, site, sites, known);
  // A page no other language has has no hreflang set: it would name only itself.
  return found.length > 1 ? found.sort((a, b) => known.rank(a.lang) - known.rank(b.lang)) : undefined;
}

/** What every language has, by position in the site's language order; and the default language's Site. */
interface Known {
  exists: readonly Set<string>[];
  published: readonly Set<ArticleMeta>[];
  root: Site;
  /** A language's place in the order the config lists them (languages.ts listedOrder). */
  rank: (code: string) => number;
}

function counterparts(spec: PageSpec, id: GroupId, site: Site, sites: readonly Site[], { exists, published, root }: Known): Alternate[] {
  if (id.kind === 'article') {
    const key = spec.article ? root.translations?.keyOf.get(spec.article) : undefined;
    const group = key === undefined ? undefined : root.translations?.groups.get(key);
    return sites.flatMap((other, i) => {
      const article = other === site ? spec.article : group?.get(other.language.code);
      // Only a published translation is a counterpart: a draft has no page.
      return article && published[i]!.has(article) ? [{ lang: other.language.code, url: article.url }] : [];
    });
  }
  const path = spec.url.slice(site.language.prefix.length);
  const key = groupKey(id);
  return sites.flatMap((other, i) => (exists[i]!.has(key) ? [{ lang: other.language.code, url: `${other.language.prefix}${path}` }] : []));
}
