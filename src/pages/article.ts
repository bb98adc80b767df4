// One page per published article, with links to its neighbours in time: `prev` is the next older
// article, `next` the next newer one (as a reader paging back through the news expects).
// Page data holds articles as ArticleMeta; render.ts makes template views of them.

import type { ArticleMeta } from '../render/article.js';
import type { Site } from '../model/site.js';
import { homeUrl, topicUrl } from '../urls.js';
import type { PageGroup, PageSpec } from './types.js';
import { modifiedOf } from './views.js';

/** The group of an article's page: named by its file, so it outlives a change of URL. */
export function articleGroupName(article: ArticleMeta): string {
  return ARTICLE_GROUP_PREFIX + article.contentPath;
}

export const ARTICLE_GROUP_PREFIX = 'article:';

export function* articleGroups(site: Site): Generator<PageGroup> {
  for (let i = 0; i < site.articles.length; i++) yield articleGroupAt(site, i);
}

/** The group of the article at position `at` of the site's articles. */
export function articleGroupAt(site: Site, at: number): PageGroup {
  return new ArticleGroup(site.articles, at);
}

/**
 * A class, not an object with a closure: the dev server lists every group on each update, and
 * under tsx each closure made costs a __name() call (5 ms per 10,000 articles).
 */
class ArticleGroup implements PageGroup {
  readonly name: string;

  constructor(
    private readonly articles: readonly ArticleMeta[],
    private readonly at: number,
  ) {
    this.name = articleGroupName(articles[at]!);
  }

  pages(): PageSpec[] {
    return [articlePage(this.articles[this.at]!, this.articles[this.at + 1], this.articles[this.at - 1])];
  }
}

function articlePage(article: ArticleMeta, older: ArticleMeta | undefined, newer: ArticleMeta | undefined): PageSpec {
  return {
    kind: 'article',
    url: article.url,
    template: 'article',
    title: article.title,
    description: article.summary,
    breadcrumbs: [
      { name: 'Home', url: homeUrl() },
      { name: article.topic.name, url: topicUrl(article.topic.slug) },
    ],
    article,
    lastModified: modifiedOf(article),
    data: {
      prev: older ?? null,
      next: newer ?? null,
    },
  };
}
