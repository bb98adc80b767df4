// The default theme's files around the pages: a favicon (SVG, and an ICO for browsers and tools
// that want one) and a web manifest, each linked from every page, under the site's base path.

import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { MemoryWriter } from '../src/write/memory-writer.js';
import { parsePage } from './helpers/memory-site.js';
import { article, makeSite } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');

async function buildSite(config: string) {
  const root = makeSite({
    'site.config.ts': config,
    'content/2025/12/a.md': article({ title: 'A story', date: '2025-12-18 10:00', topic: 'Culture', tags: '[Almaty]', author: 'Aigerim Sultanova' }),
  });
  const writer = new MemoryWriter();
  await build({ root, writer, cache: false, threads: 1, now: NOW });
  const bytes = (file: string) => {
    const content = writer.contents.get(file);
    if (content === undefined) throw new Error(`no ${file}`);
    return typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  };
  const text = new Map([...writer.contents].filter(([file]) => file.endsWith('.html')).map(([file, content]) => [file, String(typeof content === 'string' ? content : Buffer.from(content))]));
  return { bytes, files: [...writer.contents.keys()], pages: text };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('the favicon', () => {
  it('is an SVG and an ICO of PNG images (16, 32 and 48 pixels), linked from every page', async () => {
    const site = await buildSite(`export default { title: 'Steppe Times', baseUrl: 'https://example.org/news/' };\n`);
    const svg = site.bytes('assets/favicon.svg').toString('utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 32 32">/);

    const ico = site.bytes('assets/favicon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes: number[] = [];
    for (let i = 0; i < ico.readUInt16LE(4); i++) {
      const entry = 6 + 16 * i;
      const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      // The entry's size is the PNG's own (IHDR: width and height after the signature and chunk header).
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([ico[entry], ico[entry + 1]]);
      sizes.push(ico[entry]!);
    }
    expect(sizes).toEqual([16, 32, 48]);

    expect(site.pages.size).toBeGreaterThan(5);
    for (const [file] of site.pages) {
      const $ = parsePage(site.pages, `/${file}`);
      expect($('link[rel="icon"]').map((_, l) => $(l).attr('href')).get(), file).toEqual(['/news/assets/favicon.ico', '/news/assets/favicon.svg']);
      expect($('link[rel="icon"][type="image/svg+xml"]'), file).toHaveLength(1);
      expect($('link[rel="manifest"]').attr('href'), file).toBe('/news/site.webmanifest');
    }
  });
});

describe('the web manifest', () => {
  it('names the site, starts at its home page and lists the favicons, under the base path', async () => {
    const site = await buildSite(`export default { title: 'Steppe Times', description: 'News from the steppe.', language: 'kk', baseUrl: 'https://example.org/news/' };\n`);
    const manifest = JSON.parse(site.bytes('site.webmanifest').toString('utf8')) as Record<string, unknown> & { icons: Array<{ src: string; type: string }> };
    expect(manifest).toMatchObject({
      name: 'Steppe Times',
      short_name: 'Steppe Times',
      description: 'News from the steppe.',
      lang: 'kk',
      start_url: '/news/',
      scope: '/news/',
      theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      background_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
    expect(manifest.icons.map((icon) => [icon.src, icon.type])).toEqual([
      ['/news/assets/favicon.svg', 'image/svg+xml'],
      ['/news/assets/favicon.ico', 'image/x-icon'],
    ]);
    for (const icon of manifest.icons) expect(site.files).toContain(icon.src.replace('/news/', ''));
  });

  it('stays valid JSON whatever the title holds, and leaves out an empty description', async () => {
    const site = await buildSite(`export default { title: 'The "Steppe" </script> Times' };\n`);
    const manifest = JSON.parse(site.bytes('site.webmanifest').toString('utf8')) as Record<string, unknown>;
    expect(manifest.name).toBe('The "Steppe" </script> Times');
    expect(manifest).not.toHaveProperty('description');
  });
});
