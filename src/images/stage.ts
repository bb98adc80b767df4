// The image stage of a build, between the site model and the pages: find every image the
// published articles show (references.ts), load each source once (sources.ts), plan its variants
// (plan.ts), make the ones the store lacks (process.ts, in parallel, bounded), and answer what each
// article page and feed shows (SiteImages). A broken image becomes a problem at its reference,
// never a crash; the build decides whether problems stop it.

import type { SiteConfig } from '../config.js';
import { problem, type Problem } from '../problems/index.js';
import type { ArticleMeta } from '../types/index.js';
import type { ImageDeriving, ImageRecord } from './article-images.js';
import { cropFiles, cropVariants, fileStem, srcsetVariants, type LeadCrops, type Variant } from './plan.js';
import { runBounded } from '../bounded-tasks.js';
import { holdPoint } from '../write/failpoints.js';
import { IMAGES_IN_FLIGHT, makeVariant, useImageProcess } from './process.js';
import { collectReferences, type ImageUse } from './references.js';
import { SiteImages } from './site-images.js';
import { resolveContext } from './resolve.js';
import { FORMAT_FILES, imageSettings, type ImageSettings } from './settings.js';
import { causeOf, loadSource, type LoadedSource, type SourceFailure } from './sources.js';
import type { ImageStore, StoredVariant } from './store.js';

/** Sources loaded at once: loading is a stat (warm) or a read and a header probe (cold), I/O-bound, so more than the photos made at once. */
export const SOURCES_LOADING = 8;

/** The image stage's result: the answers, the problems, and how many sources had variants made. */
export interface PreparedImages {
  images: SiteImages;
  problems: Problem[];
  /** Source images of which at least one variant was made (0 on a warm build of unchanged images). */
  processed: number;
  /** Distinct local source images shown. */
  sources: number;
}

/** Run the image stage for the published `articles` (see the top of this file). */
export async function prepareImages(config: SiteConfig, articles: readonly ArticleMeta[], store: ImageStore): Promise<PreparedImages> {
  const references = collectReferences(articles, resolveContext(config));
  const problems = references.problems;
  const records = new Records();
  for (const { use, url } of references.remote) {
    if (use.index === 'lead') records.of(use.article).uses.push({ url, alt: use.alt });
  }
  const loaded: LoadedSource[] = [];
  const settings = imageSettings(config);
  const release = useImageProcess();
  let made: MadeVariants;
  try {
    await runBounded(
      [...references.sources.values()].map((uses) => async () => {
        const source = await loadSource(uses, store);
        if ('code' in source) for (const use of uses.uses) problems.push(sourceProblem(source, use));
        else loaded.push(source);
      }),
      SOURCES_LOADING,
    );
    loaded.sort((a, b) => (a.uses.real < b.uses.real ? -1 : 1));
    await holdPoint('images');
    made = await makeVariants(loaded, settings, store);
  } finally {
    await release();
  }
  for (const plan of made.planned) {
    const cause = made.failed.get(plan.source);
    if (cause === undefined) {
      records.add(plan);
      continue;
    }
    for (const use of plan.source.uses.uses) {
      problems.push(problem('image-unreadable', use.article.file, use.at, { reference: use.reference, lead: use.index === 'lead', file: plan.source.uses.shown, cause }));
    }
  }
  return { images: new SiteImages(records.byArticle, imageDeriving(config, store)), problems, processed: made.processed, sources: references.sources.size };
}

/** What making an article's images from its record needs: the settings, the site's paths, the store's index. */
export function imageDeriving(config: Pick<SiteConfig, 'basePath' | 'root' | 'images'>, store: ImageStore): ImageDeriving {
  return { settings: imageSettings(config), basePath: config.basePath, root: config.root, stored: (key) => store.known(key), pathOf: (stored) => store.pathOf(stored) };
}

/** A source's variants: its srcset, and the crops (teaser included) of each focal point its lead uses ask for. */
interface SourcePlan {
  source: LoadedSource;
  srcset: Variant[];
  crops: Map<string, LeadCrops>;
}

/** What making the variants did: each variant as stored by key, failed sources with the cause. */
interface MadeVariants {
  planned: SourcePlan[];
  sizes: Map<string, StoredVariant>;
  failed: Map<LoadedSource, string>;
  processed: number;
}

/**
 * Plan every source's variants and make those the store lacks, at most IMAGES_IN_FLIGHT at once. A
 * source's bytes are read for its first variant made and dropped after its last. Copies of one
 * photo at several paths have the same variant keys: each variant is made once, by the first
 * source that needs it, and the others take it from there (or its failure).
 */
async function makeVariants(loaded: readonly LoadedSource[], settings: ImageSettings, store: ImageStore): Promise<MadeVariants> {
  const made: MadeVariants = { planned: [], sizes: new Map(), failed: new Map(), processed: 0 };
  const keep = (variant: Variant, stored: StoredVariant) => made.sizes.set(variant.key, stored);
  const tasks: Array<() => Promise<void>> = [];
  // The source making each missing variant, and the variants other sources take from it.
  const maker = new Map<string, LoadedSource>();
  const copies: Array<{ variant: Variant; source: LoadedSource }> = [];
  for (const source of loaded) {
    const plannedSource = { hash: source.hash, name: fileStem(source.uses.shown), info: source.info };
    const crops = new Map<string, LeadCrops>();
    for (const use of source.uses.uses) {
      if (use.index === 'lead') crops.set(focusKey(use), cropVariants(plannedSource, settings, use.focus));
    }
    const plan = { source, srcset: srcsetVariants(plannedSource, settings), crops };
    made.planned.push(plan);
    const missing: Variant[] = [];
    for (const variant of variantsOf(plan)) {
      const stored = await store.variant(variant.key);
      if (stored) keep(variant, stored);
      else if (maker.has(variant.key)) copies.push({ variant, source });
      else {
        maker.set(variant.key, source);
        missing.push(variant);
      }
    }
    if (missing.length === 0) continue;
    made.processed++;
    let left = missing.length;
    for (const variant of missing) {
      tasks.push(async () => {
        try {
          if (made.failed.has(source)) return;
          const result = await makeVariant(await source.bytes(), variant);
          keep(variant, await store.put(variant.key, FORMAT_FILES[variant.format].extension, result.data, result));
        } catch (error) {
          made.failed.set(source, causeOf(error));
        } finally {
          if (--left === 0) source.release();
        }
      });
    }
  }
  await runBounded(tasks, IMAGES_IN_FLIGHT);
  for (const { variant, source } of copies) {
    const stored = made.sizes.get(variant.key);
    if (stored) keep(variant, stored);
    else if (!made.failed.has(source)) made.failed.set(source, made.failed.get(maker.get(variant.key)!) ?? 'the image process stopped');
  }
  return made;
}

function variantsOf(plan: SourcePlan): Variant[] {
  return [...plan.srcset, ...[...plan.crops.values()].flatMap(cropFiles)];
}

/** Each article's image uses (its record), filled source by source. */
class Records {
  readonly byArticle = new Map<string, ImageRecord>();

  /** An article's record, made empty on first use. */
  of(article: ArticleMeta): ImageRecord {
    let record = this.byArticle.get(article.contentPath);
    if (!record) {
      record = { bodyImages: article.images.length, uses: [] };
      this.byArticle.set(article.contentPath, record);
    }
    return record;
  }

  /** Every use of a processed source. */
  add(plan: SourcePlan): void {
    const { uses, hash, info } = plan.source;
    for (const use of uses.uses) {
      this.of(use.article).uses.push({ real: uses.real, shown: uses.shown, hash, info, index: use.index, alt: use.alt, ...(use.focus && { focus: use.focus }) });
    }
  }
}

function sourceProblem(failure: SourceFailure, use: ImageUse): Problem {
  const at = { reference: use.reference, lead: use.index === 'lead' };
  return failure.code === 'image-too-large'
    ? problem('image-too-large', use.article.file, use.at, { ...failure.facts, ...at })
    : problem('image-unreadable', use.article.file, use.at, { ...failure.facts, ...at });
}

function focusKey(use: ImageUse): string {
  return use.focus ? `${use.focus.x},${use.focus.y}` : 'centre';
}
