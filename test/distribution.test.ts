// Distribution: feeds as feed readers parse them, sitemaps as crawlers read them, page metadata
// as social networks and search engines read it, and a site that works under a sub-path.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import * as cheerio from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../src/build.js';
import { renderSitemaps, SITEMAP_LIMIT, writePageSitemaps } from '../src/pages/sitemaps.js';
import { OutputManifest } from '../src/write/manifest.js';
import { MemoryWriter } from '../src/write/memory-writer.js';
import { resolveConfig } from '../src/config.js';
import { formatProblems } from '../src/problems/index.js';
import { serveFolders } from './helpers/browser.js';
import { brokenLinks } from './helpers/html.js';
import { buildInMemory } from './helpers/memory-site.js';
import { photo } from './helpers/photos.js';
import { article, listFiles, makeSite, page } from './helpers/site.js';

// Build time: 2025-12-19 12:00 in Almaty. The news sitemap takes articles from the two days before.
const NOW = Date.parse('2025-12-19T07:00:00Z');

const FILES = {
  'site.config.ts': `export default { title: 'Steppe Times', description: 'News from the steppe.', baseUrl: 'https://example.org/news/', publisher: 'Steppe Media', language: 'en', feedLimit: 3, twitterSite: '@steppe' };\n`,
  'content/2025/12/flight.md': article(
    { title: 'New direct flight to Tbilisi', date: '2025-12-18 19:20', updated: '2025-12-19 09:00', topic: 'Transport', tags: '[Georgia, SCAT]', source: 'Qazinform News Agency', image: '/images/plane.jpg', imageAlt: 'A Boeing 737 on the runway' },
    'SCAT began a new route. See the [earlier concert](../11/concert.md#tickets) and [transport news](/topics/transport/).\n\n![Map](/images/map.png)',
  ),
  'content/2025/11/concert.md': article(
    { title: 'Concert in Vienna', date: '2025-11-17 18:00', topic: 'Culture', tags: '[Vienna]', author: '[Aigerim Seitkali, Daniyar Omarov]' },
    'A concert took place in the Minorite Church.',
  ),
  'content/2025/12/library.md': article({ title: 'Library corner opens', date: '2025-12-17 15:00', topic: 'Culture', tags: '[Istanbul]' }, 'The corner opened.'),
  'content/2025/12/old.md': article({ title: 'Older news', date: '2025-12-10', topic: 'Culture' }, 'Old.'),
  'content/2025/12/oldest.md': article({ title: 'Oldest news', date: '2025-12-01', topic: 'Culture' }, 'Oldest.'),
  // 1,200 px wide: the feeds' variant, and no larger one to make.
  'static/images/plane.jpg': await photo(1200, 750),
  'static/images/map.png': await photo(400, 300, 'png'),
  'static/favicon.ico': 'ICO',
};

let root: string;
let dist: string;
const text = (file: string) => readFileSync(path.join(dist, file), 'utf8');

beforeAll(async () => {
  root = makeSite(FILES);
  dist = path.join(root, 'dist');
  await build({ root, now: NOW });
});

describe('the site feeds', () => {
  it('RSS 2.0 parses, with the latest feedLimit articles, absolute links, guids, dates and content', () => {
    const feed = parseFeed(text('feed.xml'));
    expect(feed.title).toBe('Steppe Times');
    expect(feed.url).toBe('https://example.org/news/');
    expect(feed.items.map((item) => item.title)).toEqual(['New direct flight to Tbilisi', 'Library corner opens', 'Older news']);
    const [first] = feed.items;
    expect(first!.url).toBe('https://example.org/news/2025/12/18/new-direct-flight-to-tbilisi/');
    expect(first!.id).toBe(first!.url);
    expect(first!.published?.toISOString()).toBe('2025-12-18T14:20:00.000Z');
    expect(first!.categories.map((c) => c.label)).toEqual(['Transport', 'Georgia', 'SCAT']);
    expect(first!.authors.map((a) => a.name)).toEqual(['Qazinform News Agency']);
    expect(first!.content).toContain('SCAT began a new route.');
    // Links inside the content are absolute: a feed reader shows them out of the site's context.
    expect(first!.content).toContain('href="https://example.org/news/2025/11/17/concert-in-vienna/#tickets"');
    expect(first!.content).toMatch(/src="https:\/\/example\.org\/news\/images\/[0-9a-f]{10}\/map-400\.png" width="400" height="300"/);
    expect(text('feed.xml')).toContain('<pubDate>Thu, 18 Dec 2025 19:20:00 +0500</pubDate>');
  });

  it('Atom 1.0 parses, with published and updated dates carrying the offset', () => {
    const xml = text('atom.xml');
    const feed = parseFeed(xml);
    expect(feed.self).toBe('https://example.org/news/atom.xml');
    expect(feed.items[0]!.updated?.toISOString()).toBe('2025-12-19T04:00:00.000Z');
    expect(xml).toContain('<published>2025-12-18T19:20:00+05:00</published>');
    expect(xml).toContain('<updated>2025-12-19T09:00:00+05:00</updated>');
    expect(feed.items[0]!.content).toContain('SCAT began a new route.');
  });

  it("has the newest entry's date as its own, never the clock's", () => {
    const xml = new XMLParser().parse(text('atom.xml'));
    expect(xml.feed.updated).toBe('2025-12-19T09:00:00+05:00');
    expect(parseFeed(text('feed.xml')).updated?.toISOString()).toBe('2025-12-19T04:00:00.000Z');
  });

  it('JSON Feed 1.1 has the fields feed readers use', () => {
    const feed = JSON.parse(text('feed.json'));
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Steppe Times',
      home_page_url: 'https://example.org/news/',
      feed_url: 'https://example.org/news/feed.json',
      language: 'en',
      authors: [{ name: 'Steppe Media' }],
    });
    expect(feed.items).toHaveLength(3);
    expect(feed.items[0]).toMatchObject({
      id: 'https://example.org/news/2025/12/18/new-direct-flight-to-tbilisi/',
      url: 'https://example.org/news/2025/12/18/new-direct-flight-to-tbilisi/',
      title: 'New direct flight to Tbilisi',
      date_published: '2025-12-18T19:20:00+05:00',
      date_modified: '2025-12-19T09:00:00+05:00',
      tags: ['Transport', 'Georgia', 'SCAT'],
    });
    expect(feed.items[0].image).toMatch(/^https:\/\/example\.org\/news\/images\/[0-9a-f]{10}\/plane-1200\.jpg$/);
    expect(feed.items[0].content_html).toContain('SCAT began a new route.');
  });

  it('are valid XML', () => {
    const xml = listFiles(dist).filter((f) => f.endsWith('.xml'));
    expect(xml).toEqual(expect.arrayContaining(['feed.xml', 'atom.xml', 'sitemap.xml', 'news-sitemap.xml', 'topics/culture/feed.xml']));
    for (const file of xml) {
      expect(XMLValidator.validate(text(file)), file).toBe(true);
    }
  });
});

describe('topic and tag feeds', () => {
  it('exist in all three formats for every topic and tag, listing only its articles', () => {
    for (const list of ['topics/culture', 'topics/transport', 'tags/vienna', 'tags/georgia', 'tags/scat', 'tags/istanbul']) {
      for (const file of ['feed.xml', 'atom.xml', 'feed.json']) expect(listFiles(dist), list).toContain(`${list}/${file}`);
    }
    const culture = parseFeed(text('topics/culture/atom.xml'));
    expect(culture.title).toBe('Culture – Steppe Times');
    expect(culture.items.map((item) => item.title)).toEqual(['Library corner opens', 'Older news', 'Oldest news']);
    expect(parseFeed(text('tags/vienna/feed.xml')).items.map((item) => item.title)).toEqual(['Concert in Vienna']);
  });

  it('carry summaries, not full bodies, by default', () => {
    const item = JSON.parse(text('tags/georgia/feed.json')).items[0];
    expect(item.content_html).toBeUndefined();
    expect(item.content_text).toBe(item.summary);
    expect(text('tags/georgia/atom.xml')).not.toContain('<content');
  });

  it('are linked from their pages, with the site feeds', () => {
    const $ = page(dist, '/topics/culture/');
    const links = $('link[rel="alternate"]').map((_, l) => `${$(l).attr('type')} ${$(l).attr('href')}`).get();
    expect(links).toEqual([
      'application/rss+xml /news/feed.xml',
      'application/atom+xml /news/atom.xml',
      'application/feed+json /news/feed.json',
      'application/rss+xml /news/topics/culture/feed.xml',
      'application/atom+xml /news/topics/culture/atom.xml',
      'application/feed+json /news/topics/culture/feed.json',
    ]);
  });
});

describe('sitemaps', () => {
  const parser = new XMLParser({ isArray: (name) => name === 'url' });

  it('sitemap.xml lists every HTML page but the 404, with lastmod', () => {
    const urls = parser.parse(text('sitemap.xml')).urlset.url as Array<{ loc: string; lastmod?: string }>;
    const pages = listFiles(dist).filter((f) => f.endsWith('.html') && f !== '404.html');
    expect(urls.map((u) => u.loc).sort()).toEqual(pages.map((f) => `https://example.org/news/${f.replace(/index\.html$/, '')}`).sort());
    const flight = urls.find((u) => u.loc.endsWith('/new-direct-flight-to-tbilisi/'));
    expect(new Date(flight!.lastmod!).toISOString()).toBe('2025-12-19T04:00:00.000Z');
    const home = urls.find((u) => u.loc === 'https://example.org/news/');
    expect(new Date(home!.lastmod!).toISOString()).toBe('2025-12-19T04:00:00.000Z');
  });

  it('news-sitemap.xml holds only the last two days of articles, with Google News fields', () => {
    const urls = parser.parse(text('news-sitemap.xml')).urlset.url as Array<Record<string, any>>;
    expect(urls.map((u) => u.loc)).toEqual([
      'https://example.org/news/2025/12/18/new-direct-flight-to-tbilisi/',
      'https://example.org/news/2025/12/17/library-corner-opens/',
    ]);
    expect(urls[0]!['news:news']).toEqual({
      'news:publication': { 'news:name': 'Steppe Media', 'news:language': 'en' },
      'news:publication_date': '2025-12-18T19:20:00+05:00',
      'news:title': 'New direct flight to Tbilisi',
    });
  });

  it('robots.txt points at both', () => {
    expect(text('robots.txt')).toContain('Sitemap: https://example.org/news/sitemap.xml\n');
    expect(text('robots.txt')).toContain('Sitemap: https://example.org/news/news-sitemap.xml\n');
  });

  it('become a sitemap index past 50,000 URLs', async () => {
    const config = resolveConfig({ baseUrl: 'https://example.org/' }, root);
    const entries = Array.from({ length: SITEMAP_LIMIT + 1 }, (_, i) => ({ url: `/p/${i}/` }));
    const files = await renderSitemaps(entries, config);
    expect(files.map(([url]) => url)).toEqual(['/sitemap.xml', '/sitemap-1.xml', '/sitemap-2.xml']);
    const index = new XMLParser({ isArray: (name) => name === 'sitemap' }).parse(files[0]![1]).sitemapindex.sitemap;
    expect(index.map((s: { loc: string }) => s.loc)).toEqual(['https://example.org/sitemap-1.xml', 'https://example.org/sitemap-2.xml']);
    expect(parser.parse(files[2]![1]).urlset.url).toHaveLength(1);
  });

  it('past 50,000 URLs, a new article changes one part: the others keep every byte', async () => {
    const config = resolveConfig({ baseUrl: 'https://example.org/' }, root);
    /** A site of `count` articles (newest first, as the site lists them) and 3,000 list pages. */
    const pages = (count: number) => [
      { url: '/', lastModified: `2026-01-01T${String(count % 24).padStart(2, '0')}:00:00Z`, kind: 'home' },
      ...Array.from({ length: count }, (_, i) => ({ url: `/a/${count - 1 - i}/`, lastModified: '2025-12-01T00:00:00Z', kind: 'article' })),
      ...Array.from({ length: 3_000 }, (_, i) => ({ url: `/topic/t${i}/`, lastModified: `2026-01-01T${String(count % 24).padStart(2, '0')}:00:00Z`, kind: 'term' })),
      { url: '/404.html', kind: 'notfound' },
    ];
    const sitemaps = async (count: number) => {
      const writer = new MemoryWriter();
      const files = await writePageSitemaps(pages(count), config, writer, OutputManifest.none());
      await writer.commit();
      expect(writer.contents.size).toBe(files);
      return writer.contents;
    };
    const before = await sitemaps(60_000);
    const after = await sitemaps(60_001);
    expect([...after.keys()].sort()).toEqual(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap.xml']);
    expect(after.get('sitemap.xml')).toBe(before.get('sitemap.xml'));
    expect(after.get('sitemap-1.xml')).toBe(before.get('sitemap-1.xml'));
    expect(after.get('sitemap-2.xml')).not.toBe(before.get('sitemap-2.xml'));
    const locs = (file: string) => (parser.parse(after.get(file) as string).urlset.url as Array<{ loc: string }>).map((url) => url.loc);
    // The oldest article first; the new one after every other article, before the list pages.
    expect(locs('sitemap-1.xml')[0]).toBe('https://example.org/a/0/');
    const second = locs('sitemap-2.xml');
    expect(second.slice(9_999, 10_002)).toEqual(['https://example.org/a/59999/', 'https://example.org/a/60000/', 'https://example.org/']);
    expect(second).toHaveLength(60_001 + 3_001 - SITEMAP_LIMIT);
    expect(second).not.toContain('https://example.org/404.html');

    // An update that knows the first 60,000 entries (the articles from the oldest) are as it left
    // them keeps the part they fill without making or fingerprinting it, and makes the same others.
    const writer = new MemoryWriter();
    expect(await writePageSitemaps(pages(60_001), config, writer, OutputManifest.none(), 60_000)).toBe(3);
    expect([...writer.files].sort()).toEqual(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap.xml']);
    const written = await writer.commit();
    expect(written.written).toBe(2);
    expect(writer.contents.has('sitemap-1.xml')).toBe(false);
    expect(writer.contents.get('sitemap-2.xml')).toBe(after.get('sitemap-2.xml'));
    expect(writer.contents.get('sitemap.xml')).toBe(after.get('sitemap.xml'));
  });
});

describe('page metadata', () => {
  it('an article has canonical, description, Open Graph, Twitter card and NewsArticle JSON-LD', () => {
    const $ = page(dist, '/2025/12/18/new-direct-flight-to-tbilisi/');
    const meta = (key: string) => $(`meta[property="${key}"], meta[name="${key}"]`).map((_, m) => $(m).attr('content')).get();
    const url = 'https://example.org/news/2025/12/18/new-direct-flight-to-tbilisi/';
    expect($('link[rel="canonical"]').attr('href')).toBe(url);
    expect(meta('description')[0]).toContain('SCAT began a new route.');
    expect(meta('og:title')).toEqual(['New direct flight to Tbilisi']);
    expect(meta('og:type')).toEqual(['article']);
    expect(meta('og:url')).toEqual([url]);
    expect(meta('og:site_name')).toEqual(['Steppe Times']);
    expect(meta('og:image')[0]).toMatch(/^https:\/\/example\.org\/news\/images\/[0-9a-f]{10}\/plane-og\.jpg$/);
    expect(meta('article:published_time')).toEqual(['2025-12-18T19:20:00+05:00']);
    expect(meta('article:section')).toEqual(['Transport']);
    expect(meta('article:tag')).toEqual(['Georgia', 'SCAT']);
    expect(meta('twitter:card')).toEqual(['summary_large_image']);
    expect(meta('twitter:site')).toEqual(['@steppe']);

    const data = $('script[type="application/ld+json"]').map((_, s) => JSON.parse($(s).text())).get();
    const news = data.find((d) => d['@type'] === 'NewsArticle');
    expect(news).toMatchObject({
      '@context': 'https://schema.org',
      headline: 'New direct flight to Tbilisi',
      datePublished: '2025-12-18T19:20:00+05:00',
      dateModified: '2025-12-19T09:00:00+05:00',
      author: [{ '@type': 'Organization', name: 'Qazinform News Agency' }],
      publisher: { '@type': 'Organization', name: 'Steppe Media' },
      articleSection: 'Transport',
      keywords: ['Georgia', 'SCAT'],
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    });
  });

  it('named authors are people in JSON-LD', () => {
    const $ = page(dist, '/2025/11/17/concert-in-vienna/');
    const news = $('script[type="application/ld+json"]').map((_, s) => JSON.parse($(s).text())).get().find((d) => d['@type'] === 'NewsArticle');
    expect(news.author).toEqual([
      { '@type': 'Person', name: 'Aigerim Seitkali', url: 'https://example.org/news/authors/aigerim-seitkali/' },
      { '@type': 'Person', name: 'Daniyar Omarov', url: 'https://example.org/news/authors/daniyar-omarov/' },
    ]);
    expect($('meta[property="og:image"]')).toHaveLength(0);
  });

  it('a list page with a trail carries a BreadcrumbList', () => {
    const $ = page(dist, '/tags/georgia/');
    const crumbs = $('script[type="application/ld+json"]').map((_, s) => JSON.parse($(s).text())).get().find((d) => d['@type'] === 'BreadcrumbList');
    expect(crumbs.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://example.org/news/' },
      { '@type': 'ListItem', position: 2, name: 'Tags', item: 'https://example.org/news/tags/' },
      { '@type': 'ListItem', position: 3, name: 'Georgia', item: 'https://example.org/news/tags/georgia/' },
    ]);
    expect($('meta[property="og:type"]').attr('content')).toBe('website');
    expect($('link[rel="canonical"]').attr('href')).toBe('https://example.org/news/tags/georgia/');
  });
});

describe('a site under a sub-path', () => {
  it('links every page, asset and feed under the base path', () => {
    expect(brokenLinks(dist, '/news/')).toEqual([]);
    const $ = page(dist, '/2025/12/18/new-direct-flight-to-tbilisi/');
    expect($('link[rel="stylesheet"]').attr('href')).toBe('/news/assets/style.css');
    expect($('.article-body a').map((_, a) => $(a).attr('href')).get()).toEqual([
      '/news/2025/11/17/concert-in-vienna/#tickets',
      '/news/topics/transport/',
    ]);
    expect($('.article-body img').attr('src')).toMatch(/^\/news\/images\/[0-9a-f]{10}\/map-400\.png$/);
  });

  it('works from a plain static server of that sub-path', async () => {
    const server = await serveFolders({ '/news': dist });
    const { origin } = server;
    try {
      const home = await fetch(`${origin}/news/`);
      expect(home.status).toBe(200);
      // Every local link and source of the home page, as its parsed HTML has them.
      const $ = cheerio.load(await home.text());
      const hrefs = $('[href], [src]')
        .map((_, element) => $(element).attr('href') ?? $(element).attr('src'))
        .get()
        .filter((url: string) => url.startsWith('/news/'))
        .map((url: string) => url.split('#')[0]!);
      expect(hrefs.length).toBeGreaterThan(10);
      for (const href of new Set(hrefs)) {
        const response = await fetch(`${origin}${href}`);
        expect(response.status, href).toBe(200);
      }
    } finally {
      await server.close();
    }
  });

  it('a base URL given to the build (--base-url) overrides the config', async () => {
    const mirror = await buildInMemory(FILES, { now: NOW, baseUrl: 'https://mirror.example/' });
    expect(mirror.problems).toEqual([]);
    expect(brokenLinks(mirror.outputs, '/')).toEqual([]);
    expect(mirror.page('/')('link[rel="canonical"]').attr('href')).toBe('https://mirror.example/');
    expect(mirror.page('/2025/12/18/new-direct-flight-to-tbilisi/')('link[rel="stylesheet"]').attr('href')).toBe('/assets/style.css');
  });
});

describe('links between articles', () => {
  it('to a missing file or a draft are warnings naming the file and line', async () => {
    const files = {
      'content/a.md': article({ title: 'A', date: '2025-12-18' }, 'See [gone](./gone.md) and [draft](b.md) and [nowhere](/2020/01/01/nothing/).'),
      'content/b.md': article({ title: 'B', date: '2025-12-18', draft: 'true' }),
    };
    const lenient = await buildInMemory(files, { now: NOW });
    expect(lenient.ok).toBe(true);
    const report = formatProblems(lenient.warnings);
    expect(report).toMatch(/^content\/a\.md:6:5 warning links to content file gone\.md, which does not exist \[link-broken\]/m);
    expect(report).toMatch(/^content\/a\.md:6:27 warning links to content\/b\.md, which is not in this build/m);
    expect(report).toMatch(/^content\/a\.md:6:45 warning links to \/2020\/01\/01\/nothing\/, which no page of the site answers/m);
    expect(lenient.warnings.map((w) => `${w.line}:${w.column} ${w.code}`)).toEqual(['6:5 link-broken', '6:27 link-broken', '6:45 link-broken']);
    expect(lenient.page('/2025/12/18/a/')('.article-body').text()).toContain('gone');
    const strict = await buildInMemory(files, { now: NOW, strict: true });
    expect(strict.ok).toBe(false);
    expect(formatProblems(strict.problems)).toMatch(/^content\/a\.md:6:5 error links to content file gone\.md/);
  });
});

describe('the static folder', () => {
  it('is copied to the root of the output as it is', () => {
    expect(readFileSync(path.join(dist, 'images/plane.jpg'))).toEqual(FILES['static/images/plane.jpg']);
    expect(text('favicon.ico')).toBe('ICO');
  });

  it('never overwrites a generated page, and says so', async () => {
    const site = await buildInMemory({ ...FILES, 'static/robots.txt': 'mine', 'static/index.html': 'mine' }, { now: NOW });
    expect(site.ok).toBe(true);
    const warnings = formatProblems(site.warnings);
    expect(warnings).toMatch(/static\/index\.html:1:1 warning not copied: the site generates \/index\.html itself/);
    expect(warnings).toMatch(/static\/robots\.txt:1:1 warning not copied: the site generates \/robots\.txt itself/);
    expect(site.page('/')('title').text()).toBe('Steppe Times');
    expect(site.outputs.get('robots.txt')).toContain('Sitemap: https://example.org/news/sitemap.xml');
  });

  it('a lead image given as a site path is a file of static/ (or content/), and a missing one an error at the image field', async () => {
    const site = await buildInMemory({ 'content/a.md': article({ title: 'A', date: '2025-12-18', image: '/images/nope.jpg', imageAlt: 'Nothing' }) }, { now: NOW });
    expect(site.ok).toBe(false);
    expect(formatProblems(site.problems)).toMatch(/^content\/a\.md:4:8 error image: the lead image "\/images\/nope\.jpg" does not exist; expected an image file at static\/images\/nope\.jpg or content\/images\/nope\.jpg/);
  });
});

describe('reproducible builds', () => {
  it('the same input and SOURCE_DATE_EPOCH give byte-identical output', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', String(NOW / 1000));
    try {
      // The second copy's files are written in the opposite order: the folder listing must not matter.
      const a = await buildInMemory(FILES);
      const b = await buildInMemory(Object.fromEntries(Object.entries(FILES).reverse()));
      expect(a.ok && b.ok).toBe(true);
      expect([...b.outputs.keys()]).toEqual([...a.outputs.keys()]);
      for (const [file, text] of a.outputs) expect(b.outputs.get(file) === text, file).toBe(true);
      // The build time came from SOURCE_DATE_EPOCH: the news sitemap holds the two days before it.
      expect(a.outputs.get('news-sitemap.xml')).toContain('/2025/12/17/library-corner-opens/');
      expect(a.outputs.get('news-sitemap.xml')).not.toContain('/2025/12/10/older-news/');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
