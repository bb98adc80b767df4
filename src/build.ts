// The build, as a list of stage calls: config and templates -> the stores (cache, image store,
// output manifest) and the authors file -> articles (load + render, through the cache) -> either
// the incremental path from the last build's saved state, or the whole site (model -> images ->
// outputs -> link check -> commit) -> saving the stores and the state. Each stage lives in its own
// folder; this module only sequences them. Template and content problems are reported together;
// nothing reaches the output folder before the commit at the end.

import path from 'node:path';
import { CONFIG_FILES, loadConfig, type SiteConfig } from './config.js';
import { checkSiteFolder } from './config-folders.js';
import { buildTime } from './dates.js';
import type { SiteImages } from './images/site-images.js';
import { ImageStore } from './images/store.js';
import { loadAuthors } from './load/authors.js';
import { createTemplates, PAGE_TEMPLATES } from './pages/templates.js';
import { collectArticles } from './pipeline/collect.js';
import type { WrittenOutputs } from './pipeline/outputs.js';
import { dropSiteState, hasSavedState, restoreSiteState, saveSiteState, stateIdentity } from './pipeline/saved-state.js';
import { closeState, pageCount, type SiteState, type SiteStores } from './pipeline/state.js';
import { buildStats } from './pipeline/stats.js';
import { updateFromSaved } from './pipeline/warm-build.js';
import { writeWholeSite } from './pipeline/whole-build.js';
import { stopOnErrors, stops, type Problem } from './problems/index.js';
import { ArticleCache } from './render/cache.js';
import { startContentScan } from './render/content-scan.js';
import { noProgress, type BuildStats, type Progress } from './report.js';
import { endSearchProcesses } from './search/pagefind.js';
import { stopImageWork } from './images/process.js';
import { PhaseClock } from './timing.js';
import type { ArticleMeta, PublishOptions, Site } from './types/index.js';
import { WorkerPool } from './workers/pool.js';
import { DistWriter } from './write/dist-writer.js';
import { holdPoint } from './write/failpoints.js';
import { OutputManifest } from './write/manifest.js';
import { recordedOutputFiles } from './write/manifest-file.js';
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

/**
 * Build the site into its output folder (or options.writer); throws BuildFailure on errors, writing
 * nothing. When the cache holds the last build's state and only articles changed since, only what
 * they reach is made again (pipeline/warm-build.ts); else the whole site (pipeline/whole-build.ts).
 */
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
  const stop = () => void (stopping = Promise.all([pool.close(), endSearchProcesses(), stopImageWork()]));
  signal?.addEventListener('abort', stop, { once: true });
  const step = (name: string) => {
    signal?.throwIfAborted();
    clock.begin(name);
  };
  let stores: SiteStores | undefined;
  let kept: SiteState | undefined;
  try {
    writer.check?.();
    // The content folder is scanned on a thread of its own while the cache opens (render/content-scan.ts).
    const scan = startContentScan(config, persistent ? ArticleCache.onDisk(config.cachePath) : undefined);
    step('Opening the cache');
    // A manifest and a saved state describe an output on disk: memory (check, tests) has neither.
    const onDisk = persistent && writer.target !== 'memory';
    stores = {
      config,
      templates,
      cache: await ArticleCache.open(config.cachePath, persistent),
      imageStore: await ImageStore.open(config.cachePath, persistent),
      manifest: onDisk ? await OutputManifest.load(config.cachePath, config.outPath) : OutputManifest.none(),
    };
    const authors = loadAuthors(config);
    const publish = publishOptions(options, now);
    const identity = stateIdentity(config, { templates: templates.fingerprint, profiles: authors.profiles, publish });
    const warmable = onDisk && writer.target === 'staged' && stores.manifest.recorded && templateProblems.length === 0 && authors.problems.length === 0;
    // The warm path asks whether the output is as the last build left it: looked at on a thread
    // of its own while the saved state and the content are read.
    if (warmable && hasSavedState(config, identity)) stores.manifest.startIntactCheck();
    const saved = warmable ? restoreSiteState(stores, identity, authors.profiles) : undefined;
    const collected = await collectArticles(config, stores.cache, { pool, progress, scan });
    const early = [...templateProblems, ...collected.problems, ...authors.problems];
    const run = { now, publish, strict, writer, pool, progress, step };

    let made: { state: SiteState; written: WriteStats; outputs: WrittenOutputs; images: { sources: number; processed: number }; changed?: number } | undefined;
    // Errors are reported all at once, with the model's: the whole build finds them all.
    if (saved && !stops(early, strict) && writer.patchable?.()) {
      step('Updating what changed');
      const warm = await updateFromSaved(saved, collected, { ...run, search: true });
      if (warm !== 'full') made = { state: saved.state, written: warm.stats, outputs: warm.outputs, images: warm.images, changed: warm.changed };
    }
    made ??= await writeWholeSite(stores, collected, authors, early, run);
    const warnings = stopOnErrors(early, strict);
    await holdPoint('swapped');
    step('Saving the cache');
    const { state } = made;
    await state.manifest.save();
    await state.cache.save();
    // After an update the image store has seen only the changed articles' photos: it keeps the rest.
    await (made.changed === undefined ? state.imageStore.save() : state.imageStore.saveKeeping());
    if (onDisk && writer.target === 'staged') saveSiteState(state, identity);
    const stats = buildStats(made.written, made.outputs, {
      site: state.site,
      pages: pageCount(state),
      rendered: collected.rendered,
      sourcesRead: collected.read,
      cacheHits: state.cache.hits,
      threads: pool.threads,
      started,
      phases: clock.phases(),
      images: made.images.sources,
      imagesProcessed: made.images.processed,
      changed: made.changed,
    });
    if (options.keepState) kept = state;
    const articles = [...state.metas.values()].sort((a, b) => (a.contentPath < b.contentPath ? -1 : 1));
    return { config, site: state.site, articles, warnings: [...warnings, ...state.laterWarnings], cacheNotice: state.cache.notice, stats, images: state.images, state: kept };
  } catch (error) {
    if (!writer.committed) await writer.abort();
    const committed = writer.target !== 'memory' && writer.committed;
    // The output changed but the saved state no longer says how: the next build is a whole one.
    if (committed) dropSiteState(config);
    if (signal?.aborted) throw new BuildInterrupted(committed);
    throw explainSystemError(error, outcomeOf(committed)) ?? error;
  } finally {
    signal?.removeEventListener('abort', stop);
    await (stopping ?? pool.close());
    // Kept open for the caller, or closed here.
    if (stores && !kept) await closeState(stores);
    lock?.release();
  }
}

/** Which articles a build publishes, from its options. */
export function publishOptions(options: Pick<BuildOptions, 'drafts' | 'future' | 'expired'>, now: number): PublishOptions {
  return { now, drafts: options.drafts ?? false, future: options.future ?? false, expired: options.expired ?? false };
}
