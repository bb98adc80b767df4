// The content folder's article files and each one's stamp (source-stamps.ts): what a build needs
// to find which articles changed without reading them. A warm build of a large archive spends
// ~0.1 s on it at 10,000 articles and ~1 s at 100,000 (a walk of the folders and a stat of each
// file), while the main thread's other first task, opening the cache (parsing its indexes and
// the saved state), leaves the second core idle. So a build that has a cache scans on a thread of
// its own (content-scan-worker.ts), started before the cache is opened, and takes the result when
// it collects the articles; the main thread scans when the thread cannot start, when there is no
// cache to open meanwhile, and when running from the TypeScript sources (a thread would have to
// load tsx first).

import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { findContentFiles, type ContentFiles, type ContentPaths } from '../load/discover.js';
import { codeFile, RUNS_COMPILED } from '../installation.js';
import { stampOf, type Stamp } from './source-stamps.js';

/** Article files found (findContentFiles), with each one's stamp as taken then (undefined: no stat). */
export interface ScannedContent extends ContentFiles {
  stamps: Array<Stamp | undefined>;
}

/** A scan under way: when it started (no stamp of it is older) and its result. */
export interface ContentScan {
  startedMs: number;
  result: Promise<ScannedContent>;
}

/** Scan the content folder on this thread. */
export function scanContent(paths: ContentPaths): ScannedContent {
  const found = findContentFiles(paths);
  return { ...found, stamps: found.files.map((file) => stampOf(path.join(paths.contentPath, file))) };
}

/**
 * Start scanning `paths`' content folder: on a thread of its own when `overlap` (there is other
 * work for the main thread meanwhile) and the code is compiled, else here, at once.
 */
export function startContentScan(paths: ContentPaths, overlap: boolean): ContentScan {
  const startedMs = Date.now();
  if (!overlap || !RUNS_COMPILED) return { startedMs, result: Promise.resolve(scanContent(paths)) };
  const { root, contentPath, allowOutsidePaths } = paths;
  const result = new Promise<ScannedContent>((resolve) => {
    let worker: Worker;
    let answered = false;
    const answer = (scanned: () => ScannedContent) => {
      if (answered) return;
      answered = true;
      resolve(scanned());
    };
    // Any failure of the thread (it could not start, it ran out of memory) and the scan is done here.
    const here = () => answer(() => scanContent(paths));
    try {
      worker = new Worker(codeFile('render/content-scan-worker'), { workerData: { root, contentPath, allowOutsidePaths }, stdout: false, stderr: false });
    } catch {
      here();
      return;
    }
    // Never what keeps a build's process alive.
    worker.unref();
    worker.once('message', (scanned: ScannedContent) => answer(() => scanned));
    worker.once('error', here);
    worker.once('exit', here);
  });
  return { startedMs, result };
}
