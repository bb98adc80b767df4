import { describe, expect, it } from 'vitest';
import { renderArticle } from '../src/render/article.js';
import fc from 'fast-check';
import { buildSite } from '../src/model/site.js';
import { pageOf, paginate } from '../src/model/paginate.js';
import { article } from './helpers/site.js';
import { type ArticleMeta } from '../src/types/index.js';
import { type Site } from '../src/types/index.js';
import { updateSite } from '../src/model/patch.js';
import { relatedArticles } from '../src/model/related.js';

const SETTINGS = { timeZone: 'Asia/Almaty', language: 'en', defaultTopic: 'News', summaryLength: 200, basePath: '/', tagLimit: 50 };
const NOW = Date.parse('2025-12-20T00:00:00Z');
const PUBLISH = { now: NOW, drafts: false, future: false, expired: false };
/** The default related options (config.ts), but for fewer candidates: lists depend on the articles' places. */
const RELATED = { count: 4, tagWeight: 1, topicWeight: 0.5, threshold: 0, recencyDays: 30, candidatesPerTerm: 4 };

function meta(file: string, frontMatter: Record<string, string>): ArticleMeta {
  const result = renderArticle({ file, contentPath: file, text: article(frontMatter) }, SETTINGS);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.article.meta;
}

describe('publishing', () => {
  const all = [
    meta('a.md', { title: 'Published', date: '2025-12-18' }),
    meta('b.md', { title: 'Draft', date: '2025-12-18', draft: 'true' }),
    meta('c.md', { title: 'Scheduled', date: '2025-12-25 09:00' }),
    meta('d.md', { title: 'Expired', date: '2025-12-01', expires: '2025-12-10' }),
    meta('e.md', { title: 'Not yet expired', date: '2025-12-01', expires: '2026-01-10' }),
  ];
  const titles = (list: ArticleMeta[]) => list.map((a) => a.title);

  it('leaves out drafts, scheduled and expired articles, and says which', () => {
    const { site } = buildSite(all, PUBLISH);
    expect(titles(site.articles)).toEqual(['Published', 'Not yet expired']);
    expect(titles(site.leftOut.drafts)).toEqual(['Draft']);
    expect(titles(site.leftOut.scheduled)).toEqual(['Scheduled']);
    expect(titles(site.leftOut.expired)).toEqual(['Expired']);
  });

  it('includes them on request', () => {
    const { site } = buildSite(all, { now: NOW, drafts: true, future: true, expired: true });
    expect(site.articles).toHaveLength(5);
  });

  it('keeps drafts out of topic, tag, author and date groups', () => {
    const { site } = buildSite([meta('x.md', { title: 'Secret', date: '2025-12-18', topic: 'Hidden', tags: '[Leak]', author: 'Insider', draft: 'true' })], PUBLISH);
    expect(site.topics).toEqual([]);
    expect(site.tags).toEqual([]);
    expect(site.authors).toEqual([]);
    expect(site.years).toEqual([]);
  });
});

describe('ordering', () => {
  it('is newest first, ties broken by URL so the file system never decides', () => {
    const { site } = buildSite(
      [
        meta('1.md', { title: 'Beta', date: '2025-12-17' }),
        meta('2.md', { title: 'Alpha', date: '2025-12-17' }),
        meta('3.md', { title: 'Newest', date: '2025-12-18 08:00' }),
      ],
      PUBLISH,
    );
    expect(site.articles.map((a) => a.title)).toEqual(['Newest', 'Alpha', 'Beta']);
  });
});

describe('tags and topics whose names slugify alike', () => {
  it('are one group listing every spelling, the most used first', () => {
    const { site } = buildSite(
      [
        meta('1.md', { title: 'One', date: '2025-12-17', tags: '[Almaty]' }),
        meta('2.md', { title: 'Two', date: '2025-12-16', tags: '[almaty]' }),
        meta('3.md', { title: 'Three', date: '2025-12-15', tags: '[Almaty, ALMATY]' }),
      ],
      PUBLISH,
    );
    expect(site.tags).toHaveLength(1);
    expect(site.tags[0]).toMatchObject({ slug: 'almaty', name: 'Almaty', spellings: ['Almaty', 'almaty'] });
    expect(site.tags[0]!.articles.map((a) => a.title)).toEqual(['One', 'Two', 'Three']);
  });
});

describe('duplicate URLs', () => {
  it('are a problem naming both files', () => {
    const { problems } = buildSite(
      [meta('b.md', { title: 'Same', date: '2025-12-18 09:00' }), meta('a.md', { title: 'Same', date: '2025-12-18 17:00' })],
      PUBLISH,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'url-duplicate', file: 'b.md', line: 2 });
    expect(problems[0]!.message).toContain('a.md:2');
  });
});

describe('pagination', () => {
  it('numbers pages from the oldest: the list URL shows the newest, /page/1/ the oldest full slice', () => {
    // Newest first: 7 is the newest.
    const pages = paginate([7, 6, 5, 4, 3, 2, 1], 2, '/tags/x/');
    expect(pages.map((p) => p.items)).toEqual([[7, 6, 5], [4, 3], [2, 1]]);
    expect(pages.map((p) => p.pagination.url)).toEqual(['/tags/x/', '/tags/x/page/2/', '/tags/x/page/1/']);
    expect(pages[0]!.pagination).toMatchObject({ number: 3, first: true, total: 3, nextUrl: '/tags/x/page/2/', lastUrl: '/tags/x/page/1/' });
    expect(pages[0]!.pagination.prevUrl).toBeUndefined();
    expect(pages[1]!.pagination).toMatchObject({ number: 2, first: false, prevUrl: '/tags/x/', nextUrl: '/tags/x/page/1/' });
    expect(pages[1]!.pagination.total).toBeUndefined();
    expect(pages[2]!.pagination).toMatchObject({ number: 1, prevUrl: '/tags/x/page/2/', lastUrl: '/tags/x/page/1/' });
    expect(pages[2]!.pagination.nextUrl).toBeUndefined();
  });

  it('gives an empty list one empty page, and a short one a single page', () => {
    expect(paginate([], 20, '/')).toEqual([{ items: [], pagination: { number: 1, first: true, total: 1, url: '/', firstUrl: '/', lastUrl: '/' } }]);
    expect(paginate([3, 2, 1], 2, '/').map((p) => p.items)).toEqual([[3, 2, 1]]);
  });

  it('never changes a numbered page when news arrives, but for the newest one\'s link when a new page fills', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 7 }), (count, size) => {
        const list = (n: number) => Array.from({ length: n }, (_, i) => n - i);
        const before = paginate(list(count), size, '/l/');
        const after = paginate(list(count + 1), size, '/l/');
        // Every article on exactly one page; numbered pages full; the first page between size and 2 × size - 1, or all.
        for (const pages of [before, after]) {
          const total = pages.reduce((sum, p) => sum + p.items.length, 0);
          expect(pages.flatMap((p) => p.items)).toEqual(list(total));
          for (const p of pages.slice(1)) expect(p.items).toHaveLength(size);
          expect(pages[0]!.items.length).toBe(total < 2 * size ? total : size + (total % size));
        }
        const byUrl = new Map(before.map((p) => [p.pagination.url, p]));
        const changed = after.filter((p) => JSON.stringify(p) !== JSON.stringify(byUrl.get(p.pagination.url)));
        const grew = after.length > before.length;
        const newest = after[1]?.pagination.number;
        expect(changed.map((p) => p.pagination.url).sort()).toEqual(
          ['/l/', ...(grew ? [`/l/page/${newest}/`, ...(newest! > 1 ? [`/l/page/${newest! - 1}/`] : [])] : [])].sort(),
        );
        // pageOf names the page that shows each article.
        for (const p of after) for (const item of p.items) expect(pageOf(count + 1 - item, count + 1, size)).toBe(p.pagination.number);
      }),
    );
  });
});

describe('updateSite (the dev server patching the model)', () => {
  /** A site as plain data, articles by file: what two models must agree on. */
  const shape = (site: Site) => ({
    articles: site.articles.map((a) => a.file),
    topics: site.topics.map((g) => [g.slug, g.name, g.spellings, g.articles.map((a) => a.file)]),
    tags: site.tags.map((g) => [g.slug, g.name, g.spellings, g.articles.map((a) => a.file)]),
    authors: site.authors.map((g) => [g.slug, g.name, g.spellings, g.articles.map((a) => a.file)]),
    years: site.years.map((y) => [y.year, y.articles.length, y.months.map((m) => [m.month, m.articles.map((a) => a.file), m.days.map((d) => [d.day, d.articles.map((a) => a.file)])])]),
    leftOut: [site.leftOut.drafts, site.leftOut.scheduled, site.leftOut.expired].map((list) => list.map((a) => a.file)),
    related: site.related.lists.map((list) => list.map((a) => a.file)),
    expiring: site.expiring,
  });
  const fields = fc.record({
    title: fc.constantFrom('Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta'),
    day: fc.constantFrom('2024-11-30', '2024-12-05', '2025-01-02', '2025-12-14', '2025-12-18', '2025-12-18', '2025-12-22', '2025-12-25'),
    hour: fc.constantFrom('08:00', '12:00', '12:00', '18:30'),
    topic: fc.constantFrom('Culture', 'culture', 'Politics', 'Sport'),
    tags: fc.subarray(['Almaty', 'almaty', 'Astana', 'Opera', 'opera', 'Tengri']),
    authors: fc.subarray(['Aigerim Sultanova', 'aigerim sultanova', 'Daniyar Bekov']),
    draft: fc.boolean(),
  });
  const toMeta = (file: string, f: { title: string; day: string; hour: string; topic: string; tags: string[]; authors: string[]; draft: boolean }) =>
    meta(file, {
      title: `${f.title} ${file.slice(1, -3)}`,
      date: `${f.day} ${f.hour}`,
      topic: f.topic,
      tags: `[${f.tags.join(', ')}]`,
      ...(f.authors.length > 0 ? { author: `[${f.authors.join(', ')}]` } : {}),
      ...(f.draft ? { draft: 'true' } : {}),
    });

  it('equals building the site again, for any edits, adds and deletes', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `f${i}.md`)), fields, { minKeys: 1 }),
        fc.array(fc.tuple(fc.constantFrom(...Array.from({ length: 14 }, (_, i) => `f${i}.md`)), fc.option(fields, { nil: undefined })), { maxLength: 5 }),
        (initial, edits) => {
          const metas = new Map(Object.entries(initial).map(([file, f]) => [file, toMeta(file, f)]));
          const ordered = (map: Map<string, ArticleMeta>) => [...map.keys()].sort().map((file) => map.get(file)!);
          const before = buildSite(ordered(metas), { ...PUBLISH, related: RELATED });
          fc.pre(before.problems.length === 0);
          const next = new Map(metas);
          const changes = new Map<string, { before?: ArticleMeta; after?: ArticleMeta }>();
          for (const [file, f] of edits) {
            const after = f ? toMeta(file, f) : undefined;
            changes.set(file, { before: changes.get(file)?.before ?? metas.get(file), after });
            if (after) next.set(file, after);
            else next.delete(file);
          }
          const patched = updateSite(before.site, [...changes.values()], PUBLISH);
          const built = buildSite(ordered(next), { ...PUBLISH, related: RELATED });
          expect(patched).toBeDefined();
          expect(shape(patched!.site)).toEqual(shape(built.site));
          expect(patched!.problems.map((p) => p.message)).toEqual(built.problems.map((p) => p.message));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('carries the related lists over: equal to the new site\'s made afresh, naming every other article whose list changed', () => {
    // Two candidates per term and two per list: which articles see each other depends on their places.
    const related = { count: 2, tagWeight: 1, topicWeight: 0.5, threshold: 0, recencyDays: 30, candidatesPerTerm: 2 };
    const files = (count: number) => Array.from({ length: count }, (_, i) => `f${i}.md`);
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...files(12)), fields, { minKeys: 1 }),
        fc.array(fc.tuple(fc.constantFrom(...files(14)), fc.option(fields, { nil: undefined })), { minLength: 1, maxLength: 3 }),
        (initial, edits) => {
          const metas = new Map(Object.entries(initial).map(([file, f]) => [file, toMeta(file, f)]));
          const before = buildSite([...metas.keys()].sort().map((file) => metas.get(file)!), { ...PUBLISH, related });
          fc.pre(before.problems.length === 0);
          const changes = new Map<string, { before?: ArticleMeta; after?: ArticleMeta }>();
          for (const [file, f] of edits) changes.set(file, { before: changes.get(file)?.before ?? metas.get(file), after: f ? toMeta(file, f) : undefined });
          const patched = updateSite(before.site, [...changes.values()], PUBLISH)!;
          fc.pre(patched.problems.length === 0);
          const was = new Map(before.site.articles.map((article, at) => [article, before.site.related.lists[at]!]));
          const fresh = relatedArticles(patched.site.articles, related).lists;
          expect(patched.site.related.lists).toEqual(fresh);
          const changed = patched.site.articles.filter((article, at) => {
            const list = was.get(article);
            return list !== undefined && (list.length !== fresh[at]!.length || list.some((entry, i) => entry !== fresh[at]![i]));
          });
          expect(patched.relatedChanged.map((article) => article.file).sort()).toEqual(changed.map((article) => article.file).sort());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('declines when time alone changed what is published (a scheduled article came due)', () => {
    const scheduled = meta('s.md', { title: 'Later', date: '2025-12-25 09:00' });
    const { site } = buildSite([scheduled], PUBLISH);
    expect(site.leftOut.scheduled).toHaveLength(1);
    expect(updateSite(site, [], { ...PUBLISH, now: Date.parse('2025-12-26T00:00:00Z') })).toBeUndefined();
  });
});
