// How an article appears to templates: its metadata with topic and tag links resolved. Shared by
// every page kind that shows articles, so a list item looks the same on the home, topic and tag pages.

import type { ArticleMeta } from '../article.js';
import { tagUrl, topicUrl } from '../urls.js';

export interface TermView {
  name: string;
  slug: string;
  url: string;
}

export type ArticleView = Omit<ArticleMeta, 'topic' | 'tags'> & { topic: TermView; tags: TermView[] };

export function articleView(article: ArticleMeta): ArticleView {
  return {
    ...article,
    topic: { ...article.topic, url: topicUrl(article.topic.slug) },
    tags: article.tags.map((tag) => ({ ...tag, url: tagUrl(tag.slug) })),
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
