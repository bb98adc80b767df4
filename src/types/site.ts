// The site model (model -> pages, dev): which articles are published, grouped by topic, tag,
// author and date, and the related articles of each. Types only.

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
}
