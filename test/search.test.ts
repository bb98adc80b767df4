// Search: the Pagefind index a build writes (one bundle per month, a large month in parts of whole
// days), what it holds and leaves out, and what a later build indexes again: only the shard an
// edit is in, whatever its year, and nothing old when a new month or year begins. The search page
// in chromium: test/search-page.test.ts.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { startDev } from '../src/dev/index.js';
import { cleanBuildOf, differences } from './helpers/dev.js';
import { buildInMemory } from './helpers/memory-site.js';
import { snapshot } from './helpers/output.js';
import { photo } from './helpers/photos.js';
import { runBuildGroup } from './helpers/processes.js';
import { article, makeSite, page, writeFiles } from './helpers/site.js';

const NOW = Date.parse('2026-01-10T00:00:00Z');

/** A small site over two years, with one article of each kind that must never be found. */
function newsSite(config = `export default { title: 'Steppe Times' };\n`): string {
  return makeSite({
    'site.config.ts': config,
    'content/2025/12/scooter.md': article({ title: 'Almaty bans rented e-scooters on pavements', date: '2025-12-17', topic: 'Cities', tags: '[Almaty, Transport]' }, 'Riders of rented scooters must keep to the road from Monday.\n\n## Fines\n\nA first offence costs 20,000 tenge.'),
    'content/2025/12/budget.md': article({ title: 'Parliament passes the 2026 budget', date: '2025-12-18 19:20', topic: 'Politics' }, 'The budget grows by a tenth; roads and schools gain most.'),
    'content/2024/06/metro.md': article({ title: 'Metro line reaches the airport', date: '2024-06-02', topic: 'Cities' }, 'Trains now run every six minutes; the roads to the airport are quieter.'),
    'content/2025/12/draft.md': article({ title: 'Draft about zeppelins', date: '2025-12-16', topic: 'Cities', draft: 'true' }, 'Zeppelins return.'),
    'content/2026/02/later.md': article({ title: 'Scheduled piece on hovercraft', date: '2026-02-01', topic: 'Cities' }, 'Hovercraft everywhere.'),
    'content/2025/11/gone.md': article({ title: 'Expired notice on monorails', date: '2025-11-01', expires: '2025-12-01', topic: 'Culture' }, 'Monorails closed.'),
  });
}

/** Four articles over two years, each in its own month. */
function yearsSite(): Record<string, string> {
  return {
    'site.config.ts': `export default { title: 'Steppe Times' };\n`,
    'content/2024/03/a.md': article({ title: 'Spring floods in the north', date: '2024-03-05', topic: 'Cities' }, 'The river rose by two metres.'),
    'content/2024/11/b.md': article({ title: 'First snow in Astana', date: '2024-11-20', topic: 'Cities' }, 'Snow came early.'),
    'content/2025/06/c.md': article({ title: 'A record harvest', date: '2025-06-14', topic: 'Economy' }, 'Grain everywhere.'),
    'content/2025/12/d.md': article({ title: 'Parliament passes the budget', date: '2025-12-18', topic: 'Politics' }, 'The budget grows.'),
  };
}

/** The bundle folders under dist/pagefind/ (each holds an index entry). */
function bundleFolders(dist: string): string[] {
  const root = path.join(dist, 'pagefind');
  return readdirSync(root).filter((name) => statSync(path.join(root, name)).isDirectory()).sort();
}

/** A bundle's fragments: what a search of it can find and show. Fragments are gzip, then "pagefind_dcd" and JSON. */
function fragmentsOf(dist: string, folder: string): Array<{ url: string; content: string; meta: Record<string, string> }> {
  const fragments = path.join(dist, 'pagefind', folder, 'fragment');
  return readdirSync(fragments).map((file) => {
    const text = gunzipSync(readFileSync(path.join(fragments, file))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string; meta: Record<string, string> };
  });
}

/** The URLs a bundle's fragments hold: what a search of it can find. */
function indexedUrls(dist: string, folder: string): string[] {
  return fragmentsOf(dist, folder)
    .map((fragment) => fragment.url)
    .sort();
}

function shardList(dist: string): { shards: string[]; names: string[]; topics: string[] } {
  return JSON.parse(readFileSync(path.join(dist, 'pagefind/shards.json'), 'utf8')) as { shards: string[]; names: string[]; topics: string[] };
}

/** Each bundle folder with the inode and mtime of its index entry: which bundles a build wrote again. */
function entryStamps(dist: string): Map<string, string> {
  return new Map(
    bundleFolders(dist).map((folder) => {
      const info = statSync(path.join(dist, 'pagefind', folder, 'pagefind-entry.json'));
      return [folder, `${info.ino}:${info.mtimeMs}`];
    }),
  );
}

/** The bundle folders a build wrote (new, or written again) since `before` was taken. */
function rewritten(before: Map<string, string>, dist: string): string[] {
  return [...entryStamps(dist)].filter(([folder, stamp]) => before.get(folder) !== stamp).map(([folder]) => folder);
}

describe('the search index', () => {
  it('holds each published article in its month’s bundle, lists the months newest first with the topics, and never indexes a draft, scheduled or expired article, even when the build shows them', async () => {
    const root = newsSite();
    await build({ root, now: NOW, drafts: true, future: true, expired: true, threads: 1 });
    const dist = path.join(root, 'dist');
    expect(shardList(dist)).toEqual({ shards: ['2025-12', '2024-06'], names: ['December 2025', 'June 2024'], topics: ['Cities', 'Politics'] });
    expect(bundleFolders(dist)).toEqual(['2024-06', '2025-12']);
    expect(indexedUrls(dist, '2025-12')).toEqual(['/2025/12/17/almaty-bans-rented-e-scooters-on-pavements/', '/2025/12/18/parliament-passes-the-2026-budget/']);
    expect(indexedUrls(dist, '2024-06')).toEqual(['/2024/06/02/metro-line-reaches-the-airport/']);
    // The drafts are on the site (--drafts) but not in the index.
    expect(page(dist, '/2025/12/16/draft-about-zeppelins/')('h1').text()).toBe('Draft about zeppelins');
    // Pagefind's script and WebAssembly only in the newest bundle, where the search page loads them; no UI files.
    const files = (folder: string) => readdirSync(path.join(dist, 'pagefind', folder)).filter((name) => !['index', 'fragment', 'filter'].includes(name));
    expect(files('2025-12').filter((name) => !/^pagefind\.en_[0-9a-f]+\.pf_meta$/.test(name)).sort()).toEqual(['pagefind-entry.json', 'pagefind-worker.js', 'pagefind.js', 'wasm.en.pagefind', 'wasm.unknown.pagefind']);
    expect(files('2024-06').filter((name) => !/^pagefind\.en_[0-9a-f]+\.pf_meta$/.test(name))).toEqual(['pagefind-entry.json']);
  });

  it('indexes an article’s text without its photos, whatever their alt text and caption hold, and gives a result no image', async () => {
    const root = makeSite({
      'site.config.ts': `export default { title: 'Steppe Times' };\n`,
      'content/2025/12/heat/index.md': article(
        { title: 'Heat wave in the south', date: '2025-12-17', topic: 'Cities' },
        'Shops close at noon.\n\n![Heat > 40 °C <picture> in Turkistan](street.jpg "Noon in Turkistan")\n\nWater is handed out at bus stops.',
      ),
      'content/2025/12/heat/street.jpg': await photo(800, 600),
    });
    await build({ root, now: NOW, threads: 1 });
    const [fragment, ...others] = fragmentsOf(path.join(root, 'dist'), '2025-12');
    expect(others).toEqual([]);
    // The caption is text the page shows; the alt text and the image's markup are not.
    expect(fragment!.content).toBe('Heat wave in the south. Shops close at noon. Noon in Turkistan Water is handed out at bus stops.');
    expect(fragment!.meta).not.toHaveProperty('image');
  });

  it('keeps every file of the index through a build with nothing changed, however the indexing and the feeds interleave', async () => {
    // Four years of months (48 shards) and a hundred tags' feeds: Pagefind's lanes finish shards
    // while the feeds and sitemaps are written, whose files a later build deletes when it does
    // not write them again. The index's files must never be counted as theirs.
    const files: Record<string, string> = { 'site.config.ts': `export default { title: 'Steppe Times' };\n` };
    for (let month = 0; month < 48; month++) {
      const year = 2022 + Math.floor(month / 12);
      const mm = String((month % 12) + 1).padStart(2, '0');
      for (let i = 0; i < 3; i++) {
        files[`content/${year}/${mm}/story-${i}.md`] = article({ title: `Story ${i} of ${year}-${mm}`, date: `${year}-${mm}-1${i}`, topic: `Topic ${month % 7}`, tags: `[Tag ${month}, Tag ${i}]` }, 'Words of the day. '.repeat(60));
      }
    }
    const root = makeSite(files);
    const first = await build({ root, now: NOW, keepState: true });
    expect([...first.state!.otherFiles].filter((file) => file.startsWith('pagefind/'))).toEqual([]);
    const dist = path.join(root, 'dist');
    const before = snapshot(dist);
    expect(Object.keys(before).filter((file) => file.startsWith('pagefind/')).length).toBeGreaterThan(48);
    const again = await build({ root, now: NOW });
    expect({ written: again.stats.written, deleted: again.stats.deleted }).toEqual({ written: 0, deleted: 0 });
    expect(snapshot(dist)).toEqual(before);
  });

  it('splits a month of more than 150 articles into equal runs of days, named by the day a later run starts; news added at the month’s end changes only its last run', async () => {
    // Five articles a day through December: 155, so two runs, days 1–16 and 17–31.
    const files: Record<string, string> = { 'site.config.ts': `export default { title: 'Busy Times' };\n` };
    for (let day = 1; day <= 31; day++) {
      for (let i = 0; i < 5; i++) {
        const date = `2025-12-${String(day).padStart(2, '0')} ${String(8 + i).padStart(2, '0')}:00`;
        files[`content/2025/12/d${day}-${i}.md`] = article({ title: `Day ${day} story ${i}`, date, topic: 'Cities' });
      }
    }
    const root = makeSite(files);
    await build({ root, now: NOW, threads: 1 });
    const dist = path.join(root, 'dist');
    expect(shardList(dist).shards).toEqual(['2025-12-17', '2025-12']);
    const days = (folder: string) => [...new Set(indexedUrls(dist, folder).map((url) => Number(url.split('/')[3])))].sort((a, b) => a - b);
    expect(indexedUrls(dist, '2025-12')).toHaveLength(80);
    expect(days('2025-12')).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(indexedUrls(dist, '2025-12-17')).toHaveLength(75);
    expect(days('2025-12-17')).toEqual(Array.from({ length: 15 }, (_, i) => i + 17));

    const before = entryStamps(dist);
    writeFiles(root, { 'content/2025/12/late.md': article({ title: 'Late story', date: '2025-12-31 22:00', topic: 'Cities' }) });
    await build({ root, now: NOW, threads: 1 });
    expect(rewritten(before, dist)).toEqual(['2025-12-17']);
    expect(differences(dist, await cleanBuildOf(root, NOW), { search: true })).toEqual([]);
  });

  it('indexes again only the bundle an edit is in, in any year; a new month, even of a new year, indexes nothing old; and the output equals a clean build’s', async () => {
    const root = makeSite(yearsSite());
    await build({ root, now: NOW, threads: 1 });
    const dist = path.join(root, 'dist');
    expect(bundleFolders(dist)).toEqual(['2024-03', '2024-11', '2025-06', '2025-12']);

    // Nothing changed: nothing is indexed or written.
    let before = entryStamps(dist);
    const warm = await build({ root, now: NOW, threads: 1 });
    expect(warm.stats.written).toBe(0);
    expect(rewritten(before, dist)).toEqual([]);

    // An edit to an article of two years ago: only its month is indexed again.
    before = entryStamps(dist);
    writeFiles(root, { 'content/2024/03/a.md': article({ title: 'Spring floods in the north', date: '2024-03-05', topic: 'Cities' }, 'The river rose by three metres.') });
    await build({ root, now: NOW, threads: 1 });
    expect(rewritten(before, dist)).toEqual(['2024-03']);
    expect(differences(dist, await cleanBuildOf(root, NOW), { search: true })).toEqual([]);

    // The first article of a new year: its month is the only bundle written, and Pagefind's
    // runtime moves to it from December's folder, whose index stays as it was.
    before = entryStamps(dist);
    writeFiles(root, { 'content/2026/01/e.md': article({ title: 'New year fireworks', date: '2026-01-01 00:05', topic: 'Cities' }, 'Fireworks over the river.') });
    await build({ root, now: NOW, threads: 1 });
    expect(rewritten(before, dist)).toEqual(['2026-01']);
    expect(shardList(dist).shards).toEqual(['2026-01', '2025-12', '2025-06', '2024-11', '2024-03']);
    expect(readdirSync(path.join(dist, 'pagefind/2026-01'))).toContain('pagefind.js');
    expect(readdirSync(path.join(dist, 'pagefind/2025-12'))).not.toContain('pagefind.js');
    expect(differences(dist, await cleanBuildOf(root, NOW), { search: true })).toEqual([]);

    // The new month deleted again: December is the newest once more and takes the runtime back.
    before = entryStamps(dist);
    writeFiles(root, { 'content/2026/01/e.md': article({ title: 'New year fireworks', date: '2026-01-01 00:05', topic: 'Cities', draft: 'true' }, 'Fireworks over the river.') });
    await build({ root, now: NOW, threads: 1 });
    expect(bundleFolders(dist)).toEqual(['2024-03', '2024-11', '2025-06', '2025-12']);
    expect(readdirSync(path.join(dist, 'pagefind/2025-12'))).toContain('pagefind.js');
    expect(differences(dist, await cleanBuildOf(root, NOW), { search: true })).toEqual([]);
  });

  it('an update indexes again the months of the articles linking to one whose address changed, lists a topic spelled anew, and takes every shard when drafts are shown; each equals a clean build', async () => {
    const files = yearsSite();
    files['content/2024/11/b.md'] = article({ title: 'First snow in Astana', date: '2024-11-20', topic: 'Cities' }, 'Snow came early, after [the harvest](../../2025/06/c.md).');
    const root = makeSite(files);
    await build({ root, now: NOW, threads: 1 });
    const dist = path.join(root, 'dist');
    const snowPage = () => readFileSync(path.join(dist, '2024/11/20/first-snow-in-astana/index.html'), 'utf8');
    expect(snowPage()).toContain('href="/2025/06/14/a-record-harvest/"');

    // The harvest gets a new address: its month's index changes (Pagefind keeps no link, so the
    // month of the article linking to it is looked at and stays as it was).
    let before = entryStamps(dist);
    writeFiles(root, { 'content/2025/06/c.md': article({ title: 'A record harvest', date: '2025-06-14', topic: 'Economy', slug: 'bumper-harvest' }, 'Grain everywhere.') });
    const moved = await build({ root, now: NOW, threads: 1 });
    expect(moved.stats.changedArticles).toBe(1);
    expect(rewritten(before, dist)).toEqual(['2025-06']);
    expect(snowPage()).toContain('href="/2025/06/14/bumper-harvest/"');
    expect(differences(dist, await cleanBuildOf(root, NOW), { search: true })).toEqual([]);

    // A topic spelled another way: the menu of the search page lists the spelling.
    writeFiles(root, { 'content/2024/03/a.md': article({ title: 'Spring floods in the north', date: '2024-03-05', topic: 'cities' }, 'The river rose by two metres.') });
    const respelled = await build({ root, now: NOW, threads: 1 });
    expect(respelled.stats.changedArticles).toBe(1);
    expect(shardList(dist).topics).toEqual(['Cities', 'Economy', 'Politics', 'cities']);
    expect(differences(dist, await cleanBuildOf(root, NOW), { search: true })).toEqual([]);

    // Shown drafts are not searchable: such a build plans every shard, and indexes none again for a draft.
    writeFiles(root, { 'content/2025/06/draft.md': article({ title: 'A draft on grain prices', date: '2025-06-20', topic: 'Economy', draft: 'true' }, 'Prices.') });
    await build({ root, now: NOW, threads: 1, drafts: true });
    before = entryStamps(dist);
    writeFiles(root, { 'content/2024/03/a.md': article({ title: 'Spring floods in the north', date: '2024-03-05', topic: 'Cities' }, 'The river rose by four metres.') });
    const drafted = await build({ root, now: NOW, threads: 1, drafts: true });
    expect(drafted.stats.changedArticles).toBe(1);
    expect(rewritten(before, dist)).toEqual(['2024-03']);
    expect(indexedUrls(dist, '2025-06')).toEqual(['/2025/06/14/bumper-harvest/']);
  });

  it('in the dev server, equals a clean build’s once edits settle, pagefind/ included, when a new month begins and when an old article is edited', async () => {
    const root = makeSite(yearsSite());
    // Resolved each time the server has brought the index up to date after edits settled (the
    // first build settles nothing: its index is whole).
    let settled: () => void = () => undefined;
    const handle = await startDev({ root, port: 0, now: () => NOW, threads: 1, onSearchIndexed: () => settled() });
    try {
      const dist = path.join(root, 'dist');
      const changeAndSettle = async (files: Record<string, string>) => {
        const indexed = new Promise<void>((resolve) => (settled = resolve));
        writeFiles(root, files);
        await indexed;
      };
      await changeAndSettle({ 'content/2026/01/e.md': article({ title: 'New year fireworks', date: '2026-01-01 00:05', topic: 'Cities' }, 'Fireworks over the river.') });
      expect(differences(dist, await cleanBuildOf(root, NOW), { search: true })).toEqual([]);
      expect(readdirSync(path.join(dist, 'pagefind/2026-01'))).toContain('pagefind.js');
      await changeAndSettle({ 'content/2024/03/a.md': article({ title: 'Spring floods in the north', date: '2024-03-05', topic: 'Cities' }, 'The river rose by three metres.') });
      expect(differences(dist, await cleanBuildOf(root, NOW), { search: true })).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it('puts a search box in every page’s header, a plain form to /search/ under the base path, and loads no script but on /search/', async () => {
    const site = await buildInMemory({
      'site.config.ts': `export default { title: 'Steppe Times', baseUrl: 'https://example.org/news/' };\n`,
      'content/2025/12/a.md': article({ title: 'A story', date: '2025-12-17', topic: 'Cities', tags: '[Almaty]' }),
    }, { now: NOW });
    expect(site.ok).toBe(true);
    for (const url of ['/', '/2025/12/17/a-story/', '/topics/cities/', '/tags/almaty/', '/archive/', '/404.html']) {
      const $ = site.page(url);
      const form = $('header form[role="search"]');
      expect(form.attr('action'), url).toBe('/news/search/');
      expect(form.find('input[name="q"]').attr('id'), url).toBe('site-search-q');
      expect($(`label[for="site-search-q"]`).text(), url).toBe('Search the site');
      // JSON-LD is data, not a script the browser runs.
      expect($('script:not([type="application/ld+json"])').length, url).toBe(0);
    }
    const $ = site.page('/search/');
    expect($('header form[role="search"]').length).toBe(0);
    expect($('main form[role="search"]').attr('action')).toBe('/news/search/');
    expect($('script[type="module"]').attr('src')).toBe('/news/assets/search.js');
    expect($('noscript').text()).toContain('Search needs JavaScript');
  });

  it('a Pagefind that cannot run fails the build in one line saying what to do, and leaves dist/ as it was', async () => {
    const root = newsSite();
    await build({ root, now: NOW, threads: 1 });
    const before = snapshot(path.join(root, 'dist'));
    writeFiles(root, { 'content/2025/12/budget.md': article({ title: 'Parliament passes the 2026 budget', date: '2025-12-18 19:20', topic: 'Politics' }, 'Amended.') });
    // The build leads a process group of its own: a kill of its group (Node's kill() of a process
    // that never started signals pid 0, the caller's group, which once ended whole test runs and
    // would end a user's shell pipeline) shows as a signal here, instead of ending the test run.
    const result = await runBuildGroup(root, [], { PAGEFIND_EXTENDED_BINARY_PATH: path.join(root, 'no-such-pagefind') });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Pagefind could not index the site for search');
    expect(result.stderr).toContain('set search: false in site.config.ts');
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
  });

  it('is left out, with the page and the box, when the config turns search off', async () => {
    const site = await buildInMemory({
      'site.config.ts': `export default { title: 'Steppe Times', search: false };\n`,
      'content/2025/12/a.md': article({ title: 'A story', date: '2025-12-17', topic: 'Cities' }),
    }, { now: NOW });
    expect(site.ok).toBe(true);
    expect([...site.outputs.keys()].filter((file) => file.startsWith('pagefind/') || file.startsWith('search/'))).toEqual([]);
    expect(site.page('/')('form[role="search"]').length).toBe(0);
  });
});
