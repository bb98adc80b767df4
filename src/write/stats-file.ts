// The build's figures as a JSON file (`broadsheet build --stats FILE`). The file's folder is made
// if it is missing; whatever would stop the file being written (a file where a folder should be,
// a folder this user may not write, FILE itself a folder) is found before the build starts, so a
// build never fails for its figures after its new site went live.

import { accessSync, constants, mkdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './fs-helpers.js';
import { SystemFailure, shownPath } from './os-errors.js';

/** Throw a SystemFailure, creating nothing, if `file` (relative to the current folder) could not be written. */
export function checkStatsFile(file: string): void {
  const target = path.resolve(file);
  if (statOf(target)?.isDirectory()) {
    throw new SystemFailure(`--stats ${shownPath(target)} is a folder. Give the path of a file to write, such as ${path.join(shownPath(target), 'stats.json')}.`);
  }
  // The nearest folder that exists is where the missing ones will be made.
  let folder = path.dirname(target);
  let info = statOf(folder);
  while (!info && path.dirname(folder) !== folder) {
    folder = path.dirname(folder);
    info = statOf(folder);
  }
  if (info && !info.isDirectory()) {
    throw new SystemFailure(`--stats ${shownPath(target)} cannot be written: ${shownPath(folder)} is a file, not a folder.`);
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new SystemFailure(`--stats ${shownPath(target)} cannot be written: this user may not write in ${shownPath(folder)}. Give it write access, or choose another path.`);
  }
}

/** What is at `at`, or undefined when nothing is (a file in the way of its folders counts as nothing). */
function statOf(at: string): Stats | undefined {
  try {
    return statSync(at);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** Write the figures to `file` (replacing it whole), making its folder first if it is missing. */
export function writeStatsFile(file: string, stats: object): void {
  const target = path.resolve(file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileAtomic(target, `${JSON.stringify(stats, null, 2)}\n`);
}
