// Patching the site model after a few articles changed, instead of building it again: an
// incremental update. Only the touched topics, tags, authors and months are made again, and only
// the related lists the change can reach are scored again (related-patch.ts). Pure, like site.ts,
// and equal to buildSite over the new articles (test/model.test.ts checks this over random changes).

import type { Problem } from '../problems/index.js';
import type { ArticleChange, ArticleMeta, PublishOptions, Site, Term, TermGroup, YearGroup } from '../types/index.js';
import { lowerBound } from '../lower-bound.js';
import { carryRelated } from './related-patch.js';
import { byTermName, findDuplicateUrls, groupByDate, insertionPoint, orderSpellings, publishStatus, sortedIndexOf } from './site.js';

/** A patched model: the site, its problems, and the unchanged articles whose related list changed. */
export interface PatchedSite {
  site: Site;
  problems: Problem[];
  /** Published articles that did not change but whose related list did (their pages must be made again). */
  relatedChanged: ArticleMeta[];
}

/**
 * The site after a few articles changed, patched from the previous one instead of built again:
 * the dev server's update. Equal to buildSite over the new articles (test/model.test.ts checks
 * this over random changes). Returns undefined when time alone changed what is published (a
 * scheduled article came due, one expired): then only a full buildSite is right.
 */
export function updateSite(previous: Site, changes: readonly ArticleChange[], options: PublishOptions): PatchedSite | undefined {
  if (!options.future && previous.leftOut.scheduled.some((article) => article.date.epoch <= options.now)) return undefined;
  const mayExpire = previous.expiring;
  if (!options.expired && mayExpire && previous.articles.some((article) => article.expires !== undefined && article.expires.epoch <= options.now)) return undefined;

  const articles = [...previous.articles];
  const removed = new Set<ArticleMeta>();
  const touched = { topics: new Set<string>(), tags: new Set<string>(), authors: new Set<string>(), months: new Set<string>() };
  const touch = (article: ArticleMeta) => {
    touched.months.add(`${article.date.year}/${article.date.month}`);
    touched.topics.add(article.topic.slug);
    for (const tag of article.tags) touched.tags.add(tag.slug);
    for (const author of article.authors) touched.authors.add(author.slug);
  };
  for (const { before } of changes) {
    if (!before) continue;
    removed.add(before);
    const at = sortedIndexOf(articles, before);
    if (at !== -1) {
      articles.splice(at, 1);
      touch(before);
    }
  }
  const leftOut: Site['leftOut'] = {
    drafts: previous.leftOut.drafts.filter((article) => !removed.has(article)),
    scheduled: previous.leftOut.scheduled.filter((article) => !removed.has(article)),
    expired: previous.leftOut.expired.filter((article) => !removed.has(article)),
  };
  const added: ArticleMeta[] = [];
  for (const { after } of changes) {
    if (!after) continue;
    const status = publishStatus(after, options);
    if (status !== 'published') {
      leftOut[status].push(after);
      continue;
    }
    articles.splice(insertionPoint(articles, after), 0, after);
    added.push(after);
    touch(after);
  }
  const byFile = (a: ArticleMeta, b: ArticleMeta) => (a.file < b.file ? -1 : 1);
  for (const list of Object.values(leftOut)) list.sort(byFile);

  // A duplicate URL involves an added article with a URL its file did not have: the previous
  // site had none.
  const urlBefore = new Map(changes.map(({ before, after }) => [after, before && !removedUnpublished(before, previous) ? before.url : undefined]));
  const urls = new Set(added.filter((article) => urlBefore.get(article) !== article.url).map((article) => article.url));
  const sharing = urls.size === 0 ? [] : articles.filter((article) => urls.has(article.url)).sort(byFile);

  const { related, changed } = carryRelated(previous, { articles }, changes);
  const site: Site = {
    articles,
    topics: patchTerms(previous.topics, touched.topics, removed, added, (article) => [article.topic]),
    tags: patchTerms(previous.tags, touched.tags, removed, added, (article) => article.tags),
    authors: patchTerms(previous.authors, touched.authors, removed, added, (article) => article.authors),
    // The authors file is not an article: a change to it is a full build (dev/site.ts).
    authorProfiles: previous.authorProfiles,
    years: patchYears(previous.years, articles, touched.months),
    leftOut,
    related,
    expiring: mayExpire || added.some((article) => article.expires !== undefined),
    language: previous.language,
  };
  return { site, problems: findDuplicateUrls(sharing), relatedChanged: changed };
}

/** Was `article` left out of the previous site (a draft, scheduled or expired)? */
function removedUnpublished(article: ArticleMeta, previous: Site): boolean {
  return sortedIndexOf(previous.articles, article) === -1;
}

/** The years of `articles` (newest first), with only the touched months ("2025/12") made again. */
function patchYears(previous: readonly YearGroup[], articles: readonly ArticleMeta[], touched: ReadonlySet<string>): YearGroup[] {
  const touchedYears = new Set([...touched].map((key) => key.slice(0, key.indexOf('/'))));
  const years = previous.filter((year) => !touchedYears.has(year.year));
  for (const year of touchedYears) {
    const months = (previous.find((group) => group.year === year)?.months ?? []).filter((month) => !touched.has(`${year}/${month.month}`));
    for (const key of touched) {
      if (!key.startsWith(`${year}/`)) continue;
      const month = key.slice(year.length + 1);
      // Newest first, so a month's articles are one run of the list.
      const start = firstIndex(articles, (article) => article.date.year < year || (article.date.year === year && article.date.month <= month));
      const end = firstIndex(articles, (article) => article.date.year < year || (article.date.year === year && article.date.month < month));
      const made = groupByDate(articles.slice(start, end))[0]?.months[0];
      if (made) months.push(made);
    }
    if (months.length === 0) continue;
    months.sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
    years.push({ year, months, articles: months.flatMap((month) => month.articles) });
  }
  return years.sort((a, b) => (a.year < b.year ? 1 : a.year > b.year ? -1 : 0));
}

/** The first index where `test` holds, in a list where it holds from some index on. */
function firstIndex(sorted: readonly ArticleMeta[], test: (article: ArticleMeta) => boolean): number {
  return lowerBound(sorted.length, (at) => test(sorted[at]!));
}

/** Topics or tags with the touched terms' groups made again from their patched article lists. */
function patchTerms(
  previous: readonly TermGroup[],
  touched: ReadonlySet<string>,
  removed: ReadonlySet<ArticleMeta>,
  added: readonly ArticleMeta[],
  termsOf: (article: ArticleMeta) => readonly Term[],
): TermGroup[] {
  const groups: Array<TermGroup | undefined> = [...previous];
  const at = new Map<string, number>();
  previous.forEach((group, i) => {
    if (touched.has(group.slug)) at.set(group.slug, i);
  });
  // Sorted already, unless a term came, went or changed its name.
  let resort = false;
  for (const slug of touched) {
    const position = at.get(slug);
    const list = (position === undefined ? [] : previous[position]!.articles).filter((article) => !removed.has(article));
    for (const article of added) {
      if (termsOf(article).some((term) => term.slug === slug)) list.splice(insertionPoint(list, article), 0, article);
    }
    let group: TermGroup | undefined;
    if (list.length > 0) {
      const counts = new Map<string, number>();
      for (const article of list) for (const term of termsOf(article)) if (term.slug === slug) counts.set(term.name, (counts.get(term.name) ?? 0) + 1);
      const spellings = orderSpellings(counts);
      group = { slug, name: spellings[0] ?? slug, spellings, articles: list };
    }
    if (position === undefined) {
      if (group) groups.push(group);
      resort ||= group !== undefined;
    } else {
      resort ||= group === undefined || group.name !== previous[position]!.name;
      groups[position] = group;
    }
  }
  const result = groups.filter((group) => group !== undefined);
  return resort ? result.sort(byTermName) : result;
}
