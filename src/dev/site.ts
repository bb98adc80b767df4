// The dev server's site: the last good build, kept in memory, and brought up to date change by
// change. This module is its lifecycle: start with a full (warm) build, route each batch of
// changes to the incremental update (update.ts) or to the full build, save the cache and manifest.
//
// A change to templates, static files or the config, or one that changes what every page shows
// (the navigation), runs the full build: warm, through the cache, and with per-template
// fingerprints it renders only the pages made with a changed template. An update that finds
// errors writes nothing: the last good pages keep being served, and the errors are reported until
// a later change fixes them. The server holds the site's lock (write/lock.ts) from start to close:
// a `broadsheet build` of the same site meanwhile is refused, naming the server.

import path from 'node:path';
import { build, type BuildResult } from '../build.js';
import { CONFIG_FILES, loadConfig, type SiteConfig } from '../config.js';
import { checkSiteFolder } from '../config-folders.js';
import { buildTime } from '../dates.js';
import { ImageStore } from '../images/store.js';
import { AUTHORS_FILE } from '../load/authors.js';
import { pageGroups } from '../pages/index.js';
import { createTemplates, PAGE_TEMPLATES } from '../pages/templates.js';
import { siteGlobals } from '../pages/render-page.js';
import { BuildFailure, type Problem } from '../problems.js';
import { ArticleCache } from '../render/cache.js';
import { noProgress } from '../report.js';
import type { WrittenPage } from '../types.js';
import { outputContext } from '../write/context.js';
import { fingerprint, OutputManifest } from '../write/manifest.js';
import { writeOutputs } from '../write/outputs.js';
import { DirectWriter } from '../write/direct-writer.js';
import { lockSite, type SiteLock } from '../write/lock.js';
import { linkersOf } from './linkers.js';
import { refreshSearch } from './search.js';
import { allPages, rememberOtherFiles, writtenPage, type Changes, type DevOptions, type DevState, type GoodSite, type UpdateResult } from './state.js';
import { updateContent } from './update.js';
import { updateImages } from './image-update.js';

/** Files in content/ that may be images pages show. */
const IMAGE_FILE = /\.(jpe?g|png|webp|avif|gif|tiff?|heic|heif)$/i;

export type { Changes, DevOptions, UpdateResult } from './state.js';

/** The dev server's site (see the top of this file). */
export class DevSite {
  private state: DevState | undefined;

  private constructor(
    private readonly options: DevOptions,
    private readonly lock: SiteLock,
  ) {}

  /**
   * Take the site's lock (a SystemFailure names the process holding it), build the site (a normal
   * warm build) and load it for incremental updates.
   */
  static async start(options: DevOptions): Promise<{ site: DevSite; result: UpdateResult }> {
    const site = new DevSite(options, lockSite(await cacheFolderOf(options)));
    try {
      return { site, result: await site.full() };
    } catch (error) {
      site.lock.release();
      throw error;
    }
  }

  /** The config of the last good build, if there was one. */
  get config(): SiteConfig | undefined {
    return this.state?.config;
  }

  /**
   * Bring the output up to date with `changes`. Content-only changes take the incremental path;
   * anything else (templates, static files, the config, or no good build to start from) the full one.
   */
  async update(changes: Changes): Promise<UpdateResult> {
    const state = this.state;
    if (!state) return this.full();
    const { config } = state;
    const content: string[] = [];
    const showingImages = new Set<string>();
    for (const changed of changes.paths) {
      const relative = path.relative(config.contentPath, changed);
      const inContent = !relative.startsWith('..') && !path.isAbsolute(relative);
      // The authors file reaches author pages and bylines' JSON-LD everywhere: the whole (warm) build.
      if (inContent && relative === AUTHORS_FILE) return this.full();
      if (inContent && relative.endsWith('.md')) content.push(relative.split(path.sep).join('/'));
      else if (inContent && path.extname(relative) === '') return this.full(); // a folder: moved or removed with its articles
      else if (!inContent) return this.full();
      else if (IMAGE_FILE.test(relative)) {
        // A photo pages show: those articles' images are processed again. One no page shows
        // yet (perhaps the one an article is missing) is worth a (warm) build.
        const showing = state.images.showing(changed);
        if (showing.length === 0) return this.full();
        for (const file of showing) showingImages.add(file);
      }
      // Other files in content/ are not part of any page.
    }
    if (showingImages.size > 0 && content.length === 0) {
      const started = performance.now();
      try {
        return await updateImages(state, [...showingImages], this.options);
      } catch (error) {
        return failed(error, started);
      }
    }
    // Articles and photos changed together (a checkout, say): the (warm) build sorts it out.
    if (showingImages.size > 0) return this.full();
    if (content.length === 0) return { ok: true, mode: 'none', changed: [], pagesRendered: 0, warnings: [], milliseconds: 0 };
    const started = performance.now();
    try {
      const result = await updateContent(state, content, this.options);
      return result === 'full' ? this.full() : result;
    } catch (error) {
      return failed(error, started);
    }
  }

  /** Save the article cache and the output manifest, so the next `npm run build` starts warm. */
  async flush(): Promise<void> {
    if (!this.state) return;
    await this.state.manifest.saveCurrent();
    await this.state.cache.save();
    await this.state.imageStore.saveKeeping();
  }

  /**
   * Index again for search what changed since the last index (dev/search.ts). `apply` runs the
   * writing step when no update is under way; it is skipped if the site changed meanwhile.
   * Returns the output files that changed.
   */
  async refreshSearch(apply: (write: () => Promise<string[] | undefined>) => Promise<string[] | undefined>): Promise<string[]> {
    const state = this.state;
    if (!state) return [];
    const good = state.good;
    const now = this.options.now?.() ?? buildTime();
    return refreshSearch(state, now, (write) => apply(async () => (this.state === state && state.good === good ? write() : undefined)));
  }

  /** Save, then forget the site and release its lock. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      this.state = undefined;
      this.lock.release();
    }
  }

  private async full(): Promise<UpdateResult> {
    const started = performance.now();
    const now = this.options.now?.() ?? buildTime();
    try {
      await this.flush();
      const result = await build({ ...this.options, now, cache: true, progress: this.options.progress ?? noProgress });
      this.state = await loadState(result, now);
      return { ok: true, mode: 'full', changed: ['*'], pagesRendered: result.stats.pagesRendered, warnings: result.warnings, milliseconds: performance.now() - started, build: result };
    } catch (error) {
      return failed(error, started);
    }
  }
}

/** Where the site's lock lives: its cache folder, or the default one while the config is broken. */
async function cacheFolderOf(options: DevOptions): Promise<string> {
  const root = options.root ?? '.';
  checkSiteFolder(path.resolve(root), CONFIG_FILES);
  try {
    return (await loadConfig(root, { outDir: options.outDir, baseUrl: options.baseUrl })).cachePath;
  } catch (error) {
    if (!(error instanceof BuildFailure)) throw error;
    return path.resolve(root, '.cache');
  }
}

/** A failed update's result; anything but a BuildFailure is a bug and is thrown on. */
function failed(error: unknown, started: number): UpdateResult {
  if (!(error instanceof BuildFailure)) throw error;
  return { ok: false, problems: error.problems, milliseconds: performance.now() - started };
}

/**
 * The state a full build left: its articles and model (updates find articles in the model by
 * identity, so these very objects), the cache and the output manifest it saved.
 */
async function loadState(result: BuildResult, now: number): Promise<DevState> {
  const { config, site, articles, images } = result;
  const cache = await ArticleCache.open(config.cachePath, true);
  const imageStore = await ImageStore.open(config.cachePath, true);
  cache.adopt(articles);
  // A file's problems are kept from when it is next read: only changed files' are reported.
  const sources = new Map(articles.map((meta) => [meta.contentPath, { meta, problems: [] as Problem[] }]));
  const { templates } = createTemplates(config, PAGE_TEMPLATES);
  const manifest = await OutputManifest.load(config.cachePath, config.outPath);
  const pagesByGroup = new Map<string, WrittenPage[]>();
  const order: string[] = [];
  for (const group of pageGroups(site, config)) {
    order.push(group.key);
    pagesByGroup.set(group.key, [...group.pages()].map(writtenPage));
  }
  const goodMetas = new Map(articles.map((meta) => [meta.contentPath, meta]));
  const good: GoodSite = { site, index: goodMetas, globalsPrint: fingerprint(siteGlobals(site, config)), pagesByGroup, order, sitemapFiles: [], otherFiles: new Set() };
  // Record which feed and sitemap files the site has (all current: nothing is written).
  const writer = new DirectWriter(config.outPath);
  const context = outputContext({ config, site, index: goodMetas, templates, cache, manifest, writer, now, progress: noProgress, images });
  const outputs = await writeOutputs(context, { pages: () => [], sitemap: { pages: () => allPages(good) }, files: false });
  rememberOtherFiles(good, outputs);
  await writer.commit();
  manifest.advance([]);
  return { config, cache, manifest, templates, sources, stopping: new Map(), dirty: new Set(), linkers: linkersOf(articles), goodMetas, pageLists: pagesByGroup, good, images, imageStore };
}
