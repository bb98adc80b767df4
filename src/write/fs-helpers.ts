// File-system steps the writers, the cache and the manifest share. The one that matters most is
// writeFileAtomic: every file Broadsheet replaces is written aside (beside it, so the rename stays
// on one file system), flushed to disk when asked, and renamed over the old one. A reader sees the
// old file or the new one, never half of either; a file that shares its bytes with another (a hard
// link) is never changed in place; and a failed write leaves no aside file behind.
//
// This module knows nothing about sites or builds: paths in, files out.

import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { failpoint, killPoint } from './failpoints.js';

/** Bytes of a file: text (written as UTF-8) or raw bytes. */
export type FileContent = string | Uint8Array;

/** Writes a file piece by piece (a large index that must not be one string in memory). */
export type ContentWriter = (write: (chunk: FileContent) => void) => void;

/** How carefully to write. */
export interface WriteOptions {
  /**
   * Flush the bytes (and the folder entry) to disk before returning, so that a power cut cannot
   * leave the new name pointing at an empty file. Costs a few milliseconds a file: for the few
   * files that index others (the cache index, the output manifest), not for every page.
   */
  durable?: boolean;
}

let asides = 0;

/** The aside name of `file`: beside it, unique to this process, thread and write. */
export function asideOf(file: string): string {
  return `${file}.${process.pid}-${threadId}-${asides++}.tmp`;
}

/**
 * Replace `file` with `content` atomically (see the top of this file). The folder must exist; a
 * folder in the way (a page that used to be a folder of pages) is removed.
 */
export function writeFileAtomic(file: string, content: FileContent | ContentWriter, options: WriteOptions = {}): void {
  const aside = asideOf(file);
  let fd: number | undefined;
  try {
    fd = openSync(aside, 'w');
    failpoint('write', aside);
    const target = fd;
    if (typeof content === 'function') content((chunk) => writeAll(target, chunk));
    else writeAll(target, content);
    if (options.durable) fsyncSync(target);
    closeSync(target);
    fd = undefined;
    if (options.durable) killPoint('index-write');
    renameOver(aside, file);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(aside);
    throw withPath(error, file);
  }
  if (options.durable) fsyncFolder(path.dirname(file));
}

/**
 * writeFileAtomic for the main thread's output queue, where writes run on libuv's I/O threads
 * while the next page renders. The same steps, awaited; never durable (see DistWriter.commit).
 */
export async function writeFileAtomicAsync(file: string, content: Uint8Array): Promise<void> {
  const aside = asideOf(file);
  try {
    const handle = await open(aside, 'w');
    try {
      failpoint('write', aside);
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
    try {
      await rename(aside, file);
    } catch (error) {
      if (!isCode(error, 'EISDIR', 'ENOTEMPTY', 'EEXIST')) throw error;
      await rm(file, { recursive: true, force: true });
      await rename(aside, file);
    }
  } catch (error) {
    await rm(aside, { force: true }).catch(() => undefined);
    throw withPath(error, file);
  }
}

/**
 * Write `file` into a tree nobody reads yet (the spare tree, before commit): created exclusively
 * when nothing is there (open, write, close: no aside, no rename, ~15,000 fewer renames on a
 * cold build), else replaced by writeFileAtomic. Never written in place: an entry already there
 * may be a hard link sharing its bytes with the live site.
 */
export function writeFreshFile(file: string, content: Uint8Array): void {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if (isCode(error, 'EEXIST')) return writeFileAtomic(file, content);
    throw withPath(error, file);
  }
  try {
    failpoint('write', file);
    writeAll(fd, content);
  } catch (error) {
    closeQuietly(fd);
    removeQuietly(file);
    throw withPath(error, file);
  }
  closeSync(fd);
}

/** writeFreshFile for the main thread's output queue (see writeFileAtomicAsync). */
export async function writeFreshFileAsync(file: string, content: Uint8Array): Promise<void> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if (isCode(error, 'EEXIST', 'EISDIR')) return writeFileAtomicAsync(file, content);
    throw withPath(error, file);
  }
  try {
    failpoint('write', file);
    await handle.writeFile(content);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(file, { force: true }).catch(() => undefined);
    throw withPath(error, file);
  }
  await handle.close();
}

/**
 * Give `target` a new entry made by `make(aside)` (a hard link, say) the same way writeFileAtomic
 * gives it new bytes: made aside, renamed over the old entry, nothing left behind on failure.
 */
export function replaceEntry(target: string, make: (aside: string) => void): void {
  const aside = asideOf(target);
  try {
    make(aside);
    failpoint('write', aside);
    renameOver(aside, target);
  } catch (error) {
    removeQuietly(aside);
    throw error;
  }
}

/** An error without a path (a write through a file descriptor, say): give it the file's, for the user's message. */
export function withPath(error: unknown, file: string): unknown {
  if (typeof error === 'object' && error !== null && 'code' in error && !('path' in error)) Object.assign(error, { path: file });
  return error;
}

/** rename(2), removing a folder that stands where the file goes. */
export function renameOver(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if (!isCode(error, 'EISDIR', 'ENOTEMPTY', 'EEXIST')) throw error;
    rmSync(to, { recursive: true, force: true });
    renameSync(from, to);
  }
}

function writeAll(fd: number, chunk: FileContent): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** Flush a folder's entries (a file created or renamed in it) to disk. A no-op where folders cannot be opened (Windows). */
export function fsyncFolder(folder: string): void {
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    // Some file systems refuse fsync on a folder; the entries are then as durable as they get.
    if (!isCode(error, 'EINVAL', 'EPERM', 'EISDIR', 'EBADF')) throw error;
  } finally {
    closeQuietly(fd);
  }
}

/**
 * mkdir -p that reports the real error: Node's recursive mkdir says ENOENT where the file system is
 * read-only (EROFS), so on ENOENT the first missing folder is made alone, which fails truthfully.
 */
export function makeFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
    let missing = folder;
    while (!lstatSync(path.dirname(missing), { throwIfNoEntry: false }) && path.dirname(missing) !== missing) missing = path.dirname(missing);
    mkdirSync(missing);
    mkdirSync(folder, { recursive: true });
  }
}

/**
 * Create `folder` and its parents under `root`, removing any file that stands where one of them
 * goes (a page of the last build that is a folder of pages in this one). Synchronous: rare.
 */
export function ensureFolder(root: string, folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
    return;
  } catch (error) {
    if (!isCode(error, 'EEXIST', 'ENOTDIR')) throw error;
  }
  let at = root;
  for (const part of path.relative(root, folder).split(path.sep)) {
    at = path.join(at, part);
    const info = lstatSync(at, { throwIfNoEntry: false });
    if (info && !info.isDirectory()) unlinkSync(at);
  }
  mkdirSync(folder, { recursive: true });
}

/** ensureFolder for the output queue: the common case awaited, a file in the way cleared. */
export async function ensureFolderAsync(root: string, folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    if (!isCode(error, 'EEXIST', 'ENOTDIR')) throw error;
    ensureFolder(root, folder);
  }
}

/** Is this an error from the operating system with one of these codes (ENOENT, ...)? */
export function isCode(error: unknown, ...codes: string[]): boolean {
  return typeof error === 'object' && error !== null && codes.includes((error as NodeJS.ErrnoException).code ?? '');
}

/** Does `file` hold exactly `bytes`? False when it is missing or unreadable. */
export function sameBytes(file: string, bytes: Uint8Array): boolean {
  try {
    const old = readFileSync(file);
    return old.length === bytes.length && old.equals(bytes);
  } catch {
    return false;
  }
}

/** Does `file` have the bytes of `source`: the same file (a hard link to it), or equal bytes? False when either cannot be read. */
export function sameFile(file: string, source: string): boolean {
  const a = statSync(file, { throwIfNoEntry: false });
  const b = statSync(source, { throwIfNoEntry: false });
  if (!a?.isFile() || !b?.isFile() || a.size !== b.size) return false;
  if (a.ino === b.ino && a.dev === b.dev) return true;
  try {
    return sameBytes(file, readFileSync(source));
  } catch {
    return false;
  }
}

/** Refuse a path that is absolute, climbs out with `..`, or is not in normal form. */
export function assertInside(file: string): void {
  const normalised = path.posix.normalize(file);
  if (path.posix.isAbsolute(file) || normalised.startsWith('../') || normalised === '..' || normalised !== file) {
    throw new Error(`refusing to write outside the output folder: ${file}`);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already failing: the first error is the one to report.
  }
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Already failing: the first error is the one to report.
  }
}
