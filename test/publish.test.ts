// What a publish costs: adding one article to an archive changes a bounded set of output files,
// the same whatever the archive's size (docs/performance.md states the bound). Two archives of
// the same shape, one ten times the other: the same newest articles, the same topics, tags and
// authors in the same rotation, going back ten times further.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { filesUnder } from '../src/write/tree-files.js';
import { article, makeSite, writeFiles } from './helpers/site.js';

const NOW = Date.parse('2026-03-01T00:00:00Z');
const TOPICS = ['Politics', 'Culture', 'Economy', 'Sport', 'Science', 'Society'];
const TAGS = Array.from({ length: 12 }, (_, i) => `Tag ${i}`);
const AUTHORS = ['Aigerim Sultanova', 'Daniyar Bekov', 'Madina Ospanova', 'Yerlan Nurpeis', 'Saule Tokayeva'];

/** Article i of an archive (0: the newest, -1 the one published next), one every six hours back from noon on 28 February, site time. */
function archiveArticle(i: number, title = `Story ${i}`): string {
  // The site's time zone (Asia/Almaty by default) reads a date without an offset.
  const local = new Date(Date.UTC(2026, 1, 28, 12) - i * 6 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  const pick = <T,>(list: readonly T[], at: number) => list[((at % list.length) + list.length) % list.length]!;
  return article(
    { title, date: local, topic: pick(TOPICS, i), tags: `[${pick(TAGS, i)}, ${pick(TAGS, i + 5)}]`, author: pick(AUTHORS, i) },
    `News of the day, number ${i}.`,
  );
}

/** Every file of the output folder with the sha256 of its bytes. */
function manifest(dist: string): Map<string, string> {
  return new Map(filesUnder(dist).map((file) => [file, createHash('sha256').update(readFileSync(path.join(dist, file))).digest('hex')]));
}

/** The output files that adding one article to an archive of `count` adds, changes or removes. */
async function publishOne(count: number): Promise<string[]> {
  const files: Record<string, string> = {
    'site.config.ts': "export default { title: 'Steppe Times', baseUrl: 'https://news.example/', pageSize: 10, search: false, related: { candidatesPerTerm: 8 } };\n",
  };
  // Oldest first on disk: file names do not decide the order, dates do.
  for (let i = 0; i < count; i++) files[`content/a${String(count - i).padStart(5, '0')}.md`] = archiveArticle(i);
  const root = makeSite(files);
  const dist = path.join(root, 'dist');
  await build({ root, now: NOW });
  const before = manifest(dist);
  // The new article: the newest, six hours after the archive's newest, with a topic, tags and author it shares.
  writeFiles(root, { 'content/new.md': archiveArticle(-1, 'The new article') });
  await build({ root, now: NOW });
  const after = manifest(dist);
  const changed = [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file);
  const removed = [...before.keys()].filter((file) => !after.has(file));
  return [...changed, ...removed].sort();
}

describe('publishing one article', () => {
  it('changes the same files in an archive of 150 as in one of 1,500', async () => {
    const small = await publishOne(150);
    const large = await publishOne(1500);
    expect(large).toEqual(small);
    // The bound, as docs/performance.md states it: the article, its older neighbour, the first page
    // of each list it is in (home, topic, tags, author, year, month, day), the indexes that count
    // articles, the feeds of those lists, the sitemap and news sitemap, and the articles whose
    // related list now shows it.
    const lists = ['', 'topics/society/', 'tags/tag-11/', 'tags/tag-4/', 'authors/saule-tokayeva/', '2026/', '2026/02/', '2026/02/28/'];
    const feeds = ['', 'topics/society/', 'tags/tag-11/', 'tags/tag-4/', 'authors/saule-tokayeva/'].flatMap((list) => ['feed.xml', 'atom.xml', 'feed.json'].map((feed) => `${list}${feed}`));
    const expected = [
      '2026/02/28/the-new-article/index.html',
      '2026/02/28/story-0/index.html',
      ...lists.map((list) => `${list}index.html`),
      'archive/index.html',
      'topics/index.html',
      'tags/index.html',
      'authors/index.html',
      ...feeds,
      'sitemap.xml',
      'news-sitemap.xml',
    ];
    expect(small).toEqual(expect.arrayContaining(expected));
    const related = small.filter((file) => !expected.includes(file));
    // The rest are article pages whose related list now shows the new article: a few, from the newest.
    expect(related.every((file) => /^2026\/02\/2\d\/story-\d+\/index\.html$/.test(file))).toBe(true);
    expect(related.length).toBeLessThanOrEqual(8);
  });
});
