// Theme assets: every file under templates/assets/ (the default theme's, overridden file by file
// by the site's own) is copied to dist/assets/.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputWriter } from './write.js';

/** Copy assets from each template root, the first root winning; returns the number of files. */
export async function copyAssets(roots: readonly string[], writer: OutputWriter): Promise<number> {
  const chosen = new Map<string, string>();
  for (const root of roots) {
    const folder = path.join(root, 'assets');
    let entries;
    try {
      entries = await readdir(folder, { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isFile() || entry.name.startsWith('.')) continue;
      const absolute = path.join(entry.parentPath, entry.name);
      const relative = path.relative(folder, absolute).split(path.sep).join('/');
      if (!chosen.has(relative)) chosen.set(relative, absolute);
    }
  }
  for (const [relative, absolute] of [...chosen].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await writer.write(`assets/${relative}`, await readFile(absolute));
  }
  return chosen.size;
}
