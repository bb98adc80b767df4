// Old URLs keep working: every path an article lists in `aliases` answers with a redirect page
// (no JavaScript) and an entry in _redirects; a redirect never takes the place of a page.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { buildInMemory, tryBuild } from './helpers/memory-site.js';
import { snapshot } from './helpers/output.js';
import { article, makeSite, writeFiles } from './helpers/site.js';

const NOW = { now: Date.parse('2026-01-01T00:00:00Z') };
const config = (extra = '') => ({ 'site.config.ts': `export default { title: 'T', baseUrl: 'https://news.example/${extra}' };\n` });

describe('an article with aliases', () => {
  it('answers each old URL with a redirect page: a refresh to the article, its canonical URL, noindex, no script', async () => {
    const site = await buildInMemory({
      ...config(),
      'content/a.md': article({ title: 'Flights resume', date: '2025-12-18 10:00', aliases: '[/2014/12/17/flights.html, /news/flights/, /old-flights, "/?p=123", /story.php]' }),
    }, NOW);
    expect(site.ok, JSON.stringify(site.problems)).toBe(true);
    for (const file of ['2014/12/17/flights.html', 'news/flights/index.html', 'old-flights/index.html']) {
      const page = site.page(`/${file}`);
      expect(page('meta[http-equiv="refresh"]').attr('content'), file).toBe('0; url=/2025/12/18/flights-resume/');
      expect(page('link[rel="canonical"]').attr('href')).toBe('https://news.example/2025/12/18/flights-resume/');
      expect(page('meta[name="robots"]').attr('content')).toBe('noindex');
      expect(page('script')).toHaveLength(0);
      expect(page('a').attr('href')).toBe('/2025/12/18/flights-resume/');
    }
    // A query or another extension cannot be a static file: _redirects only.
    expect([...site.outputs.keys()].some((file) => file.includes('story.php') || file.includes('p=123'))).toBe(false);
    const lines = site.outputs.get('_redirects')!.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(lines).toEqual([
      '/2014/12/17/flights.html /2025/12/18/flights-resume/ 301',
      '/news/flights/ /2025/12/18/flights-resume/ 301',
      '/old-flights /2025/12/18/flights-resume/ 301',
      '/ p=123 /2025/12/18/flights-resume/ 301',
      '/story.php /2025/12/18/flights-resume/ 301',
    ]);
  });

  it('redirects under the base path of a site served from a folder', async () => {
    const site = await buildInMemory({ ...config('news/'), 'content/a.md': article({ title: 'A', date: '2025-12-18', aliases: '[/2014/a.html]' }) }, NOW);
    expect(site.ok).toBe(true);
    expect(site.page('/2014/a.html')('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/news/2025/12/18/a/');
    expect(site.outputs.get('_redirects')).toContain('/news/2014/a.html /news/2025/12/18/a/ 301');
  });

  it('a site without aliases has no _redirects', async () => {
    const site = await buildInMemory({ ...config(), 'content/a.md': article({ title: 'A', date: '2025-12-18' }) }, NOW);
    expect(site.outputs.has('_redirects')).toBe(false);
  });

  it('an old URL that is a page of the site is an error naming both', async () => {
    const site = await buildInMemory({
      ...config(),
      'content/a.md': article({ title: 'A', date: '2025-12-18', tags: '[Almaty]' }),
      'content/b.md': article({ title: 'B', date: '2025-12-19', aliases: '[/2025/12/18/a/, /tags/almaty]' }),
    }, NOW);
    expect(site.ok).toBe(false);
    const collisions = site.problems.filter((p) => p.code === 'alias-collision');
    expect(collisions.map((p) => [p.file, p.field, p.message])).toEqual([
      ['content/b.md', 'aliases', 'the old URL /2025/12/18/a/ is also the page /2025/12/18/a/ (content/a.md): a redirect would replace it'],
      ['content/b.md', 'aliases', 'the old URL /tags/almaty is also the page /tags/almaty/: a redirect would replace it'],
    ]);
  });

  it('an old URL at a file the site makes, or through one, is an error at the field; the output is left as it was', async () => {
    const root = makeSite({ ...config(), 'content/a.md': article({ title: 'A', date: '2025-12-18', tags: '[Almaty]' }) });
    await build({ root, now: NOW.now, threads: 1 });
    const before = snapshot(path.join(root, 'dist'));
    writeFiles(root, { 'content/b.md': article({ title: 'B', date: '2025-12-19', aliases: '[/feed.xml, /feed.xml/, /tags/almaty/feed.xml/old.html, /sitemap.xml/x/]' }) });
    const failed = await tryBuild({ root, now: NOW.now, threads: 1 });
    expect(failed.ok).toBe(false);
    expect(failed.problems.map((p) => `${p.file}:${p.line} ${p.code} ${p.message}`)).toEqual([
      'content/b.md:4 alias-collision the old URL /feed.xml is the file /feed.xml the site makes (a feed, a sitemap, an asset): a redirect would replace it',
      'content/b.md:4 alias-collision the old URL /feed.xml/ runs through the file /feed.xml the site makes (a feed, a sitemap, an asset): a redirect would replace it',
      'content/b.md:4 alias-collision the old URL /tags/almaty/feed.xml/old.html runs through the file /tags/almaty/feed.xml the site makes (a feed, a sitemap, an asset): a redirect would replace it',
      'content/b.md:4 alias-collision the old URL /sitemap.xml/x/ runs through the file /sitemap.xml the site makes (a feed, a sitemap, an asset): a redirect would replace it',
    ]);
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
  });

  it('an old URL two articles list is an error naming both', async () => {
    const site = await buildInMemory({
      ...config(),
      'content/a.md': article({ title: 'A', date: '2025-12-18', aliases: '[/old.html]' }),
      'content/b.md': article({ title: 'B', date: '2025-12-19', aliases: '[/old.html]' }),
    }, NOW);
    expect(site.ok).toBe(false);
    expect(site.problems.map((p) => `${p.file} ${p.message}`)).toEqual(['content/b.md the old URL /old.html is also listed by content/a.md:4']);
  });

  it('an alias that is not a site path is an error at the field', async () => {
    for (const bad of ['[../../etc/passwd]', '[/a/../../b]', '[relative/path]', '["//evil.example/x"]']) {
      const site = await buildInMemory({ ...config(), 'content/a.md': article({ title: 'A', date: '2025-12-18', aliases: bad }) }, NOW);
      expect(site.ok, bad).toBe(false);
      expect(site.problems[0]).toMatchObject({ file: 'content/a.md', line: 4, field: 'aliases.0', code: 'field-invalid' });
    }
  });

  it('an alias with .., \\ or a control character written as a percent-escape is the same error, not a crash or a page elsewhere', async () => {
    // The redirect page's file is named by the decoded path, as a server decodes the request:
    // /..%5C..%5Cx threw 'site path escapes the output folder' with a stack trace, and /%2e%2e/x
    // quietly wrote a redirect at /x/.
    for (const bad of ['["/..%5C..%5C..%5Cx"]', '["/%2e%2e/x"]', '["/a/%2E%2E/%2e%2e/%2e%2e/x"]', '["/a%00b/"]', '["/%2e/x"]']) {
      const site = await buildInMemory({ ...config(), 'content/a.md': article({ title: 'A', date: '2025-12-18', aliases: bad }) }, NOW);
      expect(site.ok, bad).toBe(false);
      expect(site.problems[0], bad).toMatchObject({ file: 'content/a.md', line: 4, field: 'aliases.0', code: 'field-invalid' });
    }
    // Other escapes are still read as a server reads them: /caf%C3%A9/ is the folder café/.
    const site = await buildInMemory({ ...config(), 'content/a.md': article({ title: 'A', date: '2025-12-18', aliases: '["/caf%C3%A9/"]' }) }, NOW);
    expect(site.ok, JSON.stringify(site.problems)).toBe(true);
    expect(site.outputs.has('café/index.html')).toBe(true);
  });
});
