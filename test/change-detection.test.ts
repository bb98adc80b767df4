// Change detection by stat: a warm build does not read a content file whose size, mtime, ctime and
// inode are as the cache recorded them; any other file is read and hashed (and is still a cache hit
// when its bytes are the same). Git's racy rule: a file whose mtime is not safely before the
// cache was written is read again, so an edit that keeps the stamp is not missed within that window.

import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../src/build.js';
import { stampOf } from '../src/render/source-stamps.js';
import { readIndexFile, writeIndexFile } from './helpers/cache-index.js';
import { article, makeSite, page } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const HOUR_AGO = new Date(Date.now() - 3600_000);

/** A site whose files were last written an hour ago (as after a checkout), so none is racy. */
function settledSite(count: number): string {
  const files: Record<string, string> = { 'site.config.ts': `export default { title: 'Stat Times', pageSize: 3 };\n` };
  for (let i = 0; i < count; i++) files[`content/2025/12/a${i}.md`] = article({ title: `Article ${i}`, date: `2025-12-0${1 + i} 10:00` }, `Body number ${i}.`);
  const root = makeSite(files);
  for (let i = 0; i < count; i++) utimesSync(contentFile(root, i), HOUR_AGO, HOUR_AGO);
  return root;
}

const contentFile = (root: string, i: number) => path.join(root, `content/2025/12/a${i}.md`);
const run = (root: string): Promise<BuildResult> => build({ root, now: NOW });
const bodyText = (root: string, i: number) => page(path.join(root, 'dist'), `/2025/12/0${1 + i}/article-${i}/`)('.article-body').text().trim();

describe('a warm build of unchanged files', () => {
  it('reads none of them: their stat matches what the cache recorded', async () => {
    const root = settledSite(4);
    expect((await run(root)).stats).toMatchObject({ sourcesRead: 4, rendered: 4 });
    expect((await run(root)).stats).toMatchObject({ sourcesRead: 0, rendered: 0, cacheHits: 4, pagesRendered: 0 });
  });

  it('reads a file whose mtime is not safely before the cache was written, every build until it is (the racy rule)', async () => {
    const root = settledSite(3);
    await run(root);
    writeFileSync(contentFile(root, 1), article({ title: 'Article 1', date: '2025-12-02 10:00' }, 'Body number 1, edited.'));
    // Stamped a minute ahead, as by a clock a little fast: never before the next builds' start.
    const ahead = new Date(Date.now() + 60_000);
    utimesSync(contentFile(root, 1), ahead, ahead);
    expect((await run(root)).stats).toMatchObject({ sourcesRead: 1, rendered: 1 });
    expect((await run(root)).stats).toMatchObject({ sourcesRead: 1, rendered: 0, cacheHits: 3 });
    expect((await run(root)).stats).toMatchObject({ sourcesRead: 1, rendered: 0, cacheHits: 3 });
    utimesSync(contentFile(root, 1), HOUR_AGO, HOUR_AGO);
    expect((await run(root)).stats).toMatchObject({ sourcesRead: 1, rendered: 0 });
    expect((await run(root)).stats).toMatchObject({ sourcesRead: 0, rendered: 0 });
  });
});

describe('a touched file whose bytes are the same', () => {
  it('is read and hashed again, is still a cache hit, and is not read the build after', async () => {
    const root = settledSite(3);
    await run(root);
    const earlier = new Date(Date.now() - 1800_000);
    utimesSync(contentFile(root, 2), earlier, earlier);
    expect((await run(root)).stats).toMatchObject({ sourcesRead: 1, rendered: 0, cacheHits: 3, pagesRendered: 0 });
    expect((await run(root)).stats).toMatchObject({ sourcesRead: 0 });
  });
});

describe('an edit that keeps the size and restores the mtime', () => {
  it('is caught by the ctime: the article is rendered with its new text', async () => {
    const root = settledSite(3);
    await run(root);
    const file = contentFile(root, 0);
    const before = statSync(file);
    const edited = readFileSync(file, 'utf8').replace('Body number 0.', 'Body NUMBER 0.');
    writeFileSync(file, edited);
    utimesSync(file, before.atime, before.mtime);
    expect(statSync(file)).toMatchObject({ size: before.size, mtimeMs: before.mtimeMs });
    expect((await run(root)).stats).toMatchObject({ sourcesRead: 1, rendered: 1 });
    expect(bodyText(root, 0)).toBe('Body NUMBER 0.');
  });

  it('is caught when racy, even with the whole stamp unchanged; beyond the racy window it is not (git\'s trade-off)', async () => {
    // A file edited in the same timestamp tick as the cache recorded it keeps its whole stamp. Only a
    // forged index can stage that on demand: it records the edited file's stamp with the old text's hash.
    const forge = (root: string, readStartedMs: number) => {
      const index = readIndexFile(root);
      const record = index.files['2025/12/a1.md']!;
      writeFileSync(contentFile(root, 1), readFileSync(contentFile(root, 1), 'utf8').replace('Body number 1.', 'Body number 1!'));
      index.files['2025/12/a1.md'] = [stampOf(contentFile(root, 1))!.stamp, record[1]];
      index.header.readStartedMs = readStartedMs;
      writeIndexFile(root, index);
    };
    const racy = settledSite(3);
    await run(racy);
    // The stamp was "taken" by a build that started reading as the file was written.
    forge(racy, Date.now());
    expect((await run(racy)).stats).toMatchObject({ sourcesRead: 1, rendered: 1 });
    expect(bodyText(racy, 1)).toBe('Body number 1!');

    const settled = settledSite(3);
    await run(settled);
    // The same, as if the stamp had been taken well after the edit: the stat is trusted, the file not read.
    forge(settled, Date.now() + 10_000);
    const future = new Date(Date.now() + 20_000);
    utimesSync(path.join(settled, '.cache/articles.json'), future, future);
    expect((await run(settled)).stats).toMatchObject({ sourcesRead: 0, rendered: 0 });
  });
});
