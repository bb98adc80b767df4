// Files put into the output by hand (`cp CNAME dist/`): dist is a link to the live tree, so such a
// file lands in a tree Broadsheet rotates. It is not part of the new site, and the tree it is in
// becomes the spare one, which a later build empties of everything the site lacks: the file would
// be deleted, or, when the ledger spares the walk, served again every other build. A build that
// finds one refuses, naming it, before dist changes.
//
// Finding one means listing the live tree (~0.25 s at 10,000 articles, ~2.5 s at 100,000): done on
// a thread of its own from the start of the build, so the main thread waits for it at the commit
// only when it is the slower of the two. The thread runs a few lines of plain JavaScript, as the
// output check does (intact-check.ts). The listing is compared with the ledger (tree-ledger.ts),
// the one exact record of the live tree's files: a build without one (after a killed build or a
// dev session) does not look.

import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SystemFailure, shownPath } from './os-errors.js';
import { hasLedger } from './tree-ledger.js';

// CommonJS, as a worker with `eval` runs it: every entry that is not a folder, without following links.
const LISTER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readdirSync } = require('node:fs');
const files = [];
const walk = (folder, prefix) => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) walk(folder + '/' + entry.name, prefix + entry.name + '/');
    else files.push(prefix + entry.name);
  }
};
let listed = null;
try {
  walk(workerData.tree, '');
  listed = files.join('\\0');
} catch {}
parentPort.postMessage(listed);
`;

/** The live tree's files, being listed on a thread (startListing). */
export interface LiveListing {
  /** The tree listed: an absolute path inside the trees folder. */
  tree: string;
  /** Its files, relative with "/"; undefined when it could not be listed (the caller then does not judge). */
  files: Promise<string[] | undefined>;
}

/**
 * Start listing the tree `outPath` links to, when the trees folder has a ledger to compare it with
 * (see the top of this file); else undefined. Never what keeps the process alive.
 */
export function startListing(outPath: string, builds: string): LiveListing | undefined {
  if (!lstatSync(outPath, { throwIfNoEntry: false })?.isSymbolicLink() || !hasLedger(builds)) return undefined;
  const tree = path.resolve(path.dirname(outPath), readlinkSync(outPath));
  if (!existsSync(tree)) return undefined;
  const files = new Promise<string[] | undefined>((resolve) => {
    const worker = new Worker(LISTER, { eval: true, workerData: { tree }, stdout: false, stderr: false });
    worker.unref();
    worker.once('message', (listed: string | null) => {
      resolve(listed === null ? undefined : listed === '' ? [] : listed.split('\0'));
      void worker.terminate();
    });
    // A thread that cannot run: no judgement, as without a ledger.
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  return { tree, files };
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
