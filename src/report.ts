// What the build tells the user: the closing summary, what was left out and why, and problems.
// Formats text only; the CLI decides where it goes (stdout, stderr, nowhere with --quiet).

import type { WriteStats } from './write/output-writer.js';
import type { ArticleMeta } from './types/index.js';
import type { Site } from './types/index.js';
import type { PhaseTime } from './timing.js';

/**
 * What one build did, for summaryLine: `articles` counts published articles, `pages` every page of
 * the site (rendered or already current), `milliseconds` the whole build's wall time.
 */
export interface BuildStats extends WriteStats {
  articles: number;
  /** Articles rendered this build (the rest came from the cache), on how many threads. */
  rendered: number;
  cacheHits: number;
  /** Content files read and hashed to find their cache keys; the others' stat matched the cache's record. */
  sourcesRead: number;
  threads: number;
  pages: number;
  /** Pages rendered this build (the rest were current in the output folder). */
  pagesRendered: number;
  feeds: number;
  sitemaps: number;
  assets: number;
  /** Local source images the pages show, how many of them had variants made this build (0 when all were cached), and the variant files. */
  images: number;
  imagesProcessed: number;
  imageFiles: number;
  topics: number;
  tags: number;
  milliseconds: number;
  /** Where the time went, phase by phase (see timing.ts). */
  phases: PhaseTime[];
  /**
   * A build that continued from the last one (only articles changed): how many articles changed,
   * came or went; only the pages, feeds and files they reach were made again.
   */
  changedArticles?: number;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/**
 * "Built 9 articles into 50 pages, 93 feed files and 3 sitemap files in 0.42 s; 3 topics, 27 tags;
 * articles: 0 from cache, 9 rendered on 1 thread; pages rendered: 50; files: 147 written,
 * 0 unchanged, 0 deleted"
 */
export function summaryLine(stats: BuildStats, verb = 'Built'): string {
  const update = stats.changedArticles === undefined ? '' : ` (updated: ${plural(stats.changedArticles, 'article')} changed since the last build)`;
  return (
    `${verb} ${plural(stats.articles, 'article')} into ${plural(stats.pages, 'page')}${update}, ` +
    `${plural(stats.feeds, 'feed file')} and ${plural(stats.sitemaps, 'sitemap file')} in ${(stats.milliseconds / 1000).toFixed(2)} s; ` +
    `${plural(stats.topics, 'topic')}, ${plural(stats.tags, 'tag')}; ` +
    `articles: ${stats.cacheHits.toLocaleString('en')} from cache, ${stats.rendered.toLocaleString('en')} rendered on ${plural(stats.threads, 'thread')}; ` +
    `pages rendered: ${stats.pagesRendered.toLocaleString('en')}; ` +
    (stats.images > 0 ? `images: ${stats.images.toLocaleString('en')}, ${stats.imagesProcessed.toLocaleString('en')} processed; ` : '') +
    `files: ${stats.written.toLocaleString('en')} written, ${stats.unchanged.toLocaleString('en')} unchanged, ${stats.deleted.toLocaleString('en')} deleted`
  );
}

/**
 * "Checked 9 articles, 50 pages, 93 feed files and 3 sitemap files in 0.42 s: no errors, 2
 * warnings": what `check` looked at. It writes nothing, so it says nothing of files written.
 */
export function checkSummaryLine(stats: BuildStats, warnings: number): string {
  return (
    `Checked ${plural(stats.articles, 'article')}, ${plural(stats.pages, 'page')}, ` +
    `${plural(stats.feeds, 'feed file')} and ${plural(stats.sitemaps, 'sitemap file')} in ${(stats.milliseconds / 1000).toFixed(2)} s: ` +
    `no errors, ${warnings === 0 ? 'no warnings' : plural(warnings, 'warning')}`
  );
}

/** A few file names, then a count of the rest. */
function fileList(list: readonly ArticleMeta[]): string {
  const names = list.slice(0, 5).map((article) => article.file).join(', ');
  return list.length > 5 ? `${names} and ${list.length - 5} more` : names;
}

/**
 * One line per reason an article was left out, naming the files (a few, then a count):
 * "Left out 1 draft (build with --drafts to include): content/2025/12/a.md". `command` names
 * the command the flags go to.
 */
export function leftOutLines(leftOut: Site['leftOut'], command: 'build' | 'dev' = 'build'): string[] {
  const lines: string[] = [];
  const describe = (list: ArticleMeta[], what: string, flag: string) => {
    if (list.length === 0) return;
    lines.push(`Left out ${plural(list.length, what)} (${command === 'build' ? 'build' : 'run dev'} with ${flag} to include): ${fileList(list)}`);
  };
  describe(leftOut.drafts, 'draft', '--drafts');
  describe(leftOut.scheduled, 'scheduled article', '--future');
  describe(leftOut.expired, 'expired article', '--expired');
  return lines;
}

/**
 * "Showing 2 drafts (a build leaves them out unless given --drafts): content/2025/12/a.md, ...",
 * or nothing when the site shows no draft.
 */
export function draftsShownLine(site: Pick<Site, 'articles'>): string | undefined {
  const drafts = site.articles.filter((article) => article.draft);
  if (drafts.length === 0) return undefined;
  return `Showing ${plural(drafts.length, 'draft')} (a build leaves them out unless given --drafts): ${fileList(drafts)}`;
}

/**
 * How a long build shows it is alive. The build calls start/tick/end per phase; what the user sees
 * depends on where output goes: a live line on a terminal, a few plain lines in CI logs, nothing
 * with --quiet.
 */
export interface Progress {
  /** `total` undefined when the count is not known in advance (pages are planned lazily). */
  start(phase: string, total?: number): void;
  tick(count?: number): void;
  end(): void;
}

/** A Progress that shows nothing (--quiet, the dev server); stateless, so one object serves every caller. */
export const noProgress: Progress = { start: () => undefined, tick: () => undefined, end: () => undefined };

/** A line redrawn in place, at most ten times a second; cleared when the phase ends. */
export function terminalProgress(stream: NodeJS.WriteStream): Progress {
  let phase = '';
  let total: number | undefined;
  let done = 0;
  let drawn = 0;
  const draw = () => {
    drawn = Date.now();
    const count = total === undefined ? done.toLocaleString('en') : `${done.toLocaleString('en')}/${total.toLocaleString('en')} (${Math.floor((done / Math.max(total, 1)) * 100)}%)`;
    stream.write(`\r\x1b[2K${phase} ${count}`);
  };
  return {
    start(name, count) {
      phase = name;
      total = count;
      done = 0;
      if (count !== 0) draw();
    },
    tick(count = 1) {
      done += count;
      if (Date.now() - drawn >= 100) draw();
    },
    end() {
      stream.write('\r\x1b[2K');
    },
  };
}

/** For logs (CI, pipes): one line per phase with enough work to matter, with its count and time. */
export function plainProgress(write: (line: string) => void, minimum = 500): Progress {
  let phase = '';
  let done = 0;
  let started = 0;
  return {
    start(name) {
      phase = name;
      done = 0;
      started = performance.now();
    },
    tick(count = 1) {
      done += count;
    },
    end() {
      if (done >= minimum) write(`${phase}: ${done.toLocaleString('en')} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    },
  };
}

/**
 * A note for a build whose baseUrl is this machine (the default, http://localhost:4321/): the
 * feeds, sitemaps and canonical links it writes would point there. Undefined for any other host.
 */
export function localBaseUrlNote(baseUrl: string): string | undefined {
  const host = new URL(baseUrl).hostname;
  if (host !== 'localhost' && host !== '127.0.0.1' && host !== '[::1]') return undefined;
  return `Note: baseUrl is ${baseUrl}, this machine: feeds, sitemaps and canonical links point there. Set baseUrl in site.config.ts (or build with --base-url) to the address the site will be served from.`;
}
