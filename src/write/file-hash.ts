// The hash of a file's bytes, read a megabyte at a time: what the saved state compares static
// files and photos by when their times differ from the last build's (pipeline/static-stamps.ts,
// pipeline/saved-state.ts).

import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/** The hash of a file's bytes (hex), read a MB at a time; undefined if it cannot be read. */
export function fileHash(file: string, algorithm: 'sha1' | 'sha256'): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const hash = createHash(algorithm);
    const part = Buffer.allocUnsafe(1 << 20);
    for (let read = readSync(fd, part); read > 0; read = readSync(fd, part)) hash.update(part.subarray(0, read));
    return hash.digest('hex');
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
