// The home's page 1 as a news front page: the lead, the secondary stories, a section per top topic,
// then "More news", with the articles' photos; later pages stay the plain list.

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CheerioAPI } from 'cheerio';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { buildFolderInMemory, buildInMemory } from './helpers/memory-site.js';
import { photo } from './helpers/photos.js';
import { article, makeSite, page, REPO } from './helpers/site.js';

const NOW = Date.parse('2026-01-10T12:00:00Z');

/**
 * Twelve articles, a0 (oldest) to a11 (newest), one a day: Politics has 6, Sport 4, Culture 2;
 * a11 is Politics.
 */
function newsroom(config = '', pageSize = 5): Record<string, string> {
  const files: Record<string, string> = { 'site.config.ts': `export default { title: 'Front Times', pageSize: ${pageSize}${config} };\n` };
  const topics = ['Culture', 'Politics', 'Sport', 'Politics', 'Sport', 'Politics', 'Culture', 'Politics', 'Sport', 'Politics', 'Sport', 'Politics'];
  topics.forEach((topic, i) => {
    const day = String(1 + i).padStart(2, '0');
    files[`content/2025/12/a${i}.md`] = article({ title: `Article ${i}`, date: `2025-12-${day} 09:00`, topic, summary: `Summary of article ${i}.` });
  });
  return files;
}

/** Every article title linked on the page's main part, in order (lead, secondary stories, sections, more news). */
function titles($: CheerioAPI): string[] {
  return $('main article :is(h2, h3) a').map((_, a) => $(a).text()).get();
}

/** Each front page section: its heading and its stories' titles. */
function sections($: CheerioAPI): { heading: string; href: string | undefined; stories: string[] }[] {
  return $('main section')
    .map((_, section) => ({
      heading: $(section).children('h2').text(),
      href: $(section).find('h2 a').attr('href'),
      stories: $(section).find('article h3').map((_, h3) => $(h3).text()).get(),
    }))
    .get();
}

describe('the front page', () => {
  it('leads with the newest article, with no visible heading above it: its title, summary, date and topic', async () => {
    const site = await buildInMemory(newsroom('', 12), { now: NOW });
    const $ = site.page('/');
    const lead = $('main .lead-story');
    expect(lead.find('h2').text()).toBe('Article 11');
    expect(lead.find('h2 a').attr('href')).toBe('/2025/12/12/article-11/');
    expect(lead.find('.summary').text()).toBe('Summary of article 11.');
    expect(lead.find('time').attr('datetime')).toMatch(/^2025-12-12T09:00/);
    expect(lead.find('.kicker a').text()).toBe('Politics');
    // One h1, for screen readers only; the first heading a reader sees is the lead's.
    expect($('h1')).toHaveLength(1);
    expect($('h1').hasClass('sr-only')).toBe(true);
    expect($('main :is(h1, h2, h3)').map((_, heading) => $(heading).text()).get().slice(0, 2)).toEqual(['Latest news', 'Article 11']);
  });

  it('gives the next newest articles more weight: frontPage.secondary of them (3 unless set) under the lead, with their summaries', async () => {
    const secondary = ($: CheerioAPI) =>
      $('main .secondary-stories > li .top-story')
        .map((_, story) => ({ title: $(story).find('h2').text(), summary: $(story).find('.summary').text() }))
        .get();
    const site = await buildInMemory(newsroom('', 12), { now: NOW });
    expect(secondary(site.page('/'))).toEqual([
      { title: 'Article 10', summary: 'Summary of article 10.' },
      { title: 'Article 9', summary: 'Summary of article 9.' },
      { title: 'Article 8', summary: 'Summary of article 8.' },
    ]);
    const two = await buildInMemory(newsroom(', frontPage: { secondary: 2 }', 12), { now: NOW });
    expect(secondary(two.page('/')).map((story) => story.title)).toEqual(['Article 10', 'Article 9']);
    const none = await buildInMemory(newsroom(', frontPage: { secondary: 0 }', 12), { now: NOW });
    expect(none.page('/')('main .secondary-stories')).toHaveLength(0);
  });

  it('has a section per largest topic, headed by a link to the topic page, with its latest stories not shown above; then the rest of the page', async () => {
    const site = await buildInMemory(newsroom(', frontPage: { perSection: 2 }', 12), { now: NOW });
    expect(sections(site.page('/'))).toEqual([
      { heading: 'Politics', href: '/topics/politics/', stories: ['Article 7', 'Article 5'] },
      { heading: 'Sport', href: '/topics/sport/', stories: ['Article 4', 'Article 2'] },
      { heading: 'Culture', href: '/topics/culture/', stories: ['Article 6', 'Article 0'] },
      { heading: 'More news', href: undefined, stories: ['Article 3', 'Article 1'] },
    ]);
  });

  it('shows every article of its page once', async () => {
    const site = await buildInMemory(newsroom('', 12), { now: NOW });
    const shown = titles(site.page('/'));
    expect(shown).toHaveLength(12);
    expect(new Set(shown)).toEqual(new Set(Array.from({ length: 12 }, (_, i) => `Article ${i}`)));
  });

  it('loses no article between it and the next pages', async () => {
    const site = await buildInMemory(newsroom(), { now: NOW });
    const listed = new Set(titles(site.page('/')));
    for (const [file] of site.outputs) {
      if (/^page\/\d+\/index\.html$/.test(file)) for (const title of titles(site.page(`/${file.replace(/index\.html$/, '')}`))) listed.add(title);
    }
    expect(listed.size).toBe(12);
  });

  it('config frontPage.sections chooses the topics and their order', async () => {
    const site = await buildInMemory(newsroom(", frontPage: { sections: ['Culture', 'sport'], perSection: 1, secondary: 2 }", 12), { now: NOW });
    expect(sections(site.page('/')).map((section) => [section.heading, section.stories])).toEqual([
      ['Culture', ['Article 6']],
      ['Sport', ['Article 8']],
      ['More news', ['Article 7', 'Article 5', 'Article 4', 'Article 3', 'Article 2', 'Article 1', 'Article 0']],
    ]);
  });

  it('leaves the numbered pages the plain list, pageSize articles each, page 1 the oldest', async () => {
    const site = await buildInMemory(newsroom(), { now: NOW });
    const $ = site.page('/page/1/');
    expect($('h1').text()).toBe('Latest news, page 1');
    expect($('main section, main .lead-story')).toHaveLength(0);
    expect($('main .article-list > li .card h2').map((_, h2) => $(h2).text()).get()).toEqual(['Article 4', 'Article 3', 'Article 2', 'Article 1', 'Article 0']);
    expect(site.outputs.has('page/2/index.html')).toBe(false);
  });

  it('an empty site says it has no articles yet', async () => {
    const site = await buildInMemory({ 'site.config.ts': "export default { title: 'Empty' };\n" }, { now: NOW });
    expect(site.page('/')('main .empty').text()).toBe('No articles yet.');
  });
});

describe('photos on the front page', () => {
  /**
   * Six articles, newest first: Medeu (the lead), Rink, Square and Hall with local photos, Remote
   * with a remote one, Plain with none. Built once for the tests below, which only read it.
   */
  let built: Promise<string> | undefined;
  const photoSite = () => (built ??= buildPhotoSite());
  async function buildPhotoSite(): Promise<string> {
    const story = (title: string, day: number, topic: string, image?: string) =>
      article({ title, date: `2025-12-${day} 09:00`, topic, ...(image ? { image, imageAlt: `${title} photo` } : {}) });
    const root = makeSite({
      'site.config.ts': "export default { title: 'Photo Times' };\n",
      'content/2025/12/medeu.md': story('Medeu', 18, 'Sport', 'medeu.jpg'),
      'content/2025/12/rink.md': story('Rink', 17, 'Sport', 'rink.jpg'),
      'content/2025/12/square.md': story('Square', 16, 'Politics', 'square.jpg'),
      'content/2025/12/hall.md': story('Hall', 15, 'Culture', 'hall.jpg'),
      'content/2025/12/remote.md': story('Remote', 14, 'Culture', 'https://example.org/remote.jpg'),
      'content/2025/12/plain.md': story('Plain', 13, 'Politics'),
      'content/2025/12/medeu.jpg': await photo(1600, 1000),
      'content/2025/12/rink.jpg': await photo(900, 600),
      'content/2025/12/square.jpg': await photo(900, 600),
      'content/2025/12/hall.jpg': await photo(900, 600),
    });
    await build({ root, now: NOW, threads: 1, cache: false });
    return root;
  }

  /** Each candidate of an image's srcsets (the <img>'s and its <source>s'): URL, type and stated width. */
  function candidates($: CheerioAPI, img: ReturnType<CheerioAPI>): { url: string; type: string | undefined; width: number }[] {
    return [...img.siblings('source').toArray(), img.get(0)!].flatMap((element) =>
      ($(element).attr('srcset') ?? '').split(', ').map((entry) => {
        const [url, width] = entry.split(' ') as [string, string];
        return { url, type: $(element).attr('type'), width: Number(width.slice(0, -1)) };
      }),
    );
  }

  it("shows the lead's photo cut to 16:9 in AVIF, WebP and JPEG, loaded first, each candidate a file of its stated size", async () => {
    const root = await photoSite();
    const $ = page(path.join(root, 'dist'), '/');
    const img = $('main .lead-story picture img');
    expect(img).toHaveLength(1);
    expect(img.attr('alt')).toBe('Medeu photo');
    expect(img.attr('fetchpriority')).toBe('high');
    expect(img.attr('loading')).toBeUndefined();
    expect(Number(img.attr('width')) / Number(img.attr('height'))).toBeCloseTo(16 / 9, 2);
    const all = candidates($, img);
    expect([...new Set(all.map((candidate) => candidate.type))]).toEqual(['image/avif', 'image/webp', undefined]);
    expect([...new Set(all.map((candidate) => candidate.width))]).toEqual([320, 640, 960, 1280]);
    for (const { url, width } of all) {
      const file = path.join(root, 'dist', url);
      expect(existsSync(file), url).toBe(true);
      const meta = await sharp(file).metadata();
      expect([meta.width, meta.height], url).toEqual([width, Math.round((width * 9) / 16)]);
    }
  });

  it('shows the other stories\' photos lazily, sized, and none for an article without a local photo; topic pages show none', async () => {
    const root = await photoSite();
    const $ = page(path.join(root, 'dist'), '/');
    const others = $('main img').not('.lead-story img');
    // Rink, Square and Hall: the secondary stories; Remote and Plain show none.
    expect(others.map((_, img) => $(img).attr('alt')).get()).toEqual(['Rink photo', 'Square photo', 'Hall photo']);
    others.each((_, img) => {
      expect($(img).attr('loading')).toBe('lazy');
      expect(Number($(img).attr('width')) / Number($(img).attr('height'))).toBeCloseTo(16 / 9, 2);
    });
    for (const title of ['Remote', 'Plain']) {
      const story = $('main article').filter((_, element) => $(element).find(':is(h2, h3)').first().text() === title);
      expect(story, title).toHaveLength(1);
      expect(story.find('img'), title).toHaveLength(0);
    }
    expect(page(path.join(root, 'dist'), '/topics/sport/')('main img')).toHaveLength(0);
  });
});

describe('the seed site front page', () => {
  it('has a lead and at least one section, and stays under 50 KB', async () => {
    const site = await buildFolderInMemory(REPO, { now: NOW });
    const $ = site.page('/');
    expect($('main .lead-story h2').text()).not.toBe('');
    expect($('main section.front-section').length).toBeGreaterThanOrEqual(1);
    expect(Buffer.byteLength(site.outputs.get('index.html')!)).toBeLessThan(50_000);
  });
});
