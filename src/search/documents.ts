// What the search index holds: one document per article a reader may find, in shards by month.
//
// Only articles published by the default rules are indexed, whatever the build's flags: a draft,
// scheduled or expired article previewed with --drafts, --future or --expired must never become
// findable on a site deployed from that build. Each document is a small HTML page of the
// article's title and body (the HTML its page shows) with Pagefind's data attributes for the
// result's meta (title, date, topic), its filter (topic) and its sort key (date):
// Pagefind parses it as it parses a page, so the body's headings become sub-results with their
// anchors. It is made from the model and the cached body, not read back from dist/, so a build
// that renders no article page reads no page to index.

import type { DefaultTreeAdapterMap } from 'parse5';
import type { SiteConfig } from '../config.js';
import { displayDate } from '../date-display.js';
import { escapeMarkup } from '../escape.js';
import { publishStatus } from '../model/site.js';
import { dateDisplayOf } from '../pages/filters.js';
import type { ArticleMeta, Site } from '../types/index.js';
import { withBasePath } from '../urls.js';

/**
 * A shard of the index: the articles of one month (site time zone), newest first, or of a run of
 * days of a month that holds more than SHARD_SIZE. Its bounds are a function of the articles'
 * dates alone, never of the build time or of earlier builds, and a month never changes as time
 * passes: an edit re-indexes its shard (search/output.ts), a new month or a new year re-indexes
 * nothing but the new shard, and an incremental build writes what a clean build writes.
 */
export interface SearchShard {
  /**
   * "2025-12" (a month, or the first run of days of a large one) or "2025-12-17" (a later run,
   * named by its first day); also its folder: /pagefind/<period>/.
   */
  period: string;
  articles: ArticleMeta[];
}

/**
 * The articles a shard holds on average, at most. Pagefind's time grows with a shard's articles,
 * and an edit re-indexes its whole shard (~150 articles take 0.1–0.3 s); a month that holds more
 * is split into as many equal runs of days as it takes: days 1–16 and 17–31 for up to 300
 * articles, 1–11, 12–22 and 23–31 for up to 450, and so on. News added at the end of a month
 * changes only its last run, until the month's count passes a multiple of SHARD_SIZE and its runs
 * are drawn again.
 */
export const SHARD_SIZE = 150;

/**
 * The shards of `site`'s searchable articles, newest first. An article published only because of
 * --drafts, --future or --expired is in none (see the top of this file).
 */
export function searchShards(site: Site, now: number): SearchShard[] {
  const defaults = { now, drafts: false, future: false, expired: false };
  const months: ArticleMeta[][] = [];
  for (const article of site.articles) {
    if (publishStatus(article, defaults) !== 'published') continue;
    const month = months[months.length - 1];
    // site.articles is newest first, so a month's articles are together.
    if (month && sameMonth(month[0]!, article)) month.push(article);
    else months.push([article]);
  }
  return months.flatMap(monthShards);
}

/** A month's shards, newest first: the month whole, or its runs of days (empty runs left out). */
function monthShards(month: readonly ArticleMeta[]): SearchShard[] {
  const periodOf = periodsOfMonth(month[0]!.date, month.length);
  const shards: SearchShard[] = [];
  for (const article of month) {
    const period = periodOf(article.date.day);
    const last = shards[shards.length - 1];
    if (last?.period === period) last.articles.push(article);
    else shards.push({ period, articles: [article] });
  }
  return shards;
}

/** The period of each day of a month holding `count` searchable articles (see SHARD_SIZE). */
function periodsOfMonth({ year, month }: Pick<ArticleMeta['date'], 'year' | 'month'>, count: number): (day: string) => string {
  const days = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  const runs = Math.min(Math.ceil(count / SHARD_SIZE), days);
  const length = Math.ceil(days / runs);
  return (day) => {
    const first = Math.floor((Number(day) - 1) / length) * length + 1;
    return first === 1 ? `${year}-${month}` : `${year}-${month}-${String(first).padStart(2, '0')}`;
  };
}

/** The month of a date's shards ("2025-12"; an article's date, or a month group): the start of each of their periods. */
export function shardMonth({ year, month }: Pick<ArticleMeta['date'], 'year' | 'month'>): string {
  return `${year}-${month}`;
}

/**
 * The shards of the months `months` ("2025-12", as shardMonth names them) alone, newest first,
 * with every shard's period and the topics the whole index holds, made without the other
 * months' shards: a look at each month's days and each article's topic. Equal to searchShards
 * (and what is made of it) only for a site all of whose published articles are searchable: one
 * built by the default publishing rules (an update's: pipeline/update.ts).
 */
export function searchShardsIn(site: Site, months: ReadonlySet<string>): { shards: SearchShard[]; periods: string[]; topics: string[] } {
  const shards: SearchShard[] = [];
  const periods: string[] = [];
  for (const year of site.years) {
    for (const month of year.months) {
      if (months.has(shardMonth(month))) {
        const own = monthShards(month.articles);
        shards.push(...own);
        for (const shard of own) periods.push(shard.period);
        continue;
      }
      const periodOf = periodsOfMonth(month, month.articles.length);
      for (const day of month.days) {
        const period = periodOf(day.day);
        if (periods[periods.length - 1] !== period) periods.push(period);
      }
    }
  }
  return { shards, periods, topics: searchTopics(site.articles) };
}

/**
 * Shards' periods as the search page names them in `locale`: "December 2025", or "December 23,
 * 2025" for a later run of days of a large month. Named here and listed in shards.json, not by the
 * browser: a browser's own date names lack some languages (Chromium writes "2025 M11" in Kazakh).
 */
export function periodNames(periods: readonly string[], locale: string): string[] {
  const months = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const days = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  return periods.map((period) => {
    const [year, month, day] = period.split('-').map(Number) as [number, number, number | undefined];
    return (day ? days : months).format(new Date(Date.UTC(year, month - 1, day ?? 1)));
  });
}

/** The topics of `articles` as they name them, each once, sorted: the search page's menu. */
export function searchTopics(articles: Iterable<ArticleMeta>): string[] {
  const names = new Set<string>();
  for (const article of articles) names.add(article.topic.name);
  return [...names].sort();
}

function sameMonth(a: ArticleMeta, b: ArticleMeta): boolean {
  return a.date.month === b.date.month && a.date.year === b.date.year;
}

/**
 * The document Pagefind indexes for `article`: its URL under the base path and an HTML page of
 * its title and `body` (body HTML with article links resolved) marked up for Pagefind, its date
 * written as the pages of its language write it (`locale`; the site's language when not given).
 */
export async function searchDocument(article: ArticleMeta, body: string, config: SiteConfig, locale?: string): Promise<{ url: string; content: string }> {
  const date = displayDate(article.date, dateDisplayOf(config, locale));
  const hidden = (attribute: string, value: string) => `<span ${attribute} hidden>${escapeMarkup(value)}</span>`;
  const content = [
    `<!DOCTYPE html><html lang="${escapeMarkup(article.lang)}"><head><title>${escapeMarkup(article.title)}</title></head><body>`,
    hidden('data-pagefind-meta="date"', date),
    hidden('data-pagefind-meta="topic"', article.topic.name),
    hidden('data-pagefind-filter="topic"', article.topic.name),
    hidden('data-pagefind-sort="date"', article.date.iso),
    `<main data-pagefind-body><h1 data-pagefind-meta="title">${escapeMarkup(article.title)}</h1>`,
    await withoutImages(body),
    '</main></body></html>',
  ].join('\n');
  return { url: withBasePath(config.basePath, article.url), content };
}

/**
 * The body without its images. Pagefind would take the first one as the result's `image` meta,
 * and a variant's URL changes with the photo's bytes, which the shard's fingerprint does not see;
 * results show no images anyway. The body is Broadsheet's own sanitised HTML, read by parse5:
 * an image's alt text or title may hold ">" or "<picture>" as text, which a pattern over the
 * markup would cut in the middle and leave in the result's text. parse5 is loaded at the first
 * body with an image: a publish that indexes none does not load it.
 */
async function withoutImages(body: string): Promise<string> {
  if (!body.includes('<img')) return body;
  const { parseFragment, serialize } = await import('parse5');
  const fragment = parseFragment(body);
  const drop = (node: DefaultTreeAdapterMap['parentNode']) => {
    node.childNodes = node.childNodes.filter((child) => !('tagName' in child) || (child.tagName !== 'img' && child.tagName !== 'picture'));
    for (const child of node.childNodes) if ('childNodes' in child) drop(child);
  };
  drop(fragment);
  return serialize(fragment);
}
