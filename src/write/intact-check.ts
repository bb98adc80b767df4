// Is every file of the output still as the last build left it? A stat of each (250,000 files at
// 100,000 articles: ~1.1 s), done on a thread of its own while the main thread reads the content,
// so that a warm build waits for it only when it is the slower of the two. The thread runs a few
// lines of plain JavaScript (no module to load, started in ~20 ms). It is given the manifest's
// whole file as it was read (manifest-files.ts) and parses its lines itself, off the main thread;
// a line that does not parse is answered as a file not as it was left.

import { Worker } from 'node:worker_threads';
import type { CheckList } from './manifest-files.js';

// CommonJS, as a worker with `eval` runs it: stat every line's file, answer with those not as left.
const CHECKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const path = require('node:path');
const { lines, replaced, others } = workerData.list;
const changed = [];
const check = (file, size, mtimeMs) => {
  let info;
  try {
    info = statSync(path.join(workerData.outPath, file));
  } catch {
    info = undefined;
  }
  if (!info || !info.isFile() || info.size !== Number(size) || info.mtimeMs !== Number(mtimeMs)) changed.push(file);
};
const skip = new Set(replaced);
for (const line of lines.split('\\n')) {
  if (line === '') continue;
  let row;
  try {
    row = JSON.parse(line);
  } catch {
    row = undefined;
  }
  if (!Array.isArray(row) || typeof row[0] !== 'string') changed.push(line);
  else if (!skip.has(row[0])) check(row[0], row[2], row[3]);
}
for (const line of others.split('\\n')) {
  if (line === '') continue;
  const [file, size, mtimeMs] = line.split('\\0');
  check(file, size, mtimeMs);
}
parentPort.postMessage(changed);
`;

/**
 * The files of `list` (paths relative to `outPath`) that are no longer as they were left: gone
 * (or a file where a folder of the path was), not a file, or another size or mtime; a line of the
 * whole file that does not parse is answered as it is. Rejects if the thread cannot run (the
 * caller then stats on the main thread).
 */
export function filesNotAsLeft(outPath: string, list: CheckList): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CHECKER, { eval: true, workerData: { outPath, list }, stdout: false, stderr: false });
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
