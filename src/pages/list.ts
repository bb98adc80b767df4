// A paginated list of articles (home, a topic, a tag, an author, a month, a day): one PageSpec per
// page (model/paginate.ts: numbered from the oldest, the list's own URL first), titled "<title>" on
// the first page and "<title>, page N" on numbered ones (in the list's language: list.page_title).

import { paginate } from '../model/paginate.js';
import { lastModified } from './views.js';
import { isArticleMeta, type ArticleMeta } from '../types/index.js';
import type { Crumb, GroupId, PageGroup, PageKind, PageSpec } from '../types/index.js';
import { groupKey } from './groups.js';
import type { UiText } from './ui-text.js';

/**
 * A list's articles (newest first, as given) and what all its pages share. `listUrl` is the first page's
 * site path; `data` goes into every page's data, under its `articles` and `heading`.
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
  /** The first page only: more data made of its articles, besides `data` (the home's front page); its articles count for lastmod. */
  firstPageData?: (items: readonly ArticleMeta[]) => Record<string, unknown>;
  /** The first page shows its articles' photos (the home's front page): the pipeline adds their teasers to its spec. */
  firstPagePhotos?: boolean;
  /** The language of the list's pages: the numbered pages' titles. */
  text: UiText;
}

/** A page group that is one paginated list (options made when pages are planned). */
export function listGroup(id: GroupId, options: () => ListOptions, articles: readonly ArticleMeta[], pageSize: number, firstPageShowsMore = false): PageGroup {
  return {
    id,
    key: groupKey(id),
    pages: () => listPages(options()),
    list: { articles, pageSize, pagesNumbered: (numbers) => listPages(options(), numbers), firstPageShowsMore },
  };
}

/**
 * One PageSpec per page, in reading order (the first page, then the numbered ones from the newest):
 * always at least the first page, or only the numbers in `only`. Page N is titled "<title>, page N"
 * with a crumb back to the first page; its data holds `articles` (that page's) and `heading`.
 */
export function* listPages(options: ListOptions, only?: ReadonlySet<number>): Generator<PageSpec> {
  for (const { items, pagination } of paginate(options.articles, options.pageSize, options.listUrl, only)) {
    const more = pagination.first ? options.firstPageData?.(items) : undefined;
    yield {
      kind: options.kind,
      url: pagination.url,
      template: options.template,
      title: pagination.first ? options.title : options.text.text('list.page_title', { title: options.title, number: pagination.number }),
      description: options.description,
      pagination,
      lastModified: lastModified(more ? [...items, ...articlesIn(more)] : items),
      feed: options.feed,
      authors: options.authors,
      breadcrumbs: pagination.first ? options.breadcrumbs : [...options.breadcrumbs, { name: options.title, url: options.listUrl }],
      data: { ...options.data, ...more, articles: items, heading: options.title },
      ...(pagination.first && options.firstPagePhotos ? { showsPhotos: true } : {}),
    };
  }
}

/** Every article in page data, at any depth (a front page's sections hold lists of them). */
export function* articlesIn(value: unknown): Generator<ArticleMeta> {
  if (isArticleMeta(value)) yield value;
  else if (Array.isArray(value)) for (const item of value) yield* articlesIn(item);
  else if (typeof value === 'object' && value !== null) for (const field of Object.values(value)) yield* articlesIn(field);
}
