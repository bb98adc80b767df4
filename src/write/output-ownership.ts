// Whether the output folder is Broadsheet's to replace. A build replaces its output folder whole
// and deletes from its trees whatever the new site lacks, so it writes only where nothing of
// anyone else's can be lost:
//
//   - no folder there yet, or an empty one;
//   - a link into the output's own trees (`dist -> .dist.builds/a`): the layout only Broadsheet makes;
//   - a real folder an older Broadsheet wrote (before output went through trees): proved by the
//     cache's output manifest (manifest.ts), which names this very folder and every file in it.
//
// Anything else (a GitHub Pages checkout with its .git and CNAME, a photo folder, a folder whose
// files the manifest does not name, a trees folder holding names Broadsheet never gives) is
// refused before the build writes or moves anything, naming the folder and some of what is in it.
// This module only looks; output-folder.ts acts on what it finds.

import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { SystemFailure, shownPath } from './os-errors.js';

/** The names Broadsheet gives inside a trees folder (.dist.builds). */
const TREES_FOLDER_NAMES = /^(a|b|swap|ledger\.json(\.\d+-\d+-\d+\.tmp)?)$/;

/** What stands at the output path, once it is known to be Broadsheet's to replace. */
export type OutputState =
  | { kind: 'missing' }
  | { kind: 'empty-folder' }
  | { kind: 'link'; tree: string }
  /** `unrecorded`: its files the manifest does not name; each must be a file of the new site (provedAtCommit). */
  | { kind: 'older-output'; unrecorded: string[] };

/**
 * What stands at `outPath` (see the top of this file), or a SystemFailure saying why Broadsheet
 * will not touch it. `builds`: its trees folder. `recorded`: the files the cache's manifest says
 * a build wrote into `outPath` (undefined when there is no such record). Reads only.
 */
export function inspectOutput(outPath: string, builds: string, recorded: () => ReadonlySet<string> | undefined): OutputState {
  const info = lstatSync(outPath, { throwIfNoEntry: false });
  if (info?.isSymbolicLink()) {
    const target = path.resolve(path.dirname(outPath), readlinkSync(outPath));
    const tree = path.dirname(target) === builds ? path.basename(target) : undefined;
    if (tree !== 'a' && tree !== 'b') {
      throw new SystemFailure(
        `${shownPath(outPath)} is a symbolic link to ${shownPath(target)}, which Broadsheet did not make. Remove the link (Broadsheet makes ${path.basename(outPath)} a link of its own), or build straight into the target with --out.`,
      );
    }
    return { kind: 'link', tree };
  }
  checkTreesFolder(builds);
  if (!info) return { kind: 'missing' };
  if (!info.isDirectory()) {
    throw new SystemFailure(`The output folder ${shownPath(outPath)} is a file, not a folder. Move or delete it, or build into another folder with --out.`);
  }
  const entries = readdirSync(outPath, { recursive: true, withFileTypes: true });
  if (entries.length === 0) return { kind: 'empty-folder' };
  const files = new Set<string>();
  for (const entry of entries) if (!entry.isDirectory()) files.add(path.relative(outPath, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  const known = recorded();
  // No record of a build into this folder: nothing in it can be told apart as Broadsheet's.
  if (!known) throw foreignFolder(outPath, [...files, ...entries.filter((entry) => entry.isDirectory()).map((entry) => path.relative(outPath, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))]);
  return { kind: 'older-output', unrecorded: [...files].filter((file) => !known.has(file)) };
}

/**
 * An older Broadsheet's folder is proved Broadsheet's once the new site is known: every file the
 * manifest does not name (the theme's assets and static files, which it never recorded) must be
 * a file of the new site too. Throws the refusal otherwise.
 */
export function provedAtCommit(outPath: string, unrecorded: readonly string[], newSite: ReadonlySet<string>): void {
  const strays = unrecorded.filter((file) => !newSite.has(file));
  if (strays.length > 0) throw foreignFolder(outPath, strays);
}

function foreignFolder(outPath: string, strays: readonly string[]): SystemFailure {
  return new SystemFailure(
    `The output folder ${shownPath(outPath)} holds files Broadsheet did not write (${listed(topMost(strays))}). A build replaces its output folder whole, so it writes only into an empty folder or one it made: choose another folder (outDir in the config, or --out), or empty this one yourself. Nothing was changed.`,
  );
}

/** The trees folder, if there is one, must hold only what Broadsheet puts there. */
function checkTreesFolder(builds: string): void {
  let names: string[];
  try {
    names = readdirSync(builds);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') names = ['(a file)'];
    else throw error;
  }
  const strays = names.filter((name) => !TREES_FOLDER_NAMES.test(name));
  if (strays.length > 0) {
    throw new SystemFailure(
      `${shownPath(builds)} is where Broadsheet keeps the output's trees, but it holds files Broadsheet did not write (${listed(strays)}). Move them away, or build into another folder with --out. Nothing was changed.`,
    );
  }
}

/** The top-most names of paths ("a/b/c" -> "a"), each once, in order, for a message. */
function topMost(paths: readonly string[]): string[] {
  return [...new Set(paths.map((file) => file.split('/')[0]!))].sort();
}

/** A few names of a list, for a message. */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}
