// The built site, page kind by page kind, as a reader (and a crawler) sees it.

import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { brokenLinks, htmlProblems } from './helpers/html.js';
import { article, listFiles, makeSite, page } from './helpers/site.js';

const CONFIG = `export default { title: 'Steppe Times', baseUrl: 'https://news.example/', pageSize: 2, timeZone: 'Asia/Almaty' };\n`;

// Five articles over three days; the newest is dated in UTC late on the 18th, which is the 19th in
// Almaty (+05:00): it must be grouped under the 19th.
const FILES = {
  'site.config.ts': CONFIG,
  'content/2025/12/flight.md': article(
    { title: 'New direct flight to Tbilisi', date: '2025-12-18T22:30:00Z', topic: 'Transport', tags: '[Georgia, Shymkent, SCAT]', source: 'Qazinform News Agency' },
    'Kazakh airline SCAT began operating a new route.\n\n## Schedule\n\nTwice a week.',
  ),
  'content/2025/12/concert.md': article(
    { title: 'Aiman Mussakhajayeva performs in Vienna', date: '2025-12-18 19:20', topic: 'Culture', tags: '[Vienna, Austria]' },
    'A unique concert took place in the historic Minorite Church.',
  ),
  'content/2025/12/cinema.md': article(
    { title: 'Days of Kazakh Cinema held in Brussels', date: '2025-12-18 10:00', topic: 'Culture', tags: '[Brussels, Belgium]' },
    'The Embassy organised the Days of Kazakh Cinema.',
  ),
  'content/2025/12/library.md': article(
    { title: 'Scientific and literary corner opens in Istanbul', date: '2025-12-17', topic: 'Culture', tags: '[Türkiye, Istanbul, "Гылым Ордасы"]' },
    'The corner opened at the Rami Library.',
  ),
  'content/2025/11/holiday.md': article(
    { title: 'Kazakhstan celebrates Independence Day', date: '2025-11-30 09:00', topic: 'Society', tags: '[Kazakhstan, "Slash/Tag", "Two  Words"]' },
    'On December 16, Kazakhstan celebrates Independence Day.',
  ),
};

let root: string;
let dist: string;

beforeAll(async () => {
  root = makeSite(FILES);
  dist = path.join(root, 'dist');
  await build({ root, now: Date.parse('2026-01-01T00:00:00Z') });
});

const titles = ($: ReturnType<typeof page>, selector: string) => $(selector).map((_, el) => $(el).text().trim()).get();

describe('the home page', () => {
  it('leads with the latest article, with date, topic and summary, then the next latest, then the latest by topic', () => {
    const $ = page(dist, '/');
    expect(titles($, '.lead-story h2')).toEqual(['New direct flight to Tbilisi']);
    // The first page holds the newest three (two a page, numbered from the oldest): the two after the lead are secondary.
    expect(titles($, '.secondary-stories h2')).toEqual(['Aiman Mussakhajayeva performs in Vienna', 'Days of Kazakh Cinema held in Brussels']);
    expect(titles($, '#section-culture + .story-row h3')[0]).toBe('Scientific and literary corner opens in Istanbul');
    const first = $('.lead-story');
    expect(first.find('time').attr('datetime')).toBe('2025-12-19T03:30:00+05:00');
    expect(first.find('a[href="/topics/transport/"]').text()).toBe('Transport');
    expect(first.find('.summary').text()).toBe('Kazakh airline SCAT began operating a new route.');
    expect($('title').text()).toBe('Steppe Times');
    expect($('h1')).toHaveLength(1);
  });

  it('is paginated at pageSize from the oldest, with rel=prev/next links and no total on numbered pages', () => {
    // Five articles, two a page: /page/1/ holds the oldest two, / the newest three.
    expect(existsSync(path.join(dist, 'page/1/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'page/2/index.html'))).toBe(false);
    const home = page(dist, '/');
    expect(home('head link[rel="next"]').attr('href')).toBe('/page/1/');
    expect(home('head link[rel="prev"]')).toHaveLength(0);
    expect(home('nav.pagination a[rel="next"]').attr('href')).toBe('/page/1/');

    const oldest = page(dist, '/page/1/');
    expect(titles(oldest, '.article-list h2')).toEqual(['Scientific and literary corner opens in Istanbul', 'Kazakhstan celebrates Independence Day']);
    expect(oldest('h1').text()).toBe('Latest news, page 1');
    expect(oldest('head link[rel="prev"]').attr('href')).toBe('/');
    expect(oldest('head link[rel="next"]')).toHaveLength(0);
    expect(oldest('nav.pagination a[rel="prev"]').attr('href')).toBe('/');
    expect(oldest('nav.pagination').text().replace(/\s+/g, ' ').trim()).toBe('← Newer Page 1');
  });
});

describe('an article page', () => {
  it('is at /YYYY/MM/DD/<slug>/ by the date in the site time zone', () => {
    expect(existsSync(path.join(dist, '2025/12/19/new-direct-flight-to-tbilisi/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, '2025/12/18/aiman-mussakhajayeva-performs-in-vienna/index.html'))).toBe(true);
  });

  it('shows title, date and time with offset, topic, linked tags, source and body', () => {
    const $ = page(dist, '/2025/12/19/new-direct-flight-to-tbilisi/');
    expect($('h1').text()).toBe('New direct flight to Tbilisi');
    expect($('h1')).toHaveLength(1);
    expect($('article time').first().attr('datetime')).toBe('2025-12-19T03:30:00+05:00');
    expect($('article time').first().text()).toMatch(/^December 19, 2025 at 3:30\sAM$/);
    expect($('.kicker a').attr('href')).toBe('/topics/transport/');
    expect($('.tags a').map((_, a) => `${$(a).text()} ${$(a).attr('href')}`).get()).toEqual([
      'Georgia /tags/georgia/',
      'Shymkent /tags/shymkent/',
      'SCAT /tags/scat/',
    ]);
    expect($('.source').text()).toContain('Qazinform News Agency');
    expect($('.article-body p').first().text()).toBe('Kazakh airline SCAT began operating a new route.');
    // The body's own heading sits below the page's one h1.
    expect($('.article-body h2#schedule').text()).toBe('Schedule');
  });

  it('links to the previous (older) and next (newer) article', () => {
    const $ = page(dist, '/2025/12/18/aiman-mussakhajayeva-performs-in-vienna/');
    expect($('.article-nav a[rel="prev"]').attr('href')).toBe('/2025/12/18/days-of-kazakh-cinema-held-in-brussels/');
    expect($('.article-nav a[rel="next"]').attr('href')).toBe('/2025/12/19/new-direct-flight-to-tbilisi/');
    const newest = page(dist, '/2025/12/19/new-direct-flight-to-tbilisi/');
    expect(newest('.article-nav a[rel="next"]')).toHaveLength(0);
  });

  it('has a canonical URL under the base URL', () => {
    const $ = page(dist, '/2025/12/19/new-direct-flight-to-tbilisi/');
    expect($('link[rel="canonical"]').attr('href')).toBe('https://news.example/2025/12/19/new-direct-flight-to-tbilisi/');
  });
});

describe('topic and tag pages', () => {
  it('/topics/ lists every topic with its article count', () => {
    const $ = page(dist, '/topics/');
    const rows = $('.term-list li').map((_, li) => $(li).text().replace(/\s+/g, ' ').trim()).get();
    expect(rows).toEqual(['Culture 3 articles', 'Society 1 article', 'Transport 1 article']);
  });

  it('a topic lists its articles newest first, on one page until they fill two', () => {
    const $ = page(dist, '/topics/culture/');
    expect($('h1').text()).toBe('Culture');
    expect(titles($, '.article-list h2')).toEqual(['Aiman Mussakhajayeva performs in Vienna', 'Days of Kazakh Cinema held in Brussels', 'Scientific and literary corner opens in Istanbul']);
    expect($('link[rel="next"]')).toHaveLength(0);
    expect($('nav.pagination')).toHaveLength(0);
    // December's four articles fill two pages: the month list has a page 1.
    expect(titles(page(dist, '/2025/12/page/1/'), '.article-list h2')).toEqual(['Days of Kazakh Cinema held in Brussels', 'Scientific and literary corner opens in Istanbul']);
  });

  it('tags with spaces, slashes and non-Latin letters get safe, readable URLs', () => {
    expect(existsSync(path.join(dist, 'tags/slash-tag/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'tags/two-words/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'tags/gylym-ordasy/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'tags/turkiye/index.html'))).toBe(true);
    expect(page(dist, '/tags/slash-tag/')('h1').text()).toBe('Slash/Tag');
    expect(page(dist, '/tags/gylym-ordasy/')('h1').text()).toBe('Гылым Ордасы');
  });

  it('/tags/ lists every tag', () => {
    const $ = page(dist, '/tags/');
    expect($('.term-list li')).toHaveLength(13);
    expect($('.term-list a[href="/tags/two-words/"]').text()).toBe('Two Words');
  });
});

describe('date archives', () => {
  it('group articles by day, month and year in the site time zone', () => {
    expect(titles(page(dist, '/2025/12/19/'), '.article-list h2')).toEqual(['New direct flight to Tbilisi']);
    expect(titles(page(dist, '/2025/12/18/'), '.article-list h2')).toEqual([
      'Aiman Mussakhajayeva performs in Vienna',
      'Days of Kazakh Cinema held in Brussels',
    ]);
    const month = page(dist, '/2025/12/');
    expect(month('h1').text()).toBe('December 2025');
    expect(month('.days a').map((_, a) => month(a).attr('href')).get()).toEqual(['/2025/12/19/', '/2025/12/18/', '/2025/12/17/']);
    const year = page(dist, '/2025/');
    expect(year('.term-list a').map((_, a) => year(a).text()).get()).toEqual(['December 2025', 'November 2025']);
  });

  it('/archive/ lists years and months with counts', () => {
    const $ = page(dist, '/archive/');
    expect($('.archive-year h2 a').text()).toBe('2025');
    const months = $('.archive-year li').map((_, li) => $(li).text().replace(/\s+/g, ' ').trim()).get();
    expect(months).toEqual(['December 2025 4 articles', 'November 2025 1 article']);
  });
});

describe('the whole site', () => {
  it('has a 404 page', () => {
    expect(page(dist, '/404.html')('h1').text()).toBe('Page not found');
  });

  it('holds exactly the expected files', () => {
    const pages = (...urls: string[]) => urls.map((url) => `${url}index.html`);
    const feeds = (...lists: string[]) => lists.flatMap((list) => ['feed.xml', 'atom.xml', 'feed.json'].map((file) => `${list}${file}`));
    const topics = ['culture/', 'society/', 'transport/'].map((slug) => `topics/${slug}`);
    const tags = ['austria', 'belgium', 'brussels', 'georgia', 'gylym-ordasy', 'istanbul', 'kazakhstan', 'scat', 'shymkent', 'slash-tag', 'turkiye', 'two-words', 'vienna'].map((slug) => `tags/${slug}/`);
    const expected = [
      // home, paginated at 2 from the oldest: / shows the newest three
      ...pages('', 'page/1/'),
      // the five articles
      ...pages(
        '2025/12/19/new-direct-flight-to-tbilisi/',
        '2025/12/18/aiman-mussakhajayeva-performs-in-vienna/',
        '2025/12/18/days-of-kazakh-cinema-held-in-brussels/',
        '2025/12/17/scientific-and-literary-corner-opens-in-istanbul/',
        '2025/11/30/kazakhstan-celebrates-independence-day/',
      ),
      // topics and tags, with their indexes (Culture's three articles are one page); the authors' index (no article names one)
      ...pages('topics/', ...topics, 'tags/', ...tags, 'authors/'),
      // date archives: the year, its months (December has four articles, two pages), its days
      ...pages('archive/', '2025/', '2025/12/', '2025/12/page/1/', '2025/11/', '2025/12/19/', '2025/12/18/', '2025/12/17/', '2025/11/30/'),
      '404.html',
      'search/index.html',
      // feeds of the site, of every topic and of every tag
      ...feeds('', ...topics, ...tags),
      'sitemap.xml',
      'news-sitemap.xml',
      'robots.txt',
      'assets/favicon.ico',
      'assets/favicon.svg',
      'assets/search.js',
      'assets/style.css',
      'site.webmanifest',
    ].sort();
    const [search, others] = [listFiles(dist).filter((file) => file.startsWith('pagefind/')), listFiles(dist).filter((file) => !file.startsWith('pagefind/'))];
    expect(others).toEqual(expected);
    // The search index: the list of bundles, and one bundle for each month (its files are named by
    // their content); Pagefind's script and WebAssembly only in the newest, where the search page loads them.
    const bundle = search.filter((file) => file !== 'pagefind/shards.json').map((file) => file.replace(/_[0-9a-f]+\./, '_HASH.'));
    expect(search).toContain('pagefind/shards.json');
    const index = (period: string) => [
      `pagefind/${period}/filter/en_HASH.pf_filter`,
      `pagefind/${period}/fragment/en_HASH.pf_fragment`,
      `pagefind/${period}/index/en_HASH.pf_index`,
      `pagefind/${period}/pagefind-entry.json`,
      `pagefind/${period}/pagefind.en_HASH.pf_meta`,
    ];
    const runtime = (period: string) => [`pagefind/${period}/pagefind-worker.js`, `pagefind/${period}/pagefind.js`, `pagefind/${period}/wasm.en.pagefind`, `pagefind/${period}/wasm.unknown.pagefind`];
    expect([...new Set(bundle)].sort()).toEqual([...index('2025-11'), ...index('2025-12'), ...runtime('2025-12')].sort());
  });

  it('every page is valid HTML with one h1 and a language', async () => {
    expect(await htmlProblems(dist)).toEqual([]);
    const pages = listFiles(dist).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const $ = page(dist, `/${file}`);
      expect($('h1'), file).toHaveLength(1);
      expect($('html').attr('lang'), file).toBe('en');
    }
  });

  it('every link inside the site resolves to a file', () => {
    expect(brokenLinks(dist)).toEqual([]);
  });
});

describe('after a rebuild', () => {
  it('pages of deleted or renamed articles are gone', async () => {
    const site = makeSite(FILES);
    const out = path.join(site, 'dist');
    await build({ root: site, now: Date.parse('2026-01-01T00:00:00Z') });
    expect(existsSync(path.join(out, 'tags/belgium/index.html'))).toBe(true);
    expect(existsSync(path.join(out, '2025/12/page/1/index.html'))).toBe(true);
    rmSync(path.join(site, 'content/2025/12/cinema.md'));
    await build({ root: site, now: Date.parse('2026-01-01T00:00:00Z') });
    expect(existsSync(path.join(out, '2025/12/18/days-of-kazakh-cinema-held-in-brussels'))).toBe(false);
    expect(existsSync(path.join(out, 'tags/belgium'))).toBe(false);
    // December is down to three articles: one page.
    expect(existsSync(path.join(out, '2025/12/page/1/index.html'))).toBe(false);
    expect(brokenLinks(out)).toEqual([]);
  });
});
