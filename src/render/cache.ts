// The persistent article cache in .cache/ (git-ignored, safe to delete, bypassed by --no-cache):
// each article's rendered result (metadata, warnings, body HTML) under a key that hashes
// Broadsheet's version and code, the settings article rendering depends on, the file's path and
// the hash of its bytes. An unchanged article then costs a stat (source-stamps.ts), or at worst a
// read and a hash.
//
//   .cache/articles.json     index: key -> metadata, warnings, where the body is and its hash;
//                            content path -> stamp and hash of the text (source-stamps.ts)
//   .cache/articles.log      the changes to the index since it was last written whole, a line
//                            per build (write/journal.ts): publishing one article appends ~2 KB
//   .cache/bodies/*.pack     body HTML, appended a pack per thread per build (body-store.ts)
//
// Bodies live on disk, not in memory, during every build (with --no-cache in a temporary store),
// so a large archive's memory holds metadata only. A body whose bytes do not match the hash in the
// index (truncated, garbled, half-written) is never served: the caller renders the article again.
// The index keeps only this build's keys; it is saved durably (a line appended and flushed, or the
// whole file written aside, flushed and renamed), and only then are packs no key uses deleted. A
// killed build leaves the old index with the packs it points at, or the new one with its packs:
// never one pointing at missing bytes that would be served.

import { hash } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compact, compactionWorthIt, newWriterToken, PackReader, removeUnused, type BodyAt, type StoreRef } from './body-store.js';
import { parseWholeIndex, replayIndex, writeWholeIndex, type CachedArticle, type IndexChange } from './cache-index.js';
import { SourceStamps, type StampChanges } from './source-stamps.js';
import { Journal } from '../write/journal.js';
import { codeIdentity } from '../version.js';
import { type ArticleMeta, type ArticleSettings } from '../types/index.js';

export type { CachedArticle } from './cache-index.js';

const INDEX_FILE = 'articles.json';
const BODIES = 'bodies';
/** More packs than this (a pack or two per build with misses), and the store is compacted into one. */
const MAX_PACKS = 32;

/** What every key of a build shares: code identity and the settings rendering depends on. */
export function cacheIdentity(settings: ArticleSettings): string {
  return `${codeIdentity()}\u0000${JSON.stringify(settings)}`;
}

/** An article's cache key: a hash of the render identity, its content path and the hash of its text (sourceHash). */
export function articleKey(identity: string, contentPath: string, textHash: string): string {
  // crypto.hash: one call, a third of createHash's time for inputs this short (100,000 keys a build at 100,000 articles).
  return hash('sha1', `${identity}\u0000${contentPath}\u0000${textHash}`);
}

/** The persistent article cache of one build (see the top of this file): lookups by key, bodies verified by hash. */
export class ArticleCache {
  hits = 0;
  misses = 0;
  private readonly current = new Map<string, CachedArticle>();
  private readonly reader: PackReader;
  private writer = newWriterToken();
  /** Keys of the previous index no lookup took (releaseUnused): gone from the next. */
  private released: string[] = [];
  /**
   * Keys recorded or forgotten since the index was read or last saved: the only entries whose
   * bodies can differ from the previous index's (lookups, recalls and adoptions take its own),
   * so a save compares these, not all 100,000.
   */
  private touched = new Set<string>();

  private constructor(
    readonly dir: string,
    readonly persistent: boolean,
    /** The previous index's entries; after releaseUnused, only those this build looked up. */
    private readonly previous: Map<string, CachedArticle>,
    /** The stamps of the content files: which need no reading (the previous build's) and this build's. */
    readonly stamps: SourceStamps,
    /** Why the previous index could not be used, if it could not. */
    readonly notice: string | undefined,
    /** The index on disk: the whole file and its log. */
    private readonly journal: Journal,
  ) {
    this.reader = new PackReader(this.storeDir);
    this.previousSize = previous.size;
  }

  private previousSize: number;

  private get storeDir(): string {
    return this.persistent ? path.join(this.dir, BODIES) : this.dir;
  }

  /** The body store and this build's writer token: where render tasks append bodies. */
  get store(): StoreRef {
    return { dir: this.storeDir, writer: this.writer };
  }

  /**
   * The index open() would read in `dir`, if there is one: its size in bytes (~1.1 KB an article:
   * how long opening will take, while a build does other work meanwhile) and when it was last
   * saved (its whole file or its log, ms): content files changed since are read again.
   */
  static onDisk(dir: string): { indexBytes: number; savedAtMs: number } | undefined {
    const whole = statSync(path.join(dir, INDEX_FILE), { throwIfNoEntry: false });
    if (!whole) return undefined;
    const log = statSync(new Journal(path.join(dir, INDEX_FILE)).log, { throwIfNoEntry: false });
    return { indexBytes: whole.size, savedAtMs: Math.max(whole.mtimeMs, log?.mtimeMs ?? 0) };
  }

  /** A persistent cache in `dir`, or (persistent false, for --no-cache) a fresh temporary one. */
  static async open(dir: string, persistent: boolean): Promise<ArticleCache> {
    const journal = new Journal(path.join(dir, INDEX_FILE));
    // A fresh journal: an index that cannot be used is written whole, not followed by a log.
    const empty = (notice?: string) => new ArticleCache(dir, true, new Map(), new SourceStamps(new Map(), undefined), notice, new Journal(journal.file));
    if (!persistent) {
      const temporary = mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-'));
      return new ArticleCache(temporary, false, new Map(), new SourceStamps(new Map(), undefined), undefined, new Journal(path.join(temporary, INDEX_FILE)));
    }
    try {
      const read = journal.read(parseWholeIndex);
      if (!read) return empty();
      const index = replayIndex(read);
      if (!index) return empty('the cache was written by another Broadsheet and was rebuilt');
      return new ArticleCache(dir, true, index.entries, index.stamps, undefined, journal);
    } catch {
      return empty('the cache index was unreadable (truncated?) and was rebuilt');
    }
  }

  /** The cached result for a key, if any; counts a hit or a miss. */
  lookup(key: string): CachedArticle | undefined {
    const entry = this.current.get(key) ?? this.previous.get(key);
    if (entry) {
      this.hits++;
      this.current.set(key, entry);
    } else {
      this.misses++;
    }
    return entry;
  }

  /**
   * The cached result for a key, without counting a hit or a miss: the last build's articles as a
   * saved site state names them (pipeline/saved-state.ts), taken as this build's.
   */
  recall(key: string): CachedArticle | undefined {
    const entry = this.current.get(key) ?? this.previous.get(key);
    if (entry) this.current.set(key, entry);
    return entry;
  }

  /**
   * Take these articles (another cache instance's, all in this index) as this build's, these very
   * objects: lookups of their keys return them, their bodies can be read, and their files' stamps
   * are kept without looking at the files (the dev server reads only the files that change).
   */
  adopt(articles: Iterable<ArticleMeta>): void {
    for (const meta of articles) {
      const entry = this.current.get(meta.key) ?? this.previous.get(meta.key);
      if (entry) this.current.set(meta.key, { ...entry, meta });
      this.stamps.carry(meta.contentPath);
    }
  }

  /**
   * The lookups are done (pipeline/collect.ts, after its first pass): forget the previous entries none of
   * them took. After a new Broadsheet version or a config change, none is taken, and holding them
   * all would cost a 100,000-article build ~350 MB for nothing.
   */
  releaseUnused(): void {
    for (const key of this.previous.keys()) {
      if (this.current.has(key)) continue;
      this.previous.delete(key);
      this.released.push(key);
    }
  }

  /** Drop a key this build looked up but no longer uses (the earlier version of an article that changed). */
  forget(key: string): void {
    this.current.delete(key);
    this.touched.add(key);
  }

  /** Record a freshly rendered article whose body is already in the store. */
  record(key: string, entry: CachedArticle): void {
    this.current.set(key, entry);
    this.touched.add(key);
  }

  /** The body HTML of a key, or undefined when it is missing or its bytes do not match the index. */
  body(key: string): string | undefined {
    const entry = this.current.get(key);
    return entry ? this.reader.read(entry.body) : undefined;
  }

  /** Where a key's body is (with its hash), for page workers that read bodies themselves. */
  bodyAt(key: string): BodyAt | undefined {
    return this.current.get(key)?.body;
  }

  /** Did this build add an entry, move a body, leave one of the previous index unused, or see a file change? */
  private changed(): boolean {
    if (this.stamps.changed() || this.current.size !== this.previousSize || this.released.length > 0) return true;
    for (const key of this.touched) if (this.previous.get(key)?.body !== this.current.get(key)?.body) return true;
    return false;
  }

  /**
   * Persist the index of this build's articles and stamps, then delete the packs no entry uses.
   * Compacts the store first when its dead bytes outweigh the live ones, or it has too many packs.
   */
  async save(): Promise<void> {
    if (!this.persistent || !this.changed()) return;
    await mkdir(this.dir, { recursive: true });
    // Compacting moves every body: only the whole index will do then.
    const compacted = this.compactIfWorthIt();
    const stampChanges = this.stamps.changes();
    let change: IndexChange | undefined;
    // Written entry by entry: one JSON string of a 100,000-article index would be ~300 MB.
    // Durable: a power cut must not leave an empty index (it would cost a cold build).
    this.journal.save(
      () => {
        change = compacted ? undefined : this.changeSinceSaved(stampChanges);
        return change && JSON.stringify(change);
      },
      (write) => writeWholeIndex(write, this.stamps, this.current),
    );
    removeUnused(this.storeDir, new Set([...this.current.values()].map((entry) => entry.body.pack)));
    // Later writes (the dev server goes on) go to new packs: these may be compacted away next time.
    this.writer = newWriterToken();
    // What is on disk now: the next save (the dev server goes on) counts its changes from here.
    if (change) {
      for (const key of change.dropped) this.previous.delete(key);
      for (const [key, entry] of Object.entries(change.entries)) this.previous.set(key, entry);
    } else {
      this.previous.clear();
      for (const [key, entry] of this.current) this.previous.set(key, entry);
    }
    this.previousSize = this.current.size;
    this.released = [];
    this.touched = new Set();
    this.stamps.saved(stampChanges);
  }

  /**
   * The changes to the index since it was read or last saved, as a line of its log; undefined
   * when more than a quarter of the articles changed (the log could not take it: journal.ts).
   */
  private changeSinceSaved({ set, gone }: StampChanges): IndexChange | undefined {
    const entries: Record<string, CachedArticle> = {};
    let count = 0;
    // Keys of the current entries the previous index lacks: all recorded ones (see touched).
    let added = 0;
    for (const key of this.touched) {
      const entry = this.current.get(key);
      if (!entry || this.previous.get(key)?.body === entry.body) continue;
      if (!this.previous.has(key)) added++;
      entries[key] = entry;
      if (++count * 4 > this.current.size) return undefined;
    }
    const dropped = [...this.released];
    for (const key of this.touched) if (!this.current.has(key) && this.previous.has(key)) dropped.push(key);
    // The previous keys no longer current are the forgotten ones (touched): else, all are looked at.
    if (this.previous.size - (this.current.size - added) !== dropped.length - this.released.length) {
      dropped.length = this.released.length;
      for (const key of this.previous.keys()) if (!this.current.has(key)) dropped.push(key);
    }
    return { readStartedMs: this.stamps.readStartedMs, files: Object.fromEntries(set), gone, entries, dropped };
  }

  /** Compact the body store when worth it (see save); true when it did. */
  private compactIfWorthIt(): boolean {
    if (!compactionWorthIt(this.storeDir, this.current, MAX_PACKS)) return false;
    this.reader.close();
    const moved = compact({ dir: this.storeDir, writer: newWriterToken() }, new Map([...this.current].map(([key, entry]) => [key, entry.body])));
    for (const [key, entry] of this.current) {
      const body = moved.get(key);
      // A body that no longer read back right is dropped with its entry: the article is rendered next time.
      if (body) this.current.set(key, { ...entry, body });
      else this.current.delete(key);
    }
    return true;
  }

  /** Close the store; remove a temporary cache (--no-cache), a persistent one stays. */
  async dispose(): Promise<void> {
    this.reader.close();
    if (!this.persistent) await rm(this.dir, { recursive: true, force: true });
  }
}
