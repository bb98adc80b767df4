// What the page planners produce and the renderer consumes: one PageSpec per output page.

import type { ArticleMeta } from '../render/article.js';
import type { Pagination } from '../model/paginate.js';

export type PageKind =
  | 'home' | 'article' | 'topics' | 'topic' | 'tags' | 'tag' | 'archive' | 'year' | 'month' | 'day' | 'notfound';

/**
 * Pages planned together: the unit the dev server re-plans after a change. Names are stable across
 * builds ("home", "article:2025/12/a.md", "topic:culture", "month:2025/12", ...), and each page
 * belongs to exactly one group.
 */
export interface PageGroup {
  name: string;
  pages(): Iterable<PageSpec>;
  /** A paginated list: its articles (newest first), and a way to plan only some of its pages. */
  list?: {
    articles: readonly ArticleMeta[];
    pageSize: number;
    /** The pages with these numbers (1-based), in order. */
    pagesNumbered(numbers: ReadonlySet<number>): Iterable<PageSpec>;
  };
}

export interface Crumb {
  name: string;
  url: string;
}

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
  /** ISO date-time of the newest content on the page (sitemap lastmod); none for pages without articles. */
  lastModified?: string;
  /** Topic and tag pages: the term whose feeds the page links, besides the site's. */
  feed?: { listUrl: string; title: string };
  /**
   * Variables for the page's template, besides `site` and `page`. Articles in it are ArticleMeta
   * (a value or a list): fingerprints see them by cache key, templates get them as ArticleView.
   */
  data: Record<string, unknown>;
}
