// What the last commit knew about the two trees of the output folder (output-folder.ts), kept in
// .dist.builds/ledger.json so the next commit need not walk them: every file of the live tree,
// and the files in which the spare tree (the site before it) differs from it, which are those
// that commit wrote anew or deleted. Every other file of the spare tree is the live tree's very
// file (a hard link), so the next build relinks and deletes only around those, and a warm build
// costs what changed instead of a walk and two stats per file of the site.
//
// Trusted only as the commit left it: a build takes the ledger (reads it and deletes it) before
// writing anything into the spare tree, so a build killed or failed after that leaves no ledger,
// and the next commit walks the trees as before. A ledger naming another live tree is ignored,
// and the dev server, which writes into the live tree, drops it (forgetLedger).

import { existsSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './fs-helpers.js';

const LEDGER_FILE = 'ledger.json';
const LEDGER_FORMAT = 1;

/** The trees as the last commit left them (see the top of this file). */
export interface TreeLedger {
  /** Name of the live tree in the builds folder ('a' or 'b'). */
  live: string;
  /** Every file of the live tree, site paths with "/". */
  files: string[];
  /** Files the spare tree has other bytes for, or lacks, or has beyond the live tree; 'all' when it was not the site before. */
  spareDiffers: string[] | 'all';
}

interface LedgerFile extends TreeLedger {
  format: number;
}

/**
 * The ledger of `builds` if it describes `liveTree` (an absolute path inside it), removing the
 * file either way: from now on this build may change the spare tree.
 */
export function takeLedger(builds: string, liveTree: string): TreeLedger | undefined {
  const file = ledgerFile(builds);
  let ledger: LedgerFile;
  try {
    ledger = JSON.parse(readFileSync(file, 'utf8')) as LedgerFile;
  } catch {
    rmSync(file, { force: true });
    return undefined;
  }
  rmSync(file, { force: true });
  const valid =
    ledger.format === LEDGER_FORMAT &&
    path.join(builds, ledger.live) === liveTree &&
    Array.isArray(ledger.files) &&
    (ledger.spareDiffers === 'all' || Array.isArray(ledger.spareDiffers));
  return valid ? { live: ledger.live, files: ledger.files, spareDiffers: ledger.spareDiffers } : undefined;
}

/** Does `builds` hold a ledger (a look at the file only)? */
export function hasLedger(builds: string): boolean {
  return existsSync(ledgerFile(builds));
}

/** The ledger's file in `builds`: its mtime is when the live tree it describes was last changed by a build. */
export function ledgerFile(builds: string): string {
  return path.join(builds, LEDGER_FILE);
}

/** Record the trees as this commit leaves them. Not flushed: a ledger lost to a power cut costs one walk. */
export function writeLedger(builds: string, ledger: TreeLedger): void {
  writeFileAtomic(ledgerFile(builds), JSON.stringify({ format: LEDGER_FORMAT, ...ledger } satisfies LedgerFile));
}

/**
 * Put back a ledger this build took but did not act on, with the mtime (ms) it had: the time of
 * the commit it describes, after which a folder of the live tree changed by hand (hand-placed.ts,
 * which compares a millisecond early, so the rounding of the time set here never hides a folder).
 */
export function putBackLedger(builds: string, ledger: TreeLedger, mtimeMs: number): void {
  writeLedger(builds, ledger);
  utimesSync(ledgerFile(builds), mtimeMs / 1000, mtimeMs / 1000);
}

/**
 * Drop the ledger of `builds`: the live tree is about to change outside a commit (the dev server
 * writes into it directly), so the next commit must walk both trees again.
 */
export function forgetLedger(builds: string): void {
  rmSync(ledgerFile(builds), { force: true });
}
