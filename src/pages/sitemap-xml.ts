// The XML of a page sitemap (<urlset>), written here rather than through the `sitemap` package's
// streams, byte for byte as the package writes it (test/sitemaps.test.ts compares the two). The
// package pushes each URL through two Transform streams, a URL parse and a tick of the event loop:
// 0.7 s for the 131,000 URLs of a 100,000-article site and 0.2 s for 13,700 in a fresh process,
// paid on every publish, since a new article changes the sitemap. This takes a few tens of ms. The
// package still writes the news sitemap (at most 1,000 articles) and the index of sitemap parts.

/** One URL of a sitemap: absolute, as URL.href gives it; lastmod as any date Date parses. */
export interface UrlSetItem {
  loc: string;
  lastmod?: string;
  /** Its counterparts in other languages (xhtml:link rel="alternate"), absolute. */
  links?: Array<{ lang: string; url: string }>;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';
const XHTML = ' xmlns:xhtml="http://www.w3.org/1999/xhtml"';

/**
 * A <urlset> of `items` in their order, with the xhtml namespace when `multilingual`. Throws a
 * RangeError for a lastmod that is not a date.
 */
export function urlSetXml(items: Iterable<UrlSetItem>, multilingual: boolean): string {
  const parts = [HEAD, multilingual ? XHTML : '', '>'];
  for (const item of items) {
    parts.push('<url><loc>', text(item.loc), '</loc>');
    if (item.lastmod) parts.push('<lastmod>', new Date(item.lastmod).toISOString(), '</lastmod>');
    for (const link of item.links ?? []) parts.push(`<xhtml:link rel="alternate" hreflang="${attribute(link.lang)}" href="${attribute(link.url)}"/>`);
    parts.push('</url>');
  }
  parts.push('</urlset>');
  return parts.join('');
}

/** Characters XML 1.0 does not allow, which the package drops (its invalidXMLUnicodeRegex). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uD800-\uDFFF\p{NChar}]/gu;
/** Anything that is not printable ASCII: only then can a value hold a character XML does not allow. */
const BEYOND_ASCII = /[^\u0020-\u007E]/;

/** Text content: & < > escaped (quotes need not be), characters XML does not allow dropped. */
function text(value: string): string {
  const escaped = /[&<>]/.test(value) ? value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;') : value;
  return BEYOND_ASCII.test(escaped) ? escaped.replace(NOT_XML, '') : escaped;
}

/** An attribute value in double quotes: quotes escaped too. */
function attribute(value: string): string {
  return text(value).replaceAll("'", '&apos;').replaceAll('"', '&quot;');
}
