// The site as the last good build or update wrote it, with the stores it wrote through: where the
// incremental path (pipeline/update.ts) starts. A build hands it to the dev server (keepState),
// which changes it update by update; a build saves it in the cache (saved-state.ts), and the next
// build starts from it when only articles changed. Nothing here plans the site again.

import type { SiteConfig } from '../config.js';
import type { SiteImages } from '../images/site-images.js';
import type { ImageStore } from '../images/store.js';
import type { Templates } from '../pages/templates.js';
import { siteGlobals } from '../pages/render-page.js';
import type { Problem } from '../problems/index.js';
import type { ArticleCache } from '../render/cache.js';
import type { ArticleMeta, PageGroup, PageSpec, Site, WrittenPage } from '../types/index.js';
import { fingerprint } from '../write/fingerprint.js';
import { type OutputManifest } from '../write/manifest.js';
import { linkersOf, type Linkers } from './linkers.js';
import { writtenPage } from './pages.js';
import type { OutputName } from './outputs.js';

/** Each page group's pages as written, and the groups in plan order (the sitemap's order). */
export interface PagePlan {
  byGroup: Map<string, WrittenPage[]>;
  order: string[];
}

/** The stores and templates a build or an update reads and writes through. */
export interface SiteStores {
  config: SiteConfig;
  templates: Templates;
  cache: ArticleCache;
  manifest: OutputManifest;
  imageStore: ImageStore;
}

/** The site as written, with its stores open (see the top of this file). */
export interface SiteState extends SiteStores {
  site: Site;
  /** Every article read (published or not), by content path: what links between articles resolve against. */
  metas: Map<string, ArticleMeta>;
  images: SiteImages;
  pages: PagePlan;
  /** /sitemap.xml and its parts. */
  sitemapFiles: readonly string[];
  /** The feed, sitemap, image and redirect files: one the site no longer has is deleted by the next update. */
  otherFiles: Set<string>;
  /** Which articles link to each content path. */
  linkers: Linkers;
  /** What every page shows of the site (the navigation): when it changes, every page is built again. */
  globalsPrint: string;
  /**
   * Warnings of the stages after collecting (model, images, outputs, links): each build reports
   * them again, and an update replaces the changed articles' own.
   */
  laterWarnings: Problem[];
}

/** The files of the outputs beside the pages, as writeOutputs reports them. */
export type OutputFiles = Pick<ReadonlyMap<OutputName, readonly string[]>, 'get'>;

/** The state of a site just written whole: its stores, model, articles, images, page plan and other outputs' files. */
export function siteState(
  stores: SiteStores,
  written: { site: Site; articles: readonly ArticleMeta[]; images: SiteImages; pages: PagePlan; outputFiles: OutputFiles; laterWarnings: Problem[] },
): SiteState {
  const { site, articles, images, pages } = written;
  return {
    ...stores,
    site,
    metas: new Map(articles.map((meta) => [meta.contentPath, meta])),
    images,
    pages,
    ...otherFilesOf(written.outputFiles),
    linkers: linkersOf(articles),
    globalsPrint: globalsPrintOf(site, stores.config),
    laterWarnings: written.laterWarnings,
  };
}

/**
 * The sitemap files, and every file of the feeds, sitemaps and redirect pages: those an update
 * deletes when it does not write them again. Image variants are not among them: an update deletes
 * those of the photos its articles no longer show (SiteImages.filesDropped) and leaves the rest.
 */
export function otherFilesOf(outputFiles: OutputFiles): Pick<SiteState, 'sitemapFiles' | 'otherFiles'> {
  const files = (name: OutputName) => outputFiles.get(name) ?? [];
  // Redirect pages too: an old URL no article lists any more is deleted by the next update.
  return { sitemapFiles: files('sitemaps'), otherFiles: new Set([...files('feeds'), ...files('sitemaps'), ...files('news-sitemap'), ...files('redirects')]) };
}

/** The fingerprint of what every page shows of the site. */
export function globalsPrintOf(site: Site, config: SiteConfig): string {
  return fingerprint(siteGlobals(site, config));
}

/** How many pages the site has. */
export function pageCount(state: Pick<SiteState, 'pages'>): number {
  let count = 0;
  for (const pages of state.pages.byGroup.values()) count += pages.length;
  return count;
}

/** Every page of the groups in `order` (a plan's order), each group's pages from `byGroup`. */
export function* allPages(order: readonly string[], byGroup: Pick<ReadonlyMap<string, WrittenPage[]>, 'get'>): Generator<WrittenPage> {
  for (const key of order) yield* byGroup.get(key) ?? [];
}

/**
 * The pages of `groups` (a full plan, in order), recording each group's pages into `plan` as they
 * are planned. May be iterated more than once (the page output plans twice, the second time only
 * as far as it needs): a pass that goes to the end replaces the record.
 */
export function recordingPlan(groups: () => Iterable<PageGroup>, plan: PagePlan): () => Iterable<PageSpec> {
  return function* () {
    const byGroup = new Map<string, WrittenPage[]>();
    const order: string[] = [];
    for (const group of groups()) {
      const pages: WrittenPage[] = [];
      order.push(group.key);
      byGroup.set(group.key, pages);
      for (const spec of group.pages()) {
        pages.push(writtenPage(spec));
        yield spec;
      }
    }
    plan.byGroup = byGroup;
    plan.order = order;
  };
}

/** Close the state's stores (a temporary store, made for --no-cache, is removed). */
export async function closeState(state: Pick<SiteStores, 'cache' | 'imageStore'>): Promise<void> {
  await state.cache.dispose();
  await state.imageStore.dispose();
}
