// The theme's languages in chromium: a page in a right-to-left language has dir="rtl" and its
// layout is the mirror of a left-to-right page's (what starts a line is on the right), and the
// search page writes its count of results in the page's language, with that language's forms.

import path from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { serveFolders, useChromium, type StaticServer } from './helpers/browser.js';
import { buildInMemory } from './helpers/memory-site.js';
import { article, makeSite } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const ORIGIN = 'http://site.test';

const browser = useChromium();

describe('a page in a right-to-left language', () => {
  let outputs: Map<string, string>;
  const RTL = '/2025/12/18/almaty-news/';
  // English is not the default language here: its pages are under /en/.
  const LTR = '/en/2025/12/17/astana-news/';

  beforeAll(async () => {
    // Arabic pages with the theme's English texts (the site has no Arabic table), and one English article.
    const site = await buildInMemory({
      'site.config.ts': `export default { title: 'Steppe', baseUrl: '${ORIGIN}/', languages: { ar: { direction: 'rtl' }, en: {} }, defaultLanguage: 'ar' };\n`,
      'content/2025/12/a.md': article({ title: 'Almaty news', date: '2025-12-18', topic: 'Cities', corrections: '[{date: 2025-12-19, text: A name was misspelled.}]' }),
      'content/2025/12/b.md': article({ title: 'Astana news', date: '2025-12-17', topic: 'Cities', lang: 'en', corrections: '[{date: 2025-12-19, text: A date was wrong.}]' }),
    }, { now: NOW });
    expect(site.ok).toBe(true);
    expect(site.warnings.map((warning) => warning.code)).toEqual(['i18n-missing']);
    outputs = site.outputs;
    expect(site.page(RTL)('html').attr('dir')).toBe('rtl');
    expect(site.page(LTR)('html').attr('dir')).toBeUndefined();
  });

  /** A page of the built site, served from memory as a static host would. */
  async function open(url: string): Promise<Page> {
    const page = await browser().newPage({ viewport: { width: 1024, height: 768 } });
    await page.route(`${ORIGIN}/**`, async (route) => {
      const pathname = new URL(route.request().url()).pathname.slice(1);
      const file = pathname === '' || pathname.endsWith('/') ? `${pathname}index.html` : pathname;
      const body = outputs.get(file);
      const type = file.endsWith('.css') ? 'text/css' : file.endsWith('.html') ? 'text/html' : 'application/octet-stream';
      await (body === undefined ? route.fulfill({ status: 404, body: '' }) : route.fulfill({ status: 200, contentType: type, body }));
    });
    await page.goto(`${ORIGIN}${url}`);
    return page;
  }

  /** Where things are on a page: the crumbs' left edges, the site title's and the corrections' sides. */
  async function layout(url: string) {
    const page = await open(url);
    const crumbs = await Promise.all((await page.locator('.breadcrumbs li').all()).map(async (crumb) => (await crumb.boundingBox())!.x));
    const title = (await page.locator('.site-title').boundingBox())!;
    const rule = await page.locator('.corrections').evaluate((element) => {
      const style = (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(element);
      return { left: style.borderLeftWidth, right: style.borderRightWidth };
    });
    await page.keyboard.press('Tab');
    const skip = (await page.locator('.skip-link').boundingBox())!;
    await page.close();
    return { crumbs, title, rule, skip };
  }

  it('reads from the right: crumbs run leftwards, the title and the focused skip link sit on the right, rules stand on the right', async () => {
    const width = 1024;
    const rtl = await layout(RTL);
    expect(rtl.crumbs.length).toBe(3);
    expect(rtl.crumbs[0]).toBeGreaterThan(rtl.crumbs[1]!);
    expect(rtl.crumbs[1]).toBeGreaterThan(rtl.crumbs[2]!);
    expect(rtl.title.x).toBeGreaterThan(width / 2);
    expect(rtl.skip.x).toBeGreaterThan(width / 2);
    expect(rtl.rule).toEqual({ left: '0px', right: '4px' });
  });

  it('is the mirror of a page in a left-to-right language of the same site', async () => {
    const width = 1024;
    const ltr = await layout(LTR);
    expect(ltr.crumbs[0]).toBeLessThan(ltr.crumbs[1]!);
    expect(ltr.title.x + ltr.title.width).toBeLessThan(width / 2);
    expect(ltr.skip.x).toBeLessThan(width / 2);
    expect(ltr.rule).toEqual({ left: '4px', right: '0px' });
  });
});

describe('the search page of a Russian site', () => {
  let server: StaticServer;

  beforeAll(async () => {
    const root = makeSite({
      'site.config.ts': "export default { title: 'Степь', language: 'ru', baseUrl: 'http://127.0.0.1/' };\n",
      'content/2025/12/a.md': article({ title: 'Метро в Алматы', date: '2025-12-18', topic: 'Город' }, 'В Алматы открыли новую станцию метро.'),
      'content/2025/12/b.md': article({ title: 'Самокаты в Алматы', date: '2025-12-17', topic: 'Город' }, 'В Алматы ввели правила для самокатов.'),
      'content/2025/12/c.md': article({ title: 'Снег в Астане', date: '2025-12-16', topic: 'Погода' }, 'В Астане выпал снег.'),
    });
    await build({ root, now: NOW, threads: 1 });
    server = await serveFolders({ '': path.join(root, 'dist') });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('counts what it found in Russian: найдены 2 статьи, найдена 1 статья, ничего не найдено', async () => {
    const tab = await browser().newPage();
    const status = tab.locator('.search-status');
    await tab.goto(`${server.origin}/search/?q=${encodeURIComponent('Алматы')}`);
    await expect.poll(() => status.textContent()).toBe('По запросу «Алматы» найдены 2 статьи.');
    await tab.fill('#search-q', 'снег');
    await tab.press('#search-q', 'Enter');
    await expect.poll(() => status.textContent()).toBe('По запросу «снег» найдена 1 статья.');
    await tab.fill('#search-q', 'дирижабль');
    await tab.press('#search-q', 'Enter');
    await expect.poll(() => status.textContent()).toBe('По запросу «дирижабль» ничего не найдено.');
    expect(await tab.locator('label[for="search-q"]').textContent()).toBe('Что найти');
    await tab.close();
  });
});
