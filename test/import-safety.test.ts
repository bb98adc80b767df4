// An import is safe to run: again (only what is new is added, nothing existing changes without
// --force), as a dry run (nothing written), on broken input (one error with its place, nothing
// written), and never writes outside content/.

import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSource } from '../src/authoring/importers/import.js';
import { BuildFailure, type Problem } from '../src/problems/index.js';
import { buildFolderInMemory } from './helpers/memory-site.js';
import { listFiles, makeSite, REPO, runCli } from './helpers/site.js';

const FIXTURES = path.join(REPO, 'test/fixtures/import');
const CONFIG = { 'site.config.ts': "export default { title: 'T', timeZone: 'UTC' };\n" };

async function failure(run: Promise<unknown>): Promise<readonly Problem[]> {
  try {
    await run;
  } catch (error) {
    if (error instanceof BuildFailure) return error.problems;
    throw error;
  }
  throw new Error('the import did not fail');
}

describe('importing again', () => {
  it('adds only what is new and changes no file an earlier import wrote', async () => {
    const root = makeSite(CONFIG);
    const source = path.join(root, 'feed.xml');
    const rss = readFileSync(path.join(FIXTURES, 'rss/feed.xml'), 'utf8');
    writeFileSync(source, rss);
    const first = await importSource(source, { root });
    expect(first.written).toHaveLength(3);
    const before = new Map(listFiles(path.join(root, 'content')).map((file) => [file, statSync(path.join(root, 'content', file)).mtimeMs]));
    // An editor's change to an imported article survives the next import.
    writeFileSync(path.join(root, 'content/2025/12/market-square.md'), readFileSync(path.join(root, 'content/2025/12/market-square.md'), 'utf8').replace('moves to the main square', 'moves to the town square'));

    const again = await importSource(source, { root });
    expect(again.written).toEqual([]);
    expect(again.alreadyImported).toHaveLength(3);
    expect(readFileSync(path.join(root, 'content/2025/12/market-square.md'), 'utf8')).toContain('town square');

    // A new item in the feed: only it is written.
    writeFileSync(source, rss.replace('<item>', '<item><title>Late news</title><guid isPermaLink="false">courier-9999</guid><pubDate>Fri, 05 Dec 2025 12:00:00 GMT</pubDate><description>Just in.</description></item>\n    <item>'));
    const third = await importSource(source, { root });
    expect(third.written).toEqual(['content/2025/12/late-news.md']);
    for (const [file, mtime] of before) if (file !== '2025/12/market-square.md') expect(statSync(path.join(root, 'content', file)).mtimeMs, file).toBe(mtime);
  });

  it('--force writes the articles of an earlier import again, in their place', async () => {
    const root = makeSite(CONFIG);
    await importSource(path.join(FIXTURES, 'jsonfeed/feed.json'), { root });
    const file = path.join(root, 'content/2025/10/hut-opens.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('It sleeps forty.', 'Edited.'));
    const forced = await importSource(path.join(FIXTURES, 'jsonfeed/feed.json'), { root, force: true });
    expect(forced.written).toContain('content/2025/10/hut-opens.md');
    expect(readFileSync(file, 'utf8')).toContain('It sleeps forty.');
    expect(listFiles(path.join(root, 'content')).filter((name) => name.endsWith('.md'))).toHaveLength(2);
  });

  it('a folder imported twice adds nothing, and its images are not copied again', async () => {
    const root = makeSite(CONFIG);
    const first = await importSource(path.join(FIXTURES, 'hugo'), { root });
    const files = listFiles(root);
    const second = await importSource(path.join(FIXTURES, 'hugo'), { root });
    expect(first.written).toHaveLength(2);
    expect(second.written).toEqual([]);
    expect(listFiles(root)).toEqual(files);
  });
});

describe('old URLs', () => {
  it('one that is a page of the new site (a list, an index, an archive) is left out and reported, and the site builds', async () => {
    const item = (slug: string, day: number) =>
      `<item><title>Post ${slug}</title><link>https://old.example/${slug}</link><guid>https://old.example/?p=${day}</guid><pubDate>Mon, ${String(day).padStart(2, '0')} Dec 2025 10:00:00 GMT</pubDate><description>About ${slug}.</description></item>`;
    const feed = `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Old</title><link>https://old.example/</link>\n${['search/', 'tags/', 'topics/politics/', '2024/', 'page/2/', 'about-us/'].map((slug, i) => item(slug, i + 1)).join('\n')}\n</channel></rss>\n`;
    const root = makeSite({ ...CONFIG, 'old.rss': feed });
    const outcome = await importSource(path.join(root, 'old.rss'), { root });
    expect(outcome.written).toHaveLength(6);
    expect(outcome.problems.filter((p) => p.code === 'import-left-out').map((p) => `${p.line} ${p.message}`)).toEqual(
      ['/search/', '/tags/', '/topics/politics/', '/2024/', '/page/2/'].map((url, i) => `${i + 3} old URL "${url}" not imported: it is a page the site makes (a list, an index or an archive): a redirect would take its place`),
    );
    const site = await buildFolderInMemory(root, { now: Date.parse('2026-01-01T00:00:00Z') });
    expect(site.ok, JSON.stringify(site.problems, null, 1)).toBe(true);
    // The others still lead to their articles: the page's own old URL, and the ?p= one in _redirects.
    expect(site.page('/about-us/')('meta[http-equiv="refresh"]').attr('content')).toMatch(/^0; url=\/2025\/12\/06\//);
    expect(site.outputs.get('_redirects')).toContain('/ p=1 /2025/12/01/');
  });
});

describe('old URLs the build would refuse', () => {
  it('are left out and reported, the post and its other old URLs imported; the new site builds', async () => {
    const root = makeSite({
      'site.config.ts': "export default { title: 'New' };\n",
      'old/_config.yml': 'title: Old\n',
      'old/_posts/2025-01-02-moved.md': '---\ntitle: Moved\nredirect_from: ["//evil.example/x", "/a/../../b/", "/earlier/"]\n---\n\nText.\n',
    });
    const outcome = await importSource(path.join(root, 'old'), { root });
    expect(outcome.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(outcome.problems.filter((p) => p.code === 'import-left-out').map((p) => p.message)).toEqual([
      expect.stringContaining('"//evil.example/x"'),
      expect.stringContaining('"/a/../../b/"'),
    ]);
    const text = readFileSync(path.join(root, 'content/2025/01/moved.md'), 'utf8');
    expect(text).toContain('/earlier/');
    expect(text).not.toContain('evil.example');
    const site = await buildFolderInMemory(root, { now: Date.parse('2026-01-01') });
    expect(site.ok, JSON.stringify(site.problems)).toBe(true);
  });
});

describe('a dry run', () => {
  it('reports what would be written and writes nothing', async () => {
    const root = makeSite(CONFIG);
    const outcome = await importSource(path.join(FIXTURES, 'wxr/export.xml'), { root, dryRun: true, uploads: path.join(FIXTURES, 'wxr/uploads') });
    expect(outcome.written).toHaveLength(3);
    expect(outcome.assets).toEqual(['content/2020/07/ferry-service-resumes/harbour.jpg', 'content/2020/07/ferry-service-resumes/ferry.jpg']);
    expect(outcome.authorsAdded).toEqual(['Marta Hansen', 'Frank Dirty']);
    expect(listFiles(root)).toEqual(['site.config.ts']);
  });
});

describe('broken input', () => {
  it('XML that is not well-formed is one error at its line and column, and nothing is written', async () => {
    const root = makeSite({ ...CONFIG, 'bad.xml': '<?xml version="1.0"?>\n<rss version="2.0">\n  <channel>\n    <item><title>A</title></itm>\n  </channel>\n</rss>\n' });
    const problems = await failure(importSource(path.join(root, 'bad.xml'), { root }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'import-source', line: 4, severity: 'error' });
    expect(problems[0]?.message).toContain('invalid XML');
    expect(listFiles(root)).toEqual(['bad.xml', 'site.config.ts']);
  });

  it('a DOCTYPE with an external entity is an error at the DOCTYPE, not a crash, and the file it names is not read', async () => {
    // fast-xml-parser refuses such an entity by throwing, which ended the import with 'broadsheet: unexpected error' and a stack trace.
    const feed = '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY secret SYSTEM "file:///etc/hostname">\n]>\n<rss version="2.0"><channel><title>T</title><item><title>A &secret;</title><pubDate>Wed, 01 Jan 2025 10:00:00 GMT</pubDate><description>x</description></item></channel></rss>\n';
    const root = makeSite({ ...CONFIG, 'feed.xml': feed });
    const problems = await failure(importSource(path.join(root, 'feed.xml'), { root }));
    expect(problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.message}`)).toEqual(['2:1 import-source invalid XML: External entities are not supported']);
    expect(listFiles(root)).toEqual(['feed.xml', 'site.config.ts']);
  });

  it('JSON that does not parse is one error at its line and column', async () => {
    const root = makeSite({ ...CONFIG, 'feed.json': '{\n  "version": "https://jsonfeed.org/version/1.1",\n  "items": [\n    { "id": "1", }\n  ]\n}\n' });
    const problems = await failure(importSource(path.join(root, 'feed.json'), { root }));
    expect(problems).toMatchObject([{ code: 'import-source', line: 4 }]);
    expect(problems[0]?.message).toContain('invalid JSON');
  });

  it('a post of a folder with broken front-matter is an error at its line; no post is written', async () => {
    const root = makeSite(CONFIG);
    const source = makeSite({});
    cpSync(path.join(FIXTURES, 'hugo'), source, { recursive: true });
    writeFileSync(path.join(source, 'content/posts/broken.md'), '+++\ntitle = "Broken\ndate = 2023-01-01\n+++\nText\n');
    const problems = await failure(importSource(source, { root }));
    expect(problems).toMatchObject([{ code: 'toml-syntax', line: 2 }]);
    expect(problems[0]?.file).toMatch(/content\/posts\/broken\.md$/);
    expect(listFiles(root)).toEqual(['site.config.ts']);
  });

  it('bytes that are not text in the encoding the file declares, or UTF-8 when it declares none, are one error at their place; nothing is written', async () => {
    const feed = (declaration: string, title: Buffer) =>
      Buffer.concat([Buffer.from(`${declaration}\n<rss version="2.0"><channel><title>T</title>\n<item><title>`), title, Buffer.from('</title><link>https://old.example/a</link><pubDate>Mon, 01 Dec 2025 10:00:00 GMT</pubDate></item></channel></rss>\n')]);
    // "Café" in Latin-1, with no declaration: not UTF-8.
    const root = makeSite({ ...CONFIG, 'latin.rss': feed('<?xml version="1.0"?>', Buffer.from('Caf\xe9', 'latin1')), 'odd.rss': feed('<?xml version="1.0" encoding="x-mac-nonsense"?>', Buffer.from('Cafe')) });
    const invalid = await failure(importSource(path.join(root, 'latin.rss'), { root }));
    expect(invalid).toMatchObject([{ code: 'import-source', line: 3, column: 17, severity: 'error', message: 'a byte that is not UTF-8 text' }]);
    const unknown = await failure(importSource(path.join(root, 'odd.rss'), { root }));
    expect(unknown).toMatchObject([{ code: 'import-source', line: 1, message: "the source's encoding, x-mac-nonsense, is not one Broadsheet can read" }]);
    expect(listFiles(root)).toEqual(['latin.rss', 'odd.rss', 'site.config.ts']);
  });

  it('a file of no format Broadsheet imports says what it looks like', async () => {
    const root = makeSite({ ...CONFIG, 'page.html': '<!doctype html><html><body><p>Hi</p></body></html>' });
    const problems = await failure(importSource(path.join(root, 'page.html'), { root }));
    expect(problems[0]?.message).toMatch(/^not a format Broadsheet imports/);
  });
});

describe('the import command', () => {
  it('answers --help with its usage, exit 0', async () => {
    const run = await runCli(['import', '--help'], makeSite(CONFIG));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: broadsheet import [options] [sources...]');
    expect(run.stdout).toContain('--uploads <dir>');
  });

  it('imports a folder (no EISDIR), writes only under content/, and prints a summary', async () => {
    const root = makeSite(CONFIG);
    const run = await runCli(['import', path.join(FIXTURES, 'zola')], root);
    expect(run.stderr).not.toContain('EISDIR');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Imported 1 of 1 articles from');
    expect(run.stdout).toContain('(Zola folder)');
    expect(listFiles(root).filter((file) => !file.startsWith('content/'))).toEqual(['site.config.ts']);
  });

  it('--from names the format; an unknown one is a usage error (exit 2); a source of another format, exit 1', async () => {
    const root = makeSite(CONFIG);
    const unknown = await runCli(['import', path.join(FIXTURES, 'rss/feed.xml'), '--from', 'blogger'], root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("option '--from <format>' argument 'blogger' is invalid. Expected one of dump, rss, atom");
    const wrong = await runCli(['import', path.join(FIXTURES, 'rss/feed.xml'), '--from', 'atom'], root);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('--from atom was given, but the source is an RSS feed');
    const asRss = await runCli(['import', path.join(FIXTURES, 'wxr/export.xml'), '--from', 'rss', '--dry-run'], root);
    expect(asRss.code).toBe(0);
    expect(asRss.stdout).toContain('(RSS feed)');
  });
});

describe('images of an imported feed', () => {
  it('at relative addresses are taken from the old site, so the new site builds', async () => {
    const root = makeSite({
      ...CONFIG,
      'feed.xml': '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title><link>https://old.example/</link>\n<item><title>Photo</title><link>https://old.example/2025/01/photo/</link><pubDate>Wed, 01 Jan 2025 10:00:00 GMT</pubDate><description>&lt;p&gt;&lt;img src="/wp-content/uploads/a.jpg" alt="A"&gt;&lt;/p&gt;</description><enclosure url="/img/lead.jpg" type="image/jpeg" length="1"/></item></channel></rss>\n',
    });
    await importSource(path.join(root, 'feed.xml'), { root });
    const text = readFileSync(path.join(root, 'content/2025/01/photo.md'), 'utf8');
    expect(text).toContain('![A](https://old.example/wp-content/uploads/a.jpg)');
    expect(text).toContain('image: https://old.example/img/lead.jpg');
    const site = await buildFolderInMemory(root, { now: Date.parse('2026-01-01') });
    expect(site.ok, JSON.stringify(site.problems)).toBe(true);
  });
});

describe('images at an address that is neither a file nor the web', () => {
  // A screenshot pasted into an editor is a data: URL; an export from a desktop tool may hold
  // file: and ftp: addresses. The build refuses them all (image-outside-site): an import that
  // wrote them as images wrote articles that do not build.
  const PASTED = 'data:image/png;base64,iVBORw0KGgo=';

  it('in a feed, its body and its lead image, are reported and left out; the new site builds', async () => {
    const body = `&lt;p&gt;Before &lt;img src="${PASTED}" alt="the chart"&gt; &lt;img src="file:///etc/hostname" alt="host"&gt; after&lt;/p&gt;`;
    const root = makeSite({
      ...CONFIG,
      'feed.xml': `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title><link>https://old.example/</link>\n<item><title>Pasted</title><link>https://old.example/2025/01/pasted/</link><pubDate>Wed, 01 Jan 2025 10:00:00 GMT</pubDate><description>${body}</description><enclosure url="file:///srv/lead.jpg" type="image/jpeg" length="1"/></item></channel></rss>\n`,
    });
    const outcome = await importSource(path.join(root, 'feed.xml'), { root });
    const text = readFileSync(path.join(root, 'content/2025/01/pasted.md'), 'utf8');
    expect(text).toContain('Before the chart host after');
    expect(text).not.toMatch(/data:|file:|^image:/m);
    expect(outcome.problems.filter((p) => p.code === 'import-image-missing').map((p) => `${p.line} ${p.message}`)).toEqual([
      `3 the image ${PASTED} is neither a file nor a web address (http, https), so no page can show it: only its alt text is kept`,
      '3 the image file:///etc/hostname is neither a file nor a web address (http, https), so no page can show it: only its alt text is kept',
      '3 the image file:///srv/lead.jpg is neither a file nor a web address (http, https), so no page can show it: it stays a link to where it was',
    ]);
    const site = await buildFolderInMemory(root, { now: Date.parse('2026-01-01') });
    expect(site.ok, JSON.stringify(site.problems)).toBe(true);
  });

  it('in a post of a folder, Markdown or HTML, is reported and becomes a link; the new site builds', async () => {
    const root = makeSite({
      ...CONFIG,
      'old/_config.yml': 'title: Old\n',
      'old/_posts/2025-01-02-pasted.md': `---\ntitle: Pasted\n---\n\n![the chart](${PASTED}) and <img src="file:///etc/hostname" alt="host">\n`,
    });
    const outcome = await importSource(path.join(root, 'old'), { root });
    const text = readFileSync(path.join(root, 'content/2025/01/pasted.md'), 'utf8');
    expect(text).toContain(`[the chart](${PASTED}) and <a href="file:///etc/hostname">host</a>`);
    expect(outcome.problems.filter((p) => p.code === 'import-image-missing').map((p) => `${p.line}:${p.column}`)).toEqual(['5:1', '5:54']);
    const site = await buildFolderInMemory(root, { now: Date.parse('2026-01-01') });
    expect(site.ok, JSON.stringify(site.problems)).toBe(true);
  });
});
