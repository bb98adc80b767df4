// What one article shows of its images, made from a small record of its uses: for each, the
// source (its paths, its bytes' hash, its size and format) and how the article uses it (lead or
// body image, alt text, focal point). Everything else (the variants, their files and sizes, the
// <picture> markup, the crops, the feed's image) follows from the record, the image settings and
// the image store's index, without reading an image. The image stage records each article's uses;
// a saved site state keeps only the records (~300 bytes an article, against ~10 KB for what they
// make), and an article's images are made from its record when a page or feed first asks.

import path from 'node:path';
import type { ImageFile, ImageFocus, PageImages } from '../types/index.js';
import { defaultVariant, pictureMarkup, plainImageMarkup, remoteImageMarkup } from './markup.js';
import { cropFiles, cropVariants, fileStem, srcsetVariants, type LeadCrops, type Variant } from './plan.js';
import { FORMAT_FILES, type ImageSettings } from './settings.js';
import type { SourceInfo, StoredVariant } from './store.js';

/** A variant file of the output, and where its bytes are in the store. */
export interface OutputImage {
  file: string;
  key: string;
  stored: string;
}

/** What a feed entry shows of an article's images. */
export interface FeedImages {
  /** The lead image's default variant: the enclosure. */
  image?: ImageFile;
  /** Plain sized <img> markup for each body image (feed readers ignore <picture>). */
  body: Array<string | null>;
}

/** One article's images: what its page and feed entries show (the output files they need: articleFiles). */
export interface ArticleImages {
  page: PageImages;
  /** A local lead image's 16:9 teaser set (every format and width), for list pages that show photos. */
  teaser?: ImageFile[];
  feed: FeedImages;
}

/** A use of a local image whose variants were made: the source and how the article shows it. */
export interface LocalUse {
  /** The source's real path, and its path from the site root as the user knows it. */
  real: string;
  shown: string;
  hash: string;
  info: SourceInfo;
  /** 'lead', or the body image's index in the article's images. */
  index: 'lead' | number;
  alt: string;
  focus?: ImageFocus;
}

/** A remote lead image: shown as written. */
export interface RemoteLead {
  url: string;
  alt: string;
}

/** An article's image uses (plain data: a saved site state holds it). */
export interface ImageRecord {
  /** How many body images the article has (those not in `uses` stay as the article wrote them). */
  bodyImages: number;
  uses: Array<LocalUse | RemoteLead>;
}

/** What making images from records needs besides them: the settings, the site's paths and the image store's index. */
export interface ImageDeriving {
  settings: ImageSettings;
  basePath: string;
  root: string;
  /** The stored variant with a key, if the store has it. */
  stored(key: string): StoredVariant | undefined;
  /** The absolute path of a stored variant. */
  pathOf(stored: StoredVariant): string;
}

/** Is `use` a local image's? */
export function isLocal(use: LocalUse | RemoteLead): use is LocalUse {
  return 'real' in use;
}

/**
 * The image files `record` shows (absolute paths, real and as written: a file may come twice),
 * each with the sha256 of the bytes its images were made from.
 */
export function sourcesOf(record: ImageRecord, root: string): Array<[file: string, hash: string]> {
  return record.uses.filter(isLocal).flatMap((use): Array<[string, string]> => [[use.real, use.hash], [path.resolve(root, use.shown), use.hash]]);
}

/** What an article with `record` shows (see the top of this file). */
export function articleImages(record: ImageRecord, deriving: ImageDeriving): ArticleImages {
  const { basePath } = deriving;
  const images: ArticleImages = { page: { body: new Array(record.bodyImages).fill(null), crops: [] }, feed: { body: new Array(record.bodyImages).fill(null) } };
  // The stored sizes (just these fields: a StoredVariant's `file` is its name in the store).
  const size = (variant: Variant) => {
    const stored = deriving.stored(variant.key);
    return { width: stored?.width ?? variant.width, height: stored?.height ?? variant.height, bytes: stored?.bytes ?? 0 };
  };
  const fileOf = (variant: Variant): ImageFile => ({ url: `/${variant.file}`, type: FORMAT_FILES[variant.format].type, ...size(variant) });
  for (const use of record.uses) {
    if (!isLocal(use)) {
      images.page.lead = remoteImageMarkup(use.url, use.alt, true);
      continue;
    }
    const { srcset, crops: crop } = variantsOf(use, deriving.settings);
    const sized = srcset.map((variant) => ({ ...variant, ...size(variant) }));
    const original = defaultVariant(sized.filter((variant) => variant.format === sized[sized.length - 1]!.format));
    if (crop) {
      images.page.lead = pictureMarkup(sized, use.alt, true, basePath);
      images.page.crops = crop.article.map(fileOf);
      images.page.social = fileOf(crop.social);
      images.teaser = crop.teaser.map(fileOf);
      images.feed.image = fileOf(original);
    } else if (use.index !== 'lead') {
      images.page.body[use.index] = pictureMarkup(sized, use.alt, false, basePath);
      images.feed.body[use.index] = plainImageMarkup(fileOf(original), use.alt, basePath);
    }
  }
  return images;
}

/**
 * The output files an article with `record` shows: each photo's sizes and, for a lead photo, its
 * crops and teaser set, those the image store has. Made when they are written, not kept with
 * what pages show (they are ~half of it, and a first build holds every article's).
 */
export function articleFiles(record: ImageRecord, deriving: ImageDeriving): OutputImage[] {
  const files: OutputImage[] = [];
  const output = (variants: readonly Variant[]) => {
    for (const variant of variants) {
      const stored = deriving.stored(variant.key);
      if (stored) files.push({ file: variant.file, key: variant.key, stored: deriving.pathOf(stored) });
    }
  };
  for (const use of record.uses) {
    if (!isLocal(use)) continue;
    const { srcset, crops } = variantsOf(use, deriving.settings);
    output(crops ? [...srcset, ...cropFiles(crops)] : srcset);
  }
  return files;
}

/** A local use's variants, as the image stage plans them: the srcset, and a lead's crops. */
function variantsOf(use: LocalUse, settings: ImageSettings): { srcset: Variant[]; crops?: LeadCrops } {
  const planned = { hash: use.hash, name: fileStem(use.shown), info: use.info };
  return { srcset: srcsetVariants(planned, settings), crops: use.index === 'lead' ? cropVariants(planned, settings, use.focus) : undefined };
}
