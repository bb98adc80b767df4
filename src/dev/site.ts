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
import { build, publishOptions } from '../build.js';
import { CONFIG_FILES, loadConfig, type SiteConfig } from '../config.js';
import { checkSiteFolder } from '../config-folders.js';
import { buildTime } from '../dates.js';
import { AUTHORS_FILE } from '../load/authors.js';
import { TERMS_FILE } from '../load/terms.js';
import { IMAGE_FILE, isArticleFile } from '../load/discover.js';
import { dropSiteState, saveSiteState, stateIdentity } from '../pipeline/saved-state.js';
import { closeState, type SiteState } from '../pipeline/state.js';
import { BuildFailure, type Problem } from '../problems/index.js';
import { noProgress } from '../report.js';
import type { Site } from '../types/index.js';
import { lockSite, type SiteLock } from '../write/lock.js';
import { refreshSearch } from './search.js';
import { isMultilingual } from '../languages.js';
import type { Changes, DevOptions, DevState, UpdateResult } from './state.js';
import { updateContent } from './update.js';
import { updateImages } from './image-update.js';

/** Files in content/ that may be images pages show. */

export type { Changes, DevOptions, UpdateResult } from './state.js';

/** The dev server's site (see the top of this file). */
export class DevSite {
  private state: DevState | undefined;
  /** Does the state saved in the cache describe the served folder (saved by the last build or flush)? */
  private stateSaved = false;

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
    return this.state?.good.config;
  }

  /** The site of the last good build or update (what is served), if there was one. */
  get site(): Site | undefined {
    return this.state?.good.site;
  }

  /**
   * Bring the output up to date with `changes`. Content-only changes take the incremental path;
   * anything else (templates, static files, the config, or no good build to start from) the full one.
   */
  async update(changes: Changes): Promise<UpdateResult> {
    const state = this.state;
    if (!state) return this.full();
    const { config } = state.good;
    const content: string[] = [];
    const showingImages = new Set<string>();
    for (const changed of changes.paths) {
      const relative = path.relative(config.contentPath, changed);
      const inContent = !relative.startsWith('..') && !path.isAbsolute(relative);
      // The authors file reaches author pages and bylines' JSON-LD everywhere: the whole (warm) build.
      if (inContent && relative === AUTHORS_FILE) return this.full();
      // A language's topic and tag names reach its term pages and every card that names a term.
      if (inContent && isMultilingual(config) && path.basename(relative) === TERMS_FILE) return this.full();
      if (inContent && isArticleFile(path.basename(relative))) content.push(relative.split(path.sep).join('/'));
      else if (inContent && path.extname(relative) === '') return this.full(); // a folder: moved or removed with its articles
      else if (!inContent) return this.full();
      else if (IMAGE_FILE.test(relative)) {
        // A photo pages show: those articles' images are processed again. One no page shows
        // yet (perhaps the one an article is missing) is worth a (warm) build.
        const showing = state.good.images.showing(changed);
        if (showing.length === 0) return this.full();
        for (const file of showing) showingImages.add(file);
      }
      // Other files in content/ are not part of any page.
    }
    // A multilingual site's pages come from several Sites: every change takes the (warm) full build.
    if (isMultilingual(config) && (showingImages.size > 0 || content.length > 0)) return this.full();
    if (showingImages.size > 0 && content.length === 0) {
      const started = performance.now();
      try {
        this.leavingSavedState();
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
      this.leavingSavedState();
      const result = await updateContent(state, content, this.options);
      return result === 'full' ? this.full() : result;
    } catch (error) {
      return failed(error, started);
    }
  }

  /**
   * Save the article cache, the output manifest and the site's state, so the next `npm run build`
   * starts warm, and continues from what the server wrote (pipeline/saved-state.ts).
   */
  async flush(): Promise<void> {
    if (!this.state) return;
    const { good } = this.state;
    await good.manifest.save();
    await good.cache.save();
    await good.imageStore.saveKeeping();
    if (!this.stateSaved) {
      saveSiteState(good, stateIdentity(good.config, { templates: good.templates.fingerprint, profiles: good.site.authorProfiles, publish: publishOptions(this.options, 0) }));
      this.stateSaved = true;
    }
  }

  /**
   * The served folder is about to change outside a build: the state a build (or a flush) saved
   * describes it no longer, so it is dropped until the next flush saves the server's.
   */
  private leavingSavedState(): void {
    if (!this.stateSaved || !this.state) return;
    dropSiteState(this.state.good.config);
    this.stateSaved = false;
  }

  /**
   * Index again for search what changed since the last index (dev/search.ts). `apply` runs the
   * writing step when no update is under way; it is skipped if the site changed meanwhile.
   * Returns the output files that changed.
   */
  async refreshSearch(apply: (write: () => Promise<string[] | undefined>) => Promise<string[] | undefined>): Promise<string[]> {
    const state = this.state;
    // A multilingual site's updates are full builds, which index search themselves.
    if (!state || isMultilingual(state.good.config)) return [];
    // Each update makes a new site model: the same one means no update came between.
    const site = state.good.site;
    const now = this.options.now?.() ?? buildTime();
    return refreshSearch(state, now, (write) =>
      apply(async () => {
        if (this.state !== state || state.good.site !== site) return undefined;
        this.leavingSavedState();
        return write();
      }),
    );
  }

  /** Save, then forget the site and release its lock. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      const state = this.state;
      this.state = undefined;
      try {
        if (state) await closeState(state.good);
      } finally {
        this.lock.release();
      }
    }
  }

  private async full(): Promise<UpdateResult> {
    const started = performance.now();
    const now = this.options.now?.() ?? buildTime();
    try {
      await this.flush();
      const result = await build({ ...this.options, now, cache: true, progress: this.options.progress ?? noProgress, keepState: true });
      const previous = this.state;
      this.state = loadState(result.state!);
      // The build saved the state of what it wrote.
      this.stateSaved = true;
      if (previous) await closeState(previous.good);
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

/** The dev server's state from what a full build left: its site, with its stores open. */
function loadState(built: SiteState): DevState {
  // A file's problems are kept from when it is next read: only changed files' are reported.
  const sources = new Map([...built.metas.values()].map((meta) => [meta.contentPath, { meta, problems: [] as Problem[] }]));
  return { good: built, sources, stopping: new Map(), dirty: new Set() };
}
