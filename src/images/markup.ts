// The HTML of a processed image: a <picture> with one <source> per modern format and an <img> of
// the source's own format, every candidate with its width, and the <img> with width and height so
// the page does not shift as it loads. The lead image loads first (fetchpriority high, eager); the
// rest lazily and decoded off the main thread. The same markup, with the `sizes` a page gives, shows
// an article's teaser on list pages (pictureOf). Pure strings: made on the main thread, carried to
// page workers as data.

import { escapeMarkup } from '../escape.js';
import { withBasePath } from '../urls.js';
import type { ImageFile } from '../types/index.js';
import type { Variant } from './plan.js';
import { FEED_WIDTH, FORMAT_FILES, SIZES } from './settings.js';

/** The variant an <img> shows by default and feeds carry: the widest up to FEED_WIDTH, else the narrowest. */
export function defaultVariant<V extends Pick<Variant, 'width'>>(variants: readonly V[]): V {
  const fitting = variants.filter((variant) => variant.width <= FEED_WIDTH);
  const pool = fitting.length > 0 ? fitting : variants;
  return pool.reduce((best, variant) => ((fitting.length > 0 ? variant.width > best.width : variant.width < best.width) ? variant : best));
}

/** A <picture> of `variants` (srcset variants: several formats, several widths), the last format the <img>'s, sized for the article column. */
export function pictureMarkup(variants: readonly Variant[], alt: string, lead: boolean, basePath: string): string {
  const candidates = variants.map((variant) => ({ url: `/${variant.file}`, type: FORMAT_FILES[variant.format].type, width: variant.width, height: variant.height }));
  return pictureOf(candidates, alt, { sizes: SIZES, priority: lead }, basePath);
}

/** One candidate of a srcset: its site path, MIME type and pixel size. */
export type Candidate = Pick<ImageFile, 'url' | 'type' | 'width' | 'height'>;

/** How a <picture> is shown: its `sizes`, and whether it is the page's main image (loaded first) or loaded lazily. */
export interface PictureOptions {
  sizes: string;
  priority: boolean;
}

/**
 * A <picture> of `candidates` (several types, several widths): a <source> per type but the last,
 * in the order given, and an <img> of the last type with the default variant's size.
 */
export function pictureOf(candidates: readonly Candidate[], alt: string, options: PictureOptions, basePath: string): string {
  const types = [...new Set(candidates.map((candidate) => candidate.type))];
  const srcset = (list: readonly Candidate[]) => list.map((candidate) => `${escapeMarkup(withBasePath(basePath, candidate.url))} ${candidate.width}w`).join(', ');
  const sizes = escapeMarkup(options.sizes);
  const sources = types.slice(0, -1).map((type) => `<source type="${type}" srcset="${srcset(candidates.filter((candidate) => candidate.type === type))}" sizes="${sizes}">`);
  const own = candidates.filter((candidate) => candidate.type === types[types.length - 1]);
  const shown = defaultVariant(own);
  const loading = options.priority ? 'fetchpriority="high"' : 'loading="lazy" decoding="async"';
  const img =
    `<img src="${escapeMarkup(withBasePath(basePath, shown.url))}" srcset="${srcset(own)}" sizes="${sizes}" ` +
    `width="${shown.width}" height="${shown.height}" alt="${escapeMarkup(alt)}" ${loading}>`;
  return `<picture>${sources.join('')}${img}</picture>`;
}

/** A plain <img> of one file (feeds, whose readers ignore <picture>), sized. */
export function plainImageMarkup(file: ImageFile, alt: string, basePath: string): string {
  return `<img src="${escapeMarkup(withBasePath(basePath, file.url))}" width="${file.width}" height="${file.height}" alt="${escapeMarkup(alt)}">`;
}

/** A remote image: as written, unsized (it cannot be measured without fetching it). */
export function remoteImageMarkup(url: string, alt: string, lead: boolean): string {
  return `<img src="${escapeMarkup(url)}" alt="${escapeMarkup(alt)}"${lead ? ' fetchpriority="high"' : ' loading="lazy" decoding="async"'}>`;
}
