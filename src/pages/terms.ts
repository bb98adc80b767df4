// Topic and tag pages: an index of all terms with their article counts (/topics/, /tags/), and a
// paginated list for each term (/topics/<slug>/, /tags/<slug>/page/N/). Topics and tags differ only
// in names and URLs, so one module serves both.

import type { SiteConfig } from '../config.js';
import { authorsUrl, authorUrl, homeUrl, tagUrl, tagsUrl, topicUrl, topicsUrl } from '../urls.js';
import { listGroup, type ListOptions } from './list.js';
import { lastModified, type TermSummary } from './views.js';
import type { TermGroup, TermsName } from '../types/index.js';
import type { PageGroup, PageSpec } from '../types/index.js';
import { groupIds, groupKey } from './groups.js';
import type { UiText } from './ui-text.js';

/**
 * One kind of term: its index page's name and URL, and its pages' names and URLs. The names are
 * also the groups of their texts in the theme's tables (`topics.title`, `topic.description`).
 */
export interface TermKind {
  index: TermsName;
  single: 'topic' | 'tag' | 'author';
  /** The index's URL, under a language's prefix ('' for the default language). */
  indexUrl: (prefix?: string) => string;
  termUrl: (slug: string, prefix?: string) => string;
}

/** Topic pages: the index /topics/ (template "topics"), a list per topic at /topics/<slug>/ ("topic"). */
export const TOPICS: TermKind = { index: 'topics', single: 'topic', indexUrl: topicsUrl, termUrl: topicUrl };
/** Tag pages: the index /tags/ (template "tags"), a list per tag at /tags/<slug>/ ("tag"). */
export const TAGS: TermKind = { index: 'tags', single: 'tag', indexUrl: tagsUrl, termUrl: tagUrl };
/** Author pages (pages/authors.ts): the index /authors/ ("authors"), a list per author at /authors/<slug>/ ("author"). */
export const AUTHORS: TermKind = { index: 'authors', single: 'author', indexUrl: authorsUrl, termUrl: authorUrl };

/** Each kind of term by its name in group ids. */
export const TERM_KINDS: Readonly<Record<TermsName, TermKind>> = { topics: TOPICS, tags: TAGS, authors: AUTHORS };

/** Title of a topic's or tag's feeds, shared by the feeds and the pages that link them. */
export function termFeedTitle(name: string, config: SiteConfig): string {
  return `${name} – ${config.title}`;
}

/**
 * A term for templates: its page's site path, its published article count, and its spellings other
 * than the shown name.
 */
export function termSummary(group: TermGroup, kind: TermKind, prefix = ''): TermSummary {
  return { name: group.name, slug: group.slug, url: kind.termUrl(group.slug, prefix), count: group.articles.length, otherSpellings: group.spellings.filter((name) => name !== group.name) };
}

/** The index of all terms ("topics", "tags"), then one group per term ("topic:culture"). */
export function* termGroups(groups: readonly TermGroup[], kind: TermKind, config: SiteConfig, text: UiText): Generator<PageGroup> {
  const index = groupIds.termIndex(kind.index);
  yield { id: index, key: groupKey(index), pages: () => [termIndexPage(groups, kind, config, text)] };
  for (const group of groups) yield listGroup(groupIds.term(kind.index, group.slug), () => termList(group, kind, config, text), group.articles, config.pageSize);
}

/** A term's page description, also its feeds': "News about Culture from …" (topic.description, tag.description, author.description). */
export function termDescription(kind: TermKind, name: string, config: Pick<SiteConfig, 'title'>, text: UiText): string {
  return text.text(`${kind.single}.description`, { name, site: config.title });
}

/** The crumbs above a term's page: home, then the index of its kind (under the language's `prefix`). */
export function termCrumbs(kind: TermKind, text: UiText, prefix = '') {
  return [{ name: text.text('breadcrumbs.home'), url: homeUrl(prefix) }, { name: text.text(`${kind.index}.title`), url: kind.indexUrl(prefix) }];
}

/** The index of all terms of a kind, with their counts: /topics/, /tags/, /authors/. */
export function termIndexPage(groups: readonly TermGroup[], kind: TermKind, config: SiteConfig, text: UiText, summaries = groups.map((group) => termSummary(group, kind, config.urlPrefix))): PageSpec {
  return {
    kind: kind.index,
    url: kind.indexUrl(config.urlPrefix),
    template: kind.index,
    title: text.text(`${kind.index}.title`),
    description: text.text(`${kind.index}.description`, { site: config.title }),
    breadcrumbs: [{ name: text.text('breadcrumbs.home'), url: homeUrl(config.urlPrefix) }],
    lastModified: lastModified(groups.map((group) => group.articles[0]!)),
    data: { terms: summaries },
  };
}

function termList(group: TermGroup, kind: TermKind, config: SiteConfig, text: UiText): ListOptions {
  return {
    kind: kind.single,
    template: kind.single,
    listUrl: kind.termUrl(group.slug, config.urlPrefix),
    title: group.name,
    description: termDescription(kind, group.name, config, text),
    articles: group.articles,
    pageSize: config.pageSize,
    breadcrumbs: termCrumbs(kind, text, config.urlPrefix),
    feed: { listUrl: kind.termUrl(group.slug, config.urlPrefix), title: termFeedTitle(group.name, config) },
    text,
    ...growingOnFirstPage('term', termSummary(group, kind, config.urlPrefix)),
  };
}

/**
 * Page data for a term's or author's list whose count and spellings show on the first page only:
 * the numbered pages hold fixed slices (model/paginate.ts), and a count on them would change each
 * of them with every article the list gains.
 */
export function growingOnFirstPage<T extends { count: number; otherSpellings: string[] }>(name: string, summary: T): Pick<ListOptions, 'data' | 'firstPageData'> {
  return { data: { [name]: { ...summary, count: null, otherSpellings: [] } }, firstPageData: () => ({ [name]: summary }) };
}
