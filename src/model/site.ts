// The site model: which articles are published, in what order, grouped by topic, tag, year, month
// and day. Metadata only: no rendered body is held here. Pure: a function of the articles' metadata
// and the build options (including "now", which comes from dates.buildTime, never the clock here).

import type { ArticleMeta, Term } from '../render/article.js';
import { problem, type Problem } from '../problems.js';

export interface PublishOptions {
  /** Build time in epoch ms: articles dated after it are scheduled, after `expires` expired. */
  now: number;
  drafts: boolean;
  future: boolean;
  expired: boolean;
}

/** A topic or tag page's subject: articles whose names slugify alike are one group. */
export interface TermGroup {
  slug: string;
  /** The most used spelling. */
  name: string;
  /** Every spelling seen, most used first (e.g. ["Almaty", "almaty"]). */
  spellings: string[];
  articles: ArticleMeta[];
}

export interface DayGroup {
  year: string;
  month: string;
  day: string;
  articles: ArticleMeta[];
}

export interface MonthGroup {
  year: string;
  month: string;
  days: DayGroup[];
  articles: ArticleMeta[];
}

export interface YearGroup {
  year: string;
  months: MonthGroup[];
  articles: ArticleMeta[];
}

export interface Site {
  /** Published articles, newest first. */
  articles: ArticleMeta[];
  /** Alphabetical by name. */
  topics: TermGroup[];
  tags: TermGroup[];
  /** Newest first; months and days newest first too. */
  years: YearGroup[];
  /** What the build left out, and why. */
  leftOut: { drafts: ArticleMeta[]; scheduled: ArticleMeta[]; expired: ArticleMeta[] };
}

export function buildSite(all: readonly ArticleMeta[], options: PublishOptions): { site: Site; problems: Problem[] } {
  const leftOut: Site['leftOut'] = { drafts: [], scheduled: [], expired: [] };
  const articles: ArticleMeta[] = [];
  for (const article of all) {
    const status = publishStatus(article, options);
    if (status === 'published') articles.push(article);
    else leftOut[status].push(article);
  }
  // Before sorting by date: duplicates are reported in file order.
  const problems = findDuplicateUrls(articles);
  articles.sort(newestFirst);

  const site: Site = {
    articles,
    topics: groupByTerm(articles, (article) => [article.topic]),
    tags: groupByTerm(articles, (article) => article.tags),
    years: groupByDate(articles),
    leftOut,
  };
  expiring.set(site, articles.some((article) => article.expires !== undefined));
  return { site, problems };
}

/** Newest first; equal times by URL, so the order never depends on the file system. */
export function newestFirst(a: ArticleMeta, b: ArticleMeta): number {
  return b.date.epoch - a.date.epoch || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

function groupByTerm(articles: readonly ArticleMeta[], termsOf: (article: ArticleMeta) => readonly Term[]): TermGroup[] {
  const groups = new Map<string, { articles: ArticleMeta[]; spellings: Map<string, number> }>();
  for (const article of articles) {
    for (const term of termsOf(article)) {
      let group = groups.get(term.slug);
      if (!group) {
        group = { articles: [], spellings: new Map() };
        groups.set(term.slug, group);
      }
      // A tag listed twice in one article (in two spellings) still lists the article once.
      if (group.articles[group.articles.length - 1] !== article) group.articles.push(article);
      group.spellings.set(term.name, (group.spellings.get(term.name) ?? 0) + 1);
    }
  }
  return [...groups]
    .map(([slug, group]): TermGroup => {
      const spellings = orderSpellings(group.spellings);
      return { slug, name: spellings[0] ?? slug, spellings, articles: group.articles };
    })
    .sort(byTermName);
}

/** A term's spellings, most used first (then the one with more capitals, then alphabetical). */
function orderSpellings(counts: ReadonlyMap<string, number>): string[] {
  return [...counts]
    .sort(([a, countA], [b, countB]) => countB - countA || capitals(b) - capitals(a) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([name]) => name);
}

function byTermName(a: TermGroup, b: TermGroup): number {
  return byName.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1);
}

/** One collator for every comparison: localeCompare with options builds a new one per call (50 ms for 1,000 tags). */
const byName = new Intl.Collator('en', { sensitivity: 'base' });

/** Proper nouns are capitalised: between equally used spellings, the one with more capitals wins. */
function capitals(text: string): number {
  let count = 0;
  for (const char of text) if (char !== char.toLowerCase()) count++;
  return count;
}

/** Articles are already newest first, so each group's list and the groups come out newest first. */
function groupByDate(articles: readonly ArticleMeta[]): YearGroup[] {
  const years: YearGroup[] = [];
  for (const article of articles) {
    const { year, month, day } = article.date;
    let y = years[years.length - 1];
    if (y?.year !== year) {
      y = { year, months: [], articles: [] };
      years.push(y);
    }
    let m = y.months[y.months.length - 1];
    if (m?.month !== month) {
      m = { year, month, days: [], articles: [] };
      y.months.push(m);
    }
    let d = m.days[m.days.length - 1];
    if (d?.day !== day) {
      d = { year, month, day, articles: [] };
      m.days.push(d);
    }
    y.articles.push(article);
    m.articles.push(article);
    d.articles.push(article);
  }
  return years;
}

/** In file order, the first of two articles with one URL keeps it and the second is reported. */
function findDuplicateUrls(articles: readonly ArticleMeta[]): Problem[] {
  const byUrl = new Map<string, ArticleMeta>();
  const problems: Problem[] = [];
  // The build passes articles in file order already; sort only when they are not.
  const inFileOrder = articles.every((article, i) => i === 0 || articles[i - 1]!.file < article.file);
  for (const article of inFileOrder ? articles : [...articles].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const first = byUrl.get(article.url);
    if (!first) {
      byUrl.set(article.url, article);
      continue;
    }
    problems.push(
      problem('url-duplicate', article.file, { line: article.urlLine, column: 1 }, {
        field: 'slug',
        message: `the article URL ${article.url} is also the URL of ${first.file}:${first.urlLine}`,
        hint: 'give one of the two articles a different title or a `slug:` of its own',
      }),
    );
  }
  return problems;
}

/** One article file's change: its metadata before (if it was read) and after (if it still is). */
export interface ArticleChange {
  before?: ArticleMeta;
  after?: ArticleMeta;
}

/**
 * The site after a few articles changed, patched from the previous one instead of built again:
 * the dev server's update. Equal to buildSite over the new articles (test/model.test.ts checks
 * this over random changes). Returns undefined when time alone changed what is published (a
 * scheduled article came due, one expired): then only a full buildSite is right.
 */
export function updateSite(previous: Site, changes: readonly ArticleChange[], options: PublishOptions): { site: Site; problems: Problem[] } | undefined {
  if (!options.future && previous.leftOut.scheduled.some((article) => article.date.epoch <= options.now)) return undefined;
  const mayExpire = expiring.get(previous) ?? true;
  if (!options.expired && mayExpire && previous.articles.some((article) => article.expires !== undefined && article.expires.epoch <= options.now)) return undefined;

  const articles = [...previous.articles];
  const removed = new Set<ArticleMeta>();
  const touched = { topics: new Set<string>(), tags: new Set<string>(), months: new Set<string>() };
  const touch = (article: ArticleMeta) => {
    touched.months.add(`${article.date.year}/${article.date.month}`);
    touched.topics.add(article.topic.slug);
    for (const tag of article.tags) touched.tags.add(tag.slug);
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

  const site: Site = {
    articles,
    topics: patchTerms(previous.topics, touched.topics, removed, added, (article) => [article.topic]),
    tags: patchTerms(previous.tags, touched.tags, removed, added, (article) => article.tags),
    years: patchYears(previous.years, articles, touched.months),
    leftOut,
  };
  expiring.set(site, mayExpire || added.some((article) => article.expires !== undefined));
  return { site, problems: findDuplicateUrls(sharing) };
}

/** Whether a site may have a published article with an `expires` date (updateSite's check is skipped when not). */
const expiring = new WeakMap<Site, boolean>();

function publishStatus(article: ArticleMeta, options: PublishOptions): 'published' | 'drafts' | 'scheduled' | 'expired' {
  if (article.draft && !options.drafts) return 'drafts';
  if (article.date.epoch > options.now && !options.future) return 'scheduled';
  if (article.expires && article.expires.epoch <= options.now && !options.expired) return 'expired';
  return 'published';
}

/** Where `article` goes in a newest-first list: after every article that sorts before it. */
function insertionPoint(sorted: readonly ArticleMeta[], article: ArticleMeta): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (newestFirst(sorted[middle]!, article) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The position of `article` in a newest-first list, or -1. */
export function sortedIndexOf(sorted: readonly ArticleMeta[], article: ArticleMeta): number {
  let at = insertionPoint(sorted, article) - 1;
  // Equal keys sit together: look back over them for this very object.
  while (at >= 0 && newestFirst(sorted[at]!, article) === 0) {
    if (sorted[at] === article) return at;
    at--;
  }
  return sorted.indexOf(article);
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
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(sorted[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
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
