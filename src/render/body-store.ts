// The body store: the rendered HTML of every cached article, packed into a few append-only files
// instead of one file per body (a cold build of 10,000 articles spent seconds of kernel time
// creating, renaming and folder-making 10,000 files).
//
//   .cache/bodies/<writer>-<thread>.pack    bodies appended back to back, no framing
//
// Each thread of each build appends to a pack of its own (named by the build's writer token and
// the thread), so no two writers ever share a file and a pack is never written again once its
// build is over. Where a body is (pack, offset, length) and the sha1 of its bytes are kept by the
// cache index (cache.ts), never in the pack: a body is found only through an index that a build
// finished writing, and read back only if its bytes hash right. A build killed mid-append leaves a
// torn tail no index points at; a pack truncated or garbled later fails the hash, and the caller
// renders the article again. Dead bytes (bodies no index uses) are dropped by compact(), which the
// cache runs when they outweigh the live ones.
//
// All I/O is synchronous, like the rest of the build's file I/O (see article-batch.ts).

import { hash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readdirSync, readSync, rmdirSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { failpoint } from '../write/failpoints.js';
import { makeFolder } from '../write/fs-helpers.js';

/** Where a body is in the store, and the sha1 of its bytes (checked on every read). Plain data. */
export interface BodyAt {
  pack: string;
  offset: number;
  length: number;
  hash: string;
}

/** A store and the name this build's writers give their packs: plain data, it crosses threads. */
export interface StoreRef {
  /** The store's folder (.cache/bodies, or a temporary one with --no-cache). */
  dir: string;
  /** Unique to one build (or one stretch of the dev server between saves). */
  writer: string;
}

const PACK = '.pack';

/** The hash a body is stored under and verified against when read back. */
export function hashBody(html: string | Uint8Array): string {
  return hash('sha1', html);
}

/** A writer token no other build has used: its packs are new files. */
export function newWriterToken(): string {
  return `${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Appends bodies to this thread's pack of the build. Open it, append, close it within one
 * synchronous stretch (a task): a thread then has one writer at a time, so the offsets it hands
 * out are right.
 */
export class PackWriter {
  private fd: number | undefined;
  private offset = 0;
  readonly pack: string;

  constructor(private readonly store: StoreRef) {
    this.pack = `${store.writer}-${threadId}${PACK}`;
  }

  /** Append one body; returns where it is. Not flushed to disk: a body lost to a power cut fails its hash. */
  append(html: string): BodyAt {
    const bytes = Buffer.from(html);
    const file = path.join(this.store.dir, this.pack);
    if (this.fd === undefined) {
      makeFolder(this.store.dir);
      this.fd = openSync(file, 'a');
      this.offset = fstatSync(this.fd).size;
    }
    failpoint('write', file);
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done);
    const at: BodyAt = { pack: this.pack, offset: this.offset, length: bytes.length, hash: hashBody(bytes) };
    this.offset += bytes.length;
    return at;
  }

  /** Flush what was appended to disk (compaction: the old packs are about to go). */
  sync(): void {
    if (this.fd !== undefined) fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** Run `write` with a PackWriter for this thread's pack, closed afterwards whatever happens. */
export function withPackWriter<T>(store: StoreRef, write: (writer: PackWriter) => T): T {
  const writer = new PackWriter(store);
  try {
    return write(writer);
  } finally {
    writer.close();
  }
}

/** Reads bodies back, one file descriptor per pack, kept open until close(). */
export class PackReader {
  private readonly fds = new Map<string, number | null>();

  constructor(private readonly dir: string) {}

  /**
   * The body at `at` if its pack holds all of it and its bytes hash right; undefined otherwise
   * (a pack deleted, truncated or garbled): such a body is never served.
   */
  read(at: BodyAt): string | undefined {
    if (!isBodyAt(at)) return undefined;
    const fd = this.fdOf(at.pack);
    if (fd === null) return undefined;
    const bytes = Buffer.allocUnsafe(at.length);
    let done = 0;
    while (done < at.length) {
      const got = readSync(fd, bytes, done, at.length - done, at.offset + done);
      if (got === 0) return undefined;
      done += got;
    }
    return hashBody(bytes) === at.hash ? bytes.toString('utf8') : undefined;
  }

  private fdOf(pack: string): number | null {
    let fd = this.fds.get(pack);
    if (fd !== undefined) return fd;
    // Only names this store gives: an index edited by hand must not open other files.
    if (path.basename(pack) !== pack || !pack.endsWith(PACK)) fd = null;
    else {
      try {
        fd = openSync(path.join(this.dir, pack), 'r');
      } catch {
        fd = null;
      }
    }
    this.fds.set(pack, fd);
    return fd;
  }

  close(): void {
    for (const fd of this.fds.values()) if (fd !== null) closeSync(fd);
    this.fds.clear();
  }
}

/** Is a value read from an index (which may have been edited or garbled) a place a body can be? */
function isBodyAt(at: unknown): at is BodyAt {
  if (typeof at !== 'object' || at === null) return false;
  const { pack, offset, length, hash } = at as Partial<BodyAt>;
  return typeof pack === 'string' && typeof hash === 'string' && Number.isSafeInteger(offset) && offset! >= 0 && Number.isSafeInteger(length) && length! >= 0 && length! <= MAX_BODY;
}

/** No body is longer (V8's longest string is ~2^29 UTF-16 units): a longer length is a garbled index. */
const MAX_BODY = 2 ** 31;

/** The size in bytes of each pack in the store. */
export function packSizes(dir: string): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const name of packNames(dir)) {
    const info = statSync(path.join(dir, name), { throwIfNoEntry: false });
    if (info) sizes.set(name, info.size);
  }
  return sizes;
}

/**
 * Is compacting the store in `dir` worth it for the live `entries`' bodies: do the dead bytes in
 * the packs that still hold a live body outweigh the live ones, or are there more than `maxPacks`
 * of them? (Packs with no live body are simply deleted: removeUnused.)
 */
export function compactionWorthIt(dir: string, entries: Pick<ReadonlyMap<string, { body: BodyAt }>, 'values'>, maxPacks: number): boolean {
  const sizes = packSizes(dir);
  let live = 0;
  let liveStored = 0;
  for (const { body } of entries.values()) {
    live += body.length;
    if (sizes.has(body.pack)) liveStored += body.length;
  }
  // All the packs' dead bytes together no more than the live ones, and few packs: no need to count by pack.
  let stored = 0;
  for (const size of sizes.values()) stored += size;
  if (stored - liveStored <= live && sizes.size <= maxPacks) return false;
  const livePerPack = new Map<string, number>();
  for (const { body } of entries.values()) livePerPack.set(body.pack, (livePerPack.get(body.pack) ?? 0) + body.length);
  let dead = 0;
  let packs = 0;
  for (const [pack, size] of sizes) {
    const used = livePerPack.get(pack);
    if (used === undefined) continue;
    dead += size - used;
    packs++;
  }
  return dead > live || packs > maxPacks;
}

/**
 * Copy the bodies at `live` into one new pack, flushed to disk, and return where each went (a
 * body that no longer reads back right is left out). The old packs stay: the caller deletes
 * them with removeUnused once an index pointing at the new one is safely written.
 */
export function compact(store: StoreRef, live: ReadonlyMap<string, BodyAt>): Map<string, BodyAt> {
  const moved = new Map<string, BodyAt>();
  const reader = new PackReader(store.dir);
  try {
    withPackWriter(store, (writer) => {
      for (const [key, at] of live) {
        const html = reader.read(at);
        if (html !== undefined) moved.set(key, writer.append(html));
      }
      writer.sync();
    });
  } finally {
    reader.close();
  }
  return moved;
}

/**
 * Delete the packs of the store's folder not named in `used` (packs only dead bodies are in, torn
 * packs of a killed build) and the one-file-per-body folders of older Broadsheets (`ab/<key>.html`).
 * Only names the store gives: nothing else in the folder is touched.
 */
export function removeUnused(dir: string, used: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (used.has(name)) continue;
    if (PACK_FILE.test(name)) rmSync(path.join(dir, name), { force: true });
    else if (OLDER_BODY_FOLDER.test(name)) removeOlderBodies(path.join(dir, name));
  }
}

/** A pack's name: the writer token (newWriterToken) and the thread. */
const PACK_FILE = /^[0-9a-z]+-\d+-[0-9a-z]+-\d+\.pack$/;
/** An older Broadsheet's body folder: the first two hex digits of the keys in it. */
const OLDER_BODY_FOLDER = /^[0-9a-f]{2}$/;

/** Delete the bodies an older Broadsheet kept in `folder` (`<key>.html`), then the folder if that emptied it. */
function removeOlderBodies(folder: string): void {
  try {
    for (const name of readdirSync(folder)) if (/^[0-9a-f]{40}\.html$/.test(name)) rmSync(path.join(folder, name), { force: true });
    rmdirSync(folder);
  } catch {
    // Not a folder, or something else in it: left alone.
  }
}

function packNames(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith(PACK));
  } catch {
    return [];
  }
}
