// The cache's indexes as a whole file and a log (src/write/journal.ts): a publish appends a line
// instead of writing the article index and the output manifest again whole, the next build reads
// both back to the same site, and a line cut short or left over from before is never taken.

import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { Journal } from '../src/write/journal.js';
import { cleanBuildOf, differences } from './helpers/dev.js';
import { article, makeSite, runCli } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const INDEXES = ['articles', 'output'] as const;

function siteFiles(count: number): Record<string, string> {
  const files: Record<string, string> = { 'site.config.mjs': `export default { title: 'Log Times', pageSize: 5 };\n` };
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    files[`content/2025/11/a${i}.md`] = article({ title: `Article ${i}`, date: `2025-11-${day} ${String(i % 24).padStart(2, '0')}:00`, topic: i % 2 ? 'Culture' : 'Politics', tags: `[Tag ${i % 4}]` }, `Body of article ${i}.`);
  }
  return files;
}

function publish(root: string, n: number): void {
  writeFileSync(path.join(root, `content/2025/12/new-${n}.md`), article({ title: `News ${n}`, date: `2025-12-2${n} 09:00`, topic: 'Politics', tags: '[Tag 1]' }, `Fresh news ${n}.`));
}

const cacheFile = (root: string, name: string) => path.join(root, '.cache', name);
const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0);

async function expectCleanBuild(root: string): Promise<void> {
  expect(differences(path.join(root, 'dist'), await cleanBuildOf(root, NOW), { search: true })).toEqual([]);
}

const ENV = { SOURCE_DATE_EPOCH: String(NOW / 1000) };

/**
 * A built site of 60 articles, written an hour ago (not racy: source-stamps.ts). `cli`: built by
 * the CLI, whose code (lib/ once compiled) has another cache identity than the sources the tests run.
 */
async function loggedSite({ cli = false } = {}): Promise<string> {
  const files = siteFiles(60);
  const root = makeSite(files);
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const file of Object.keys(files)) utimesSync(path.join(root, file), hourAgo, hourAgo);
  mkdirSync(path.join(root, 'content/2025/12'));
  if (cli) expect((await runCli(['build'], root, ENV)).code).toBe(0);
  else await build({ root, now: NOW });
  return root;
}

describe('a publish into a built site', () => {
  it('appends a line to each index; the whole files stay as they were, and the next build reads both back', async () => {
    const root = await loggedSite();
    const whole = Object.fromEntries(INDEXES.map((name) => [name, readFileSync(cacheFile(root, `${name}.json`))]));
    publish(root, 1);
    expect((await build({ root, now: NOW })).stats).toMatchObject({ rendered: 1 });
    for (const name of INDEXES) {
      expect(readFileSync(cacheFile(root, `${name}.json`)).equals(whole[name]!), `${name}.json rewritten`).toBe(true);
      expect(lines(cacheFile(root, `${name}.log`)), `${name}.log`).toBe(1);
    }
    // A correction: a second line, replayed after the first.
    writeFileSync(path.join(root, 'content/2025/11/a3.md'), article({ title: 'Article 3, corrected', date: '2025-11-04 03:00', topic: 'Culture', tags: '[Tag 3]' }, 'Corrected body.'));
    expect((await build({ root, now: NOW })).stats).toMatchObject({ rendered: 1 });
    // (The manifest's second line would pass a quarter of this small site's manifest: written whole.)
    expect(lines(cacheFile(root, 'articles.log'))).toBe(2);
    // A deletion: it moves every list page after it.
    rmSync(path.join(root, 'content/2025/11/a4.md'));
    expect((await build({ root, now: NOW })).stats).toMatchObject({ rendered: 0 });
    expect(lines(cacheFile(root, 'articles.log'))).toBe(3);
    // Everything known from the whole files and their logs: nothing rendered or written.
    expect((await build({ root, now: NOW })).stats).toMatchObject({ rendered: 0, cacheHits: 60, pagesRendered: 0, written: 0, deleted: 0 });
    await expectCleanBuild(root);
  });

  it('a line cut short (a crash, a full disk) is left out, and the next save writes the whole index again', async () => {
    const root = await loggedSite();
    publish(root, 1);
    await build({ root, now: NOW });
    for (const name of INDEXES) appendFileSync(cacheFile(root, `${name}.log`), '{"follows":"1:2:3","change":{"fi');
    publish(root, 2);
    expect((await build({ root, now: NOW })).stats).toMatchObject({ rendered: 1, cacheHits: 61 });
    for (const name of INDEXES) expect(existsSync(cacheFile(root, `${name}.log`)), `${name}.log`).toBe(false);
    expect((await build({ root, now: NOW })).stats).toMatchObject({ rendered: 0, pagesRendered: 0, written: 0 });
    await expectCleanBuild(root);
  });

  it('a full disk while appending: one line naming the log, the new site in place, the log as it was', async () => {
    const root = await loggedSite({ cli: true });
    publish(root, 1);
    expect((await runCli(['build'], root, ENV)).code).toBe(0);
    const before = readFileSync(cacheFile(root, 'articles.log'));
    publish(root, 2);
    const result = await runCli(['build'], root, { ...ENV, BROADSHEET_FAILPOINT: 'ENOSPC@articles.log' });
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Build failed: No space left on the disk holding .cache/articles.log (ENOSPC). Free some space, then build again. The new site is in place, but the cache was not saved: the next build renders more.',
    );
    expect(readFileSync(cacheFile(root, 'articles.log')).equals(before)).toBe(true);
    expect(readFileSync(path.join(root, 'dist/2025/12/22/news-2/index.html'), 'utf8')).toContain('Fresh news 2.');
    const next = await runCli(['build'], root, ENV);
    expect(next.code, next.stderr).toBe(0);
    expect(lines(cacheFile(root, 'articles.log'))).toBe(2);
    await expectCleanBuild(root);
  });
});

describe('a journal', () => {
  const save = (journal: Journal, change: unknown, whole: unknown) => journal.save(() => (change === undefined ? undefined : JSON.stringify(change)), (write) => write(JSON.stringify(whole)));

  it('reads the whole file and the changes after it, in order', () => {
    const file = path.join(makeSite({}), 'index.json');
    const big = { items: 'x'.repeat(1000) };
    const journal = new Journal(file);
    save(journal, undefined, big);
    save(journal, { n: 1 }, big);
    save(journal, { n: 2 }, big);
    expect(new Journal(file).read()).toMatchObject({ whole: big, changes: [{ n: 1 }, { n: 2 }] });
  });

  it('writes the whole file again when the log would pass a quarter of it, and leaves no log', () => {
    const file = path.join(makeSite({}), 'index.json');
    const journal = new Journal(file);
    save(journal, undefined, { items: 'x'.repeat(100) });
    save(journal, { n: 'y'.repeat(30) }, { items: 'z'.repeat(100) });
    expect(existsSync(journal.log)).toBe(false);
    expect(new Journal(file).read()).toMatchObject({ whole: { items: 'z'.repeat(100) }, changes: [] });
  });

  it('never appends through a link: a log that is a link is removed, the file it points at untouched', () => {
    const root = makeSite({ 'elsewhere.txt': 'not the cache\n' });
    const file = path.join(root, 'cache/index.json');
    mkdirSync(path.dirname(file));
    const journal = new Journal(file);
    save(journal, undefined, { items: 'x'.repeat(1000) });
    symlinkSync(path.join(root, 'elsewhere.txt'), journal.log);
    save(journal, { n: 1 }, { items: 'y'.repeat(1000) });
    expect(readFileSync(path.join(root, 'elsewhere.txt'), 'utf8')).toBe('not the cache\n');
    expect(existsSync(journal.log)).toBe(false);
    expect(new Journal(file).read()).toMatchObject({ whole: { items: 'y'.repeat(1000) }, changes: [] });
  });

  it('takes no line of a log written before the whole file was written again (a stale log)', () => {
    const file = path.join(makeSite({}), 'index.json');
    const journal = new Journal(file);
    save(journal, undefined, { items: 'x'.repeat(1000) });
    save(journal, { n: 1 }, {});
    copyFileSync(journal.log, `${journal.log}.old`);
    save(journal, undefined, { items: 'w'.repeat(1000) });
    // A build killed between writing the whole file and removing the log leaves this.
    copyFileSync(`${journal.log}.old`, journal.log);
    expect(new Journal(file).read()).toMatchObject({ whole: { items: 'w'.repeat(1000) }, changes: [] });
  });
});
