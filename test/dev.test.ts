// `broadsheet dev`: a real server on a free port, a real watcher on a temp site, and the event
// stream read over HTTP. After every change the output must be byte for byte what a clean full
// build of the same sources writes.

import { appendFileSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { spawn } from 'node:child_process';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterEach, describe, expect, it } from 'vitest';
import { startDev, type DevHandle } from '../src/dev/index.js';
import { cleanBuildOf, differences, EventClient } from './helpers/dev.js';
import { article, listFiles, makeSite, REPO, runCli, writeFiles } from './helpers/site.js';

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
afterEach(async () => {
  client?.close();
  client = undefined;
  await handle?.close();
  handle = undefined;
});

async function serve(root: string): Promise<{ origin: string; dist: string; events: EventClient }> {
  handle = await startDev({ root, port: 0, now: () => NOW, threads: 1 });
  expect(handle.first.ok).toBe(true);
  const origin = new URL(handle.url).origin;
  client = await EventClient.connect(origin);
  return { origin, dist: path.join(root, 'dist'), events: client };
}

/** Make a change and wait for what the server says about it. */
async function change(events: EventClient, act: () => void): Promise<{ type: string; data: Record<string, unknown> }> {
  const seen = events.events.length;
  act();
  return events.next(seen);
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

    // A draft disappears from every list.
    event = await change(events, () => writeFileSync(content('a7.md'), article({ title: 'Article 7', date: '2025-12-02 15:00', topic: 'Culture', tags: '[Tag 3, Common]', draft: 'true' })));
    expect(event.type).toBe('reload');
    await expectSameAsFullBuild();
  });

  it('a save written in pieces gives one rebuild, with the whole file', async () => {
    const root = makeSite(siteFiles());
    const { origin, events } = await serve(root);
    const file = path.join(root, 'content/2025/12/a3.md');
    const seen = events.events.length;
    writeFileSync(file, '---\ntitle: Article 3 in ');
    appendFileSync(file, 'three pieces\ndate: 2025-12-04 11:00\ntopic: Culture\n');
    appendFileSync(file, 'tags: [Tag 3]\n---\n\nWhole.\n');
    const event = await events.next(seen);
    expect(event.type).toBe('reload');
    // Nothing more comes for the same save.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(events.events.slice(seen).map((received) => received.type)).toEqual(['reload']);
    expect(cheerio.load((await fetchPage(origin, '/2025/12/04/article-3-in-three-pieces/')).html)('h1').text()).toBe('Article 3 in three pieces');
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
