// Is every file of the output still as the last build left it? A stat of each (250,000 files at
// 100,000 articles: ~1.1 s), done on a thread of its own while the main thread reads the content,
// so that a warm build waits for it only when it is the slower of the two. The thread runs a few
// lines of plain JavaScript (no module to load, started in ~20 ms).

import { Worker } from 'node:worker_threads';

/** What a file was left with: its size and mtime (ms) as stat gave them. */
export interface LeftAs {
  size: number;
  mtimeMs: number;
}

// CommonJS, as a worker with `eval` runs it: stat every line's file, answer with those not as left.
const CHECKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const path = require('node:path');
const changed = [];
for (const line of workerData.list.split('\\n')) {
  if (line === '') continue;
  const [file, size, mtimeMs] = line.split('\\0');
  let info;
  try {
    info = statSync(path.join(workerData.outPath, file));
  } catch {
    info = undefined;
  }
  if (!info || !info.isFile() || info.size !== Number(size) || info.mtimeMs !== Number(mtimeMs)) changed.push(file);
}
parentPort.postMessage(changed);
`;

/**
 * The files of `files` (paths relative to `outPath`) that are no longer as they were left: gone
 * (or a file where a folder of the path was), not a file, or another size or mtime. Rejects if the thread cannot run (the caller then stats
 * on the main thread).
 */
export function filesNotAsLeft(outPath: string, files: Iterable<[string, LeftAs]>): Promise<string[]> {
  const lines: string[] = [];
  // A number's shortest round-trip form: Number() gives back exactly the mtime recorded.
  for (const [file, left] of files) lines.push(`${file}\0${left.size}\0${left.mtimeMs}\n`);
  return new Promise((resolve, reject) => {
    const worker = new Worker(CHECKER, { eval: true, workerData: { outPath, list: lines.join('') }, stdout: false, stderr: false });
    // Never what keeps a build's process alive: a build that no longer needs the answer exits.
    worker.unref();
    worker.once('message', (changed: string[]) => {
      resolve(changed);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the output check ended early (exit code ${code})`)));
  });
}
