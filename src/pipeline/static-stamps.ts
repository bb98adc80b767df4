// The static folder as the saved state's identity sees it (saved-state.ts): each file by the hash
// of its bytes, not by its modification time, so that a fresh checkout of the same files (a CI
// run, which gives every file a new time) still continues from the last build. A file is read
// only when its size or time differs from what the last save recorded (.cache/static.json), or
// when its time is within RACY_MARGIN_MS of that save (a file written again in the same tick
// keeps its time): a build with an unchanged static folder reads none of it.

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config.js';
import { findFiles, linkPolicy } from '../load/discover.js';
import { RACY_MARGIN_MS } from '../render/source-stamps.js';
import { fileHash } from '../write/file-hash.js';
import { writeFileAtomic } from '../write/fs-helpers.js';

const STAMPS_FILE = 'static.json';
const STAMPS_FORMAT = 1;

/** A static file as last seen: its path in the folder, size, mtime and the sha1 of its bytes. */
type StaticStamp = [relative: string, size: number, mtimeMs: number, hash: string];

/** The stamps staticPrint took for each config, for saveStaticStamps: what the build was made from. */
const taken = new WeakMap<SiteConfig, StaticStamp[]>();

/**
 * Each file of the static folder with the hash of its bytes (`relative\0hash`), or undefined when
 * the folder has problems (a link out of the site, a name that is not UTF-8). Hashes the last save
 * recorded are taken for files whose size and time match it and are not racy.
 */
export function staticPrint(config: SiteConfig): string[] | undefined {
  const found = findFiles(linkPolicy(config), config.staticPath);
  if (found.problems.length > 0) return undefined;
  const previous = savedStamps(config);
  const stamps = found.files.map(([relative, absolute]): StaticStamp => {
    const info = statSync(absolute, { throwIfNoEntry: false });
    const known = previous?.stamps.get(relative);
    if (info && known && known[1] === info.size && known[2] === info.mtimeMs && info.mtimeMs < previous!.trustedBeforeMs) return known;
    return [relative, info?.size ?? -1, info?.mtimeMs ?? -1, fileHash(absolute, 'sha1') ?? ''];
  });
  taken.set(config, stamps);
  return stamps.map(([relative, , , hash]) => `${relative}\u0000${hash}`);
}

/** Record the stamps staticPrint took for `config` (at the build's start) for the next build's look. */
export function saveStaticStamps(config: SiteConfig): void {
  const stamps = taken.get(config);
  if (stamps) writeFileAtomic(path.join(config.cachePath, STAMPS_FILE), JSON.stringify({ format: STAMPS_FORMAT, stamps }));
}

/** The stamps the last save recorded, and the time before which a file's mtime makes them trustworthy. */
function savedStamps(config: SiteConfig): { stamps: Map<string, StaticStamp>; trustedBeforeMs: number } | undefined {
  const file = path.join(config.cachePath, STAMPS_FILE);
  try {
    const savedAtMs = statSync(file).mtimeMs;
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { format: number; stamps: StaticStamp[] };
    if (saved.format !== STAMPS_FORMAT || !Array.isArray(saved.stamps)) return undefined;
    return { stamps: new Map(saved.stamps.map((stamp) => [stamp[0], stamp])), trustedBeforeMs: savedAtMs - RACY_MARGIN_MS };
  } catch {
    // None yet, or not readable: every file is read.
    return undefined;
  }
}
