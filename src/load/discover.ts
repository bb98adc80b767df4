// Finding and reading the content files: every Markdown file (`.md`, `.markdown`, `.mdown`) under
// the content folder, any depth, and the files there that are neither articles, images nor data
// files Broadsheet reads (a build lists them in a warning: nothing is skipped without a word).
// This is the input edge of the pipeline: the only stage that reads content from disk. Folders are
// walked under the site's symlink policy (find-files.ts, re-exported here for the stages that read
// static files and templates).

import { lstatSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../config.js';
import type { Problem } from '../problems/index.js';
import { asReadError } from '../write/os-errors.js';
import { displayPath, findFiles, followLink, linkPolicy } from './find-files.js';

/** One content file as read from disk. Plain data. */
export interface SourceFile {
  /** Path relative to the site root, with forward slashes: content/2025/12/a.md */
  file: string;
  /** Path relative to the content folder: 2025/12/a.md */
  contentPath: string;
  /** The file's text, as UTF-8. */
  text: string;
  /** Cache key of the file (see render/cache.ts), when the build computed one. */
  key?: string;
}

/** The two folders reading needs: a SiteConfig has both, and so does a worker's task. */
export type SitePaths = Pick<SiteConfig, 'root' | 'contentPath'>;

/** The extensions an article file may have: what Jekyll, Hugo and editors write for Markdown. */
export const ARTICLE_EXTENSIONS = ['.md', '.markdown', '.mdown'] as const;

/** Is this a Markdown file by its name (any of ARTICLE_EXTENSIONS, any case)? */
export function isMarkdownName(name: string): boolean {
  const lower = name.toLowerCase();
  return ARTICLE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** Files that are never articles: hidden files, editor backups, partials named `_x.md`. */
export function isArticleFile(name: string): boolean {
  return isMarkdownName(name) && !name.startsWith('.') && !name.startsWith('_') && !name.endsWith('~');
}

/** Images the image stage reads, by extension. */
export const IMAGE_FILE = /\.(jpe?g|png|webp|avif|gif|tiff?|heic|heif|svg)$/i;

/**
 * Files of the content folder that the build reads without being articles: images, the authors
 * file (and other YAML/JSON data), partials (`_x.md`), editor backups. Anything else is reported.
 */
function isKnownNonArticle(name: string): boolean {
  return IMAGE_FILE.test(name) || /\.(ya?ml|json)$/i.test(name) || (isMarkdownName(name) && name.startsWith('_')) || name.endsWith('~');
}

/** What finding the content files needs: the folders, and the link policy's. */
export type ContentPaths = Pick<SiteConfig, 'root' | 'contentPath' | 'allowOutsidePaths'>;

/** Article files found: paths relative to the content folder, sorted; and the links refused. */
export interface ContentFiles {
  files: string[];
  problems: Problem[];
  /** Files of the content folder that are neither articles nor files the build reads (not for `only`). */
  others?: string[];
}

/** Every article file of the site (hidden folders skipped), under the link policy, and the files nothing reads. */
export function findContentFiles(paths: ContentPaths): ContentFiles {
  // Images and data files are read by their own stages: a link to one is not followed here.
  const found = findFiles(linkPolicy(paths), paths.contentPath, { wanted: (name) => isArticleFile(name) || !isKnownNonArticle(name), reads: isArticleFile });
  const files: string[] = [];
  const others: string[] = [];
  for (const [relative] of found.files) {
    const name = relative.slice(relative.lastIndexOf('/') + 1);
    if (isArticleFile(name)) files.push(relative);
    else if (!isKnownNonArticle(name)) others.push(relative);
  }
  return { files, problems: found.problems, others };
}

/**
 * Of these content paths (the dev server's changed files), those that exist and whose real path
 * the link policy allows, sorted; a gone file is left out, a refused or broken link is a problem.
 * Each costs a realpath: a changed file may sit in a linked folder, which lstat does not show.
 */
export function existingContentFiles(paths: ContentPaths, only: readonly string[]): ContentFiles {
  const policy = linkPolicy(paths);
  const result: ContentFiles = { files: [], problems: [] };
  for (const file of only) {
    const absolute = path.join(paths.contentPath, file);
    if (!lstatSync(absolute, { throwIfNoEntry: false })) continue;
    if (followLink(policy, absolute, result.problems)) result.files.push(file);
  }
  result.files.sort();
  return result;
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
    text: readInputText(absolute),
  };
}

/**
 * A file of the site's input (an article, the authors file, a template, a static file) as text.
 * A failure is marked as met reading (os-errors.ts asReadError): a permission error then asks
 * for read access, not write access.
 */
export function readInputText(absolute: string): string {
  try {
    return readFileSync(absolute, 'utf8');
  } catch (error) {
    throw asReadError(error);
  }
}

/** readInputText's bytes. */
export function readInputBytes(absolute: string): Buffer {
  try {
    return readFileSync(absolute);
  } catch (error) {
    throw asReadError(error);
  }
}

/** readInputBytes, without blocking the thread. */
export async function readInputFile(absolute: string): Promise<Buffer> {
  try {
    return await readFile(absolute);
  } catch (error) {
    throw asReadError(error);
  }
}


export { displayPath, findFiles, isInside, linkPolicy, type FindOptions, type FoundFile, type FoundFiles, type LinkPolicy } from './find-files.js';
