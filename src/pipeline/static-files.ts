// Files copied as they are: theme assets (every file under templates/assets/, the default theme's
// overridden file by file by the site's own) to dist/assets/, and the site's static/ folder
// (images, favicon, verification files) to the root of dist/. Both are found under the symlink
// policy (load/discover.ts): a link inside the site is copied as the file it leads to, one leading
// outside is a problem and is not read. Template folders are found (and their links reported)
// by the template engine, whose listing is used here.

import type { SiteConfig } from '../config.js';
import { problem, type Problem } from '../problems/index.js';
import { displayPath, findFiles, linkPolicy, readInputFile } from '../load/discover.js';
import type { Templates } from '../pages/templates.js';
import type { OutputWriter } from '../write/output-writer.js';

const ASSETS = 'assets/';

/** Copy assets from each template root, the first root winning; returns the number of files. */
export async function copyAssets(templates: Pick<Templates, 'roots' | 'files'>, writer: OutputWriter): Promise<number> {
  const chosen = new Map<string, string>();
  for (const root of templates.roots) {
    for (const [file, absolute] of templates.files.get(root) ?? []) {
      const relative = file.slice(ASSETS.length);
      if (!file.startsWith(ASSETS) || relative.split('/').some((part) => part.startsWith('.'))) continue;
      if (!chosen.has(relative)) chosen.set(relative, absolute);
    }
  }
  for (const [relative, absolute] of [...chosen].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await writer.write(`assets/${relative}`, await readInputFile(absolute));
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
  const found = findFiles(linkPolicy(config), config.staticPath);
  problems.push(...found.problems);
  for (const [relative, absolute] of found.files) {
    if (writer.files.has(relative)) {
      problems.push(
        problem('static-shadowed', displayPath(config, absolute), { line: 1, column: 1 }, { path: relative }),
      );
      continue;
    }
    await writer.write(relative, await readInputFile(absolute));
    files++;
  }
  return { files, problems };
}
