// The build's output: dist/ changes only at the very end, in one atomic step, from one whole site
// to the next (the layout, the swap and recovery are output-folder.ts).
//
// While the build can still fail, every changed file is written into the spare tree, never into
// the tree dist/ shows. A file whose bytes are unchanged is not written at all: commit gives the
// spare tree a hard link to the live file, so it keeps its bytes and its mtime and deploy tools
// that sync by mtime upload only what changed. Commit then deletes from the spare tree whatever
// the new site does not have (pages of deleted articles, leftovers of a killed build), and points
// dist/ at it.
//
// Writes are queued to libuv's I/O threads and run while the main thread renders the next pages
// (creating a file or folder costs ~0.3 ms of kernel time here, and 10,000 articles make 14,000
// page folders); page workers write their files themselves (stageFile), synchronously.

import { rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BoundedTasks } from '../bounded-tasks.js';
import { commitMark, commitStep, holdPoint, killPoint } from './failpoints.js';
import { assertInside, ensureFolder, ensureFolderAsync, replaceEntry, sameBytes, sameFile, writeFreshFile, writeFreshFileAsync } from './fs-helpers.js';
import { linkOrCopy } from './linked-file.js';
import { filesUnder, hasSorted, keptLinker, mergeSorted, removeEmptiedFolders, removeListed, removeStale } from './tree-files.js';
import { provedAtCommit } from './output-ownership.js';
import { buildsFolderOf, checkOutputFolder, openOutputFolder, swapIn, type OutputFolder } from './output-folder.js';
import { refuseHandPlaced, startListing, type LiveListing } from './hand-placed.js';
import { putBackLedger, takeLedger, writeLedger, type TreeLedger } from './tree-ledger.js';
import type { OutputWriter, StagingTarget, WorkerStaging, WriteStats } from './output-writer.js';

/**
 * Stage one file of the new site: unchanged bytes are left in the live tree ('kept'), anything
 * else is written into the spare tree ('staged'). Synchronous: page workers call it directly.
 */
export function stageFile(staging: string, outPath: string, hasOldOutput: boolean, file: string, bytes: Uint8Array): 'kept' | 'staged' {
  assertInside(file);
  if (hasOldOutput && sameBytes(path.join(outPath, file), bytes)) return 'kept';
  const target = path.join(staging, file);
  ensureFolder(staging, path.dirname(target));
  writeFreshFile(target, bytes);
  killPoint('output-write');
  return 'staged';
}


/** Writes under way at once: enough to keep libuv's I/O threads busy, bounded for memory. */
const WRITES_IN_FLIGHT = 64;

/** Writes dist/ through its spare tree and one atomic swap (see the top of this file). */
export class DistWriter implements OutputWriter {
  readonly target = 'staged';
  readonly files = new Set<string>();
  /** Has commit pointed dist/ at the new site? After that, a failure leaves the new site in place. */
  committed = false;
  /** Page workers stage their files into the spare tree themselves (stageFile). */
  readonly staging: WorkerStaging = {
    target: () => this.prepare(),
    adopt: (file, outcome) => this.adopt(file, outcome),
  };
  private readonly staged = new Set<string>();
  private readonly kept = new Set<string>();
  private readonly folders = new Map<string, Promise<unknown>>();
  /** Writes under way (queued to libuv's I/O threads). */
  private readonly writes = new BoundedTasks(WRITES_IN_FLIGHT);
  private folder: OutputFolder | undefined;
  /** What the last commit recorded about the trees, when it can be trusted (tree-ledger.ts). */
  private ledger: TreeLedger | undefined;
  /** The live tree's files, listed from check() on, to find files put there by hand (hand-placed.ts). */
  private listing: LiveListing | undefined;
  /** The ledger as this writer took it: what it says of the live tree holds after an abort too. */
  private taken: TreeLedger | undefined;

  /**
   * `recorded`: the files the cache's output manifest says a build wrote into `outPath`
   * (manifest.ts recordedOutputFiles), which prove a real folder an older Broadsheet left there to
   * be its own; without it, such a folder is refused. `signal`: once aborted, no more files are
   * written and commit refuses to swap.
   */
  constructor(
    readonly outPath: string,
    private readonly options: { recorded?: () => ReadonlySet<string> | undefined; signal?: AbortSignal } = {},
  ) {}

  /** Throw a SystemFailure, changing nothing, unless the output folder is Broadsheet's to replace (output-ownership.ts). */
  check(): void {
    checkOutputFolder(this.outPath, this.recorded);
    this.listing ??= startListing(this.outPath, buildsFolderOf(this.outPath));
  }

  private readonly recorded = () => this.options.recorded?.();

  /** Queues the write; resolves once there is room for another. Failures surface at commit. */
  async write(file: string, content: string | Uint8Array): Promise<void> {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    await this.stage(file, (live) => sameBytes(live, bytes), (target) => writeFreshFileAsync(target, bytes));
  }

  /** Queues the link (or copy) of `source` as `file`; kept when the live tree has its bytes already. */
  async copy(file: string, source: string): Promise<void> {
    await this.stage(file, (live) => sameFile(live, source), (target) => linkOrCopy(source, target));
  }

  /**
   * Count `file` as part of the new output: kept when the live tree's file is `same` already, else
   * made in the spare tree by `make` (queued; resolves once there is room for another).
   */
  private async stage(file: string, same: (live: string) => boolean, make: (target: string) => Promise<void>): Promise<void> {
    assertInside(file);
    if (this.writes.failed) await this.writes.settle();
    this.options.signal?.throwIfAborted();
    this.files.add(file);
    const { staging, outPath, hasOldOutput } = this.prepare();
    if (hasOldOutput && same(path.join(outPath, file))) {
      this.kept.add(file);
      return;
    }
    this.staged.add(file);
    const target = path.join(staging, file);
    await this.writes.start(() =>
      this.folderFor(staging, path.dirname(target))
        .then(() => make(target))
        .then(() => killPoint('output-write')),
    );
  }

  /** Create a folder (and its parents) once, however many files go into it. */
  private folderFor(root: string, folder: string): Promise<unknown> {
    let made = this.folders.get(folder);
    if (!made) {
      made = ensureFolderAsync(root, folder);
      this.folders.set(folder, made);
    }
    return made;
  }

  /** Count a file of the live tree, known to be current, as part of the new site. */
  keep(file: string): void {
    assertInside(file);
    this.files.add(file);
    this.kept.add(file);
  }

  /**
   * Where this build stages files (see stageFile). The first call opens the output folder, which
   * recovers from a build that was killed (output-folder.ts).
   */
  private prepare(): StagingTarget {
    if (!this.folder) {
      this.folder = openOutputFolder(this.outPath, this.recorded);
      if (this.folder.live) this.ledger = takeLedger(this.folder.builds, this.folder.live);
      if (this.ledger) this.taken = this.ledger;
    }
    const { live, spare } = this.folder;
    return { staging: spare, outPath: live ?? this.outPath, hasOldOutput: live !== undefined };
  }

  /** Count a file a page worker staged (or found unchanged) as part of the new site. */
  private adopt(file: string, outcome: 'kept' | 'staged'): void {
    assertInside(file);
    this.files.add(file);
    if (outcome === 'kept') this.kept.add(file);
    else this.staged.add(file);
  }

  /**
   * Make the spare tree exactly the new site, then point dist/ at it (one rename). With `removed`,
   * the files written and kept are a patch: every other file of the live site is kept (linked).
   */
  async commit(removed?: Iterable<string>): Promise<WriteStats> {
    await this.writes.settle();
    // Taken once: a writer used again lists the live tree again at its next check().
    const listing = this.listing;
    this.listing = undefined;
    const listed = await listing?.files;
    await holdPoint('commit');
    // From here to the swap everything is synchronous: an interrupt is seen here or not at all.
    this.options.signal?.throwIfAborted();
    this.prepare();
    const folder = this.folder!;
    const { live, spare, builds } = folder;
    const ledger = this.ledger;
    if (folder.realFolder === 'older-output') provedAtCommit(this.outPath, folder.unrecorded, this.files);
    const taken = this.taken;
    this.taken = undefined;
    // The ledger as taken describes the live tree (takeLedger checks); the listing must be of that tree too.
    if (taken && listed && listing && listing.tree === live) this.refuseHandPlaced(listed, taken, listing.sinceMs);
    commitMark('started');
    // Every file of the live tree, sorted (the ledger keeps them so).
    const old = ledger?.files ?? (live ? filesUnder(live).sort() : []);
    // A patch carries the live tree's other files over unwritten: counted and linked where the
    // spare tree lacks them, not each recorded as kept (at 100,000 articles they are ~260,000).
    const going = removed ? new Set(removed) : undefined;
    const isCarried = (file: string) => going !== undefined && !going.has(file) && !this.files.has(file) && hasSorted(old, file);
    const carried = going ? old.filter((file) => !going.has(file) && !this.files.has(file)) : [];
    const isNew = (file: string) => this.files.has(file) || isCarried(file);
    const gone = old.filter((file) => !this.files.has(file) && (going === undefined || going.has(file)));
    const stats: WriteStats = { written: this.staged.size, unchanged: this.kept.size + carried.length, deleted: gone.length, changed: [...this.staged, ...gone] };
    // Nothing written and nothing gone: dist/ already shows the new site, and the spare tree is as it was.
    if (live && stats.written === 0 && stats.deleted === 0) {
      if (ledger) writeLedger(builds, ledger);
      return stats;
    }

    // The spare tree differs from the live one only in the ledger's files (and this build's
    // writes); without a ledger, it is walked and trusted in nothing.
    const differs = !folder.fresh && ledger && ledger.spareDiffers !== 'all' ? new Set(ledger.spareDiffers) : undefined;
    if (differs) {
      removeListed(spare, [...differs, ...gone].filter((file) => !isNew(file)), commitStep);
    } else if (!folder.fresh) {
      removeStale(spare, isNew, commitStep);
    }
    // A spare tree made just now holds only this build's files: no entry to look at for a kept one.
    const linker = keptLinker(live!, spare, folder.fresh);
    const link = (file: string) => {
      if (linker(file)) commitStep();
    };
    for (const file of this.kept) if (!differs || differs.has(file)) link(file);
    // The carried files the spare tree may lack: with a ledger, only those it says differ.
    if (differs) {
      for (const file of differs) if (isCarried(file)) link(file);
    } else {
      for (const file of carried) link(file);
    }
    swapIn(folder, this.staged);
    this.committed = true;
    // The tree just swapped out (or moved aside) now differs from the live one where this build wrote or deleted.
    const files = mergeSorted(carried, [...this.files].sort());
    writeLedger(builds, { live: path.basename(spare), files, spareDiffers: live ? [...this.staged, ...gone] : 'all' });
    return stats;
  }

  /**
   * Refuse the commit if the live tree holds files the ledger does not name (hand-placed.ts). The
   * ledger is put back first, with its time and with this build's writes among the spare tree's
   * differences (abort removes them), so the next build finds those files again.
   */
  private refuseHandPlaced(listed: readonly string[], taken: TreeLedger, sinceMs: number): void {
    try {
      refuseHandPlaced(this.outPath, listed, (file) => hasSorted(taken.files, file));
    } catch (error) {
      // After an abort (this.ledger dropped) the spare tree is trusted in nothing.
      const trusted = this.ledger?.spareDiffers ?? 'all';
      putBackLedger(this.folder!.builds, { ...taken, spareDiffers: trusted === 'all' ? 'all' : [...trusted, ...this.staged] }, sinceMs);
      throw error;
    }
  }

  /** A patch can be committed when dist/ is a link of Broadsheet's to a whole site (output-folder.ts). */
  patchable(): boolean {
    this.prepare();
    return this.folder!.live !== undefined && this.folder!.realFolder === undefined;
  }

  /** Give up: dist/ is untouched; the files this build wrote into the spare tree are removed. */
  async abort(): Promise<void> {
    await this.writes.drain();
    try {
      if (this.folder && !this.committed) discardStaged(this.folder, this.staged);
    } catch {
      // The build's own error is the one to report; the next commit reconciles the spare tree.
    }
    this.files.clear();
    this.staged.clear();
    this.kept.clear();
    // Trusted no more: a commit after this one opens the folder again and walks the trees.
    this.folder = undefined;
    this.ledger = undefined;
    this.folders.clear();
  }
}

/** Remove what a failed build wrote into the spare tree (all of it when there is no output yet). */
function discardStaged({ live, spare, builds }: OutputFolder, staged: Iterable<string>): void {
  // No output yet: the spare tree holds only this build's files (a worker's unreported ones too).
  if (!live) rmSync(spare, { recursive: true, force: true });
  const emptied = new Set<string>();
  for (const file of staged) {
    const absolute = path.join(spare, file);
    rmSync(absolute, { force: true });
    emptied.add(path.dirname(absolute));
  }
  removeEmptiedFolders(spare, emptied);
  // A first build that failed leaves no trace.
  for (const folder of [spare, builds]) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty (or already gone).
    }
  }
}
