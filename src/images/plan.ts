// Which variants a source image gets, as pure data: the responsive widths in AVIF, WebP and the
// source's own format (never wider than the source: nothing is enlarged), and, for a lead image,
// the crops search engines and social networks show and the 16:9 teaser set list pages show, all
// centred on its focal point. Each variant has
// its cache key and its file in the output: images/<folder>/<name>-<width>.<ext>, the folder
// naming the source's bytes and the settings (settings.ts variantFolder).

import type { ImageFocus } from '../types/index.js';
import { ARTICLE_CROPS, FORMAT_FILES, ORIGINAL_FORMATS, SOCIAL_CROP, TEASER_RATIO, TEASER_WIDTHS, variantFolder, variantKey, type CropSpec, type ImageSettings, type OutputFormat } from './settings.js';
import type { SourceInfo } from './store.js';

/** A source to plan for: the hash of its bytes, a name for its files, what it is. */
export interface PlannedSource {
  hash: string;
  /** A file-name-safe stem: "medeu-rink". */
  name: string;
  info: SourceInfo;
}

/** The part of the source a crop keeps, in the oriented source's pixels. */
export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One file made of a source. `width` and `height` are the file's pixel size. */
export interface Variant {
  key: string;
  /** Path in the output folder. */
  file: string;
  format: OutputFormat;
  width: number;
  height: number;
  /** A crop: the region cut out, then scaled to exactly width × height. */
  region?: Region;
}

/** The formats of every srcset, in the order <picture> lists them (the browser takes the first it knows). */
export function formatsOf(info: SourceInfo): OutputFormat[] {
  const original = ORIGINAL_FORMATS[info.format] ?? 'jpeg';
  return [...new Set<OutputFormat>(['avif', 'webp', original])];
}

/** The srcset variants of a source: each width of `settings` it is at least as wide as (else its own width), in each format. */
export function srcsetVariants(source: PlannedSource, settings: ImageSettings): Variant[] {
  const { width, height } = source.info;
  const fitting = settings.widths.filter((candidate) => candidate <= width);
  const widths = fitting.length > 0 ? fitting : [width];
  const folder = variantFolder(source.hash, settings);
  const variants: Variant[] = [];
  for (const format of formatsOf(source.info)) {
    for (const w of widths) {
      const h = Math.max(1, Math.round((w * height) / width));
      variants.push({ key: variantKey(source.hash, { format, width: w }), file: `images/${folder}/${source.name}-${w}.${FORMAT_FILES[format].extension}`, format, width: w, height: h });
    }
  }
  return variants;
}

/** A lead image's crops for one focal point (see cropVariants). */
export interface LeadCrops {
  /** NewsArticle JSON-LD: 16:9, 4:3 and 1:1, JPEG. */
  article: Variant[];
  /** og:image: 1,200 × 630, JPEG. */
  social: Variant;
  /** The teaser: 16:9 at each TEASER_WIDTHS width the crop holds (else its own width), in each srcset format. */
  teaser: Variant[];
}

/** Every file of a lead image's crops: the article's, the social card and the teaser set. */
export function cropFiles(crops: LeadCrops): Variant[] {
  return [...crops.article, crops.social, ...crops.teaser];
}

/** The lead image's crops (see LeadCrops), centred on `focus`. */
export function cropVariants(source: PlannedSource, settings: ImageSettings, focus: ImageFocus | undefined): LeadCrops {
  const folder = variantFolder(source.hash, settings);
  const centre = focus ?? { x: 0.5, y: 0.5 };
  // A focal point other than the centre changes the crops' bytes, so it is in their names too.
  const suffix = focus && (focus.x !== 0.5 || focus.y !== 0.5) ? `-at${Math.round(focus.x * 100)}-${Math.round(focus.y * 100)}` : '';
  const make = (crop: CropSpec): Variant => {
    const region = cropRegion(source.info, crop, centre);
    return {
      key: variantKey(source.hash, { format: 'jpeg', crop, region }),
      file: `images/${folder}/${source.name}-${crop.name}${suffix}.jpg`,
      format: 'jpeg',
      width: crop.width,
      height: crop.height,
      region,
    };
  };
  const region = cropRegion(source.info, TEASER_RATIO, centre);
  const fitting = TEASER_WIDTHS.filter((width) => width <= region.width);
  const widths = fitting.length > 0 ? fitting : [region.width];
  const teaser: Variant[] = [];
  for (const format of formatsOf(source.info)) {
    for (const width of widths) {
      const height = Math.max(1, Math.round((width * TEASER_RATIO.height) / TEASER_RATIO.width));
      const file = `images/${folder}/${source.name}-16x9-${width}${suffix}.${FORMAT_FILES[format].extension}`;
      teaser.push({ key: variantKey(source.hash, { format, teaser: { width, height }, region }), file, format, width, height, region });
    }
  }
  return { article: ARTICLE_CROPS.map(make), social: make(SOCIAL_CROP), teaser };
}

/**
 * The largest region of the crop's shape the source holds, centred on the focal point as nearly
 * as the edges allow.
 */
export function cropRegion(info: Pick<SourceInfo, 'width' | 'height'>, crop: Pick<CropSpec, 'width' | 'height'>, focus: ImageFocus): Region {
  const ratio = crop.width / crop.height;
  const wide = info.width / info.height > ratio;
  const width = Math.max(1, wide ? Math.round(info.height * ratio) : info.width);
  const height = Math.max(1, wide ? info.height : Math.round(info.width / ratio));
  const place = (centre: number, size: number, whole: number) => Math.min(Math.max(0, Math.round(centre * whole - size / 2)), whole - size);
  return { left: place(focus.x, width, info.width), top: place(focus.y, height, info.height), width, height };
}

/** A file-name stem from a source file name: lowercase letters, digits and dashes ("Medeu Rink.JPG" -> "medeu-rink"). */
export function fileStem(file: string): string {
  const base = file.split('/').pop() ?? 'image';
  const stem = base.replace(/\.[^.]*$/, '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return stem || 'image';
}
