// Files copied as they are: theme assets (every file under templates/assets/, the default theme's
// overridden file by file by the site's own) to dist/assets/, and the site's static/ folder
// (images, favicon, verification files) to the root of dist/.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../config.js';
import { problem, type Problem } from '../problems.js';
import { displayPath } from '../load/discover.js';
import type { OutputWriter } from './output-writer.js';

/** Copy assets from each template root, the first root winning; returns the number of files. */
export async function copyAssets(roots: readonly string[], writer: OutputWriter): Promise<number> {
  const chosen = new Map<string, string>();
  for (const root of roots) {
    for (const [relative, absolute] of await filesUnder(path.join(root, 'assets'))) {
      if (!chosen.has(relative)) chosen.set(relative, absolute);
    }
  }
  for (const [relative, absolute] of [...chosen].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await writer.write(`assets/${relative}`, await readFile(absolute));
  }
  return chosen.size;
}

/**
 * Copy the static folder into the output root. Runs after every generated file: a static file
 * with the path of a generated one (static/index.html) is not copied, and is reported.
 */
export async function copyStatic(config: SiteConfig, writer: OutputWriter): Promise<{ files: number; problems: Problem[] }> {
  const problems: Problem[] = [];
  let files = 0;
  for (const [relative, absolute] of await filesUnder(config.staticPath)) {
    if (writer.files.has(relative)) {
      problems.push(
        problem('static-shadowed', displayPath(config, absolute), { line: 1, column: 1 }, {
          severity: 'warning',
          message: `not copied: the site generates /${relative} itself`,
          hint: 'rename or remove the static file',
        }),
      );
      continue;
    }
    await writer.write(relative, await readFile(absolute));
    files++;
  }
  return { files, problems };
}

/** [path relative to folder, absolute path] of every non-hidden file under a folder, sorted. */
async function filesUnder(folder: string): Promise<Array<[string, string]>> {
  let entries;
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry): [string, string] => {
      const absolute = path.join(entry.parentPath, entry.name);
      return [path.relative(folder, absolute).split(path.sep).join('/'), absolute];
    })
    .filter(([relative]) => !relative.split('/').some((part) => part.startsWith('.')))
    .sort(([a], [b]) => (a < b ? -1 : 1));
}
