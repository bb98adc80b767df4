// One variant made with sharp, and the bound on how many are made at once. sharp's async API runs
// each pipeline on libuv's thread pool; libvips is given one thread per pipeline (sharp.concurrency)
// and at most IMAGES_IN_FLIGHT pipelines run at once, one per core: the cores stay busy and the
// memory bound is IMAGES_IN_FLIGHT decoded images. Every pipeline applies the EXIF orientation and
// writes no metadata (sharp strips EXIF, GPS, XMP and ICC unless asked to keep them; colours are
// converted to sRGB first).

import { availableParallelism } from 'node:os';
import type sharpModule from 'sharp';
import { ENCODERS, MAX_INPUT_PIXELS } from './settings.js';
import type { Variant } from './plan.js';
import type { SourceInfo } from './store.js';

let loaded: Promise<typeof sharpModule> | undefined;

/** sharp, loaded on first use: its native library costs 0.2-0.4 s of start-up that a build without images (the seed's) never pays. */
function loadSharp(): Promise<typeof sharpModule> {
  loaded ??= import('sharp').then(({ default: sharp }) => {
    sharp.concurrency(1);
    // libvips' operation cache keeps decoded images around for reuse Broadsheet never makes.
    sharp.cache(false);
    return sharp;
  });
  return loaded;
}

/** Pipelines under way at once: one per core. */
export const IMAGES_IN_FLIGHT = Math.max(1, availableParallelism());

/** What a source is, from its header (no decoding); throws on a file that is not an image. */
export async function probeImage(bytes: Uint8Array): Promise<SourceInfo> {
  const sharp = await loadSharp();
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  if (!meta.width || !meta.height || !meta.format) throw new Error('no image size in the file');
  // EXIF orientations 5 to 8 turn the picture a quarter: its width is the file's height.
  const turned = (meta.orientation ?? 1) >= 5;
  return { width: turned ? meta.height : meta.width, height: turned ? meta.width : meta.height, format: meta.format };
}

/** Encode one variant of `bytes`; rejects (never crashes) on a damaged file. */
export async function makeVariant(bytes: Uint8Array, variant: Variant): Promise<{ data: Buffer; width: number; height: number }> {
  const sharp = await loadSharp();
  let image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).autoOrient();
  image = variant.region
    ? image.extract(variant.region).resize(variant.width, variant.height, { fit: 'fill' })
    : image.resize({ width: variant.width, withoutEnlargement: true });
  // JPEG has no transparency: lay a transparent PNG on white rather than on black.
  if (variant.format === 'jpeg') image = image.flatten({ background: '#ffffff' });
  const { data, info } = await image.toFormat(variant.format, ENCODERS[variant.format]).toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
