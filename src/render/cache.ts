// The persistent article cache in .cache/ (git-ignored, safe to delete, bypassed by --no-cache):
// each article's rendered result (metadata, warnings, body HTML) under a key that hashes
// Broadsheet's version and code, the settings article rendering depends on, the file's path and
// its bytes. An unchanged article then costs a read and a hash.
//
//   .cache/articles.json            index: key -> metadata, warnings, hash of the body
//   .cache/bodies/ab/<key>.html     body HTML, one file per article
//
// Bodies live on disk, not in memory, during every build (with --no-cache in a temporary folder),
// so a large archive's memory holds metadata only. A body whose bytes do not match the hash in the
// index (truncated, edited, half-written) is never served: the caller renders the article again.
// The index is replaced atomically (written aside, then renamed) and keeps only this build's keys.

import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withEveryField } from './article.js';
import { writeFileAtomic } from '../write/fs-helpers.js';
import type { Problem } from '../problems.js';
import { codeIdentity } from '../version.js';
import { type ArticleMeta, type ArticleSettings } from '../types.js';

const INDEX_FORMAT = 1;
const INDEX_FILE = 'articles.json';

/** What the cache keeps of a rendered article: its metadata, its warnings and its body's hash (the body is a file). */
export interface CachedArticle {
  meta: ArticleMeta;
  /** Warnings of the article (errors are never cached: such files are rendered every build). */
  problems: Problem[];
  /** sha1 of the body HTML, checked on every read. */
  bodyHash: string;
}

interface IndexFile {
  format: number;
  entries: Record<string, CachedArticle>;
}

/** What every key of a build shares: code identity and the settings rendering depends on. */
export function cacheIdentity(settings: ArticleSettings): string {
  return `${codeIdentity()}\u0000${JSON.stringify(settings)}`;
}

/** An article's cache key: a hash of the render identity, its content path and its bytes. */
export function articleKey(identity: string, contentPath: string, text: string): string {
  return createHash('sha1').update(identity).update('\u0000').update(contentPath).update('\u0000').update(text).digest('hex');
}

/** The hash a body is stored under and verified against when read back. */
export function hashBody(html: string): string {
  return createHash('sha1').update(html).digest('hex');
}

/** Where an article's body HTML is kept in the bodies folder. */
export function bodyFile(bodiesDir: string, key: string): string {
  return path.join(bodiesDir, key.slice(0, 2), `${key}.html`);
}

/**
 * Write a body so that a reader never sees half of it (writeFileAtomic). Not flushed to disk: a
 * body a power cut damaged fails its hash check and is rendered again. Synchronous, like all the
 * build's file I/O: see article-batch.ts for why.
 */
export function writeBody(bodiesDir: string, key: string, html: string): string {
  const file = bodyFile(bodiesDir, key);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, html);
  return hashBody(html);
}

/** A body's HTML if its file exists and its bytes hash to `bodyHash`; undefined otherwise. */
export function readVerifiedBody(bodiesDir: string, key: string, bodyHash: string): string | undefined {
  let html: string;
  try {
    html = readFileSync(bodyFile(bodiesDir, key), 'utf8');
  } catch {
    return undefined;
  }
  return hashBody(html) === bodyHash ? html : undefined;
}

/** The persistent article cache of one build (see the top of this file): lookups by key, bodies verified by hash. */
export class ArticleCache {
  readonly bodiesDir: string;
  hits = 0;
  misses = 0;
  private readonly current = new Map<string, CachedArticle>();

  private constructor(
    readonly dir: string,
    readonly persistent: boolean,
    private readonly previous: ReadonlyMap<string, CachedArticle>,
    /** Why the previous index could not be used, if it could not. */
    readonly notice: string | undefined,
  ) {
    this.bodiesDir = path.join(dir, 'bodies');
  }

  /** A persistent cache in `dir`, or (persistent false, for --no-cache) a fresh temporary one. */
  static async open(dir: string, persistent: boolean): Promise<ArticleCache> {
    if (!persistent) return new ArticleCache(mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-')), false, new Map(), undefined);
    let text: string;
    try {
      text = await readFile(path.join(dir, INDEX_FILE), 'utf8');
    } catch {
      return new ArticleCache(dir, true, new Map(), undefined);
    }
    try {
      const index = JSON.parse(text) as IndexFile;
      if (index.format !== INDEX_FORMAT || typeof index.entries !== 'object' || index.entries === null) {
        return new ArticleCache(dir, true, new Map(), 'the cache was written by another Broadsheet and was rebuilt');
      }
      const entries = new Map<string, CachedArticle>();
      for (const [key, entry] of Object.entries(index.entries)) entries.set(key, { ...entry, meta: withEveryField(entry.meta) });
      return new ArticleCache(dir, true, entries, undefined);
    } catch {
      return new ArticleCache(dir, true, new Map(), 'the cache index was unreadable (truncated?) and was rebuilt');
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
   * Take these articles (another cache instance's, all in this index) as this build's, these very
   * objects: lookups of their keys return them, and their bodies can be read.
   */
  adopt(articles: Iterable<ArticleMeta>): void {
    for (const meta of articles) {
      const entry = this.current.get(meta.key) ?? this.previous.get(meta.key);
      if (entry) this.current.set(meta.key, { ...entry, meta });
    }
  }

  /** Record a freshly rendered article whose body is already in bodiesDir. */
  record(key: string, entry: CachedArticle): void {
    this.current.set(key, entry);
  }

  /** The body HTML of a key, or undefined when it is missing or its bytes do not match the index. */
  body(key: string): string | undefined {
    const entry = this.current.get(key);
    return entry ? readVerifiedBody(this.bodiesDir, key, entry.bodyHash) : undefined;
  }

  /** The recorded hash of a key's body, for page workers that read bodies themselves. */
  lookupHash(key: string): string {
    return this.current.get(key)?.bodyHash ?? '';
  }

  /** Did this build add an entry, or leave one of the previous index unused? */
  private changed(): boolean {
    if (this.current.size !== this.previous.size) return true;
    for (const key of this.current.keys()) if (!this.previous.has(key)) return true;
    return false;
  }

  /** Persist the index of this build's articles and delete bodies no article uses any more. */
  async save(): Promise<void> {
    if (!this.persistent || !this.changed()) return;
    await mkdir(this.dir, { recursive: true });
    // Written entry by entry: one JSON string of a 100,000-article index would be ~300 MB.
    // Durable: a power cut must not leave an empty index (it would cost a cold build).
    writeFileAtomic(
      path.join(this.dir, INDEX_FILE),
      (write) => {
        write(`{"format":${INDEX_FORMAT},"entries":{`);
        let first = true;
        for (const [key, entry] of this.current) {
          write(`${first ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(entry)}`);
          first = false;
        }
        write('}}');
      },
      { durable: true },
    );
    await this.pruneBodies();
  }

  private async pruneBodies(): Promise<void> {
    let shards: string[];
    try {
      shards = await readdir(this.bodiesDir);
    } catch {
      return;
    }
    for (const shard of shards) {
      const folder = path.join(this.bodiesDir, shard);
      for (const name of await readdir(folder).catch(() => [] as string[])) {
        const key = name.replace(/\.html$/, '');
        if (!this.current.has(key)) await rm(path.join(folder, name), { force: true });
      }
    }
  }

  /** Remove a temporary cache (--no-cache); a persistent one stays. */
  async dispose(): Promise<void> {
    if (!this.persistent) await rm(this.dir, { recursive: true, force: true });
  }
}
