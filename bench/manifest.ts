// What a build changed in the output, as a host sees it: a sha256 manifest of every file of
// dist/ before and after, compared. dist/ is a symbolic link to the build that went live
// (.dist.builds/<a|b>), so the manifest follows it. The count is what a deploy uploads and a CDN
// invalidates: files added, files whose bytes changed, files removed.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** Every file of a folder by its path inside it ("a/index.html", '/'-separated) -> sha256 of its bytes. */
export type Manifest = Map<string, string>;

/** The manifest of `folder` (a link to a folder is followed); empty when there is no such folder. */
export function outputManifest(folder: string): Manifest {
  const manifest: Manifest = new Map();
  if (!existsSync(folder)) return manifest;
  const root = realpathSync(folder);
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    manifest.set(path.relative(root, file).split(path.sep).join('/'), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return manifest;
}

/** Files added, changed (same path, other bytes) and removed between two manifests, and their sum. */
export interface OutputChanges {
  added: number;
  changed: number;
  removed: number;
  total: number;
}

/** What changed from `before` to `after`. */
export function compareManifests(before: Manifest, after: Manifest): OutputChanges {
  let added = 0;
  let changed = 0;
  for (const [file, hash] of after) {
    const old = before.get(file);
    if (old === undefined) added++;
    else if (old !== hash) changed++;
  }
  let removed = 0;
  for (const file of before.keys()) if (!after.has(file)) removed++;
  return { added, changed, removed, total: added + changed + removed };
}
