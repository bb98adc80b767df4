// The HTML of a processed image: a <picture> with one <source> per modern format and an <img> of
// the source's own format, every candidate with its width, and the <img> with width and height so
// the page does not shift as it loads. The lead image loads first (fetchpriority high, eager); the
// rest lazily and decoded off the main thread. Pure strings: made on the main thread, carried to
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

/** A <picture> of `variants` (srcset variants: several formats, several widths), the last format the <img>'s. */
export function pictureMarkup(variants: readonly Variant[], alt: string, lead: boolean, basePath: string): string {
  const formats = [...new Set(variants.map((variant) => variant.format))];
  const srcset = (list: readonly Variant[]) => list.map((variant) => `${escapeMarkup(withBasePath(basePath, `/${variant.file}`))} ${variant.width}w`).join(', ');
  const fallbackFormat = formats[formats.length - 1]!;
  const sources = formats
    .slice(0, -1)
    .map((format) => `<source type="${FORMAT_FILES[format].type}" srcset="${srcset(variants.filter((variant) => variant.format === format))}" sizes="${SIZES}">`);
  const own = variants.filter((variant) => variant.format === fallbackFormat);
  const shown = defaultVariant(own);
  const loading = lead ? 'fetchpriority="high"' : 'loading="lazy" decoding="async"';
  const img =
    `<img src="${escapeMarkup(withBasePath(basePath, `/${shown.file}`))}" srcset="${srcset(own)}" sizes="${SIZES}" ` +
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
