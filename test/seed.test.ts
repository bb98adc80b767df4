// The sample site: the nine seed articles in content/, built as `npm run build` builds them.

import { mkdtempSync, rmSync } from 'node:fs';
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

  it('lists them newest first on the home page, the 19:20 article of 18 December at the top', () => {
    const $ = page(out, '/');
    const times = $('.article-list time').map((_, t) => $(t).attr('datetime')).get();
    expect(times).toHaveLength(9);
    expect(times[0]).toBe('2025-12-18T19:20:00+05:00');
    expect([...times].sort().reverse()).toEqual(times);
    expect($('.article-list h2').first().text()).toBe('Kazakhstan introduces official insurance and registration for e-scooters');
  });

  it('gives every article its topic, tags and source', () => {
    const $ = page(out, '/2025/12/15/new-direct-flight-launched-between-kazakhstan-and-georgia/');
    expect($('.kicker').text()).toBe('Transport');
    expect($('.tags a').map((_, a) => $(a).text()).get()).toEqual(expect.arrayContaining(['Georgia', 'Tbilisi', 'Shymkent']));
    expect($('.source').text()).toBe('Source: Qazinform News Agency');
  });

  it('every link inside the site resolves to a file', () => {
    expect(brokenLinks(out)).toEqual([]);
  });

  it('every page is valid HTML', async () => {
    expect(await htmlProblems(out)).toEqual([]);
  });
});
