// What image processing produces, in one place: the responsive widths (from the config), the
// formats and their encoder settings, the crops for search engines and social cards, and the
// limits that keep a hostile or oversized file from exhausting the machine. Everything here is
// part of a variant's cache key (variantKey), so changing a figure re-makes the variants it affects.

import { createHash } from 'node:crypto';
import type { SiteConfig } from '../config.js';

/**
 * The largest image decoded, in pixels: 50 megapixels (a 45 MP camera's frames fit; a 100 MP
 * medium-format frame is refused with image-too-large). Decoded, such an image is at most
 * 50 M × 4 bytes = 200 MB, and at most IMAGES_IN_FLIGHT are decoded at once.
 */
export const MAX_INPUT_PIXELS = 50_000_000;

/** Largest image file read, in bytes: a runaway file is refused before it is read into memory. */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

/** The formats a source may have (sharp's names) and what each becomes as the "original" format. */
export const ORIGINAL_FORMATS: Readonly<Record<string, OutputFormat>> = {
  jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'avif', heif: 'avif', gif: 'png', tiff: 'jpeg',
};

/** An output format. */
export type OutputFormat = 'avif' | 'webp' | 'jpeg' | 'png';

/** File extension and MIME type of each output format. */
export const FORMAT_FILES: Readonly<Record<OutputFormat, { extension: string; type: string }>> = {
  avif: { extension: 'avif', type: 'image/avif' },
  webp: { extension: 'webp', type: 'image/webp' },
  jpeg: { extension: 'jpg', type: 'image/jpeg' },
  png: { extension: 'png', type: 'image/png' },
};

/**
 * Encoder settings: AVIF at effort 2 (effort 4, libvips' default, took 7 × as long for 1 % fewer
 * bytes on a 1,600-px photo), quality chosen so the three formats look alike at a glance.
 */
export const ENCODERS: Readonly<Record<OutputFormat, Record<string, number | boolean>>> = {
  avif: { quality: 50, effort: 2 },
  webp: { quality: 75 },
  jpeg: { quality: 78, progressive: true },
  png: { compressionLevel: 9 },
};

/** A crop: its name in file names and its size in pixels. */
export interface CropSpec {
  name: string;
  width: number;
  height: number;
}

/** NewsArticle JSON-LD `image`: Google asks for 16:9, 4:3 and 1:1, at least 1,200 px wide (1:1: 1,200 × 1,200). */
export const ARTICLE_CROPS: readonly CropSpec[] = [
  { name: '16x9', width: 1200, height: 675 },
  { name: '4x3', width: 1200, height: 900 },
  { name: '1x1', width: 1200, height: 1200 },
];

/** og:image and twitter:image: the 1,200 × 630 card every network shows uncropped. */
export const SOCIAL_CROP: CropSpec = { name: 'og', width: 1200, height: 630 };

/**
 * The teaser: a lead image cut to 16:9 around its focal point, at these widths in every srcset
 * format, for pages that show an article's photo beside its headline (the front page's lead, its
 * top stories and its cards' thumbnails). One set serves every size: each `<img>` says how wide
 * it is shown (`sizes`) and the browser picks the width. 320 covers a thumbnail on a
 * three-times-dense phone screen, 1,280 the lead on a two-times-dense desktop one.
 */
export const TEASER_WIDTHS: readonly number[] = [320, 640, 960, 1280];

/** The teaser's shape. */
export const TEASER_RATIO = { width: 16, height: 9 } as const;

/** The `sizes` of every srcset: the article column (--measure, 42rem) or the viewport, whichever is narrower. */
export const SIZES = '(min-width: 42rem) 42rem, 100vw';

/** The width the feeds' enclosure and plain <img> fallbacks use (or the largest below it). */
export const FEED_WIDTH = 1200;

/** Bump when processing changes in a way the settings above do not show (a new sharp option). */
const PROCESSING_VERSION = 1;

/** What the config decides about images. */
export interface ImageSettings {
  /** Responsive widths, ascending, without repeats. */
  widths: number[];
}

/** The image settings of a config. */
export function imageSettings(config: Pick<SiteConfig, 'images'>): ImageSettings {
  return { widths: [...new Set(config.images.widths)].sort((a, b) => a - b) };
}

/**
 * The cache key of one variant: the source's bytes (by hash), what the variant is (`spec`), and
 * every encoder setting. Equal keys, equal bytes.
 */
export function variantKey(sourceHash: string, spec: object): string {
  return createHash('sha256').update(JSON.stringify([PROCESSING_VERSION, sourceHash, spec, ENCODERS, MAX_INPUT_PIXELS])).digest('hex');
}

/**
 * The folder of a source's variants in the output: ten hex digits of its bytes and the settings,
 * so a changed source or setting gets new URLs and hosts may cache every image forever.
 */
export function variantFolder(sourceHash: string, settings: ImageSettings): string {
  return createHash('sha256').update(JSON.stringify([PROCESSING_VERSION, sourceHash, settings, ENCODERS])).digest('hex').slice(0, 10);
}
