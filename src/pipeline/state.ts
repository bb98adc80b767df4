// What a build knows of the site it wrote, kept for the incremental path to start from (the dev
// server's updates): the stores it wrote through, still open, the site model and images, each page
// group's pages as written in plan order, and the files of the other outputs. The dev server takes
// it from the build instead of planning the site again or writing an empty commit to learn names.

import type { SiteConfig } from '../config.js';
import type { SiteImages } from '../images/site-images.js';
import type { ImageStore } from '../images/store.js';
import type { Templates } from '../pages/templates.js';
import type { ArticleCache } from '../render/cache.js';
import type { ArticleMeta, PageGroup, PageSpec, Site, WrittenPage } from '../types/index.js';
import type { OutputManifest } from '../write/manifest.js';
import type { OutputName } from './outputs.js';

/** Each page group's pages as written, and the groups in plan order (the sitemap's order). */
export interface PagePlan {
  byGroup: Map<string, WrittenPage[]>;
  order: string[];
}

/** The site a build wrote, with its stores open (see the top of this file). */
export interface SiteState {
  config: SiteConfig;
  templates: Templates;
  cache: ArticleCache;
  manifest: OutputManifest;
  imageStore: ImageStore;
  /** Every article read, published or not, in content-path order. */
  articles: ArticleMeta[];
  site: Site;
  images: SiteImages;
  pages: PagePlan;
  /** The files each output but the pages wrote or kept. */
  outputFiles: ReadonlyMap<OutputName, readonly string[]>;
}

/** What a page list keeps of a page. */
export function writtenPage(spec: PageSpec): WrittenPage {
  return { url: spec.url, lastModified: spec.lastModified, kind: spec.kind };
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
export async function closeState(state: Pick<SiteState, 'cache' | 'imageStore'>): Promise<void> {
  await state.cache.dispose();
  await state.imageStore.dispose();
}
