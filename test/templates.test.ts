// The default theme and template overrides.

import { describe, expect, it, vi } from 'vitest';
import { photo } from './helpers/photos.js';
import { article } from './helpers/site.js';
import { buildInMemory } from './helpers/memory-site.js';

// LiquidJS's lenientIf lets `{% if x %}` test an undefined x under strictVariables. Builds keep it
// on; one test turns it off, so that any such test in the default theme fails the build.
const liquid = vi.hoisted(() => ({ lenientIf: true }));
vi.mock('../src/pages/templates.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/pages/templates.js')>();
  return {
    ...original,
    createTemplates: (...[config, names, options]: Parameters<typeof original.createTemplates>) =>
      original.createTemplates(config, names, { ...options, lenientIf: liquid.lenientIf }),
  };
});

const NOW = Date.parse('2026-01-01');
const FILES = {
  'site.config.ts': `export default { title: 'T', pageSize: 1 };\n`,
  'content/a.md': article({ title: 'Full', date: '2025-12-18 10:00', updated: '2025-12-19', topic: 'Culture', tags: '[A, B]', source: 'Agency', author: 'Someone', image: 'i.jpg', imageAlt: 'Alt', imageCaption: 'Caption', imageCredit: 'Credit', imageFocus: '0.3,0.4' }, 'Body with ![a photo](i.jpg "Title").'),
  'content/i.jpg': await photo(600, 400),
  'content/b.md': article({ title: 'Bare', date: '2025-12-17' }),
};

describe('the default theme', () => {
  it('never tests a value that is undefined (it would be slow, and an error without lenientIf)', async () => {
    liquid.lenientIf = false;
    try {
      // The control: with lenientIf off, a template that tests an undefined value fails the build.
      const control = await buildInMemory({ ...FILES, 'templates/partials/breadcrumbs.liquid': '{% if page.nothing %}x{% endif %}' }, { now: NOW });
      expect(control.problems.map((p) => `${p.file}:${p.line} ${p.code}`)).toContain('templates/partials/breadcrumbs.liquid:1 template-render');
      // One article with every optional field, one with none: each template meets both.
      const site = await buildInMemory(FILES, { now: NOW });
      expect(site.problems).toEqual([]);
      expect(site.ok).toBe(true);
      expect(site.page('/2025/12/18/full/')('h1').text()).toBe('Full');
      expect(site.page('/2025/12/17/bare/')('h1').text()).toBe('Bare');
      for (const url of ['/', '/page/1/', '/topics/culture/', '/tags/a/', '/authors/', '/authors/someone/', '/2025/', '/2025/12/', '/2025/12/18/', '/archive/', '/404.html']) {
        expect(site.page(url)('h1'), url).toHaveLength(1);
      }
    } finally {
      liquid.lenientIf = true;
    }
  });
});

describe('a site template', () => {
  it('overrides the default one of the same name, and only that one', async () => {
    const site = await buildInMemory(
      { ...FILES, 'templates/partials/article-list.liquid': '<ul class="mine">{% for item in articles %}<li>{{ item.title }}</li>{% endfor %}</ul>' },
      { now: NOW },
    );
    // The first page is the front page, which has no plain list: page 1 (the oldest) is.
    const $ = site.page('/page/1/');
    expect($('ul.mine li').text()).toBe('Bare');
    expect($('header.site-header')).toHaveLength(1);
    expect($('.article-list')).toHaveLength(0);
  });
});
