// Which feeds the site has and what goes in them: the three formats and their URLs, one feed for
// the site and one for every topic, tag and author, and each entry's fields computed once for all formats.
// Pure: the site and config in, plain data out. How a field is escaped is each serialiser's business
// (rss.ts, atom.ts, json-feed.ts), never this module's: entries hold the author's text as it is.
//
// Dates never come from the clock: a feed's updated date is its newest entry's.

import type { SiteConfig } from '../../config.js';
import { authorDescription, authorOf } from '../authors.js';
import { AUTHORS, TAGS, TOPICS, termDescription, termFeedTitle } from '../terms.js';
import type { UiText } from '../ui-text.js';
import { absoluteUrl, homeUrl } from '../../urls.js';
import type { ArticleMeta, ImageFile } from '../../types/index.js';
import type { Site, TermGroup } from '../../types/index.js';

/** One of the three feed formats every list has. */
export interface FeedFormat {
  /** File name under the list's URL. */
  file: 'feed.xml' | 'atom.xml' | 'feed.json';
  /** MIME type for <link rel="alternate">. */
  type: string;
  label: string;
}

/** RSS 2.0: /feed.xml. */
export const RSS: FeedFormat = { file: 'feed.xml', type: 'application/rss+xml', label: 'RSS' };
/** Atom 1.0: /atom.xml. */
export const ATOM: FeedFormat = { file: 'atom.xml', type: 'application/atom+xml', label: 'Atom' };
/** JSON Feed 1.1: /feed.json. */
export const JSON_FEED: FeedFormat = { file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' };

/** Every format a list has, in the order pages link them. */
export const FEED_FORMATS: readonly FeedFormat[] = [RSS, ATOM, JSON_FEED];

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

/** Every feed of the site: the site's own first, then one per topic, one per tag, one per author; described in `text`'s language. */
export function* planFeeds(site: Site, config: SiteConfig, text: UiText): Generator<FeedSpec> {
  yield {
    listUrl: homeUrl(config.urlPrefix),
    title: config.title,
    description: config.description || text.text('home.description', { site: config.title }),
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
        listUrl: kind.termUrl(group.slug, config.urlPrefix),
        title: termFeedTitle(group.name, config),
        description: termDescription(kind, group.name, config, text),
        articles: group.articles.slice(0, config.feedLimit),
        content: config.termFeedContent,
      };
    }
  }
  for (const group of site.authors) {
    const name = authorOf(group, site.authorProfiles).name;
    yield {
      listUrl: AUTHORS.termUrl(group.slug, config.urlPrefix),
      title: termFeedTitle(name, config),
      description: authorDescription(name, config, text),
      articles: group.articles.slice(0, config.feedLimit),
      content: config.termFeedContent,
    };
  }
}

/** What entries are made from: the config, and the body of an article for full-content feeds. */
export interface EntrySource {
  config: SiteConfig;
  /** Body HTML of an article, with links already under the base path. */
  bodyOf(article: ArticleMeta): Promise<string>;
  /** The processed lead image of an article (src/images/), whose 1,200-px variant feeds enclose. */
  imagesOf?(article: ArticleMeta): { image?: ImageFile } | undefined;
}

/** What every format needs of an article, computed once per feed. Text is unescaped. */
export interface Entry {
  article: ArticleMeta;
  /** Absolute URL of the article: its link and its id. */
  url: string;
  published: string;
  updated: string;
  /** Body HTML with absolute links, in full-content feeds only. */
  html?: string;
  /** The topic's name, then the tags'. */
  categories: string[];
  /** The authors, else the source, else none. */
  authors: string[];
  /** Absolute URL of the lead image. */
  image?: string;
  /** The lead image's MIME type and bytes, when it is a processed local image. */
  imageType?: string;
  imageLength?: number;
}

/** The entry of one article in one feed. */
export async function entryOf(article: ArticleMeta, feed: FeedSpec, { config, bodyOf, imagesOf }: EntrySource): Promise<Entry> {
  const processed = imagesOf?.(article)?.image;
  return {
    article,
    url: absoluteUrl(config.baseUrl, article.url),
    published: article.date.iso,
    updated: (article.updated ?? article.date).iso,
    html: feed.content === 'full' ? absoluteLinks(await bodyOf(article), config.baseUrl) : undefined,
    categories: [article.topic.name, ...article.tags.map((tag) => tag.name)],
    authors: article.authors.length > 0 ? article.authors.map((author) => author.name) : article.source ? [article.source] : [],
    image: processed ? absoluteUrl(config.baseUrl, processed.url) : article.image ? absoluteUrl(config.baseUrl, article.image) : undefined,
    imageType: processed?.type,
    imageLength: processed?.bytes,
  };
}

/** The newest updated date among the entries: the feed's own date. */
export function feedUpdated(entries: readonly Entry[]): string {
  let newest: Entry | undefined;
  for (const entry of entries) {
    if (!newest || Date.parse(entry.updated) > Date.parse(newest.updated)) newest = entry;
  }
  return newest?.updated ?? '1970-01-01T00:00:00Z';
}

/** Root-relative links in a body ("/news/2025/...") made absolute: feed readers show them out of context. */
export function absoluteLinks(html: string, baseUrl: string): string {
  if (!html.includes('="/')) return html;
  const origin = new URL(baseUrl).origin;
  return html.replace(/(\s(?:href|src))="\/(?!\/)/g, `$1="${origin}/`);
}

/** MIME type of a lead image from its URL's extension (JPEG when unknown), for enclosures. */
export function imageType(url: string): string {
  const extension = /\.(\w+)(?:$|[?#])/.exec(url)?.[1]?.toLowerCase();
  const types: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', svg: 'image/svg+xml' };
  return (extension && types[extension]) ?? 'image/jpeg';
}
