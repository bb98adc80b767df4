// The body store (.cache/bodies/*.pack): bodies written by the article workers are served to the
// pages, on any thread; a body whose bytes are damaged is never served (the article is rendered
// again and the store repaired); dead bodies are compacted away; the output is the same bytes with
// or without the cache and on one thread or two.

import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../src/build.js';
import { PackReader, withPackWriter } from '../src/render/body-store.js';
import { readIndexFile, writeIndexFile } from './helpers/cache-index.js';
import { article, listFiles, makeSite, page } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');

function siteFiles(count: number): Record<string, string> {
  const files: Record<string, string> = { 'site.config.ts': `export default { title: 'Store Times', pageSize: 4 };\n` };
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    files[`content/2025/12/a${i}.md`] = article({ title: `Article ${i}`, date: `2025-12-${day} ${String(i % 24).padStart(2, '0')}:00`, tags: `[Tag ${i % 3}]` }, `Body of article ${i}, with **bold** text.`);
  }
  return files;
}

const run = (root: string, options: Parameters<typeof build>[0] = {}): Promise<BuildResult> => build({ root, now: NOW, ...options });
const dist = (root: string) => path.join(root, 'dist');
const packsOf = (root: string) => readdirSync(path.join(root, '.cache/bodies')).filter((name) => name.endsWith('.pack'));

/** Every file of dist/ with its bytes. */
function contents(root: string): Record<string, string> {
  return Object.fromEntries(listFiles(dist(root)).map((file) => [file, readFileSync(path.join(dist(root), file), 'base64')]));
}

/** Does the cache index hold entries, each pointing at bytes in the store that hash as the index says? */
function everyIndexedBodyIsGood(root: string): boolean {
  const { entries } = readIndexFile(root);
  return entries.length > 0 && entries.every(([, , , body]) => {
    const bytes = readFileSync(path.join(root, '.cache/bodies', body.pack)).subarray(body.offset, body.offset + body.length);
    return bytes.length === body.length && createHash('sha1').update(bytes).digest('hex') === body.hash;
  });
}

/** Every article page shows its own body. */
function expectEveryBody(root: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const $ = page(dist(root), `/2025/12/${String(1 + (i % 28)).padStart(2, '0')}/article-${i}/`);
    expect($('.article-body').text().trim()).toBe(`Body of article ${i}, with bold text.`);
  }
}

describe('bodies from the store', () => {
  it('are served to every page of a warm build that renders them', async () => {
    const root = makeSite(siteFiles(6));
    await run(root);
    expect(packsOf(root)).toHaveLength(1);
    rmSync(dist(root), { recursive: true });
    const warm = await run(root);
    expect(warm.stats).toMatchObject({ rendered: 0, cacheHits: 6 });
    expect(warm.stats.pagesRendered).toBe(warm.stats.pages);
    expectEveryBody(root, 6);
  });

  // Without the cache, two threads against one: test/cache.test.ts ('worker threads').
  it('written by two article workers are read by two page workers: the same bytes as one thread, cold and warm', async () => {
    const [one, two] = [makeSite(siteFiles(40)), makeSite(siteFiles(40))];
    await run(one, { threads: 1 });
    const pooled = await run(two, { threads: 2 });
    expect(pooled.stats.threads).toBe(2);
    // The article workers appended the bodies, each to a pack of its own (named by its thread, not the main thread's 0).
    expect(packsOf(two).length).toBeGreaterThan(0);
    expect(packsOf(two).filter((pack) => pack.endsWith('-0.pack'))).toEqual([]);
    expect(contents(two)).toEqual(contents(one));
    // Warm, on two threads, every page rendered again from the stored bodies.
    rmSync(dist(two), { recursive: true });
    expect((await run(two, { threads: 2 })).stats).toMatchObject({ rendered: 0, cacheHits: 40, pagesRendered: pooled.stats.pages });
    expect(contents(two)).toEqual(contents(one));
  });
});

describe('a damaged store', () => {
  const damages: Array<[string, (pack: string) => void]> = [
    ['truncated', (pack) => truncateSync(pack, 10)],
    ['garbled (same length)', (pack) => writeFileSync(pack, readFileSync(pack).map((byte) => byte ^ 0x20))],
    ['deleted', (pack) => rmSync(pack)],
  ];
  for (const [how, damage] of damages) {
    it(`a ${how} pack: its articles are rendered again, never served, and the store repaired`, async () => {
      const root = makeSite(siteFiles(5));
      await run(root);
      for (const pack of packsOf(root)) damage(path.join(root, '.cache/bodies', pack));
      rmSync(dist(root), { recursive: true });
      await run(root);
      expectEveryBody(root, 5);
      expect(everyIndexedBodyIsGood(root)).toBe(true);
    });
  }

  it('on page workers: the damaged bodies are rendered again there, and the store repaired', async () => {
    const [clean, damaged] = [makeSite(siteFiles(30)), makeSite(siteFiles(30))];
    // The site as it should be (one thread gives the same bytes as two: the test above).
    await run(clean, { threads: 1 });
    // Stored on the main thread; read back, damaged, on two page workers.
    await run(damaged, { threads: 1 });
    const [first] = packsOf(damaged);
    truncateSync(path.join(damaged, '.cache/bodies', first!), 100);
    rmSync(dist(damaged), { recursive: true });
    await run(damaged, { threads: 2 });
    expect(contents(damaged)).toEqual(contents(clean));
    expect(everyIndexedBodyIsGood(damaged)).toBe(true);
  });

  it('an index pointing at the wrong bytes: the articles are rendered again', async () => {
    const root = makeSite(siteFiles(4));
    await run(root);
    const index = readIndexFile(root);
    for (const [, , , body] of index.entries) body.offset = 0;
    writeIndexFile(root, index);
    rmSync(dist(root), { recursive: true });
    await run(root);
    expectEveryBody(root, 4);
  });
});

describe('compaction', () => {
  it('when dead bodies outweigh live ones, the store shrinks to the bodies still used, and serves them', async () => {
    const root = makeSite(siteFiles(4));
    await run(root);
    const [before] = packsOf(root);
    for (let i = 1; i < 4; i++) rmSync(path.join(root, `content/2025/12/a${i}.md`));
    await run(root);
    const packs = packsOf(root);
    expect(packs).toHaveLength(1);
    expect(packs[0]).not.toBe(before);
    const [only] = readIndexFile(root).entries;
    expect(readFileSync(path.join(root, '.cache/bodies', packs[0]!)).length).toBe(only![3].length);
    rmSync(dist(root), { recursive: true });
    expect((await run(root)).stats).toMatchObject({ rendered: 0, cacheHits: 1 });
    expectEveryBody(root, 1);
  });

  it('packs whose bodies are all dead are deleted', async () => {
    const root = makeSite(siteFiles(3));
    await run(root);
    const [before] = packsOf(root);
    for (let i = 0; i < 3; i++) writeFileSync(path.join(root, `content/2025/12/a${i}.md`), article({ title: `Article ${i}`, date: `2025-12-0${1 + i} 0${i}:00`, tags: `[Tag ${i}]` }, `Body of article ${i}, with **bold** text.\n\nEdited.`));
    await run(root);
    expect(packsOf(root)).not.toContain(before);
    expect(packsOf(root)).toHaveLength(1);
    expect(everyIndexedBodyIsGood(root)).toBe(true);
  });
});

describe('a pack', () => {
  it('reads back what was appended; a torn tail or a wrong hash reads as nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-pack-'));
    try {
      const store = { dir, writer: 'test' };
      const [a, b] = withPackWriter(store, (writer) => [writer.append('<p>Алматы</p>'), writer.append('<p>second</p>')]);
      const reader = new PackReader(dir);
      expect([reader.read(a!), reader.read(b!)]).toEqual(['<p>Алматы</p>', '<p>second</p>']);
      expect(reader.read({ ...a!, hash: b!.hash })).toBeUndefined();
      reader.close();
      truncateSync(path.join(dir, b!.pack), b!.offset + 3);
      const after = new PackReader(dir);
      expect([after.read(a!), after.read(b!)]).toEqual(['<p>Алматы</p>', undefined]);
      after.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
