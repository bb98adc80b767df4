// The output tail of the pipeline, shared by the full build and the dev server: every kind of
// output file goes through writeOutputs, in the order of OUTPUTS. The full build passes a plan of
// the whole site; a dev update passes the page groups and feeds a change can reach. Adding an
// output kind is one module and one entry in OUTPUTS.

import { configFor } from '../languages.js';
import { allArticles, allSites } from '../model/languages.js';
import { newestFirst } from '../model/site.js';
import { writeImageFiles } from '../images/output.js';
import type { OutputImage } from '../images/site-images.js';
import { writeFeeds, type FeedSpec } from '../pages/feeds/index.js';
import { writeRedirects } from '../pages/redirects.js';
import { writeNewsSitemapAndRobots, writePageSitemaps } from '../pages/sitemaps.js';
import { writeWebManifest } from '../pages/webmanifest.js';
import { isError, type Problem } from '../problems/index.js';
import { indexStaleShards, writeSearchBundles } from '../search/output.js';
import { planSearch } from '../search/plan.js';
import { noProgress } from '../report.js';
import type { ArticleMeta, PageSpec, Site, WrittenPage } from '../types/index.js';
import type { OutputContext } from './context.js';
import { writePages, type WrittenPages } from './pages.js';
import { copyAssets, copyStatic } from './static-files.js';

/** What a build or an update writes. */
export interface OutputPlan {
  /** The pages to render or keep, in plan order (called twice, giving the same pages each time). */
  pages: () => Iterable<PageSpec>;
  /** The feeds a change can have touched (default: every feed); the others are kept as they are. */
  feeds?: (feed: FeedSpec) => boolean;
  /**
   * /sitemap.xml: by default of the planned pages; `pages` gives every page of the site instead
   * (a dev update plans only some), of which the first `unchanged` (in sitemap order: the articles
   * from the oldest) are as the last build listed them; `keep` leaves the sitemap files as they are (no page's URL or
   * lastmod changed).
   */
  sitemap?: { pages: () => Iterable<WrittenPage>; unchanged?: number } | { keep: readonly string[] };
  /**
   * Copy the theme's assets and the static folder, and index the site for search (a full build;
   * an update changes content only).
   */
  files: boolean;
  /**
   * Index for search the shards whose articles changed, and keep the rest (default: as `files`). A
   * build's update does; the dev server indexes once edits settle (dev/search.ts). A set of months
   * (an update's reach: search/plan.ts searchReach) looks only at those months' shards and the
   * newest: the others stay as the output has them.
   */
  search?: boolean | ReadonlySet<string>;
  /**
   * The image variants to write or keep (default: every one the site's pages show). An update
   * passes its changed articles': the others' files stay as they are, untouched and not listed.
   */
  images?: () => readonly OutputImage[];
  /** Called before each kind of output is written ('pages', 'feeds', ...): the build times them. */
  onOutput?: (name: OutputName) => void;
}

/** What writing a plan did. */
export interface WrittenOutputs {
  pages: WrittenPages;
  /** Files of each output but the pages (written or kept), by output name. */
  files: Map<OutputName, string[]>;
  /** Files of each output, by output name. */
  counts: Map<OutputName, number>;
  /** Template errors, static files shadowed by generated ones. */
  problems: Problem[];
}

/** The name of an output kind. */
export type OutputName = 'pages' | 'images' | 'search' | 'feeds' | 'sitemaps' | 'news-sitemap' | 'assets' | 'webmanifest' | 'redirects' | 'static';

/** One kind of output file. */
interface Output {
  name: OutputName;
  /** Begin work that can run beside the outputs before this one (called before any is written); it goes to write. */
  start?(context: OutputContext, plan: OutputPlan): Started | undefined;
  /**
   * Write (or keep) this output's files; returns how many files it has and its problems, and its
   * files when some went through the writer before this step (else they are the ones it gained).
   */
  write(context: OutputContext, plan: OutputPlan, sofar: WrittenOutputs, started?: Started): Promise<OutputResult>;
}

type OutputResult = { count: number; problems?: Problem[]; files?: string[] };

/**
 * Work an output began early: its write step calls `finish`; writeOutputs waits for `settled`
 * before it returns, whatever happened (a template error may stop the outputs before it).
 */
interface Started {
  settled: Promise<unknown>;
  finish(): Promise<OutputResult>;
}

const pageOutput: Output = {
  name: 'pages',
  async write(context, plan, sofar) {
    sofar.pages = await writePages(context, plan.pages);
    // The workers hold hundreds of MB on a large archive: free them before the rest of the build.
    await context.pool?.close();
    return { count: sofar.pages.pages.length, problems: sofar.pages.problems };
  },
};

/** The variants of the images pages show (src/images/): copied from the image cache. */
const imageOutput: Output = {
  name: 'images',
  write: async (context, plan) => ({ count: await writeImageFiles(plan.images?.() ?? context.images.files, context.writer, context.manifest) }),
};

/**
 * The Pagefind index of the articles' documents (search/output.ts). Pagefind works in its own
 * processes, so the indexing starts with the pages (start) and runs beside their rendering, each
 * shard's index written as soon as it is made; the rest (the runtime, the shards kept, the list
 * of shards) after the pages.
 */
const searchOutput: Output = {
  name: 'search',
  start(context, plan) {
    // A dev update leaves the index to dev/search.ts, once edits settle.
    if (!(plan.search ?? plan.files) || !context.config.search) return undefined;
    const search = planSearch(context, typeof plan.search === 'object' ? plan.search : undefined);
    // Its own progress would garble the pages' display: the phase shows only what is left of it.
    const indexed = indexStaleShards({ ...context, progress: noProgress }, search, { writeIndexes: true });
    return {
      settled: indexed.catch(() => undefined),
      finish: async () => {
        const files = await writeSearchBundles(context, search, await indexed);
        return { count: files.length, files };
      },
    };
  },
  write: async (_context, _plan, _sofar, started) => (started ? started.finish() : { count: 0 }),
};

const feedOutput: Output = {
  name: 'feeds',
  write: async (context, plan) => {
    // Feed bodies carry plain sized <img> for body images, and entries enclose the lead image's variant.
    const feedContext = { ...context, bodyOf: context.feedBodyOf, imagesOf: (article: ArticleMeta) => context.images.feedOf(article) };
    let count = 0;
    // Each language's feeds, under its prefix and in its title (a one-language site: the one).
    for (const site of allSites(context.site)) count += await writeFeeds(site, { ...feedContext, config: configFor(context.config, site.language) }, context.writer, plan.feeds);
    return { count };
  },
};

const sitemapOutput: Output = {
  name: 'sitemaps',
  async write(context, plan, sofar) {
    const sitemap = plan.sitemap;
    if (sitemap && 'keep' in sitemap) {
      for (const file of sitemap.keep) context.writer.keep(file);
      return { count: sitemap.keep.length };
    }
    const pages = sitemap ? [...sitemap.pages()] : sofar.pages.pages;
    return { count: await writePageSitemaps(pages, context.config, context.writer, context.manifest, sitemap?.unchanged) };
  },
};

const newsSitemapOutput: Output = {
  name: 'news-sitemap',
  write: async (context) => ({ count: await writeNewsSitemapAndRobots(newestFirstAll(context.site), context.config, context.now, context.writer, context.manifest) }),
};

const assetOutput: Output = {
  name: 'assets',
  write: async (context, plan) => ({ count: plan.files ? await copyAssets(context.templates, context.writer) : 0 }),
};

/** /site.webmanifest: it changes only with the config and its template, which a dev update never does. */
const webManifestOutput: Output = {
  name: 'webmanifest',
  write: async (context, plan) => (plan.files ? { count: 1, problems: await writeWebManifest(context) } : { count: 0 }),
};

/** Last: a static file with the path of a generated one is not copied (and is reported). */
const staticOutput: Output = {
  name: 'static',
  async write(context, plan) {
    if (!plan.files) return { count: 0 };
    const copied = await copyStatic(context.config, context.writer);
    return { count: copied.files, problems: copied.problems };
  },
};

/**
 * Every kind of output, in the order they are written. Search comes after the feeds and sitemaps:
 * Pagefind indexes beside the pages and the outputs after them, so its write step has the least
 * left to wait for (writeEach keeps its files out of theirs).
 */
const OUTPUTS: readonly Output[] = [pageOutput, imageOutput, feedOutput, sitemapOutput, newsSitemapOutput, searchOutput, assetOutput, webManifestOutput, { name: 'redirects', write: writeRedirects }, staticOutput];

/**
 * Write every output of `plan` through the context's writer and manifest, in the order of OUTPUTS.
 * Stops after an output that reports errors (a broken template): its problems are returned, and the
 * caller fails the build before committing anything.
 */
export async function writeOutputs(context: OutputContext, plan: OutputPlan): Promise<WrittenOutputs> {
  const result: WrittenOutputs = { pages: { pages: [], rendered: 0, problems: [] }, files: new Map(), counts: new Map(), problems: [] };
  const started = new Map(OUTPUTS.map((output) => [output, output.start?.(context, plan)]));
  try {
    await writeEach(context, plan, result, started);
  } finally {
    // An output that stopped the others (a template error) must not leave early work running.
    await Promise.all([...started.values()].map((work) => work?.settled));
  }
  return result;
}

async function writeEach(context: OutputContext, plan: OutputPlan, result: WrittenOutputs, started: ReadonlyMap<Output, Started | undefined>): Promise<void> {
  for (const output of OUTPUTS) {
    plan.onOutput?.(output.name);
    // A count, not a copy: the writer's set (in the order files came) is 260,000 files at 100,000 articles.
    const before = output === pageOutput ? undefined : context.writer.files.size;
    const { count, problems = [], files } = await output.write(context, plan, result, started.get(output));
    result.counts.set(output.name, count);
    if (before !== undefined) result.files.set(output.name, files ?? addedAfter(context.writer.files, before));
    result.problems.push(...problems);
    if (problems.some(isError)) break;
  }
  // Early work (search's lanes) writes through the same writer while later outputs run: its files,
  // which it names itself, were counted among theirs too. An update deletes the feed and sitemap
  // files it does not write again (otherFilesOf), so each output must hold its own files only.
  for (const [output, work] of started) {
    const own = work && result.files.get(output.name);
    if (!own?.length) continue;
    const taken = new Set(own);
    for (const [name, files] of result.files) if (name !== output.name) result.files.set(name, files.filter((file) => !taken.has(file)));
  }
}

/** The members a set gained after its first `count` (a Set iterates in the order members came). */
function addedAfter(files: ReadonlySet<string>, count: number): string[] {
  const added: string[] = [];
  let at = 0;
  for (const file of files) if (at++ >= count) added.push(file);
  return added;
}

/** Every language's published articles, newest first (a one-language site's, as they are). */
function newestFirstAll(site: Site): readonly ArticleMeta[] {
  return site.otherLanguages ? [...allArticles(site)].sort(newestFirst) : site.articles;
}
