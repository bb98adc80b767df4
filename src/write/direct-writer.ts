// The dev server's writer: an update's few changed pages are held until commit, then each is
// written straight into the served folder (through writeFileAtomic, so a request never sees half a
// page), and the files the update took away are deleted. Nothing is written if the update fails
// before commit. Files with unchanged bytes are left alone (their mtime too). The served folder is
// the live tree of Broadsheet's own output folder (output-folder.ts), so every file in it is one
// Broadsheet wrote.

import { existsSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { assertInside, ensureFolder, sameBytes, writeFileAtomic } from './fs-helpers.js';
import { filesUnder, removeEmptiedFolders } from './tree-files.js';
import { buildsFolderOf } from './output-folder.js';
import type { OutputWriter, WriteStats } from './output-writer.js';
import { forgetLedger } from './tree-ledger.js';

/** Writes an update's changed files into the served folder at commit (see the top of this file). */
export class DirectWriter implements OutputWriter {
  readonly target = 'live';
  readonly files = new Set<string>();
  committed = false;
  private readonly pending = new Map<string, Uint8Array>();

  constructor(readonly outPath: string) {}

  /** The served folder is the live site: a patch keeps every file it does not name. */
  patchable(): boolean {
    return true;
  }

  /** Hold the file until commit. */
  async write(file: string, content: string | Uint8Array): Promise<void> {
    assertInside(file);
    this.files.add(file);
    this.pending.set(file, typeof content === 'string' ? Buffer.from(content) : content);
  }

  /** Hold the bytes of `source` as `file` until commit (a dev update writes a few photos: no link needed). */
  async copy(file: string, source: string): Promise<void> {
    await this.write(file, await readFile(source));
  }

  /** Count a file as part of the site, unwritten. */
  keep(file: string): void {
    assertInside(file);
    this.files.add(file);
  }

  /**
   * Write the pending files, then delete `removed` (files the site no longer has), or without it
   * every file of the served folder that was neither written nor kept.
   */
  async commit(removed?: Iterable<string>): Promise<WriteStats> {
    const remove = removed ?? filesUnder(this.outPath);
    const changed: string[] = [];
    // The live tree is about to change outside a commit: what the ledger says of it no longer
    // holds. Dropped once, before the first change; an update that changes nothing keeps it.
    let forgotten = false;
    const forget = () => {
      if (!forgotten) forgetLedger(buildsFolderOf(this.outPath));
      forgotten = true;
    };
    for (const [file, bytes] of this.pending) {
      const target = path.join(this.outPath, file);
      if (sameBytes(target, bytes)) continue;
      forget();
      ensureFolder(this.outPath, path.dirname(target));
      writeFileAtomic(target, bytes);
      changed.push(file);
    }
    const emptied = new Set<string>();
    let deleted = 0;
    for (const file of remove) {
      assertInside(file);
      if (this.files.has(file)) continue;
      const target = path.join(this.outPath, file);
      if (!existsSync(target)) continue;
      forget();
      rmSync(target, { force: true });
      deleted++;
      changed.push(file);
      emptied.add(path.dirname(target));
    }
    removeEmptiedFolders(this.outPath, emptied);
    const stats = { written: changed.length - deleted, unchanged: this.files.size - (changed.length - deleted), deleted, changed };
    this.pending.clear();
    this.committed = true;
    return stats;
  }

  /** Drop the pending files: nothing was written. */
  async abort(): Promise<void> {
    this.pending.clear();
    this.files.clear();
  }
}
