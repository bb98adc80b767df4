// Bylines and author pages as readers and crawlers meet them: each name in a byline links to its
// author's page (/authors/<slug>/, paginated, with feeds), the authors file (content/authors.yaml)
// adds a bio, photo and profile links there, and the article's NewsArticle JSON-LD credits each
// author as a Person with their page's URL.

import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { brokenLinks, htmlProblems } from './helpers/html.js';
import { buildInMemory } from './helpers/memory-site.js';
import { article } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const PAGE = 'https://example.org/news/authors/aigerim-sultanova/';

const AUTHORS_YAML = `# Who writes for Steppe Times.
- name: Aigerim Sultanova
  bio: Covers culture and the arts from Almaty.
  photo: /images/aigerim.jpg
  url: https://aigerim.example/
  sameAs:
    - https://x.com/aigerim
    - https://www.linkedin.com/in/aigerim
`;

const FILES = {
  'site.config.ts': `export default { title: 'Steppe Times', baseUrl: 'https://example.org/news/', pageSize: 1 };\n`,
  'content/authors.yaml': AUTHORS_YAML,
  'static/images/aigerim.jpg': 'not really a photo',
  'content/2025/12/concert.md': article({ title: 'Concert in Vienna', date: '2025-12-18 10:00', topic: 'Culture', author: 'Aigerim Sultanova' }),
  // Spelled in lower case here, and written with a colleague who has no entry in the authors file.
  'content/2025/12/cinema.md': article({ title: 'Days of cinema', date: '2025-12-17', topic: 'Culture', author: '[aigerim sultanova, Daniyar Bekov]' }),
  'content/2025/12/holiday.md': article({ title: 'Independence Day', date: '2025-12-16', topic: 'Society', source: 'Qazinform News Agency' }),
};

type Thing = { '@type': string; [field: string]: unknown };
const jsonLd = ($: ReturnType<Awaited<ReturnType<typeof buildInMemory>>['page']>): Thing[] =>
  $('script[type="application/ld+json"]').map((_, s) => JSON.parse($(s).text()) as Thing).get();

describe('a byline', () => {
  it('links each author to their page, on the article and on its card in lists', async () => {
    const site = await buildInMemory(FILES, { now: NOW });
    expect(site.problems).toEqual([]);
    const $ = site.page('/2025/12/17/days-of-cinema/');
    const byline = $('.article-header .meta a[rel="author"]');
    expect(byline.map((_, a) => `${$(a).text()} ${$(a).attr('href')}`).get()).toEqual([
      'aigerim sultanova /news/authors/aigerim-sultanova/',
      'Daniyar Bekov /news/authors/daniyar-bekov/',
    ]);
    expect($('.article-header .meta').text()).toContain('By aigerim sultanova and Daniyar Bekov');
    // One article a page, three articles: the home's page 2 (of two numbered from the oldest) shows the middle one.
    const home = site.page('/page/2/');
    expect(home('.card a[rel="author"]').map((_, a) => home(a).attr('href')).get()).toEqual(['/news/authors/aigerim-sultanova/', '/news/authors/daniyar-bekov/']);
  });

  it('credits each author as a Person with their author page in the NewsArticle JSON-LD', async () => {
    const site = await buildInMemory(FILES, { now: NOW });
    const news = jsonLd(site.page('/2025/12/17/days-of-cinema/')).find((data) => data['@type'] === 'NewsArticle');
    expect(news?.author).toEqual([
      { '@type': 'Person', name: 'Aigerim Sultanova', url: PAGE, sameAs: ['https://aigerim.example/', 'https://x.com/aigerim', 'https://www.linkedin.com/in/aigerim'] },
      { '@type': 'Person', name: 'Daniyar Bekov', url: 'https://example.org/news/authors/daniyar-bekov/' },
    ]);
  });

  it('is absent without an author: the agency is credited as before, as an Organization', async () => {
    const site = await buildInMemory(FILES, { now: NOW });
    const $ = site.page('/2025/12/16/independence-day/');
    expect($('a[rel="author"]')).toHaveLength(0);
    expect($('.article-header .meta').text()).not.toContain('By');
    expect(jsonLd($).find((data) => data['@type'] === 'NewsArticle')?.author).toEqual([{ '@type': 'Organization', name: 'Qazinform News Agency' }]);
  });
});

describe('an author page', () => {
  it('shows the authors file’s name, bio, photo and profile links, then their articles, newest first, paginated', async () => {
    const site = await buildInMemory(FILES, { now: NOW });
    const $ = site.page('/authors/aigerim-sultanova/');
    expect($('h1').text()).toBe('Aigerim Sultanova');
    expect($('.bio').text()).toBe('Covers culture and the arts from Almaty.');
    expect($('.author-photo').attr('src')).toBe('/news/images/aigerim.jpg');
    expect($('.profile-links a').map((_, a) => `${$(a).text()} ${$(a).attr('href')}`).get()).toEqual([
      'Website https://aigerim.example/',
      'x.com https://x.com/aigerim',
      'linkedin.com https://www.linkedin.com/in/aigerim',
    ]);
    expect($('.count').text()).toBe('2 articles');
    expect($('.article-list h2').text()).toBe('Concert in Vienna');
    expect($('link[rel="next"]').attr('href')).toBe('/news/authors/aigerim-sultanova/page/1/');
    expect(site.page('/authors/aigerim-sultanova/page/1/')('.article-list h2').text()).toBe('Days of cinema');
  });

  it('is a ProfilePage whose Person has the page’s URL, the profiles, the photo and the bio', async () => {
    const site = await buildInMemory(FILES, { now: NOW });
    const profile = jsonLd(site.page('/authors/aigerim-sultanova/')).find((data) => data['@type'] === 'ProfilePage');
    expect(profile).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: PAGE,
      mainEntity: {
        '@type': 'Person',
        name: 'Aigerim Sultanova',
        url: PAGE,
        sameAs: ['https://aigerim.example/', 'https://x.com/aigerim', 'https://www.linkedin.com/in/aigerim'],
        image: 'https://example.org/news/images/aigerim.jpg',
        description: 'Covers culture and the arts from Almaty.',
      },
    });
  });

  it('of an author the file does not list carries the name alone', async () => {
    const site = await buildInMemory(FILES, { now: NOW });
    const $ = site.page('/authors/daniyar-bekov/');
    expect($('h1').text()).toBe('Daniyar Bekov');
    expect($('.author-profile')).toHaveLength(0);
    expect($('.count').text()).toBe('1 article');
  });

  it('has RSS, Atom and JSON feeds of the author’s articles, linked from the page', async () => {
    const site = await buildInMemory(FILES, { now: NOW });
    const $ = site.page('/authors/aigerim-sultanova/');
    const links = $('link[rel="alternate"]').map((_, l) => $(l).attr('href')).get();
    expect(links).toEqual(expect.arrayContaining(['/news/authors/aigerim-sultanova/feed.xml', '/news/authors/aigerim-sultanova/atom.xml', '/news/authors/aigerim-sultanova/feed.json']));
    for (const file of ['feed.xml', 'atom.xml']) {
      const feed = parseFeed(site.outputs.get(`authors/aigerim-sultanova/${file}`)!);
      expect(feed.title, file).toBe('Aigerim Sultanova – Steppe Times');
      expect(feed.items.map((item) => item.title), file).toEqual(['Concert in Vienna', 'Days of cinema']);
    }
    const json = JSON.parse(site.outputs.get('authors/aigerim-sultanova/feed.json')!) as { title: string; items: Array<{ title: string }> };
    expect([json.title, json.items.map((item) => item.title)]).toEqual(['Aigerim Sultanova – Steppe Times', ['Concert in Vienna', 'Days of cinema']]);
  });
});

describe('the authors index', () => {
  it('lists every author of a published article, by name, with counts', async () => {
    const site = await buildInMemory(FILES, { now: NOW });
    const $ = site.page('/authors/');
    expect($('h1').text()).toBe('Authors');
    expect($('.term-list li').map((_, li) => $(li).text().replace(/\s+/g, ' ')).get()).toEqual(['Aigerim Sultanova 2 articles', 'Daniyar Bekov 1 article']);
  });
});

describe('a site with authors', () => {
  it('has valid HTML and no broken links on any page', async () => {
    const site = await buildInMemory(FILES, { now: NOW });
    expect(await htmlProblems(site.outputs)).toEqual([]);
    expect(brokenLinks(site.outputs, '/news/')).toEqual([]);
  });

  it('without an authors file still has author pages, names only', async () => {
    const { 'content/authors.yaml': _file, ...withoutFile } = FILES;
    const site = await buildInMemory(withoutFile, { now: NOW });
    expect(site.problems).toEqual([]);
    expect(site.page('/authors/aigerim-sultanova/')('h1').text()).toBe('Aigerim Sultanova');
    const news = jsonLd(site.page('/2025/12/18/concert-in-vienna/')).find((data) => data['@type'] === 'NewsArticle');
    expect(news?.author).toEqual([{ '@type': 'Person', name: 'Aigerim Sultanova', url: PAGE }]);
  });
});
