// `node --import tsx scripts/favicon.ts` redraws the default theme's templates/assets/favicon.ico
// from templates/assets/favicon.svg: chromium (the browser tests', scripts/chromium.ts) renders the
// SVG at 16, 32 and 48 pixels, and each PNG goes into one ICO file as it is (a PNG inside an ICO
// container is valid since Windows Vista, and every browser reads it). Run once after changing
// the SVG; the .ico is committed, so builds need no browser.

import { readFileSync, writeFileSync } from 'node:fs';
import { launchChromium } from './chromium.js';

const SVG = new URL('../templates/assets/favicon.svg', import.meta.url);
const ICO = new URL('../templates/assets/favicon.ico', import.meta.url);
const SIZES = [16, 32, 48];

const svg = readFileSync(SVG, 'utf8');
const browser = await launchChromium();
const pngs: Buffer[] = [];
try {
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    pngs.push(await page.locator('svg').screenshot({ omitBackground: true, type: 'png' }));
  }
} finally {
  await browser.close();
}

// ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then the images.
const header = Buffer.alloc(6 + 16 * pngs.length);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // 1: icon
header.writeUInt16LE(pngs.length, 4);
let offset = header.length;
pngs.forEach((png, i) => {
  const entry = 6 + 16 * i;
  header.writeUInt8(SIZES[i]! % 256, entry); // width (0 would mean 256)
  header.writeUInt8(SIZES[i]! % 256, entry + 1); // height
  header.writeUInt8(0, entry + 2); // colours in the palette: none
  header.writeUInt8(0, entry + 3); // reserved
  header.writeUInt16LE(1, entry + 4); // colour planes
  header.writeUInt16LE(32, entry + 6); // bits per pixel
  header.writeUInt32LE(png.length, entry + 8);
  header.writeUInt32LE(offset, entry + 12);
  offset += png.length;
});
writeFileSync(ICO, Buffer.concat([header, ...pngs]));
console.log(`${ICO.pathname}: ${offset} bytes, ${SIZES.join(', ')} px`);
