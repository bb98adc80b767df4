// `node --import tsx scripts/screenshots.ts [--out DIR] [--pages /,/topics/culture/]` builds the
// seed site with photos (scripts/seed-photos.ts) and saves screenshots of its pages in chromium
// (CHROME_PATH, else /usr/bin/chromium: scripts/chromium.ts): the first screen and the whole page, on a desktop
// (1280 × 800), a tablet (820 × 1180) and a phone (390 × 844), light and dark. For looking at the
// theme as a reader would, after changing it; not part of `npm test`.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './chromium.js';
import sirv from 'sirv';
import { build } from '../src/build.js';
import { PHOTO_ARTICLE, seedWithPhotos } from './seed-photos.js';

const VIEWPORTS = {
  desktop: { width: 1280, height: 800, mobile: false, scale: 1 },
  tablet: { width: 820, height: 1180, mobile: true, scale: 2 },
  phone: { width: 390, height: 844, mobile: true, scale: 3 },
} as const;

const { values } = parseArgs({ options: { out: { type: 'string', default: 'screenshots' }, pages: { type: 'string', default: `/,${PHOTO_ARTICLE}` } } });
const out = path.resolve(values.out);
mkdirSync(out, { recursive: true });
const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-screenshots-'));
const files = sirv(path.join(root, 'dist'), { dev: true });
const server = createServer((request, response) => files(request, response));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await launchChromium();
try {
  await seedWithPhotos(root);
  await build({ root, baseUrl: `${origin}/`, cache: false, threads: 1 });
  for (const url of values.pages.split(',')) {
    const name = url === '/' ? 'home' : url.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/gi, '-');
    for (const [form, viewport] of Object.entries(VIEWPORTS)) {
      for (const scheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport, deviceScaleFactor: viewport.scale, isMobile: viewport.mobile, hasTouch: viewport.mobile, colorScheme: scheme });
        const tab = await context.newPage();
        await tab.goto(`${origin}${url}`, { waitUntil: 'load' });
        // Lazy photos load as the page scrolls: scroll through it once, then wait for every image.
        await tab.evaluate(async () => {
          const page = globalThis as unknown as { scrollTo(x: number, y: number): void; document: { body: { scrollHeight: number } }; innerHeight: number };
          for (let y = 0; y < page.document.body.scrollHeight; y += page.innerHeight / 2) {
            page.scrollTo(0, y);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          page.scrollTo(0, 0);
        });
        await tab.waitForFunction(() => Array.from((globalThis as unknown as { document: { images: ArrayLike<{ complete: boolean }> } }).document.images).every((image) => image.complete));
        const stem = path.join(out, `${name}-${form}-${scheme}`);
        await tab.screenshot({ path: `${stem}-screen.png` });
        if (scheme === 'light') await tab.screenshot({ path: `${stem}-full.png`, fullPage: true });
        await context.close();
      }
    }
  }
  console.log(`Screenshots in ${out}`);
} finally {
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
}
