// Finding and reading the content files: every Markdown file (`.md`, `.markdown`, `.mdown`) under
// the content folder, any depth, and the files there that are neither articles, images nor data
// files Broadsheet reads (a build lists them in a warning: nothing is skipped without a word).
// This is the input edge of the pipeline: the only stage that reads content from disk. It also
// owns the symlink policy every folder the build reads (content/, static/, templates/) is found
// under: a link whose real path is outside the site folder, and outside the folders the config's
// allowOutside lists, is a problem and is not followed; a link inside the site works like the
// file or folder it leads to. Only entries that are links cost a realpath.

import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import type { SiteConfig } from '../config.js';
import { problem, type Problem } from '../problems/index.js';
import { asReadError } from '../write/os-errors.js';

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

/** A path as shown to the user: relative to the site root when inside it. */
export function displayPath(paths: Pick<SiteConfig, 'root'>, absolute: string): string {
  const relative = path.relative(paths.root, absolute);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join('/');
}

/** Where files may really be: real paths of the site folder and of the allowed folders. */
export interface LinkPolicy {
  /** The site root as configured: problems name files relative to it. */
  root: string;
  /** Real paths of the folders a file's real path may be in. */
  inside: string[];
}

/**
 * The link policy of a site: files may really be in the site folder or in a folder of
 * allowOutside; `trusted` adds folders of Broadsheet's own (the default theme).
 */
export function linkPolicy(config: Pick<SiteConfig, 'root' | 'allowOutsidePaths'>, trusted: readonly string[] = []): LinkPolicy {
  const real = (folder: string) => {
    try {
      return realpathSync.native(folder);
    } catch {
      return path.resolve(folder);
    }
  };
  return { root: config.root, inside: [config.root, ...config.allowOutsidePaths, ...trusted].map(real) };
}

/** A file found under a folder: its path relative to that folder (forward slashes), and its absolute path. */
export type FoundFile = [relative: string, absolute: string];

/** Files found under a folder, sorted by relative path, and the links that were not followed. */
export interface FoundFiles {
  files: FoundFile[];
  problems: Problem[];
}

/** Which entries a search takes: hidden ones (default no), and which file names (default all). */
export interface FindOptions {
  hidden?: boolean;
  wanted?: (name: string) => boolean;
  /** Of the files wanted, those the build reads (default: all): only these must have names it can open. */
  reads?: (name: string) => boolean;
}

/**
 * Every file under `folder`, following the symbolic links the policy allows into files and
 * folders (the folder itself may be one); every other link is a problem and is not read. A
 * missing folder has no files. Files are named by where they are found, not where links lead.
 */
export function findFiles(policy: LinkPolicy, folder: string, options: FindOptions = {}): FoundFiles {
  const found: FoundFiles = { files: [], problems: [] };
  const top = lstatSync(folder, { throwIfNoEntry: false });
  const real = top && followLink(policy, folder, found.problems);
  if (real && statSync(real).isDirectory()) walk(policy, options, found, { folder, real, prefix: '', ancestors: [real] });
  found.files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return found;
}

interface Visit {
  /** The folder as found, its real path, its path relative to the search's folder (with a slash), and the real paths of the folders it is in. */
  folder: string;
  real: string;
  prefix: string;
  ancestors: string[];
}

function walk(policy: LinkPolicy, options: FindOptions, found: FoundFiles, visit: Visit): void {
  const entries = readdirSync(visit.folder, { withFileTypes: true });
  // A name that is not UTF-8 reads with U+FFFD in place of its bytes: no path made from it opens.
  const unreadable = entries.some((entry) => entry.name.includes('\uFFFD')) ? namesNotUtf8(visit.folder) : new Map<string, Buffer[]>();
  for (const entry of entries) {
    if (!options.hidden && entry.name.startsWith('.')) continue;
    const bytes = unreadable.get(entry.name)?.shift();
    if (bytes) {
      // Reported if it would have been read: a folder, or a file the search takes.
      const kind = entry.isDirectory() ? 'folder' : 'file';
      const reads = options.reads ?? options.wanted;
      if (kind === 'folder' || !reads || reads(entry.name)) {
        const shown = displayPath(policy, path.join(visit.folder, escapedName(bytes)));
        found.problems.push(problem('file-name-encoding', shown, AT_START, { kind }));
      }
      continue;
    }
    const absolute = path.join(visit.folder, entry.name);
    let real = path.join(visit.real, entry.name);
    let folder = entry.isDirectory();
    let file = entry.isFile();
    if (entry.isSymbolicLink()) {
      // A link to a file no one reads (an image beside the Markdown) is left alone, unfollowed.
      if (options.wanted && !options.wanted(entry.name) && !isFolder(absolute)) continue;
      const target = followLink(policy, absolute, found.problems);
      if (!target) continue;
      const info = statSync(target);
      [real, folder, file] = [target, info.isDirectory(), info.isFile()];
      if (folder && visit.ancestors.some((ancestor) => isInside(ancestor, target))) {
        found.problems.push(problem('symlink-loop', displayPath(policy, absolute), AT_START, { target: displayPath(policy, target) }));
        continue;
      }
    }
    const relative = `${visit.prefix}${entry.name}`;
    if (folder) walk(policy, options, found, { folder: absolute, real, prefix: `${relative}/`, ancestors: [...visit.ancestors, real] });
    else if (file && (!options.wanted || options.wanted(entry.name))) found.files.push([relative, absolute]);
  }
}

/**
 * The names in `folder` that are not UTF-8, by the name they read as (U+FFFD for each bad
 * sequence), with their bytes. Two such names that read alike are both reported.
 */
function namesNotUtf8(folder: string): Map<string, Buffer[]> {
  const names = new Map<string, Buffer[]>();
  for (const bytes of readdirSync(folder, { encoding: 'buffer' })) {
    if (isUtf8(bytes)) continue;
    const name = bytes.toString('utf8');
    names.set(name, [...(names.get(name) ?? []), bytes]);
  }
  return names;
}

/** A file name's bytes as text: UTF-8 where they are, each other byte as \xNN ("\xED\xEE.md"). */
function escapedName(bytes: Buffer): string {
  let shown = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    // The length of the UTF-8 sequence this byte starts, if it can start one.
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    const sequence = bytes.subarray(i, i + length);
    if (length > 0 && sequence.length === length && isUtf8(sequence)) {
      shown += sequence.toString('utf8');
      i += length;
    } else {
      shown += `\\x${lead.toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
    }
  }
  return shown;
}

/**
 * The real path of a file or folder, when the policy allows it; otherwise a problem naming the
 * file and where it leads (outside the site, or nowhere) and undefined.
 */
function followLink(policy: LinkPolicy, absolute: string, problems: Problem[]): string | undefined {
  let real: string;
  try {
    real = realpathSync.native(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const target = displayPath(policy, linkTarget(absolute));
    problems.push(problem('symlink-broken', displayPath(policy, absolute), AT_START, { target, cause: code ?? String(error) }));
    return undefined;
  }
  if (policy.inside.some((folder) => isInside(real, folder))) return real;
  problems.push(problem('symlink-outside', displayPath(policy, absolute), AT_START, { target: real }));
  return undefined;
}

function isFolder(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

/** Where a broken link points, as written in the link (the first link on the way, if it is in a linked folder). */
function linkTarget(absolute: string): string {
  try {
    return path.resolve(path.dirname(absolute), readlinkSync(absolute));
  } catch {
    return absolute;
  }
}

/** A link problem's place: the link itself, which has no lines. */
const AT_START = { line: 1, column: 1 };

/** Whether a path is a folder or inside it. */
export function isInside(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}
