// The seed site with photos, for looking at the theme as a newsroom's site would look: a copy of
// content/ and site.config.ts in which most articles have a lead photo (made here with sharp:
// simple painted scenes, photo-sized), plus a page bundle with a lead and a captioned body photo.
// Two articles keep no photo, as in a real feed. Used by scripts/lighthouse.ts --photos and
// scripts/screenshots.ts; not part of the package.

import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { parseDocument } from 'yaml';

const REPO = fileURLToPath(new URL('../', import.meta.url));

/** The page bundle's URL: an article with a lead photo and a captioned body photo. */
export const PHOTO_ARTICLE = '/2025/12/01/skaters-return-to-medeu/';

/** A scene's colours: sky from top to bottom, the sun, the ground's two bands, the shapes on it. */
interface Scene {
  sky: [string, string];
  sun: string;
  ground: [string, string];
  shapes: string;
}

const SCENES: Scene[] = [
  { sky: ['#6fa8dc', '#e8f1fa'], sun: '#fff6d5', ground: ['#cfe0ee', '#9fb8cc'], shapes: '#5b6f82' },
  { sky: ['#2b2d5c', '#e98b5d'], sun: '#ffd27a', ground: ['#3b3f4e', '#1e2029'], shapes: '#151621' },
  { sky: ['#1d1b26', '#5a2e4f'], sun: '#ffe9a8', ground: ['#6b3b2a', '#3a1f16'], shapes: '#c99a43' },
  { sky: ['#8ec5e8', '#f4f8fb'], sun: '#ffffff', ground: ['#a9c98b', '#6f944f'], shapes: '#e7e2d6' },
  { sky: ['#c9d6df', '#f2efe8'], sun: '#f7e7b4', ground: ['#b59f7b', '#7d6a4f'], shapes: '#5a4632' },
];

/** A photo-like JPEG: a sky, a sun, hills and a skyline of blocks in one scene's colours. */
export async function scenePhoto(width: number, height: number, scene = 0): Promise<Buffer> {
  const { sky, sun, ground, shapes } = SCENES[scene % SCENES.length]!;
  const blocks = Array.from({ length: 9 }, (_, i) => {
    const w = width * (0.05 + ((i * 37) % 5) * 0.012);
    const h = height * (0.12 + ((i * 53) % 7) * 0.035);
    const x = width * (0.08 + i * 0.1);
    return `<rect x="${x.toFixed(0)}" y="${(height * 0.64 - h).toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" fill="${shapes}" opacity="0.85"/>`;
  }).join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="s" x2="0" y2="1"><stop offset="0" stop-color="${sky[0]}"/><stop offset="1" stop-color="${sky[1]}"/></linearGradient>` +
    `<linearGradient id="g" x2="0" y2="1"><stop offset="0" stop-color="${ground[0]}"/><stop offset="1" stop-color="${ground[1]}"/></linearGradient></defs>` +
    `<rect width="100%" height="100%" fill="url(#s)"/><circle cx="${width * 0.72}" cy="${height * 0.28}" r="${height * 0.1}" fill="${sun}"/>` +
    `<path d="M0 ${height * 0.6} Q ${width * 0.25} ${height * 0.42} ${width * 0.5} ${height * 0.58} T ${width} ${height * 0.5} V ${height} H 0 Z" fill="${ground[0]}" opacity="0.7"/>` +
    blocks +
    `<rect y="${height * 0.64}" width="100%" height="${height * 0.36}" fill="url(#g)"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}

/** Alt text for the seed articles' photos, by file name; the two left out keep no photo. */
const PHOTOS: Record<string, string> = {
  'kazakhstan-introduces-official-insurance-and-registration-for-e-scooters.md': 'Rental e-scooters parked along a city pavement',
  'kazakhstans-scientific-and-literary-corner-opens-in-istanbul.md': 'Shelves of books in a reading room',
  'aiman-mussakhajayeva-performs-in-vienna.md': 'A violinist on a concert stage under warm lights',
  'days-of-kazakh-cinema-held-in-brussels.md': 'A cinema hall before a screening',
  'kazakhstan-celebrates-independence-day.md': 'Flags over a square in Astana',
  'new-direct-flight-launched-between-kazakhstan-and-georgia.md': 'An airliner climbing over the city at dusk',
  'the-film-kazhymukan-has-been-presented-to-the-warsaw-audience.md': 'The audience at a film premiere in Warsaw',
};

/**
 * Copy the seed site into `root` (config pointing at this checkout's src/config.ts), give the
 * articles of PHOTOS a lead photo each, and add the Medeu page bundle.
 */
export async function seedWithPhotos(root: string): Promise<void> {
  cpSync(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true });
  writeFileSync(path.join(root, 'site.config.ts'), readFileSync(path.join(REPO, 'site.config.ts'), 'utf8').replace("'./src/config.js'", `'${path.join(REPO, 'src/config.ts')}'`));
  const folder = path.join(root, 'content/2025/12');
  let scene = 0;
  for (const file of readdirSync(folder).sort()) {
    const alt = PHOTOS[file];
    if (!alt) continue;
    const photo = file.replace(/\.md$/, '.jpg');
    writeFileSync(path.join(folder, photo), await scenePhoto(2400, 1600, scene++));
    writeFileSync(path.join(folder, file), withLeadImage(readFileSync(path.join(folder, file), 'utf8'), photo, alt));
  }
  const bundle = path.join(folder, 'medeu');
  mkdirSync(bundle, { recursive: true });
  writeFileSync(path.join(bundle, 'rink.jpg'), await scenePhoto(2400, 1600, 3));
  writeFileSync(path.join(bundle, 'crowd.jpg'), await scenePhoto(1600, 1067, 0));
  writeFileSync(
    path.join(bundle, 'index.md'),
    [
      '---',
      'title: Skaters return to Medeu',
      'date: 2025-12-01 10:00',
      'topic: Society',
      'tags: [Almaty]',
      'image: rink.jpg',
      'imageAlt: The open-air rink at Medeu under a clear sky',
      'imageCaption: The rink opened for the season on Saturday.',
      'imageCredit: Broadsheet',
      '---',
      '',
      'The high-altitude rink above Almaty opened its season with a full house.',
      '',
      '![Skaters crowd the ice at dusk](crowd.jpg "By dusk the ice was full.")',
      '',
      'Tickets cost the same as last year.',
      '',
    ].join('\n'),
  );
}

/** An article's text with `image` and `imageAlt` set in its front-matter (read and written with the yaml package). */
function withLeadImage(text: string, image: string, alt: string): string {
  const end = text.indexOf('\n---', 4);
  const frontMatter = parseDocument(text.slice(4, end + 1));
  frontMatter.set('image', image);
  frontMatter.set('imageAlt', alt);
  return `---\n${frontMatter.toString()}${text.slice(end + 1)}`;
}
