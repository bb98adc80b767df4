// Safe output: fields are escaped, raw HTML is sanitised, odd encodings read right, and no value or
// file name writes outside the output folder.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { htmlProblems } from './helpers/html.js';
import { buildInMemory, parsePage } from './helpers/memory-site.js';
import { listFiles, makeSite, page } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('hostile content', () => {
  let dist: string;
  let root: string;

  beforeAll(async () => {
    root = makeSite({
      'content/x.md': [
        '---',
        'title: "<script>alert(1)</script> & <b>bold</b>"',
        'date: 2025-12-18',
        'topic: "<img src=x onerror=alert(1)>"',
        'tags: ["../../../etc", "<i>tag</i>", "a/b/../../c"]',
        'source: "\\"><script>alert(2)</script>"',
        'summary: "</p><script>alert(3)</script>"',
        '---',
        '',
        'Hello <script>alert(4)</script> <b onclick="alert(5)">world</b> <iframe src="https://evil.example"></iframe>',
        '',
        '[click](javascript:alert(6)) <a href="javascript:alert(7)">raw</a>',
        '',
        '<style>body{display:none}</style>',
      ].join('\n'),
    });
    dist = path.join(root, 'dist');
    await build({ root, now: NOW });
  });

  it('escapes the title, topic, source and summary everywhere they appear', () => {
    const file = listFiles(dist).find((f) => /^2025\/12\/18\/.+\/index\.html$/.test(f))!;
    for (const url of ['/', `/${file}`, '/topics/', '/tags/etc/']) {
      const $ = page(dist, url);
      // The only scripts are JSON-LD data, which must parse and hold the title as text.
      expect($('script:not([type="application/ld+json"])'), url).toHaveLength(0);
      expect($('script[type="application/ld+json"]').length, url).toBeGreaterThan(0);
      $('script[type="application/ld+json"]').each((_, script) => {
        expect(() => JSON.parse($(script).text()), url).not.toThrow();
      });
      expect($('img, iframe, [onerror], [onclick]'), url).toHaveLength(0);
    }
    const home = page(dist, '/');
    // The only article leads the home page; on a tag page it is a card.
    expect(home('.lead-story h2').text()).toBe('<script>alert(1)</script> & <b>bold</b>');
    expect(home('.lead-story .summary').text()).toBe('</p><script>alert(3)</script>');
    const tag = page(dist, '/tags/etc/');
    expect(tag('.article-list h2').text()).toBe('<script>alert(1)</script> & <b>bold</b>');
    expect(tag('.article-list .summary').text()).toBe('</p><script>alert(3)</script>');
    const article = page(dist, `/${file}`);
    expect(article('h1').text()).toBe('<script>alert(1)</script> & <b>bold</b>');
    expect(article('.source').text()).toBe('Source: "><script>alert(2)</script>');
    expect(article('meta[property="og:title"]').attr('content')).toBe('<script>alert(1)</script> & <b>bold</b>');
    const jsonLd = JSON.parse(article('script[type="application/ld+json"]').first().text());
    expect(jsonLd.headline).toBe('<script>alert(1)</script> & <b>bold</b>');
    // Inside the JSON, "<" is escaped so the data cannot close its <script> element.
    expect(readFileSync(path.join(dist, file), 'utf8')).not.toMatch(/<\/script>[^\n]*<\/script>/);
  });

  it('sanitises raw HTML in the body: no scripts, handlers, iframes, styles or javascript: links', () => {
    const file = listFiles(dist).find((f) => /^2025\/12\/18\/.+\/index\.html$/.test(f))!;
    const $ = page(dist, `/${file}`);
    const body = $('.article-body');
    expect(body.find('script, iframe, style')).toHaveLength(0);
    expect(body.find('[onclick]')).toHaveLength(0);
    expect(body.find('b').text()).toBe('world');
    const hrefs = body.find('a').map((_, a) => $(a).attr('href') ?? '').get();
    expect(hrefs.some((href) => href.toLowerCase().startsWith('javascript:'))).toBe(false);
    expect($('script:not([type="application/ld+json"])')).toHaveLength(0);
  });

  it('writes every file inside the output folder, with tag URLs made safe', () => {
    // dist is a link to a tree in .dist.builds/ (listFiles does not follow links): the output is there.
    const files = listFiles(root);
    expect(files.filter((f) => !f.startsWith('.dist.builds/') && !f.startsWith('content/') && !f.startsWith('.cache/'))).toEqual([]);
    expect(existsSync(path.join(dist, 'tags/etc/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'tags/a-b-c/index.html'))).toBe(true);
    expect(existsSync(path.join(root, 'etc'))).toBe(false);
  });

  it('still produces valid HTML', async () => {
    expect(await htmlProblems(dist)).toEqual([]);
  });
});

describe('file encodings', () => {
  it('reads a UTF-8 BOM and CRLF line endings as if they were not there', async () => {
    const root = makeSite({
      'content/bom.md': '\uFEFF---\r\ntitle: With BOM and CRLF\r\ndate: 2025-12-18\r\ntags: [Almaty]\r\n---\r\n\r\nFirst line\r\nsecond line.\r\n\r\nAnother paragraph.\r\n',
    });
    await build({ root, now: NOW });
    const $ = page(path.join(root, 'dist'), '/2025/12/18/with-bom-and-crlf/');
    expect($('h1').text()).toBe('With BOM and CRLF');
    expect($('time').first().attr('datetime')).toBe('2025-12-18');
    expect($('.article-body p').map((_, p) => $(p).text()).get()).toEqual(['First line\nsecond line.', 'Another paragraph.']);
    expect($('.tags a').attr('href')).toBe('/tags/almaty/');
  });
});

describe('a link to an article file with a percent-escape that is not UTF-8', () => {
  it('is a broken link kept as written, not a crash', async () => {
    // decodeURIComponent threw 'URI malformed' from the renderer: "broadsheet: unexpected error" and a stack trace.
    const site = await buildInMemory(
      { 'content/2025/12/a.md': '---\ntitle: A\ndate: 2025-12-18\n---\n\nSee [the other](b%E0%A4%A.md) and [this one](b.md).\n', 'content/2025/12/b.md': '---\ntitle: B\ndate: 2025-12-17\n---\n\nB.\n' },
      { now: NOW },
    );
    expect(site.ok, JSON.stringify(site.problems)).toBe(true);
    expect(site.warnings.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual(['6:5 link-broken']);
    const $ = parsePage(site.outputs, '/2025/12/18/a/');
    expect($('.article-body a').map((_, a) => $(a).attr('href')).get()).toEqual(['b%E0%A4%25A.md', '/2025/12/17/b/']);
  });
});
