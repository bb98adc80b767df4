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

/**
 * A JPEG whose frame header (its SOF segment, which is all a reader looks at before decoding)
 * states `width` × `height`, its scan data that of the small picture it was made from: a picture
 * "that large" for checks that must refuse it before decoding, without encoding one.
 */
export function withStatedSize(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  if (out.readUInt16BE(0) !== 0xffd8) throw new Error('not a JPEG: no SOI marker');
  // Segments after SOI: 0xFF, a marker byte, a two-byte length counting itself, the payload.
  for (let at = 2; at + 4 <= out.length; ) {
    if (out[at] !== 0xff) throw new Error(`no JPEG marker at byte ${at}`);
    const marker = out[at + 1]!;
    const length = out.readUInt16BE(at + 2);
    // SOF0-SOF15, but DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      out.writeUInt16BE(height, at + 5);
      out.writeUInt16BE(width, at + 7);
      return out;
    }
    at += 2 + length;
  }
  throw new Error('no SOF segment in the JPEG');
}
