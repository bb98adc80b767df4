// Change detection without reading every file: the cache index records each content file's stat
// (its "stamp": size, mtime and ctime in nanoseconds, inode) with the hash of the bytes it held.
// On the next build a file whose stamp is unchanged reuses that hash without being read; any other
// is read and hashed again (and is still a cache hit when its bytes are the same: a `touch`, a
// `git checkout`).
//
// Git's "racy" rule guards the one case a stamp cannot tell: a file changed again within the same
// timestamp tick as the stamp was taken keeps its mtime. A recorded stamp is trusted only when its
// mtime is safely before the cache was written: before the index file's own mtime (git's rule,
// on the file system's clock), and more than RACY_MARGIN_MS before the build that took it started
// reading (which also covers a file edited while that build ran, and file systems whose
// timestamps tick in whole seconds). Anything else is read again. A file rewritten with the same
// size, the same mtime and ctime, and the same inode is not noticed: git's trade-off too.

import { hash } from 'node:crypto';
import { statSync } from 'node:fs';

/** A content file's stamp and its mtime (ns), as recorded or as just taken. */
export interface Stamp {
  /** `size:mtimeNs:ctimeNs:ino`: equal strings, unchanged file (to the racy rule). */
  stamp: string;
  mtimeNs: bigint;
  /** The file's size in bytes. */
  size: number;
}

/** The hash of a content file's text: what the index records with its stamp. */
export function sourceHash(text: string): string {
  return hash('sha1', text);
}

/** What the index keeps per content path: the stamp when read, and the hash of the text. */
export type StampRecord = [stamp: string, sourceHash: string];

/** Stamps with mtimes this close before the reading build's start are not trusted (coarse clocks). */
export const RACY_MARGIN_MS = 2000;

/** More than one racy stamp in this many, and the index is written again to settle them. */
const RACY_REWRITE_SHARE = 8;

/** The stamp of a file now; undefined if it cannot be stat'ed (it is then read, and fails there). */
export function stampOf(file: string): Stamp | undefined {
  let info;
  try {
    info = statSync(file, { bigint: true });
  } catch {
    return undefined;
  }
  return { stamp: `${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}`, mtimeNs: info.mtimeNs, size: Number(info.size) };
}

/** When the recorded stamps were taken, to the racy rule. */
export interface StampsTakenAt {
  /** mtime of the index file that holds them (ns), on the file system's clock. */
  indexMtimeNs: bigint;
  /** When the build that took them started reading (epoch ms, the process clock). */
  readStartedMs: number;
}

/** Stamps with an mtime at or after this are racy (see the top of this file). */
export function trustedBefore(taken: StampsTakenAt): bigint {
  const readStartedNs = BigInt(Math.floor(taken.readStartedMs - RACY_MARGIN_MS)) * 1_000_000n;
  return taken.indexMtimeNs < readStartedNs ? taken.indexMtimeNs : readStartedNs;
}

/** What changed in the records since the previous build's: for the index's log (write/journal.ts). */
export interface StampChanges {
  /** Records new or changed, and, when many were racy, those re-read as racy (so that their new, later time counts). */
  set: Array<[contentPath: string, record: StampRecord]>;
  /** Content paths no longer recorded. */
  gone: string[];
}

/** The stamps of the previous build, and those of this one (see the top of this file). */
export class SourceStamps {
  private readonly next = new Map<string, StampRecord>();
  /** Stamps at or after this are racy: read the file again. */
  private readonly trustedBeforeNs: bigint;
  private racy = 0;
  /** The files whose stamps were racy this build (read again, recorded anew). */
  private readonly racyFiles = new Set<string>();
  /** When the earliest of this build's records was taken: what the index says of them. */
  private startedMs: number | undefined;

  /**
   * `taken`: when the previous records were taken; `later`: for records an index's log added
   * after that (write/journal.ts), the bound each was taken under (trustedBefore).
   */
  constructor(
    private readonly previous: Map<string, StampRecord>,
    private readonly taken: StampsTakenAt | undefined,
    private readonly later = new Map<string, bigint>(),
  ) {
    this.trustedBeforeNs = taken ? trustedBefore(taken) : 0n;
  }

  /** Reading starts now (or `at`, epoch ms, when stamps were taken from then on): stamps are recorded as taken no earlier. */
  startReading(at = Date.now()): void {
    this.startedMs ??= at;
  }

  /** When the records of this build were taken (the earliest), for the index. */
  get readStartedMs(): number {
    return this.startedMs ?? Date.now();
  }

  /** The hash of the file's text recorded under this very stamp, if the stamp can be trusted. */
  known(contentPath: string, now: Stamp | undefined): string | undefined {
    if (!now) return undefined;
    const record = this.previous.get(contentPath);
    if (!record || record[0] !== now.stamp) return undefined;
    if (now.mtimeNs >= (this.later.get(contentPath) ?? this.trustedBeforeNs)) {
      this.racy++;
      this.racyFiles.add(contentPath);
      return undefined;
    }
    return record[1];
  }

  /** The file's stamp, as taken before it was read, and the hash of what was read. */
  record(contentPath: string, now: Stamp | undefined, sourceHash: string): void {
    if (!now) return;
    // The previous record when it says the same: 100,000 arrays fewer a build at 100,000 articles.
    const old = this.previous.get(contentPath);
    this.next.set(contentPath, old && old[0] === now.stamp && old[1] === sourceHash ? old : [now.stamp, sourceHash]);
  }

  /** Keep a file's record without having looked at it this time (the dev server reads only some files). */
  carry(contentPath: string): void {
    const record = this.previous.get(contentPath);
    if (!record || this.next.has(contentPath)) return;
    this.next.set(contentPath, record);
    // A carried record was taken when the previous index's were: it must stay as racy as it was.
    if (this.taken) this.startedMs = Math.min(this.startedMs ?? Infinity, this.taken.readStartedMs);
  }

  /**
   * Must the index be written again for its stamps? When a stamp changed or a file came or went.
   * Racy stamps stay racy until the index is written again, so each build reads those files once
   * more: cheap for the few files edited just before the last build, and cheaper than rewriting
   * the index (~0.15 s at 10,000 articles) on a build that changed nothing. When many are racy
   * (files checked out just before a cold build), the index is written again to settle them.
   */
  changed(): boolean {
    if (this.racy * RACY_REWRITE_SHARE > this.next.size || this.next.size !== this.previous.size) return true;
    for (const [file, record] of this.next) {
      const [stamp, hash] = record;
      const old = this.previous.get(file);
      if (!old || (old !== record && (old[0] !== stamp || old[1] !== hash))) return true;
    }
    return false;
  }

  /** What changed since the previous records (see StampChanges). */
  changes(): StampChanges {
    // Racy records are recorded anew only when many are racy (see changed()); a few are read again.
    const settle = this.racy * RACY_REWRITE_SHARE > this.next.size;
    const set: StampChanges['set'] = [];
    for (const [file, record] of this.next) {
      const old = this.previous.get(file);
      const same = old === record || (old !== undefined && old[0] === record[0] && old[1] === record[1]);
      if (!same || (settle && this.racyFiles.has(file))) set.push([file, record]);
    }
    const gone: string[] = [];
    for (const file of this.previous.keys()) if (!this.next.has(file)) gone.push(file);
    return { set, gone };
  }

  /**
   * The index now holds this build's records (`saved`: this.changes() as the save took them): the
   * next save counts its changes from them, each trusted as taken when this build's were (the
   * dev server records more as files change).
   */
  saved({ set, gone }: StampChanges): void {
    const bound = trustedBefore({ indexMtimeNs: BigInt(Date.now()) * 1_000_000n, readStartedMs: this.readStartedMs });
    for (const [file, record] of set) {
      this.previous.set(file, record);
      this.later.set(file, bound);
    }
    for (const file of gone) {
      this.previous.delete(file);
      this.later.delete(file);
    }
    this.racyFiles.clear();
    this.racy = 0;
  }

  /** This build's records, for the index. */
  records(): ReadonlyMap<string, StampRecord> {
    return this.next;
  }
}
