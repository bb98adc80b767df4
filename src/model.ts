// The site model: which articles are published, in what order, grouped by topic, tag, year, month
// and day. Metadata only: no rendered body is held here. Pure: a function of the articles' metadata
// and the build options (including "now", which comes from dates.buildTime, never the clock here).

import type { ArticleMeta, Term } from './article.js';
import { problem, type Problem } from './errors.js';

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
    if (article.draft && !options.drafts) leftOut.drafts.push(article);
    else if (article.date.epoch > options.now && !options.future) leftOut.scheduled.push(article);
    else if (article.expires && article.expires.epoch <= options.now && !options.expired) leftOut.expired.push(article);
    else articles.push(article);
  }
  // Before sorting by date: duplicates are reported in file order.
  const problems = findDuplicateUrls(articles);
  articles.sort(newestFirst);

  return {
    site: {
      articles,
      topics: groupByTerm(articles, (article) => [article.topic]),
      tags: groupByTerm(articles, (article) => article.tags),
      years: groupByDate(articles),
      leftOut,
    },
    problems,
  };
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
      const spellings = [...group.spellings]
        .sort(([a, countA], [b, countB]) => countB - countA || capitals(b) - capitals(a) || (a < b ? -1 : a > b ? 1 : 0))
        .map(([name]) => name);
      return { slug, name: spellings[0] ?? slug, spellings, articles: group.articles };
    })
    .sort((a, b) => byName.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
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
