// The home's page 1 as a news front page: the lead, a section per top topic, then "More news";
// later pages stay the plain list.

import type { CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { buildFolderInMemory, buildInMemory } from './helpers/memory-site.js';
import { article, REPO } from './helpers/site.js';

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

/** Every article title linked on the page's main part, in order (lead, sections, more news). */
function titles($: CheerioAPI): string[] {
  return $('main article h2 a, main article h3 a').map((_, a) => $(a).text()).get();
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
  it('leads with the newest article: its title, summary, date and topic', async () => {
    const site = await buildInMemory(newsroom(), { now: NOW });
    const $ = site.page('/');
    const lead = $('main .lead-story');
    expect(lead.find('h2').text()).toBe('Article 11');
    expect(lead.find('h2 a').attr('href')).toBe('/2025/12/12/article-11/');
    expect(lead.find('.summary').text()).toBe('Summary of article 11.');
    expect(lead.find('time').attr('datetime')).toMatch(/^2025-12-12T09:00/);
    expect(lead.find('.meta a').first().text()).toBe('Politics');
    expect($('h1')).toHaveLength(1);
  });

  it('has a section per largest topic, headed by a link to the topic page, with its latest stories but not the lead; then the rest of the latest pageSize', async () => {
    const site = await buildInMemory(newsroom(', frontPage: { perSection: 2 }', 8), { now: NOW });
    expect(sections(site.page('/'))).toEqual([
      { heading: 'Politics', href: '/topics/politics/', stories: ['Article 9', 'Article 7'] },
      { heading: 'Sport', href: '/topics/sport/', stories: ['Article 10', 'Article 8'] },
      { heading: 'Culture', href: '/topics/culture/', stories: ['Article 6', 'Article 0'] },
      { heading: 'More news', href: undefined, stories: ['Article 5', 'Article 4'] },
    ]);
  });

  it('shows no article twice', async () => {
    const site = await buildInMemory(newsroom(), { now: NOW });
    const shown = titles(site.page('/'));
    expect(shown.length).toBeGreaterThan(5);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('config frontPage.sections chooses the topics and their order', async () => {
    const site = await buildInMemory(newsroom(", frontPage: { sections: ['Culture', 'sport'], perSection: 1 }"), { now: NOW });
    expect(sections(site.page('/')).map((section) => [section.heading, section.stories])).toEqual([
      ['Culture', ['Article 6']],
      ['Sport', ['Article 10']],
      ['More news', ['Article 9', 'Article 8', 'Article 7']],
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

describe('the seed site front page', () => {
  it('has a lead and at least one section, and stays under 50 KB', async () => {
    const site = await buildFolderInMemory(REPO, { now: NOW });
    const $ = site.page('/');
    expect($('main .lead-story h2').text()).not.toBe('');
    expect($('main section.front-section').length).toBeGreaterThanOrEqual(1);
    expect(Buffer.byteLength(site.outputs.get('index.html')!)).toBeLessThan(50_000);
  });
});
