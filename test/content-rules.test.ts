// Content that would come out wrong: dates out of order, body images whose URL is no web address
// (a src the sanitiser drops would leave an <img> with no source), protocol-relative URLs taken for
// paths of the site, and template errors naming folders of the machine (docs/content-rules.md).

import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/render/markdown.js';
import { REPO } from './helpers/site.js';
import { buildInMemory } from './helpers/memory-site.js';
import { rebuildWith } from './helpers/rebuild.js';
import { article } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const CONFIG = { 'site.config.ts': `export default { title: 'Steppe Times', baseUrl: 'https://example.org/news/' };\n` };
const GOOD = { ...CONFIG, 'content/2025/12/good.md': article({ title: 'A good article', date: '2025-12-18 19:20' }) };

describe('dates out of order', () => {
  it('updated before date and expires at or before it are errors naming the field at its line and column; dist/ unchanged', async () => {
    const run = await rebuildWith(GOOD, {
      'content/2025/12/updated.md': article({ title: 'Updated', date: '2025-12-18 19:20', updated: '2025-12-18' }),
      'content/2025/12/expires.md': article({ title: 'Expires', date: '2025-12-18 19:20', expires: '2025-11-18 19:20' }),
      'content/2025/12/same.md': article({ title: 'Same', date: '2025-12-18 19:20', expires: '2025-12-18T19:20:00+05:00' }),
    }, NOW);
    expect(run.ok).toBe(false);
    expect(run.report.split('\n')).toEqual([
      'content/2025/12/expires.md:4:10 error expires: is not after the article\'s date "2025-12-18 19:20": the article would never be shown; expected when the article is taken down, after date, got "2025-11-18 19:20" [date-order]',
      '    hint: check the year and the month; a date without a time is midnight, so write the time too (2025-12-18 21:00)',
      'content/2025/12/same.md:4:10 error expires: is not after the article\'s date "2025-12-18 19:20": the article would never be shown; expected when the article is taken down, after date, got "2025-12-18T19:20:00+05:00" [date-order]',
      '    hint: check the year and the month; a date without a time is midnight, so write the time too (2025-12-18 21:00)',
      'content/2025/12/updated.md:4:10 error updated: is before the article\'s date "2025-12-18 19:20"; expected when the article was last changed, at or after date, got "2025-12-18" [date-order]',
      '    hint: check the year and the month; a date without a time is midnight, so write the time too (2025-12-18 21:00)',
    ]);
    expect(run.after).toEqual(run.before);
  });

  it('an update at the moment of publication, or after it, is fine and dated in the JSON-LD', async () => {
    const site = await buildInMemory({ ...CONFIG, 'content/2025/12/a.md': article({ title: 'A', date: '2025-12-18 19:20', updated: '2025-12-18 19:20', expires: '2026-06-01' }) }, { now: NOW });
    expect(site.problems).toEqual([]);
    const $ = site.page('/2025/12/18/a/');
    const things = $('script[type="application/ld+json"]').map((_, s) => JSON.parse($(s).text()) as Record<string, unknown>).get() as Array<Record<string, unknown>>;
    const news = things.find((data) => data['@type'] === 'NewsArticle');
    expect([news?.datePublished, news?.dateModified]).toEqual(['2025-12-18T19:20:00+05:00', '2025-12-18T19:20:00+05:00']);
  });
});

describe('a body image whose URL is no web address', () => {
  const SCHEMES = ['file:///etc/passwd', 'data:image/png;base64,iVBORw0KGgo=', 'ftp://example.org/a.png', 'vbscript:msgbox(1)', 'javascript:alert(1)'];

  it('is image-outside-site at its place in the body, as a lead image is, in Markdown and in raw HTML; dist/ unchanged', async () => {
    const body = `Text.\n\n${SCHEMES.map((src, i) => `![Photo ${i}](${src})`).join('\n')}\n\n<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Raw">`;
    const run = await rebuildWith(GOOD, { 'content/2025/12/a.md': article({ title: 'A', date: '2025-12-18' }, body) }, NOW);
    expect(run.ok).toBe(false);
    expect(run.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code} ${p.message}`)).toEqual([
      ...SCHEMES.map((src, i) => `content/2025/12/a.md:${8 + i}:1 image-outside-site the image ${JSON.stringify(src)} is neither a file of the site nor an http(s) URL`),
      'content/2025/12/a.md:14:1 image-outside-site the image "data:image/gif;base64,R0lGODlhAQABAAAAACw=" is neither a file of the site nor an http(s) URL',
    ]);
    expect(run.after).toEqual(run.before);
  });

  it('never becomes an <img> without a source; nor does one with no src at all, which is image-missing', async () => {
    const body = `![Secret](file:///etc/passwd) and ![Nothing]() and <img alt="Raw, no src">`;
    const html = renderMarkdown(body, { summaryLength: 200, basePath: '/', contentPath: '2025/12/a.md' }).html;
    expect(html).toBe('<p> and  and </p>');
    const site = await buildInMemory({ ...CONFIG, 'content/2025/12/a.md': article({ title: 'A', date: '2025-12-18' }, body) }, { now: NOW });
    expect(site.problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.message}; expected ${p.expected}`)).toEqual([
      '6:1 image-outside-site the image "file:///etc/passwd" is neither a file of the site nor an http(s) URL; expected a path to an image inside the site folder, or an http(s) URL',
      '6:35 image-missing an image has no path or URL; expected the path of an image file, or an http(s) URL',
      '6:52 image-missing an image has no path or URL; expected the path of an image file, or an http(s) URL',
    ]);
  });
});

describe('a protocol-relative URL', () => {
  it('in the authors file is not taken for a site path: photo //evil.example/x.jpg is refused', async () => {
    const site = await buildInMemory({ ...GOOD, 'content/authors.yaml': '- name: Aigerim Sultanova\n  photo: //evil.example/x.jpg\n' }, { now: NOW });
    expect(site.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.field} ${p.code} ${p.actual}`)).toEqual([
      'content/authors.yaml:2:10 photo authors-invalid "//evil.example/x.jpg"',
    ]);
    expect(site.problems[0]?.expected).toBe('a site path such as /images/authors/aigerim.jpg (a file of static/) or an http(s) URL such as https://example.org/aigerim.jpg');
  });

  it('as a lead image is remote: a warning, and the feeds and Open Graph give it the site\'s scheme', async () => {
    const site = await buildInMemory({ ...CONFIG, 'content/2025/12/a.md': article({ title: 'A', date: '2025-12-18', image: '//cdn.example/photo.jpg', imageAlt: 'A photo' }) }, { now: NOW });
    expect(site.warnings.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual(['4:8 image-remote']);
    const $ = site.page('/2025/12/18/a/');
    expect($('meta[property="og:image"]').attr('content')).toBe('https://cdn.example/photo.jpg');
    expect($('figure.lead-image img').attr('src')).toBe('//cdn.example/photo.jpg');
  });

  it('as a link or image in the body is another site\'s, also written /\\host/ in raw HTML: not put under the base path, not checked as a page', async () => {
    // In Markdown a backslash in a URL is percent-encoded (/%5Chost/ is a path); raw HTML keeps it, and browsers read /\host/ as //host/.
    const body = 'See [this](//evil.example/a), <a href="/\\evil.example/b">that</a> and [ours](/2025/12/18/a-good-article/).\n\n<img src="/\\cdn.example/c.jpg" alt="Remote">';
    const site = await buildInMemory({ ...GOOD, 'content/2025/12/a.md': article({ title: 'A', date: '2025-12-18' }, body) }, { now: NOW });
    expect(site.ok).toBe(true);
    expect(site.warnings.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual(['8:1 image-remote']);
    const $ = site.page('/2025/12/18/a/');
    expect($('.article-body a').map((_, a) => $(a).attr('href')).get()).toEqual(['//evil.example/a', '/\\evil.example/b', '/news/2025/12/18/a-good-article/']);
    expect($('.article-body img').attr('src')).toBe('/\\cdn.example/c.jpg');
  });
});

describe('a template that names a missing template', () => {
  it('is reported with the folders as the user knows them, not the machine\'s paths', async () => {
    const site = await buildInMemory({ ...GOOD, 'templates/home.liquid': "{% include 'partials/nope' %}" }, { now: NOW });
    expect(site.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)).toEqual([
      'templates/home.liquid:1:1 ENOENT: Failed to lookup "partials/nope" in templates/ and the default theme (rendering template "home")',
    ]);
    for (const machine of [site.root, REPO, '/tmp/']) expect(JSON.stringify(site.problems)).not.toContain(machine);
  });
});
