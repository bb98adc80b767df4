// Finding files under a folder the build reads (content/, static/, templates/, a theme's), under
// the symlink policy: a link whose real path is outside the site folder, and outside the folders
// the config's allowOutside lists, is a problem and is not followed; a link inside the site works
// like the file or folder it leads to. Only entries that are links cost a realpath. A file name
// that is not UTF-8 is a problem naming its bytes.

import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import type { SiteConfig } from '../config.js';
import { problem, type Problem } from '../problems/index.js';

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
export function followLink(policy: LinkPolicy, absolute: string, problems: Problem[]): string | undefined {
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
