// `npm run lighthouse [-- --dist DIR] [--runs N] [--photos]` scores the default theme with Lighthouse in
// chromium (CHROME_PATH, else Debian's /usr/bin/chromium; scripts/chromium.ts): the front page, an article, a tag page and a search with
// results, on Lighthouse's mobile form factor (its default: a throttled phone) and on desktop. It
// prints the four category scores per page, what the page transferred, its layout shift, and the
// audits that cost points. Without --dist it builds the seed site (content/, site.config.ts) into
// a temp folder, with the base URL of the local server, so canonical links point at the page
// Lighthouse loads. With --photos the copy has photos (scripts/seed-photos.ts): a lead photo on
// most articles, so the front page shows them, and a page bundle with a lead photo and a
// captioned body photo, scored as a fifth page: images must not cost points or shift the layout.
//
// Not part of `npm test`: a run takes a minute, and performance scores move with the machine's
// load. test/accessibility.test.ts holds the checks that must never regress (axe-core).
//
// Chromium is started by playwright-core (a declared dev dependency) with a remote debugging port
// for Lighthouse to attach to, rather than by chrome-launcher, which only lighthouse depends on.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import lighthouse, { desktopConfig, type Config, type Result } from 'lighthouse';
import { launchChromium } from './chromium.js';
import sirv from 'sirv';
import { build } from '../src/build.js';
import { PHOTO_ARTICLE, seedWithPhotos } from './seed-photos.js';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const PAGES: Record<string, string> = {
  home: '/',
  article: '/2025/12/18/kazakhstan-introduces-official-insurance-and-registration-for-e-scooters/',
  tag: '/tags/kazakhstan/',
  search: '/search/?q=scooter',
};
const FORMS: Record<string, Config | undefined> = { mobile: undefined, desktop: desktopConfig };

const { values } = parseArgs({ options: { dist: { type: 'string' }, runs: { type: 'string', default: '1' }, photos: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || (values.photos && values.dist)) {
  console.error('usage: npm run lighthouse [-- --dist DIR] [--runs N] [--photos]');
  process.exit(2);
}
if (values.photos) PAGES['article with photos'] = PHOTO_ARTICLE;

/** Listen on a free port of 127.0.0.1, serving `dist` as a static host does (its 404.html for a missing page). */
async function serve(dist: string): Promise<Server> {
  const files = sirv(dist, { dev: true });
  const notFound = sirv(dist, { dev: true });
  const server = createServer((request, response) =>
    files(request, response, () => {
      response.statusCode = 404;
      request.url = '/404.html';
      notFound(request, response);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** A port nobody listens on, for chromium's remote debugging (the OS picks it, then it is freed). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** One row of the table: a page's scores, weight, shift and the audits that lost points. */
interface Row {
  form: string;
  page: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  bytes: number;
  cls: number;
  failing: string[];
}

/** The row for one Lighthouse report. */
function rowOf(form: string, page: string, report: Result): Row {
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((report.categories[id]?.score ?? 0) * 100)])) as Row['scores'];
  const failing: string[] = [];
  for (const id of CATEGORIES) {
    for (const ref of report.categories[id]?.auditRefs ?? []) {
      const audit = report.audits[ref.id];
      // An audit of weight 0 (informative, or a metric shown on its own) costs no points.
      if (audit && ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push(`${ref.id} (${Math.round(audit.score * 100)})`);
    }
  }
  return {
    form,
    page,
    scores,
    bytes: report.audits['total-byte-weight']?.numericValue ?? Number.NaN,
    cls: report.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
    failing,
  };
}

/** The rows as a Markdown table, ready for the README. */
function table(rows: Row[]): string {
  const lines = [
    '| form factor | page | performance | accessibility | best practices | SEO | transferred | CLS |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row.form} | ${row.page} | ${CATEGORIES.map((id) => row.scores[id]).join(' | ')} | ${(row.bytes / 1024).toFixed(1)} KB | ${row.cls.toFixed(3)} |`),
  ];
  return lines.join('\n');
}

const temp = values.dist ? undefined : mkdtempSync(path.join(tmpdir(), 'broadsheet-lighthouse-'));
let server: Server | undefined;
const debuggingPort = await freePort();
const browser = await launchChromium([`--remote-debugging-port=${debuggingPort}`]);
try {
  // Listen first: the build needs the server's address as its base URL.
  const dist = values.dist ? path.resolve(values.dist) : path.join(temp!, 'dist');
  server = await serve(dist);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (values.photos) {
    console.log(`Building the seed site with photos into ${dist}...`);
    await seedWithPhotos(temp!);
    await build({ root: temp!, outDir: dist, baseUrl: `${origin}/`, cache: false });
  } else if (!values.dist) {
    console.log(`Building the seed site into ${dist}...`);
    await build({ root: REPO, outDir: dist, baseUrl: `${origin}/`, cache: false });
  }
  console.log(`Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, ${browser.version()} (Chromium), ${origin}`);
  const rows: Row[] = [];
  for (const [form, config] of Object.entries(FORMS)) {
    for (const [name, url] of Object.entries(PAGES)) {
      // With --runs N, the median run by performance score: the other categories do not vary.
      const reports: Result[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(`${origin}${url}`, { port: debuggingPort, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }, config);
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
        if (result.lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${result.lhr.runtimeError.message}`);
        reports.push(result.lhr);
      }
      reports.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
      const row = rowOf(form, name, reports[Math.floor(reports.length / 2)]!);
      rows.push(row);
      console.log(`${form} ${name}: ${CATEGORIES.map((id) => `${id} ${row.scores[id]}`).join(', ')}${row.failing.length > 0 ? `; audits under 100: ${row.failing.join(', ')}` : ''}`);
    }
  }
  console.log(`\n${table(rows)}\n`);
  const imperfect = rows.filter((row) => CATEGORIES.some((id) => row.scores[id] < 100));
  // An audit under 100 (a 99 for a metric, say) can leave its category at 100: those are listed above.
  for (const row of imperfect) console.log(`${row.form} ${row.page} loses points on: ${row.failing.join(', ')}`);
  if (imperfect.length === 0) console.log('Every page scores 100 in every category.');
  process.exitCode = imperfect.length === 0 ? 0 : 1;
} finally {
  await browser.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (temp) rmSync(temp, { recursive: true, force: true });
}
