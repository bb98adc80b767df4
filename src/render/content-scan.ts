// The content folder's article files and each one's stamp (source-stamps.ts): what a build needs
// to find which articles changed without reading them. A warm build of a large archive spends
// ~0.1 s on it at 10,000 articles and ~1 s at 100,000 (a walk of the folders and a stat of each
// file), while the main thread's other first task, opening the cache (parsing its indexes and
// the saved state), leaves the second core idle. So a build that has a cache scans on a thread of
// its own (content-scan-worker.ts), started before the cache is opened, and takes the result when
// it collects the articles; the main thread scans when the thread cannot start, when the cache to
// open meanwhile is small or missing (a thread takes longer to start than such a scan), and when
// running from the TypeScript sources (a thread would have to load tsx first).

import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { findContentFiles, readInputText, type ContentFiles, type ContentPaths } from '../load/discover.js';
import { codeFile, RUNS_COMPILED } from '../installation.js';
import { ARTICLE_SIZE_LIMIT } from './article-size.js';
import { RACY_MARGIN_MS, sourceHash, stampOf, type Stamp } from './source-stamps.js';

/** Article files found (findContentFiles), with each one's stamp as taken then (undefined: no stat). */
export interface ScannedContent extends ContentFiles {
  stamps: Array<Stamp | undefined>;
  /**
   * The thread's sourceHash of each file changed since the cache was saved, read after its stamp
   * was taken (undefined: not read here; the build reads it if its stamp is not known).
   */
  hashes?: Array<string | undefined>;
}

/** A scan under way: when it started (no stamp of it is older) and its result. */
export interface ContentScan {
  startedMs: number;
  result: Promise<ScannedContent>;
}

/**
 * Scan the content folder on this thread. With `hashFromMs`, also read and hash each article file
 * modified since then (within the size limit): those a build reads again, every one after a fresh
 * checkout (a CI run), where reading 100,000 on the main thread took 3-5 s after the cache opened.
 */
export function scanContent(paths: ContentPaths, hashFromMs?: number): ScannedContent {
  const found = findContentFiles(paths);
  const stamps = found.files.map((file) => stampOf(path.join(paths.contentPath, file)));
  if (hashFromMs === undefined) return { ...found, stamps };
  const from = BigInt(Math.floor(hashFromMs)) * 1_000_000n;
  const hashes = found.files.map((file, at) => {
    const stamp = stamps[at];
    if (!stamp || stamp.mtimeNs < from || stamp.size > ARTICLE_SIZE_LIMIT) return undefined;
    try {
      // The text as the build reads an article (readSourceFile), so the hash is the one it would make.
      return sourceHash(readInputText(path.join(paths.contentPath, file)));
    } catch {
      return undefined;
    }
  });
  return { ...found, stamps, hashes };
}

/**
 * The size of a cache index (~1.1 KB an article: about 1,500 articles) from which a thread pays:
 * starting one (its isolate, its module) takes ~40 ms, which the main thread spends waiting when
 * the cache opens sooner and the scan itself is short (0.1 ms at 100 articles, ~15 ms at 1,500).
 * BROADSHEET_SCAN_THREAD_FROM_BYTES sets another (the tests take the thread with a small site).
 */
const THREAD_FROM_BYTES = 1_500_000;

/**
 * Start scanning `paths`' content folder: on a thread of its own when the cache the main thread
 * opens meanwhile (`cache`: its index's size and when it was saved) has an index of at least
 * THREAD_FROM_BYTES and the code is compiled, the thread also reading and hashing the files
 * changed since the cache was saved (less the racy margin); else here, at once, stamps only.
 */
export function startContentScan(paths: ContentPaths, cache?: { indexBytes: number; savedAtMs: number }): ContentScan {
  const startedMs = Date.now();
  const threadFrom = Number(process.env.BROADSHEET_SCAN_THREAD_FROM_BYTES) || THREAD_FROM_BYTES;
  if (!cache || cache.indexBytes < threadFrom || !RUNS_COMPILED) return { startedMs, result: Promise.resolve(scanContent(paths)) };
  const { root, contentPath, allowOutsidePaths } = paths;
  const hashFromMs = cache.savedAtMs - RACY_MARGIN_MS;
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
      worker = new Worker(codeFile('render/content-scan-worker'), { workerData: { paths: { root, contentPath, allowOutsidePaths }, hashFromMs }, stdout: false, stderr: false });
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
