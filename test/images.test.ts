// Photos (issue 12): lead and body images next to the article, in content/images/ or static/,
// become responsive <picture> markup with sized variants in AVIF, WebP and the original format,
// crops for search engines and social cards, feed enclosures; metadata such as GPS is stripped;
// broken, missing and out-of-site images are clear problems at their reference; a warm build
// processes no unchanged image. Images are generated here with sharp: small and fast.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../src/build.js';
import { DevSite } from '../src/dev/site.js';
import { IMAGES_IN_FLIGHT } from '../src/images/process.js';
import { CHANGED_WHILE_READ, heldSourceBytes } from '../src/images/sources.js';
import { SOURCES_LOADING } from '../src/images/stage.js';
import { BuildFailure, formatProblems, type Problem } from '../src/problems/index.js';
import { cleanBuildOf, differences } from './helpers/dev.js';
import { brokenLinks, htmlProblems } from './helpers/html.js';
import { photo, withStatedSize } from './helpers/photos.js';
import { tracked } from './helpers/children.js';
import { article, makeSite, page, REPO, runCli } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const CONFIG = { 'site.config.ts': "export default { title: 'Photos', baseUrl: 'https://example.org/news/' };\n" };

/** Write binary files into a site. */
function writeBinary(root: string, files: Record<string, Buffer>): void {
  for (const [file, bytes] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), bytes);
  }
}

async function buildSite(root: string, options: BuildOptions = {}) {
  try {
    return await build({ root, now: NOW, threads: 1, cache: false, ...options });
  } catch (error) {
    // The problems, not just their count, in the test's failure message.
    if (error instanceof BuildFailure) throw new Error(formatProblems(error.problems));
    throw error;
  }
}

/** The problems a failed build reports (throws when the build succeeds). */
async function failure(root: string, options: BuildOptions = {}): Promise<Problem[]> {
  try {
    await build({ root, now: NOW, threads: 1, cache: false, ...options });
  } catch (error) {
    if (error instanceof BuildFailure) return [...error.problems];
    throw error;
  }
  throw new Error('the build succeeded');
}

/** Each photo size under dist/images/ (paths relative to it). */
function variantFiles(dist: string): string[] {
  return readdirSync(path.join(dist, 'images'), { recursive: true, encoding: 'utf8' }).filter((file) => /\.(jpg|png|webp|avif)$/.test(file));
}

/** The output file of a URL under the base path /news/. */
function outputFile(root: string, url: string): string {
  return path.join(root, 'dist', new URL(url, 'https://example.org').pathname.replace(/^\/news\//, ''));
}

const BUNDLE = 'content/2025/12/medeu/index.md';
const BUNDLE_TEXT = article(
  { title: 'Skaters return to Medeu', date: '2025-12-18 10:00', image: 'rink.jpg', imageAlt: 'Skaters on the ice at Medeu', imageCaption: 'The rink opened on Saturday.', imageCredit: 'Aigerim Sultanova' },
  'The season began.\n\n![Crowds by the rink](../../../images/crowd.png "Crowds on Sunday")\n\nMore text.',
);

async function bundleSite(): Promise<string> {
  const root = makeSite({ ...CONFIG, [BUNDLE]: BUNDLE_TEXT });
  writeBinary(root, { 'content/2025/12/medeu/rink.jpg': await photo(2000, 1500), 'content/images/crowd.png': await photo(1000, 800, 'png') });
  return root;
}

/** The same article with smaller photos (fewer, smaller variants): for tests about what is processed when, not about sizes. */
async function smallBundleSite(): Promise<string> {
  const root = makeSite({ ...CONFIG, [BUNDLE]: BUNDLE_TEXT });
  writeBinary(root, { 'content/2025/12/medeu/rink.jpg': await photo(900, 675), 'content/images/crowd.png': await photo(700, 560, 'png') });
  return root;
}

describe('an article with a lead image and a body image', () => {
  // One build, which these tests only read.
  let root: string;
  let result: Awaited<ReturnType<typeof buildSite>>;
  beforeAll(async () => {
    root = await bundleSite();
    result = await buildSite(root);
  });

  it('shows each as a <picture> of AVIF, WebP and the original format, every candidate a file of the stated width, never enlarged', async () => {
    const $ = page(path.join(root, 'dist'), '2025/12/18/skaters-return-to-medeu/');

    const lead = $('figure.lead-image picture');
    expect(lead.find('source').map((_, s) => $(s).attr('type')).get()).toEqual(['image/avif', 'image/webp']);
    const leadImg = lead.find('img');
    expect(leadImg.attr('fetchpriority')).toBe('high');
    expect(leadImg.attr('loading')).toBeUndefined();
    expect(leadImg.attr('alt')).toBe('Skaters on the ice at Medeu');
    expect($('figure.lead-image figcaption').text()).toBe('The rink opened on Saturday. Photo: Aigerim Sultanova');

    const body = $('.article-body figure');
    expect(body.find('figcaption').text()).toBe('Crowds on Sunday');
    const bodyImg = body.find('picture img');
    expect(bodyImg.attr('loading')).toBe('lazy');
    expect(bodyImg.attr('decoding')).toBe('async');
    expect(bodyImg.attr('alt')).toBe('Crowds by the rink');
    expect(bodyImg.attr('src')).toMatch(/^\/news\/images\/[0-9a-f]{10}\/crowd-800\.png$/);

    // Every <img> is sized, so nothing shifts as the page loads.
    expect($('img')).toHaveLength(2);
    $('img').each((_, img) => {
      expect(Number($(img).attr('width'))).toBeGreaterThan(0);
      expect(Number($(img).attr('height'))).toBeGreaterThan(0);
    });

    const candidates = (selector: string) =>
      $(selector)
        .map((_, element) => ($(element).attr('srcset') ?? '').split(', '))
        .get()
        .map((entry: string) => entry.split(' ') as [string, string]);
    const leadCandidates = candidates('figure.lead-image source, figure.lead-image img');
    expect(leadCandidates.map(([, w]) => w)).toEqual(['480w', '800w', '1200w', '1600w', '480w', '800w', '1200w', '1600w', '480w', '800w', '1200w', '1600w']);
    const bodyCandidates = candidates('.article-body source, .article-body img');
    // The crowd photo is 1,000 px wide: no 1,200 or 1,600 variant of it.
    expect(bodyCandidates.map(([, w]) => w)).toEqual(['480w', '800w', '480w', '800w', '480w', '800w']);
    for (const [url, width] of [...leadCandidates, ...bodyCandidates]) {
      const meta = await sharp(outputFile(root, url)).metadata();
      expect(`${meta.width}w`, url).toBe(width);
      expect(meta.format, url).toBe(url.endsWith('.avif') ? 'heif' : url.endsWith('.webp') ? 'webp' : url.endsWith('.png') ? 'png' : 'jpeg');
    }
    expect(result.stats.images).toBe(2);
    expect(result.stats.imagesProcessed).toBe(2);
    // Valid HTML, every image link resolving to a file of the site.
    expect(await htmlProblems(path.join(root, 'dist'))).toEqual([]);
    expect(brokenLinks(path.join(root, 'dist'), '/news/')).toEqual([]);
  });

  it('gives NewsArticle JSON-LD the 16:9, 4:3 and 1:1 crops with caption and credit, and og:image the 1,200 × 630 card', async () => {
    const $ = page(path.join(root, 'dist'), '2025/12/18/skaters-return-to-medeu/');
    const news = $('script[type="application/ld+json"]')
      .map((_, s) => JSON.parse($(s).text()) as { '@type': string; image?: Array<{ url: string; width: number; height: number; caption: string; creditText: string }> })
      .get()
      .find((data) => data['@type'] === 'NewsArticle')!;
    expect(news.image).toHaveLength(3);
    const ratios = [];
    for (const crop of news.image!) {
      const meta = await sharp(outputFile(root, crop.url)).metadata();
      expect([meta.width, meta.height]).toEqual([crop.width, crop.height]);
      expect(meta.width).toBeGreaterThanOrEqual(1200);
      ratios.push(crop.width / crop.height);
      expect(crop.caption).toBe('The rink opened on Saturday.');
      expect(crop.creditText).toBe('Aigerim Sultanova');
    }
    expect(ratios).toEqual([16 / 9, 4 / 3, 1]);

    const og = $('meta[property="og:image"]').attr('content')!;
    expect(og).toMatch(/^https:\/\/example\.org\/news\/images\//);
    const card = await sharp(outputFile(root, og)).metadata();
    expect([card.width, card.height]).toEqual([1200, 630]);
    expect($('meta[name="twitter:image"]').attr('content')).toBe(og);
    expect($('meta[property="og:image:width"]').attr('content')).toBe('1200');
    expect($('meta[name="robots"]').attr('content')).toBe('max-image-preview:large');
  });

  it('crops around the focal point imageFocus gives', async () => {
    const root = makeSite({
      ...CONFIG,
      'content/2025/12/wide.md': article({ title: 'Wide', date: '2025-12-18', image: 'wide.jpg', imageAlt: 'A wide view', imageFocus: '0.9,0.5' }),
    });
    // Left half black, right half white: a square crop at x = 0.9 holds only white.
    const wide = await sharp({ create: { width: 1200, height: 600, channels: 3, background: '#000' } })
      .composite([{ input: { create: { width: 600, height: 600, channels: 3, background: '#fff' } }, left: 600, top: 0 }])
      .jpeg()
      .toBuffer();
    writeBinary(root, { 'content/2025/12/wide.jpg': wide });
    await buildSite(root);
    const $ = page(path.join(root, 'dist'), '2025/12/18/wide/');
    const news = $('script[type="application/ld+json"]')
      .map((_, s) => JSON.parse($(s).text()) as { '@type': string; image?: Array<{ url: string }> })
      .get()
      .find((data) => data['@type'] === 'NewsArticle')!;
    const square = news.image!.map((crop) => crop.url).find((url) => url.includes('-1x1'))!;
    const stats = await sharp(outputFile(root, square)).stats();
    expect(stats.channels[0]!.mean).toBeGreaterThan(240);
  });

  it('puts the 1,200-px variant in the feeds, with its type and its length in bytes', () => {
    const rss = cheerio.load(readFileSync(path.join(root, 'dist/feed.xml'), 'utf8'), { xml: true });
    const enclosure = rss('item enclosure');
    const url = enclosure.attr('url')!;
    expect(url).toMatch(/rink-1200\.jpg$/);
    expect(enclosure.attr('type')).toBe('image/jpeg');
    expect(Number(enclosure.attr('length'))).toBe(statSync(outputFile(root, url)).size);
    // Feed readers ignore <picture>: body images are plain, sized, absolute <img>.
    const body = cheerio.load(rss('item').children().filter((_, e) => (e as { name?: string }).name === 'content:encoded').text());
    expect(body('img').attr('src')).toMatch(/^https:\/\/example\.org\/news\/images\/.*crowd-800\.png$/);
    expect(body('picture')).toHaveLength(0);
  });
});

describe('image metadata', () => {
  it('drops EXIF (GPS included) from every output, after turning the picture as its orientation says', async () => {
    const root = makeSite({ ...CONFIG, 'content/2025/12/gps.md': article({ title: 'Where', date: '2025-12-18', image: 'gps.jpg', imageAlt: 'A street' }) });
    const tagged = await sharp(await photo(1000, 750))
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '76/1 57/1 0/1' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect((await sharp(tagged).metadata()).exif).toBeDefined();
    writeBinary(root, { 'content/2025/12/gps.jpg': tagged });
    await buildSite(root);
    const $ = page(path.join(root, 'dist'), '2025/12/18/where/');
    const img = $('figure.lead-image img');
    // Orientation 6: the 1,000 × 750 file is a 750 × 1,000 picture, shown 480 px wide.
    expect([img.attr('width'), img.attr('height')]).toEqual(['480', '640']);
    const urls = $('figure.lead-image source, figure.lead-image img').map((_, e) => ($(e).attr('srcset') ?? '').split(', ').map((c) => c.split(' ')[0]!)).get() as string[];
    const og = $('meta[property="og:image"]').attr('content')!;
    // 750 px wide once turned: the 480-px variant in three formats.
    expect(urls).toHaveLength(3);
    for (const url of [...urls, og]) {
      const meta = await sharp(outputFile(root, url)).metadata();
      expect(meta.exif, url).toBeUndefined();
      expect(meta.orientation ?? 1, url).toBe(1);
    }
  });
});

describe('the build cache', () => {
  it('processes no unchanged image on a warm build and leaves its files as they were; a changed photo gets new URLs', async () => {
    const root = await smallBundleSite();
    const cold = await buildSite(root, { cache: true });
    expect(cold.stats.imagesProcessed).toBe(2);
    const file = (url: string) => outputFile(root, url);
    const leadSrc = () => page(path.join(root, 'dist'), '2025/12/18/skaters-return-to-medeu/')('figure.lead-image img').attr('src')!;
    const before = leadSrc();
    const mtime = statSync(file(before)).mtimeMs;

    const warm = await buildSite(root, { cache: true });
    expect(warm.stats.imagesProcessed).toBe(0);
    expect(warm.stats.pagesRendered).toBe(0);
    expect(warm.stats.written).toBe(0);
    expect(statSync(file(before)).mtimeMs).toBe(mtime);

    writeBinary(root, { 'content/2025/12/medeu/rink.jpg': await photo(800, 600) });
    const changed = await buildSite(root, { cache: true });
    expect(changed.stats.imagesProcessed).toBe(1);
    const after = leadSrc();
    expect(after).not.toBe(before);
    expect(() => statSync(file(before))).toThrow();
  });
});

describe('publishing into a site with photos', () => {
  it('writes only the changed articles\' variants, deletes those no article shows any more, and equals a clean build', async () => {
    const story = (i: number, image?: string) =>
      article({ title: `Story ${i}`, date: `2025-12-0${1 + i} 10:00`, ...(image && { image, imageAlt: `Photo of story ${i}` }) }, 'Text.');
    const root = makeSite({
      ...CONFIG,
      'content/2025/12/s0.md': story(0, 'own.jpg'),
      'content/2025/12/s1.md': story(1, '../../images/shared.jpg'),
      'content/2025/12/s2.md': story(2, '../../images/shared.jpg'),
      'content/2025/12/s3.md': story(3),
    });
    writeBinary(root, { 'content/2025/12/own.jpg': await photo(640, 480), 'content/images/shared.jpg': await photo(600, 400) });
    await buildSite(root, { cache: true });
    const dist = path.join(root, 'dist');
    const variants = (stem: string) => variantFiles(dist).filter((file) => file.includes(stem)).sort();
    const own = variants('own-');
    const shared = variants('shared-');
    expect(own.length).toBeGreaterThan(5);
    expect(shared.length).toBeGreaterThan(5);
    const ownTimes = own.map((file) => statSync(path.join(dist, 'images', file)).mtimeMs);

    const publish = async (file: string, text: string) => {
      writeFileSync(path.join(root, file), text);
      const result = await buildSite(root, { cache: true });
      expect(result.stats.changedArticles).toBe(1);
      expect(differences(dist, await cleanBuildOf(root, NOW))).toEqual([]);
      return result;
    };
    // One of two articles showing a photo drops it: the other still shows it, so its files stay.
    await publish('content/2025/12/s1.md', story(1));
    expect(variants('shared-')).toEqual(shared);
    // The last one showing it drops it: its files go.
    await publish('content/2025/12/s2.md', story(2));
    expect(variants('shared-')).toEqual([]);
    // An article gains a photo: its files come, and no other article's variant is written again.
    const gained = await publish('content/2025/12/s3.md', story(3, '../../images/shared.jpg'));
    expect(variants('shared-')).toEqual(shared);
    expect(gained.stats.imagesProcessed).toBe(0);
    expect(own.map((file) => statSync(path.join(dist, 'images', file)).mtimeMs)).toEqual(ownTimes);
    // Its own photo replaced in the article's text: the old variants go, the new ones come.
    writeBinary(root, { 'content/2025/12/other.jpg': await photo(500, 500) });
    await publish('content/2025/12/s0.md', story(0, 'other.jpg'));
    expect(variants('own-')).toEqual([]);
    expect(variants('other-').length).toBeGreaterThan(5);
    expect(brokenLinks(dist, '/news/')).toEqual([]);
  });
});

describe('variant files in the output', () => {
  it('are hard links to the image cache\'s files where the file system allows, else copies; a write error still fails the build', async () => {
    const root = await smallBundleSite();
    const env = { SOURCE_DATE_EPOCH: String(NOW / 1000) };
    const first = await runCli(['build', '--quiet'], root, env);
    expect(first.code, first.stderr).toBe(0);
    const dist = path.join(root, 'dist');
    const store = path.join(root, '.cache/images');
    const stored = new Map(readdirSync(store).map((name) => [statSync(path.join(store, name)).ino, path.join(store, name)]));
    const files = variantFiles(dist);
    expect(files.length).toBeGreaterThan(10);
    // Linked: each is one of the cache's files (no bytes of its own), and the pages are whole.
    for (const file of files) expect(stored.has(statSync(path.join(dist, 'images', file)).ino), file).toBe(true);
    expect(brokenLinks(dist, '/news/')).toEqual([]);

    // A file system that cannot link there (another device): copies, the same bytes.
    rmSync(path.join(root, '.dist.builds'), { recursive: true });
    rmSync(dist);
    const copied = await runCli(['build', '--quiet'], root, { ...env, BROADSHEET_FAILPOINT: 'EXDEV@rink-' });
    expect(copied.code, copied.stderr).toBe(0);
    const lead = files.find((file) => file.includes('rink-'))!;
    const info = statSync(path.join(dist, 'images', lead));
    expect(stored.has(info.ino)).toBe(false);
    expect(info.nlink).toBe(1);
    const original = [...stored.values()].find((file) => statSync(file).size === info.size && readFileSync(file).equals(readFileSync(path.join(dist, 'images', lead))));
    expect(original).toBeDefined();

    // Any other error is a write's: the build fails, the output as it was.
    const before = readFileSync(path.join(dist, 'images', lead));
    writeBinary(root, { 'content/2025/12/medeu/rink.jpg': await photo(800, 600) });
    const full = await runCli(['build', '--quiet'], root, { ...env, BROADSHEET_FAILPOINT: 'ENOSPC@rink-' });
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/^Build failed: No space left on the disk holding \.dist\.builds\/b\/images\/[^ ]+rink-[^ ]+ \(ENOSPC\)\./);
    expect(readFileSync(path.join(dist, 'images', lead)).equals(before)).toBe(true);
  });
});

describe('a photo saved again while the build reads it', () => {
  it('fails that photo, not with another picture\'s sizes under its name; the next build shows the new one', async () => {
    const root = await smallBundleSite();
    const rink = path.join(root, 'content/2025/12/medeu/rink.jpg');
    // Held after the photos are read and hashed, before their sizes are made.
    const child = tracked(
      spawn(process.execPath, [path.join(REPO, 'bin/broadsheet.js'), 'build', '--quiet'], {
        cwd: root,
        env: { ...process.env, SOURCE_DATE_EPOCH: String(NOW / 1000), NO_COLOR: '1', BROADSHEET_HOLD_AT: 'images' },
        stdio: ['pipe', 'ignore', 'pipe'],
      }),
    );
    let stderr = '';
    await new Promise<void>((resolve) => child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()).includes('holding at images') && resolve()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    writeBinary(root, { 'content/2025/12/medeu/rink.jpg': await photo(700, 500) });
    child.stdin!.end('\n');
    expect(await exited).toBe(1);
    expect(stderr).toContain(CHANGED_WHILE_READ);
    expect(stderr).toContain('content/2025/12/medeu/index.md:');
    expect(existsSync(path.join(root, 'dist'))).toBe(false);

    const next = await runCli(['build', '--quiet'], root, { SOURCE_DATE_EPOCH: String(NOW / 1000) });
    expect(next.code, next.stderr).toBe(0);
    const img = page(path.join(root, 'dist'), '2025/12/18/skaters-return-to-medeu/')('figure.lead-image img');
    // The sizes are of the photo as it is now: 700 × 500.
    expect(Number(img.attr('width')) / Number(img.attr('height'))).toBeCloseTo(700 / 500, 2);
    const shown = await sharp(readFileSync(outputFile(root, img.attr('src')!))).metadata();
    expect(shown.width! / shown.height!).toBeCloseTo(700 / 500, 1);
    expect(statSync(rink).size).toBeGreaterThan(0);
  });
});

describe('memory', () => {
  it('holds a few photos in memory at a time, however many the site has, and makes copies of one photo once', async () => {
    // Forty articles, each with its own copy of one photo (as an import that copies a shared photo
    // into each article's folder makes), and four other photos. Every source is read to hash it
    // before any is processed: holding those bytes kept every new photo in memory at once.
    const copies = 40;
    const files: Record<string, string> = { ...CONFIG };
    for (let i = 0; i < copies + 4; i++) {
      files[`content/2025/12/story-${i}/index.md`] = article({ title: `Story ${i}`, date: `2025-12-${String(1 + (i % 28)).padStart(2, '0')} 10:00`, image: 'photo.jpg', imageAlt: `Photo ${i}` }, 'Text.');
    }
    const root = makeSite(files);
    const shared = await photo(640, 480);
    const others = await Promise.all([0, 1, 2, 3].map((i) => photo(600 + 20 * i, 450)));
    for (let i = 0; i < copies + 4; i++) writeBinary(root, { [`content/2025/12/story-${i}/photo.jpg`]: i < copies ? shared : others[i - copies]! });
    const largest = Math.max(shared.length, ...others.map((bytes) => bytes.length));

    heldSourceBytes.reset();
    const result = await buildSite(root);
    // The shared photo and the four others: each made once.
    expect(result.stats.imagesProcessed).toBe(5);
    expect(heldSourceBytes.peak).toBeGreaterThan(0);
    expect(heldSourceBytes.peak).toBeLessThanOrEqual(Math.max(SOURCES_LOADING, IMAGES_IN_FLIGHT) * largest);
    expect(heldSourceBytes.now).toBe(0);
    // Every copy's article shows its own variants, each a file of the output.
    const dist = path.join(root, 'dist');
    for (const i of [0, copies - 1, copies]) {
      const $ = page(dist, `2025/12/${String(1 + (i % 28)).padStart(2, '0')}/story-${i}/`);
      const src = $('figure.lead-image img').attr('src')!;
      expect(src).toMatch(/photo/);
      expect(existsSync(outputFile(root, src))).toBe(true);
    }
    expect(brokenLinks(dist, '/news/')).toEqual([]);
  });
});

describe('image problems', () => {
  const lead = (image: string, title = 'Lead') => article({ title, date: '2025-12-18', image, imageAlt: 'Something' });

  it('a missing image is an error at the image field, naming where it was looked for', async () => {
    const root = makeSite({ ...CONFIG, 'content/2025/12/a.md': lead('nope.jpg') });
    const problems = await failure(root);
    expect(formatProblems(problems)).toMatch(
      /^content\/2025\/12\/a\.md:4:8 error image: the lead image "nope\.jpg" does not exist; expected an image file at content\/2025\/12\/nope\.jpg or content\/nope\.jpg or static\/nope\.jpg \[image-missing\]/,
    );
  });

  it('a file that is not an image, and a damaged JPEG, are errors at their references, not crashes', async () => {
    const root = makeSite({
      ...CONFIG,
      'content/2025/12/a.md': lead('notes.jpg'),
      'content/2025/12/notes.jpg': 'just some text\n',
      'content/2025/12/b.md': article({ title: 'Body', date: '2025-12-18' }, 'Text.\n\n![A broken photo](broken.jpg)'),
    });
    const good = await photo(1000, 700);
    writeBinary(root, { 'content/2025/12/broken.jpg': good.subarray(0, Math.floor(good.length / 2)) });
    const problems = await failure(root);
    const text = formatProblems(problems);
    expect(text).toMatch(/^content\/2025\/12\/a\.md:4:8 error image: the lead image "notes\.jpg" \(content\/2025\/12\/notes\.jpg\) is not an image Broadsheet can read: .* \[image-unreadable\]/m);
    expect(text).toMatch(/^content\/2025\/12\/b\.md:8:1 error the image "broken\.jpg" \(content\/2025\/12\/broken\.jpg\) is not an image Broadsheet can read: .* \[image-unreadable\]/m);
    expect(problems).toHaveLength(2);
  });

  it('a body image without alt text is a warning, and an error with --strict', async () => {
    const files = { ...CONFIG, 'content/2025/12/a.md': article({ title: 'Alt', date: '2025-12-18' }, 'Text.\n\n![](pic.jpg)') };
    const root = makeSite(files);
    writeBinary(root, { 'content/2025/12/pic.jpg': await photo(600, 400) });
    const result = await buildSite(root);
    expect(formatProblems(result.warnings)).toMatch(/^content\/2025\/12\/a\.md:8:1 warning the image "pic\.jpg" has no alt text/);
    const strict = await failure(root, { strict: true });
    expect(formatProblems(strict)).toMatch(/^content\/2025\/12\/a\.md:8:1 error the image "pic\.jpg" has no alt text/);
  });

  it('a remote image is used as written, with a warning that it cannot be sized', async () => {
    const root = makeSite({ ...CONFIG, 'content/2025/12/a.md': lead('https://cdn.example.com/photo.jpg') });
    const result = await buildSite(root);
    expect(formatProblems(result.warnings)).toMatch(/^content\/2025\/12\/a\.md:4:8 warning image: the lead image "https:\/\/cdn\.example\.com\/photo\.jpg" is on another site: it is used as it is and cannot be sized/);
    const $ = page(path.join(root, 'dist'), '2025/12/18/lead/');
    expect($('figure.lead-image img').attr('src')).toBe('https://cdn.example.com/photo.jpg');
    expect($('meta[property="og:image"]').attr('content')).toBe('https://cdn.example.com/photo.jpg');
  });

  it('a lead image at an address the URL parser refuses is an error at the field, not a crash', async () => {
    // "//[cdn/photo.jpg" was taken for another site's image, and its page's og:image made with
    // new URL(), which threw: "broadsheet: unexpected error TypeError: Invalid URL" and a stack trace.
    const root = makeSite({ ...CONFIG, 'content/2025/12/a.md': lead('//[cdn/photo.jpg'), 'content/2025/12/b.md': lead('https://[cdn/photo.jpg', 'B') });
    const text = formatProblems(await failure(root));
    expect(text).toMatch(/^content\/2025\/12\/a\.md:4:8 error image: the lead image "\/\/\[cdn\/photo\.jpg" does not exist/m);
    expect(text).toMatch(/^content\/2025\/12\/b\.md:4:8 error image: the lead image "https:\/\/\[cdn\/photo\.jpg" is neither a file of the site nor an http\(s\) URL/m);
  });

  it('never reads outside the site folder: ../ paths, URL schemes and symbolic links out of it are errors', async () => {
    const outside = makeSite({});
    writeBinary(outside, { 'secret.jpg': await photo(600, 400) });
    const root = makeSite({
      ...CONFIG,
      'content/2025/12/a.md': lead('../../../../etc/passwd.jpg'),
      'content/2025/12/b.md': lead('file:///etc/passwd', 'B'),
      'content/2025/12/c.md': article({ title: 'C', date: '2025-12-18' }, 'Text.\n\n![Secret](linked.jpg)'),
      'content/2025/12/d.md': lead(`../../../../${path.basename(outside)}/secret.jpg`, 'D'),
    });
    symlinkSync(path.join(outside, 'secret.jpg'), path.join(root, 'content/2025/12/linked.jpg'));
    const text = formatProblems(await failure(root));
    expect(text).toMatch(/^content\/2025\/12\/a\.md:4:8 error image: the lead image "\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd\.jpg" leads outside the site folder/m);
    expect(text).toMatch(/^content\/2025\/12\/b\.md:4:8 error image: the lead image "file:\/\/\/etc\/passwd" is neither a file of the site nor an http\(s\) URL/m);
    expect(text).toMatch(/^content\/2025\/12\/c\.md:8:1 error the image "linked\.jpg" is a symbolic link to a file outside the site folder/m);
    expect(text).toMatch(/^content\/2025\/12\/d\.md:4:8 error image: the lead image ".*secret\.jpg" leads outside the site folder/m);
  });

  it('refuses a 100-megapixel image before decoding it', async () => {
    const root = makeSite({ ...CONFIG, 'content/2025/12/a.md': lead('huge.jpg') });
    // A 10,000 × 10,000 frame header over a small picture's data: refused on its header alone.
    const huge = withStatedSize(await photo(64, 64), 10_000, 10_000);
    expect(await sharp(huge).metadata()).toMatchObject({ format: 'jpeg', width: 10_000, height: 10_000 });
    writeBinary(root, { 'content/2025/12/huge.jpg': huge });
    expect(formatProblems(await failure(root))).toMatch(
      /^content\/2025\/12\/a\.md:4:8 error image: the lead image "huge\.jpg" \(content\/2025\/12\/huge\.jpg\) is 10,000 × 10,000 pixels, more than Broadsheet processes; expected at most 50,000,000 pixels \(50 megapixels\) \[image-too-large\]/,
    );
  });

  it('the CLI reports a missing image with its place, exit code 1, no stack trace, and leaves dist/ as it was', async () => {
    const root = await smallBundleSite();
    await buildSite(root);
    const before = readFileSync(path.join(root, 'dist/index.html'), 'utf8');
    writeFileSync(path.join(root, BUNDLE), BUNDLE_TEXT.replace('image: rink.jpg', 'image: rink-missing.jpg'));
    const result = await runCli(['build', '--quiet'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/2025\/12\/medeu\/index\.md:4:8 error image: the lead image "rink-missing\.jpg" does not exist/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).toBe(before);
  });

  it('a crash of the image process fails the photos, not the build, and the next build makes them', async () => {
    const root = await smallBundleSite();
    // The image process (sharp's own) kills itself on its first job, as a crash in libvips would.
    const crashed = await runCli(['build', '--quiet'], root, { BROADSHEET_KILL_AT: 'image-job' });
    expect(crashed.code).toBe(1);
    expect(crashed.stderr).toMatch(
      /^content\/2025\/12\/medeu\/index\.md:4:8 error image: the lead image "rink\.jpg" \(content\/2025\/12\/medeu\/rink\.jpg\) is not an image Broadsheet can read: the image process stopped \(SIGKILL\)/m,
    );
    expect(crashed.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);

    const fine = await runCli(['build', '--quiet'], root);
    expect(fine.stderr).toBe('');
    expect(fine.code).toBe(0);
    const $ = page(path.join(root, 'dist'), '2025/12/18/skaters-return-to-medeu/');
    expect($('article picture img').attr('alt')).toBe('Skaters on the ice at Medeu');
  });
});

describe('the dev server', () => {
  it('re-processes only a changed photo, writes only the pages showing it, and stays equal to a full build', async () => {
    const root = await smallBundleSite();
    writeFileSync(path.join(root, 'content/2025/12/plain.md'), article({ title: 'Plain', date: '2025-12-17' }, 'No photos.'));
    const { site } = await DevSite.start({ root, now: () => NOW, threads: 1 });
    try {
      const dist = path.join(root, 'dist');
      expect(differences(dist, await cleanBuildOf(root, NOW))).toEqual([]);
      const store = path.join(root, '.cache/images');
      const before = new Set(readdirSync(store));

      writeBinary(root, { 'content/2025/12/medeu/rink.jpg': await photo(800, 600) });
      const result = await site.update({ paths: [path.join(root, 'content/2025/12/medeu/rink.jpg')] });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.changed).toContain('2025/12/18/skaters-return-to-medeu/index.html');
      expect(result.changed).not.toContain('2025/12/17/plain/index.html');
      // The front page shows the photo too (its lead story's).
      expect(result.changed).toContain('index.html');
      // The new 800-px photo's 6 srcset variants (480 and 800 px, three formats each), 4 crops and
      // 6 front-page teasers (16:9 at the two widths it reaches, three formats) were made; the crowd photo's were not.
      expect(readdirSync(store).filter((name) => !before.has(name) && name !== 'index.json')).toHaveLength(16);
      expect(differences(dist, await cleanBuildOf(root, NOW))).toEqual([]);

      // The article now shows another photo in its body: the old one's variants leave the output.
      writeBinary(root, { 'content/2025/12/medeu/queue.jpg': await photo(900, 600) });
      writeFileSync(path.join(root, BUNDLE), BUNDLE_TEXT.replace('../../../images/crowd.png', 'queue.jpg'));
      const edited = await site.update({ paths: [path.join(root, BUNDLE)] });
      expect(edited.ok).toBe(true);
      expect(differences(dist, await cleanBuildOf(root, NOW))).toEqual([]);
    } finally {
      await site.close();
    }
  });
});

describe('imageFocus', () => {
  it('outside 0 to 1 is an error at the field, saying what is expected', async () => {
    const root = makeSite({ ...CONFIG, 'content/2025/12/a.md': article({ title: 'Focus', date: '2025-12-18', image: 'a.jpg', imageAlt: 'A', imageFocus: '1.5,0.2' }) });
    writeBinary(root, { 'content/2025/12/a.jpg': await photo(800, 600) });
    expect(formatProblems(await failure(root))).toMatch(
      /^content\/2025\/12\/a\.md:6:13 error imageFocus: has an invalid value; expected a focal point as two numbers from 0 to 1, across then down, such as 0\.3,0\.4/,
    );
  });
});
