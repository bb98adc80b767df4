// What the site folder must be (a folder with a config file or a content folder: a --root with a
// typo is an error, not an empty site built into a new folder), and where the output and cache
// folders may be. Broadsheet replaces its output folder whole at every
// build and deletes from its cache folder what it no longer needs, so neither may be the file
// system's root, the site folder or a folder above it, nor be, hold or sit inside a folder of the
// site's own files (content, static files, templates), nor be one another; and the site's own
// folders must be inside it or a folder allowOutside lists. Compared as real paths,
// so a symbolic link does not get round a rule. Whether a folder that passes these rules already
// holds someone else's files is checked when the build opens it (write/output-folder.ts,
// write/cache-folder.ts).

import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FolderClash, FolderKey, FolderSetting } from './problems/catalogue.js';
import { SystemFailure, shownPath } from './write/os-errors.js';

/**
 * Throw a SystemFailure, having created nothing, unless `root` is a folder holding one of
 * `configFiles` or a `content` folder: what tells a site folder from a typo.
 */
export function checkSiteFolder(root: string, configFiles: readonly string[]): void {
  const info = statSync(root, { throwIfNoEntry: false });
  const shown = shownPath(root);
  if (!info) throw new SystemFailure(`The site folder ${shown} does not exist. Check the path given to --root.`);
  if (!info.isDirectory()) throw new SystemFailure(`The site folder ${shown} is a file, not a folder. Give --root the folder holding site.config.ts and content/.`);
  if (configFiles.some((name) => existsSync(path.join(root, name))) || existsSync(path.join(root, 'content'))) return;
  throw new SystemFailure(
    `${shown === '.' ? 'This folder' : `The folder ${shown}`} is not a Broadsheet site: it has no site.config.ts and no content/ folder. Run this in the site's folder, or point --root at it.`,
  );
}

/** The settings that name the site's folders, as the config gives them. */
export type FolderSettings = Record<FolderSetting, string>;

/** A refused folder setting: which, its value as given, and why. */
export interface FolderProblem {
  key: FolderKey;
  value: string;
  clash: FolderClash;
}

/** The site's own folders, which the output and cache folders must keep clear of. */
const OWN_FOLDERS = ['contentDir', 'templatesDir', 'staticDir'] as const;

/**
 * Every rule the output and cache folders of the site in `root` break (see the top of this
 * file). `given`: the settings the user set (config file or flags), to name theirs when the
 * output and cache folders clash.
 */
export function folderProblems(root: string, settings: FolderSettings, given: ReadonlySet<string>): FolderProblem[] {
  const realRoot = realFolder(root);
  const real = (key: keyof FolderSettings) => realFolder(path.resolve(root, settings[key]));
  const problems: FolderProblem[] = [];
  for (const key of ['outDir', 'cacheDir'] as const) {
    const folder = real(key);
    const clash = placeClash(folder, realRoot) ?? OWN_FOLDERS.map((other) => clashWith(folder, real(other), other, settings[other])).find(Boolean);
    if (clash) problems.push({ key, value: settings[key], clash });
  }
  if (problems.length === 0) {
    // The output and cache folders against each other: named by the one the user set.
    const key: FolderKey = given.has('outDir') && !given.has('cacheDir') ? 'outDir' : 'cacheDir';
    const other: FolderKey = key === 'outDir' ? 'cacheDir' : 'outDir';
    const clash = clashWith(real(key), real(other), other, settings[other]);
    if (clash) problems.push({ key, value: settings[key], clash });
  }
  if (problems.length === 0) {
    // Nor the folder beside the output where its trees are (write/output-folder.ts: `.dist.builds` beside `dist`).
    const out = real('outDir');
    const trees = path.join(path.dirname(out), `.${path.basename(out)}.builds`);
    const cache = real('cacheDir');
    if (cache === trees || isInside(cache, trees) || isInside(trees, cache)) problems.push({ key: 'cacheDir', value: settings.cacheDir, clash: { kind: 'trees', trees: path.relative(realRoot, trees) || trees } });
  }
  return problems;
}

/**
 * The site's own folders (content, templates, static) that are outside the site folder and every
 * folder `allowOutside` lists: a setting never makes a build read elsewhere. Compared as written
 * (a symbolic link inside the site is the content scan's to judge: load/find-files.ts).
 */
export function foldersOutside(root: string, settings: FolderSettings, allowOutside: readonly string[]): Array<(typeof OWN_FOLDERS)[number]> {
  const allowed = [root, ...allowOutside].map((folder) => path.resolve(root, folder));
  return OWN_FOLDERS.filter((key) => {
    const folder = path.resolve(root, settings[key]);
    return !allowed.some((inside) => folder === inside || isInside(folder, inside));
  });
}

/** Is `folder` the file system's root, the site folder or above it? */
function placeClash(folder: string, root: string): FolderClash | undefined {
  if (path.parse(folder).root === folder) return { kind: 'file-system-root' };
  if (folder === root) return { kind: 'site-folder' };
  if (isInside(root, folder)) return { kind: 'above-site' };
  return undefined;
}

function clashWith(folder: string, otherFolder: string, other: keyof FolderSettings, otherValue: string): FolderClash | undefined {
  if (folder === otherFolder) return { kind: 'same', other, otherValue };
  if (isInside(folder, otherFolder)) return { kind: 'inside', other, otherValue };
  if (isInside(otherFolder, folder)) return { kind: 'contains', other, otherValue };
  return undefined;
}

/** Is `inner` strictly inside `outer`? */
function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

/**
 * The real path of `folder` (absolute), whether or not it exists: the real path of its nearest
 * existing ancestor with the rest appended.
 */
export function realFolder(folder: string): string {
  const missing: string[] = [];
  let existing = folder;
  for (;;) {
    try {
      return path.join(realpathSync(existing), ...missing.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return folder;
      missing.push(path.basename(existing));
      existing = parent;
    }
  }
}
