// The cache folder (.cache/ by default) is Broadsheet's alone: the stores in it delete the files
// they no longer need, so a build writes there only when the folder is provably its own. Proof is
// the tag Broadsheet puts in every cache folder it makes or adopts, a CACHEDIR.TAG (the Cache
// Directory Tagging Specification, https://bford.info/cachedir/: backup tools skip such folders)
// that says Broadsheet made it. A folder without it is adopted, and tagged, only when it is empty
// or holds nothing but what an older Broadsheet's cache holds (its index or output manifest among
// them). Anything else (a photo folder, a shared cache of other tools, a home folder) is refused,
// naming it, before anything in it is written or deleted.

import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { makeFolder, writeFileAtomic } from './fs-helpers.js';
import { SystemFailure, shownPath } from './os-errors.js';

const TAG_FILE = 'CACHEDIR.TAG';
const TAG_ASIDE = /^CACHEDIR\.TAG\.\d+-\d+-\d+\.tmp$/;
const TAG_SIGNATURE = 'Signature: 8a477f597d28d172789f06886806bc55';
const TAG_MAKER = 'created by Broadsheet';
const TAG_TEXT = `${TAG_SIGNATURE}\n# This file is a cache directory tag ${TAG_MAKER} (its build cache, safe to delete).\n# For information about cache directory tags, see https://bford.info/cachedir/\n`;

/** What an older Broadsheet kept in its cache folder: its lock, indexes, stores and aside files. */
const OLDER_CACHE_NAMES = /^((articles|output)\.(json|log)|(state|static)\.json|bodies|images|build\.lock(\.stale\.\d+)?|[\w.-]+\.\d+(-\d+-\d+)?\.tmp)$/;
/** The indexes whose first bytes prove an older Broadsheet wrote that cache. */
const OLDER_INDEXES = ['articles.json', 'output.json'];

/**
 * Make sure `folder` is Broadsheet's cache folder (see the top of this file), creating and tagging
 * it if it does not exist. Returns whether it was created now. Throws a SystemFailure, having
 * changed nothing, when it is someone else's folder.
 */
export function claimCacheFolder(folder: string): { created: boolean } {
  const info = lstatSync(folder, { throwIfNoEntry: false });
  if (!info) {
    makeFolder(folder);
    tag(folder);
    return { created: true };
  }
  if (!info.isDirectory()) {
    throw new SystemFailure(`The cache folder ${shownPath(folder)} is a file, not a folder. Move or delete it, or set cacheDir in the config to another folder.`);
  }
  if (isTagged(folder)) return { created: false };
  // The tag's own aside copy, left by a build killed while tagging the folder, counts for nothing.
  const names = readdirSync(folder).filter((name) => !TAG_ASIDE.test(name));
  const strays = names.filter((name) => !OLDER_CACHE_NAMES.test(name));
  if (names.length > 0 && (strays.length > 0 || !OLDER_INDEXES.some((name) => names.includes(name) && isOlderIndex(path.join(folder, name))))) {
    const shown = (strays.length > 0 ? strays : names).slice(0, 3).join(', ');
    throw new SystemFailure(
      `The cache folder ${shownPath(folder)} holds files that are not a Broadsheet cache (${shown}${names.length > 3 ? ', ...' : ''}). Broadsheet deletes files it no longer needs from its cache folder, so it uses only an empty folder or one it made: set cacheDir in the config to a folder of its own (the default is .cache). Nothing was changed.`,
    );
  }
  tag(folder);
  return { created: false };
}

/**
 * Undo claimCacheFolder's creation when the folder holds nothing but its tag (a build with
 * --no-cache leaves no cache folder behind). Anything else there is left as it is.
 */
export function releaseCreatedCacheFolder(folder: string): void {
  try {
    const names = readdirSync(folder);
    if (names.length !== 1 || names[0] !== TAG_FILE) return;
    rmSync(path.join(folder, TAG_FILE));
    rmdirSync(folder);
  } catch {
    // Something appeared meanwhile, or the folder is gone: nothing to undo.
  }
}

function tag(folder: string): void {
  writeFileAtomic(path.join(folder, TAG_FILE), TAG_TEXT);
}

/** Does `folder` hold the tag Broadsheet writes? */
function isTagged(folder: string): boolean {
  try {
    const text = readFileSync(path.join(folder, TAG_FILE), 'utf8');
    return text.startsWith(TAG_SIGNATURE) && text.includes(TAG_MAKER);
  } catch {
    return false;
  }
}

/**
 * Does `file` begin as Broadsheet's indexes have always begun, `{"format":` and a number? Only
 * the first bytes are read: an article index can be hundreds of megabytes.
 */
function isOlderIndex(file: string): boolean {
  const start = Buffer.alloc(16);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const read = readSync(fd, start, 0, start.length, 0);
    return /^\{"format":\d/.test(start.subarray(0, read).toString('latin1'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
