// Finding and reading the content files: every `*.md` under the content folder, any depth.
// This is the input edge of the pipeline: the only stage that reads content from disk.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from './config.js';

/** One content file as read from disk. Plain data. */
export interface SourceFile {
  /** Path relative to the site root, with forward slashes: content/2025/12/a.md */
  file: string;
  /** Path relative to the content folder: 2025/12/a.md */
  contentPath: string;
  /** The file's text, as UTF-8. */
  text: string;
}

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

export async function readSourceFile(config: SiteConfig, contentPath: string): Promise<SourceFile> {
  const absolute = path.join(config.contentPath, contentPath);
  return {
    file: displayPath(config, absolute),
    contentPath,
    text: await readFile(absolute, 'utf8'),
  };
}

/** Files read at once: a large archive must not exhaust file handles. */
const READS_IN_FLIGHT = 64;

/** Read every article file of the site, in path order. */
export async function loadContent(config: SiteConfig): Promise<SourceFile[]> {
  const files = await findContentFiles(config.contentPath);
  const sources: SourceFile[] = new Array(files.length);
  let next = 0;
  const reader = async () => {
    while (next < files.length) {
      const index = next++;
      sources[index] = await readSourceFile(config, files[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, files.length) }, reader));
  return sources;
}

/** A path as shown to the user: relative to the site root when inside it. */
export function displayPath(config: SiteConfig, absolute: string): string {
  const relative = path.relative(config.root, absolute);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join('/');
}
