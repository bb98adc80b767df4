// What sharp does for Broadsheet: read an image's header, and make one variant. It runs in the
// image process (image-process.ts), or here when that cannot start. sharp's async API runs each
// pipeline on libuv's thread pool; libvips is given one thread per pipeline (sharp.concurrency).
// Every pipeline applies the EXIF orientation and writes no metadata (sharp strips EXIF, GPS, XMP
// and ICC unless asked to keep them; colours are converted to sRGB first).

import type sharpModule from 'sharp';
import { ENCODERS, MAX_INPUT_PIXELS } from './settings.js';
import type { Variant } from './plan.js';
import type { SourceInfo } from './store.js';

/** One variant's encoded bytes and its exact size. */
export interface MadeVariant {
  data: Uint8Array;
  width: number;
  height: number;
}

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

/** What a source is, from its header (no decoding); throws on a file that is not an image. */
export async function probeWithSharp(bytes: Uint8Array): Promise<SourceInfo> {
  const sharp = await loadSharp();
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  if (!meta.width || !meta.height || !meta.format) throw new Error('no image size in the file');
  // EXIF orientations 5 to 8 turn the picture a quarter: its width is the file's height.
  const turned = (meta.orientation ?? 1) >= 5;
  return { width: turned ? meta.height : meta.width, height: turned ? meta.width : meta.height, format: meta.format };
}

/** Encode one variant of `bytes`; rejects (never crashes) on a damaged file. */
export async function variantWithSharp(bytes: Uint8Array, variant: Variant): Promise<MadeVariant> {
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
