// One page per published article, with links to its neighbours in time: `prev` is the next older
// article, `next` the next newer one (as a reader paging back through the news expects), and its
// related articles (the model's, Site.related) as `related`.
// Page data holds articles as ArticleMeta; views.ts makes template views of them.

import { homeUrl, topicUrl } from '../urls.js';
import { modifiedOf } from './views.js';
import type { SiteConfig } from '../config.js';
import type { ArticleMeta, AuthorProfiles } from '../types/index.js';
import { articleAuthors } from './authors.js';
import type { Site } from '../types/index.js';
import type { GroupId, PageGroup, PageSpec } from '../types/index.js';
import { groupIds, groupKey } from './groups.js';
import type { UiText } from './ui-text.js';

/**
 * One group per published article, newest first; each page's `prev` is the next older article,
 * `next` the next newer (null at the ends).
 */
export function* articleGroups(site: Site, config: SiteConfig, text: UiText): Generator<PageGroup> {
  for (let i = 0; i < site.articles.length; i++) yield articleGroupAt(site, i, config, text);
}

/** The group of the article at position `at` of the site's articles. */
export function articleGroupAt(site: Site, at: number, _config: SiteConfig, text: UiText): PageGroup {
  return new ArticleGroup(site.articles, site.authorProfiles, at, site.related.lists, site.language.prefix, text);
}

/**
 * A class, not an object with a closure: the dev server lists every group on each update, and
 * under tsx each closure made costs a __name() call (5 ms per 10,000 articles).
 */
class ArticleGroup implements PageGroup {
  readonly id: GroupId;
  readonly key: string;

  constructor(
    private readonly articles: readonly ArticleMeta[],
    private readonly profiles: AuthorProfiles,
    private readonly at: number,
    private readonly related: Site['related']['lists'],
    /** The language's URL prefix ('' for the default language). */
    private readonly prefix: string,
    private readonly text: UiText,
  ) {
    // Known by its file, so the group outlives a change of URL.
    this.id = groupIds.article(articles[at]!);
    this.key = groupKey(this.id);
  }

  pages(): PageSpec[] {
    const article = this.articles[this.at]!;
    const related = this.related[this.at]!;
    return [articlePage(article, this.articles[this.at + 1], this.articles[this.at - 1], related, this.profiles, this.prefix, this.text)];
  }
}

function articlePage(article: ArticleMeta, older: ArticleMeta | undefined, newer: ArticleMeta | undefined, related: readonly ArticleMeta[], profiles: AuthorProfiles, prefix: string, text: UiText): PageSpec {
  return {
    kind: 'article',
    url: article.url,
    template: 'article',
    title: article.title,
    description: article.summary,
    breadcrumbs: [
      { name: text.text('breadcrumbs.home'), url: homeUrl(prefix) },
      { name: article.topic.name, url: topicUrl(article.topic.slug, prefix) },
    ],
    article,
    // With their profiles, for the Person JSON-LD: editing the authors file re-renders only their articles.
    authors: article.authors.length > 0 ? articleAuthors(article.authors, profiles) : undefined,
    lastModified: modifiedOf(article),
    data: {
      prev: older ?? null,
      next: newer ?? null,
      // In the data, so the page's fingerprint changes when its list does.
      related,
    },
  };
}
