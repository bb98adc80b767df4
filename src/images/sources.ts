// A local source image, read as little as possible: its bytes are hashed only when its size or
// mtime changed since the last build (store.ts stamps), probed (size, format) only when those
// bytes are new, and read for processing only when a variant is missing. Limits are checked
// before anything is decoded: the file's size, then the pixel count from its header.
//
// Bytes read to hash or probe are dropped as soon as that is done: every source is loaded before
// any is processed, so holding them would keep every new photo of the site in memory at once
// (100,000 photos of 200 KB: 20 GB). A source that needs variants made reads its file again,
// checks that the bytes still have the hash its variants are stored under, and holds them only
// while they are made (stage.ts); `heldSourceBytes` counts what is held.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { ImageArgs } from '../problems/images.js';
import { probeImage } from './process.js';
import { MAX_INPUT_BYTES, MAX_INPUT_PIXELS, ORIGINAL_FORMATS } from './settings.js';
import type { ImageStore, SourceInfo } from './store.js';
import type { SourceUses } from './references.js';

/** Why a source cannot be used: the facts of its problem (without the reference, which each use adds). */
export type SourceFailure =
  | { code: 'image-unreadable'; facts: Omit<ImageArgs['image-unreadable'], 'reference' | 'lead'> }
  | { code: 'image-too-large'; facts: Omit<ImageArgs['image-too-large'], 'reference' | 'lead'> };

/** A source ready to plan: its bytes' hash, what it is, and its bytes on demand (read once, then dropped by `release`). */
export interface LoadedSource {
  uses: SourceUses;
  hash: string;
  info: SourceInfo;
  bytes(): Promise<Buffer>;
  release(): void;
}

/** Source bytes held in memory now, and the most held at once since `reset`: memory a build cannot give back while it holds them. */
export const heldSourceBytes = {
  now: 0,
  peak: 0,
  /** Start counting the peak again (from what is held now). */
  reset(): void {
    this.peak = this.now;
  },
};

/** Read a file's bytes, counted in heldSourceBytes until `release`. */
function heldFile(file: string): { read(): Promise<Buffer>; release(): void } {
  let bytes: Promise<Buffer> | undefined;
  let size = 0;
  return {
    read: () =>
      (bytes ??= readFile(file).then((data) => {
        size = data.length;
        heldSourceBytes.now += size;
        heldSourceBytes.peak = Math.max(heldSourceBytes.peak, heldSourceBytes.now);
        return data;
      })),
    release: () => {
      heldSourceBytes.now -= size;
      size = 0;
      bytes = undefined;
    },
  };
}

/** Why a source's bytes cannot be processed: they are no longer those it was hashed as. */
export const CHANGED_WHILE_READ = 'the file changed while the build was reading it; build again';

/** Load a source (see the top of this file), or say why it cannot be used. */
export async function loadSource(uses: SourceUses, store: ImageStore): Promise<LoadedSource | SourceFailure> {
  const unreadable = (cause: string): SourceFailure => ({ code: 'image-unreadable', facts: { file: uses.shown, cause } });
  const file = heldFile(uses.real);
  const read = file.read;
  try {
    const info = await stat(uses.real);
    if (!info.isFile()) return unreadable('it is a folder, not a file');
    if (info.size > MAX_INPUT_BYTES) return unreadable(`the file is ${Math.round(info.size / 1048576).toLocaleString('en')} MB; at most ${MAX_INPUT_BYTES / 1048576} MB are read`);
    let hash = store.stampedHash(uses.real, info.size, info.mtimeMs);
    if (!hash) {
      hash = createHash('sha256').update(await read()).digest('hex');
      store.stamp(uses.real, info.size, info.mtimeMs, hash);
    }
    let probed = store.source(hash);
    if (!probed) {
      probed = await probeImage(await read());
      store.setSource(hash, probed);
    }
    if (!ORIGINAL_FORMATS[probed.format]) return unreadable(`${probed.format} files are not supported`);
    if (probed.width * probed.height > MAX_INPUT_PIXELS) {
      return { code: 'image-too-large', facts: { file: uses.shown, width: probed.width, height: probed.height, limit: MAX_INPUT_PIXELS } };
    }
    // Read again to be processed: the bytes must still be those the hash names (the store files
    // every size under it), or a photo saved during the build would poison the cache.
    const named = hash;
    let checked: Promise<Buffer> | undefined;
    const bytes = () =>
      (checked ??= read().then((data) => {
        if (createHash('sha256').update(data).digest('hex') !== named) throw new Error(CHANGED_WHILE_READ);
        return data;
      }));
    const release = () => {
      checked = undefined;
      file.release();
    };
    return { uses, hash, info: probed, bytes, release };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    // The file may be a fine photo this user may not read: not a damaged one.
    if (code === 'EACCES' || code === 'EPERM') return { code: 'image-unreadable', facts: { file: uses.shown, cause: code, denied: true } };
    return unreadable(causeOf(error));
  } finally {
    // Read again only if a variant is made from them.
    file.release();
  }
}

/** The first line of an error's message, or its system code: what an image problem quotes. */
export function causeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/^Input buffer /, 'the file ');
}
