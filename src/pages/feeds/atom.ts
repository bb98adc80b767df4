// Atom 1.0 (/atom.xml and every topic's and tag's atom.xml): one feed's entries as an Atom
// document.
//
// Escaping, field by field (escaping.ts). Atom declares the type of every text construct, so each
// value is escaped once, for what its element says it holds:
// - <title type="text">, <subtitle type="text">, <summary type="text"> (the summary): plain text,
//   XML escaping (xml); a reader must show them as text;
// - <content type="html">: the body HTML, in CDATA (cdata);
// - <author><name> (authors, else the source; the publisher for the feed) and <category label>
//   (topic and tag names): plain text by definition, XML escaping (xml);
// - <category term> (slugs), <id>, <link href> (URLs) and xml:lang: XML escaping (xml).

import type { SiteConfig } from '../../config.js';
import { absoluteUrl } from '../../urls.js';
import { cdata, xml } from './escaping.js';
import { ATOM, feedUpdated, feedUrl, imageType, type Entry, type FeedSpec } from './plan.js';

/** One feed as an Atom 1.0 document. */
export function atom(feed: FeedSpec, entries: readonly Entry[], config: SiteConfig): string {
  const self = absoluteUrl(config.baseUrl, feedUrl(feed.listUrl, ATOM));
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
      ...(entry.image ? [`<link rel="enclosure" type="${entry.imageType ?? imageType(entry.image)}" href="${xml(entry.image)}"${entry.imageLength ? ` length="${entry.imageLength}"` : ''}/>`] : []),
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
