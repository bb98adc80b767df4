// JSON Feed 1.1 (/feed.json and every topic's and tag's feed.json): one feed's entries as a JSON
// Feed document.
//
// Escaping, field by field: JSON.stringify only, since JSON Feed says what each field holds and a
// JSON string holds any text exactly.
// - title, description, summary, content_text (the summary, when the feed has no bodies), tags
//   (topic and tag names) and authors[].name: plain text as the author wrote it;
// - content_html: the body HTML, sanitised when it was rendered, as it is;
// - id, url, home_page_url, feed_url, image: absolute URLs.

import type { SiteConfig } from '../../config.js';
import { absoluteUrl } from '../../urls.js';
import { feedUrl, JSON_FEED, type Entry, type FeedSpec } from './plan.js';

/** One feed as a JSON Feed 1.1 document. */
export function jsonFeed(feed: FeedSpec, entries: readonly Entry[], config: SiteConfig): string {
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: absoluteUrl(config.baseUrl, feed.listUrl),
    feed_url: absoluteUrl(config.baseUrl, feedUrl(feed.listUrl, JSON_FEED)),
    description: feed.description,
    language: config.language,
    authors: [{ name: config.publisher }],
    items: entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.article.title,
      ...(entry.html !== undefined ? { content_html: entry.html } : { content_text: entry.article.summary }),
      summary: entry.article.summary,
      date_published: entry.published,
      date_modified: entry.updated,
      tags: entry.categories,
      ...(entry.authors.length > 0 ? { authors: entry.authors.map((name) => ({ name })) } : {}),
      ...(entry.image ? { image: entry.image } : {}),
      language: entry.article.lang,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
