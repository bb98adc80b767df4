// RSS 2.0 (and RSS 1.0 / RDF) feeds as imported articles. Fields, in order of preference:
// body: content:encoded, else description; summary: description when there is a body;
// date: pubDate (its month and day names may be the feed's language's), else dc:date,
// atom:published, dcterms:issued or dcterms:created; updated: atom:updated, dcterms:modified; authors: dc:creator, else author ("mail (Name)");
// categories: category; id: guid, else link; lead image: an image enclosure, media:content or
// media:thumbnail. Pure: the parsed XML in, articles and a report out.

import { importedDateText } from '../../../dates.js';
import { ImportReport, type ImportedSource } from '../imported.js';
import { child, childrenNamed, childText, placer, textOf, type XmlElement } from '../xml.js';
import { entryArticle, type FeedEntry } from './entry.js';

/** Whether an XML root is an RSS feed (RSS 0.9x/2.0 `<rss>`, RSS 1.0 `<rdf:RDF>`). */
export function isRss(root: XmlElement): boolean {
  return root.name === 'rss' || root.name === 'rdf:RDF';
}

/** Read the items of an RSS feed. */
export function readRss(root: XmlElement, text: string, file: string): ImportedSource {
  const report = new ImportReport(file);
  const place = placer(text);
  const channel = child(root, 'channel');
  // RSS 1.0 puts the items beside the channel, RSS 2.0 inside it.
  const items = [...childrenNamed(channel, 'item'), ...childrenNamed(root, 'item')];
  const siteUrl = childText(channel, 'link');
  const language = childText(channel, 'language') ?? childText(channel, 'dc:language');
  const feedDate = childText(channel, 'pubDate') ?? childText(channel, 'lastBuildDate') ?? childText(channel, 'dc:date');
  const context = { file, siteUrl, language, fallbackDate: feedDate ? importedDateText(feedDate, language) : undefined, report };
  const articles = items.flatMap((item) => entryArticle(rssEntry(item, place(item)), context) ?? []);
  return { format: 'rss', articles, authors: [], report };
}

function rssEntry(item: XmlElement, at: FeedEntry['at']): FeedEntry {
  const guid = child(item, 'guid');
  const guidText = childText(item, 'guid');
  const link = childText(item, 'link') ?? (guid?.attributes.isPermaLink !== 'false' && guidText && /^https?:/.test(guidText) ? guidText : undefined);
  const content = childText(item, 'content:encoded');
  const description = childText(item, 'description');
  const creators = childrenNamed(item, 'dc:creator').map((element) => textOf(element).trim());
  const authors = creators.length > 0 ? creators : childrenNamed(item, 'author').map((element) => textOf(element).trim());
  return {
    id: guidText ?? link,
    url: link,
    otherUrls: guidText && guidText !== link && /^https?:/.test(guidText) ? [guidText] : [],
    title: childText(item, 'title'),
    published: childText(item, 'pubDate') ?? childText(item, 'dc:date'),
    otherDates: ['dc:date', 'atom:published', 'dcterms:issued', 'dcterms:created'].map((name) => childText(item, name)).filter((text): text is string => text !== undefined),
    updated: childText(item, 'atom:updated') ?? childText(item, 'dcterms:modified'),
    html: content ?? description,
    summaryHtml: content ? description : undefined,
    authors,
    categories: [...childrenNamed(item, 'category'), ...childrenNamed(item, 'dc:subject')].map((element) => textOf(element).trim()),
    image: leadImage(item),
    at,
  };
}

/** An image enclosure, media:content of an image, or media:thumbnail. */
function leadImage(item: XmlElement): string | undefined {
  for (const element of [...childrenNamed(item, 'enclosure'), ...childrenNamed(item, 'media:content')]) {
    const type = element.attributes.type ?? '';
    const url = element.attributes.url;
    if (url && (type.startsWith('image/') || element.attributes.medium === 'image')) return url;
  }
  return child(item, 'media:thumbnail')?.attributes.url;
}
