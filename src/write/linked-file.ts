// A file of the output that has the bytes of a file Broadsheet keeps elsewhere and never changes in
// place (the image store's variants, written aside and renamed, only ever deleted): a hard link to
// it, where the output's file system allows, else a copy. A site whose every article has a photo
// has ~25 variant files an article (10,000 articles: 250,000 files, 13 GB); linked, a first build
// or a CI build writes no image bytes and the output takes no room of its own for them.
//
// The entry is new either way: one already at the target (the spare tree's, which may be a hard
// link into the live site) is replaced by a link or copy made aside and renamed over it, never
// written through. A file that edits the output's images in place edits the store's variant too;
// the store checks each variant's size before it uses it, and makes it again if it changed.

import { constants } from 'node:fs';
import { copyFile, link, lstat, rm, stat } from 'node:fs/promises';
import { failpoint } from './failpoints.js';
import { asideOf, isCode, renameOver, withPath } from './fs-helpers.js';

/** Codes of a file system that cannot link there: another device, no hard links, too many links to one file. */
const CANNOT_LINK = ['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS'];

/** Make `target` a new entry with the bytes of `source` (see the top of this file). */
export async function linkOrCopy(source: string, target: string): Promise<void> {
  try {
    await linkOrCopyAt(source, target);
    return;
  } catch (error) {
    if (!isCode(error, 'EEXIST')) throw withPath(error, target);
  }
  // Already a link to it: renaming another link to the same file over it would do nothing at all,
  // leaving the aside one behind.
  if (await sameInode(source, target)) return;
  const aside = asideOf(target);
  try {
    await linkOrCopyAt(source, aside);
    renameOver(aside, target);
  } catch (error) {
    await rm(aside, { force: true }).catch(() => undefined);
    throw withPath(error, target);
  }
}

/** A link at `at` (nothing there), else a copy where linking cannot be done. */
async function linkOrCopyAt(source: string, at: string): Promise<void> {
  try {
    // An injected EXDEV takes the copy; any other code fails as a write would.
    failpoint('write', at);
    await link(source, at);
  } catch (error) {
    if (!isCode(error, ...CANNOT_LINK)) throw error;
    await copyFile(source, at, constants.COPYFILE_EXCL);
  }
}

/** Are `a` and `b` one file (hard links to the same bytes)? */
async function sameInode(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([stat(a).catch(() => undefined), lstat(b).catch(() => undefined)]);
  return x !== undefined && y !== undefined && x.ino === y.ino && x.dev === y.dev;
}
