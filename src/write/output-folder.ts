// The output folder's layout on disk, which is what makes a build atomic:
//
//   dist -> .dist.builds/b      a symbolic link: what servers and deploy tools open
//   .dist.builds/b/             the site dist/ shows
//   .dist.builds/a/             the previous site (hard links to b's unchanged files); the next
//                               build makes the new site here, then points dist at it
//   .dist.builds/swap           exists only while dist is being pointed at the other tree
//
// Pointing dist at the other tree is one rename(2) of a new link over the old one, which POSIX
// makes atomic: at every instant dist resolves to one whole tree, old or new, and a request that
// resolved it a moment earlier still finds every file of the old tree, which is left alone until
// the next build starts. Only what changed is written into the spare tree; unchanged files become
// hard links to the live tree's (same bytes, same mtime), so each build costs what it changed, not
// the size of the site.
//
// A build killed at any instant leaves dist pointing at one whole tree. The next build recovers by
// itself (openOutputFolder): a half-made swap is finished (dist was missing) or dropped (dist still
// points at the old tree), and whatever a killed build left in the spare tree is reconciled by the
// next commit, which trusts nothing in it. Before the swap the new tree is flushed to disk, so a
// power cut cannot leave dist pointing at files whose bytes never reached the disk.
//
// The output path must be Broadsheet's to replace (output-ownership.ts): nothing there, an empty
// folder, its own link, or a real folder an older Broadsheet provably wrote. Such a folder is
// moved into .dist.builds/ at the first build that changes something (an empty one is removed):
// the one instant, ever, at which dist does not exist.

import { spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmdirSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { commitMark, commitStep } from './failpoints.js';
import { fsyncFolder, isCode, makeFolder } from './fs-helpers.js';
import { SystemFailure, shownPath } from './os-errors.js';
import { inspectOutput } from './output-ownership.js';

const TREES = ['a', 'b'] as const;
const SWAP_LINK = 'swap';

/** Where a build's output lives (see the top of this file). */
export interface OutputFolder {
  /** The path users, servers and deploy tools know: the link (or a real folder, until the first swap). */
  outPath: string;
  /** The folder holding both trees. */
  builds: string;
  /** The tree dist shows now; undefined when there is no output yet. */
  live: string | undefined;
  /** The tree the new site is made in. */
  spare: string;
  /** Was the spare tree made just now (so holds nothing but this build's files)? */
  fresh: boolean;
  /** A real folder stands at outPath (an older Broadsheet's output, or empty): it is moved or removed at the swap. */
  realFolder: 'older-output' | 'empty' | undefined;
  /** An older Broadsheet's files the manifest does not name: each must be a file of the new site (provedAtCommit). */
  unrecorded: string[];
}

/** The folder holding an output folder's trees: `.dist.builds` beside `dist`. */
export function buildsFolderOf(outPath: string): string {
  return path.join(path.dirname(outPath), `.${path.basename(outPath)}.builds`);
}

/**
 * Throw a SystemFailure if `outPath` is not Broadsheet's to replace (output-ownership.ts), without
 * changing anything. `recorded`: the files the cache's manifest says a build wrote there.
 */
export function checkOutputFolder(outPath: string, recorded: () => ReadonlySet<string> | undefined): void {
  const builds = buildsFolderOf(outPath);
  inspectOutput(outPath, builds, recorded);
  for (const tree of TREES) refuseMovedRepository(path.join(builds, tree));
}

/**
 * Find the live and spare trees of `outPath`, recovering from a killed build first. Throws a
 * SystemFailure, having changed nothing, when `outPath` is not Broadsheet's to replace.
 */
export function openOutputFolder(outPath: string, recorded: () => ReadonlySet<string> | undefined): OutputFolder {
  const builds = buildsFolderOf(outPath);
  let state = inspectOutput(outPath, builds, recorded);
  for (const tree of TREES) refuseMovedRepository(path.join(builds, tree));
  if (finishOrDropSwap(builds, outPath)) state = inspectOutput(outPath, builds, recorded);
  let live: string | undefined;
  let spare: string;
  let realFolder: OutputFolder['realFolder'];
  let unrecorded: string[] = [];
  if (state.kind === 'link') {
    const target = path.join(builds, state.tree);
    live = lstatSync(target, { throwIfNoEntry: false })?.isDirectory() ? target : undefined;
    spare = path.join(builds, otherTree(state.tree));
  } else {
    spare = path.join(builds, TREES[0]);
    if (state.kind === 'older-output') {
      // Its files are the live site until the swap moves the folder to tree b (once the commit
      // has proved every one of them Broadsheet's: provedAtCommit).
      live = outPath;
      realFolder = 'older-output';
      unrecorded = state.unrecorded;
      rmSync(path.join(builds, TREES[1]), { recursive: true, force: true });
    } else if (state.kind === 'empty-folder') {
      realFolder = 'empty';
    }
  }
  makeFolder(builds);
  // The ledger's aside copy, if a build was killed writing it (the lock says none is now).
  for (const name of readdirSync(builds)) if (/^ledger\.json\.\d+-\d+-\d+\.tmp$/.test(name)) rmSync(path.join(builds, name), { force: true });
  const fresh = !lstatSync(spare, { throwIfNoEntry: false })?.isDirectory();
  if (fresh) {
    rmSync(spare, { force: true });
    // Not recursive: a recursive mkdir on a read-only file system reports ENOENT, not EROFS.
    mkdirSync(spare);
  }
  return { outPath, builds, live, spare, fresh, realFolder, unrecorded };
}

/**
 * Broadsheet never writes a git repository, but older versions moved any folder they found at the output
 * path into its trees, a repository checkout included, and the next build would empty that tree.
 * Such a tree is refused, with the way to get the folder back.
 */
function refuseMovedRepository(tree: string): void {
  const has = (name: string) => lstatSync(path.join(tree, name), { throwIfNoEntry: false }) !== undefined;
  // A checkout (its .git inside), or a repository's .git folder itself.
  if (!has('.git') && !(has('HEAD') && has('objects') && has('refs'))) return;
  throw new SystemFailure(
    `${shownPath(tree)} holds a git repository, which Broadsheet never writes: an older Broadsheet moved a folder of yours there. Move it back out (mv ${shownPath(tree)} <where it was>), then build again. Nothing was changed.`,
  );
}

/**
 * A swap the last build was killed in: finish it if dist is gone, else drop the new link.
 * Returns whether dist changed (it was finished).
 */
function finishOrDropSwap(builds: string, outPath: string): boolean {
  const link = path.join(builds, SWAP_LINK);
  if (!lstatSync(link, { throwIfNoEntry: false })) return false;
  if (!lstatSync(outPath, { throwIfNoEntry: false })) {
    renameSync(link, outPath);
    return true;
  }
  unlinkSync(link);
  return false;
}

function otherTree(name: string): 'a' | 'b' {
  return name === TREES[0] ? TREES[1] : TREES[0];
}

/**
 * Make the spare tree the output: flush it to disk, then point dist at it with one rename. The
 * old tree stays as it is until the next build, for requests that resolved dist just before.
 * `written` lists the files written to the spare tree (each flushed, when they are few).
 */
export function swapIn(folder: OutputFolder, written: ReadonlySet<string>): void {
  const { outPath, builds, spare } = folder;
  flushToDisk(spare, written);
  commitMark('swapping');
  const link = path.join(builds, SWAP_LINK);
  rmSync(link, { force: true });
  // Relative, so the site folder can be moved or copied whole; Windows gets a junction (no rights needed).
  symlinkSync(path.relative(path.dirname(outPath), spare), link, process.platform === 'win32' ? 'junction' : 'dir');
  commitStep();
  let movedAside: string | undefined;
  if (folder.realFolder === 'older-output') {
    // An older Broadsheet's real folder: moved aside first. A kill here leaves dist missing, and
    // the next build finishes the swap (finishOrDropSwap).
    movedAside = path.join(builds, otherTree(path.basename(spare)));
    renameSync(outPath, movedAside);
    commitStep();
  } else if (folder.realFolder === 'empty') {
    // Removed only while empty: rmdir(2) refuses a folder someone put a file into meanwhile.
    try {
      rmdirSync(outPath);
    } catch (error) {
      rmSync(link, { force: true });
      if (!isCode(error, 'ENOTEMPTY', 'EEXIST')) throw error;
      throw new SystemFailure(
        `The output folder ${shownPath(outPath)} was empty when the build started, but something was put into it since. It is left as it is: move its files away, then build again.`,
      );
    }
    commitStep();
  }
  try {
    renameSync(link, outPath);
  } catch (error) {
    // Refused (a folder this user may not change): put everything back as it was.
    if (movedAside) renameSync(movedAside, outPath);
    else if (folder.realFolder === 'empty') mkdirSync(outPath);
    rmSync(link, { force: true });
    throw error;
  }
  commitMark('swapped');
  fsyncFolder(path.dirname(outPath));
  commitStep();
}

/**
 * Up to this many files written, each is flushed on its own (35 files: ~6 ms here, as one syncfs
 * with nothing else to write); past it, one syncfs. syncfs flushes everything waiting for the
 * disk on that file system, whoever wrote it: just after a CI job restored its cache (hundreds
 * of MB), a publish's commit took 0.8 s longer at 10,000 articles waiting for it.
 */
const FLUSH_EACH_UP_TO = 1000;

/**
 * Flush the tree's new files to disk before anything points at them: each written file fsynced,
 * or when there are many, syncfs(2) (`sync -f`), one call however many there are (and each file
 * where it is missing). Hard links and folders need no flush of their own: journaling file
 * systems (ext4, XFS, APFS, NTFS) commit those in order, before the rename that follows them.
 */
function flushToDisk(root: string, written: ReadonlySet<string>): void {
  if (written.size > FLUSH_EACH_UP_TO && process.platform !== 'win32') {
    const synced = spawnSync('sync', process.platform === 'linux' ? ['-f', root] : [], { stdio: 'ignore' });
    if (synced.status === 0) return;
  }
  for (const file of written) {
    const fd = openSync(path.join(root, file), 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
