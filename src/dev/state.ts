// What the dev server keeps between updates: the last good site (model, articles, page lists in
// plan order, feed and sitemap files) and the state of the sources since (each file's latest read,
// the files whose problems stop the build, the files changed since the last good update).

import type { BuildOptions, BuildResult } from '../build.js';
import type { SiteConfig } from '../config.js';
import type { SiteImages } from '../images/site-images.js';
import type { ImageStore } from '../images/store.js';
import type { Templates } from '../pages/templates.js';
import { isError, type Problem } from '../problems/index.js';
import type { ArticleCache } from '../render/cache.js';
import { noProgress, type Progress } from '../report.js';
import type { ArticleIndex, ArticleMeta, PageSpec, Site, WrittenPage } from '../types/index.js';
import type { OutputManifest } from '../write/manifest.js';
import type { OutputContextInput } from '../pipeline/context.js';
import type { WrittenOutputs } from '../pipeline/outputs.js';
import type { Linkers } from './linkers.js';

/** How the dev server builds: the build's site options, and the clock of each update. */
export type DevOptions = Pick<BuildOptions, 'root' | 'outDir' | 'baseUrl' | 'drafts' | 'future' | 'expired' | 'strict' | 'threads'> & {
  /** The build time of each update (default: the clock). Tests fix it to compare with a full build. */
  now?: () => number;
  progress?: Progress;
};

/** What changed on disk, as the watcher saw it: absolute paths. */
export interface Changes {
  paths: readonly string[];
}

/** What one update did: written files and warnings, or the problems that stopped it (nothing written). */
export type UpdateResult =
  | {
      ok: true;
      /** 'content': the incremental path; 'full': the whole build ran; 'none': nothing the site shows changed. */
      mode: 'content' | 'full' | 'none';
      /** Output files written or deleted, relative to the output folder. */
      changed: string[];
      pagesRendered: number;
      warnings: Problem[];
      milliseconds: number;
      /** The full build's result, when one ran. */
      build?: BuildResult;
    }
  | { ok: false; problems: readonly Problem[]; milliseconds: number };

/** What the site looked like after the last good update. */
export interface GoodSite {
  site: Site;
  /** Every article read (published or not), by content path: what links resolve against. */
  index: ArticleIndex;
  globalsPrint: string;
  /** Each page group's pages as written (by group key), for the sitemap. */
  pagesByGroup: Pick<ReadonlyMap<string, WrittenPage[]>, 'get'>;
  /** The groups' keys in the order a full build plans them (the sitemap's order). */
  order: string[];
  /** /sitemap.xml and its parts. */
  sitemapFiles: readonly string[];
  /** Feed, sitemap, image and redirect files, so that a feed whose term is gone (or a photo no page shows, an old URL no article lists) is deleted. */
  otherFiles: Set<string>;
}

/** The dev server's state between updates (see the top of this file). */
export interface DevState {
  config: SiteConfig;
  cache: ArticleCache;
  manifest: OutputManifest;
  templates: Templates;
  /** The latest read of each article file: its metadata (if it rendered) and its problems. */
  sources: Map<string, { meta?: ArticleMeta; problems: Problem[] }>;
  /** Files whose problems stop the build, with those problems. */
  stopping: Map<string, Problem[]>;
  /** Files changed since the last good update. */
  dirty: Set<string>;
  linkers: Linkers;
  /** Every article of the last good update, by content path (the sources may have moved on since). */
  goodMetas: Map<string, ArticleMeta>;
  /** The pages of every group of the last good update (good.pagesByGroup), changed in place on commit. */
  pageLists: Map<string, WrittenPage[]>;
  good: GoodSite;
  /** The images of the last good update, and the image cache that updates process into. */
  images: SiteImages;
  imageStore: ImageStore;
}

/** Would a file's problems stop a build (an error, or under --strict anything but nothing)? */
export function stops(problems: readonly Problem[], strict: boolean): boolean {
  return strict ? problems.length > 0 : problems.some(isError);
}

/** What an update's transaction reads and writes through besides the site: the config, templates and stores. */
export function storesOf(state: DevState): Pick<OutputContextInput, 'config' | 'templates' | 'cache' | 'manifest' | 'progress'> {
  return { config: state.config, templates: state.templates, cache: state.cache, manifest: state.manifest, progress: noProgress };
}

/** Note which files the feeds, sitemaps and images have now (sitemap files only when they were written or kept). */
export function rememberOtherFiles(good: GoodSite, outputs: WrittenOutputs): void {
  const files = (name: Parameters<typeof outputs.files.get>[0]) => outputs.files.get(name) ?? [];
  good.sitemapFiles = files('sitemaps');
  // Image variants too: one no page shows any more (a replaced photo's) is deleted by the next update.
  good.otherFiles = new Set([...files('feeds'), ...files('sitemaps'), ...files('news-sitemap'), ...files('images'), ...files('redirects')]);
}
