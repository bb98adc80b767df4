// What crosses stage borders: an article's metadata (load/render -> model -> pages), the site model
// (model -> pages), and page plans (pages -> write, workers, dev). Types and one type guard only; every
// stage imports from here, and this module imports nothing of Broadsheet's but dates' SiteDate and
// the image stage's plain-data types (images/page-images.ts).

import type { SiteDate } from './dates.js';
import type { BodyImageRef, ImageFocus, PageImages } from './images/page-images.js';

/** The image stage's plain-data types, shared by render, pages and write like the rest of this file. */
export type { BodyImageRef, ImageFile, ImageFocus, PageImages } from './images/page-images.js';

/** The parts of the config an article's rendering depends on (and so its cache key). */
export interface ArticleSettings {
  timeZone: string;
  language: string;
  defaultTopic: string;
  summaryLength: number;
  /** Site-path links in bodies are put under it. */
  basePath: string;
  /** Tags an article keeps (the first ones); more is a warning. */
  tagLimit: number;
}

/** A topic or tag as written in front-matter, with its URL slug. */
export interface Term {
  name: string;
  slug: string;
}

/** Everything about an article except its body: what the site model and list pages hold. */
export interface ArticleMeta {
  /** Cache key of the source (cache.ts): equal keys, equal metadata and body. '' when not computed. */
  key: string;
  /** Path shown to the user, relative to the site root. */
  file: string;
  /** Path inside the content folder, which relative links between articles use. */
  contentPath: string;
  title: string;
  slug: string;
  /** Site path of the article page, before the base path: /2025/12/18/slug/ */
  url: string;
  date: SiteDate;
  updated?: SiteDate;
  expires?: SiteDate;
  topic: Term;
  tags: Term[];
  summary: string;
  source?: string;
  /** The `author` names, with their author pages' slugs; two names with one slug are one author. */
  authors: Term[];
  draft: boolean;
  /** The front-matter `image`, as written: a path relative to the article file, a site path or a URL. */
  image?: string;
  imageAlt?: string;
  /** Line and column of the `image` field's value, for image problems. */
  imageLine?: number;
  imageColumn?: number;
  imageCaption?: string;
  imageCredit?: string;
  /** Where crops of the lead image centre, as fractions of its width and height (default the middle). */
  imageFocus?: ImageFocus;
  /** Images in the body, in order; the body HTML holds a placeholder for each (images/placeholders.ts). */
  images: BodyImageRef[];
  /** Corrections to the article, in the order written: shown atop it and in its JSON-LD. */
  corrections: Correction[];
  lang: string;
  /** Old URLs (front-matter `aliases`, site paths, some with a query), and the field's line: each answered with a redirect. */
  aliases: string[];
  aliasesLine?: number;
  /** Front-matter fields Broadsheet does not know, passed to templates as `article.extra`. */
  extra: Record<string, unknown>;
  /** Line of the field that decided the URL (slug, else title), for duplicate-URL errors. */
  urlLine: number;
  /** File line where the Markdown body starts. */
  bodyLine: number;
  /** Links from the body to the site, with file lines, for checking once every page is known. */
  links: SiteLink[];
}

/**
 * An author: a name from front-matter `author`, with what the site's authors file
 * (content/authors.yaml, load/authors.ts) says of them. Plain data.
 */
export interface Author {
  /** As the authors file spells it, else as the articles do. */
  name: string;
  /** Of the author page: /authors/<slug>/. */
  slug: string;
  bio?: string;
  /** Site path or absolute URL of a portrait. */
  photo?: string;
  /** The author's own website. */
  url?: string;
  /** Profile pages elsewhere (social networks, a staff page): schema.org sameAs. */
  sameAs: string[];
}

/** What the authors file says, by author slug; empty when the site has none. */
export type AuthorProfiles = ReadonlyMap<string, Author>;

/** A correction to an article (front-matter `corrections`): when it was made and what it says. */
export interface Correction {
  date: SiteDate;
  /** Plain text, as written. */
  text: string;
}

/** Is a value (in page data, say) an article's metadata? */
export function isArticleMeta(value: unknown): value is ArticleMeta {
  return typeof value === 'object' && value !== null && typeof (value as ArticleMeta).key === 'string' && 'contentPath' in value && 'bodyLine' in value;
}

/** A link from an article body to the site: a site path, or another article's file. */
export interface SiteLink {
  kind: 'path' | 'article';
  /** Site path (before the base path) or content path of the target article file. */
  target: string;
  /** Position in the Markdown body (1-based; the body's first line is 1). */
  line: number;
  column: number;
}

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

/**
 * Where a page sits in its list. URLs are site paths before the base path; page 1's is the list's own
 * URL; prevUrl and nextUrl are undefined on the first and last page.
 */
export interface Pagination {
  /** 1-based. */
  number: number;
  total: number;
  url: string;
  prevUrl?: string;
  nextUrl?: string;
  firstUrl: string;
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
    /** The pages with these numbers (1-based), in order. */
    pagesNumbered(numbers: ReadonlySet<number>): Iterable<PageSpec>;
    /**
     * Page 1 shows articles from beyond its own slice (the home's front page: sections by topic),
     * so a change to any article may change it: the dev server re-plans it on every change.
     */
    pageOneShowsMore?: boolean;
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
  /** Article pages with images: their markup and crops (added by write/pages.ts from the image stage). */
  images?: PageImages;
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
  /** ISO date-time of the page's newest content (sitemap lastmod). */
  lastModified?: string;
}
