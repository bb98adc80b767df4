// Files put into the output by hand (`cp CNAME dist/`): dist is a link to the live tree, so such a
// file lands in a tree Broadsheet rotates. It is not part of the new site, and the tree it is in
// becomes the spare one, which a later build empties of everything the site lacks: the file would
// be deleted, or, when the ledger spares the walk, served again every other build. A build that
// finds one refuses, naming it, before dist changes.
//
// Finding one is done on a thread of its own from the start of the build, so the main thread waits
// for it at the commit only when it is the slower of the two; the thread runs a few lines of plain
// JavaScript, as the output check does (intact-check.ts). It compares the live tree with the
// ledger (tree-ledger.ts), the one exact record of its files, written just after the commit that
// made it live. A file added to a folder, or a folder made, changes that folder's mtime: only the
// folders modified since the ledger was written (mtime at or after it, so a file system with coarse
// times lists more, never less) are read, and folders the ledger does not know are read whole. At
// 10,000 articles that is the ledger parsed and 14,000 folders stat'ed, ~0.2 s of the thread's CPU
// (median of 5), instead of reading every folder, ~0.3 s. A build without a ledger (after a killed build or a dev session) does not look.

import { existsSync, lstatSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SystemFailure, shownPath } from './os-errors.js';
import { hasLedger, ledgerFile } from './tree-ledger.js';

// CommonJS, as a worker with `eval` runs it: the files (anything but a folder, links not followed)
// of the folders modified since the ledger was written, and of every folder it does not know.
const LISTER = `
const { parentPort, workerData } = require('node:worker_threads');
const { lstatSync, readdirSync } = require('node:fs');
const { tree, ledger } = workerData;
// A millisecond early (the times are rounded to milliseconds): more folders read, never fewer.
const since = workerData.sinceMs - 1;
const known = new Set(['']);
for (const file of JSON.parse(ledger).files) {
  for (let at = file.lastIndexOf('/'); at > 0; at = file.lastIndexOf('/', at - 1)) {
    const folder = file.slice(0, at);
    if (known.has(folder)) break;
    known.add(folder);
  }
}
const found = [];
const read = (folder, whole) => {
  for (const entry of readdirSync(tree + '/' + folder, { withFileTypes: true })) {
    const name = folder === '' ? entry.name : folder + '/' + entry.name;
    if (!entry.isDirectory()) found.push(name);
    else if (whole || !known.has(name)) read(name, true);
  }
};
let listed = null;
try {
  for (const folder of known) {
    const info = lstatSync(tree + '/' + folder, { throwIfNoEntry: false });
    if (info && info.isDirectory() && info.mtimeMs >= since) read(folder, false);
  }
  listed = found.join('\\0');
} catch {}
parentPort.postMessage(listed);
`;

/** The live tree's files, being listed on a thread (startListing). */
export interface LiveListing {
  /** The tree listed: an absolute path inside the trees folder. */
  tree: string;
  /** The ledger's mtime (ms): folders changed since were read. */
  sinceMs: number;
  /** Its files in the folders modified since the ledger (see the top of this file), relative with "/"; undefined when they could not be listed (the caller then does not judge). */
  files: Promise<string[] | undefined>;
}

/**
 * Start listing the tree `outPath` links to, when the trees folder has a ledger to compare it with
 * (see the top of this file); else undefined. Never what keeps the process alive.
 */
export function startListing(outPath: string, builds: string): LiveListing | undefined {
  if (!lstatSync(outPath, { throwIfNoEntry: false })?.isSymbolicLink() || !hasLedger(builds)) return undefined;
  // Read here, not on the thread: the build takes the ledger (deletes its file) before it writes.
  const file = ledgerFile(builds);
  let ledger: string;
  let sinceMs: number;
  try {
    sinceMs = statSync(file).mtimeMs;
    ledger = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const tree = path.resolve(path.dirname(outPath), readlinkSync(outPath));
  if (!existsSync(tree)) return undefined;
  const files = new Promise<string[] | undefined>((resolve) => {
    const worker = new Worker(LISTER, { eval: true, workerData: { tree, ledger, sinceMs }, stdout: false, stderr: false });
    worker.unref();
    worker.once('message', (listed: string | null) => {
      resolve(listed === null ? undefined : listed === '' ? [] : listed.split('\0'));
      void worker.terminate();
    });
    // A thread that cannot run: no judgement, as without a ledger.
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  return { tree, sinceMs, files };
}

/**
 * Throw a SystemFailure naming the files of `listed` that `isRecorded` (the ledger's files of the
 * live tree) does not know: they were put there by hand.
 */
export function refuseHandPlaced(outPath: string, listed: readonly string[], isRecorded: (file: string) => boolean): void {
  const placed = listed.filter((file) => !isRecorded(file)).sort();
  if (placed.length === 0) return;
  const shown = placed.slice(0, 3).map((file) => `${path.basename(outPath)}/${file}`).join(', ') + (placed.length > 3 ? ` and ${placed.length - 3} more` : '');
  throw new SystemFailure(
    `The output folder ${shownPath(outPath)} holds files Broadsheet did not write, put there after the last build: ${shown}. They are not part of the site, and a build would not keep them: put a file you want published in static/ (it is then copied into every build), or move them out of ${path.basename(outPath)}. Nothing was changed.`,
  );
}
