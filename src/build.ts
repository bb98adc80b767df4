// The build, as a list of stage calls: config and templates -> articles (load + render, through
// the cache) and the authors file -> site model -> outputs (pages, feeds, sitemaps, files) -> link check -> commit.
// Each stage lives in its own folder; this module only sequences them. Template and content
// problems are reported together; nothing reaches the output folder before the commit at the end.

import path from 'node:path';
import { CONFIG_FILES, loadConfig, type SiteConfig } from './config.js';
import { checkSiteFolder } from './config-folders.js';
import { buildTime } from './dates.js';
import { prepareImages } from './images/stage.js';
import type { SiteImages } from './images/site-images.js';
import { ImageStore } from './images/store.js';
import { loadAuthors } from './load/authors.js';
import { checkLinks, indexArticles, pathServedBy } from './model/links.js';
import { buildSite, isPublishedIn } from './model/site.js';
import { pageGroups } from './pages/index.js';
import { createTemplates, PAGE_TEMPLATES } from './pages/templates.js';
import { collectArticles } from './pipeline/collect.js';
import { writeOutputs, type WrittenOutputs } from './pipeline/outputs.js';
import { recordingPlan, type PagePlan, type SiteState } from './pipeline/state.js';
import { writeTransaction } from './pipeline/transaction.js';
import { stopOnErrors, type Problem } from './problems/index.js';
import { ArticleCache } from './render/cache.js';
import { noProgress, type BuildStats, type Progress } from './report.js';
import { PhaseClock, type PhaseTime } from './timing.js';
import type { ArticleMeta, PublishOptions, Site } from './types/index.js';
import { WorkerPool } from './workers/pool.js';
import { OutputManifest, recordedOutputFiles } from './write/manifest.js';
import { DistWriter } from './write/dist-writer.js';
import { holdPoint } from './write/failpoints.js';
import { endSearchProcesses } from './search/pagefind.js';
import { lockSite } from './write/lock.js';
import { explainSystemError, outcomeOf } from './write/os-errors.js';
import type { OutputWriter, WriteStats } from './write/output-writer.js';

/** How to build: every field optional, defaults as `broadsheet build` has them. */
export interface BuildOptions {
  /** Site folder (default: the current directory). */
  root?: string;
  /** Output folder, relative to the root; overrides the config. */
  outDir?: string;
  /** Overrides the config's baseUrl. */
  baseUrl?: string;
  /** Include drafts, scheduled (future) and expired articles. */
  drafts?: boolean;
  future?: boolean;
  expired?: boolean;
  /** Warnings become errors. */
  strict?: boolean;
  /** Build time in epoch ms (default: SOURCE_DATE_EPOCH, else now). */
  now?: number;
  /** Use and update the persistent cache in .cache/ (default true); false renders everything. */
  cache?: boolean;
  /** Threads rendering articles: 'auto' (default: one per core, if there is enough to do) or a count. */
  threads?: number | 'auto';
  /** Where pages go: dist/ by default; a MemoryWriter validates without writing (npm run check). */
  writer?: OutputWriter;
  progress?: Progress;
  /**
   * Return the site's state with its stores left open (BuildResult.state), for the incremental
   * path to continue from (the dev server); the caller closes them (pipeline/state.ts closeState).
   */
  keepState?: boolean;
  signal?: AbortSignal;
}

/** A build stopped by its signal; `committed`: the new site had already been put in place. */
export class BuildInterrupted extends Error {
  constructor(readonly committed: boolean) {
    super(committed ? 'Interrupted: the new site is in place, but the cache was not saved, so the next build renders more.' : 'Interrupted: the output folder is unchanged.');
    this.name = 'BuildInterrupted';
  }
}

/** What a successful build made. A failed one throws BuildFailure with its problems. */
export interface BuildResult {
  config: SiteConfig;
  site: Site;
  /** Every article read, published or not, in content-path order (the dev server keeps them). */
  articles: ArticleMeta[];
  /** Warnings that did not stop the build. */
  warnings: Problem[];
  /** What each article's pages show of its images (the dev server keeps them). */
  images: SiteImages;
  stats: BuildStats;
  /** Why the cache could not be used, if it could not. */
  cacheNotice?: string;
  /** With `keepState`: the site as written, its stores open. */
  state?: SiteState;
}

/** Build the site into its output folder (or options.writer); throws BuildFailure on errors, writing nothing. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const clock = new PhaseClock('Config and templates');
  const strict = options.strict ?? false;
  const now = options.now ?? buildTime();
  const persistent = options.cache ?? true;
  const progress = clock.follow(options.progress ?? noProgress);
  const { signal } = options;
  checkSiteFolder(path.resolve(options.root ?? '.'), CONFIG_FILES);
  const config = await loadConfig(options.root ?? '.', { outDir: options.outDir, baseUrl: options.baseUrl }, { signal }).catch((error: unknown) => {
    throw signal?.aborted ? new BuildInterrupted(false) : error;
  });
  if (signal?.aborted) throw new BuildInterrupted(false);
  const { templates, problems: templateProblems } = createTemplates(config, PAGE_TEMPLATES);
  // A build that writes nothing in the site (check: output in memory, no .cache/) takes no lock, so it runs beside dev.
  const lock = options.writer?.target === 'memory' && !persistent ? undefined : lockSite(config.cachePath);
  const writer = options.writer ?? new DistWriter(config.outPath, { recorded: () => recordedOutputFiles(config.cachePath, config.outPath), signal });
  const pool = new WorkerPool(options.threads ?? 'auto');
  // An interrupt ends the threads and processes the build waits on: it then fails at once.
  let stopping: Promise<unknown> | undefined;
  const stop = () => void (stopping = Promise.all([pool.close(), endSearchProcesses()]));
  signal?.addEventListener('abort', stop, { once: true });
  const step = (name: string) => {
    signal?.throwIfAborted();
    clock.begin(name);
  };
  let cache: ArticleCache | undefined;
  let imageStore: ImageStore | undefined;
  let state: SiteState | undefined;
  try {
    writer.check?.();
    step('Opening the cache');
    cache = await ArticleCache.open(config.cachePath, persistent);
    const collected = await collectArticles(config, cache, { pool, progress });
    step('Site model');
    const authors = loadAuthors(config);
    const publish = publishOptions(options, now);
    const { site, problems: modelProblems } = buildSite(collected.articles, { ...publish, authorProfiles: authors.profiles, related: config.related });
    step('Images');
    imageStore = await ImageStore.open(config.cachePath, persistent);
    const images = await prepareImages(config, site.articles, imageStore);
    const warnings = stopOnErrors([...templateProblems, ...collected.problems, ...authors.problems, ...modelProblems, ...images.problems], strict);
    step('Reading the output manifest');

    // A manifest describes an output on disk: memory (check, tests) has none to describe.
    const manifest = persistent && writer.target !== 'memory' ? await OutputManifest.load(config.cachePath, config.outPath) : OutputManifest.none();
    const pages: PagePlan = { byGroup: new Map(), order: [] };
    const input = { config, site, index: indexArticles(collected.articles), templates, cache, manifest, writer, now, progress, pool, images: images.images };
    const { stats: written, value: outputs } = await writeTransaction(input, async (context) => {
      const plan = recordingPlan(() => pageGroups(site, config), pages);
      const outputs = await writeOutputs(context, { pages: plan, files: true, onOutput: (name) => step(name === 'pages' ? 'Rendering pages' : `Writing ${name}`) });
      warnings.push(...stopOnErrors(outputs.problems, strict));
      step('Checking links');
      warnings.push(...stopOnErrors(checkLinks(site.articles, context.index, isPublishedIn(site), pathServedBy(writer.files)), strict));
      step('Committing the output');
      return { removed: undefined, value: outputs };
    });
    await holdPoint('swapped');
    step('Saving the cache');
    await manifest.save();
    await cache.save();
    await imageStore.save();
    const stats = buildStats(written, outputs, { site, rendered: collected.rendered, sourcesRead: collected.read, cacheHits: cache.hits, threads: pool.threads, started, phases: clock.phases(), images: images.sources, imagesProcessed: images.processed });
    if (options.keepState) {
      state = { config, templates, cache, manifest, imageStore, articles: collected.articles, site, images: images.images, pages, outputFiles: outputs.files };
    }
    return { config, site, articles: collected.articles, warnings, cacheNotice: cache.notice, stats, images: images.images, state };
  } catch (error) {
    if (!writer.committed) await writer.abort();
    const committed = writer.target !== 'memory' && writer.committed;
    if (signal?.aborted) throw new BuildInterrupted(committed);
    throw explainSystemError(error, outcomeOf(committed)) ?? error;
  } finally {
    signal?.removeEventListener('abort', stop);
    await (stopping ?? pool.close());
    // Kept open for the caller, or closed here.
    if (!state) {
      await cache?.dispose();
      await imageStore?.dispose();
    }
    lock?.release();
  }
}

/** Which articles a build publishes, from its options. */
export function publishOptions(options: Pick<BuildOptions, 'drafts' | 'future' | 'expired'>, now: number): PublishOptions {
  return { now, drafts: options.drafts ?? false, future: options.future ?? false, expired: options.expired ?? false };
}

function buildStats(
  written: WriteStats,
  outputs: WrittenOutputs,
  run: { site: Site; rendered: number; sourcesRead: number; cacheHits: number; threads: number; started: number; phases: PhaseTime[]; images: number; imagesProcessed: number },
): BuildStats {
  const count = (name: Parameters<typeof outputs.counts.get>[0]) => outputs.counts.get(name) ?? 0;
  return {
    ...written,
    articles: run.site.articles.length,
    rendered: run.rendered,
    cacheHits: run.cacheHits,
    sourcesRead: run.sourcesRead,
    threads: run.threads,
    pages: outputs.pages.pages.length,
    pagesRendered: outputs.pages.rendered,
    feeds: count('feeds'),
    sitemaps: count('sitemaps') + count('news-sitemap'),
    assets: count('assets') + count('webmanifest') + count('static'),
    images: run.images,
    imagesProcessed: run.imagesProcessed,
    imageFiles: count('images'),
    topics: run.site.topics.length,
    tags: run.site.tags.length,
    milliseconds: performance.now() - run.started,
    phases: run.phases,
  };
}
