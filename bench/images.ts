// `npm run bench -- --images`: the image stage on a synthetic corpus. N articles, each with a lead
// photo generated with sharp (sizes from 1,200 × 800 to 4,000 × 3,000, with noise so they compress
// like photos); a cold build (empty cache) and a warm one (nothing changed), in this process, by
// the compiled build in lib/ (what the CLI runs). Reports the image phase per image for both, and
// the bytes a reader downloads against the originals.

import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { BuildResult } from '../src/build.js';

const COMPILED_BUILD = new URL('../lib/src/build.js', import.meta.url).href;

/** What the image benchmark measured. */
export interface ImageBenchResult {
  images: number;
  /** Wall time of the build's image phase (reading, hashing, processing), in ms. */
  coldMs: number;
  warmMs: number;
  processedCold: number;
  processedWarm: number;
  /** Bytes of the source photos. */
  originalBytes: number;
  /** Bytes of each photo's 1,200-px (or widest below) variant, per format: what one reader downloads. */
  shownBytes: Record<string, number>;
  /** Bytes of every variant file written. */
  variantBytes: number;
}

/** Build an image corpus of `articles` in `work` (replacing it), cold then warm; `log` gets progress lines. */
export async function runImageBench(options: { articles: number; work: string; log: (line: string) => void }): Promise<ImageBenchResult> {
  const { articles, work, log } = options;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, 'content'), { recursive: true });
  writeFileSync(path.join(work, 'site.config.ts'), `export default { title: 'Image bench', baseUrl: 'https://bench.example/' };\n`);
  log(`Generating ${articles} photos...`);
  let originalBytes = 0;
  for (let i = 0; i < articles; i++) {
    const width = 1200 + ((i * 701) % 2801);
    const height = Math.round(width * [0.667, 0.75, 0.5625, 1][i % 4]!);
    const noise = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).blur(2).jpeg({ quality: 90 }).toBuffer();
    const dir = path.join(work, 'content/2025/12', `story-${i}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'photo.jpg'), noise);
    originalBytes += noise.length;
    writeFileSync(path.join(dir, 'index.md'), `---\ntitle: "Story ${i}"\ndate: 2025-12-${String(1 + (i % 28)).padStart(2, '0')} 10:00\nimage: photo.jpg\nimageAlt: A photo\n---\n\nText of story ${i}.\n`);
  }
  const { build } = (await import(COMPILED_BUILD)) as typeof import('../src/build.js');
  const run = async (label: string): Promise<BuildResult> => {
    const result = await build({ root: work, now: Date.parse('2026-01-01'), cache: true });
    log(`${label}: ${result.stats.imagesProcessed} of ${result.stats.images} images processed, build ${(result.stats.milliseconds / 1000).toFixed(2)} s`);
    return result;
  };
  const cold = await run('cold');
  const warm = await run('warm');
  const phase = (result: BuildResult) => result.stats.phases.find((entry) => entry.name === 'Images')?.ms ?? 0;
  return { images: cold.stats.images, coldMs: phase(cold), warmMs: phase(warm), processedCold: cold.stats.imagesProcessed, processedWarm: warm.stats.imagesProcessed, originalBytes, ...outputBytes(path.join(work, 'dist/images')) };
}

function outputBytes(dir: string): Pick<ImageBenchResult, 'shownBytes' | 'variantBytes'> {
  const shownBytes: Record<string, number> = {};
  let variantBytes = 0;
  for (const folder of readdirSync(dir)) {
    const best = new Map<string, { width: number; bytes: number }>();
    for (const name of readdirSync(path.join(dir, folder))) {
      const bytes = statSync(path.join(dir, folder, name)).size;
      variantBytes += bytes;
      const match = /-(\d+)\.(\w+)$/.exec(name);
      if (!match) continue;
      const width = Number(match[1]);
      const format = match[2]!;
      const current = best.get(format);
      if (width <= 1200 && (!current || width > current.width)) best.set(format, { width, bytes });
    }
    for (const [format, { bytes }] of best) shownBytes[format] = (shownBytes[format] ?? 0) + bytes;
  }
  return { shownBytes, variantBytes };
}

/** The result as the lines the bench prints. */
export function formatImageBench(result: ImageBenchResult): string {
  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
  const per = (ms: number) => `${(ms / Math.max(1, result.images)).toFixed(0)} ms`;
  const saved = (bytes: number) => `${mb(bytes)} (${(100 - (100 * bytes) / result.originalBytes).toFixed(0)} % less than the originals)`;
  return [
    `Images: ${result.images} lead photos, ${mb(result.originalBytes)} of originals`,
    `  cold: ${(result.coldMs / 1000).toFixed(2)} s in the image phase, ${per(result.coldMs)} per image (${result.processedCold} processed)`,
    `  warm: ${(result.warmMs / 1000).toFixed(3)} s, ${per(result.warmMs)} per image (${result.processedWarm} processed)`,
    ...Object.entries(result.shownBytes).map(([format, bytes]) => `  a reader's 1,200-px ${format}: ${saved(bytes)}`),
    `  every variant and crop written: ${mb(result.variantBytes)}`,
  ].join('\n');
}
