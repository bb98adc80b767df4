// Page plans (pages -> pipeline, workers, dev): what a planned page holds, how pages are grouped
// for planning, and what is kept of a page once written. Types only.

import type { ArticleMeta, Author, ImageFile, PageImages } from './article.js';

/**
 * Where a page sits in its list. URLs are site paths before the base path; page 1's is the list's own
 * URL; prevUrl and nextUrl are undefined on the first and last page.
 */
export interface Pagination {
  /**
   * Numbered from the oldest (model/paginate.ts): page 1 holds the oldest articles and is at
   * <list>/page/1/; the list's first page, at its own URL, comes after the last numbered one.
   */
  number: number;
  /** Is this the list's first page (its own URL, the newest articles)? Only it changes as news arrives. */
  first: boolean;
  /** How many pages the list has: on the first page only (a numbered page must not change as the list grows). */
  total?: number;
  url: string;
  /** The page of newer articles (rel=prev); none on the first page. */
  prevUrl?: string;
  /** The page of older articles (rel=next); none on page 1. */
  nextUrl?: string;
  /** The list's first page: its own URL. */
  firstUrl: string;
  /** The page of the oldest articles: page 1, or the first page when the list has no numbered page. */
  lastUrl: string;
}

/**
 * Kinds of page: "topics"/"tags"/"authors" are the term indexes, "topic"/"tag"/"author" one term's
 * list, "search" /search/, "notfound" /404.html.
 */
export type PageKind =
  | 'home' | 'article' | 'topics' | 'topic' | 'tags' | 'tag' | 'authors' | 'author' | 'archive' | 'year' | 'month' | 'day' | 'search' | 'notfound';

/** The kinds of term an article is listed under: its topic, its tags, its authors. */
export type TermsName = 'topics' | 'tags' | 'authors';

/**
 * Which pages a group holds: a typed value, one constructor each in pages/groups.ts. Groups are
 * the unit the dev server re-plans after a change; each page belongs to exactly one group, and a
 * group's identity (pages/groups.ts groupKey) is stable across builds.
 */
export type GroupId =
  | { kind: 'home' }
  | { kind: 'article'; contentPath: string }
  | { kind: 'term-index'; terms: TermsName }
  | { kind: 'term'; terms: TermsName; slug: string }
  | { kind: 'archive' }
  | { kind: 'year'; year: string }
  | { kind: 'month'; year: string; month: string }
  | { kind: 'day'; year: string; month: string; day: string }
  | { kind: 'search' }
  | { kind: 'notfound' };

/** Pages planned together (see GroupId). */
export interface PageGroup {
  id: GroupId;
  /** groupKey(id): the group's identity in maps and sets. */
  key: string;
  pages(): Iterable<PageSpec>;
  /** A paginated list: its articles (newest first), and a way to plan only some of its pages. */
  list?: {
    articles: readonly ArticleMeta[];
    pageSize: number;
    /** The pages with these numbers (model/paginate.ts: numbered from the oldest, the first page last), in reading order. */
    pagesNumbered(numbers: ReadonlySet<number>): Iterable<PageSpec>;
    /**
     * The first page shows articles from beyond its own slice (the home's front page: sections by
     * topic), so a change to any article may change it: the dev server re-plans it on every change.
     */
    firstPageShowsMore?: boolean;
  };
}

/** One breadcrumb: the linked page's name and site path (before the base path). */
export interface Crumb {
  name: string;
  url: string;
}

/**
 * One planned page: what its template and metadata need, except the article body and site-wide
 * globals. Plain data (no functions), so it can be sent to a page worker.
 */
export interface PageSpec {
  kind: PageKind;
  /** Site path, before the base path: "/topics/culture/page/2/", "/404.html". */
  url: string;
  /** A multilingual site's page: its language's code (absent: the site's one language). */
  language?: string;
  /**
   * A multilingual site's page: itself and its counterparts in the other languages that have one
   * (hreflang), by language code; x-default is chosen from them (pages/hreflang.ts).
   */
  alternates?: Alternate[];
  /** Template name in templates/, without extension. */
  template: string;
  /** The page's own title (the site title is added by the layout). */
  title: string;
  description: string;
  pagination?: Pagination;
  /** Trail from the home page to this page's parent. */
  breadcrumbs: Crumb[];
  /** Article pages: the article whose body goes into the page as `content`. */
  article?: ArticleMeta;
  /** Article pages with images: their markup and crops (added by pipeline/pages.ts from the image stage). */
  images?: PageImages;
  /** The page shows the photos of the articles in its data (the home's front page). */
  showsPhotos?: boolean;
  /**
   * Pages that show photos: each shown article's teaser set (its lead image cut to 16:9, every
   * format and width), by content path; articles without a local lead image are absent (added by
   * pipeline/pages.ts from the image stage).
   */
  photos?: Record<string, ImageFile[]>;
  /** ISO date-time of the newest content on the page (sitemap lastmod); none for pages without articles. */
  lastModified?: string;
  /** Topic, tag and author pages: the term whose feeds the page links, besides the site's. */
  feed?: { listUrl: string; title: string };
  /**
   * The people the page credits (an article's authors, in byline order) or is about (an author's
   * page), with their profiles: their Person JSON-LD.
   */
  authors?: Author[];
  /**
   * Variables for the page's template, besides `site` and `page`. Articles in it are ArticleMeta
   * (a value or a list): fingerprints see them by cache key, templates get them as ArticleView.
   */
  data: Record<string, unknown>;
}

/** Every article read this build (published or not), by its path in the content folder. */
export type ArticleIndex = Pick<ReadonlyMap<string, ArticleMeta>, 'get'>;

/** A page as written: what the sitemap and the dev server's page lists keep of it. */
export interface WrittenPage {
  kind: PageKind;
  /** Site path. */
  url: string;
  /** Its language's counterparts, as the page lists them (the sitemap's xhtml:link). */
  alternates?: Alternate[];
  /** ISO date-time of the page's newest content (sitemap lastmod). */
  lastModified?: string;
}

/** A page's counterpart in one language: its code and site path (hreflang). */
export interface Alternate {
  lang: string;
  url: string;
}
