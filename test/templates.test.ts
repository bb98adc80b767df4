// The default theme and template overrides.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectArticles } from '../src/render/collect.js';
import { build } from '../src/build.js';
import { ArticleCache } from '../src/render/cache.js';
import { loadConfig } from '../src/config.js';
import { OutputManifest } from '../src/write/manifest.js';
import { buildSite } from '../src/model/site.js';
import { noProgress } from '../src/report.js';
import { planPages } from '../src/pages/index.js';
import { createTemplates, PAGE_TEMPLATES } from '../src/pages/templates.js';
import { WorkerPool } from '../src/workers/pool.js';
import { MemoryWriter } from '../src/write/memory-writer.js';
import { outputContext } from '../src/write/context.js';
import { writePages } from '../src/write/pages.js';
import { article, makeSite, page } from './helpers/site.js';

const FILES = {
  'site.config.ts': `export default { title: 'T', pageSize: 1 };\n`,
  'content/a.md': article({ title: 'Full', date: '2025-12-18 10:00', updated: '2025-12-19', topic: 'Culture', tags: '[A, B]', source: 'Agency', author: 'Someone', image: '/i.jpg', imageAlt: 'Alt' }),
  'content/b.md': article({ title: 'Bare', date: '2025-12-17' }),
};

describe('the default theme', () => {
  it('never tests a value that is undefined (it would be slow, and an error without lenientIf)', async () => {
    const root = makeSite(FILES);
    const config = await loadConfig(root);
    const cache = await ArticleCache.open(config.cachePath, false);
    const collected = await collectArticles(config, cache, { pool: new WorkerPool(1), progress: noProgress });
    const { site } = buildSite(collected.articles, { now: Date.parse('2026-01-01'), drafts: false, future: false, expired: false });
    const { templates, problems } = createTemplates(config, PAGE_TEMPLATES, { lenientIf: false });
    expect(problems).toEqual([]);
    const writer = new MemoryWriter();
    const context = outputContext({ config, site, index: new Map(), templates, cache, manifest: OutputManifest.none(), writer, now: 0, progress: noProgress });
    const result = await writePages({ ...context, bodyOf: async () => '<p>x</p>' }, () => planPages(site, config));
    expect(result.problems).toEqual([]);
    expect(writer.files.size).toBeGreaterThan(15);
    await cache.dispose();
  });
});

describe('a site template', () => {
  it('overrides the default one of the same name, and only that one', async () => {
    const root = makeSite({
      ...FILES,
      'templates/partials/article-list.liquid': '<ul class="mine">{% for item in articles %}<li>{{ item.title }}</li>{% endfor %}</ul>',
    });
    await build({ root, now: Date.parse('2026-01-01') });
    const $ = page(path.join(root, 'dist'), '/');
    expect($('ul.mine li').text()).toBe('Full');
    expect($('header.site-header')).toHaveLength(1);
    expect($('.article-list')).toHaveLength(0);
  });
});
