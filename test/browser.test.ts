// The site in a real browser: chromium (CHROME_PATH, else Debian's; scripts/chromium.ts), driven
// by playwright-core. A page open on the dev server reloads by itself when its article is saved,
// shows a broken save's error over the page, and drops it when the file is fixed. The default theme works from the keyboard (a skip link,
// visible focus) and prints an article alone.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevHandle } from '../src/dev/index.js';
import { useChromium } from './helpers/browser.js';
import { buildInMemory } from './helpers/memory-site.js';
import { article, makeSite } from './helpers/site.js';

const browser = useChromium();

describe('live reload in chromium', () => {
  let handle: DevHandle | undefined;
  afterAll(async () => handle?.close());

  it('reloads the open page after a save, and shows and clears a broken save’s error', async () => {
    const root = makeSite({
      'site.config.ts': `export default { title: 'Browser Times' };\n`,
      'content/2025/12/story.md': article({ title: 'First headline', date: '2025-12-18 10:00', topic: 'Culture' }, 'The first version.'),
      'content/2025/12/other.md': article({ title: 'Other story', date: '2025-12-17 10:00', topic: 'Culture' }),
    });
    handle = await startDev({ root, port: 0, threads: 1 });
    const page = await browser().newPage();
    await page.goto(`${handle.url}2025/12/18/first-headline/`);
    expect(await page.locator('h1').textContent()).toBe('First headline');
    // Wait until the page's event stream is open, so the save is not missed.
    await page.waitForFunction(() => (globalThis as unknown as { broadsheetLiveReload?: string }).broadsheetLiveReload === 'open');

    const file = path.join(root, 'content/2025/12/story.md');
    const reloaded = page.waitForEvent('load');
    writeFileSync(file, article({ title: 'First headline', date: '2025-12-18 10:00', topic: 'Culture' }, 'The corrected version.'));
    await reloaded;
    await page.waitForFunction(() => (globalThis as unknown as { broadsheetLiveReload?: string }).broadsheetLiveReload === 'open');
    await expect.poll(() => page.locator('.article-body').textContent()).toContain('The corrected version.');

    writeFileSync(file, '---\ntitle: First headline\ndate: not a date\ntopic: Culture\n---\n\nBroken.\n');
    const overlay = page.locator('#broadsheet-overlay');
    await overlay.waitFor({ state: 'visible' });
    expect(await overlay.textContent()).toMatch(/content\/2025\/12\/story\.md:3:\d+ error date/);
    // The page under the overlay is still the last good one.
    expect(await page.locator('.article-body').textContent()).toContain('The corrected version.');

    writeFileSync(file, article({ title: 'First headline', date: '2025-12-18 10:00', topic: 'Culture' }, 'Fixed again.'));
    await expect.poll(() => page.locator('.article-body').textContent(), { timeout: 20_000 }).toContain('Fixed again.');
    expect(await page.locator('#broadsheet-overlay').count()).toBe(0);
  });
});

/** The DOM as the page functions below use it: the tests' tsconfig has no DOM library. */
interface PageGlobals {
  document: { activeElement: { className: string; tagName: string; closest(selector: string): unknown } | null };
  getComputedStyle(element: unknown): { outlineStyle: string; outlineWidth: string };
}

describe('the default theme in chromium', () => {
  const ORIGIN = 'http://site.test';
  let outputs: Map<string, string>;

  beforeAll(async () => {
    const site = await buildInMemory({
      'site.config.ts': `export default { title: 'Browser Times', baseUrl: '${ORIGIN}/' };\n`,
      'content/2025/12/story.md': article({ title: 'First headline', date: '2025-12-18 10:00', topic: 'Culture', tags: '[Almaty]' }, 'The story.'),
      'content/2025/12/other.md': article({ title: 'Other story', date: '2025-12-17 10:00', topic: 'Culture' }),
    }, { now: Date.parse('2026-01-01T00:00:00Z') });
    expect(site.ok).toBe(true);
    outputs = site.outputs;
  });

  /** A page of the built site, served from memory as a static host would. */
  async function open(url: string): Promise<Page> {
    const page = await browser().newPage();
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

  it('has a skip link: the first Tab shows it on screen, and following it moves on into the main content', async () => {
    const page = await open('/2025/12/18/first-headline/');
    const skip = page.locator('.skip-link');
    expect(await skip.isVisible()).toBe(true);
    // Off screen until focused.
    expect((await skip.boundingBox())!.x).toBeLessThan(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.className)).toBe('skip-link');
    const box = (await skip.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    await page.keyboard.press('Enter');
    // Following a fragment link is a navigation the browser finishes after the key press returns.
    await page.waitForURL((url) => url.hash === '#main');
    expect(new URL(page.url()).hash).toBe('#main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => ((globalThis as unknown as PageGlobals).document.activeElement?.closest('main') ?? null) !== null)).toBe(true);
    await page.close();
  });

  it('shows where keyboard focus is, with a ring around the focused link', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const window = globalThis as unknown as PageGlobals;
      const element = window.document.activeElement;
      const style = window.getComputedStyle(element);
      return { tag: element?.tagName, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(focused).toEqual({ tag: 'A', outline: 'solid', width: 3 });
    await page.close();
  });

  it('prints an article alone: no navigation, breadcrumbs, footer or links to other articles', async () => {
    const page = await open('/2025/12/18/first-headline/');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-nav', '.breadcrumbs', '.site-footer', '.article-nav', '.article-footer']) {
      expect(await page.locator(selector).isVisible(), selector).toBe(false);
    }
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('.article-body').textContent()).toContain('The story');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.site-nav').isVisible()).toBe(true);
    await page.close();
  });
});
