// What a content change can reach, for the dev server's update: which page groups a change of some
// articles touches (affectedGroups), and the checks that let an update plan less: the same groups
// in the same order (sameGroups), a list with the same articles (sameListsAs), a page showing a
// changed article (showsAny). Pure functions of the sites before and after the change.

import { sortedIndexOf } from '../model/site.js';
import { groupIds, groupKey, GroupSet } from '../pages/groups.js';
import type { ArticleChange, ArticleIndex, ArticleMeta, PageSpec, Site, TermGroup, WrittenPage } from '../types/index.js';
import { isArticleMeta } from '../types/index.js';
import type { Linkers } from './linkers.js';

/**
 * The page groups a change to these articles can touch, in the old site or the new: each article's
 * own page and its neighbours' (their prev/next links), pages of articles linking to it, its
 * topic, tags, authors and dates (before and after the change), the pages of the articles whose
 * related lists changed with it (`relatedChanged`: model/related-patch.ts), and the indexes that
 * count or list articles.
 */
export function affectedGroups(
  changed: ReadonlySet<string>,
  good: { site: Site; metas: ArticleIndex },
  site: Site,
  index: ArticleIndex,
  linkers: Linkers,
  relatedChanged: readonly ArticleMeta[],
): GroupSet {
  const affected = new GroupSet([groupIds.home(), groupIds.termIndex('topics'), groupIds.termIndex('tags'), groupIds.termIndex('authors'), groupIds.archive()]);
  const touchTerms = (meta: ArticleMeta) => {
    affected.add(groupIds.term('topics', meta.topic.slug));
    for (const tag of meta.tags) affected.add(groupIds.term('tags', tag.slug));
    for (const author of meta.authors) affected.add(groupIds.term('authors', author.slug));
  };
  const touch = (published: readonly ArticleMeta[], meta: ArticleMeta | undefined) => {
    if (!meta) return;
    const at = sortedIndexOf(published, meta);
    if (at === -1) return; // not published: on no page
    for (const neighbour of [published[at - 1], published[at], published[at + 1]]) if (neighbour) affected.add(groupIds.article(neighbour));
    touchTerms(meta);
    const { year, month, day } = meta.date;
    affected.add(groupIds.year(year)).add(groupIds.month(year, month)).add(groupIds.day(year, month, day));
  };
  for (const file of changed) {
    touch(good.site.articles, good.metas.get(file));
    touch(site.articles, index.get(file));
    // Articles linking to it by file: where the link goes may have changed, on their pages and in
    // full-content feeds of their topic and tags (their lists show no bodies: only feeds are redone).
    for (const source of linkers.get(file) ?? []) {
      const meta = index.get(source);
      if (!meta) continue;
      affected.add(groupIds.article(meta));
      touchTerms(meta);
    }
  }
  for (const other of relatedChanged) affected.add(groupIds.article(other));
  return affected;
}

/** Same date and `updated` date before and after (what the archive and year pages show of an article). */
export function sameDates({ before, after }: ArticleChange): boolean {
  return before !== undefined && after !== undefined && before.date.epoch === after.date.epoch && before.updated?.epoch === after.updated?.epoch;
}

/** Do two sites have the same page groups in the same order? (changes: what made one from the other) */
export function sameGroups(before: Site, after: Site, changes: readonly ArticleChange[]): boolean {
  if (before.articles.length !== after.articles.length) return false;
  for (const change of changes) {
    const was = change.before ? sortedIndexOf(before.articles, change.before) : -1;
    const is = change.after ? sortedIndexOf(after.articles, change.after) : -1;
    if (was !== is) return false;
  }
  const sameTerms = (a: readonly TermGroup[], b: readonly TermGroup[]) => a.length === b.length && a.every((group, i) => group.slug === b[i]!.slug);
  if (!sameTerms(before.topics, after.topics) || !sameTerms(before.tags, after.tags) || !sameTerms(before.authors, after.authors)) return false;
  const dates = (site: Site) => site.years.map((year) => year.months.map((month) => `${month.year}/${month.month}:${month.days.map((day) => day.day).join(',')}`).join(';')).join('|');
  return dates(before) === dates(after);
}

/** The same pages (URL, lastmod, kind) in the same order? */
export function samePages(before: readonly WrittenPage[] | undefined, after: readonly WrittenPage[]): boolean {
  return before !== undefined && before.length === after.length && before.every((page, i) => page.url === after[i]!.url && page.lastModified === after[i]!.lastModified && page.kind === after[i]!.kind);
}

/**
 * Does a page show any of these articles (as its article, in its list, as prev or next, in a list
 * of records such as the front page's sections)?
 */
export function showsAny(spec: PageSpec, changed: ReadonlySet<string>): boolean {
  if (spec.article && changed.has(spec.article.contentPath)) return true;
  return Object.values(spec.data).some((value) => holdsAny(value, changed, true));
}

function holdsAny(value: unknown, changed: ReadonlySet<string>, nested: boolean): boolean {
  if (isArticleMeta(value)) return changed.has(value.contentPath);
  if (Array.isArray(value)) return value.some((item) => holdsAny(item, changed, nested));
  // One level into records: a section's `articles`, not the whole of an archive's summaries.
  if (nested && typeof value === 'object' && value !== null) return Object.values(value).some((field) => holdsAny(field, changed, false));
  return false;
}

/**
 * For a list group (by key), whether it lists the same articles in the same order in both sites,
 * with the same list-wide data (a term's name and spellings, a month's day counts): then its pages
 * differ only where a changed article is shown.
 */
export function sameListsAs(before: Site, after: Site): (groupKey: string) => boolean {
  let old: ReturnType<typeof listsOf> | undefined;
  let now: ReturnType<typeof listsOf> | undefined;
  return (key) => {
    old ??= listsOf(before);
    now ??= listsOf(after);
    const a = old.get(key);
    const b = now.get(key);
    if (!a || !b || a.extra !== b.extra || a.articles.length !== b.articles.length) return false;
    // Identity first: all but the changed articles are the same objects in both sites, and the
    // home list is every article (4 ms a save at 10,000 through the property alone).
    const listed = b.articles;
    return a.articles.every((article, i) => article === listed[i] || article.contentPath === listed[i]!.contentPath);
  };
}

/** Every list of a site by group key: its articles, and what else its pages show of the list. */
function listsOf(site: Site): Map<string, { articles: readonly ArticleMeta[]; extra: string }> {
  const byKey = new Map<string, { articles: readonly ArticleMeta[]; extra: string }>();
  byKey.set(groupKey(groupIds.home()), { articles: site.articles, extra: '' });
  for (const term of site.topics) byKey.set(groupKey(groupIds.term('topics', term.slug)), { articles: term.articles, extra: term.spellings.join('\n') });
  for (const term of site.tags) byKey.set(groupKey(groupIds.term('tags', term.slug)), { articles: term.articles, extra: term.spellings.join('\n') });
  for (const term of site.authors) byKey.set(groupKey(groupIds.term('authors', term.slug)), { articles: term.articles, extra: term.spellings.join('\n') });
  for (const year of site.years) {
    for (const month of year.months) {
      const extra = month.days.map((day) => `${day.day}:${day.articles.length}`).join(',');
      byKey.set(groupKey(groupIds.month(month.year, month.month)), { articles: month.articles, extra });
      for (const day of month.days) byKey.set(groupKey(groupIds.day(day.year, day.month, day.day)), { articles: day.articles, extra: '' });
    }
  }
  return byKey;
}
