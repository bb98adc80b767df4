// Search: the Pagefind index a build writes (one bundle per year), what it holds and leaves out,
// what a warm build keeps, and the search page working in Debian's chromium under a sub-path,
// with its filters, and without JavaScript.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type Browser } from 'playwright-core';
import { launchChromium } from '../scripts/chromium.js';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { buildInMemory } from './helpers/memory-site.js';
import { snapshot } from './helpers/output.js';
import { article, makeSite, page, runCli, seedCopy, writeFiles } from './helpers/site.js';

const NOW = Date.parse('2026-01-10T00:00:00Z');

/** A small site over two years, with one article of each kind that must never be found. */
function newsSite(config = `export default { title: 'Steppe Times' };\n`): string {
  return makeSite({
    'site.config.ts': config,
    'content/2025/12/scooter.md': article({ title: 'Almaty bans rented e-scooters on pavements', date: '2025-12-17', topic: 'Cities', tags: '[Almaty, Transport]' }, 'Riders of rented scooters must keep to the road from Monday.\n\n## Fines\n\nA first offence costs 20,000 tenge.'),
    'content/2025/12/budget.md': article({ title: 'Parliament passes the 2026 budget', date: '2025-12-18 19:20', topic: 'Politics' }, 'The budget grows by a tenth; roads and schools gain most.'),
    'content/2024/06/metro.md': article({ title: 'Metro line reaches the airport', date: '2024-06-02', topic: 'Cities' }, 'Trains now run every six minutes; the roads to the airport are quieter.'),
    'content/2025/12/draft.md': article({ title: 'Draft about zeppelins', date: '2025-12-16', topic: 'Cities', draft: 'true' }, 'Zeppelins return.'),
    'content/2026/02/later.md': article({ title: 'Scheduled piece on hovercraft', date: '2026-02-01', topic: 'Cities' }, 'Hovercraft everywhere.'),
    'content/2025/11/gone.md': article({ title: 'Expired notice on monorails', date: '2025-11-01', expires: '2025-12-01', topic: 'Cities' }, 'Monorails closed.'),
  });
}

/** The URLs a bundle's fragments hold: what a search can find. Fragments are gzip, then "pagefind_dcd" and JSON. */
function indexedUrls(dist: string): string[] {
  const urls: string[] = [];
  const root = path.join(dist, 'pagefind');
  for (const period of readdirSync(root).filter((name) => /^\d{4}(-\d{2})?$/.test(name))) {
    const folder = path.join(root, period, 'fragment');
    for (const file of readdirSync(folder)) {
      const text = gunzipSync(readFileSync(path.join(folder, file))).toString('utf8');
      urls.push((JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url);
    }
  }
  return urls.sort();
}

describe('the search index', () => {
  it('holds each published article in its period’s bundle (the newest year by month, earlier years whole), and never a draft, scheduled or expired one, even when the build shows them', async () => {
    const root = newsSite();
    await build({ root, now: NOW, drafts: true, future: true, expired: true, threads: 1 });
    const dist = path.join(root, 'dist');
    expect(JSON.parse(readFileSync(path.join(dist, 'pagefind/shards.json'), 'utf8'))).toEqual({ shards: ['2025-12', '2024'] });
    expect(indexedUrls(dist)).toEqual(['/2024/06/02/metro-line-reaches-the-airport/', '/2025/12/17/almaty-bans-rented-e-scooters-on-pavements/', '/2025/12/18/parliament-passes-the-2026-budget/']);
    // The drafts are on the site (--drafts) but not in the index.
    expect(page(dist, '/2025/12/16/draft-about-zeppelins/')('h1').text()).toBe('Draft about zeppelins');
    // Only the bundle's runtime files: not Pagefind's own UIs.
    expect(readdirSync(path.join(dist, 'pagefind/2025-12')).filter((name) => name.includes('ui'))).toEqual([]);
  });

  it('keeps a period’s bundle untouched while its articles are, and indexes only the period an edit is in (a month of the newest year, or an earlier year)', async () => {
    const root = newsSite();
    await build({ root, now: NOW, threads: 1 });
    const dist = path.join(root, 'dist');
    const entry = (period: string) => path.join(dist, 'pagefind', period, 'pagefind-entry.json');
    const mtimes = () => ({ 2024: statSync(entry('2024')).mtimeMs, 2025: statSync(entry('2025-12')).mtimeMs });
    const before = mtimes();
    const warm = await build({ root, now: NOW, threads: 1 });
    expect(mtimes()).toEqual(before);
    expect(warm.stats.written).toBe(0);

    writeFiles(root, { 'content/2025/12/budget.md': article({ title: 'Parliament passes the 2026 budget', date: '2025-12-18 19:20', topic: 'Politics' }, 'Amended: the budget grows by a fifth.') });
    await build({ root, now: NOW, threads: 1 });
    const after = mtimes();
    expect(after[2024]).toBe(before[2024]);
    expect(after[2025]).not.toBe(before[2025]);
    // The new bundle replaced the old one whole: no stale index files are left behind.
    const meta = readdirSync(path.join(dist, 'pagefind/2025-12')).filter((name) => name.endsWith('.pf_meta'));
    expect(meta).toHaveLength(1);
  });

  it('puts a search box in every page’s header, a plain form to /search/ under the base path, and loads no script but on /search/', async () => {
    const site = await buildInMemory({
      'site.config.ts': `export default { title: 'Steppe Times', baseUrl: 'https://example.org/news/' };\n`,
      'content/2025/12/a.md': article({ title: 'A story', date: '2025-12-17', topic: 'Cities', tags: '[Almaty]' }),
    }, { now: NOW });
    expect(site.ok).toBe(true);
    for (const url of ['/', '/2025/12/17/a-story/', '/topics/cities/', '/tags/almaty/', '/archive/', '/404.html']) {
      const $ = site.page(url);
      const form = $('header form[role="search"]');
      expect(form.attr('action'), url).toBe('/news/search/');
      expect(form.find('input[name="q"]').attr('id'), url).toBe('site-search-q');
      expect($(`label[for="site-search-q"]`).text(), url).toBe('Search the site');
      // JSON-LD is data, not a script the browser runs.
      expect($('script:not([type="application/ld+json"])').length, url).toBe(0);
    }
    const $ = site.page('/search/');
    expect($('header form[role="search"]').length).toBe(0);
    expect($('main form[role="search"]').attr('action')).toBe('/news/search/');
    expect($('script[type="module"]').attr('src')).toBe('/news/assets/search.js');
    expect($('noscript').text()).toContain('Search needs JavaScript');
  });

  it('a Pagefind that cannot run fails the build in one line saying what to do, and leaves dist/ as it was', async () => {
    const root = newsSite();
    await build({ root, now: NOW, threads: 1 });
    const before = snapshot(path.join(root, 'dist'));
    writeFiles(root, { 'content/2025/12/budget.md': article({ title: 'Parliament passes the 2026 budget', date: '2025-12-18 19:20', topic: 'Politics' }, 'Amended.') });
    const result = await runCli(['build'], root, { PAGEFIND_EXTENDED_BINARY_PATH: path.join(root, 'no-such-pagefind') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Pagefind could not index the site for search');
    expect(result.stderr).toContain('set search: false in site.config.ts');
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
  });

  it('is left out, with the page and the box, when the config turns search off', async () => {
    const site = await buildInMemory({
      'site.config.ts': `export default { title: 'Steppe Times', search: false };\n`,
      'content/2025/12/a.md': article({ title: 'A story', date: '2025-12-17', topic: 'Cities' }),
    }, { now: NOW });
    expect(site.ok).toBe(true);
    expect([...site.outputs.keys()].filter((file) => file.startsWith('pagefind/') || file.startsWith('search/'))).toEqual([]);
    expect(site.page('/')('form[role="search"]').length).toBe(0);
  });
});

describe('searching in chromium', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  let seedOut: string;

  beforeAll(async () => {
    const root = newsSite(`export default { title: 'Steppe Times', baseUrl: 'http://127.0.0.1/news/' };\n`);
    await build({ root, now: NOW, threads: 1 });
    // The seed site too (a copy: see seedCopy), under /seed/.
    const seed = seedCopy();
    await build({ root: seed, baseUrl: 'http://127.0.0.1/seed/', now: NOW, threads: 1 });
    seedOut = path.join(seed, 'dist');
    // Twelve articles that all mention the steppe: more hits than the page shows at first.
    const many = makeSite({
      'site.config.ts': `export default { title: 'Steppe Times', baseUrl: 'http://127.0.0.1/many/' };\n`,
      ...Object.fromEntries(
        Array.from({ length: 12 }, (_, i) => [`content/2025/12/story-${i + 1}.md`, article({ title: `Steppe story ${i + 1}`, date: `2025-12-${String(i + 1).padStart(2, '0')}`, topic: 'Nature' }, `Rain came to the steppe on day ${i + 1}.`)]),
      ),
    });
    await build({ root: many, now: NOW, threads: 1 });
    // The site served under /news/, as a static host serves a project site; the seed at /seed/.
    const sites = [
      { prefix: '/news', serve: sirv(path.join(root, 'dist'), { dev: true }) },
      { prefix: '/seed', serve: sirv(seedOut, { dev: true }) },
      { prefix: '/many', serve: sirv(path.join(many, 'dist'), { dev: true }) },
    ];
    server = createServer((request, response) => {
      const site = sites.find(({ prefix }) => request.url?.startsWith(`${prefix}/`));
      if (!site) {
        response.statusCode = 404;
        response.end();
        return;
      }
      request.url = request.url!.slice(site.prefix.length);
      site.serve(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('on the seed site, "scooter" finds the e-scooter article; opening it, a related link leads to an article sharing its topic or a tag', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${origin}/seed/search/?q=scooter`);
    const first = tab.locator('.search-results li').first();
    await first.waitFor();
    expect(await first.locator('h2').textContent()).toBe('Kazakhstan introduces official insurance and registration for e-scooters');
    expect(await first.locator('h2 a').getAttribute('href')).toBe('/seed/2025/12/18/kazakhstan-introduces-official-insurance-and-registration-for-e-scooters/');
    await Promise.all([tab.waitForEvent('load'), first.locator('h2 a').click()]);
    expect(await tab.locator('h1').textContent()).toBe('Kazakhstan introduces official insurance and registration for e-scooters');
    const terms = async () => [await tab.locator('.kicker').textContent(), ...(await tab.locator('.tags a').allTextContents())];
    const own = await terms();
    const related = tab.locator('.related a').first();
    const title = await related.textContent();
    await Promise.all([tab.waitForEvent('load'), related.click()]);
    expect(await tab.locator('h1').textContent()).toBe(title);
    expect((await terms()).some((term) => own.includes(term))).toBe(true);
    await tab.close();
  });

  it('finds "scooter" from the header’s box and opens the article', async () => {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await tab.goto(`${origin}/news/`);
    await tab.fill('#site-search-q', 'scooter');
    await tab.press('#site-search-q', 'Enter');
    await tab.waitForURL((url) => url.pathname === '/news/search/' && url.searchParams.get('q') === 'scooter');
    const first = tab.locator('.search-results li').first();
    await first.waitFor();
    expect(await tab.locator('.search-results li').count()).toBe(1);
    expect(await first.locator('h2').textContent()).toBe('Almaty bans rented e-scooters on pavements');
    expect(await first.locator('.meta').textContent()).toBe('December 17, 2025 · Cities');
    expect(await first.locator('.summary mark').first().textContent()).toMatch(/scooter/i);
    expect(await tab.locator('.search-status').textContent()).toBe('1 article found for “scooter”.');
    expect(await first.locator('h2 a').getAttribute('href')).toBe('/news/2025/12/17/almaty-bans-rented-e-scooters-on-pavements/');
    await Promise.all([tab.waitForEvent('load'), first.locator('h2 a').click()]);
    expect(new URL(tab.url()).pathname).toBe('/news/2025/12/17/almaty-bans-rented-e-scooters-on-pavements/');
    expect(await tab.locator('h1').textContent()).toBe('Almaty bans rented e-scooters on pavements');
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('searches every period’s bundle at once, narrows by year and topic, and finds no draft', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${origin}/news/search/?q=roads`);
    const titles = () => tab.locator('.search-results h2').allTextContents();
    await expect.poll(titles).toEqual(expect.arrayContaining(['Parliament passes the 2026 budget', 'Metro line reaches the airport']));
    expect(await tab.locator('#search-year option').allTextContents()).toEqual(['Any year', '2025', '2024']);
    expect(await tab.locator('#search-topic option').allTextContents()).toEqual(['Any topic', 'Cities', 'Politics']);
    await tab.selectOption('#search-year', '2024');
    await expect.poll(titles).toEqual(['Metro line reaches the airport']);
    expect(new URL(tab.url()).searchParams.get('year')).toBe('2024');
    await tab.selectOption('#search-year', '');
    await tab.selectOption('#search-topic', 'Politics');
    await expect.poll(titles).toEqual(['Parliament passes the 2026 budget']);
    await tab.fill('#search-q', 'zeppelins');
    await tab.selectOption('#search-topic', '');
    await tab.press('#search-q', 'Enter');
    await expect.poll(() => tab.locator('.search-status').textContent()).toBe('No articles found for “zeppelins”.');
    await tab.close();
  });

  it('shows ten hits first, and "More results" the rest, then hides itself', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${origin}/many/search/?q=steppe`);
    const hits = tab.locator('.search-results li');
    await expect.poll(() => hits.count()).toBe(10);
    expect(await tab.locator('.search-status').textContent()).toBe('12 articles found for “steppe”.');
    const more = tab.locator('.search-more');
    expect(await more.isVisible()).toBe(true);
    await more.click();
    await expect.poll(() => hits.count()).toBe(12);
    expect(await more.isVisible()).toBe(false);
    const titles = await tab.locator('.search-results h2').allTextContents();
    expect(new Set(titles).size).toBe(12);
    await tab.close();
  });

  it('without JavaScript, the header’s box leads to a page that says search needs it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(`${origin}/news/2025/12/18/parliament-passes-the-2026-budget/`);
    await tab.fill('#site-search-q', 'budget');
    await tab.press('#site-search-q', 'Enter');
    await tab.waitForURL((url) => url.pathname === '/news/search/');
    expect(await tab.locator('.search-needs-js').textContent()).toContain('Search needs JavaScript');
    expect(await tab.locator('.search-needs-js').isVisible()).toBe(true);
    await context.close();
  });
});
