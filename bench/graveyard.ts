// Trees the bench is done with, moved aside instead of deleted until the bench ends.
//
// On an ext4 file system without a journal (this machine's), creating a file or folder soon after
// many were deleted steps over every recently deleted inode of its block group (the kernel's
// recently_deleted() in fs/ext4/ialloc.c: up to ~1 ms a file, a minute to six after the deletion).
// A clean build started right after `rm -rf` of the last one paid for the bench's own deletions:
// 9% of a 10,000-article first build's CPU in `perf`, and more for Broadsheet than for Hugo, whose
// one output tree is a third of Broadsheet's two trees and cache. A tree moved aside frees no
// inode, so each build creates its files as it would on a fresh checkout; the graveyard is
// deleted once every build is measured.

import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** A folder beside the bench's work folder (the same file system) holding what the bench set aside. */
export class Graveyard {
  private buried = 0;

  constructor(readonly dir: string) {}

  /** Move `target` (a file or folder) into the graveyard; nothing when it does not exist. */
  bury(target: string): void {
    if (!existsSync(target)) return;
    mkdirSync(this.dir, { recursive: true });
    renameSync(target, path.join(this.dir, `${process.pid}-${this.buried++}-${path.basename(target)}`));
  }

  /** Delete the graveyard and everything in it (leftovers of an interrupted bench too). */
  clear(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
