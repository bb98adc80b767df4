// The dev server in a real browser: Debian's chromium, driven by playwright-core. A page open on
// the dev server reloads by itself when its article is saved, shows a broken save's error over
// the page, and drops it when the file is fixed.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevHandle } from '../src/dev/index.js';
import { article, makeSite } from './helpers/site.js';

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});
afterAll(async () => {
  await browser?.close();
});

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
    const page = await browser.newPage();
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
