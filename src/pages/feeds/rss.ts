// RSS 2.0 (/feed.xml and every topic's and tag's feed.xml): one feed's entries as an RSS document,
// with the content, Dublin Core and Atom (for rel="self") namespaces.
//
// Escaping, field by field (what each function does: escaping.ts). RSS declares a type only for
// <description> ("entity-encoded HTML is allowed") and content:encoded (HTML):
// - item <description>: the summary, plain text, so HTML-escaped before XML escaping (textAsHtml);
// - <content:encoded>: the body HTML, in CDATA (cdata);
// - channel and item <title>, channel <description>, <category> (topic and tag names) and
//   <dc:creator> (authors, else the source): plain text where readers vary, so no markup may
//   reach them (rssText);
// - URLs (<link>, <guid>, <atom:link href>, <enclosure url>) and <language>: XML escaping (xml).

import type { SiteConfig } from '../../config.js';
import { formatDate } from '../../date-display.js';
import { absoluteUrl } from '../../urls.js';
import { cdata, rssText, textAsHtml, xml } from './escaping.js';
import { feedUpdated, feedUrl, imageType, RSS, type Entry, type FeedSpec } from './plan.js';

/** One feed as an RSS 2.0 document. */
export function rss(feed: FeedSpec, entries: readonly Entry[], config: SiteConfig): string {
  const self = absoluteUrl(config.baseUrl, feedUrl(feed.listUrl, RSS));
  const items = entries.map((entry) => {
    const lines = [
      `<title>${rssText(entry.article.title)}</title>`,
      `<link>${xml(entry.url)}</link>`,
      `<guid isPermaLink="true">${xml(entry.url)}</guid>`,
      `<pubDate>${rfc822(entry.published, config)}</pubDate>`,
      `<description>${textAsHtml(entry.article.summary)}</description>`,
      ...(entry.html !== undefined ? [`<content:encoded>${cdata(entry.html)}</content:encoded>`] : []),
      ...entry.categories.map((name) => `<category>${rssText(name)}</category>`),
      ...entry.authors.map((name) => `<dc:creator>${rssText(name)}</dc:creator>`),
      ...(entry.image ? [`<enclosure url="${xml(entry.image)}" type="${entry.imageType ?? imageType(entry.image)}" length="${entry.imageLength ?? 0}"/>`] : []),
    ];
    return `<item>\n${lines.join('\n')}\n</item>`;
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${rssText(feed.title)}</title>`,
    `<link>${xml(absoluteUrl(config.baseUrl, feed.listUrl))}</link>`,
    `<description>${rssText(feed.description)}</description>`,
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

/** RFC 822 date with the site's offset, as RSS wants: "Thu, 18 Dec 2025 19:20:00 +0500". */
function rfc822(iso: string, config: SiteConfig): string {
  return formatDate(iso, 'EEE, dd LLL yyyy HH:mm:ss ZZZ', config.timeZone, 'en');
}
