// Whole trees of files: listing one, deleting from one what a new site no longer has with the
// folders that leaves empty, and linking the files a new site keeps from the live tree into the
// spare one. Used by the output's commit (dist-writer.ts) and the dev server's writer.

import { linkSync, lstatSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { lowerBound } from '../lower-bound.js';
import { failpoint } from './failpoints.js';
import { ensureFolder, isCode, replaceEntry } from './fs-helpers.js';

/**
 * The live tree lacks a file the output should keep: someone deleted it by hand. A patch of the
 * output cannot carry it over; the caller writes the whole site instead.
 */
export class OutputChanged extends Error {
  /** `file`: the one found deleted; none when the look at every file found one or more changed. */
  constructor(readonly file?: string) {
    super(file ? `${file} was deleted from the output folder by hand` : 'a file of the output folder was edited or deleted by hand');
    this.name = 'OutputChanged';
  }
}


/** Every file (anything but a folder) under `root`, relative, with forward slashes. */
export function filesUnder(root: string): string[] {
  const files: string[] = [];
  const prefix = root + path.sep;
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    // Slicing, not path.relative: this runs for every file of the site on every build.
    const folder = entry.parentPath === root ? '' : `${entry.parentPath.slice(prefix.length).split(path.sep).join('/')}/`;
    files.push(folder + entry.name);
  }
  return files;
}

/**
 * Delete every file under `root` that `keep` rejects (calling `afterEach` after each), then the
 * folders that left empty; returns how many files went.
 */
export function removeStale(root: string, keep: (file: string) => boolean, afterEach: () => void = () => undefined): number {
  let deleted = 0;
  const emptied = new Set<string>();
  for (const file of filesUnder(root)) {
    if (keep(file)) continue;
    const absolute = path.join(root, file);
    rmSync(absolute, { force: true });
    deleted++;
    emptied.add(path.dirname(absolute));
    afterEach();
  }
  removeEmptiedFolders(root, emptied);
  return deleted;
}

/**
 * Remove folders under `root` that lost files and are now empty, and their parents that empty in
 * turn (only folders that lost a file, or their parents, can have become empty).
 */
export function removeEmptiedFolders(root: string, folders: Iterable<string>): void {
  const candidates = new Set<string>();
  for (const start of folders) for (let folder = start; folder.length > root.length; folder = path.dirname(folder)) candidates.add(folder);
  // Deepest first, so a folder emptied by its children's removal goes too.
  for (const folder of [...candidates].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty: it holds files of the new site.
    }
  }
}

/**
 * A function giving the spare tree the live tree's file (a hard link: same bytes, same mtime),
 * unless it already has that very file; it returns whether it had to. Where nothing is at the
 * file's place (`fresh`: the spare tree was made just now, so holds only this build's files), the
 * link is the new entry, made without an aside name and a rename: the first publish after a
 * first build links every file of the site (291,660 at 10,000 articles with photos). Each folder
 * is made once.
 */
export function keptLinker(live: string, spare: string, fresh: boolean): (file: string) => boolean {
  const folders = new Set<string>();
  return (file) => {
    const source = path.join(live, file);
    const target = path.join(spare, file);
    const have = fresh ? undefined : lstatSync(target, { throwIfNoEntry: false });
    const want = statSync(source, { throwIfNoEntry: false });
    // Deleted from the live tree by someone else: a patch cannot keep it (a whole build writes it again).
    if (!want) throw new OutputChanged(file);
    if (have && have.ino === want.ino && have.dev === want.dev) return false;
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      ensureFolder(spare, folder);
      folders.add(folder);
    }
    if (!have) {
      try {
        failpoint('write', target);
        linkSync(source, target);
        return true;
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw error;
      }
    }
    replaceEntry(target, (aside) => linkSync(source, aside));
    return true;
  };
}

/** Delete these files of the spare tree (missing ones are fine), then the folders that left empty. */
export function removeListed(spare: string, files: readonly string[], afterEach: () => void): void {
  const emptied = new Set<string>();
  for (const file of files) {
    const absolute = path.join(spare, file);
    try {
      rmSync(absolute, { force: true });
    } catch (error) {
      // A file where one of its folders would be: the file is not there either.
      if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
    }
    emptied.add(path.dirname(absolute));
    afterEach();
  }
  removeEmptiedFolders(spare, emptied);
}

/** Is `file` in `sorted` (ascending, as the ledger keeps the live tree's files)? */
export function hasSorted(sorted: readonly string[], file: string): boolean {
  const at = lowerBound(sorted.length, (i) => sorted[i]! >= file);
  return sorted[at] === file;
}

/** Two ascending lists with no member in common, as one. */
export function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const merged: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) merged.push(j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!);
  return merged;
}
