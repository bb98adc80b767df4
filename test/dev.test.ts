// `broadsheet dev`: a real server on a free port, a real watcher on a temp site, and the event
// stream read over HTTP. After every change the output must be byte for byte what a clean full
// build of the same sources writes.

import { appendFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { startDev, type DevHandle, type StartOptions } from '../src/dev/index.js';
import { batchTestHooks } from '../src/dev/watch.js';
import { cleanBuildOf, differences, EventClient } from './helpers/dev.js';
import { article, listFiles, makeSite, REPO, writeFiles } from './helpers/site.js';

const NOW = Date.parse('2026-01-10T12:00:00Z');

function siteFiles(): Record<string, string> {
  const files: Record<string, string> = { 'site.config.ts': `export default { title: 'Dev Times', pageSize: 3, baseUrl: 'https://dev.example/' };\n` };
  for (let i = 0; i < 10; i++) {
    const day = String(1 + (i % 6)).padStart(2, '0');
    files[`content/2025/12/a${i}.md`] = article(
      { title: `Article ${i}`, date: `2025-12-${day} ${String(8 + i).padStart(2, '0')}:00`, topic: ['Culture', 'Politics', 'Sport'][i % 3]!, tags: `[Tag ${i % 4}, Common]` },
      i === 1 ? 'See [the second article](./a2.md) for more.' : `Body of article ${i}.`,
    );
  }
  return files;
}

let handle: DevHandle | undefined;
let client: EventClient | undefined;
/** The site the running server serves. */
let servedRoot: string | undefined;
afterEach(async () => {
  batchTestHooks.batchReady = undefined;
  client?.close();
  client = undefined;
  await handle?.close();
  handle = undefined;
  servedRoot = undefined;
});

async function serve(root: string, options: Pick<StartOptions, 'onUpdate' | 'onSearchIndexed'> = {}): Promise<{ origin: string; dist: string; events: EventClient }> {
  servedRoot = root;
  handle = await startDev({ root, port: 0, now: () => NOW, threads: 1, ...options });
  expect(handle.first.ok).toBe(true);
  const origin = new URL(handle.url).origin;
  client = await EventClient.connect(origin);
  return { origin, dist: path.join(root, 'dist'), events: client };
}

/**
 * The site's sources as the watcher sees them: each folder, and each file with its size and mtime
 * (the output and cache folders left out).
 */
function sourceState(root: string): Map<string, string> {
  const state = new Map<string, string>();
  const note = (absolute: string, folder: boolean) => state.set(absolute, folder ? 'folder' : `${statSync(absolute).size}:${statSync(absolute).mtimeMs}`);
  for (const top of readdirSync(root, { withFileTypes: true })) {
    if (['dist', '.cache', '.dist.builds'].includes(top.name)) continue;
    const absolute = path.join(root, top.name);
    note(absolute, top.isDirectory());
    if (!top.isDirectory()) continue;
    for (const entry of readdirSync(absolute, { recursive: true, withFileTypes: true })) note(path.join(entry.parentPath, entry.name), entry.isDirectory());
  }
  return state;
}

/**
 * Make a change and wait for what the server says about it. The change is one batch: the server
 * takes it only once the watcher has reported every file and folder `act` added, changed or
 * removed (batchTestHooks), however a busy machine spreads their events out.
 */
async function change(events: EventClient, act: () => void): Promise<{ type: string; data: Record<string, unknown> }> {
  const seen = events.events.length;
  const before = sourceState(servedRoot!);
  act();
  const after = sourceState(servedRoot!);
  const touched = [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file));
  // Set before the event loop runs again: no batch can be taken between act() and here.
  batchTestHooks.batchReady = (pending) => touched.every((file) => pending.has(file));
  try {
    return await events.next(seen);
  } finally {
    batchTestHooks.batchReady = undefined;
  }
}

async function fetchPage(origin: string, sitePath: string) {
  const response = await fetch(`${origin}${sitePath}`, { redirect: 'manual' });
  return { status: response.status, type: response.headers.get('content-type'), location: response.headers.get('location'), html: await response.text() };
}

describe('the dev server keeps the output equal to a full build', () => {
  it('across edits, date and slug changes, adds, deletes and renames', async () => {
    const root = makeSite(siteFiles());
    const { origin, dist, events } = await serve(root);
    const content = (file: string) => path.join(root, 'content/2025/12', file);
    const expectSameAsFullBuild = async () => expect(differences(dist, await cleanBuildOf(root, NOW))).toEqual([]);
    await expectSameAsFullBuild();

    // Edit the body: the page and the lists showing its summary change, and nothing else.
    const before = Object.fromEntries(listFiles(dist).map((file) => [file, statSync(path.join(dist, file)).mtimeMs]));
    let event = await change(events, () => writeFileSync(content('a4.md'), article({ title: 'Article 4', date: '2025-12-05 12:00', topic: 'Politics', tags: '[Tag 0, Common]' }, 'A corrected body.')));
    expect(event.type).toBe('reload');
    expect(event.data.changed).toContain('2025/12/05/article-4/index.html');
    expect(event.data.changed).not.toContain('2025/12/03/article-2/index.html');
    expect(statSync(path.join(dist, 'tags/tag-3/index.html')).mtimeMs).toBe(before['tags/tag-3/index.html']);
    const served = await fetchPage(origin, '/2025/12/05/article-4/');
    expect(served.status).toBe(200);
    expect(cheerio.load(served.html)('.article-body').text().trim()).toBe('A corrected body.');
    await expectSameAsFullBuild();

    // A new title and date: the URL moves, neighbours and date archives change.
    event = await change(events, () => writeFileSync(content('a2.md'), article({ title: 'Article 2 moved', date: '2025-12-06 23:00', topic: 'Sport', tags: '[Tag 1]' }, 'Moved.')));
    expect(event.type).toBe('reload');
    expect((await fetchPage(origin, '/2025/12/03/article-2/')).status).toBe(404);
    // The article linking to it by file now links to the new URL.
    expect(cheerio.load((await fetchPage(origin, '/2025/12/02/article-1/')).html)('.article-body a').attr('href')).toBe('/2025/12/06/article-2-moved/');
    await expectSameAsFullBuild();

    // Add an article with a new tag.
    event = await change(events, () => writeFileSync(content('new.md'), article({ title: 'Breaking', date: '2025-12-07 06:00', topic: 'Culture', tags: '[Fresh]' }, 'Just in.')));
    expect(event.type).toBe('reload');
    expect((await fetchPage(origin, '/tags/fresh/')).status).toBe(200);
    await expectSameAsFullBuild();

    // Delete one: its page, and the tag only it had, go.
    event = await change(events, () => rmSync(content('new.md')));
    expect(event.type).toBe('reload');
    const gone = await fetchPage(origin, '/tags/fresh/');
    expect(gone.status).toBe(404);
    expect(cheerio.load(gone.html)('h1').text()).toBe('Page not found');
    await expectSameAsFullBuild();

    // Rename a file (unlink + add, one batch): the URL comes from the front-matter, so no page
    // changes, and the open pages are told there is nothing to reload.
    event = await change(events, () => renameSync(content('a5.md'), content('a5-renamed.md')));
    expect(event.type).toBe('ok');
    expect((await fetchPage(origin, '/2025/12/06/article-5/')).status).toBe(200);
    await expectSameAsFullBuild();
    // Renamed again with a new slug: the page moves.
    event = await change(events, () => {
      renameSync(content('a5-renamed.md'), content('a5-final.md'));
      writeFileSync(content('a5-final.md'), article({ title: 'Article 5', slug: 'fifth', date: '2025-12-06 13:00', topic: 'Sport', tags: '[Tag 1, Common]' }));
    });
    expect(event.type).toBe('reload');
    expect((await fetchPage(origin, '/2025/12/06/article-5/')).status).toBe(404);
    expect((await fetchPage(origin, '/2025/12/06/fifth/')).status).toBe(200);
    await expectSameAsFullBuild();

    // A whole folder of articles removed at once.
    event = await change(events, () => {
      mkdirSync(path.join(root, 'content/2024/06'), { recursive: true });
      writeFileSync(path.join(root, 'content/2024/06/note.md'), article({ title: 'Old note', date: '2024-06-01 09:00', topic: 'Culture' }));
    });
    expect(event.type).toBe('reload');
    expect((await fetchPage(origin, '/2024/06/01/old-note/')).status).toBe(200);
    event = await change(events, () => rmSync(path.join(root, 'content/2024'), { recursive: true }));
    expect(event.type).toBe('reload');
    expect((await fetchPage(origin, '/2024/06/01/old-note/')).status).toBe(404);
    await expectSameAsFullBuild();

    // A draft disappears from every list.
    event = await change(events, () => writeFileSync(content('a7.md'), article({ title: 'Article 7', date: '2025-12-02 15:00', topic: 'Culture', tags: '[Tag 3, Common]', draft: 'true' })));
    expect(event.type).toBe('reload');
    await expectSameAsFullBuild();
  });

  it('with full-content topic and tag feeds, moving a link target updates the linking article in them', async () => {
    const root = makeSite({ ...siteFiles(), 'site.config.ts': `export default { title: 'Dev Times', pageSize: 3, baseUrl: 'https://dev.example/', termFeedContent: 'full' };\n` });
    const { dist, events } = await serve(root);
    const event = await change(events, () =>
      writeFileSync(path.join(root, 'content/2025/12/a2.md'), article({ title: 'Article 2', slug: 'second', date: '2025-12-03 10:00', topic: 'Sport', tags: '[Tag 2, Common]' })),
    );
    expect(event.type).toBe('reload');
    // a1 (Politics, Tag 1) links to a2 by file: its topic's and tag's feeds carry the new URL.
    expect(readFileSync(path.join(dist, 'tags/tag-1/feed.json'), 'utf8')).toContain('/2025/12/03/second/');
    expect(differences(dist, await cleanBuildOf(root, NOW))).toEqual([]);
  });

  it('editing an old article shown in a front page section updates the home page', async () => {
    // pageSize 3: a0, the oldest, is on page 4 of the home list but in its Culture section on page 1.
    const root = makeSite(siteFiles());
    const { origin, dist, events } = await serve(root);
    const culture = () => cheerio.load(readFileSync(path.join(dist, 'index.html'), 'utf8'))('#section-culture + ol h3').map((_, h3) => cheerio.load(h3).text()).get();
    expect(culture()).toContain('Article 0');
    const event = await change(events, () => writeFileSync(path.join(root, 'content/2025/12/a0.md'), article({ title: 'Article 0 retitled', slug: 'article-0', date: '2025-12-01 08:00', topic: 'Culture', tags: '[Tag 0, Common]' })));
    expect(event.type).toBe('reload');
    expect(culture()).toContain('Article 0 retitled');
    expect(cheerio.load((await fetchPage(origin, '/')).html)('main').text()).toContain('Article 0 retitled');
    expect(differences(dist, await cleanBuildOf(root, NOW))).toEqual([]);
  });

  it('a save written in pieces gives one rebuild, with the whole file', async () => {
    const root = makeSite(siteFiles());
    const batches: string[][] = [];
    const { origin, events } = await serve(root, {
      onUpdate: (_result, paths) => {
        if (paths.length > 0) batches.push(paths.map((file) => path.relative(root, file)));
      },
    });
    const file = path.join(root, 'content/2025/12/a3.md');
    const seen = events.events.length;
    writeFileSync(file, '---\ntitle: Article 3 in ');
    appendFileSync(file, 'three pieces\ndate: 2025-12-04 11:00\ntopic: Culture\n');
    appendFileSync(file, 'tags: [Tag 3]\n---\n\nWhole.\n');
    const event = await events.next(seen);
    expect(event.type).toBe('reload');
    expect(cheerio.load((await fetchPage(origin, '/2025/12/04/article-3-in-three-pieces/')).html)('h1').text()).toBe('Article 3 in three pieces');
    // Nothing more comes for the same save: the next rebuild is the next save's, of another file.
    const next = await change(events, () => writeFileSync(path.join(root, 'content/2025/12/a9.md'), article({ title: 'Article 9', date: '2025-12-04 17:00', topic: 'Culture', tags: '[Tag 1, Common]' }, 'Revised.')));
    expect(next.data.changed).toContain('2025/12/04/article-9/index.html');
    expect(events.events.slice(seen).map((received) => received.type)).toEqual(['reload', 'reload']);
    expect(batches).toEqual([['content/2025/12/a3.md'], ['content/2025/12/a9.md']]);
  });

  it('the last piece of a save is not lost, even when it lands just after the first was taken', async () => {
    const root = makeSite(siteFiles());
    const file = path.join(root, 'content/2025/12/a3.md');
    // The last piece lands as soon as the first piece's rebuild is done (onUpdate), on no clock:
    // on an idle machine within chokidar's 50 ms, in which it reports a second change of one
    // file no more; on a busy one, later. Either way the final page must come.
    let landed = false;
    const { origin, events } = await serve(root, {
      onUpdate: (_result, paths) => {
        if (landed || !paths.includes(file)) return;
        landed = true;
        writeFileSync(file, '---\ntitle: Article 3, final\ndate: 2025-12-04 11:00\ntopic: Culture\n---\n\nFinal.\n');
      },
    });
    let seen = events.events.length;
    writeFileSync(file, '---\ntitle: Article 3, first draft\ndate: 2025-12-04 11:00\ntopic: Culture\n---\n\nDraft.\n');
    // Two rebuilds: the first read the first draft; the final page comes last.
    let event = await events.next(seen++);
    expect(event.data.changed).toContain('2025/12/04/article-3-first-draft/index.html');
    while (!(event.data.changed as string[] | undefined)?.includes('2025/12/04/article-3-final/index.html')) event = await events.next(seen++);
    expect(event.type).toBe('reload');
    expect((await fetchPage(origin, '/2025/12/04/article-3-final/')).status).toBe(200);
    expect((await fetchPage(origin, '/2025/12/04/article-3-first-draft/')).status).toBe(404);
  });

  it('a template change renders only the pages made with it; a config change, everything', async () => {
    const root = makeSite(siteFiles());
    const { dist, events } = await serve(root);
    const before = Object.fromEntries(listFiles(dist).map((file) => [file, statSync(path.join(dist, file)).mtimeMs]));
    const tag = readFileSync(path.join(REPO, 'templates/tag.liquid'), 'utf8');
    let event = await change(events, () => writeFiles(root, { 'templates/tag.liquid': tag.replace('{% include "partials/article-list" %}', '<p class="note">Tagged</p>{% include "partials/article-list" %}') }));
    expect(event.type).toBe('reload');
    const after = Object.fromEntries(listFiles(dist).map((file) => [file, statSync(path.join(dist, file)).mtimeMs]));
    const rewritten = Object.keys(after).filter((file) => after[file] !== before[file]);
    expect(rewritten.length).toBeGreaterThan(0);
    expect(rewritten.every((file) => file.startsWith('tags/') && file !== 'tags/index.html')).toBe(true);
    expect(differences(dist, await cleanBuildOf(root, NOW))).toEqual([]);

    event = await change(events, () => writeFileSync(path.join(root, 'site.config.ts'), `export default { title: 'Renamed Times', pageSize: 3, baseUrl: 'https://dev.example/' };\n`));
    expect(event.type).toBe('reload');
    expect(cheerio.load(readFileSync(path.join(dist, 'index.html'), 'utf8'))('title').text()).toBe('Renamed Times');
    expect(differences(dist, await cleanBuildOf(root, NOW))).toEqual([]);
  });
});

describe('related articles in the dev server', () => {
  it('an edit of tags, topic or date changes other articles\' related lists as a full build would', async () => {
    // A window of 2 candidates per term, so the lists depend on where articles sit in time.
    const files = siteFiles();
    files['site.config.ts'] = `export default { title: 'Dev Times', pageSize: 3, baseUrl: 'https://dev.example/', related: { count: 2, candidatesPerTerm: 2 } };\n`;
    const root = makeSite(files);
    const { origin, dist, events } = await serve(root);
    const content = (file: string) => path.join(root, 'content/2025/12', file);
    const expectSameAsFullBuild = async () => expect(differences(dist, await cleanBuildOf(root, NOW))).toEqual([]);
    const relatedOn = async (sitePath: string) => cheerio.load((await fetchPage(origin, sitePath)).html)('.related li a').map((_, a) => cheerio.load(a).text()).get();
    await expectSameAsFullBuild();

    // Article 5 takes a tag of its own, shared with article 8 only: each lists the other first.
    let event = await change(events, () => writeFileSync(content('a5.md'), article({ title: 'Article 5', date: '2025-12-06 13:00', topic: 'Sport', tags: '[Tag 1, Common, Rare]' })));
    expect(event.type).toBe('reload');
    event = await change(events, () => writeFileSync(content('a8.md'), article({ title: 'Article 8', date: '2025-12-03 16:00', topic: 'Sport', tags: '[Tag 0, Common, Rare]' })));
    expect(event.type).toBe('reload');
    expect((await relatedOn('/2025/12/03/article-8/'))[0]).toBe('Article 5');
    await expectSameAsFullBuild();

    // Tags and topic gone: it leaves every list, and its own page has none.
    event = await change(events, () => writeFileSync(content('a5.md'), article({ title: 'Article 5', date: '2025-12-06 13:00', topic: 'Weather' })));
    expect(event.type).toBe('reload');
    expect(await relatedOn('/2025/12/06/article-5/')).toEqual([]);
    expect(await relatedOn('/2025/12/03/article-8/')).not.toContain('Article 5');
    await expectSameAsFullBuild();

    // Back with its tags, on another day: it moves in each term's list.
    event = await change(events, () => writeFileSync(content('a5.md'), article({ title: 'Article 5', date: '2025-12-01 07:00', topic: 'Culture', tags: '[Tag 2, Common]' })));
    expect(event.type).toBe('reload');
    await expectSameAsFullBuild();
  });
  it('after a tag, topic or date edit, an add and a delete, every article lists what a fresh build lists', async () => {
    // 16 articles six hours apart, in two topics and four tags; a window of 4 candidates per term,
    // so that which articles see each other depends on where they sit in time.
    const files: Record<string, string> = { 'site.config.ts': `export default { title: 'Dev Times', baseUrl: 'https://dev.example/', related: { count: 3, candidatesPerTerm: 4 } };\n` };
    const front = (i: number, fields: Record<string, string> = {}) => ({
      title: `Story ${i}`,
      slug: `story-${i}`,
      date: `2025-12-${String(1 + Math.floor(i / 4)).padStart(2, '0')} ${String(6 * (i % 4)).padStart(2, '0')}:00`,
      topic: i % 2 === 0 ? 'Economy' : 'Health',
      tags: `[T${i % 4}, T${(i + 1) % 4}]`,
      ...fields,
    });
    for (let i = 0; i < 16; i++) files[`content/s${i}.md`] = article(front(i));
    const root = makeSite(files);
    const { dist, events } = await serve(root);
    const save = async (name: string, text: string) => expect((await change(events, () => writeFileSync(path.join(root, 'content', name), text))).type).toBe('reload');
    /** Each article page's related titles, by page file: the dev server's output and a fresh build's. */
    const lists = (pages: Iterable<[string, string | Uint8Array]>) => {
      const byPage = new Map<string, string[]>();
      for (const [file, html] of pages) {
        if (!/^2025\/12\/\d\d\/story-\d+\/index\.html$/.test(file)) continue;
        const $ = cheerio.load(typeof html === 'string' ? html : Buffer.from(html).toString('utf8'));
        byPage.set(file, $('section.related li a').map((_, a) => $(a).text()).get());
      }
      return byPage;
    };
    const served = () => lists(listFiles(dist).map((file) => [file, readFileSync(path.join(dist, file), 'utf8')] as [string, string]));
    let previous = served();
    /** The related lists the step changed (besides the edited article's own), checked against a fresh build's. */
    const expectFreshLists = async (edited: string) => {
      const now = served();
      // One list for each story the site has now.
      expect(now.size).toBe(readdirSync(path.join(root, 'content')).filter((name) => /^s\d+\.md$/.test(name)).length);
      expect(now).toEqual(lists(await cleanBuildOf(root, NOW)));
      const changedElsewhere = [...now].filter(([file, titles]) => !file.includes(`/${edited}/`) && JSON.stringify(previous.get(file)) !== JSON.stringify(titles));
      previous = now;
      return changedElsewhere.map(([file]) => file);
    };

    // A tag edit: story 5 now shares T3 with its neighbours rather than T1.
    await save('s5.md', article(front(5, { tags: '[T2, T3]' })));
    expect(await expectFreshLists('story-5')).not.toEqual([]);
    // A topic edit: story 6 moves from Economy to Health.
    await save('s6.md', article(front(6, { topic: 'Health' })));
    expect(await expectFreshLists('story-6')).not.toEqual([]);
    // A date edit that moves story 2 past six others, to the 3rd.
    await save('s2.md', article(front(2, { date: '2025-12-03 20:00' })));
    expect(await expectFreshLists('story-2')).not.toEqual([]);
    // A retitled article (same URL): the lists showing it show the new title.
    await save('s9.md', article(front(9, { title: 'Story 9, updated' })));
    expect(await expectFreshLists('story-9')).not.toEqual([]);
    expect([...served().values()].flat()).toContain('Story 9, updated');
    // An article added among the others, sharing their terms.
    await save('s16.md', article(front(16, { date: '2025-12-02 09:00', tags: '[T0, T1, T2]' })));
    expect(await expectFreshLists('story-16')).not.toEqual([]);
    // And one deleted: it leaves every list.
    expect((await change(events, () => rmSync(path.join(root, 'content/s10.md')))).type).toBe('reload');
    expect(await expectFreshLists('story-10')).not.toEqual([]);
    expect([...served().values()].flat()).not.toContain('Story 10');
    expect(differences(dist, await cleanBuildOf(root, NOW))).toEqual([]);
  });
});

describe('bylines in the dev server', () => {
  it('adding, changing and removing an author, and editing the authors file, keep the output equal to a full build', async () => {
    const root = makeSite({ ...siteFiles(), 'content/authors.yaml': '- name: Aigerim Sultanova\n  bio: Culture desk.\n' });
    const { origin, dist, events } = await serve(root);
    const content = (file: string) => path.join(root, 'content/2025/12', file);
    const expectSameAsFullBuild = async () => expect(differences(dist, await cleanBuildOf(root, NOW))).toEqual([]);

    // A byline on an article: its author page and feeds appear, and the authors index lists them.
    let event = await change(events, () => writeFileSync(content('a4.md'), article({ title: 'Article 4', date: '2025-12-05 12:00', topic: 'Politics', tags: '[Tag 0, Common]', author: 'Aigerim Sultanova' })));
    expect(event.type).toBe('reload');
    expect(cheerio.load((await fetchPage(origin, '/authors/aigerim-sultanova/')).html)('.bio').text()).toBe('Culture desk.');
    expect(listFiles(dist)).toContain('authors/aigerim-sultanova/feed.xml');
    await expectSameAsFullBuild();

    // A second author on another article, then the first article's author changed.
    event = await change(events, () => writeFileSync(content('a6.md'), article({ title: 'Article 6', date: '2025-12-01 14:00', topic: 'Culture', tags: '[Tag 2, Common]', author: '[Aigerim Sultanova, Daniyar Bekov]' })));
    expect(event.type).toBe('reload');
    await expectSameAsFullBuild();
    event = await change(events, () => writeFileSync(content('a4.md'), article({ title: 'Article 4', date: '2025-12-05 12:00', topic: 'Politics', tags: '[Tag 0, Common]', author: 'Daniyar Bekov' })));
    expect(event.type).toBe('reload');
    await expectSameAsFullBuild();

    // The authors file edited: the author's page and the JSON-LD of their articles follow.
    event = await change(events, () => writeFileSync(path.join(root, 'content/authors.yaml'), '- name: Aigerim Sultanova\n  bio: Arts editor.\n  sameAs: https://x.com/aigerim\n'));
    expect(event.type).toBe('reload');
    expect(cheerio.load((await fetchPage(origin, '/authors/aigerim-sultanova/')).html)('.bio').text()).toBe('Arts editor.');
    await expectSameAsFullBuild();

    // The last article of an author loses its byline: their page and feeds go.
    event = await change(events, () => writeFileSync(content('a6.md'), article({ title: 'Article 6', date: '2025-12-01 14:00', topic: 'Culture', tags: '[Tag 2, Common]', author: 'Daniyar Bekov' })));
    expect(event.type).toBe('reload');
    expect((await fetchPage(origin, '/authors/aigerim-sultanova/')).status).toBe(404);
    expect(listFiles(dist)).not.toContain('authors/aigerim-sultanova/feed.xml');
    await expectSameAsFullBuild();
  });
});

describe('old URLs in the dev server', () => {
  it('adding, changing and removing aliases keeps the redirect pages and _redirects equal to a full build', async () => {
    const root = makeSite(siteFiles());
    const { origin, dist, events } = await serve(root);
    const content = (file: string) => path.join(root, 'content/2025/12', file);
    const expectSameAsFullBuild = async () => expect(differences(dist, await cleanBuildOf(root, NOW))).toEqual([]);
    const a4 = (aliases?: string) => article({ title: 'Article 4', date: '2025-12-05 12:00', topic: 'Politics', tags: '[Tag 0, Common]', ...(aliases ? { aliases } : {}) });

    await change(events, () => writeFileSync(content('a4.md'), a4('[/2019/01/02/old.html, /old/]')));
    const served = await fetchPage(origin, '/2019/01/02/old.html');
    expect(cheerio.load(served.html)('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/2025/12/05/article-4/');
    expect(readFileSync(path.join(dist, '_redirects'), 'utf8')).toContain('/old/ /2025/12/05/article-4/ 301');
    await expectSameAsFullBuild();

    // One old URL dropped: its page goes.
    await change(events, () => writeFileSync(content('a4.md'), a4('[/old/]')));
    expect(listFiles(dist)).not.toContain('2019/01/02/old.html');
    await expectSameAsFullBuild();

    // None left: no redirect file at all.
    await change(events, () => writeFileSync(content('a4.md'), a4()));
    expect(listFiles(dist)).not.toContain('_redirects');
    expect(listFiles(dist)).not.toContain('old/index.html');
    await expectSameAsFullBuild();
  });
});

describe('after the dev server', () => {
  it('the next npm run build starts warm: nothing to render or write', async () => {
    const root = makeSite(siteFiles());
    const { events } = await serve(root);
    const event = await change(events, () => writeFileSync(path.join(root, 'content/2025/12/a6.md'), article({ title: 'Article 6 revised', date: '2025-12-01 14:00', topic: 'Culture', tags: '[Tag 2, Common]' })));
    expect(event.type).toBe('reload');
    await handle!.close();
    handle = undefined;
    const result = await build({ root, now: NOW, threads: 1 });
    expect(result.stats).toMatchObject({ rendered: 0, pagesRendered: 0, written: 0, deleted: 0 });
  });

  it('a build after dev wrote into the live tree swaps in exactly the clean build (the spare tree is relinked where dev changed pages)', async () => {
    const root = makeSite(siteFiles());
    // Two builds first, so the spare tree is a whole older site and the ledger describes both trees.
    await build({ root, now: NOW, threads: 1 });
    writeFileSync(path.join(root, 'content/2025/12/a5.md'), article({ title: 'Article 5 first edit', date: '2025-12-01 13:00', topic: 'Culture', tags: '[Tag 1]' }));
    await build({ root, now: NOW, threads: 1 });
    const { events } = await serve(root);
    const event = await change(events, () => writeFileSync(path.join(root, 'content/2025/12/a6.md'), article({ title: 'Article 6 revised', date: '2025-12-01 14:00', topic: 'Culture', tags: '[Tag 2, Common]' })));
    expect(event.type).toBe('reload');
    await handle!.close();
    handle = undefined;
    // A change dev did not see: the build must swap trees, keeping the pages dev wrote.
    writeFileSync(path.join(root, 'content/2025/12/a1.md'), article({ title: 'Article 1 offline edit', date: '2025-12-01 09:00', topic: 'Politics', tags: '[Tag 1]' }));
    await build({ root, now: NOW, threads: 1 });
    expect(differences(path.join(root, 'dist'), await cleanBuildOf(root, NOW), { search: true })).toEqual([]);
  });

  it('brings the search index up to date once edits settle, equal to a full build’s, and leaves it so on close', async () => {
    const root = makeSite(siteFiles());
    const indexed: Array<readonly string[]> = [];
    let settled: () => void = () => undefined;
    const { dist, events } = await serve(root, {
      onSearchIndexed: (changed) => {
        indexed.push(changed);
        settled();
      },
    });
    const done = new Promise<void>((resolve) => (settled = resolve));
    const event = await change(events, () => writeFileSync(path.join(root, 'content/2025/12/a6.md'), article({ title: 'Article 6 about zeppelins', date: '2025-12-01 14:00', topic: 'Culture' }, 'Zeppelins return to the steppe.')));
    expect(event.type).toBe('reload');
    // The pages are in at once; the index follows when the edits settle.
    expect(differences(dist, await cleanBuildOf(root, NOW))).toEqual([]);
    await done;
    expect(indexed[0]!.some((file) => file.startsWith('pagefind/2025-12/'))).toBe(true);
    expect(differences(dist, await cleanBuildOf(root, NOW), { search: true })).toEqual([]);

    // An edit the server closes on before it settles is indexed before it stops.
    const second = await change(events, () => writeFileSync(path.join(root, 'content/2025/12/a5.md'), article({ title: 'Article 5 about airships', date: '2025-12-01 13:00', topic: 'Culture' }, 'Airships too.')));
    expect(second.type).toBe('reload');
    await handle!.close();
    handle = undefined;
    expect(differences(dist, await cleanBuildOf(root, NOW), { search: true })).toEqual([]);
  });
});

describe('errors do not stop the dev server', () => {
  it('a broken article is reported with file:line:column, the last good pages stay served, and fixing it clears the error', async () => {
    const root = makeSite(siteFiles());
    const { origin, dist, events } = await serve(root);
    const file = path.join(root, 'content/2025/12/a4.md');
    const good = readFileSync(path.join(dist, '2025/12/05/article-4/index.html'));

    let event = await change(events, () => writeFileSync(file, '---\ntitle: Article 4\ndate: 2025-13-45 10:00\ntopic: Politics\n---\n\nBroken date.\n'));
    expect(event.type).toBe('problems');
    expect(event.data.text).toMatch(/content\/2025\/12\/a4\.md:3:\d+ error date/);
    // With where to read about the code: this checkout's docs/errors.md, outside the site's folder.
    expect(event.data.text).toContain(`\n    see: ${path.join(REPO, 'docs/errors.md')}#date-invalid`);
    // The last good page is still served, and dist/ is untouched.
    const served = await fetchPage(origin, '/2025/12/05/article-4/');
    expect(served.status).toBe(200);
    expect(cheerio.load(served.html)('h1').text()).toBe('Article 4');
    expect(readFileSync(path.join(dist, '2025/12/05/article-4/index.html')).equals(good)).toBe(true);
    // A page opened now gets the error at once, from the stream.
    const late = await EventClient.connect(origin);
    try {
      expect((await late.next(0)).type).toBe('problems');
    } finally {
      late.close();
    }

    event = await change(events, () => writeFileSync(file, article({ title: 'Article 4 fixed', date: '2025-12-05 12:00', topic: 'Politics', tags: '[Tag 0, Common]' })));
    expect(event.type).toBe('reload');
    expect((await fetchPage(origin, '/2025/12/05/article-4-fixed/')).status).toBe(200);
    expect(differences(dist, await cleanBuildOf(root, NOW))).toEqual([]);
  });

  it('starting on a broken site serves what is there, reports the error, and builds once it is fixed', async () => {
    const root = makeSite({ ...siteFiles(), 'content/2025/12/a3.md': '---\ntitle: Article 3\ndate: yesterday\n---\n\nBroken.\n' });
    servedRoot = root;
    handle = await startDev({ root, port: 0, now: () => NOW, threads: 1 });
    expect(handle.first.ok).toBe(false);
    const origin = new URL(handle.url).origin;
    const events = (client = await EventClient.connect(origin));
    const first = await events.next(0);
    expect(first.type).toBe('problems');
    expect(first.data.text).toMatch(/content\/2025\/12\/a3\.md:3:\d+ error date/);
    // No build yet: nothing to serve, but the server answers with a page whose client shows the error and reloads.
    const waiting = await fetchPage(origin, '/');
    expect(waiting.status).toBe(404);
    expect(cheerio.load(waiting.html)('script#broadsheet-live-reload')).toHaveLength(1);
    const event = await change(events, () => writeFileSync(path.join(root, 'content/2025/12/a3.md'), article({ title: 'Article 3', date: '2025-12-04 11:00', topic: 'Culture', tags: '[Tag 3, Common]' })));
    expect(event.type).toBe('reload');
    expect((await fetchPage(origin, '/')).status).toBe(200);
    expect(differences(path.join(root, 'dist'), await cleanBuildOf(root, NOW))).toEqual([]);
  });

  it('a template error is reported with the template file, and leaves the output as it was', async () => {
    const root = makeSite(siteFiles());
    const { dist, events } = await serve(root);
    const before = listFiles(dist).map((file) => [file, statSync(path.join(dist, file)).mtimeMs]);
    const event = await change(events, () => writeFiles(root, { 'templates/tag.liquid': '{% layout "layouts/base" %}{% block content %}{% if %}{% endblock %}' }));
    expect(event.type).toBe('problems');
    expect(event.data.text).toMatch(/templates\/tag\.liquid:1:\d+ error/);
    expect(listFiles(dist).map((file) => [file, statSync(path.join(dist, file)).mtimeMs])).toEqual(before);
    const fixed = await change(events, () => rmSync(path.join(root, 'templates/tag.liquid')));
    expect(fixed.type).toBe('reload');
  });
});

describe('serving', () => {
  it('serves clean URLs, content types, 404.html, and puts the reload script only into served HTML', async () => {
    const root = makeSite(siteFiles());
    const { origin, dist } = await serve(root);
    const home = await fetchPage(origin, '/');
    expect(home.status).toBe(200);
    expect(home.type).toBe('text/html; charset=utf-8');
    const $ = cheerio.load(home.html);
    expect($('script#broadsheet-live-reload').length).toBe(1);
    expect($('script#broadsheet-live-reload').text()).toContain('/__broadsheet/events');
    // Not in the files: `npm run build` output never carries it.
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).not.toContain('broadsheet-live-reload');

    const redirect = await fetchPage(origin, '/topics/culture');
    expect(redirect.status).toBe(301);
    expect(redirect.location).toBe('/topics/culture/');
    expect((await fetchPage(origin, '/assets/style.css')).type).toMatch(/^text\/css/);
    expect((await fetchPage(origin, '/feed.json')).type).toMatch(/json/);
    const missing = await fetchPage(origin, '/no/such/page/');
    expect(missing.status).toBe(404);
    expect(cheerio.load(missing.html)('h1').text()).toBe('Page not found');
    expect(cheerio.load(missing.html)('script#broadsheet-live-reload').length).toBe(1);
    expect((await fetchPage(origin, '/../../etc/passwd')).status).toBe(404);
  });

  it('serves the site under its base path', async () => {
    const root = makeSite({ ...siteFiles(), 'site.config.ts': `export default { title: 'Dev Times', pageSize: 3, baseUrl: 'https://dev.example/news/' };\n` });
    handle = await startDev({ root, port: 0, now: () => NOW, threads: 1 });
    expect(handle.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/news\/$/);
    const origin = new URL(handle.url).origin;
    expect((await fetchPage(origin, '/news/')).status).toBe(200);
    expect((await fetchPage(origin, '/news/2025/12/05/article-4/')).status).toBe(200);
    const root301 = await fetchPage(origin, '/');
    expect(root301.status).toBe(301);
    expect(root301.location).toBe('/news/');
    expect((await fetchPage(origin, '/2025/12/05/article-4/')).status).toBe(404);
  });
});

describe('a multilingual site in the dev server', () => {
  const config = `export default { title: 'Дала', baseUrl: 'https://dev.example/', defaultLanguage: 'kk', languages: { kk: {}, ru: { title: 'Степь' }, en: { title: 'Steppe' } } };\n`;
  const files = {
    'site.config.ts': config,
    'content/kk/2025/12/budget.md': article({ title: 'Бюджет қабылданды', date: '2025-12-18 10:00', topic: 'Саясат', tags: '[Бюджет]' }, 'Қазақша мәтін.'),
    'content/kk/2025/12/snow.md': article({ title: 'Қар жауды', date: '2025-12-17 09:00', topic: 'Ауа райы' }),
    'content/ru/2025/12/budget.md': article({ title: 'Бюджет принят' }, 'Русский текст.'),
    'content/ru/terms.yaml': 'topics:\n  Саясат: Политика\n',
  };
  const hreflangs = async (origin: string, url: string) => {
    const $ = cheerio.load((await fetchPage(origin, url)).html);
    return $('head link[hreflang]').map((_, link) => `${$(link).attr('hreflang')} ${$(link).attr('href')}`).get();
  };

  it("editing, adding and removing translations updates every language's pages that show them, equal to a full build", async () => {
    const root = makeSite(files);
    const { origin, dist, events } = await serve(root);
    const expectSameAsFullBuild = async () => expect(differences(dist, await cleanBuildOf(root, NOW))).toEqual([]);
    await expectSameAsFullBuild();
    const kkBudget = '/2025/12/18/byudzhet-qabyldandy/';

    // A translation's new title moves its page: the original's hreflang follows.
    let event = await change(events, () => writeFileSync(path.join(root, 'content/ru/2025/12/budget.md'), article({ title: 'Парламент принял бюджет' }, 'Русский текст.')));
    expect(event.type).toBe('reload');
    expect(await hreflangs(origin, kkBudget)).toContain('ru https://dev.example/ru/2025/12/18/parlament-prinyal-byudzhet/');
    expect((await fetchPage(origin, '/ru/2025/12/18/byudzhet-prinyat/')).status).toBe(404);
    await expectSameAsFullBuild();

    // The original's new date moves the translation that inherits it.
    event = await change(events, () => writeFileSync(path.join(root, 'content/kk/2025/12/budget.md'), article({ title: 'Бюджет қабылданды', date: '2025-12-19 10:00', topic: 'Саясат', tags: '[Бюджет]' }, 'Қазақша мәтін.')));
    expect(event.type).toBe('reload');
    expect((await fetchPage(origin, '/ru/2025/12/19/parlament-prinyal-byudzhet/')).status).toBe(200);
    await expectSameAsFullBuild();

    // A new name for a topic in Russian.
    event = await change(events, () => writeFileSync(path.join(root, 'content/ru/terms.yaml'), 'topics:\n  Саясат: Политика и власть\n'));
    expect(event.type).toBe('reload');
    expect(cheerio.load((await fetchPage(origin, '/ru/topics/sayasat/')).html)('h1').text()).toContain('Политика и власть');
    await expectSameAsFullBuild();

    // A new English translation of the snow story, then the Russian budget story removed.
    event = await change(events, () => writeFiles(root, { 'content/en/2025/12/snow.md': article({ title: 'Snow fell' }) }));
    expect(event.type).toBe('reload');
    expect(await hreflangs(origin, '/2025/12/17/qar-zhaudy/')).toContain('en https://dev.example/en/2025/12/17/snow-fell/');
    await expectSameAsFullBuild();
    event = await change(events, () => rmSync(path.join(root, 'content/ru/2025/12/budget.md')));
    expect(event.type).toBe('reload');
    expect(await hreflangs(origin, '/2025/12/19/byudzhet-qabyldandy/')).toEqual([]);
    const missing = await fetchPage(origin, '/ru/2025/12/19/parlament-prinyal-byudzhet/');
    expect(missing.status).toBe(404);
    expect(cheerio.load(missing.html)('html').attr('lang')).toBe('ru');
    await expectSameAsFullBuild();
  });
});
