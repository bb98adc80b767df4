// The sample site: the nine seed articles in content/, built as `npm run build` builds them.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { brokenLinks, htmlProblems } from './helpers/html.js';
import { listFiles, page, REPO } from './helpers/site.js';

let out: string;

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'broadsheet-seed-'));
  await build({ root: REPO, outDir: out, now: Date.parse('2026-01-01T00:00:00Z') });
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the seed site', () => {
  it('has nine article pages', () => {
    const articles = listFiles(out).filter((f) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f));
    expect(articles).toHaveLength(9);
    expect(articles).toContain('2025/12/18/kazakhstan-introduces-official-insurance-and-registration-for-e-scooters/index.html');
  });

  it('shows all nine on the home page, led by the 19:20 article of 18 December', () => {
    const $ = page(out, '/');
    const times = $('main article .meta > time:first-child').map((_, t) => $(t).attr('datetime')).get();
    expect(times).toHaveLength(9);
    expect(times[0]).toBe('2025-12-18T19:20:00+05:00');
    expect([...times].sort().reverse()[0]).toBe(times[0]);
    expect($('.lead-story h2').text()).toBe('Kazakhstan introduces official insurance and registration for e-scooters');
  });

  it('gives every article its topic, tags and source', () => {
    const $ = page(out, '/2025/12/15/new-direct-flight-launched-between-kazakhstan-and-georgia/');
    expect($('.kicker').text()).toBe('Transport');
    expect($('.tags a').map((_, a) => $(a).text()).get()).toEqual(expect.arrayContaining(['Georgia', 'Tbilisi', 'Shymkent']));
    expect($('.source').text()).toBe('Source: Qazinform News Agency');
  });

  it('shows a date written without a time as the day alone, on every kind of page', () => {
    // Seven of the nine seed articles are dated by day only (date: 2025-12-17).
    const pages = ['/', '/2025/12/17/aiman-mussakhajayeva-performs-in-vienna/', '/topics/culture/', '/tags/kazakhstan/', '/archive/', '/2025/', '/2025/12/', '/2025/12/17/'];
    for (const url of pages) {
      // The page as readers and <time datetime> see it; Open Graph and JSON-LD in the head keep full timestamps.
      expect(page(out, url)('body').html(), url).not.toContain('00:00');
    }
    const $ = page(out, '/2025/12/17/aiman-mussakhajayeva-performs-in-vienna/');
    // The sample site is trilingual: its English pages write dates in British English (en-GB).
    expect($('.article-header time').text()).toBe('17 December 2025');
    expect($('.article-header time').attr('datetime')).toBe('2025-12-17');
    const jsonLd = $('script[type="application/ld+json"]').map((_, s) => JSON.parse($(s).text()) as { '@type': string; datePublished?: string }).get();
    expect(jsonLd.find((data) => data['@type'] === 'NewsArticle')?.datePublished).toBe('2025-12-17T00:00:00+05:00');
  });

  it('shows a date written with a time with that time, in the site’s zone', () => {
    const $ = page(out, '/');
    const first = $('.lead-story time').first();
    expect(first.attr('datetime')).toBe('2025-12-18T19:20:00+05:00');
    expect(first.text()).toBe('18 December 2025 at 19:20');
  });

  it('has a favicon and a web manifest, linked from every page', () => {
    const files = listFiles(out);
    expect(files).toEqual(expect.arrayContaining(['assets/favicon.svg', 'assets/favicon.ico', 'site.webmanifest']));
    expect(JSON.parse(readFileSync(path.join(out, 'site.webmanifest'), 'utf8'))).toMatchObject({ name: 'Broadsheet News', start_url: '/' });
    const pages = files.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const $ = page(out, `/${file}`);
      expect($('link[rel="icon"]').map((_, l) => $(l).attr('href')).get(), file).toEqual(['/assets/favicon.ico', '/assets/favicon.svg']);
      expect($('link[rel="manifest"]').attr('href'), file).toBe('/site.webmanifest');
    }
  });

  it('every link inside the site resolves to a file', () => {
    expect(brokenLinks(out)).toEqual([]);
  });

  it('every page is valid HTML', async () => {
    expect(await htmlProblems(out)).toEqual([]);
  });
});
