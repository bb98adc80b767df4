// One page per published article, with links to its neighbours in time: `prev` is the next older
// article, `next` the next newer one (as a reader paging back through the news expects).
// Page data holds articles as ArticleMeta; render.ts makes template views of them.

import type { Site } from '../model.js';
import { homeUrl, topicUrl } from '../urls.js';
import type { PageSpec } from './types.js';
import { modifiedOf } from './views.js';

export function* articlePages(site: Site): Generator<PageSpec> {
  const { articles } = site;
  for (let i = 0; i < articles.length; i++) {
    const article = articles[i]!;
    const older = articles[i + 1];
    const newer = articles[i - 1];
    yield {
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
}
