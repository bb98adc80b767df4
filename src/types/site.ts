// The site model (model -> pages, dev): which articles are published, grouped by topic, tag,
// author and date, and the related articles of each: everything the model stage computes, so
// later stages only read. Types only.

import type { ArticleMeta, AuthorProfiles } from './article.js';

/** What publishStatus (model/site.ts) decides by; each flag true lets that kind of article in. */
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

/** One day's published articles, newest first; year, month and day zero-padded as in SiteDate. */
export interface DayGroup {
  year: string;
  month: string;
  day: string;
  articles: ArticleMeta[];
}

/** One month's articles, newest first, and its days that have articles, newest first. */
export interface MonthGroup {
  year: string;
  month: string;
  days: DayGroup[];
  articles: ArticleMeta[];
}

/** One year's articles, newest first, and its months that have articles, newest first. */
export interface YearGroup {
  year: string;
  months: MonthGroup[];
  articles: ArticleMeta[];
}

/**
 * The site model (model/site.ts buildSite): published articles and their groupings, by reference to
 * the same ArticleMeta objects. Treat as immutable: updateSite shares unchanged groups.
 */
export interface Site {
  /** Published articles, newest first. */
  articles: ArticleMeta[];
  /** Alphabetical by name. */
  topics: TermGroup[];
  /** Alphabetical by name, like topics. */
  tags: TermGroup[];
  /** Everyone named in a published article's `author`, alphabetical by name, like topics. */
  authors: TermGroup[];
  /** The authors file's entries (for author pages, bylines' JSON-LD), whether or not they wrote anything published. */
  authorProfiles: AuthorProfiles;
  /** Newest first; months and days newest first too. */
  years: YearGroup[];
  /** What the build left out, and why. */
  leftOut: { drafts: ArticleMeta[]; scheduled: ArticleMeta[]; expired: ArticleMeta[] };
  /** Each published article's related articles (model/related.ts). */
  related: RelatedArticles;
  /** Does a published article have an `expires` date? (If not, time alone cannot unpublish one.) */
  expiring: boolean;
  /** The language of this site's pages (a multilingual site has one Site per language). */
  language: SiteLanguage;
  /**
   * A multilingual site's other languages, each a Site of its own (this one is the default
   * language's), and which articles translate which. Absent on a one-language site.
   */
  otherLanguages?: readonly Site[];
  translations?: Translations;
}

/** One language of the site, settled (languages.ts). */
export interface SiteLanguage {
  code: string;
  /** The default language: its pages at the site's root. */
  isDefault: boolean;
  /** What comes before every site path of its pages: '' for the default language, '/ru' for another. */
  prefix: string;
  /** The Intl locale of its dates and numbers. */
  locale: string;
  direction: 'ltr' | 'rtl';
  /** The site's title and description in this language. */
  title: string;
  description: string;
}

/**
 * Which published articles are translations of each other (model/translations.ts): by
 * translation key, each language's article. An article in no group has no translation.
 */
export interface Translations {
  /** Translation key -> language code -> the published article in that language. */
  groups: ReadonlyMap<string, ReadonlyMap<string, ArticleMeta>>;
  /** The key of an article's group (by article). */
  keyOf: ReadonlyMap<ArticleMeta, string>;
}

/** One article file's change: its metadata before (if it was read) and after (if it still is). */
export interface ArticleChange {
  before?: ArticleMeta;
  after?: ArticleMeta;
}

/** The `related` config options (config.ts documents each). */
export interface RelatedOptions {
  /** Most related articles an article lists; 0 turns the feature off. */
  count: number;
  /** Score for each tag a candidate shares with the article. */
  tagWeight: number;
  /** Score for sharing the article's topic. */
  topicWeight: number;
  /** A candidate is listed only when its score (before the recency factor) is above this. */
  threshold: number;
  /** Days apart at which a candidate's score is halved; 0: time does not count. */
  recencyDays: number;
  /** Articles nearest in time examined per tag and topic of the article. */
  candidatesPerTerm: number;
}

/** The related articles of every published article, and what they were scored with. */
export interface RelatedArticles {
  options: RelatedOptions;
  /** By position in Site.articles: its related articles, best first, at most `options.count`. */
  lists: ReadonlyArray<readonly ArticleMeta[]>;
  /** The inverted index the lists were scored with (none when `options.count` is 0): a patch starts from it. */
  index?: RelatedIndex;
}

/**
 * A site's inverted index (term -> its articles, newest first) in numbers: an article is its
 * position in Site.articles, so each term's list is ascending and found by binary search, and
 * scoring reads typed arrays. Term ids are the index's own (only equality counts in scoring), so
 * that a patch (model/related-patch.ts) need not renumber them: a term that comes gets a new id,
 * one that goes keeps an empty list. Never changed once made: patching makes a new index.
 */
export interface RelatedIndex {
  articles: readonly ArticleMeta[];
  /** By article id: date (epoch ms), topic id, tag ids (each once). */
  epoch: Float64Array;
  topicOf: Int32Array;
  tagsOf: Int32Array[];
  /** By topic or tag id: its article ids, ascending (newest first). */
  topicLists: Int32Array[];
  tagLists: Int32Array[];
  /** Term slug -> id. */
  topicIds: ReadonlyMap<string, number>;
  tagIds: ReadonlyMap<string, number>;
  /**
   * Marks of the candidates seen, by article id (this stamp = seen by the current call): scratch
   * space, shared by indexes of as many articles made one from another.
   */
  scratch: { seen: Uint32Array; stamp: number };
}
