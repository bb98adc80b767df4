// The image stage of a build, between the site model and the pages: find every image the
// published articles show (references.ts), load each source once (sources.ts), plan its variants
// (plan.ts), make the ones the store lacks (process.ts, in parallel, bounded), and answer what each
// article page and feed shows (SiteImages). A broken image becomes a problem at its reference,
// never a crash; the build decides whether problems stop it.

import type { SiteConfig } from '../config.js';
import { problem, type Problem } from '../problems.js';
import path from 'node:path';
import type { ArticleMeta, ImageFile } from '../types.js';
import { defaultVariant, pictureMarkup, plainImageMarkup, remoteImageMarkup } from './markup.js';
import { cropVariants, fileStem, srcsetVariants, type Variant } from './plan.js';
import { makeVariant, runBounded } from './process.js';
import { collectReferences, type ImageUse } from './references.js';
import { SiteImages, type ArticleImages, type OutputImage } from './site-images.js';
import { resolveContext } from './resolve.js';
import { FORMAT_FILES, imageSettings } from './settings.js';
import { causeOf, loadSource, type LoadedSource, type SourceFailure } from './sources.js';
import type { ImageStore } from './store.js';

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
  const settings = imageSettings(config);
  const references = collectReferences(articles, resolveContext(config));
  const problems = references.problems;
  const byArticle = new Map<string, ArticleImages>();
  const files = new Map<string, OutputImage>();
  const entry = (article: ArticleMeta) => {
    let images = byArticle.get(article.contentPath);
    if (!images) {
      images = { page: { body: article.images.map(() => null), crops: [] }, feed: { body: article.images.map(() => null) }, files: [], sources: [] };
      byArticle.set(article.contentPath, images);
    }
    return images;
  };
  for (const { use, url } of references.remote) {
    if (use.index === 'lead') entry(use.article).page.lead = remoteImageMarkup(url, use.alt, true);
  }

  const loaded: LoadedSource[] = [];
  await runBounded(
    [...references.sources.values()].map((uses) => async () => {
      const source = await loadSource(uses, store);
      if ('code' in source) for (const use of uses.uses) problems.push(sourceProblem(source, use));
      else loaded.push(source);
    }),
    8,
  );
  loaded.sort((a, b) => (a.uses.real < b.uses.real ? -1 : 1));

  // Plan every source's variants; make the missing ones, a source's bytes dropped after its last.
  const tasks: Array<() => Promise<void>> = [];
  const planned: Array<{ source: LoadedSource; srcset: Variant[]; crops: Map<string, ReturnType<typeof cropVariants>> }> = [];
  const made = new Map<string, { width: number; height: number; bytes: number }>();
  const failed = new Map<LoadedSource, string>();
  let processed = 0;
  for (const source of loaded) {
    const plannedSource = { hash: source.hash, name: fileStem(source.uses.shown), info: source.info };
    const crops = new Map<string, ReturnType<typeof cropVariants>>();
    for (const use of source.uses.uses) {
      if (use.index === 'lead') crops.set(focusKey(use), cropVariants(plannedSource, settings, use.focus));
    }
    const srcset = srcsetVariants(plannedSource, settings);
    planned.push({ source, srcset, crops });
    const all = [...srcset, ...[...crops.values()].flatMap((crop) => [...crop.article, crop.social])];
    const missing: Variant[] = [];
    for (const variant of all) {
      const stored = await store.variant(variant.key);
      if (stored) {
        made.set(variant.key, stored);
        files.set(variant.file, { file: variant.file, key: variant.key, stored: store.pathOf(stored) });
      } else missing.push(variant);
    }
    if (missing.length === 0) continue;
    processed++;
    let left = missing.length;
    for (const variant of missing) {
      tasks.push(async () => {
        try {
          if (!failed.has(source)) {
            const result = await makeVariant(await source.bytes(), variant);
            const stored = await store.put(variant.key, FORMAT_FILES[variant.format].extension, result.data, result);
            made.set(variant.key, stored);
            files.set(variant.file, { file: variant.file, key: variant.key, stored: store.pathOf(stored) });
          }
        } catch (error) {
          failed.set(source, causeOf(error));
        } finally {
          if (--left === 0) source.release();
        }
      });
    }
  }
  await runBounded(tasks);

  for (const { source, srcset, crops } of planned) {
    const cause = failed.get(source);
    if (cause !== undefined) {
      for (const use of source.uses.uses) {
        problems.push(problem('image-unreadable', use.article.file, use.at, { reference: use.reference, lead: use.index === 'lead', file: source.uses.shown, cause }));
      }
      continue;
    }
    const sized = srcset.map((variant) => ({ ...variant, ...sizeOf(made, variant) }));
    const fileOf = (variant: Variant): ImageFile => ({ url: `/${variant.file}`, type: FORMAT_FILES[variant.format].type, ...sizeOf(made, variant) });
    const original = sized.filter((variant) => variant.format === sized[sized.length - 1]!.format);
    const output = (variants: readonly Variant[]) => variants.map((variant) => files.get(variant.file)).filter((file) => file !== undefined);
    for (const use of source.uses.uses) {
      const images = entry(use.article);
      const { page, feed } = images;
      images.sources.push(source.uses.real, path.resolve(config.root, source.uses.shown));
      images.files.push(...output(srcset));
      if (use.index === 'lead') {
        const crop = crops.get(focusKey(use))!;
        page.lead = pictureMarkup(sized, use.alt, true, config.basePath);
        page.crops = crop.article.map(fileOf);
        page.social = fileOf(crop.social);
        images.files.push(...output([...crop.article, crop.social]));
        feed.image = fileOf(defaultVariant(original));
      } else {
        page.body[use.index] = pictureMarkup(sized, use.alt, false, config.basePath);
        feed.body[use.index] = plainImageMarkup(fileOf(defaultVariant(original)), use.alt, config.basePath);
      }
    }
  }
  return { images: new SiteImages(byArticle), problems, processed, sources: references.sources.size };
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

function sizeOf(made: ReadonlyMap<string, { width: number; height: number; bytes: number }>, variant: Variant): { width: number; height: number; bytes: number } {
  const stored = made.get(variant.key);
  return stored ? { width: stored.width, height: stored.height, bytes: stored.bytes } : { width: variant.width, height: variant.height, bytes: 0 };
}
