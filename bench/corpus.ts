// The bench's synthetic news corpus, the same one the team's comparison scripts generate (same
// generator, same seed, same files): N articles of
// ~4.5 KB, YAML front-matter (title, date with a +05:00 offset, one of 12 topics, 1-4 of 300 tags,
// source), in DIR/YYYY/MM/article-<i>.md. With `photos`, that many articles, spread evenly, also
// have a lead photo beside them (article-<i>.jpg, photos.ts); the rest of the corpus is unchanged.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { photoMaker } from './photos.js';

const WORDS = 'kazakhstan ministry culture embassy concert library science festival minister cooperation delegation agreement development region capital national people airline route service orchestra museum heritage exhibition investment energy'.split(' ');
const TOPICS = ['Politics', 'Culture', 'Transport', 'Economy', 'Society', 'Sport', 'Science', 'Diplomacy', 'Health', 'Education', 'Energy', 'Tourism'];
const TAGS = Array.from({ length: 300 }, (_, i) => `Tag ${i}`);

/** Does article `index` of `count` have one of `photos` lead photos? Exactly `photos` do, spread evenly. */
export function hasPhoto(index: number, count: number, photos: number): boolean {
  return Math.floor(((index + 1) * photos) / count) > Math.floor((index * photos) / count);
}

/**
 * Write `count` articles to outDir/YYYY/MM/article-<i>.md (dated 2023-2025), creating folders as
 * needed, `photos` of them (default none) with a lead photo, drawn from `distinct` different
 * pictures (default: each its own; fewer, and each picture is made and processed once, while
 * every article still has a file and sizes of its own). Deterministic: the same arguments give
 * byte-identical files. Does not clear outDir first.
 */
export async function writeCorpus(count: number, outDir: string, photos = 0, distinct = photos): Promise<void> {
  const maker = photos > 0 ? await photoMaker() : undefined;
  const made = new Map<number, Buffer>();
  const makePhoto = maker && (async (index: number) => (distinct >= photos ? maker(index) : (made.get(index % distinct) ?? made.set(index % distinct, await maker(index % distinct)).get(index % distinct)!)));
  let seed = 42;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const paragraph = () =>
    `${Array.from({ length: 40 + Math.floor(random() * 80) }, () => {
      let word = pick(WORDS);
      if (random() < 0.03) word = `**${word}**`;
      if (random() < 0.02) word = `[${word}](https://example.org/${word})`;
      return word;
    }).join(' ')}.`;
  for (let i = 0; i < count; i++) {
    const time = Date.UTC(2023, 0, 1) + Math.floor(random() * 3 * 365 * 86400) * 1000;
    const iso = `${new Date(time + 5 * 3600e3).toISOString().slice(0, 19)}+05:00`;
    const dir = path.join(outDir, iso.slice(0, 4), iso.slice(5, 7));
    mkdirSync(dir, { recursive: true });
    const tags = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(TAGS));
    const title = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} news ${i}`;
    const body =
      Array.from({ length: 3 + Math.floor(random() * 6) }, paragraph).join('\n\n') +
      (random() < 0.3 ? '\n\n> A quoted statement from the ministry.\n' : '') +
      (random() < 0.3 ? '\n\n- first point\n- second point\n' : '');
    let frontMatter = `---\ntitle: "${title}"\ndate: ${iso}\ntopic: ${pick(TOPICS)}\ntags: [${[...new Set(tags)].map((tag) => JSON.stringify(tag)).join(', ')}]\nsource: Qazinform News Agency\n`;
    if (makePhoto && hasPhoto(i, count, photos)) {
      writeFileSync(path.join(dir, `article-${i}.jpg`), await makePhoto(i));
      frontMatter += `image: article-${i}.jpg\nimageAlt: "A photo for news ${i}"\n`;
    }
    writeFileSync(path.join(dir, `article-${i}.md`), `${frontMatter}---\n\n${body}\n`);
  }
}
