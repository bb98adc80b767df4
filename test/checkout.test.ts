// A CI run builds from a fresh checkout: every source file holds the bytes the last run built
// from, with a new modification time (git gives each the time of the checkout). With the last
// run's output and cache restored (as the workflow `broadsheet init` writes keeps them), a publish
// still continues from the last build: the static folder and the photos are compared by their
// bytes when their times differ, not taken as changed.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { cleanBuildOf, differences } from './helpers/dev.js';
import { photo } from './helpers/photos.js';
import { article, makeSite } from './helpers/site.js';

const NOW = Date.parse('2026-01-10T12:00:00Z');
/** What a build leaves in the site folder: not sources, and restored as they were. */
const NOT_SOURCES = new Set(['dist', '.dist.builds', '.cache']);
/** The image cache's index (.cache/images/): where each photo was last hashed, at which size and time. */
const IMAGE_INDEX = 'index.json';

/** Every source file of the site (all but its output and cache), relative to `root`. */
function sourceFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => !NOT_SOURCES.has(file.split(path.sep)[0]!));
}

/** What a checkout of the same commit does: every source file's bytes as they are, its mtime a new one. */
function checkout(root: string, at: number): void {
  const time = new Date(at);
  for (const file of sourceFiles(root)) utimesSync(path.join(root, file), time, time);
}

async function newsSite(archive = 0): Promise<string> {
  const older: Record<string, string> = {};
  for (let i = 0; i < archive; i++) older[`content/2025/11/story-${i}.md`] = article({ title: `Story ${i}`, date: `2025-11-${String(1 + (i % 28)).padStart(2, '0')} ${String(8 + (i % 12)).padStart(2, '0')}:00`, topic: i % 2 ? 'Politics' : 'Sport' });
  const root = makeSite({
    ...older,
    'site.config.ts': "export default { title: 'Checkout Times', baseUrl: 'https://checkout.example/', search: false };\n",
    'static/ads.txt': 'example.com, pub-0000000000000000, DIRECT\n',
    // The site's own stylesheet and a template of its own: sources a checkout touches too.
    'templates/assets/site.css': ':root { --accent: #0a5; }\n',
    'templates/partials/byline.liquid': '{% for author in authors %}<a href="{{ author.url | url }}" rel="author">{{ author.name }}</a>{% endfor %}\n',
    'content/authors.yaml': '- name: Aigerim Sultanova\n  bio: Covers sport from Almaty.\n',
    'content/2025/12/medeu/index.md': article({ title: 'Skaters return to Medeu', date: '2025-12-18 10:00', topic: 'Sport', author: 'Aigerim Sultanova', image: 'rink.jpg', imageAlt: 'Skaters on the ice' }, 'The season began.'),
    'content/2025/12/budget.md': article({ title: 'Budget passed', date: '2025-12-19 10:00', topic: 'Politics' }),
  });
  writeFileSync(path.join(root, 'content/2025/12/medeu/rink.jpg'), await photo(800, 600));
  return root;
}

/**
 * A checkout of `root`'s sources, then one new article published: the build must take the
 * incremental path (one article changed) and write what a clean build writes.
 */
async function publishAfterCheckout(root: string): Promise<void> {
  checkout(root, Date.now() + 60_000);
  mkdirSync(path.join(root, 'content/2026/01'), { recursive: true });
  writeFileSync(path.join(root, 'content/2026/01/new.md'), article({ title: 'A new article', date: '2026-01-09 10:00', topic: 'Politics' }));
  const result = await build({ root, now: NOW, threads: 1 });
  expect(result.stats.changedArticles).toBe(1);
  expect(differences(path.join(root, 'dist'), await cleanBuildOf(root, NOW))).toEqual([]);
}

describe('a build from a fresh checkout, with the last output and cache restored', () => {
  it('continues from the last build when only the times changed, and writes what a clean build writes', async () => {
    const root = await newsSite();
    await build({ root, now: NOW, threads: 1 });
    // The incremental path: one article changed, not a whole build, and what a clean build writes.
    await publishAfterCheckout(root);
    // The photo, read again to be sure of it, is stamped with its new time: the next build only looks.
    const photoFile = path.join(root, 'content/2025/12/medeu/rink.jpg');
    const stamps = (JSON.parse(readFileSync(path.join(root, '.cache/images', IMAGE_INDEX), 'utf8')) as { stamps: Record<string, { mtimeMs: number }> }).stamps;
    expect(stamps[realpathSync(photoFile)]?.mtimeMs).toBe(statSync(photoFile).mtimeMs);
  });

  it('continues after the output and cache went through tar and back, as a CI cache keeps them', async () => {
    // Enough articles that a publish's changes are appended to the indexes' logs, not written whole.
    const root = await newsSite(40);
    await build({ root, now: NOW, threads: 1 });
    writeFileSync(path.join(root, 'content/2025/12/budget.md'), article({ title: 'Budget passed, amended', date: '2025-12-19 10:00', topic: 'Politics' }));
    expect((await build({ root, now: NOW, threads: 1 })).stats.changedArticles).toBe(1);
    for (const log of ['articles.log', 'output.log']) expect(existsSync(path.join(root, '.cache', log)), log).toBe(true);
    // Saved and restored as actions/cache does (tar --posix: times to the nanosecond, the link
    // and the hard links kept; every file a new inode).
    const archive = path.join(root, '..', `${path.basename(root)}.tar`);
    execFileSync('tar', ['--posix', '-cf', archive, '-C', root, ...NOT_SOURCES]);
    for (const folder of NOT_SOURCES) rmSync(path.join(root, folder), { recursive: true });
    execFileSync('tar', ['-xf', archive, '-C', root]);
    rmSync(archive);
    await publishAfterCheckout(root);
  });

  it('reads a static file again only when its size or time differs from the last save', async () => {
    const root = await newsSite();
    const ads = path.join(root, 'static/ads.txt');
    // A whole second an hour ago: a time the file can be given back exactly, long before any save.
    const hourAgo = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
    utimesSync(ads, hourAgo, hourAgo);
    await build({ root, now: NOW, threads: 1 });
    const amend = (title: string) => writeFileSync(path.join(root, 'content/2025/12/budget.md'), article({ title, date: '2025-12-19 10:00', topic: 'Politics' }));
    // Other bytes with the same size and time: the stamp cannot tell, and the file is not read
    // (as git, and the articles' stamps: delete .cache/static.json to make it look).
    writeFileSync(ads, 'example.org, pub-0000000000000000, DIRECT\n');
    utimesSync(ads, hourAgo, hourAgo);
    amend('Budget passed, amended');
    expect((await build({ root, now: NOW, threads: 1 })).stats.changedArticles).toBe(1);
    expect(readFileSync(path.join(root, 'dist/ads.txt'), 'utf8')).toBe('example.com, pub-0000000000000000, DIRECT\n');
    // A new time: read, and its new bytes make a whole build that copies it.
    const later = new Date(Date.now() + 60_000);
    utimesSync(ads, later, later);
    amend('Budget passed, amended again');
    expect((await build({ root, now: NOW, threads: 1 })).stats.changedArticles).toBeUndefined();
    expect(readFileSync(path.join(root, 'dist/ads.txt'), 'utf8')).toBe('example.org, pub-0000000000000000, DIRECT\n');
  });

  it('builds the whole site when a static file changed bytes, and when a photo did', async () => {
    for (const change of ['static/ads.txt', 'content/2025/12/medeu/rink.jpg']) {
      const root = await newsSite();
      await build({ root, now: NOW, threads: 1 });
      checkout(root, Date.now() + 60_000);
      // The same size, other bytes, and the checkout's time: only the bytes tell.
      if (change.endsWith('.txt')) writeFileSync(path.join(root, change), 'example.org, pub-0000000000000000, DIRECT\n');
      else writeFileSync(path.join(root, change), await photo(800, 600, 'png'));
      checkout(root, Date.now() + 60_000);
      writeFileSync(path.join(root, 'content/2025/12/budget.md'), article({ title: 'Budget passed, amended', date: '2025-12-19 10:00', topic: 'Politics' }));
      const result = await build({ root, now: NOW, threads: 1 });
      expect(result.stats.changedArticles, change).toBeUndefined();
      expect(differences(path.join(root, 'dist'), await cleanBuildOf(root, NOW)), change).toEqual([]);
    }
  });
});
