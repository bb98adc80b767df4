// A paginated list of articles (home, a topic, a tag, an author, a month, a day): one PageSpec per page of
// `pageSize` articles, titled "<title>" on page 1 and "<title>, page N" after.

import { paginate } from '../model/paginate.js';
import { lastModified } from './views.js';
import { isArticleMeta, type ArticleMeta } from '../types/index.js';
import type { Crumb, GroupId, PageGroup, PageKind, PageSpec } from '../types/index.js';
import { groupKey } from './groups.js';

/**
 * A list's articles (newest first, as given) and what all its pages share. `listUrl` is page 1's site
 * path; `data` goes into every page's data, under its `articles` and `heading`.
 */
export interface ListOptions {
  kind: PageKind;
  template: string;
  listUrl: string;
  title: string;
  description: string;
  articles: readonly ArticleMeta[];
  pageSize: number;
  breadcrumbs: Crumb[];
  feed?: PageSpec['feed'];
  /** An author's list: the author, for every page's Person JSON-LD. */
  authors?: PageSpec['authors'];
  data?: Record<string, unknown>;
  /** Page 1 only: more data made of its articles, besides `data` (the home's front page); its articles count for lastmod. */
  pageOneData?: (items: readonly ArticleMeta[]) => Record<string, unknown>;
  /** Page 1 shows its articles' photos (the home's front page): the pipeline adds their teasers to its spec. */
  pageOnePhotos?: boolean;
}

/** A page group that is one paginated list (options made when pages are planned). */
export function listGroup(id: GroupId, options: () => ListOptions, articles: readonly ArticleMeta[], pageSize: number, pageOneShowsMore = false): PageGroup {
  return {
    id,
    key: groupKey(id),
    pages: () => listPages(options()),
    list: { articles, pageSize, pagesNumbered: (numbers) => listPages(options(), numbers), pageOneShowsMore },
  };
}

/**
 * One PageSpec per page, in page order: always at least page 1, or only the numbers in `only`. Page
 * N is titled "<title>, page N" with a crumb back to page 1; its data holds `articles` (that
 * page's) and `heading`.
 */
export function* listPages(options: ListOptions, only?: ReadonlySet<number>): Generator<PageSpec> {
  for (const { items, pagination } of paginate(options.articles, options.pageSize, options.listUrl, only)) {
    const more = pagination.number === 1 ? options.pageOneData?.(items) : undefined;
    yield {
      kind: options.kind,
      url: pagination.url,
      template: options.template,
      title: pagination.number === 1 ? options.title : `${options.title}, page ${pagination.number}`,
      description: options.description,
      pagination,
      lastModified: lastModified(more ? [...items, ...articlesIn(more)] : items),
      feed: options.feed,
      authors: options.authors,
      breadcrumbs: pagination.number === 1 ? options.breadcrumbs : [...options.breadcrumbs, { name: options.title, url: options.listUrl }],
      data: { ...options.data, ...more, articles: items, heading: options.title },
      ...(pagination.number === 1 && options.pageOnePhotos ? { showsPhotos: true } : {}),
    };
  }
}

/** Every article in page data, at any depth (a front page's sections hold lists of them). */
export function* articlesIn(value: unknown): Generator<ArticleMeta> {
  if (isArticleMeta(value)) yield value;
  else if (Array.isArray(value)) for (const item of value) yield* articlesIn(item);
  else if (typeof value === 'object' && value !== null) for (const field of Object.values(value)) yield* articlesIn(field);
}
