// What the search index holds: one document per article a reader may find, in shards by period.
//
// Only articles published by the default rules are indexed, whatever the build's flags: a draft,
// scheduled or expired article previewed with --drafts, --future or --expired must never become
// findable on a site deployed from that build. Each document is a small HTML page of the
// article's title and body (the HTML its page shows) with Pagefind's data attributes for the
// result's meta (title, date, topic), its filters (topic, year) and its sort key (date):
// Pagefind parses it as it parses a page, so the body's headings become sub-results with their
// anchors. It is made from the model and the cached body, not read back from dist/, so a build
// that renders no article page reads no page to index.

import type { SiteConfig } from '../config.js';
import { displayDate } from '../dates.js';
import { escapeMarkup } from '../escape.js';
import { publishStatus } from '../model/site.js';
import { dateDisplayOf } from '../pages/filters.js';
import type { ArticleMeta, Site } from '../types/index.js';
import { withBasePath } from '../urls.js';

/**
 * A shard of the index: the articles of one period (site time zone), newest first. The newest
 * article's year is split by month, every earlier year is one shard: most edits are to recent
 * news, and an edit re-indexes its whole shard (search/output.ts), so the shards a newsroom edits
 * every day stay small (a month), while the number of shards the search page merges stays bounded
 * (at most 12 plus one per earlier year).
 */
export interface SearchShard {
  /** "2025-12" (a month of the newest year) or "2024" (an earlier year); also its folder: /pagefind/<period>/. */
  period: string;
  articles: ArticleMeta[];
}

/**
 * The shards of `site`'s searchable articles, newest first. An article published only because of
 * --drafts, --future or --expired is in none (see the top of this file).
 */
export function searchShards(site: Site, now: number): SearchShard[] {
  const defaults = { now, drafts: false, future: false, expired: false };
  const shards: SearchShard[] = [];
  let newestYear: string | undefined;
  for (const article of site.articles) {
    if (publishStatus(article, defaults) !== 'published') continue;
    newestYear ??= article.date.year;
    const period = article.date.year === newestYear ? `${article.date.year}-${article.date.month}` : article.date.year;
    const last = shards[shards.length - 1];
    // site.articles is newest first, so a period's articles are together.
    if (last?.period === period) last.articles.push(article);
    else shards.push({ period, articles: [article] });
  }
  return shards;
}

/**
 * The document Pagefind indexes for `article`: its URL under the base path and an HTML page of
 * its title and `body` (body HTML with article links resolved) marked up for Pagefind.
 */
export function searchDocument(article: ArticleMeta, body: string, config: SiteConfig): { url: string; content: string } {
  const date = displayDate(article.date, dateDisplayOf(config));
  const hidden = (attribute: string, value: string) => `<span ${attribute} hidden>${escapeMarkup(value)}</span>`;
  const content = [
    `<!DOCTYPE html><html lang="${escapeMarkup(article.lang)}"><head><title>${escapeMarkup(article.title)}</title></head><body>`,
    hidden('data-pagefind-meta="date"', date),
    hidden('data-pagefind-meta="topic"', article.topic.name),
    hidden('data-pagefind-filter="topic"', article.topic.name),
    hidden('data-pagefind-filter="year"', article.date.year),
    hidden('data-pagefind-sort="date"', article.date.iso),
    `<main data-pagefind-body><h1 data-pagefind-meta="title">${escapeMarkup(article.title)}</h1>`,
    withoutImages(body),
    '</main></body></html>',
  ].join('\n');
  return { url: withBasePath(config.basePath, article.url), content };
}

/**
 * The body without its images. Pagefind would take the first one as the result's `image` meta,
 * and a variant's URL changes with the photo's bytes, which the shard's fingerprint does not see;
 * results show no images anyway. The body is Broadsheet's own sanitised HTML: <picture> and <img>
 * are the only image markup it has.
 */
function withoutImages(body: string): string {
  return body.includes('<img') ? body.replace(/<picture\b[\s\S]*?<\/picture>|<img\b[^>]*>/g, '') : body;
}
