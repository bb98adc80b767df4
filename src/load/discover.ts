// Finding and reading the content files: every `*.md` under the content folder, any depth.
// This is the input edge of the pipeline: the only stage that reads content from disk.

import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../config.js';

/** One content file as read from disk. Plain data. */
export interface SourceFile {
  /** Path relative to the site root, with forward slashes: content/2025/12/a.md */
  file: string;
  /** Path relative to the content folder: 2025/12/a.md */
  contentPath: string;
  /** The file's text, as UTF-8. */
  text: string;
  /** Cache key of the file (see cache.ts), when the build computed one. */
  key?: string;
}

/** The two folders reading needs: a SiteConfig has both, and so does a worker's task. */
export type SitePaths = Pick<SiteConfig, 'root' | 'contentPath'>;

/** Files that are never articles: hidden files, editor backups, partials named `_x.md`. */
function isArticleFile(name: string): boolean {
  return name.endsWith('.md') && !name.startsWith('.') && !name.startsWith('_') && !name.endsWith('~');
}

/** Paths (relative to the content folder, sorted) of every article file. */
export async function findContentFiles(contentPath: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(contentPath, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .map((entry) => entry.split(path.sep).join('/'))
    .filter((entry) => {
      const parts = entry.split('/');
      // Skip anything inside a hidden folder (.git, .obsidian, ...).
      if (parts.slice(0, -1).some((part) => part.startsWith('.'))) return false;
      return isArticleFile(parts[parts.length - 1] ?? '');
    })
    .sort();
}

/**
 * Reading is synchronous: a build has nothing else to do meanwhile, and a synchronous read costs a
 * fraction of a promise's round trip through libuv's shared I/O threads.
 */
export function readSourceFile(paths: SitePaths, contentPath: string): SourceFile {
  const absolute = path.join(paths.contentPath, contentPath);
  return {
    file: displayPath(paths, absolute),
    contentPath,
    text: readFileSync(absolute, 'utf8'),
  };
}

/**
 * Visit every article file of the site, one at a time, without keeping their texts: `visit` gets
 * each file and keeps what it needs (a key, say).
 */
export function forEachSource(paths: SitePaths, files: readonly string[], visit: (source: SourceFile) => void): void {
  for (const file of files) visit(readSourceFile(paths, file));
}

/** A path as shown to the user: relative to the site root when inside it. */
export function displayPath(paths: Pick<SiteConfig, 'root'>, absolute: string): string {
  const relative = path.relative(paths.root, absolute);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join('/');
}
