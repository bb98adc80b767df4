// The image cache in .cache/images/ (git-ignored, safe to delete, restored by CI with the rest of
// .cache/): every variant ever made, as a file named by its key (settings.ts variantKey: the source
// bytes' hash and the variant's settings), and an index of what the sources are (size and format,
// by hash) and which files they were last read from (path, size, mtime -> hash). A warm build of
// unchanged images then reads no image file at all and processes none. With --no-cache the store is
// a temporary folder, removed after the build. The index keeps only this build's entries; variant
// files no entry names are deleted after it is saved (only files named as variants are: the cache
// folder is Broadsheet's, write/cache-folder.ts, and nothing else in it is touched).

import { mkdtempSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileAtomic, writeFileAtomicAsync } from '../write/fs-helpers.js';

const INDEX_FORMAT = 1;
const INDEX_FILE = 'index.json';
/** A variant's file name, its key (a sha256, settings.ts variantKey) and its format's extension, or the aside file of one a killed build left. */
const VARIANT_FILE = /^[0-9a-f]{64}\.[a-z0-9]+(\.\d+-\d+-\d+\.tmp)?$/;

/** What a source image is, once oriented (EXIF rotation applied): what planning its variants needs. */
export interface SourceInfo {
  width: number;
  height: number;
  /** sharp's name of its format: jpeg, png, webp, ... */
  format: string;
}

/** A variant in the store: its file's size, and its pixel size. */
export interface StoredVariant {
  file: string;
  bytes: number;
  width: number;
  height: number;
}

/** When a file was hashed: its size and mtime then. */
interface Stamp {
  size: number;
  mtimeMs: number;
  hash: string;
}

interface IndexFile {
  format: number;
  stamps: Record<string, Stamp>;
  sources: Record<string, SourceInfo>;
  variants: Record<string, StoredVariant>;
}

/** The image cache of one build (see the top of this file). */
export class ImageStore {
  private readonly next: IndexFile = { format: INDEX_FORMAT, stamps: {}, sources: {}, variants: {} };
  /** Was a file stamped anew (hashed again: its size or time differed)? saveKeeping then writes. */
  private restamped = false;

  private constructor(
    readonly dir: string,
    private readonly persistent: boolean,
    private readonly previous: IndexFile,
  ) {}

  /** The store in `<cachePath>/images`, or (persistent false: --no-cache) a fresh temporary one. */
  static async open(cachePath: string, persistent: boolean): Promise<ImageStore> {
    const empty: IndexFile = { format: INDEX_FORMAT, stamps: {}, sources: {}, variants: {} };
    if (!persistent) return new ImageStore(mkdtempSync(path.join(tmpdir(), 'broadsheet-images-')), false, empty);
    const dir = path.join(cachePath, 'images');
    let previous = empty;
    try {
      const read = JSON.parse(await readFile(path.join(dir, INDEX_FILE), 'utf8')) as IndexFile;
      if (read.format === INDEX_FORMAT && read.stamps && read.sources && read.variants) previous = read;
    } catch {
      // No index, or a damaged one: every image is read and processed again.
    }
    return new ImageStore(dir, true, previous);
  }

  /** The hash of the file at `real`, if it was hashed at this size and mtime. */
  stampedHash(real: string, size: number, mtimeMs: number): string | undefined {
    const stamp = this.previous.stamps[real];
    if (!stamp || stamp.size !== size || stamp.mtimeMs !== mtimeMs) return undefined;
    this.next.stamps[real] = stamp;
    return stamp.hash;
  }

  /** Record that the file at `real`, at this size and mtime, has bytes hashing to `hash`. */
  stamp(real: string, size: number, mtimeMs: number, hash: string): void {
    const before = this.previous.stamps[real];
    if (before?.size !== size || before.mtimeMs !== mtimeMs || before.hash !== hash) this.restamped = true;
    this.next.stamps[real] = { size, mtimeMs, hash };
  }

  /** What the source with these bytes is, if a build has probed it (kept for the next build). */
  source(hash: string): SourceInfo | undefined {
    const info = this.next.sources[hash] ?? this.previous.sources[hash];
    if (info) this.next.sources[hash] = info;
    return info;
  }

  /** Record what the source with these bytes is. */
  setSource(hash: string, info: SourceInfo): void {
    this.next.sources[hash] = info;
  }

  /** The variant with `key`, if the store has its file as it was written. Counts it as used by this build. */
  async variant(key: string): Promise<StoredVariant | undefined> {
    const known = this.next.variants[key] ?? this.previous.variants[key];
    if (!known) return undefined;
    const info = await stat(path.join(this.dir, known.file)).catch(() => undefined);
    if (info?.size !== known.bytes) return undefined;
    this.next.variants[key] = known;
    return known;
  }

  /**
   * The variant with `key` as the index has it (this build's entry, else the last build's), its
   * file not looked at: what an article's images are made from (article-images.ts) once the image
   * stage has checked its variants, or a saved state's articles, whose variants a whole build checked.
   */
  known(key: string): StoredVariant | undefined {
    return this.next.variants[key] ?? this.previous.variants[key];
  }

  /** Store a variant's bytes under `key` (file name `<key>.<extension>`). */
  async put(key: string, extension: string, data: Uint8Array, size: { width: number; height: number }): Promise<StoredVariant> {
    await mkdir(this.dir, { recursive: true });
    const file = `${key}.${extension}`;
    await writeFileAtomicAsync(path.join(this.dir, file), data);
    // Only the numbers: callers pass the encoder's result, bytes and all.
    const stored = { file, bytes: data.byteLength, width: size.width, height: size.height };
    this.next.variants[key] = stored;
    return stored;
  }

  /** The absolute path of a stored variant. */
  pathOf(variant: StoredVariant): string {
    return path.join(this.dir, variant.file);
  }

  /** After a successful build: the index of this build's images, and no variant files it did not use. */
  async save(): Promise<void> {
    if (!this.persistent) return;
    if (Object.keys(this.next.variants).length === 0 && Object.keys(this.previous.variants).length === 0) return;
    await mkdir(this.dir, { recursive: true });
    writeFileAtomic(path.join(this.dir, INDEX_FILE), JSON.stringify(this.next), { durable: true });
    const used = new Set(Object.values(this.next.variants).map((variant) => variant.file));
    // Only names the store gives its variants (put): nothing else is deleted, whatever the folder holds.
    for (const name of await readdir(this.dir)) {
      if (VARIANT_FILE.test(name) && !used.has(name)) await rm(path.join(this.dir, name), { force: true });
    }
  }

  /**
   * The dev server's save: this session's entries added to the previous index, nothing deleted
   * (its updates look at a few articles' images, not all of them).
   */
  async saveKeeping(): Promise<void> {
    // Nothing new: no variant made or used, no file hashed again (after a checkout, every photo is).
    if (!this.persistent || (Object.keys(this.next.variants).length === 0 && !this.restamped)) return;
    const merged: IndexFile = {
      format: INDEX_FORMAT,
      stamps: { ...this.previous.stamps, ...this.next.stamps },
      sources: { ...this.previous.sources, ...this.next.sources },
      variants: { ...this.previous.variants, ...this.next.variants },
    };
    await mkdir(this.dir, { recursive: true });
    writeFileAtomic(path.join(this.dir, INDEX_FILE), JSON.stringify(merged), { durable: true });
  }

  /** Remove a temporary store (--no-cache); a persistent one stays. */
  async dispose(): Promise<void> {
    if (!this.persistent) await rm(this.dir, { recursive: true, force: true });
  }
}
