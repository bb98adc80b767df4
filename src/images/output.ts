// The image output: every variant a page shows, copied from the image store into the output folder.
// A variant whose file the previous build left current (the manifest records its key) is kept as
// it is, mtime and all, so hosts and CDNs see nothing change; a new one is a hard link to the
// store's file where the output's file system allows (write/linked-file.ts), else a copy.

import type { OutputManifest } from '../write/manifest.js';
import type { OutputWriter } from '../write/output-writer.js';
import type { OutputImage } from './site-images.js';

/** Write (or keep) each image file; returns how many there are. */
export async function writeImageFiles(files: readonly OutputImage[], writer: OutputWriter, manifest: OutputManifest): Promise<number> {
  for (const image of files) {
    // The key names the bytes (source hash and settings): an equal key, an equal file.
    manifest.record(image.file, image.key);
    if (manifest.isCurrent(image.file, image.key)) writer.keep(image.file);
    else await writer.copy(image.file, image.stored);
  }
  return files.length;
}
