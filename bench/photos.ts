// Lead photos for the bench corpus (`--photos N`): JPEGs that compress like photographs (blurred
// noise), of several sizes and shapes, each with different bytes so no two share a cache entry or
// a variant. Each is cut from one shared canvas and numbered in its corner, which keeps making
// thousands of them quick.

import sharp from 'sharp';

const CANVAS = { width: 2400, height: 1800 };
/** Height / width of the photos, in turn: 3:2, 4:3, 16:9. */
const SHAPES = [0.667, 0.75, 0.5625];
/** Side of one square of the number stamped into a photo's top-left corner, in pixels. */
const BIT = 8;

/** A function making photo number `index` as JPEG bytes (1,200–2,400 px wide); the same index gives the same bytes. */
export async function photoMaker(): Promise<(index: number) => Promise<Buffer>> {
  const canvas = await sharp({ create: { ...CANVAS, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .blur(2)
    .raw()
    .toBuffer();
  return async (index) => {
    const width = 1200 + ((index * 701) % 1201);
    const height = Math.round(width * SHAPES[index % SHAPES.length]!);
    const left = (index * 97) % (CANVAS.width - width + 1);
    const top = (index * 61) % (CANVAS.height - height + 1);
    const pixels = Buffer.alloc(width * height * 3);
    for (let row = 0; row < height; row++) canvas.copy(pixels, row * width * 3, ((top + row) * CANVAS.width + left) * 3, ((top + row) * CANVAS.width + left + width) * 3);
    // The index in binary, one black or white square a bit: photos cut from the same place differ.
    for (let bit = 0; bit < 32; bit++) {
      const value = (index >>> bit) & 1 ? 255 : 0;
      for (let y = 0; y < BIT; y++) pixels.fill(value, (y * width + bit * BIT) * 3, (y * width + (bit + 1) * BIT) * 3);
    }
    return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
  };
}
