// A build that continues from the last one's saved state (pipeline/warm-build.ts) writes exactly
// what a clean build of the same sources writes, whatever sequence of adds, edits, deletes, date
// moves and template edits came before; and it takes the incremental path when only articles
// changed.

import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { MemoryWriter } from '../src/write/memory-writer.js';
import { cleanBuildOf, differences } from './helpers/dev.js';
import { tryBuild } from './helpers/memory-site.js';
import { article, makeSite } from './helpers/site.js';

const NOW = Date.parse('2026-01-10T12:00:00Z');
const TOPICS = ['Culture', 'Politics', 'Sport'];

function articleText(i: number, edit: { day: number; topic: number; tags: number; title: string }): string {
  return article(
    { title: edit.title, date: `2025-12-${String(edit.day).padStart(2, '0')} ${String(8 + (i % 10)).padStart(2, '0')}:00`, topic: TOPICS[edit.topic % TOPICS.length]!, tags: `[Tag ${edit.tags % 4}, Common]` },
    i === 1 ? 'See [the third article](./a2.md) for more.' : `Body of article ${i}.`,
  );
}

function siteFiles(count: number): Record<string, string> {
  const files: Record<string, string> = { 'site.config.ts': `export default { title: 'Warm Times', pageSize: 3, baseUrl: 'https://warm.example/', search: false };\n` };
  for (let i = 0; i < count; i++) files[`content/2025/12/a${i}.md`] = articleText(i, { day: 1 + (i % 6), topic: i, tags: i, title: `Article ${i}` });
  return files;
}

/** One change to the sources: an article written (added or edited), deleted, or a template edited. */
type Step =
  | { kind: 'write'; file: number; day: number; topic: number; tags: number; title: string }
  | { kind: 'delete'; file: number }
  | { kind: 'template' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('write' as const), file: fc.integer({ min: 0, max: 11 }), day: fc.integer({ min: 1, max: 9 }), topic: fc.integer({ min: 0, max: 2 }), tags: fc.integer({ min: 0, max: 3 }), title: fc.constantFrom('Alpha', 'Beta', 'Gamma news', 'Article 3') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), file: fc.integer({ min: 0, max: 11 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'template' as const }) },
);

function apply(root: string, change: Step, templateEdits: number): void {
  const file = (i: number) => path.join(root, `content/2025/12/a${i}.md`);
  if (change.kind === 'write') writeFileSync(file(change.file), articleText(change.file, change));
  else if (change.kind === 'delete') rmSync(file(change.file), { force: true });
  else appendFileSync(path.join(root, 'templates/partials/byline.liquid'), `{%- comment %} edit ${templateEdits} {% endcomment %}\n`);
}

describe('a build continuing from the last one', () => {
  it('writes what a clean build writes, after any sequence of adds, edits, deletes, date moves and template edits', async () => {
    let updates = 0;
    /** Builds that succeeded after an article was written or deleted: the ones an update can make. */
    let builds = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        const root = makeSite({ ...siteFiles(8), 'templates/partials/byline.liquid': '' });
        // The theme's byline, so that a template edit changes real pages.
        writeFileSync(path.join(root, 'templates/partials/byline.liquid'), '{%- if article.authors.size > 0 %}<p class="byline">By {{ article.authors | map: "name" | join: ", " }}</p>{%- endif %}\n');
        await build({ root, now: NOW, threads: 1 });
        let edits = 0;
        let good = await cleanBuildOf(root, NOW);
        for (const change of steps) {
          apply(root, change, edits++);
          const clean = await tryBuild({ root, now: NOW, cache: false, threads: 1, writer: new MemoryWriter() });
          const result = await tryBuild({ root, now: NOW, threads: 1 });
          // Two articles with one URL: both builds refuse it alike, and the output stays as it was.
          expect(result.problems.map((p) => `${p.file}:${p.line} ${p.code}`)).toEqual(clean.problems.map((p) => `${p.file}:${p.line} ${p.code}`));
          if (result.ok) {
            good = await cleanBuildOf(root, NOW);
            if (change.kind !== 'template') builds++;
            if (result.result!.stats.changedArticles !== undefined) updates++;
          }
          expect(differences(path.join(root, 'dist'), good)).toEqual([]);
        }
      }),
      { numRuns: 6 },
    );
    // Most of them took the incremental path (a topic coming or going changes the navigation: not
    // those). Counted over the builds that could: two articles given one title in one day fail
    // alike, and a template edit is a whole build, and random steps make many of both.
    expect(updates).toBeGreaterThan(builds / 2);
  });

  it('takes the incremental path for an edited article, rendering only the pages that show it', async () => {
    const root = makeSite(siteFiles(12));
    await build({ root, now: NOW, threads: 1 });
    writeFileSync(path.join(root, 'content/2025/12/a5.md'), articleText(5, { day: 6, topic: 5, tags: 5, title: 'Article 5, corrected' }));
    const result = await build({ root, now: NOW, threads: 1 });
    expect(result.stats.changedArticles).toBe(1);
    expect(result.stats.rendered).toBe(1);
    // The article, its neighbours, and the first pages of its lists: not the whole site.
    expect(result.stats.pagesRendered).toBeLessThan(result.stats.pages / 2);
    expect(differences(path.join(root, 'dist'), await cleanBuildOf(root, NOW))).toEqual([]);
  });

  it('of a list whose articles changed, leaves the numbered pages it shares, and makes new, shifted and renamed ones: equal to a clean build each time', async () => {
    const mayor = (day: number, tag = 'Mayor') => article({ title: `Mayor story ${day}`, date: `2025-12-${String(day).padStart(2, '0')} 09:00`, topic: 'Politics', tags: `[${tag}]` });
    const files: Record<string, string> = { 'site.config.ts': `export default { title: 'Warm Times', pageSize: 3, baseUrl: 'https://warm.example/', search: false };\n` };
    for (let day = 1; day <= 10; day++) files[`content/2025/12/m${day}.md`] = mayor(day);
    // Three of each spelling: the one with more capitals names the tag.
    for (let day = 1; day <= 6; day++) files[`content/2025/11/s${day}.md`] = article({ title: `Steppe story ${day}`, date: `2025-11-${String(day).padStart(2, '0')} 09:00`, topic: 'Politics', tags: day % 2 ? '[Steppe]' : '[steppe]' });
    const root = makeSite(files);
    const dist = path.join(root, 'dist');
    await build({ root, now: NOW, threads: 1 });
    const page = (file: string) => readFileSync(path.join(dist, file), 'utf8');
    const step = async (change: Record<string, string | null>) => {
      for (const [file, text] of Object.entries(change)) {
        if (text === null) rmSync(path.join(root, file));
        else writeFileSync(path.join(root, file), text);
      }
      const result = await build({ root, now: NOW, threads: 1 });
      expect(result.stats.changedArticles).toBe(Object.keys(change).length);
      expect(differences(dist, await cleanBuildOf(root, NOW))).toEqual([]);
    };
    // Ten articles: the first page and numbered pages 2 and 1. The eleventh joins the first page.
    expect(existsSync(path.join(dist, 'tags/mayor/page/3/index.html'))).toBe(false);
    await step({ 'content/2025/12/m11.md': mayor(11) });
    // The twelfth fills a slice: page 3 comes, and page 2 links to it.
    await step({ 'content/2025/12/m12.md': mayor(12) });
    expect(page('tags/mayor/page/3/index.html')).toContain('Mayor story 7');
    expect(page('tags/mayor/page/2/index.html')).toContain('href="/tags/mayor/page/3/"');
    // The oldest goes: every numbered page shifts, and page 3 goes with the slice it held.
    await step({ 'content/2025/12/m1.md': null });
    expect(existsSync(path.join(dist, 'tags/mayor/page/3/index.html'))).toBe(false);
    expect(page('tags/mayor/page/1/index.html')).toContain('Mayor story 2');
    // A fourth "steppe": the tag's name changes on every page of its list, page 1 too.
    await step({ 'content/2025/11/s7.md': article({ title: 'Steppe story 7', date: '2025-11-07 09:00', topic: 'Politics', tags: '[steppe]' }) });
    expect(page('tags/steppe/page/1/index.html')).toContain('steppe, page 1');
  });

  it('builds the whole site when the output folder lost a file the last build wrote', async () => {
    const root = makeSite(siteFiles(6));
    await build({ root, now: NOW, threads: 1 });
    writeFileSync(path.join(root, 'content/2025/12/a2.md'), articleText(2, { day: 3, topic: 2, tags: 2, title: 'Changed' }));
    await build({ root, now: NOW, threads: 1 });
    // A page the last build wrote (Tag 2's list shows the changed article) deleted by hand; then
    // an edit that does not reach it.
    rmSync(path.join(root, 'dist/tags/tag-2/index.html'));
    writeFileSync(path.join(root, 'content/2025/12/a4.md'), articleText(4, { day: 5, topic: 4, tags: 4, title: 'Changed too' }));
    const result = await build({ root, now: NOW, threads: 1 });
    expect(result.stats.changedArticles).toBeUndefined();
    expect(differences(path.join(root, 'dist'), await cleanBuildOf(root, NOW))).toEqual([]);
  });

  it('builds the whole site when a file the update does not touch was edited by hand while it ran', async () => {
    const root = makeSite(siteFiles(6));
    await build({ root, now: NOW, threads: 1 });
    // An article's page edited in place (its folder untouched), and another article edited: the
    // update goes on while the output is looked at, and the look voids it.
    const page = path.join(root, 'dist/2025/12/01/article-0/index.html');
    appendFileSync(page, '<!-- edited by hand -->');
    writeFileSync(path.join(root, 'content/2025/12/a4.md'), articleText(4, { day: 5, topic: 4, tags: 4, title: 'Changed' }));
    const result = await build({ root, now: NOW, threads: 1 });
    expect(result.stats.changedArticles).toBeUndefined();
    expect(differences(path.join(root, 'dist'), await cleanBuildOf(root, NOW))).toEqual([]);
  });
});
