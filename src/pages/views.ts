// How an article appears to templates: its metadata with topic, tag and author links resolved. Shared by
// every page kind that shows articles, so a list item looks the same on the home, topic and tag pages.
//
// Absent values are null, never undefined: LiquidJS in strict mode throws (and lenientIf catches)
// an error for every undefined value a template tests, which made rendering five times slower.

import type { SiteDate } from '../dates.js';
import { authorUrl, tagUrl, topicUrl } from '../urls.js';
import type { ArticleMeta, Correction, ImageFile } from '../types/index.js';

/** A topic, tag or author for templates: name, slug, and its page's site path (before the base path). */
export interface TermView {
  name: string;
  slug: string;
  url: string;
}

/**
 * An article as templates see it (see articleView): ArticleMeta less its content path, source
 * lines and links; absent values null; topic and tags with their page URLs. Site paths are before
 * the base path.
 */
export interface ArticleView {
  /** Cache key: equal keys, equal article (the card filter's memo uses it). */
  key: string;
  file: string;
  title: string;
  slug: string;
  url: string;
  date: SiteDate;
  updated: SiteDate | null;
  expires: SiteDate | null;
  topic: TermView;
  tags: TermView[];
  summary: string;
  source: string | null;
  /** The byline: each author's name as the article writes it, and their page's site path. */
  authors: TermView[];
  draft: boolean;
  /** As written in front-matter; article pages print `article.picture`, the processed markup. */
  image: string | null;
  imageAlt: string | null;
  imageCaption: string | null;
  imageCredit: string | null;
  /**
   * On pages that show photos (the front page): the lead image cut to 16:9, every format and
   * width, with its alt text; print it with the `picture` filter. Null elsewhere, and for an
   * article without a local lead image.
   */
  photo: PhotoView | null;
  /** Each with `date` (a SiteDate) and `text`; empty when there are none. */
  corrections: Correction[];
  lang: string;
  extra: Record<string, unknown>;
}

/** An article's teaser photo as templates see it (ArticleView.photo). */
export interface PhotoView {
  /** Every variant: site path, MIME type, pixel size, bytes. */
  files: ImageFile[];
  alt: string;
}

/**
 * The template view of an article, with its teaser photo when the page shows one. Pure; shares
 * dates, `corrections` and `extra` with `article` (not copied).
 */
export function articleView(article: ArticleMeta, photo?: ImageFile[], prefix = ''): ArticleView {
  return {
    key: article.key,
    file: article.file,
    title: article.title,
    slug: article.slug,
    url: article.url,
    date: article.date,
    updated: article.updated ?? null,
    expires: article.expires ?? null,
    topic: { ...article.topic, url: topicUrl(article.topic.slug, prefix) },
    tags: article.tags.map((tag) => ({ ...tag, url: tagUrl(tag.slug, prefix) })),
    summary: article.summary,
    source: article.source ?? null,
    authors: article.authors.map((author) => ({ ...author, url: authorUrl(author.slug, prefix) })),
    draft: article.draft,
    image: article.image ?? null,
    imageAlt: article.imageAlt ?? null,
    imageCaption: article.imageCaption ?? null,
    imageCredit: article.imageCredit ?? null,
    photo: photo && photo.length > 0 ? { files: photo, alt: article.imageAlt ?? '' } : null,
    corrections: article.corrections,
    lang: article.lang,
    extra: article.extra,
  };
}

/** A topic or tag with its article count, for the /topics/ and /tags/ indexes and navigation. */
export interface TermSummary extends TermView {
  count: number;
  /** Other ways articles spell this term ("almaty" for Almaty). */
  otherSpellings: string[];
}

/** When an article last changed: its `updated` date, else its `date`. */
export function modifiedOf(article: ArticleMeta): string {
  return (article.updated ?? article.date).iso;
}

/** The newest change among articles (for a page's lastmod), or undefined for none. */
export function lastModified(articles: Iterable<ArticleMeta>): string | undefined {
  let newest: ArticleMeta | undefined;
  let newestEpoch = -Infinity;
  for (const article of articles) {
    const epoch = (article.updated ?? article.date).epoch;
    if (epoch > newestEpoch) {
      newest = article;
      newestEpoch = epoch;
    }
  }
  return newest ? modifiedOf(newest) : undefined;
}
