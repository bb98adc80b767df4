// Atom feeds as imported articles. Fields: id; link rel="alternate" (or a link without rel),
// resolved against xml:base and the feed's link; title (text, or HTML with type="html"/"xhtml");
// published, else updated; content (type text, html or xhtml), else summary as the body, summary
// as the summary beside a content; author/name of the entry, else of the feed; category label,
// else term; a lead image from link rel="enclosure" of an image type. Pure.

import { importedDateText } from '../../../dates.js';
import { ImportReport, type ImportedSource } from '../imported.js';
import { child, childrenNamed, childText, innerMarkup, placer, textOf, type XmlElement } from '../xml.js';
import { entryArticle, type FeedEntry } from './entry.js';

/** Whether an XML root is an Atom feed. */
export function isAtom(root: XmlElement): boolean {
  return root.name === 'atom:feed';
}

/** Read the entries of an Atom feed. */
export function readAtom(root: XmlElement, text: string, file: string): ImportedSource {
  const report = new ImportReport(file);
  const place = placer(text);
  const base = root.attributes['xml:base'];
  const siteUrl = resolve(alternate(root), base) ?? base;
  const feedAuthors = authorsOf(root);
  const feedDate = childText(root, 'atom:updated');
  const context = { file, siteUrl, fallbackDate: feedDate ? importedDateText(feedDate) : undefined, report };
  const articles = childrenNamed(root, 'atom:entry').flatMap((entry) => {
    const authors = authorsOf(entry);
    return entryArticle(atomEntry(entry, place(entry), siteUrl, authors.length > 0 ? authors : feedAuthors), context) ?? [];
  });
  return { format: 'atom', articles, authors: [], report };
}

function atomEntry(entry: XmlElement, at: FeedEntry['at'], siteUrl: string | undefined, authors: string[]): FeedEntry {
  const title = child(entry, 'atom:title');
  const content = child(entry, 'atom:content');
  const summary = child(entry, 'atom:summary');
  const body = content && !content.attributes.src ? htmlOf(content) : undefined;
  const enclosure = childrenNamed(entry, 'atom:link').find((link) => link.attributes.rel === 'enclosure' && (link.attributes.type ?? '').startsWith('image/'));
  return {
    id: childText(entry, 'atom:id'),
    url: resolve(alternate(entry), entry.attributes['xml:base'] ?? siteUrl),
    title: title ? (title.attributes.type === 'xhtml' ? innerMarkup(child(title, 'div') ?? title) : textOf(title).trim()) : undefined,
    titleIsHtml: title?.attributes.type === 'html' || title?.attributes.type === 'xhtml',
    published: childText(entry, 'atom:published') ?? childText(entry, 'atom:updated'),
    updated: childText(entry, 'atom:updated'),
    html: body ?? (summary ? htmlOf(summary) : undefined),
    summaryHtml: body && summary ? htmlOf(summary) : undefined,
    authors,
    categories: childrenNamed(entry, 'atom:category').map((category) => category.attributes.label ?? category.attributes.term ?? ''),
    image: enclosure?.attributes.href,
    at,
  };
}

/** An Atom text construct as HTML: xhtml's div inside, html as it is, text escaped. */
function htmlOf(element: XmlElement): string {
  const type = element.attributes.type ?? 'text';
  if (type === 'xhtml') return innerMarkup(child(element, 'div') ?? element);
  const text = textOf(element);
  if (type === 'html' || type === 'text/html') return text;
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`)
    .join('');
}

function alternate(element: XmlElement): string | undefined {
  const links = childrenNamed(element, 'atom:link');
  return (links.find((link) => link.attributes.rel === 'alternate') ?? links.find((link) => link.attributes.rel === undefined))?.attributes.href;
}

function resolve(url: string | undefined, base: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return URL.canParse(url, base) ? new URL(url, base).href : url;
}

function authorsOf(element: XmlElement): string[] {
  return childrenNamed(element, 'atom:author').map((author) => childText(author, 'atom:name') ?? '').filter(Boolean);
}
