// The page sitemap's <urlset> is written by src/pages/sitemap-xml.ts, for speed, where the
// `sitemap` package wrote it before: the same bytes for the same URLs, whatever they hold, so a
// site upgrading sees no sitemap change and crawlers read what they read before. The package
// (a dependency: it still writes the news sitemap) is the reference here.

import fc from 'fast-check';
import { SitemapStream, streamToPromise } from 'sitemap';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { urlSetXml, type UrlSetItem } from '../src/pages/sitemap-xml.js';

/** What the `sitemap` package writes for `items`. */
async function packageXml(items: UrlSetItem[], multilingual: boolean): Promise<string> {
  const stream = new SitemapStream({ xmlns: { news: false, xhtml: multilingual, image: false, video: false } });
  for (const item of items) {
    const links = item.links?.map((link) => ({ lang: link.lang, hreflang: link.lang, url: link.url }));
    stream.write({ url: item.loc, lastmod: item.lastmod, ...(links ? { links } : {}) });
  }
  stream.end();
  return (await streamToPromise(stream)).toString();
}

const ITEMS: UrlSetItem[] = [
  { loc: 'https://news.example/', lastmod: '2025-12-18T19:20:00+05:00' },
  { loc: 'https://news.example/page/3/' },
  // A query, an ampersand and quotes in a path; non-ASCII percent-encoded, as URL.href writes it.
  { loc: new URL("https://news.example/tags/r&d/?a=1&b='x'\"y\"").href, lastmod: '2024-02-29' },
  { loc: new URL('https://news.example/kk/жаңалықтар/').href, lastmod: '2025-01-01T00:00:00Z' },
];

describe('a page sitemap', () => {
  it('is byte for byte what the sitemap package writes, with and without lastmod, escapes included', async () => {
    expect(urlSetXml(ITEMS, false)).toBe(await packageXml(ITEMS, false));
  });

  it('with language alternates: the xhtml namespace and a link per language, as the package writes them', async () => {
    // Link URLs as the site makes them (URL.href: a quote percent-encoded, an ampersand kept).
    const items = ITEMS.map((item, i) => ({ ...item, links: [{ lang: 'kk', url: `${item.loc}kk/` }, { lang: 'x-default', url: new URL(`https://news.example/?i=${i}&q="a"`).href }] }));
    const xml = urlSetXml(items, true);
    expect(xml).toBe(await packageXml(items, true));
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' || name === 'xhtml:link' }).parse(xml) as { urlset: { url: Array<{ loc: string; 'xhtml:link': Array<Record<string, string>> }> } };
    expect(parsed.urlset.url[2]!['xhtml:link'][1]!['@_href']).toBe('https://news.example/?i=2&q=%22a%22');
  });

  it('drops characters XML does not allow and escapes markup, as the package does, for any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ path: fc.string({ unit: 'binary' }), lang: fc.string({ unit: 'binary', maxLength: 8 }) }), { minLength: 1, maxLength: 5 }), async (drawn) => {
        // A loc the way the site makes one; a language attribute as given, unparsed.
        const url = (path: string) => new URL(path.replace(/^\/*/, ''), 'https://news.example/').href;
        const items = drawn.map(({ path, lang }) => ({ loc: url(path), links: [{ lang: lang || 'en', url: url(`${path}/${lang}`) }] }));
        expect(urlSetXml(items, true)).toBe(await packageXml(items, true));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a lastmod that is not a date, as the package does', () => {
    expect(() => urlSetXml([{ loc: 'https://news.example/', lastmod: 'yesterday' }], false)).toThrow(RangeError);
  });
});
