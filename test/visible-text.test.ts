// Text that is really there: characters that draw nothing (zero-width spaces, bidi overrides,
// control characters) are removed from titles, topics, tags, bylines, summaries and captions
// before they are shown, compared or made into slugs; a field of such characters alone is an
// error at its line and column; and a summary made from the body is cut between graphemes, never
// inside an emoji (docs/content-rules.md).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarise } from '../src/render/summary.js';
import { visibleText } from '../src/visible-text.js';
import { buildInMemory } from './helpers/memory-site.js';
import { rebuildWith } from './helpers/rebuild.js';
import { article, makeSite, runCli } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const CONFIG = { 'site.config.ts': `export default { title: 'Steppe Times', baseUrl: 'https://example.org/' };\n` };
const GOOD = { ...CONFIG, 'content/2025/12/good.md': article({ title: 'A good article', date: '2025-12-18 19:20' }) };

/** Characters no output file may hold: what a reader cannot see, and what a broken cut leaves. */
const NOT_TEXT = /[\u200B\u2060\u202A-\u202E\u2066-\u2069\uFEFF\uFFFD]|\p{Cs}/u;

/** The text files of a build's output (pages, feeds, sitemaps, search documents), not its images. */
const textFiles = (outputs: ReadonlyMap<string, string>) => [...outputs].filter(([file]) => /\.(html|xml|json|txt|webmanifest)$/.test(file));

/** A YAML double-quoted string of `text` (its escapes, such as \u200B, read by YAML). */
const quoted = (text: string) => JSON.stringify(text);

describe('invisible characters in titles, terms and names', () => {
  it('are removed before slugs and comparison: "Alma\\u200Bty" and "Almaty" are one tag, one page', async () => {
    const site = await buildInMemory({
      ...CONFIG,
      'content/2025/12/a.md': article({ title: 'Snow in Almaty', date: '2025-12-18', tags: '["Alma\\u200Bty"]', topic: '"Soci\\u00ADety"' }),
      'content/2025/12/b.md': article({ title: 'Trams in Almaty', date: '2025-12-17', tags: '[Almaty]', topic: 'Society' }),
    }, { now: NOW });
    expect(site.problems).toEqual([]);
    expect([...site.outputs.keys()].filter((file) => file.startsWith('tags/') && file.endsWith('index.html'))).toEqual(['tags/almaty/index.html', 'tags/index.html']);
    const tag = site.page('/tags/almaty/');
    expect(tag('h1').text()).toBe('Almaty');
    expect(tag('.card h2').map((_, h) => tag(h).text().trim()).get()).toEqual(['Snow in Almaty', 'Trams in Almaty']);
    expect(site.page('/topics/')('main li a').map((_, a) => site.page('/topics/')(a).attr('href')).get()).toEqual(['/topics/society/']);
    expect(textFiles(site.outputs).map(([file]) => file)).toEqual(expect.arrayContaining(['index.html', 'tags/almaty/index.html', 'feed.xml', 'feed.json']));
    for (const [file, text] of textFiles(site.outputs)) expect(NOT_TEXT.test(text), file).toBe(false);
  });

  it('cannot turn a title around: bidi overrides are removed, in pages and feeds', async () => {
    const site = await buildInMemory({ ...CONFIG, 'content/2025/12/a.md': article({ title: quoted('Invoice \u202Egnp.exe\u202C'), date: '2025-12-18' }) }, { now: NOW });
    expect(site.page('/2025/12/18/invoice-gnp-exe/')('h1').text()).toBe('Invoice gnp.exe');
    const feed = JSON.parse(site.outputs.get('feed.json')!) as { items: Array<{ title: string }> };
    expect(feed.items.map((item) => item.title)).toEqual(['Invoice gnp.exe']);
  });

  it('keeps the joiners that shape what a reader sees: emoji sequences, Persian, Hindi, flags', async () => {
    const title = 'Family 👨\u200D👩\u200D👧 day: می\u200Cخواهم, क्\u200Dष, 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    const site = await buildInMemory({ ...CONFIG, 'content/2025/12/a.md': article({ title: quoted(title), date: '2025-12-18', slug: 'family-day' }) }, { now: NOW });
    expect(site.problems).toEqual([]);
    expect(site.page('/2025/12/18/family-day/')('h1').text()).toBe(title);
  });

  it('are removed from summaries, captions, credits, alt text, sources, corrections and bylines', async () => {
    const site = await buildInMemory({
      ...CONFIG,
      'content/2025/12/a.md': article({
        title: 'Concert',
        date: '2025-12-18',
        summary: quoted('A con\u200Bcert\u2066 tonight'),
        source: quoted('Qazinform\uFEFF'),
        author: quoted('Aigerim\u200B Sultanova'),
        image: 'https://cdn.example/concert.jpg',
        imageAlt: quoted('The \u200Bstage'),
        imageCaption: quoted('Abai \u202Dhall'),
        imageCredit: quoted('\u2060Qazinform'),
        corrections: `[{date: 2025-12-19, text: ${quoted('The \u200Bvenue')}}]`,
      }),
    }, { now: NOW });
    const $ = site.page('/2025/12/18/concert/');
    expect($('meta[name="description"]').attr('content')).toBe('A concert tonight');
    expect($('.source').text()).toBe('Source: Qazinform');
    expect($('.lead-image img').attr('alt')).toBe('The stage');
    expect($('.lead-image figcaption').text()).toBe('Abai hall Photo: Qazinform');
    expect($('.corrections li').text()).toContain(': The venue');
    expect($('a[rel="author"]').map((_, a) => `${$(a).text()} ${$(a).attr('href')}`).get()).toEqual(['Aigerim Sultanova /authors/aigerim-sultanova/']);
  });
});

describe('a field of invisible characters alone', () => {
  it('is an error at its line and column naming the field, each one of a file reported together; dist/ unchanged', async () => {
    const run = await rebuildWith(GOOD, {
      'content/2025/12/bad.md': article({
        title: quoted('\u200B\u200B'),
        date: '2025-12-18',
        topic: quoted('\u2060'),
        tags: `[Almaty, ${quoted('\u200B')}]`,
        author: quoted('\u202E '),
      }),
    }, NOW);
    expect(run.ok).toBe(false);
    expect(run.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.field} ${p.code}`)).toEqual([
      'content/2025/12/bad.md:2:8 title text-invisible',
      'content/2025/12/bad.md:4:8 topic text-invisible',
      'content/2025/12/bad.md:5:16 tags.1 text-invisible',
      'content/2025/12/bad.md:6:9 author text-invisible',
    ]);
    expect(run.report).toContain(
      'content/2025/12/bad.md:2:8 error title: has no character a reader can see; expected a non-empty title, got "\\u200B\\u200B" [text-invisible]\n' +
        '    hint: type the value again: text copied from another program can carry zero-width spaces and direction marks, which Broadsheet removes',
    );
    expect(run.report).toContain('author: has no character a reader can see; expected each entry to be a name, got "\\u202E " [text-invisible]');
    expect(run.after).toEqual(run.before);
  });

  it('in the authors file is an error naming the entry', async () => {
    const site = await buildInMemory({ ...GOOD, 'content/authors.yaml': `- name: Aigerim Sultanova\n- name: "\\u200B"\n  bio: Writes.\n` }, { now: NOW });
    expect(site.ok).toBe(false);
    expect(site.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.field} ${p.code} ${p.message}, got ${p.actual}`)).toEqual([
      'content/authors.yaml:2:9 name authors-invalid has an invalid value for author number 2, got "\\u200B"',
    ]);
  });

  it('fails `broadsheet build` with exit code 1', async () => {
    const root = makeSite({ ...CONFIG, 'content/2025/12/bad.md': article({ title: quoted('\u200B'), date: '2025-12-18' }) });
    const result = await runCli(['build'], root, { SOURCE_DATE_EPOCH: String(NOW / 1000) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/2025/12/bad.md:2:8 error title: has no character a reader can see; expected a non-empty title, got "\\u200B" [text-invisible]');
  });
});

describe('a summary made from the body', () => {
  // With summaryLength 20, a cut at 20 UTF-16 units falls inside the family emoji (units 19 to 26),
  // between the two halves of its first code point.
  const BODY = 'Almatyandtheregions👨‍👩‍👧stayhomeforthesnowstormtoday and tomorrow.';

  it('is cut between graphemes: no half emoji in feed.json or in any page', async () => {
    const site = await buildInMemory({
      'site.config.ts': `export default { title: 'Steppe Times', summaryLength: 20 };\n`,
      'content/2025/12/a.md': article({ title: 'Snow', date: '2025-12-18' }, BODY),
    }, { now: NOW });
    const feed = JSON.parse(site.outputs.get('feed.json')!) as { items: Array<{ summary: string }> };
    expect(feed.items[0]!.summary).toBe('Almatyandtheregions…');
    for (const [file, text] of textFiles(site.outputs)) expect(NOT_TEXT.test(text), file).toBe(false);
  });

  it('never ends in part of a grapheme, at any length', () => {
    const piece = fc.constantFrom('a', 'b', ' ', 'é', 'e\u0301', '👍', '👍🏽', '👨‍👩‍👧', '🇰🇿', 'क्ष', 'می‌خ', '\u200B', '\u202E');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 60 }), (pieces, length) => {
        const text = pieces.join('');
        const summary = summarise(text, length);
        expect(/\p{Cs}/u.test(summary)).toBe(false);
        const kept = summary.replace(/…$/, '');
        const clean = visibleText(text).replace(/\s+/g, ' ').trim();
        expect(clean.startsWith(kept)).toBe(true);
        // Ends between graphemes: the clean text's graphemes up to that point add up to it.
        const ends = new Set([0]);
        for (const { index, segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(clean)) ends.add(index + segment.length);
        expect(ends.has(kept.length)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a value quoted in a message', () => {
  it('shows invisible characters as escapes and is cut between graphemes', async () => {
    const value = `${'x'.repeat(75)}👨‍👩‍👧\u202E${'y'.repeat(20)}`;
    const site = await buildInMemory({ ...CONFIG, 'content/2025/12/a.md': article({ title: 'A', date: '2025-12-18', lang: quoted(value) }) }, { now: NOW });
    const [invalid] = site.problems;
    expect(invalid?.code).toBe('field-invalid');
    expect(invalid?.actual).toBe(`"${'x'.repeat(75)}...`);
  });
});
