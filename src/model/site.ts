// The site model: which articles are published, in what order, grouped by topic, tag, author, year,
// month and day, with each one's related articles. Metadata only: no rendered body is held here.
// Pure: a function of the articles' metadata, the authors file's profiles and the build options
// (including "now", which comes from dates.buildTime, never the clock here).

import { problem, type Problem } from '../problems/index.js';
import type { ArticleMeta, AuthorProfiles, RelatedOptions, SiteLanguage, Term } from '../types/index.js';
import type { PublishOptions, Site, TermGroup, YearGroup, DayGroup, MonthGroup } from '../types/index.js';
import { lowerBound } from '../lower-bound.js';
import { relatedArticles, relatedIndex } from './related.js';

/** What the model is made with besides the articles. */
export interface ModelOptions extends PublishOptions {
  /** The authors file's entries (default none). */
  authorProfiles?: AuthorProfiles;
  /** How related articles are chosen (default: none are). */
  related?: RelatedOptions;
  /** The language of the site's pages (default: English at the root, as a one-language site has it). */
  language?: SiteLanguage;
}

/** The language of a site built without one: the default language at the root, English. */
export const ONE_LANGUAGE: SiteLanguage = { code: 'en', isDefault: true, prefix: '', locale: 'en', direction: 'ltr', title: '', description: '' };

/** Related articles turned off: a model made without `related` options lists none. */
export const NO_RELATED: RelatedOptions = { count: 0, tagWeight: 0, topicWeight: 0, threshold: 0, recencyDays: 0, candidatesPerTerm: 0 };

/**
 * The site model of the articles read this build. Pure. Published articles sort newest first;
 * left-out ones keep input order (file order, as the build passes them). `problems` are
 * duplicate-URL errors, reported in file order.
 */
export function buildSite(all: readonly ArticleMeta[], options: ModelOptions): { site: Site; problems: Problem[] } {
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
    authors: groupByTerm(articles, (article) => article.authors),
    authorProfiles: options.authorProfiles ?? new Map(),
    years: groupByDate(articles),
    leftOut,
    related: relatedArticles(articles, options.related ?? NO_RELATED),
    expiring: articles.some((article) => article.expires !== undefined),
    language: options.language ?? ONE_LANGUAGE,
  };
  return { site, problems };
}

/**
 * The model of a site an earlier build saved (pipeline/saved-state.ts): its published articles
 * already in order, what it left out, and its related lists already scored, so nothing is sorted
 * or scored again. Equal to buildSite over the same articles and options.
 */
export function restoreSite(
  saved: { articles: ArticleMeta[]; leftOut: Site['leftOut']; related: { options: RelatedOptions; lists: ArticleMeta[][] }; language: SiteLanguage },
  authorProfiles: AuthorProfiles,
): Site {
  const { articles, leftOut, related } = saved;
  return {
    articles,
    topics: groupByTerm(articles, (article) => [article.topic]),
    tags: groupByTerm(articles, (article) => article.tags),
    authors: groupByTerm(articles, (article) => article.authors),
    authorProfiles,
    years: groupByDate(articles),
    leftOut,
    related: { ...related, index: related.options.count > 0 ? relatedIndex(articles) : undefined },
    expiring: articles.some((article) => article.expires !== undefined),
    language: saved.language,
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
      const spellings = orderSpellings(group.spellings);
      return { slug, name: spellings[0] ?? slug, spellings, articles: group.articles };
    })
    .sort(byTermName);
}

/** A term's spellings, most used first (then the one with more capitals, then alphabetical). */
export function orderSpellings(counts: ReadonlyMap<string, number>): string[] {
  return [...counts]
    .sort(([a, countA], [b, countB]) => countB - countA || capitals(b) - capitals(a) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([name]) => name);
}

/** Sort order of term groups: by name, ignoring case and accents (English collation), then by slug. */
export function byTermName(a: TermGroup, b: TermGroup): number {
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
export function groupByDate(articles: readonly ArticleMeta[]): YearGroup[] {
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
export function findDuplicateUrls(articles: readonly ArticleMeta[]): Problem[] {
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
      problem('url-duplicate', article.file, { line: article.urlLine, column: 1 }, { url: article.url, other: first.file, otherLine: first.urlLine }),
    );
  }
  return problems;
}

/**
 * Whether an article is published under `options`, or which leftOut list it goes to: a draft is
 * "drafts" even when also scheduled or expired, and a scheduled article is never "expired".
 */
export function publishStatus(article: ArticleMeta, options: PublishOptions): 'published' | 'drafts' | 'scheduled' | 'expired' {
  if (article.draft && !options.drafts) return 'drafts';
  if (article.date.epoch > options.now && !options.future) return 'scheduled';
  if (article.expires && article.expires.epoch <= options.now && !options.expired) return 'expired';
  return 'published';
}

/** Where `article` goes in a newest-first list: after every article that sorts before it. */
export function insertionPoint(sorted: readonly ArticleMeta[], article: ArticleMeta): number {
  return lowerBound(sorted.length, (at) => newestFirst(sorted[at]!, article) > 0);
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

/** A test of whether an article is one of `site`'s published articles. */
export function isPublishedIn(site: Site): (article: ArticleMeta) => boolean {
  const published = new Set(site.articles);
  return (article) => published.has(article);
}
