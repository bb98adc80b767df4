// Whole trees of files: listing one, and deleting from one what a new site no longer has with the
// folders that leaves empty. Used by the output's commit (dist-writer.ts) and the dev server's writer.

import { readdirSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Every file (anything but a folder) under `root`, relative, with forward slashes. */
export function filesUnder(root: string): string[] {
  const files: string[] = [];
  const prefix = root + path.sep;
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    // Slicing, not path.relative: this runs for every file of the site on every build.
    const folder = entry.parentPath === root ? '' : `${entry.parentPath.slice(prefix.length).split(path.sep).join('/')}/`;
    files.push(folder + entry.name);
  }
  return files;
}

/**
 * Delete every file under `root` that `keep` rejects (calling `afterEach` after each), then the
 * folders that left empty; returns how many files went.
 */
export function removeStale(root: string, keep: (file: string) => boolean, afterEach: () => void = () => undefined): number {
  let deleted = 0;
  const emptied = new Set<string>();
  for (const file of filesUnder(root)) {
    if (keep(file)) continue;
    const absolute = path.join(root, file);
    rmSync(absolute, { force: true });
    deleted++;
    emptied.add(path.dirname(absolute));
    afterEach();
  }
  removeEmptiedFolders(root, emptied);
  return deleted;
}

/**
 * Remove folders under `root` that lost files and are now empty, and their parents that empty in
 * turn (only folders that lost a file, or their parents, can have become empty).
 */
export function removeEmptiedFolders(root: string, folders: Iterable<string>): void {
  const candidates = new Set<string>();
  for (const start of folders) for (let folder = start; folder.length > root.length; folder = path.dirname(folder)) candidates.add(folder);
  // Deepest first, so a folder emptied by its children's removal goes too.
  for (const folder of [...candidates].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty: it holds files of the new site.
    }
  }
}
