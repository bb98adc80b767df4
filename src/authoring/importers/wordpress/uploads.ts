// Images a WordPress post shows, found in a copy of its uploads folder (wp-content/uploads, given
// with --uploads): the part of the URL after /wp-content/uploads/ is looked up in that folder; a
// resized copy WordPress made (photo-300x200.jpg) that is not there falls back to the original
// (photo.jpg). Nothing outside the uploads folder is ever read, whatever the URL says.

import { statSync } from 'node:fs';
import path from 'node:path';
import { isInside } from '../../../load/discover.js';
import { safeFileName, type ImportedAsset } from '../imported.js';

/** Where an uploaded image was looked for and found (or not). */
export type UploadLookup = { found: true; file: string } | { found: false; tried?: string };

const UPLOADS = '/wp-content/uploads/';

/** The part of an uploaded file's URL below the uploads folder: after /wp-content/uploads/, or a WordPress.com file's path. */
function uploadPath(url: string): string | undefined {
  const at = url.indexOf(UPLOADS);
  if (at !== -1) return url.slice(at + UPLOADS.length);
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.hostname.endsWith('.files.wordpress.com') ? parsed.pathname.slice(1) : undefined;
}

/** Whether a URL points into a WordPress uploads folder (wp-content/uploads, or WordPress.com's files). */
export function isUploadUrl(url: string): boolean {
  return uploadPath(url) !== undefined;
}

/** Find an uploaded file by its URL in the uploads folder `dir` (absolute), if one was given. */
export function findUpload(url: string, dir: string | undefined): UploadLookup {
  const below = uploadPath(url);
  if (below === undefined || dir === undefined) return { found: false };
  let relative = below.split(/[?#]/, 1)[0] ?? '';
  try {
    relative = decodeURIComponent(relative);
  } catch {
    // Keep the URL's own spelling.
  }
  const wanted = path.resolve(dir, relative);
  if (!isInside(wanted, dir)) return { found: false, tried: relative };
  for (const candidate of [wanted, wanted.replace(/-\d+x\d+(?=\.[A-Za-z0-9]+$)/, '')]) {
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return { found: true, file: candidate };
  }
  return { found: false, tried: path.join(path.basename(dir), relative) };
}

/** The images one article copies beside it: each file once, under a name unique in the article's folder. */
export class ArticleAssets {
  readonly assets: ImportedAsset[] = [];
  private readonly byFile = new Map<string, string>();

  /** The name of `file` beside the article (added on first use). */
  add(file: string): string {
    const known = this.byFile.get(file);
    if (known) return known;
    const base = safeFileName(path.basename(file));
    let name = base === 'index.md' ? 'image-index.md' : base;
    const taken = new Set(this.assets.map((asset) => asset.name));
    for (let n = 2; taken.has(name); n++) name = base.replace(/(\.[^.]*)?$/, `-${n}$1`);
    this.assets.push({ source: file, name });
    this.byFile.set(file, name);
    return name;
  }
}
