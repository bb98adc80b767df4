// Test helper: real images, generated with sharp, small and fast to process.

import sharp from 'sharp';

/** A `width` × `height` photo (a blue field with a red-to-green gradient over its top half), as JPEG or PNG bytes. */
export async function photo(width: number, height: number, format: 'jpeg' | 'png' = 'jpeg'): Promise<Buffer> {
  const base = sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } });
  const gradient = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="#c33"/><stop offset="1" stop-color="#3c3"/></linearGradient></defs><rect width="${width}" height="${Math.ceil(height / 2)}" fill="url(#g)"/></svg>`,
  );
  const composed = base.composite([{ input: gradient }]);
  return format === 'png' ? composed.png().toBuffer() : composed.jpeg().toBuffer();
}
