// The persistent cache and incremental output: unchanged articles come from .cache/, unchanged
// pages are neither rendered nor written, and nothing stale or corrupt is ever served.

import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../src/build.js';
import { tracked } from './helpers/children.js';
import { readIndexFile } from './helpers/cache-index.js';
import { cleanBuildOf, differences } from './helpers/dev.js';
import { article, listFiles, makeSite, page, REPO, writeFiles } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');

function siteFiles(count: number): Record<string, string> {
  const files: Record<string, string> = { 'site.config.ts': `export default { title: 'Cache Times', pageSize: 3 };\n` };
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    files[`content/2025/12/a${i}.md`] = article(
      { title: `Article ${i}`, date: `2025-12-${day} ${String(i % 24).padStart(2, '0')}:00`, topic: i % 2 ? 'Culture' : 'Politics', tags: `[Tag ${i % 3}]` },
      `Body of article ${i}, with **bold** text and a [link](https://example.org/${i}).`,
    );
  }
  return files;
}

const run = (root: string, options: Parameters<typeof build>[0] = {}): Promise<BuildResult> => build({ root, now: NOW, ...options });

/** Cut a file of lines (a cache index, the output manifest) to its first `count` lines, as a crash might; returns how many it had. */
function cutToLines(file: string, count: number): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  writeFileSync(file, `${lines.slice(0, count).join('\n')}\n`);
  return lines.length;
}

/** Every file of dist/ with its mtime. */
function mtimes(dist: string): Record<string, number> {
  return Object.fromEntries(listFiles(dist).map((file) => [file, statSync(path.join(dist, file)).mtimeMs]));
}

/** Every file of dist/ with its bytes. */
function contents(dist: string): Record<string, string> {
  return Object.fromEntries(listFiles(dist).map((file) => [file, readFileSync(path.join(dist, file), 'base64')]));
}

describe('an unchanged site', () => {
  it('is built from the cache the second time: no article rendered, no page rendered or written', async () => {
    const root = makeSite(siteFiles(8));
    const first = await run(root);
    expect(first.stats).toMatchObject({ articles: 8, rendered: 8, cacheHits: 0 });
    const before = mtimes(path.join(root, 'dist'));
    const second = await run(root);
    expect(second.stats).toMatchObject({ rendered: 0, cacheHits: 8, pagesRendered: 0, written: 0, deleted: 0 });
    expect(mtimes(path.join(root, 'dist'))).toEqual(before);
  });
});

describe('metadata from the cache', () => {
  it('keeps every character: Kazakh letters, an ellipsis, an emoji', async () => {
    const title = 'Қазақстан мен Түркия… 😀 "quoted" \\ back';
    const root = makeSite({ 'site.config.ts': `export default { title: 'Cache Times' };\n`, 'content/2025/12/k.md': article({ title: JSON.stringify(title), date: '2025-12-01 10:00', tags: '[Алматы]' }) });
    await run(root);
    rmSync(path.join(root, 'dist'), { recursive: true });
    expect((await run(root)).stats).toMatchObject({ rendered: 0, cacheHits: 1 });
    const $ = page(path.join(root, 'dist'), '/');
    expect($('main article h2, main article h3').first().text().trim()).toBe(title);
  });
});

describe('editing one article', () => {
  it('renders that article again and rewrites only the pages that show it', async () => {
    const root = makeSite(siteFiles(8));
    const dist = path.join(root, 'dist');
    await run(root);
    const before = mtimes(dist);
    writeFileSync(path.join(root, 'content/2025/12/a5.md'), article({ title: 'Article 5, updated', date: '2025-12-06 05:00', topic: 'Culture', tags: '[Tag 2]' }, 'New body.'));
    const result = await run(root);
    expect(result.stats).toMatchObject({ rendered: 1, cacheHits: 7 });
    const after = mtimes(dist);
    const changed = Object.keys(after).filter((file) => after[file] !== before[file]).sort();
    expect(changed).toContain('2025/12/06/article-5-updated/index.html');
    expect(changed).toContain('topics/culture/index.html');
    expect(changed).toContain('tags/tag-2/index.html');
    // Pages that never showed the article keep their bytes and mtime.
    expect(changed).not.toContain('tags/tag-0/index.html');
    expect(changed).not.toContain('2025/12/01/article-0/index.html');
    expect(after['tags/tag-0/index.html']).toBe(before['tags/tag-0/index.html']);
    // The old URL is gone, the new one shows the new body.
    expect(Object.keys(after)).not.toContain('2025/12/06/article-5/index.html');
    expect(page(dist, '/2025/12/06/article-5-updated/')('.article-body').text().trim()).toBe('New body.');
    expect(result.stats.pagesRendered).toBeLessThan(result.stats.pages / 2);
  });
});

describe('editing only the text of an article', () => {
  it('updates its page, and the lists that show its summary, though its URL and title stay', async () => {
    const root = makeSite(siteFiles(4));
    const dist = path.join(root, 'dist');
    await run(root);
    writeFileSync(
      path.join(root, 'content/2025/12/a2.md'),
      article({ title: 'Article 2', date: '2025-12-03 02:00', topic: 'Politics', tags: '[Tag 2]' }, 'A corrected first paragraph.'),
    );
    const result = await run(root);
    expect(result.stats.rendered).toBe(1);
    expect(page(dist, '/2025/12/03/article-2/')('.article-body').text().trim()).toBe('A corrected first paragraph.');
    expect(page(dist, '/tags/tag-2/')('.summary').text()).toBe('A corrected first paragraph.');
    expect(page(dist, '/tags/tag-0/')('.summary').text()).not.toContain('corrected');
  });
});

describe('cache invalidation', () => {
  it('a template change renders every page again, but no article', async () => {
    const root = makeSite(siteFiles(6));
    await run(root);
    mkdirSync(path.join(root, 'templates/partials'), { recursive: true });
    writeFileSync(path.join(root, 'templates/partials/breadcrumbs.liquid'), '<p class="crumbs-changed">{{ page.title }}</p>');
    const result = await run(root);
    expect(result.stats).toMatchObject({ rendered: 0, cacheHits: 6 });
    expect(result.stats.pagesRendered).toBe(result.stats.pages);
    expect(page(path.join(root, 'dist'), '/2025/12/01/article-0/')('.crumbs-changed').text()).toBe('Article 0');
  });

  it('a page template change renders only the pages made with it; a partial, only the pages that use it', async () => {
    const root = makeSite(siteFiles(6));
    const dist = path.join(root, 'dist');
    await run(root);
    const before = mtimes(dist);
    mkdirSync(path.join(root, 'templates'), { recursive: true });
    const tagTemplate = readFileSync(path.join(REPO, 'templates/tag.liquid'), 'utf8');
    writeFileSync(path.join(root, 'templates/tag.liquid'), tagTemplate.replace('{% include "partials/article-list" %}', '<p class="tag-note">Tagged</p>{% include "partials/article-list" %}'));
    const result = await run(root);
    const after = mtimes(dist);
    const changed = Object.keys(after).filter((file) => after[file] !== before[file]).sort();
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((file) => file.startsWith('tags/') && file.endsWith('.html') && file !== 'tags/index.html')).toBe(true);
    expect(result.stats.pagesRendered).toBe(changed.length);
    expect(page(dist, '/tags/tag-1/')('.tag-note').text()).toBe('Tagged');

    // The card partial is used by every list (through the card filter), not by article pages.
    mkdirSync(path.join(root, 'templates/partials'), { recursive: true });
    const card = readFileSync(path.join(REPO, 'templates/partials/article-card.liquid'), 'utf8');
    writeFileSync(path.join(root, 'templates/partials/article-card.liquid'), `<span class="card-note"></span>${card}`);
    const again = await run(root);
    const final = mtimes(dist);
    const rewritten = Object.keys(final).filter((file) => final[file] !== after[file]);
    expect(rewritten).toContain('index.html');
    expect(rewritten).toContain('topics/culture/index.html');
    expect(rewritten.filter((file) => /^2025\/12\/\d\d\/article-/.test(file))).toEqual([]);
    expect(again.stats.pagesRendered).toBe(rewritten.length);
  });

  it('a config change that affects rendering (the time zone) renders every article again', async () => {
    const root = makeSite(siteFiles(4));
    await run(root);
    writeFileSync(path.join(root, 'site.config.ts'), `export default { title: 'Cache Times', pageSize: 3, timeZone: 'Europe/Vienna' };\n`);
    const result = await run(root);
    expect(result.stats).toMatchObject({ rendered: 4, cacheHits: 0 });
    expect(page(path.join(root, 'dist'), '/')('time').first().attr('datetime')).toMatch(/\+01:00$/);
  });

  it('a config change that does not (the title) keeps articles cached and renders the pages again', async () => {
    const root = makeSite(siteFiles(4));
    await run(root);
    writeFileSync(path.join(root, 'site.config.ts'), `export default { title: 'Renamed Times', pageSize: 3 };\n`);
    const result = await run(root);
    expect(result.stats).toMatchObject({ rendered: 0, cacheHits: 4 });
    expect(result.stats.pagesRendered).toBe(result.stats.pages);
    expect(page(path.join(root, 'dist'), '/')('title').text()).toBe('Renamed Times');
  });

  it('a new Broadsheet version renders every article again', async () => {
    // A copy of Broadsheet whose package.json says another version: a release, in miniature. It
    // runs as its own CLI, since this process has loaded this Broadsheet's code.
    const copy = path.join(tmpdir(), `broadsheet-version-${process.pid}-${Date.now()}`);
    for (const folder of ['bin', 'src', 'scripts', 'templates']) cpSync(path.join(REPO, folder), path.join(copy, folder), { recursive: true });
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    writeFileSync(path.join(copy, 'package.json'), JSON.stringify({ ...pkg, version: `${pkg.version}-next` }));
    symlinkSync(path.join(REPO, 'node_modules'), path.join(copy, 'node_modules'));
    try {
      const root = makeSite(siteFiles(3));
      expect((await run(root)).stats).toMatchObject({ rendered: 3, cacheHits: 0 });
      expect((await run(root)).stats).toMatchObject({ rendered: 0, cacheHits: 3 });
      const other = await new Promise<string>((resolve, reject) => {
        tracked(
          execFile(process.execPath, [path.join(copy, 'bin/broadsheet.js'), 'build'], { cwd: root, env: { ...process.env, SOURCE_DATE_EPOCH: String(NOW / 1000) } }, (error, stdout) =>
            error ? reject(error) : resolve(stdout),
          ),
        );
      });
      expect(other).toMatch(/articles: 0 from cache, 3 rendered/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('text that is not ASCII', () => {
  it('Kazakh and Russian titles, summaries and file names come back from the cache and the manifest as written', async () => {
    const root = makeSite({
      'site.config.ts': `export default { title: 'Cache Times' };\n`,
      'content/2025/12/жаңалық.md': article({ title: 'Қазақстан жаңалықтары', date: '2025-12-01 10:00', topic: 'Саясат', tags: '[Алматы]' }, 'Мәтін… «тырнақша» және эмодзи 🇰🇿.'),
      'content/2025/12/новость.md': article({ title: 'Новости Казахстана', date: '2025-12-02 10:00' }, 'Текст — с тире.'),
      'static/файлы/заметка.txt': 'ä\n',
    });
    await run(root);
    // From the cache and the manifest (the files are read again, just written, to the racy rule: not rendered).
    expect((await run(root)).stats).toMatchObject({ rendered: 0, cacheHits: 2, pagesRendered: 0, written: 0 });
    // A publish: the others' metadata from the index.
    writeFiles(root, { 'content/2025/12/үшінші.md': article({ title: 'Үшінші жаңалық', date: '2025-12-03 10:00', topic: 'Саясат' }, 'Тағы бір мәтін.') });
    const published = await run(root);
    expect(published.stats).toMatchObject({ rendered: 1, cacheHits: 2 });
    const topic = page(path.join(root, 'dist'), '/topics/sayasat/');
    expect(topic('main h2, main h3').map((_, heading) => topic(heading).text().trim()).get()).toEqual(['Үшінші жаңалық', 'Қазақстан жаңалықтары']);
    // Written as ASCII, every other character escaped: read back as one-byte text.
    for (const file of ['articles.json', 'output.json']) expect(readFileSync(path.join(root, '.cache', file), 'latin1')).toMatch(/^[\x00-\x7f]*$/);
    // And as a clean build makes the same site.
    rmSync(path.join(root, '.cache'), { recursive: true });
    const before = contents(path.join(root, 'dist'));
    await run(root);
    expect(contents(path.join(root, 'dist'))).toEqual(before);
  });
});

// A damaged body store: test/body-store.test.ts.
describe('a damaged cache', () => {
  it('a truncated index is rebuilt, with a note', async () => {
    const root = makeSite(siteFiles(3));
    await run(root);
    const index = path.join(root, '.cache/articles.json');
    writeFileSync(index, readFileSync(index, 'utf8').slice(0, 50));
    const result = await run(root);
    // The CLI prints it as "Note: <notice>."
    expect(result.cacheNotice).toBe('the cache index was unreadable (truncated?) and was rebuilt');
    expect(result.stats).toMatchObject({ rendered: 3, cacheHits: 0 });
    expect(page(path.join(root, 'dist'), '/2025/12/02/article-1/')('.article-body').text()).toContain('Body of article 1');
    // Rebuilt indeed: the next build reads it.
    expect((await run(root)).stats).toMatchObject({ rendered: 0, cacheHits: 3 });
  });

  it('an index cut short between two entries is rebuilt, with a note; every page as a clean build makes it', async () => {
    const root = makeSite(siteFiles(4));
    await run(root);
    const clean = contents(path.join(root, 'dist'));
    // The header, the stamps and two of the four entries.
    cutToLines(path.join(root, '.cache/articles.json'), 4);
    rmSync(path.join(root, 'dist'), { recursive: true });
    const result = await run(root);
    expect(result.cacheNotice).toBe('the cache index was unreadable (truncated?) and was rebuilt');
    expect(result.stats).toMatchObject({ rendered: 4, cacheHits: 0 });
    expect(contents(path.join(root, 'dist'))).toEqual(clean);
  });

  it('an output manifest cut short between two files is not read: the site as a clean build makes it, the manifest whole again', async () => {
    const root = makeSite(siteFiles(4));
    await run(root);
    const clean = contents(path.join(root, 'dist'));
    const manifest = path.join(root, '.cache/output.json');
    const whole = cutToLines(manifest, 5);
    await run(root);
    expect(contents(path.join(root, 'dist'))).toEqual(clean);
    expect(readFileSync(manifest, 'utf8').split('\n').length).toBeGreaterThan(whole - 1);
    // Whole again: the next build renders nothing.
    expect((await run(root)).stats).toMatchObject({ pagesRendered: 0, written: 0 });
  });

  it('an output manifest with a line garbled in its middle: a publish sees it and builds the whole site, as a clean build makes it; the manifest is whole again', async () => {
    const root = makeSite(siteFiles(6));
    await run(root);
    const manifest = path.join(root, '.cache/output.json');
    const lines = readFileSync(manifest, 'utf8').split('\n');
    // Still framed as a line of the file ("[...]"), but no JSON: only parsing it shows it.
    const middle = Math.floor(lines.length / 2);
    const garbled = lines[middle]!;
    lines[middle] = `[${'x'.repeat(garbled.length - 2)}]`;
    writeFileSync(manifest, lines.join('\n'));
    writeFiles(root, { 'content/2025/12/late.md': article({ title: 'Late news', date: '2025-12-31 23:00', topic: 'Politics', tags: '[Tag 1]' }, 'Late.') });
    const published = await run(root);
    // Not an update of the saved state: the whole site was planned.
    expect(published.stats.changedArticles).toBeUndefined();
    expect(differences(path.join(root, 'dist'), await cleanBuildOf(root, NOW))).toEqual([]);
    expect(readFileSync(manifest, 'utf8')).toContain(JSON.parse(garbled)[0]);
    expect((await run(root)).stats).toMatchObject({ pagesRendered: 0, written: 0 });
  });

  it("an older Broadsheet's index (one JSON value) is rebuilt, with a note", async () => {
    const root = makeSite(siteFiles(2));
    await run(root);
    const index = readIndexFile(root);
    writeFileSync(path.join(root, '.cache/articles.json'), JSON.stringify({ format: 2, readStartedMs: index.header.readStartedMs, files: index.files, entries: {} }));
    const result = await run(root);
    expect(result.cacheNotice).toBe('the cache was written by another Broadsheet and was rebuilt');
    expect(result.stats).toMatchObject({ rendered: 2, cacheHits: 0 });
    expect((await run(root)).stats).toMatchObject({ rendered: 0, cacheHits: 2 });
  });

  it('a build without the cache (--no-cache) neither reads nor writes .cache/', async () => {
    const root = makeSite(siteFiles(3));
    const result = await run(root, { cache: false });
    expect(result.stats).toMatchObject({ rendered: 3, cacheHits: 0 });
    expect(listFiles(root).some((file) => file.startsWith('.cache/'))).toBe(false);
    await run(root);
    const index = readFileSync(path.join(root, '.cache/articles.json'));
    expect((await run(root, { cache: false })).stats).toMatchObject({ rendered: 3, cacheHits: 0 });
    expect(readFileSync(path.join(root, '.cache/articles.json')).equals(index)).toBe(true);
  });
});

describe('the output folder', () => {
  it('a page deleted or edited by hand in dist/ is written again', async () => {
    const root = makeSite(siteFiles(3));
    const dist = path.join(root, 'dist');
    await run(root);
    const good = readFileSync(path.join(dist, 'index.html'), 'utf8');
    writeFileSync(path.join(dist, 'index.html'), 'defaced');
    utimesSync(path.join(dist, 'index.html'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    rmSync(path.join(dist, 'tags/tag-0/index.html'));
    const result = await run(root);
    expect(result.stats.pagesRendered).toBe(2);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe(good);
    expect(listFiles(dist)).toContain('tags/tag-0/index.html');
  });

  it('a page folder replaced by a file by hand in dist/: the build is refused naming the file; once it is gone, the next build puts the folder back, equal to a clean build', async () => {
    const root = makeSite(siteFiles(3));
    const dist = path.join(root, 'dist');
    await run(root);
    rmSync(path.join(dist, 'tags/tag-0'), { recursive: true });
    writeFileSync(path.join(dist, 'tags/tag-0'), 'a file where a folder was');
    await expect(run(root)).rejects.toThrow(/holds files Broadsheet did not write, put there after the last build: dist\/tags\/tag-0\./);
    expect(readFileSync(path.join(dist, 'tags/tag-0'), 'utf8')).toBe('a file where a folder was');
    rmSync(path.join(dist, 'tags/tag-0'));
    await run(root);
    expect(differences(dist, await cleanBuildOf(root, NOW), { search: true })).toEqual([]);
  });

  it('a failed build with the cache on leaves dist/ and the next good build intact', async () => {
    const root = makeSite(siteFiles(3));
    const dist = path.join(root, 'dist');
    await run(root);
    const before = contents(dist);
    writeFileSync(path.join(root, 'content/bad.md'), '---\ntitle: Bad\ndate: never\n---\n');
    await expect(run(root)).rejects.toThrow(/1 error/);
    expect(contents(dist)).toEqual(before);
    rmSync(path.join(root, 'content/bad.md'));
    const fixed = await run(root);
    expect(fixed.stats).toMatchObject({ rendered: 0, written: 0 });
    expect(contents(dist)).toEqual(before);
  });
});

describe('worker threads', () => {
  // Without the cache here; with it, cold and warm: test/body-store.test.ts.
  it('give byte-identical output to a single-thread build', async () => {
    const [single, pooled] = [makeSite(siteFiles(40)), makeSite(siteFiles(40))];
    const one = await run(single, { threads: 1, cache: false });
    const two = await run(pooled, { threads: 2, cache: false });
    expect(one.stats.threads).toBe(1);
    expect(two.stats.threads).toBe(2);
    expect(contents(path.join(pooled, 'dist'))).toEqual(contents(path.join(single, 'dist')));
  });
});
