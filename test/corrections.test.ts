// Corrections and updates as readers see them: a labelled notice atop the article, schema.org
// CorrectionComments in its JSON-LD, and "Updated" on the article's card in every list.

import { describe, expect, it } from 'vitest';
import { buildInMemory } from './helpers/memory-site.js';
import { article } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');

const CORRECTED = [
  '---',
  'title: Concert in Vienna',
  'date: 2025-12-17',
  'updated: 2025-12-19 09:30',
  'topic: Culture',
  'corrections:',
  '  - date: 2025-12-18',
  '    text: An earlier version gave the wrong venue <b>church</b>.',
  '  - date: 2025-12-19 09:30',
  '    text: The orchestra is the Kazakh State Symphony Orchestra.',
  '---',
  '',
  'The concert took place in the Minorite Church.',
  '',
].join('\n');

const FILES = {
  'site.config.ts': `export default { title: 'Steppe Times', baseUrl: 'https://example.org/' };\n`,
  'content/2025/12/concert.md': CORRECTED,
  'content/2025/12/plain.md': article({ title: 'Plain', date: '2025-12-16', topic: 'Culture' }),
};

type JsonLd = { '@type': string; correction?: Array<{ '@type': string; datePublished: string; text: string }> };

describe('an article with corrections', () => {
  it('shows them in a labelled notice before the text, each with its date as written', async () => {
    const site = await buildInMemory(FILES, { now: NOW });
    expect(site.problems).toEqual([]);
    const $ = site.page('/2025/12/17/concert-in-vienna/');
    const notice = $('article .corrections');
    expect(notice).toHaveLength(1);
    // Labelled by its heading, so screen readers announce it as a region.
    expect($(`#${notice.attr('aria-labelledby')}`).text()).toBe('Corrections');
    expect(notice.find('li').map((_, li) => $(li).text()).get()).toEqual([
      'December 18, 2025: An earlier version gave the wrong venue <b>church</b>.',
      expect.stringMatching(/^December 19, 2025 at 9:30\sAM: The orchestra is the Kazakh State Symphony Orchestra\.$/),
    ]);
    // The text is the author's, escaped: no element from it.
    expect(notice.find('b')).toHaveLength(0);
    expect(notice.find('time').first().attr('datetime')).toBe('2025-12-18');
    // Before the body.
    expect($('article').children().index(notice)).toBeLessThan($('article').children().index($('.article-body')));
  });

  it('lists them in its NewsArticle JSON-LD as CorrectionComments with full timestamps', async () => {
    const site = await buildInMemory(FILES, { now: NOW });
    const $ = site.page('/2025/12/17/concert-in-vienna/');
    const data = $('script[type="application/ld+json"]').map((_, s) => JSON.parse($(s).text()) as JsonLd).get();
    expect(data.find((d) => d['@type'] === 'NewsArticle')?.correction).toEqual([
      { '@type': 'CorrectionComment', datePublished: '2025-12-18T00:00:00+05:00', text: 'An earlier version gave the wrong venue <b>church</b>.' },
      { '@type': 'CorrectionComment', datePublished: '2025-12-19T09:30:00+05:00', text: 'The orchestra is the Kazakh State Symphony Orchestra.' },
    ]);
  });

  it('that has one says "Correction"; an article without has no notice and no correction in JSON-LD', async () => {
    const one = CORRECTED.replace(/  - date: 2025-12-19 09:30\n.*\n/, '');
    const site = await buildInMemory({ ...FILES, 'content/2025/12/concert.md': one }, { now: NOW });
    expect(site.page('/2025/12/17/concert-in-vienna/')('.corrections h2').text()).toBe('Correction');
    const plain = site.page('/2025/12/16/plain/');
    expect(plain('.corrections')).toHaveLength(0);
    const data = plain('script[type="application/ld+json"]').map((_, s) => JSON.parse(plain(s).text()) as JsonLd).get();
    expect(data.find((d) => d['@type'] === 'NewsArticle')).not.toHaveProperty('correction');
  });
});

describe('an updated article', () => {
  it('says "Updated" with the date on its card in lists, as on its page', async () => {
    const site = await buildInMemory(FILES, { now: NOW });
    for (const url of ['/', '/topics/culture/', '/2025/12/', '/2025/12/17/']) {
      const $ = site.page(url);
      // On the home page the newest articles are the lead and secondary stories, not cards: they say the same.
      const card = $('.card, .lead-story, .top-story').filter((_, c) => $(c).find('h2, h3').text() === 'Concert in Vienna');
      // (The lead names its topic above its headline, the others after the dates.)
      expect(card.find('.meta').text(), url).toMatch(/^December 17, 2025 · Updated December 19, 2025 at 9:30\sAM( · Culture)?$/);
      expect(card.find('time').eq(1).attr('datetime'), url).toBe('2025-12-19T09:30:00+05:00');
      // The card of an article never updated says nothing of it.
      expect($('.card').filter((_, c) => $(c).find('h2, h3').text() === 'Plain').text(), url).not.toContain('Updated');
    }
    expect(site.page('/2025/12/17/concert-in-vienna/')('.article-header .meta').text()).toMatch(/Updated December 19, 2025 at 9:30\sAM/);
  });
});
