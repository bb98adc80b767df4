// Feeds: RSS 2.0 (/feed.xml), Atom 1.0 (/atom.xml) and JSON Feed 1.1 (/feed.json), for the site
// and for every topic and tag (/topics/<t>/feed.xml, ...).
//
// Written by hand rather than with the `feed` package, for three reasons: `feed` 6 emits JSON
// Feed 1.0, not 1.1; it (like feedsmith) rewrites every date into UTC, where we keep the
// newsroom's offset (2025-12-18T19:20:00+05:00) as readers saw it; and a large archive writes
// hundreds of feeds, so entries are plain string templates with bodies in CDATA (no escaping pass
// over each body). Tests parse every format with a real feed parser.
//
// Dates never come from the clock: a feed's updated date is its newest entry's.

import type { SiteConfig } from '../../config.js';
import { formatDate } from '../../dates.js';
import { escapeMarkup, XML_FORBIDDEN } from '../../escape.js';
import { TAGS, TOPICS, termFeedTitle } from '../terms.js';
import { absoluteUrl, homeUrl, outputFileFor } from '../../urls.js';
import type { OutputWriter } from '../../write/writers.js';
import { fingerprint, writeUnlessCurrent, type OutputManifest } from '../../write/manifest.js';
import type { ArticleMeta } from '../../types.js';
import type { Site, TermGroup } from '../../types.js';

const xml = escapeMarkup;

export interface FeedFormat {
  /** File name under the list's URL. */
  file: 'feed.xml' | 'atom.xml' | 'feed.json';
  /** MIME type for <link rel="alternate">. */
  type: string;
  label: string;
}

export const FEED_FORMATS: readonly FeedFormat[] = [
  { file: 'feed.xml', type: 'application/rss+xml', label: 'RSS' },
  { file: 'atom.xml', type: 'application/atom+xml', label: 'Atom' },
  { file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' },
];

/** One feed's subject: the site, a topic or a tag. */
export interface FeedSpec {
  /** Site path of the list page the feed follows: "/", "/topics/culture/". */
  listUrl: string;
  title: string;
  description: string;
  /** Newest first, at most feedLimit. */
  articles: readonly ArticleMeta[];
  content: 'full' | 'summary';
}

/** Site path of a list's feed in a format: "/topics/culture/" -> "/topics/culture/atom.xml". */
export function feedUrl(listUrl: string, format: FeedFormat): string {
  return `${listUrl}${format.file}`;
}

/** The feeds a page links with <link rel="alternate">: the site's, and its topic's or tag's. */
export function feedLinks(listUrls: readonly { listUrl: string; title: string }[]) {
  return listUrls.flatMap(({ listUrl, title }) =>
    FEED_FORMATS.map((format) => ({ url: feedUrl(listUrl, format), type: format.type, title: `${title} (${format.label})` })),
  );
}

export function* planFeeds(site: Site, config: SiteConfig): Generator<FeedSpec> {
  yield {
    listUrl: homeUrl(),
    title: config.title,
    description: config.description || `Latest news from ${config.title}`,
    articles: site.articles.slice(0, config.feedLimit),
    content: config.feedContent,
  };
  const terms: Array<[readonly TermGroup[], typeof TOPICS]> = [
    [site.topics, TOPICS],
    [site.tags, TAGS],
  ];
  for (const [groups, kind] of terms) {
    for (const group of groups) {
      yield {
        listUrl: kind.termUrl(group.slug),
        title: termFeedTitle(group.name, config),
        description: `${kind.single === 'topic' ? 'News' : 'Articles'} about ${group.name} from ${config.title}.`,
        articles: group.articles.slice(0, config.feedLimit),
        content: config.termFeedContent,
      };
    }
  }
}

export interface FeedContext {
  config: SiteConfig;
  /** Body HTML of an article, with links already under the base path. */
  bodyOf(article: ArticleMeta): Promise<string>;
  /** What an article's links to other articles resolve to (they are in full-content feeds). */
  linkTargets(article: ArticleMeta): string[];
  manifest: OutputManifest;
  siteFingerprint: string;
}

/**
 * Write every feed of the site whose entries changed; returns the number of feed files. `only`
 * (the dev server) names the feeds a change can have touched: the others are kept as they are.
 */
export async function writeFeeds(site: Site, context: FeedContext, writer: OutputWriter, only?: (feed: FeedSpec) => boolean): Promise<number> {
  let files = 0;
  for (const feed of planFeeds(site, context.config)) {
    if (only && !only(feed)) {
      for (const format of FEED_FORMATS) writer.keep(outputFileFor(feedUrl(feed.listUrl, format)));
      files += FEED_FORMATS.length;
      continue;
    }
    const print = fingerprint(context.siteFingerprint, feed, feed.content === 'full' ? feed.articles.map(context.linkTargets) : null);
    let rendered: Map<string, string> | undefined;
    for (const format of FEED_FORMATS) {
      const url = feedUrl(feed.listUrl, format);
      await writeUnlessCurrent(writer, context.manifest, outputFileFor(url), print, async () => {
        rendered ??= new Map(await renderFeed(feed, context));
        return rendered.get(url)!;
      });
      files++;
    }
  }
  return files;
}

/** Every file of one feed: [site path, text] for each format. */
export async function renderFeed(feed: FeedSpec, context: Pick<FeedContext, 'config' | 'bodyOf'>): Promise<Array<[string, string]>> {
  const entries = await Promise.all(feed.articles.map((article) => entryOf(article, feed, context)));
  return [
    [feedUrl(feed.listUrl, FEED_FORMATS[0]!), rss(feed, entries, context.config)],
    [feedUrl(feed.listUrl, FEED_FORMATS[1]!), atom(feed, entries, context.config)],
    [feedUrl(feed.listUrl, FEED_FORMATS[2]!), jsonFeed(feed, entries, context.config)],
  ];
}

/** What every format needs of an article, computed once per feed. */
interface Entry {
  article: ArticleMeta;
  url: string;
  published: string;
  updated: string;
  html?: string;
  categories: string[];
  authors: string[];
  image?: string;
}

async function entryOf(article: ArticleMeta, feed: FeedSpec, { config, bodyOf }: Pick<FeedContext, 'config' | 'bodyOf'>): Promise<Entry> {
  return {
    article,
    url: absoluteUrl(config.baseUrl, article.url),
    published: article.date.iso,
    updated: (article.updated ?? article.date).iso,
    html: feed.content === 'full' ? absoluteLinks(await bodyOf(article), config.baseUrl) : undefined,
    categories: [article.topic.name, ...article.tags.map((tag) => tag.name)],
    authors: article.authors.length > 0 ? article.authors : article.source ? [article.source] : [],
    image: article.image ? absoluteUrl(config.baseUrl, article.image) : undefined,
  };
}

/** The newest updated date among the entries: the feed's own date. */
function feedUpdated(entries: readonly Entry[]): string {
  let newest: Entry | undefined;
  for (const entry of entries) {
    if (!newest || Date.parse(entry.updated) > Date.parse(newest.updated)) newest = entry;
  }
  return newest?.updated ?? '1970-01-01T00:00:00Z';
}

function rss(feed: FeedSpec, entries: readonly Entry[], config: SiteConfig): string {
  const self = absoluteUrl(config.baseUrl, feedUrl(feed.listUrl, FEED_FORMATS[0]!));
  const items = entries.map((entry) => {
    const lines = [
      `<title>${xml(entry.article.title)}</title>`,
      `<link>${xml(entry.url)}</link>`,
      `<guid isPermaLink="true">${xml(entry.url)}</guid>`,
      `<pubDate>${rfc822(entry.published, config)}</pubDate>`,
      `<description>${xml(entry.article.summary)}</description>`,
      ...(entry.html !== undefined ? [`<content:encoded>${cdata(entry.html)}</content:encoded>`] : []),
      ...entry.categories.map((name) => `<category>${xml(name)}</category>`),
      ...entry.authors.map((name) => `<dc:creator>${xml(name)}</dc:creator>`),
      ...(entry.image ? [`<enclosure url="${xml(entry.image)}" type="${imageType(entry.image)}" length="0"/>`] : []),
    ];
    return `<item>\n${lines.join('\n')}\n</item>`;
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${xml(feed.title)}</title>`,
    `<link>${xml(absoluteUrl(config.baseUrl, feed.listUrl))}</link>`,
    `<description>${xml(feed.description)}</description>`,
    `<language>${xml(config.language)}</language>`,
    `<atom:link href="${xml(self)}" rel="self" type="application/rss+xml"/>`,
    `<generator>Broadsheet</generator>`,
    ...(entries.length > 0 ? [`<lastBuildDate>${rfc822(feedUpdated(entries), config)}</lastBuildDate>`] : []),
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

function atom(feed: FeedSpec, entries: readonly Entry[], config: SiteConfig): string {
  const self = absoluteUrl(config.baseUrl, feedUrl(feed.listUrl, FEED_FORMATS[1]!));
  const page = absoluteUrl(config.baseUrl, feed.listUrl);
  const items = entries.map((entry) => {
    const lines = [
      `<title type="text">${xml(entry.article.title)}</title>`,
      `<id>${xml(entry.url)}</id>`,
      `<link rel="alternate" type="text/html" href="${xml(entry.url)}"/>`,
      `<published>${entry.published}</published>`,
      `<updated>${entry.updated}</updated>`,
      ...entry.authors.map((name) => `<author><name>${xml(name)}</name></author>`),
      `<summary type="text">${xml(entry.article.summary)}</summary>`,
      ...(entry.html !== undefined ? [`<content type="html">${cdata(entry.html)}</content>`] : []),
      `<category term="${xml(entry.article.topic.slug)}" label="${xml(entry.article.topic.name)}"/>`,
      ...entry.article.tags.map((tag) => `<category term="${xml(tag.slug)}" label="${xml(tag.name)}"/>`),
      ...(entry.image ? [`<link rel="enclosure" type="${imageType(entry.image)}" href="${xml(entry.image)}"/>`] : []),
    ];
    return `<entry>\n${lines.join('\n')}\n</entry>`;
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(config.language)}">`,
    `<title type="text">${xml(feed.title)}</title>`,
    `<subtitle type="text">${xml(feed.description)}</subtitle>`,
    `<id>${xml(page)}</id>`,
    `<link rel="alternate" type="text/html" href="${xml(page)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${xml(self)}"/>`,
    `<updated>${feedUpdated(entries)}</updated>`,
    // Atom requires an author for every entry; the publisher stands in for entries without one.
    `<author><name>${xml(config.publisher)}</name></author>`,
    `<generator>Broadsheet</generator>`,
    ...items,
    '</feed>',
    '',
  ].join('\n');
}

function jsonFeed(feed: FeedSpec, entries: readonly Entry[], config: SiteConfig): string {
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: absoluteUrl(config.baseUrl, feed.listUrl),
    feed_url: absoluteUrl(config.baseUrl, feedUrl(feed.listUrl, FEED_FORMATS[2]!)),
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

/** RFC 822 date with the site's offset, as RSS wants: "Thu, 18 Dec 2025 19:20:00 +0500". */
function rfc822(iso: string, config: SiteConfig): string {
  return formatDate(iso, 'EEE, dd LLL yyyy HH:mm:ss ZZZ', config.timeZone, 'en');
}

/** Root-relative links in a body ("/news/2025/...") made absolute: feed readers show them out of context. */
export function absoluteLinks(html: string, baseUrl: string): string {
  if (!html.includes('="/')) return html;
  const origin = new URL(baseUrl).origin;
  return html.replace(/(\s(?:href|src))="\/(?!\/)/g, `$1="${origin}/`);
}


/** HTML as a CDATA section; a "]]>" inside is split across two sections. */
function cdata(html: string): string {
  return `<![CDATA[${html.replace(XML_FORBIDDEN, '').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

function imageType(url: string): string {
  const extension = /\.(\w+)(?:$|[?#])/.exec(url)?.[1]?.toLowerCase();
  const types: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', svg: 'image/svg+xml' };
  return (extension && types[extension]) ?? 'image/jpeg';
}
