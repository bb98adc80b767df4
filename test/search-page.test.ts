// The search page in Debian's chromium: results newest first from the newest bundles, older
// bundles opened only as the reader asks for more (or picks their year), under a sub-path, with
// the topic and year filters and "More results", and without JavaScript. The index itself:
// test/search.test.ts.

import path from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { serveFolders, useChromium, type StaticServer } from './helpers/browser.js';
import { article, makeSite, seedCopy } from './helpers/site.js';

const NOW = Date.parse('2026-01-10T00:00:00Z');
/** How long a poll waits for the page: a bound for a busy machine, not a speed the test expects. */
const WAIT = { timeout: 30_000 };

/** A small site over two years, with a draft that must never be found. */
function newsSite(): string {
  return makeSite({
    'site.config.ts': `export default { title: 'Steppe Times', baseUrl: 'http://127.0.0.1/news/' };\n`,
    'content/2025/12/scooter.md': article({ title: 'Almaty bans rented e-scooters on pavements', date: '2025-12-17', topic: 'Cities', tags: '[Almaty, Transport]' }, 'Riders of rented scooters must keep to the road from Monday.\n\n## Fines\n\nA first offence costs 20,000 tenge.'),
    'content/2025/12/budget.md': article({ title: 'Parliament passes the 2026 budget', date: '2025-12-18 19:20', topic: 'Politics' }, 'The budget grows by a tenth; roads and schools gain most.'),
    'content/2024/06/metro.md': article({ title: 'Metro line reaches the airport', date: '2024-06-02', topic: 'Cities' }, 'Trains now run every six minutes; the roads to the airport are quieter.'),
    'content/2025/12/draft.md': article({ title: 'Draft about zeppelins', date: '2025-12-16', topic: 'Cities', draft: 'true' }, 'Zeppelins return.'),
  });
}

/** Two years of monthly reports (24 bundles), eleven stories in the newest month, and one word only the oldest report has. */
function archiveSite(language = 'en'): string {
  const files: Record<string, string> = { 'site.config.ts': `export default { title: 'Steppe Archive', language: '${language}', baseUrl: 'http://127.0.0.1/archive-${language}/' };\n` };
  for (let day = 1; day <= 11; day++) {
    files[`content/2025/12/story-${day}.md`] = article({ title: `Steppe story ${day}`, date: `2025-12-${String(day).padStart(2, '0')}`, topic: 'Nature' }, `Rain came to the steppe on day ${day}.`);
  }
  for (let month = 0; month < 23; month++) {
    const period = `${2024 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    const body = month === 0 ? 'Grass on the steppe. A caravan crossed it.' : 'Grass on the steppe.';
    files[`content/${period.replace('-', '/')}/report.md`] = article({ title: `Steppe report ${period}`, date: `${period}-15`, topic: month % 2 ? 'Nature' : 'Weather' }, body);
  }
  return makeSite(files);
}

describe('searching in chromium', () => {
  const browser = useChromium();
  let server: StaticServer;
  let origin: string;

  beforeAll(async () => {
    const news = newsSite();
    await build({ root: news, now: NOW, threads: 1 });
    // The seed site too (a copy: see seedCopy), under /seed/.
    const seed = seedCopy();
    await build({ root: seed, baseUrl: 'http://127.0.0.1/seed/', now: NOW, threads: 1 });
    const archive = archiveSite();
    await build({ root: archive, baseUrl: 'http://127.0.0.1/archive/', now: NOW, threads: 1 });
    const kazakh = archiveSite('kk');
    await build({ root: kazakh, now: NOW, threads: 1 });
    // Each site served under its sub-path, as a static host serves a project site.
    server = await serveFolders({ '/news': path.join(news, 'dist'), '/seed': path.join(seed, 'dist'), '/archive': path.join(archive, 'dist'), '/archive-kk': path.join(kazakh, 'dist') });
    origin = server.origin;
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A new tab, with the bundles it opens (each opening fetches the bundle's pagefind-entry.json) and its console errors. */
  async function openTab(): Promise<{ tab: Page; opened: string[]; errors: string[] }> {
    const tab = await browser().newPage();
    const opened: string[] = [];
    const errors: string[] = [];
    tab.on('request', (request) => {
      const match = /\/pagefind\/([^/]+)\/pagefind-entry\.json/.exec(new URL(request.url()).pathname);
      if (match) opened.push(match[1]!);
    });
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    return { tab, opened, errors };
  }

  const titles = (tab: Page) => tab.locator('.search-results h2').allTextContents();
  const status = (tab: Page) => tab.locator('.search-status').textContent();

  it('on the seed site, "scooter" finds the e-scooter article; opening it, a related link leads to an article sharing its topic or a tag', async () => {
    const tab = await browser().newPage();
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

  it('on the seed site’s Russian search page, another form of a word ("скрипка" for "скрипке") finds the Russian article under /ru/, told in Russian; the English page finds only English articles', async () => {
    const { tab, opened, errors } = await openTab();
    await tab.goto(`${origin}/seed/ru/search/?q=${encodeURIComponent('скрипка')}`);
    const first = tab.locator('.search-results li').first();
    await first.waitFor();
    // Found through Russian stemming: the article says "скрипке" and "скрипкам", never "скрипка".
    expect(await titles(tab)).toEqual(['Айман Мусахаджаева выступила в Вене']);
    expect(await first.locator('h2 a').getAttribute('href')).toBe('/seed/ru/2025/12/17/ayman-musakhadzhaeva-vystupila-v-vene/');
    expect(await first.locator('.meta').textContent()).toMatch(/^\d+ декабря 2025 г\. · Культура$/);
    expect(await status(tab)).toBe('По запросу «скрипка» найдена 1 статья.');
    // The Russian page opens the Russian index only.
    expect(await tab.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((name) => name.includes('/pagefind/')).every((name) => name.startsWith('/seed/ru/pagefind/')))).toBe(true);
    expect(opened.length).toBeGreaterThan(0);

    // The English index holds the English articles: the Russian word finds nothing there, and
    // "Vienna" finds the English original, never its translations.
    await tab.goto(`${origin}/seed/search/?q=${encodeURIComponent('скрипка')}`);
    await expect.poll(() => status(tab), WAIT).toBe('No articles found for “скрипка”.');
    await tab.goto(`${origin}/seed/search/?q=Vienna`);
    await tab.locator('.search-results li').first().waitFor();
    expect(await tab.locator('.search-results h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['/seed/2025/12/17/aiman-mussakhajayeva-performs-in-vienna/']);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('finds "scooter" from the header’s box and opens the article', async () => {
    const { tab, errors } = await openTab();
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
    expect(await status(tab)).toBe('1 article found for “scooter”.');
    expect(await first.locator('h2 a').getAttribute('href')).toBe('/news/2025/12/17/almaty-bans-rented-e-scooters-on-pavements/');
    await Promise.all([tab.waitForEvent('load'), first.locator('h2 a').click()]);
    expect(new URL(tab.url()).pathname).toBe('/news/2025/12/17/almaty-bans-rented-e-scooters-on-pavements/');
    expect(await tab.locator('h1').textContent()).toBe('Almaty bans rented e-scooters on pavements');
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('finds this month’s article and one of last year newest first, narrows by year and topic, and finds no draft', async () => {
    const { tab } = await openTab();
    await tab.goto(`${origin}/news/search/?q=roads`);
    // "road" is a form of "roads": the scooter article is found too.
    await expect.poll(() => titles(tab), WAIT).toEqual(['Parliament passes the 2026 budget', 'Almaty bans rented e-scooters on pavements', 'Metro line reaches the airport']);
    expect(await tab.locator('#search-year option').allTextContents()).toEqual(['Any year', '2025', '2024']);
    expect(await tab.locator('#search-topic option').allTextContents()).toEqual(['Any topic', 'Cities', 'Politics']);
    await tab.selectOption('#search-year', '2024');
    await expect.poll(() => titles(tab), WAIT).toEqual(['Metro line reaches the airport']);
    expect(new URL(tab.url()).searchParams.get('year')).toBe('2024');
    await tab.selectOption('#search-year', '');
    await tab.selectOption('#search-topic', 'Politics');
    await expect.poll(() => titles(tab), WAIT).toEqual(['Parliament passes the 2026 budget']);
    await tab.fill('#search-q', 'zeppelins');
    await tab.selectOption('#search-topic', '');
    await tab.press('#search-q', 'Enter');
    await expect.poll(() => status(tab), WAIT).toBe('No articles found for “zeppelins”.');
    await tab.close();
  });

  it('shows ten hits from the newest bundle alone, and "More results" pages back through older bundles, newest first, until it has shown every hit', async () => {
    const { tab, opened } = await openTab();
    await tab.goto(`${origin}/archive/search/?q=steppe`);
    const hits = tab.locator('.search-results li');
    await expect.poll(() => hits.count(), WAIT).toBe(10);
    expect(await status(tab)).toBe('11 articles found for “steppe” since December 2025.');
    expect(opened).toEqual(['2025-12']);
    const more = tab.locator('.search-more');
    expect(await more.textContent()).toBe('More results');
    await more.click();
    await expect.poll(() => hits.count(), WAIT).toBe(20);
    // The keyboard's focus moves to the first new result.
    // The function runs in the page, where `document` exists; this file's types are Node's.
    expect(await tab.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string | null } | null } }).document.activeElement?.textContent)).toBe('Steppe story 1');
    // The one hit left of December, then twelve months before it (a click opens at most twelve bundles).
    expect(await status(tab)).toBe('23 articles found for “steppe” since December 2024.');
    expect(opened).toHaveLength(13);
    await more.click();
    await expect.poll(() => hits.count(), WAIT).toBe(30);
    await more.click();
    await expect.poll(() => hits.count(), WAIT).toBe(34);
    expect(await status(tab)).toBe('34 articles found for “steppe”.');
    expect(await more.isVisible()).toBe(false);
    const shown = await titles(tab);
    expect(new Set(shown).size).toBe(34);
    // Newest first across every bundle: December's stories by day, then the reports by month.
    const expected = [...Array.from({ length: 11 }, (_, i) => `Steppe story ${11 - i}`), ...Array.from({ length: 23 }, (_, i) => `Steppe report ${2024 + Math.floor((22 - i) / 12)}-${String(((22 - i) % 12) + 1).padStart(2, '0')}`)];
    expect(shown).toEqual(expected);
    await tab.close();
  });

  it('names the month it searched back to in the page’s language, as the build named it: Kazakh, whose month names this browser lacks', async () => {
    const { tab } = await openTab();
    await tab.goto(`${origin}/archive-kk/search/?q=steppe`);
    await expect.poll(() => tab.locator('.search-results li').count(), WAIT).toBe(10);
    expect(await status(tab)).toContain('2025 ж. желтоқсан');
    await tab.close();
  });

  it('finds a word only a two-year-old article has: the first search looks back a year, "Search older news" finds it', async () => {
    const { tab, opened, errors } = await openTab();
    await tab.goto(`${origin}/archive/search/?q=caravan`);
    await expect.poll(() => status(tab), WAIT).toBe('No articles found for “caravan” since January 2025.');
    expect(opened).toHaveLength(12);
    const more = tab.locator('.search-more');
    expect(await more.textContent()).toBe('Search older news');
    await more.click();
    await expect.poll(() => titles(tab), WAIT).toEqual(['Steppe report 2024-01']);
    expect(await status(tab)).toBe('1 article found for “caravan”.');
    expect(await more.isVisible()).toBe(false);
    expect(opened).toHaveLength(24);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('with a year chosen, opens only that year’s bundles (and the newest, which holds Pagefind itself)', async () => {
    const { tab, opened } = await openTab();
    await tab.goto(`${origin}/archive/search/?q=caravan&year=2024`);
    await expect.poll(() => titles(tab), WAIT).toEqual(['Steppe report 2024-01']);
    expect(await status(tab)).toBe('1 article found for “caravan”.');
    expect(await tab.locator('#search-year').inputValue()).toBe('2024');
    expect(opened.filter((bundle) => !bundle.startsWith('2024-'))).toEqual(['2025-12']);
    expect(opened.filter((bundle) => bundle.startsWith('2024-'))).toHaveLength(12);
    await tab.close();
  });

  it('without JavaScript, the header’s box leads to a page that says search needs it', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
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
