// Operating-system errors in the user's language. A full disk, a folder the user may not write, a
// read-only mount or too many open files is not a bug in Broadsheet and not a mistake in the
// content: the user gets one line naming the path and what to do, and no stack trace. This module
// is the one place errno codes become those lines; scripts/cli.ts prints them.
//
// It also carries such errors across worker threads, which keep an error's message but drop its
// code and path (toPlainOsError on the worker, fromPlainOsError back on the main thread).

import path from 'node:path';

/** A failure of the machine or of the output folder's state, told in one line for the user. */
export class SystemFailure extends Error {
  /** The errno code behind it (ENOSPC, ...), if there is one. */
  readonly code: string | undefined;

  constructor(message: string, code?: string) {
    super(message);
    this.name = 'SystemFailure';
    this.code = code;
  }
}

/** What became of the output, for the end of the line: a build fails atomically, before or after its swap. */
export function outcomeOf(committed: boolean): string {
  return committed
    ? 'The new site is in place, but the cache was not saved: the next build renders more.'
    : 'The output folder is unchanged.';
}

/** What the user can do about each code, given the path it happened at and whether it was a read. */
const EXPLAINED: Record<string, (file: string, reading: boolean) => string> = {
  ENOSPC: (file) => `No space left on the disk holding ${file}. Free some space, then build again.`,
  EDQUOT: (file) => `The disk quota is used up, writing ${file}. Free some space or get a larger quota, then build again.`,
  EACCES: permissionDenied,
  EPERM: permissionDenied,
  EROFS: (file) => `${file} is on a read-only file system. Remount it read-write, or build into another folder with --out.`,
  EMFILE: (file) => `Too many open files in this process, opening ${file}. Raise the limit (ulimit -n 4096), then build again.`,
  ENFILE: (file) => `Too many open files on this system, opening ${file}. Close some programs, or raise the system's limit (fs.file-max).`,
  ENOTDIR: (file) => `Part of the path ${file} is a file where a folder should be. Move that file away, then build again.`,
  EISDIR: (file) => `${file} is a folder where a file should be. Move that folder away, then build again.`,
  EIO: (file) => `The disk failed to read or write ${file} (an input/output error). Check the disk, then build again.`,
  EBUSY: (file) => `${file} is in use by another program. Close it, then build again.`,
  ENAMETOOLONG: (file) => `The path ${file} is too long for this file system. Use shorter slugs or a shorter folder path.`,
  ELOOP: (file) => `${file} goes through a loop of symbolic links. Fix or remove the links.`,
};

function permissionDenied(file: string, reading: boolean): string {
  // An input the user may not read is fixed where it is: another output folder would not help.
  if (reading) return `Permission denied: this user may not read ${file}. Give this user read access (check with ls -l).`;
  return `Permission denied: this user may not write ${file}. Give it write access (check with ls -ld), or build into another folder with --out.`;
}

/** System calls that only read: a permission error there needs read access, not write access. */
const READS = new Set(['read', 'scandir', 'stat', 'lstat', 'readlink', 'opendir', 'access']);

/** An error marked by asReadError: met while reading the site's input. */
interface ReadError {
  reading?: boolean;
}

/**
 * Mark an operating-system error as met reading the site's input (a content, authors, template
 * or static file): `open` serves reads and writes alike, so only the caller knows which it was.
 * Returns the error, to be thrown again.
 */
export function asReadError(error: unknown): unknown {
  if (typeof error === 'object' && error !== null && typeof (error as NodeJS.ErrnoException).code === 'string') (error as ReadError).reading = true;
  return error;
}

/**
 * The user's line for an operating-system error (with `outcome`, what became of the output,
 * after it), or undefined for anything else: a bug, to be reported with its stack.
 */
export function explainSystemError(error: unknown, outcome = ''): SystemFailure | undefined {
  if (error instanceof SystemFailure) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, path: file, dest, syscall } = error as NodeJS.ErrnoException & { dest?: string };
  const explain = code ? EXPLAINED[code] : undefined;
  if (!code || !explain) return undefined;
  // rename, link and symlink name two paths; the destination is the one being made.
  const at = dest && ['rename', 'link', 'symlink'].includes(syscall ?? '') ? dest : (file ?? dest);
  const shown = at ? shownPath(at) : 'a file of the build';
  // The code goes after the first sentence: "No space left on ... (ENOSPC). Free some space, ...".
  const reading = READS.has(syscall ?? '') || (error as ReadError).reading === true;
  const line = explain(shown, reading).replace(/\. /, ` (${code}). `);
  return new SystemFailure(outcome ? `${line} ${outcome}` : line, code);
}

/**
 * A path as the user should read it: relative to the current folder (with ../ when outside it:
 * messages name no machine's absolute paths), and the file being written rather than its aside copy.
 */
export function shownPath(file: string): string {
  const target = file.replace(/\.\d+(-\d+-\d+)?\.tmp$/, '');
  const relative = path.relative(process.cwd(), target);
  if (relative === '') return '.';
  // Another drive (Windows) has no relative path.
  return path.isAbsolute(relative) ? target : relative;
}

/** An operating-system error as plain data, so that it survives a worker thread's boundary. */
export interface PlainOsError {
  code: string;
  message: string;
  syscall?: string;
  path?: string;
  dest?: string;
  /** Set by asReadError. */
  reading?: boolean;
}

/** The plain form of an operating-system error; undefined for anything else. */
export function toPlainOsError(error: unknown): PlainOsError | undefined {
  if (typeof error !== 'object' || error === null || typeof (error as NodeJS.ErrnoException).code !== 'string') return undefined;
  const { code, message, syscall, path: file, dest, reading } = error as NodeJS.ErrnoException & { dest?: string } & ReadError;
  return { code: code!, message, syscall, path: file, dest, reading };
}

/** The error again, as the main thread would have seen it thrown. */
export function fromPlainOsError(plain: PlainOsError): NodeJS.ErrnoException {
  return Object.assign(new Error(plain.message), plain);
}
