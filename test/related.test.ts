// Related articles on an article page: the others sharing its tags or topic, best first, at most
// `related.count`, never itself or a draft; none (and no section) when nothing is shared.

import { describe, expect, it } from 'vitest';
import type { CheerioAPI } from 'cheerio';
import { buildFolderInMemory, buildInMemory } from './helpers/memory-site.js';
import { article, REPO } from './helpers/site.js';

const NOW = Date.parse('2026-01-10T12:00:00Z');
const CONFIG = "export default { title: 'Related Times', baseUrl: 'https://related.example/' };\n";

/** The titles the page's Related section links, in order. */
function relatedTitles($: CheerioAPI): string[] {
  return $('section.related li a').map((_, a) => $(a).text()).get();
}

function smallSite(config = CONFIG): Record<string, string> {
  return {
    'site.config.ts': config,
    // The article the tests look at: topic Transport, tags Almaty and Metro.
    'content/2025/12/metro.md': article({ title: 'Metro line opens', date: '2025-12-10 10:00', topic: 'Transport', tags: '[Almaty, Metro]' }),
    // Two shared tags, a month older (halved by recency): still above one shared tag a day away.
    'content/2025/12/both.md': article({ title: 'Both tags', date: '2025-11-10 10:00', topic: 'Society', tags: '[Almaty, Metro]' }),
    // One shared tag and the topic.
    'content/2025/12/tag-topic.md': article({ title: 'Tag and topic', date: '2025-12-09 10:00', topic: 'Transport', tags: '[Metro]' }),
    // One shared tag each, one day and nine days away: the nearer first.
    'content/2025/12/near.md': article({ title: 'Near tag', date: '2025-12-11 10:00', topic: 'Culture', tags: '[Almaty]' }),
    'content/2025/12/far.md': article({ title: 'Far tag', date: '2025-12-01 10:00', topic: 'Culture', tags: '[Almaty]' }),
    // The topic only, long ago: the weakest.
    'content/2025/12/topic.md': article({ title: 'Topic only', date: '2025-06-01 10:00', topic: 'Transport' }),
    // Shares everything, but a draft.
    'content/2025/12/draft.md': article({ title: 'Draft twin', date: '2025-12-10 11:00', topic: 'Transport', tags: '[Almaty, Metro]', draft: 'true' }),
    // Nothing in common with anything.
    'content/2025/12/alone.md': article({ title: 'Alone', date: '2025-12-05 10:00', topic: 'Weather', tags: '[Snow]' }),
  };
}

describe('related articles on an article page', () => {
  it('lists articles sharing its tags or topic, by score then nearness in time, at most four, never itself or a draft', async () => {
    const built = await buildInMemory(smallSite(), { now: NOW });
    expect(built.ok).toBe(true);
    const $ = built.page('/2025/12/10/metro-line-opens/');
    const section = $('section.related');
    expect(section.attr('aria-labelledby')).toBe('related-heading');
    expect($('#related-heading').is('h2')).toBe(true);
    expect($('#related-heading').text()).toBe('Related');
    expect(relatedTitles($)).toEqual(['Tag and topic', 'Both tags', 'Near tag', 'Far tag']);
    expect(section.find('li a').first().attr('href')).toBe('/2025/12/09/tag-and-topic/');
    expect(section.find('li time').first().attr('datetime')).toBe('2025-12-09T10:00:00+05:00');
    expect(section.find('li time').first().text()).toContain('December 9, 2025');
  });

  it('shows no Related section on an article with nothing in common', async () => {
    const built = await buildInMemory(smallSite(), { now: NOW });
    const $ = built.page('/2025/12/05/alone/');
    expect($('section.related')).toHaveLength(0);
    expect($('h2').map((_, h) => $(h).text()).get()).not.toContain('Related');
  });

  it('follows the related options: count 0 turns it off, a threshold leaves out the topic-only matches', async () => {
    const off = await buildInMemory(smallSite("export default { title: 'T', baseUrl: 'https://related.example/', related: { count: 0 } };\n"), { now: NOW });
    expect(off.page('/2025/12/10/metro-line-opens/')('section.related')).toHaveLength(0);

    const strict = await buildInMemory(smallSite("export default { title: 'T', baseUrl: 'https://related.example/', related: { count: 10, threshold: 1 } };\n"), { now: NOW });
    // Above 1: two shared tags, or a tag and the topic.
    expect(relatedTitles(strict.page('/2025/12/10/metro-line-opens/'))).toEqual(['Tag and topic', 'Both tags']);
  });

  it('examines only the candidatesPerTerm articles nearest in time in each tag, however large the tag', async () => {
    const files: Record<string, string> = { 'site.config.ts': "export default { title: 'T', baseUrl: 'https://related.example/', related: { candidatesPerTerm: 2 } };\n" };
    // Six articles a day apart on one tag; the oldest shares a second tag with the newest.
    for (let day = 1; day <= 6; day++) {
      const tags = day === 1 || day === 6 ? '[Common, Pair]' : '[Common]';
      files[`content/2025/12/d${day}.md`] = article({ title: `Day ${day}`, date: `2025-12-0${day} 10:00`, topic: `Topic ${day}`, tags });
    }
    const built = await buildInMemory(files, { now: NOW });
    // Day 6 sees its neighbour in Common and, through Pair (two articles: taken whole), day 1.
    expect(relatedTitles(built.page('/2025/12/06/day-6/'))).toEqual(['Day 1', 'Day 5']);
    // Day 3 sees only days 2 and 4, one place either side of it in Common.
    expect(relatedTitles(built.page('/2025/12/03/day-3/'))).toEqual(['Day 4', 'Day 2']);
  });

  it('rejects an unknown related option, naming it', async () => {
    const built = await buildInMemory(smallSite("export default { title: 'T', related: { size: 3 } };\n"), { now: NOW });
    expect(built.ok).toBe(false);
    expect(JSON.stringify(built.problems)).toContain('size');
  });
});

describe('related articles on the seed site', () => {
  it('the e-scooter article lists articles sharing its tags or its topic', async () => {
    const built = await buildFolderInMemory(REPO, { now: Date.parse('2026-01-01T00:00:00Z') });
    expect(built.ok).toBe(true);
    const $ = built.page('/2025/12/18/kazakhstan-introduces-official-insurance-and-registration-for-e-scooters/');
    const terms = (page: CheerioAPI) => [page('.kicker').text(), ...page('.tags a').map((_, a) => page(a).text()).get()];
    const own = terms($);
    expect(own).toEqual(['Transport', 'Kazakhstan', 'Senate']);
    const links = $('section.related li a').map((_, a) => $(a).attr('href')).get();
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(4);
    for (const href of links) {
      expect(href).not.toBe('/2025/12/18/kazakhstan-introduces-official-insurance-and-registration-for-e-scooters/');
      expect(terms(built.page(href)).some((term) => own.includes(term))).toBe(true);
    }
  });
});
